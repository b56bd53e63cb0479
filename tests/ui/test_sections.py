"""The shell wires every section: drill-down, badges, settings that apply at once, lock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hradvisor.preferences import Preferences
from hradvisor.store import IncidentFilter
from hradvisor.ui.dashboard import DashboardPage
from hradvisor.ui.notes import NotesPage
from hradvisor.ui.reports import ReportsPage
from hradvisor.ui.risk import RiskPage
from hradvisor.ui.settings_page import SettingsPage
from hradvisor.ui.sync import SyncPage
from hradvisor.ui.theme import DARK, LIGHT, apply_theme, current_theme
from tests.ui.conftest import MakeWindow
from tests.ui.helpers import unlock


def _open(qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    window = make_window(vault_dir, preferences=Preferences(send_automatically=False), **kwargs)
    unlock(qtbot, window)
    assert window.shell is not None
    return window, window.shell


def test_every_section_is_a_real_screen(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    _window, shell = _open(qtbot, make_window, vault_dir)
    kinds = [type(shell.pages.widget(i)) for i in range(shell.pages.count())]
    assert kinds[1:] == [NotesPage, DashboardPage, RiskPage, ReportsPage, SyncPage, SettingsPage]
    titles = [shell.editor.tabs.tabText(i) for i in range(shell.editor.tabs.count())]
    assert titles[-3:] == ["Notes", "Attachments", "History"]


def test_drill_down_opens_the_incident_list_filtered(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    _window, shell = _open(qtbot, make_window, vault_dir)
    shell.navigation.setCurrentRow(2)
    wanted = IncidentFilter(
        date_from=dt.date(2026, 1, 1), admin1=("XA-07",), violations=("killing",)
    )
    shell.dashboard.show_incidents.emit(wanted)
    assert shell.navigation.currentRow() == 0
    current = shell.incidents.current_filter()
    assert (current.date_from, current.admin1, current.violations) == (
        dt.date(2026, 1, 1),
        ("XA-07",),
        ("killing",),
    )


def test_badges_and_the_sync_summary_in_the_status_bar(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    _window, shell = _open(qtbot, make_window, vault_dir)
    qtbot.waitUntil(lambda: "not enrolled with HQ" in shell.status.currentMessage())
    shell.sync.pending_changed.emit(3)
    assert shell.navigation.item(5).text().endswith("3")
    shell.sync.pending_changed.emit(0)
    assert shell.navigation.item(5).text() == "Sync"


def test_settings_apply_at_once(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, qapp: QApplication
) -> None:
    window, shell = _open(qtbot, make_window, vault_dir)
    shell.navigation.setCurrentRow(6)
    try:
        with qtbot.waitSignal(shell.preferences_changed):
            shell.settings.idle.setValue(3)
        assert window.idle._timer.interval() == 3 * 60_000
        with qtbot.waitSignal(shell.preferences_changed):
            shell.settings.theme.setCurrentIndex(shell.settings.theme.findData("dark"))
        assert current_theme() is DARK
    finally:
        apply_theme(qapp, "light")
    assert current_theme() is LIGHT


def test_lock_clears_every_section(qtbot: QtBot, make_window: MakeWindow, vault_dir: Path) -> None:
    window, shell = _open(qtbot, make_window, vault_dir)
    qtbot.waitUntil(lambda: shell.sync.device_fingerprint.text() not in ("", "…"))
    sync = shell.sync
    window.lock()
    assert window.shell is None and window.vault is None
    assert sync.device_fingerprint.text() == ""
    assert not sync.auto.is_active()
