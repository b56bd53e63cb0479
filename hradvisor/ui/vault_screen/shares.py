"""The recovery shares dialog: shown once, on request, with a plain warning.

The shares are as powerful as the passphrase. They are shown as selectable
text and never put on the clipboard by the app: the clipboard is readable by
every program and often synced.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from hradvisor.store import Vault, recovery_shares
from hradvisor.ui.widgets import label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class RecoverySharesDialog(QDialog):
    """Three SLIP-39 shares, any two of which open the vault."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RecoverySharesDialog", "Recovery shares"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        warning = label(
            translate(
                "RecoverySharesDialog",
                "Anyone holding two of these shares can open your vault without the "
                "passphrase. Write each one on paper and keep them in different safe places. "
                "Do not photograph, email or save them on this computer.",
            ),
            "error",
        )
        layout.addWidget(warning)
        self.shares: list[QLabel] = []
        self._box = QVBoxLayout()
        layout.addLayout(self._box)
        self.status = label(translate("RecoverySharesDialog", "Preparing shares…"), "muted")
        self._box.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            translate("RecoverySharesDialog", "Close")
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        run_in_background(lambda: recovery_shares(vault), self._show, self._failed)

    def _show(self, shares: list[str]) -> None:
        self.status.setText(
            translate("RecoverySharesDialog", "Any two of these three shares recover the vault.")
        )
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for number, share in enumerate(shares, start=1):
            heading = translate("RecoverySharesDialog", "Share {n} of {total}").format(
                n=number, total=len(shares)
            )
            self._box.addWidget(label(heading))
            text = label(share)
            text.setFont(mono)
            text.setAccessibleName(heading)
            text.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            self._box.addWidget(text)
            self.shares.append(text)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(user_message(exc))
