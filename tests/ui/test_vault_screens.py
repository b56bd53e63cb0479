"""Create and unlock: the screens before a vault is open (DESIGN §9, UI.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hradvisor.store import open_vault
from hradvisor.ui.vault_screen.shares import RecoverySharesDialog
from tests.conftest import PASSPHRASE, make_incident
from tests.ui.conftest import MakeWindow
from tests.ui.helpers import type_wrong, unlock

STRONG = "copper-heron-violet-quarry-lantern-moss"


def _fill_create_form(qtbot: QtBot, window: object, first: str, second: str) -> None:
    screen = window.create_screen  # type: ignore[attr-defined]
    qtbot.keyClicks(screen.passphrase, first)
    qtbot.keyClicks(screen.confirm, second)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)


def test_a_new_directory_shows_the_create_screen(tmp_path: Path, make_window: MakeWindow) -> None:
    window = make_window(tmp_path / "new")
    assert window.create_screen is not None
    assert window.stack.currentWidget() is window.create_screen


def test_a_weak_passphrase_is_refused_unless_allowed(
    tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(tmp_path / "new")
    screen = window.create_screen
    assert screen is not None
    _fill_create_form(qtbot, window, "password1", "password1")
    assert "too weak" in screen.message.text()
    assert screen.strength.score < 3
    assert "Strength:" in screen.strength.feedback.text()
    assert not (tmp_path / "new" / "vault.key").exists()
    screen.allow_weak.setChecked(True)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "new" / "vault.key").exists())


def test_different_passphrases_are_refused(
    tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(tmp_path / "new")
    _fill_create_form(qtbot, window, STRONG, STRONG + "x")
    assert window.create_screen is not None
    assert "differ" in window.create_screen.message.text()


def test_a_strong_passphrase_creates_the_vault_and_offers_the_shares(
    tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(tmp_path / "new")
    screen = window.create_screen
    assert screen is not None
    _fill_create_form(qtbot, window, STRONG, STRONG)
    qtbot.waitUntil(lambda: screen.continue_button.isVisible())
    for name in ("vault.key", "vault.db"):
        assert (tmp_path / "new" / name).is_file()
    assert screen.passphrase.text() == ""  # not kept in a widget
    QApplication.clipboard().setText("unrelated")
    qtbot.mouseClick(screen.shares_button, Qt.MouseButton.LeftButton)
    dialog = screen.findChild(RecoverySharesDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.shares) == 3)
    assert all(len(share.text().split()) >= 20 for share in dialog.shares)
    assert QApplication.clipboard().text() == "unrelated"  # never copied for the user
    dialog.reject()
    with qtbot.waitSignal(screen.unlocked):
        qtbot.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
    assert window.shell is not None
    assert window.vault is not None and window.vault.is_open


def test_closing_the_window_after_creating_locks_the_new_vault(
    tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(tmp_path / "new")
    screen = window.create_screen
    assert screen is not None
    _fill_create_form(qtbot, window, STRONG, STRONG)
    qtbot.waitUntil(lambda: screen.continue_button.isVisible())
    vault = screen._vault
    assert vault is not None and vault.is_open
    window.close()
    assert not vault.is_open


def test_right_passphrase_opens_the_shell_with_the_count(
    vault_dir: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add(make_incident())
        vault.incidents.add(make_incident(title="Second"))
    window = make_window(vault_dir)
    assert window.stack.currentWidget() is window.unlock_screen
    unlock(qtbot, window)
    assert window.shell is not None
    assert window.shell.status.currentMessage().startswith("Vault unlocked · 2 incidents")
    assert window.unlock_screen.passphrase.text() == ""


def test_wrong_passphrase_says_so_and_stays(
    vault_dir: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(vault_dir)
    assert type_wrong(qtbot, window).startswith("Wrong passphrase")
    assert window.shell is None
    assert window.stack.currentWidget() is window.unlock_screen


def test_repeated_failures_show_the_wait_in_seconds(
    vault_dir: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(vault_dir)
    for _ in range(3):
        type_wrong(qtbot, window)
    message = type_wrong(qtbot, window, PASSPHRASE)  # even the right one must wait
    assert message.startswith("Too many failed attempts: wait ")
    assert message.endswith(" s, then try again.")
    assert window.shell is None


def _make_rollback(vault_dir: Path, tmp_path: Path) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add(make_incident())
    shutil.copy(vault_dir / "vault.db", tmp_path / "old.db")
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add(make_incident(title="Later"))
    shutil.copy(tmp_path / "old.db", vault_dir / "vault.db")


def test_a_restored_copy_asks_and_can_be_kept(
    vault_dir: Path, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    _make_rollback(vault_dir, tmp_path)
    window = make_window(vault_dir)
    screen = window.unlock_screen
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.rollback.isVisible())
    assert "older copy" in screen.message.text()
    assert window.shell is None
    qtbot.mouseClick(screen.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.shell is not None)
    assert window.shell is not None
    shell = window.shell
    qtbot.waitUntil(
        lambda: shell.status.currentMessage().startswith("Vault unlocked · 1 incidents")
    )


def test_a_restored_copy_can_be_refused(
    vault_dir: Path, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    _make_rollback(vault_dir, tmp_path)
    window = make_window(vault_dir)
    screen = window.unlock_screen
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.rollback.isVisible())
    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert not screen.rollback.isVisible()
    assert screen.passphrase.text() == ""
    assert window.shell is None


def test_a_damaged_vault_is_reported_plainly(
    vault_dir: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    (vault_dir / "vault.db").unlink()
    window = make_window(vault_dir)
    message = type_wrong(qtbot, window, PASSPHRASE)
    assert "vault.db is missing" in message
    assert "Traceback" not in message


def test_tab_follows_reading_order_on_the_create_screen(
    tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(tmp_path / "new")
    screen = window.create_screen
    assert screen is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen.passphrase.setFocus()
    order = [screen.confirm, screen.allow_weak, screen.create_button]
    for expected in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
