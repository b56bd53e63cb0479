"""The History tab: versions with their differences, restore as a new version, lock."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hradvisor.model import incident_from_json, incident_to_json
from hradvisor.store import Vault
from hradvisor.ui.incidents.history import HistoryPanel
from hradvisor.ui.incidents.versions import short_device
from tests.conftest import make_incident


def _edit(vault: Vault, incident_id: str, **changes: Any) -> None:
    incident, head = vault.incidents.get_with_head(incident_id)
    body = {**incident_to_json(incident), **changes}
    vault.incidents.update(incident_from_json(body), based_on=head)


@pytest.fixture
def edited(vault: Vault) -> str:
    """An incident saved three times: recorded, retitled, then violations and victims changed."""
    incident = make_incident(victims={"killed": {"girls": 1}})
    vault.incidents.add(incident)
    _edit(vault, incident.id, title="Detention of traders at Fenwick Crossing")
    _edit(
        vault,
        incident.id,
        violations=["arbitrary-detention", "killing"],
        victims={"killed": {"girls": 2}},
    )
    return incident.id


@pytest.fixture
def panel(vault: Vault, qtbot: QtBot) -> HistoryPanel:
    shown = HistoryPanel(vault)
    qtbot.addWidget(shown)
    shown.resize(700, 600)
    shown.show()
    return shown


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(*args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_a_new_incident_shows_an_empty_state(panel: HistoryPanel) -> None:
    panel.show_incident("")
    assert panel.versions == []
    assert "Save the incident" in panel.empty.text()
    assert panel.stack.currentIndex() == 0


def test_versions_show_device_and_field_differences(
    panel: HistoryPanel, edited: str, qtbot: QtBot
) -> None:
    panel.show_incident(edited)
    qtbot.waitUntil(lambda: len(panel.versions) == 3)
    assert panel.list.count() == 3
    newest, middle, oldest = panel.versions
    assert oldest.first and not oldest.changes
    assert [c.key for c in middle.changes] == ["title"]
    assert middle.changes[0].after == "Detention of traders at Fenwick Crossing"
    by_key = {c.key: c for c in newest.changes}
    assert by_key["violations"].added == ("Killing",)
    assert by_key["victims"].lines == ("Victims: Killed · Girls: 1 → 2",)
    first_item = panel.list.item(0).text()
    assert "this device" in first_item and "2 changes" in first_item
    html = panel.details.toPlainText()
    assert "Killing" in html and "killing" not in html  # labels, not codes
    assert "Killed · Girls: 1 → 2" in html
    assert not panel.restore_button.isEnabled()  # the current version needs no restore
    panel.list.setCurrentRow(1)
    assert "Fenwick Crossing" in panel.details.toPlainText()
    assert panel.restore_button.isEnabled()


def test_restore_makes_a_new_version_equal_to_the_old_one(
    panel: HistoryPanel, vault: Vault, edited: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    panel.show_incident(edited)
    qtbot.waitUntil(lambda: len(panel.versions) == 3)
    panel.list.setCurrentRow(2)
    oldest = panel.versions[2]
    with qtbot.waitSignal(panel.restored) as signal:
        panel.restore_button.click()
    assert signal.args == [edited]
    assert asked == ["Restore this version?"]
    revisions = vault.incidents.history(edited)
    assert len(revisions) == 4
    assert revisions[-1].body == revisions[0].body
    assert revisions[-1].hash != oldest.hash
    assert vault.incidents.get(edited).title == "Detention of market traders in Elsenmoor"
    qtbot.waitUntil(lambda: len(panel.versions) == 4)
    assert panel.versions[0].restores == oldest.created_at
    assert "restored an earlier version" in panel.list.item(0).text()
    assert "Restores the version of" in panel.details.toPlainText()


def test_restore_does_nothing_unless_confirmed(
    panel: HistoryPanel, vault: Vault, edited: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    panel.show_incident(edited)
    qtbot.waitUntil(lambda: len(panel.versions) == 3)
    panel.list.setCurrentRow(2)
    panel.restore_button.click()
    QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()
    assert asked and len(vault.incidents.history(edited)) == 3


def test_an_answer_for_an_incident_no_longer_shown_is_dropped(
    panel: HistoryPanel, vault: Vault, edited: str, qtbot: QtBot
) -> None:
    other = make_incident(title="Displacement from Kestrel Plains")
    vault.incidents.add(other)
    panel.show_incident(edited)
    panel.show_incident(other.id)
    qtbot.waitUntil(lambda: len(panel.versions) == 1)
    QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()
    assert len(panel.versions) == 1
    assert "Displacement" not in panel.details.toPlainText()  # no title change in a first version
    assert panel.list.count() == 1


def test_clear_drops_every_version_and_late_answers(
    panel: HistoryPanel, edited: str, qtbot: QtBot
) -> None:
    panel.show_incident(edited)
    qtbot.waitUntil(lambda: len(panel.versions) == 3)
    panel.clear()
    assert panel.versions == [] and panel.list.count() == 0
    assert panel.details.toPlainText() == ""
    panel.show_incident(edited)
    panel.clear()  # the lock comes before the answer
    QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()
    assert panel.versions == [] and panel.list.count() == 0


def test_a_failed_read_says_so(panel: HistoryPanel, qtbot: QtBot) -> None:
    panel.show_incident("019a0000-0000-7000-8000-00000000dead")
    qtbot.waitUntil(lambda: "could not be read" in panel.empty.text())
    assert "no incident" in panel.empty.text().lower()


_CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def unnamed_controls(widget: QWidget) -> list[str]:
    """Controls inside *widget* that a screen reader could not name (parts of a combo box aside)."""
    missing = []
    for child in widget.findChildren(QWidget):
        if not isinstance(child, _CONTROLS) or child.accessibleName():
            continue
        parent = child.parentWidget()
        while parent is not None and not isinstance(parent, QComboBox):
            parent = parent.parentWidget()
        if parent is None:
            missing.append(f"{type(child).__name__} {child.objectName()!r}")
    return missing


def test_every_control_has_an_accessible_name(
    panel: HistoryPanel, edited: str, qtbot: QtBot
) -> None:
    panel.show_incident(edited)
    qtbot.waitUntil(lambda: len(panel.versions) == 3)
    assert unnamed_controls(panel) == []


class _OtherDevice:
    """The vault as seen from another laptop: same revisions, a different device id."""

    def __init__(self, vault: Vault) -> None:
        self.incidents = vault.incidents
        self.device_id = "019a0000-0000-7000-8000-00000000beef"


def test_revisions_from_another_device_name_it_briefly(
    vault: Vault, edited: str, qtbot: QtBot
) -> None:
    panel = HistoryPanel(_OtherDevice(vault))  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.show_incident(edited)
    qtbot.waitUntil(lambda: len(panel.versions) == 3)
    expected = f"device {short_device(vault.device_id)}"
    assert expected in panel.list.item(0).text()
    assert len(short_device(vault.device_id)) == 8
    assert "this device" not in panel.details.toPlainText()


def test_restore_is_reachable_by_keyboard(
    panel: HistoryPanel, vault: Vault, edited: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    panel.show_incident(edited)
    qtbot.waitUntil(lambda: len(panel.versions) == 3)
    panel.activateWindow()
    qtbot.waitActive(panel)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert panel.list.currentRow() == 1
    with qtbot.waitSignal(panel.restored):
        qtbot.keyClick(panel, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert len(vault.incidents.history(edited)) == 4
