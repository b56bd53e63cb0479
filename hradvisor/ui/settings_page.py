"""The Settings section: language, look, auto-lock delay, passphrase and recovery shares.

Preferences apply at once where Qt allows it (auto-lock delay, light or dark
look); the language applies the next time the app starts, and says so,
because retranslating every open screen mid-session could lose typed text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hradvisor.preferences import IDLE_MINUTES_RANGE, Preferences, save_preferences
from hradvisor.store import KdfParams, Vault
from hradvisor.ui.vault_screen.passphrase import ChangePassphraseDialog
from hradvisor.ui.vault_screen.shares import RecoverySharesDialog
from hradvisor.ui.widgets import button, label, name_parts
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")
FIELD_WIDTH = 360  # choices read better short than stretched across the window


class SettingsPage(QWidget):
    """Emits ``preferences_changed(Preferences)`` after a change has been saved."""

    preferences_changed = Signal(object)

    def __init__(
        self,
        vault: Vault,
        preferences: Preferences,
        *,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._vault_dir = vault.path
        self._kdf = kdf
        self._preferences = preferences
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(12)
        outer.addWidget(label(translate("SettingsPage", "Settings"), "title"))
        outer.addWidget(self._preferences_card())
        outer.addWidget(self._vault_card(vault.path))
        self.message = label("", "muted")
        outer.addWidget(self.message)
        outer.addStretch(1)

    def _card(self, heading: str) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame()
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(label(heading, "heading"))
        return card, layout

    def _preferences_card(self) -> QFrame:
        card, layout = self._card(translate("SettingsPage", "This computer"))
        form = QFormLayout()
        self.language = QComboBox()
        for code, text in (
            ("auto", translate("SettingsPage", "As the system (English or French)")),
            ("en", "English"),
            ("fr", "Français"),
        ):
            self.language.addItem(text, code)
        self.language.setAccessibleName(translate("SettingsPage", "Language"))
        self.theme = QComboBox()
        self.theme.addItem(translate("SettingsPage", "Light"), "light")
        self.theme.addItem(translate("SettingsPage", "Dark"), "dark")
        self.theme.setAccessibleName(translate("SettingsPage", "Appearance"))
        self.idle = QSpinBox()
        self.idle.setRange(*IDLE_MINUTES_RANGE)
        self.idle.setSuffix(translate("SettingsPage", " min"))
        self.idle.setAccessibleName(translate("SettingsPage", "Lock after this many idle minutes"))
        name_parts(self.idle, translate("SettingsPage", "Lock after this many idle minutes"))
        self._show(self._preferences)
        for field in (self.language, self.theme, self.idle):
            field.setMaximumWidth(FIELD_WIDTH)
        form.addRow(translate("SettingsPage", "Language"), self.language)
        form.addRow(
            "",
            label(translate("SettingsPage", "Takes effect when hradvisor next starts."), "muted"),
        )
        form.addRow(translate("SettingsPage", "Appearance"), self.theme)
        form.addRow(translate("SettingsPage", "Lock when idle for"), self.idle)
        layout.addLayout(form)
        self.language.currentIndexChanged.connect(self._changed)
        self.theme.currentIndexChanged.connect(self._changed)
        self.idle.valueChanged.connect(self._changed)
        return card

    def _vault_card(self, path: Path) -> QFrame:
        card, layout = self._card(translate("SettingsPage", "This vault"))
        folder = label(translate("SettingsPage", "Folder: {path}").format(path=path), "muted")
        layout.addWidget(folder)
        row = QHBoxLayout()
        self.passphrase_button = button(
            translate("SettingsPage", "Change passphrase…"),
            translate("SettingsPage", "Change the vault passphrase"),
        )
        self.shares_button = button(
            translate("SettingsPage", "New recovery shares…"),
            translate("SettingsPage", "Show new recovery shares"),
        )
        row.addWidget(self.passphrase_button)
        row.addWidget(self.shares_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.passphrase_button.clicked.connect(self._change_passphrase)
        self.shares_button.clicked.connect(self._show_shares)
        return card

    def _show(self, preferences: Preferences) -> None:
        for combo, value in (
            (self.language, preferences.language),
            (self.theme, preferences.theme),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.idle.blockSignals(True)
        self.idle.setValue(preferences.idle_minutes)
        self.idle.blockSignals(False)

    def _changed(self) -> None:
        self.change(
            language=str(self.language.currentData()),
            theme=str(self.theme.currentData()),
            idle_minutes=self.idle.value(),
        )

    def change(self, **changes: object) -> None:
        """Save these preferences (from this page or another section, e.g. Sync)."""
        wanted = replace(self._preferences, **changes)  # type: ignore[arg-type]
        if wanted == self._preferences:
            return
        run_in_background(
            lambda: save_preferences(wanted), lambda _r: self._saved(wanted), self._failed
        )

    def _saved(self, preferences: Preferences) -> None:
        self._preferences = preferences
        self.message.setText(translate("SettingsPage", "Saved."))
        self.preferences_changed.emit(preferences)

    def _failed(self, exc: BaseException) -> None:
        self._show(self._preferences)
        self.message.setText(
            translate("SettingsPage", "The settings could not be saved: {reason}").format(
                reason=user_message(exc)
            )
        )

    def _change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self._vault_dir, self._kdf, self)
        if dialog.exec():
            self.message.setText(translate("SettingsPage", "The passphrase was changed."))

    def _show_shares(self) -> None:
        if self._vault is not None and self._vault.is_open:
            RecoverySharesDialog(self._vault, self).open()

    def forget(self) -> None:
        """On lock: this page holds no vault data beyond the folder path."""
        self._vault = None
