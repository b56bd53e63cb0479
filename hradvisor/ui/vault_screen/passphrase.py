"""Change the vault passphrase: the current one, the new one twice, the same strength bar.

Only the key header is rewritten (the data key is re-wrapped), so this is
quick and safe while the vault is open. Argon2id runs twice (check the old,
wrap with the new), so the work happens in a worker. A wrong current
passphrase counts towards the unlock throttle like any other attempt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from hradvisor.store import KdfParams, change_passphrase
from hradvisor.ui.vault_screen.strength import MIN_SCORE, StrengthMeter, secret_field
from hradvisor.ui.widgets import label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class ChangePassphraseDialog(QDialog):
    """Accepts (closes with Accepted) only once the new passphrase is in place."""

    def __init__(
        self, vault_dir: Path, kdf: KdfParams | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault_dir = vault_dir
        self._kdf = kdf
        self.setWindowTitle(translate("ChangePassphraseDialog", "Change passphrase"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                translate(
                    "ChangePassphraseDialog",
                    "Your recovery shares keep working: they hold the data key, not the "
                    "passphrase.",
                ),
                "muted",
            )
        )
        self.current = secret_field(translate("ChangePassphraseDialog", "Current passphrase"))
        self.new = secret_field(translate("ChangePassphraseDialog", "New passphrase"))
        self.confirm = secret_field(
            translate("ChangePassphraseDialog", "Repeat the new passphrase")
        )
        self.strength = StrengthMeter()
        self.message = label("", "error")
        for widget in (self.current, self.new, self.confirm, self.strength, self.message):
            layout.addWidget(widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("ChangePassphraseDialog", "Change passphrase"))
        self.ok.setAccessibleName(translate("ChangePassphraseDialog", "Change passphrase"))
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.new.textChanged.connect(self.strength.rate)

    def _problem(self) -> str:
        if not self.current.text():
            return translate("ChangePassphraseDialog", "Type your current passphrase.")
        if not self.new.text():
            return translate("ChangePassphraseDialog", "Type a new passphrase.")
        if self.new.text() != self.confirm.text():
            return translate("ChangePassphraseDialog", "The two new passphrases differ.")
        if self.new.text() == self.current.text():
            return translate("ChangePassphraseDialog", "The new passphrase is the current one.")
        if self.strength.score < MIN_SCORE:
            return translate(
                "ChangePassphraseDialog",
                "The new passphrase is too weak: it could be guessed. Use five or more "
                "random words.",
            )
        return ""

    def _change(self) -> None:
        problem = self._problem()
        self.message.setText(problem)
        if problem:
            return
        old, new, path, kdf = self.current.text(), self.new.text(), self._vault_dir, self._kdf
        self._busy(True)
        run_in_background(
            lambda: change_passphrase(path, old, new, kdf=kdf), self._done, self._failed
        )

    def _busy(self, busy: bool) -> None:
        for widget in (self.current, self.new, self.confirm, self.ok):
            widget.setEnabled(not busy)
        if busy:
            self.message.setText(translate("ChangePassphraseDialog", "Changing the passphrase…"))

    def _done(self, _result: object) -> None:
        self._clear_fields()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.current.clear()
        self.current.setFocus()
        self.message.setText(user_message(exc))

    def _clear_fields(self) -> None:
        for field in (self.current, self.new, self.confirm):
            field.clear()

    def reject(self) -> None:
        self._clear_fields()
        super().reject()
