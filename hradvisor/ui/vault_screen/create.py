"""Create a vault: passphrase twice, a strength meter, then recovery shares on offer.

Creation runs in a worker (Argon2id takes about half a second at real
settings). The KDF parameters are a constructor argument so tests create
vaults in milliseconds.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QStackedWidget, QVBoxLayout, QWidget

from hradvisor.store import KdfParams, Vault, create_vault, open_vault
from hradvisor.ui.vault_screen.card import centred_card
from hradvisor.ui.vault_screen.shares import RecoverySharesDialog
from hradvisor.ui.vault_screen.strength import MIN_SCORE, StrengthMeter, secret_field
from hradvisor.ui.widgets import button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class CreateVaultScreen(QWidget):
    """First run: make the vault. Emits ``unlocked(vault)`` when the user goes on to it."""

    unlocked = Signal(object)

    def __init__(self, vault_dir: Path, kdf: KdfParams | None = None) -> None:
        super().__init__()
        self._vault_dir = vault_dir
        self._kdf = kdf
        self._vault: Vault | None = None
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self._form_page())
        self._pages.addWidget(self._done_page())
        QVBoxLayout(self).addWidget(self._pages)

    def _form_page(self) -> QWidget:
        page = QWidget()
        card = centred_card(
            page,
            "mdi6.shield-key-outline",
            translate("CreateVaultScreen", "Create your vault"),
            translate(
                "CreateVaultScreen",
                "Everything you record is encrypted with this passphrase. Nobody can reset it: "
                "choose five or more random words you can remember.",
            ),
        )
        self.passphrase = secret_field(translate("CreateVaultScreen", "Passphrase"))
        self.confirm = secret_field(translate("CreateVaultScreen", "Repeat the passphrase"))
        self.strength = StrengthMeter()
        self.allow_weak = QCheckBox(
            translate("CreateVaultScreen", "Allow a weak passphrase (not recommended)")
        )
        self.allow_weak.setAccessibleName(translate("CreateVaultScreen", "Allow a weak passphrase"))
        self.message = label("", "error")
        self.create_button = button(
            translate("CreateVaultScreen", "Create vault"),
            translate("CreateVaultScreen", "Create vault"),
            "primary",
        )
        fields: tuple[QWidget, ...] = (self.passphrase, self.confirm, self.strength)
        for widget in (*fields, self.allow_weak, self.message, self.create_button):
            card.addWidget(widget)
        self.passphrase.textChanged.connect(self.strength.rate)
        self.confirm.returnPressed.connect(self._create)
        self.create_button.clicked.connect(self._create)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        card = centred_card(
            page,
            "mdi6.check-decagram-outline",
            translate("CreateVaultScreen", "Your vault is ready"),
            translate(
                "CreateVaultScreen",
                "If you forget the passphrase, two of three recovery shares can open the vault. "
                "Write them on paper now and keep them in different safe places — or skip this "
                "and create them later from Settings.",
            ),
        )
        self.shares_button = button(
            translate("CreateVaultScreen", "Show recovery shares…"),
            translate("CreateVaultScreen", "Show recovery shares"),
        )
        self.continue_button = button(
            translate("CreateVaultScreen", "Open the vault"),
            translate("CreateVaultScreen", "Open the vault"),
            "primary",
        )
        card.addWidget(self.shares_button)
        card.addWidget(self.continue_button)
        self.shares_button.clicked.connect(self._show_shares)
        self.continue_button.clicked.connect(self._continue)
        return page

    def _problem(self) -> str:
        """Why the typed passphrase cannot be used yet (empty if it can)."""
        text = self.passphrase.text()
        if not text:
            return translate("CreateVaultScreen", "Type a passphrase.")
        if text != self.confirm.text():
            return translate("CreateVaultScreen", "The two passphrases differ.")
        if self.strength.score < MIN_SCORE and not self.allow_weak.isChecked():
            return translate(
                "CreateVaultScreen",
                "This passphrase is too weak: it could be guessed. Use five or more random "
                "words, or tick “Allow a weak passphrase”.",
            )
        return ""

    def _create(self) -> None:
        problem = self._problem()
        self.message.setText(problem)
        if problem:
            return
        passphrase, path, kdf = self.passphrase.text(), self._vault_dir, self._kdf
        self._set_busy(True)

        def work() -> Vault:
            create_vault(path, passphrase, kdf=kdf)
            return open_vault(path, passphrase)

        run_in_background(work, self._created, self._failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.passphrase, self.confirm, self.allow_weak, self.create_button):
            widget.setEnabled(not busy)
        self.create_button.setText(
            translate("CreateVaultScreen", "Creating…")
            if busy
            else translate("CreateVaultScreen", "Create vault")
        )

    def _created(self, vault: Vault) -> None:
        self._vault = vault
        self.passphrase.clear()
        self.confirm.clear()
        self._set_busy(False)
        self._pages.setCurrentIndex(1)
        self.continue_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.message.setText(user_message(exc))

    def _show_shares(self) -> None:
        if self._vault is not None:
            RecoverySharesDialog(self._vault, self).open()

    def discard(self) -> None:
        """Lock the just-created vault if the window closes before the user goes on."""
        vault, self._vault = self._vault, None
        if vault is not None:
            vault.close()

    def _continue(self) -> None:
        vault, self._vault = self._vault, None
        if vault is not None:
            self.unlocked.emit(vault)
