"""Driving the vault screens the way a person does: typing and pressing keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hradvisor.store import Vault
from hradvisor.ui.app import MainWindow
from hradvisor.ui.reports.page import ReportsPage
from hradvisor.ui.risk import RiskPage
from tests.conftest import PASSPHRASE


def unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase and press Enter; wait until the shell shows the count."""
    screen = window.unlock_screen
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.shell is not None)
    assert window.shell is not None
    shell = window.shell
    qtbot.waitUntil(lambda: "incidents" in shell.status.currentMessage())
    qtbot.waitUntil(lambda: "counting" not in shell.status.currentMessage())


def type_wrong(qtbot: QtBot, window: MainWindow, passphrase: str = "not-the-passphrase") -> str:
    """Try a wrong passphrase; returns the message shown."""
    screen = window.unlock_screen
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.message.text() != "" and screen.unlock_button.isEnabled())
    return screen.message.text()


def shown_risk_page(qtbot: QtBot, vault: Vault) -> RiskPage:
    """A Risk page at 1280×800 on screen, its assessment list loaded."""
    page = RiskPage(vault)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: page.list_status.text() != "Loading…")
    return page


def shown_reports_page(qtbot: QtBot, vault: Vault) -> ReportsPage:
    """A Reports page (English) at 1280×800 on screen, its definitions loaded."""
    page = ReportsPage(vault, lang="en")
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: not page.is_busy())
    return page
