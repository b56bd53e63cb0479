"""Settings: preferences saved and announced, passphrase change, recovery shares."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hradvisor.preferences import Preferences, load_preferences
from hradvisor.store import Vault, WrongPassphrase, open_vault
from hradvisor.ui.settings_page import SettingsPage
from hradvisor.ui.vault_screen.passphrase import ChangePassphraseDialog
from tests.conftest import FAST_KDF, PASSPHRASE

NEW_PASSPHRASE = "copper-heron-midnight-orchard-spindle"  # test-only, fictional


@pytest.fixture
def page(qtbot: QtBot, vault: Vault) -> SettingsPage:
    widget = SettingsPage(vault, Preferences(), kdf=FAST_KDF)
    qtbot.addWidget(widget)
    return widget


def test_changing_the_idle_delay_saves_and_announces_it(qtbot: QtBot, page: SettingsPage) -> None:
    with qtbot.waitSignal(page.preferences_changed) as signal:
        page.idle.setValue(3)
    assert signal.args == [Preferences(idle_minutes=3)]
    assert load_preferences().idle_minutes == 3


def test_theme_and_language_are_saved(qtbot: QtBot, page: SettingsPage) -> None:
    with qtbot.waitSignal(page.preferences_changed):
        page.theme.setCurrentIndex(page.theme.findData("dark"))
    with qtbot.waitSignal(page.preferences_changed):
        page.language.setCurrentIndex(page.language.findData("fr"))
    assert load_preferences() == Preferences(language="fr", theme="dark")


def test_the_page_shows_saved_preferences(qtbot: QtBot, vault: Vault) -> None:
    widget = SettingsPage(vault, Preferences(language="fr", theme="dark", idle_minutes=7))
    qtbot.addWidget(widget)
    assert (widget.language.currentData(), widget.theme.currentData()) == ("fr", "dark")
    assert widget.idle.value() == 7


def _dialog(qtbot: QtBot, vault_dir: Path) -> ChangePassphraseDialog:
    dialog = ChangePassphraseDialog(vault_dir, FAST_KDF)
    qtbot.addWidget(dialog)
    return dialog


def _fill(dialog: ChangePassphraseDialog, current: str, new: str, again: str | None = None) -> None:
    dialog.current.setText(current)
    dialog.new.setText(new)
    dialog.confirm.setText(new if again is None else again)
    dialog.ok.click()


def test_passphrase_change_takes_effect(qtbot: QtBot, vault_dir: Path) -> None:
    dialog = _dialog(qtbot, vault_dir)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _fill(dialog, PASSPHRASE, NEW_PASSPHRASE)
    assert dialog.new.text() == "" and dialog.current.text() == ""  # secrets not kept
    open_vault(vault_dir, NEW_PASSPHRASE).close()
    with pytest.raises(WrongPassphrase):
        open_vault(vault_dir, PASSPHRASE)


def test_wrong_current_passphrase_is_said_and_nothing_changes(
    qtbot: QtBot, vault_dir: Path
) -> None:
    dialog = _dialog(qtbot, vault_dir)
    key_before = (vault_dir / "vault.key").read_bytes()
    _fill(dialog, "not-the-passphrase", NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=10_000)
    assert "passphrase" in dialog.message.text().lower()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert (vault_dir / "vault.key").read_bytes() == key_before


@pytest.mark.parametrize(
    ("new", "again", "expected"),
    [
        ("password1", None, "too weak"),
        (NEW_PASSPHRASE, "something-else", "differ"),
        (PASSPHRASE, None, "current one"),
        ("", None, "new passphrase"),
    ],
)
def test_bad_new_passphrases_are_refused_before_any_work(
    qtbot: QtBot, vault_dir: Path, new: str, again: str | None, expected: str
) -> None:
    dialog = _dialog(qtbot, vault_dir)
    key_before = (vault_dir / "vault.key").read_bytes()
    _fill(dialog, PASSPHRASE, new, again)
    assert expected in dialog.message.text()
    assert dialog.ok.isEnabled()
    assert (vault_dir / "vault.key").read_bytes() == key_before


def test_recovery_shares_open_from_settings(qtbot: QtBot, page: SettingsPage) -> None:
    page.shares_button.click()
    dialogs = [child for child in page.findChildren(QDialog) if child.isVisible()]
    assert len(dialogs) == 1
    qtbot.waitUntil(lambda: len(getattr(dialogs[0], "shares", [])) == 3)
    dialogs[0].close()


def test_forget_drops_the_vault(page: SettingsPage) -> None:
    page.forget()
    page.shares_button.click()  # no vault: nothing opens, nothing crashes
    assert not [child for child in page.findChildren(QDialog) if child.isVisible()]
