"""Unlock the vault: one passphrase field, Enter unlocks, the work runs in a worker.

A restored older copy (rollback) is not an error the user can only dismiss:
they decide, in plain words, whether to keep the copy or stop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from hradvisor.store import RollbackDetected, UnlockThrottled, Vault, open_vault
from hradvisor.ui.vault_screen.card import centred_card
from hradvisor.ui.widgets import button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class UnlockScreen(QWidget):
    """Ask for the passphrase; emits ``unlocked(vault)`` with the open vault."""

    unlocked = Signal(object)

    def __init__(self, vault_dir: Path) -> None:
        super().__init__()
        self._vault_dir = vault_dir
        card = centred_card(
            self,
            "mdi6.lock-outline",
            translate("UnlockScreen", "Unlock your vault"),
            translate("UnlockScreen", "Vault: {name}").format(name=vault_dir.name),
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(translate("UnlockScreen", "Passphrase"))
        self.passphrase.setAccessibleName(translate("UnlockScreen", "Passphrase"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: Argon2id gives no progress
        self.busy.setFixedHeight(6)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(translate("UnlockScreen", "Unlocking"))
        self.busy.setVisible(False)
        self.message = label("", "error")
        self.unlock_button = button(
            translate("UnlockScreen", "Unlock"), translate("UnlockScreen", "Unlock"), "primary"
        )
        for widget in (self.passphrase, self.busy, self.message, self.unlock_button):
            card.addWidget(widget)
        card.addWidget(self._rollback_panel())
        self.passphrase.returnPressed.connect(self._unlock)
        self.unlock_button.clicked.connect(self._unlock)
        self.passphrase.setFocus()

    def _rollback_panel(self) -> QFrame:
        self.rollback = QFrame()
        layout = QVBoxLayout(self.rollback)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            label(
                translate(
                    "UnlockScreen",
                    "This vault is older than the copy last used on this computer: an old "
                    "backup was restored, or someone replaced the files. Anything recorded "
                    "since that copy is not in it. Keep it only if you restored it yourself.",
                )
            )
        )
        row = QHBoxLayout()
        self.accept_button = button(
            translate("UnlockScreen", "Keep this copy (accept)"),
            translate("UnlockScreen", "Keep this copy (accept)"),
        )
        self.cancel_button = button(
            translate("UnlockScreen", "Cancel"), translate("UnlockScreen", "Cancel")
        )
        row.addWidget(self.accept_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.accept_button.clicked.connect(lambda: self._unlock(accept_rollback=True))
        self.cancel_button.clicked.connect(self._cancel_rollback)
        self.rollback.setVisible(False)
        return self.rollback

    def _unlock(self, *, accept_rollback: bool = False) -> None:
        passphrase, path = self.passphrase.text(), self._vault_dir
        if not passphrase or self.busy.isVisible():
            return
        self._set_busy(True)
        run_in_background(
            lambda: open_vault(path, passphrase, accept_rollback=accept_rollback),
            self._opened,
            self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.rollback.setVisible(False)
        for widget in (self.passphrase, self.unlock_button):
            widget.setEnabled(not busy)
        if busy:
            self.message.clear()

    def _opened(self, vault: Vault) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, RollbackDetected):
            self.message.setText(translate("UnlockScreen", "This is an older copy of the vault."))
            self.rollback.setVisible(True)
            self.accept_button.setFocus()
            return
        if isinstance(exc, UnlockThrottled):
            seconds = max(1, round(exc.wait_seconds))
            text = translate(
                "UnlockScreen", "Too many failed attempts: wait {seconds} s, then try again."
            )
            self.message.setText(text.format(seconds=seconds))
        else:
            self.message.setText(user_message(exc))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _cancel_rollback(self) -> None:
        self.rollback.setVisible(False)
        self.message.clear()
        self.passphrase.clear()
        self.passphrase.setFocus()
