"""The shell after unlock: sections, shortcuts, locking and auto-lock (UI.md, DESIGN §9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from hradvisor.ui.app import MainWindow
from hradvisor.ui.shell import SECTIONS
from tests.ui.conftest import MakeWindow
from tests.ui.helpers import unlock


@pytest.fixture
def window(vault_dir: Path, make_window: MakeWindow, qtbot: QtBot) -> MainWindow:
    opened = make_window(vault_dir)
    unlock(qtbot, opened)
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    return opened


def _assert_locked(qtbot: QtBot, window: MainWindow, vault: object) -> None:
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_screen)
    assert window.vault is None
    assert window.shell is None
    assert vault.is_open is False  # type: ignore[attr-defined]


def test_the_shell_shows_the_vault_and_every_section(window: MainWindow) -> None:
    shell = window.shell
    assert shell is not None
    assert shell.title.text() == "hradvisor — vault"
    names = [shell.navigation.item(row).text() for row in range(shell.navigation.count())]
    assert names == [title for title, _icon, _purpose in SECTIONS]
    assert shell.pages.count() == len(SECTIONS)


def test_ctrl_and_a_digit_switch_sections(window: MainWindow, qtbot: QtBot) -> None:
    shell = window.shell
    assert shell is not None
    for number in (3, 7, 1, 5, 2, 6, 4):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert shell.navigation.currentRow() == number - 1
        assert shell.pages.currentIndex() == number - 1


def test_the_lock_button_closes_the_vault(window: MainWindow, qtbot: QtBot) -> None:
    vault = window.vault
    assert window.shell is not None
    qtbot.mouseClick(window.shell.lock_button, Qt.MouseButton.LeftButton)
    _assert_locked(qtbot, window, vault)


def test_ctrl_l_locks_and_the_vault_can_be_unlocked_again(window: MainWindow, qtbot: QtBot) -> None:
    vault = window.vault
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _assert_locked(qtbot, window, vault)
    unlock(qtbot, window)
    assert window.vault is not None and window.vault.is_open


def test_panic_lock_clears_clipboard_text(window: MainWindow, qtbot: QtBot) -> None:
    vault = window.vault
    QApplication.clipboard().setText("a copied narrative")
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, modifiers)
    _assert_locked(qtbot, window, vault)
    assert QApplication.clipboard().text() == ""


def test_idle_time_locks_and_activity_postpones_it(
    vault_dir: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(vault_dir, idle_ms=200)
    unlock(qtbot, window)
    vault = window.vault
    assert window.idle._timer.isActive()
    qtbot.keyClick(window.shell, Qt.Key.Key_Down)  # activity restarts the countdown
    assert window.idle._timer.remainingTime() > 100
    _assert_locked(qtbot, window, vault)
    assert not window.idle._timer.isActive()  # nothing to lock while locked


def _controls(root: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in root.findChildren(QWidget)
        if isinstance(widget, QAbstractButton | QLineEdit)
    ]


def test_every_control_has_an_accessible_name(
    window: MainWindow, tmp_path: Path, make_window: MakeWindow
) -> None:
    create = make_window(tmp_path / "new")
    roots: list[QWidget] = [window, create]
    controls = [control for root in roots for control in _controls(root)]
    assert len(controls) >= 10
    unnamed = [
        f"{type(c).__name__} {c.objectName()!r} in {type(c.parentWidget()).__name__}"
        for c in controls
        if not c.accessibleName()
    ]
    assert not unnamed, "; ".join(unnamed)
