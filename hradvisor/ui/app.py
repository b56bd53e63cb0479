"""The desktop application: one window that shows the vault screens or the shell.

The window owns the open Vault and is the only place that closes it. Locking
closes the vault, drops every reference to it, destroys the shell (and with it
every widget that showed data) and shows the unlock screen again.

Unsaved edits: a lock the person asks for (button, Ctrl+L) and closing the
window ask Save / Discard / Cancel first. A lock that must not wait (idle
timeout, panic key) never asks: the edit is kept as an encrypted draft and
offered back after the next unlock.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from hradvisor.preferences import Preferences, load_preferences
from hradvisor.store import KdfParams, Vault
from hradvisor.ui.collector import GuiThreadCollector
from hradvisor.ui.i18n import chosen_language, install_translators
from hradvisor.ui.incidents.editor import prompts
from hradvisor.ui.locking import IdleWatcher
from hradvisor.ui.shell import Shell
from hradvisor.ui.theme import apply_theme
from hradvisor.ui.vault_screen import CreateVaultScreen, UnlockScreen

WINDOW_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    """The application window. *kdf*, *idle_ms* and *preferences* are injectable for tests.

    Without *idle_ms* the auto-lock delay comes from the preferences (Settings).
    """

    def __init__(
        self,
        vault_dir: Path,
        *,
        kdf: KdfParams | None = None,
        idle_ms: int | None = None,
        preferences: Preferences | None = None,
    ) -> None:
        super().__init__()
        self.preferences = preferences or load_preferences()
        self._kdf = kdf
        self._fixed_idle = idle_ms is not None
        idle_ms = idle_ms if idle_ms is not None else self.preferences.idle_ms
        self.setWindowTitle("hradvisor")
        self.resize(*WINDOW_SIZE)
        self.vault_dir = vault_dir
        self.vault: Vault | None = None
        self.shell: Shell | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.idle = IdleWatcher(idle_ms, self)
        self.idle.idle.connect(self.lock)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)  # removed by Qt when the watcher is destroyed
        self.unlock_screen = UnlockScreen(vault_dir)
        self.unlock_screen.unlocked.connect(self._show_shell)
        self.stack.addWidget(self.unlock_screen)
        self.create_screen: CreateVaultScreen | None = None
        if not (vault_dir / "vault.key").exists() and not (vault_dir / "vault.db").exists():
            self.create_screen = CreateVaultScreen(vault_dir, kdf)
            self.create_screen.unlocked.connect(self._show_shell)
            self.stack.addWidget(self.create_screen)
            self.stack.setCurrentWidget(self.create_screen)

    def _show_shell(self, vault: Vault) -> None:
        self.vault = vault
        self.shell = Shell(vault, preferences=self.preferences, kdf=self._kdf)
        self.shell.lock_requested.connect(self._lock_requested)
        self.shell.preferences_changed.connect(self._apply_preferences)
        self.stack.addWidget(self.shell)
        self.stack.setCurrentWidget(self.shell)
        self.shell.navigation.setFocus()
        self._drop_create_screen()
        self.idle.arm()

    def _apply_preferences(self, preferences: Preferences) -> None:
        """What can change at once does: the auto-lock delay and the light or dark look."""
        theme_changed = preferences.theme != self.preferences.theme
        self.preferences = preferences
        if not self._fixed_idle:
            self.idle.set_interval(preferences.idle_ms)
        app = QApplication.instance()
        if theme_changed and isinstance(app, QApplication):
            apply_theme(app, preferences.theme)

    def _drop_create_screen(self) -> None:
        """After the first unlock, creating is over: later locks go to the unlock screen."""
        if self.create_screen is not None:
            self.stack.removeWidget(self.create_screen)
            self.create_screen.deleteLater()
            self.create_screen = None

    def _lock_requested(self, panic: bool) -> None:
        if panic:
            clear_clipboard_text()
            self.lock()
        elif self.shell is not None:
            self.shell.confirm_leave(self.lock)
        else:
            self.lock()

    def lock(self) -> None:
        """Close the vault, destroy the shell, show the unlock screen. Never asks anything:

        unsaved edits are kept as an encrypted draft first.
        """
        self.idle.disarm()
        prompts.dismiss()
        if self.shell is not None:
            self.shell.keep_draft()
        vault, self.vault = self.vault, None
        if vault is not None:
            vault.close()
        shell, self.shell = self.shell, None
        if shell is not None:
            shell.forget()
            self.stack.removeWidget(shell)
            shell.deleteLater()
        self.stack.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.passphrase.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.shell is not None and self.shell.has_unsaved_changes():
            event.ignore()  # ask first; close again once the edit is saved or discarded
            self.shell.confirm_leave(self._close_after_save)
            return
        if self.create_screen is not None:
            self.create_screen.discard()
        self.lock()
        super().closeEvent(event)

    def _close_after_save(self) -> None:
        self.close()


def clear_clipboard_text() -> None:
    """Empty the clipboard if it holds text (it may be a copied narrative or name)."""
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasText():
        clipboard.clear()


def run_gui(vault_dir: Path) -> int:
    """Open the desktop app on *vault_dir*; returns the exit code of the event loop."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # noqa: S101 (narrows the type for mypy)
    app.setApplicationName("hradvisor")
    preferences = load_preferences()
    install_translators(app, chosen_language(preferences.language))
    apply_theme(app, preferences.theme)
    collector = GuiThreadCollector(app)
    window = MainWindow(vault_dir, preferences=preferences)
    window.show()
    try:
        return app.exec()
    finally:
        collector.stop()
