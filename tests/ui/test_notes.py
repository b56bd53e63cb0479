"""Field notes: the Notes section, the note editor, linking incidents, the incident's Notes tab."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hradvisor.model import FieldNote, Incident, note_from_json
from hradvisor.store import Vault
from hradvisor.ui.notes import IncidentNotesPanel, IncidentPicker, NoteEditor, NotesPage
from tests.conftest import make_incident
from tests.ui.test_history import unnamed_controls

Button = QMessageBox.StandardButton
Ctrl = Qt.KeyboardModifier.ControlModifier


def _note(vault: Vault, date: str, title: str, text: str, links: list[str] = ()) -> FieldNote:  # type: ignore[assignment]
    note = note_from_json({"date": date, "title": title, "text": text, "incident_ids": list(links)})
    vault.notes.save(note)
    return note


@pytest.fixture
def incidents(vault: Vault) -> list[Incident]:
    made = [
        make_incident(title="Detention of market traders in Elsenmoor"),
        make_incident(title="Displacement from Kestrel Plains", violations=["forced-displacement"]),
    ]
    vault.incidents.add_many(made)
    return made


@pytest.fixture
def notes(vault: Vault, incidents: list[Incident]) -> list[FieldNote]:
    return [
        _note(
            vault,
            "2026-10-28",
            "Meeting with traders",
            "They ask for anonymity.",
            [incidents[0].id],
        ),
        _note(vault, "2026-10-30", "Visit to the police station", "Two arrests confirmed."),
        _note(
            vault,
            "2026-11-03",
            "Call with the commission",
            "An inquiry is open.",
            [incidents[0].id],
        ),
    ]


@pytest.fixture
def page(vault: Vault, notes: list[FieldNote], qtbot: QtBot) -> NotesPage:
    shown = NotesPage(vault)
    qtbot.addWidget(shown)
    shown.resize(1100, 720)
    shown.show()
    qtbot.waitUntil(lambda: len(shown.notes) == len(notes))
    return shown


def _settle() -> None:
    QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()


def _open(page: NotesPage, qtbot: QtBot, note: FieldNote) -> None:
    page.open_note(note.id)
    qtbot.waitUntil(lambda: page.editor.isEnabled() and page.editor.title.text() == note.title)


def _answer(monkeypatch: pytest.MonkeyPatch, *buttons: Button) -> list[str]:
    asked: list[str] = []
    queue = list(buttons)

    def question(*args: Any, **_kwargs: Any) -> Button:
        asked.append(str(args[1]))
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_notes_are_listed_newest_first(page: NotesPage) -> None:
    titles = [page.list.item(row).text().split("\n")[0] for row in range(page.list.count())]
    assert titles == [
        "Call with the commission",
        "Visit to the police station",
        "Meeting with traders",
    ]
    assert page.count.text() == "3 notes"
    assert "1 incident" in page.list.item(0).text()
    assert page.stack.currentWidget() is page.empty


def test_the_filter_searches_title_text_and_tags(page: NotesPage) -> None:
    page.filter.setText("arrests")
    assert page.list.count() == 1
    assert page.list.item(0).text().startswith("Visit to the police station")
    assert page.count.text() == "1 of 3 notes"
    page.filter.setText("")
    assert page.list.count() == 3


def test_a_new_note_is_saved_through_the_store(page: NotesPage, vault: Vault, qtbot: QtBot) -> None:
    page.new_button.click()
    editor = page.editor
    assert page.stack.currentWidget() is editor and editor.isEnabled()
    editor.title.setText("Meeting at the IDP site")
    editor.text.setPlainText("Families asked about the registration of births.")
    editor.tags.setText("idps, registration")
    editor.sensitivity.setCurrentIndex(editor.sensitivity.findData("strictly-confidential"))
    assert page.has_unsaved_changes()
    with qtbot.waitSignal(editor.saved):
        editor.save_button.click()
    saved = [n for n in vault.notes.recent() if n.title == "Meeting at the IDP site"]
    assert len(saved) == 1
    assert saved[0].tags == ("idps", "registration")
    assert saved[0].sensitivity == "strictly-confidential"
    assert not page.has_unsaved_changes()
    qtbot.waitUntil(lambda: len(page.notes) == 4)
    assert page.list.currentItem() is not None
    assert page.list.currentItem().text().startswith("Meeting at the IDP site")


def test_editing_makes_a_new_version(
    page: NotesPage, vault: Vault, notes: list[FieldNote], qtbot: QtBot
) -> None:
    _open(page, qtbot, notes[1])
    assert not page.has_unsaved_changes()
    page.editor.title.setText("Visit to the Elsenmoor police station")
    assert page.has_unsaved_changes() and page.editor.discard_button.isEnabled()
    with qtbot.waitSignal(page.editor.saved):
        page.editor.save()
    assert vault.notes.get(notes[1].id).title == "Visit to the Elsenmoor police station"
    assert len(vault.notes.history(notes[1].id)) == 2


def test_invalid_fields_are_named_next_to_them_and_nothing_is_saved(
    page: NotesPage, vault: Vault
) -> None:
    page.new_note()
    editor = page.editor
    editor.title.setText("   ")
    editor.text.setPlainText("x" * 200_001)
    editor.tags.setText("ok, " + "t" * 61)
    assert editor.save() is False
    assert editor._errors["title"].isVisible() and editor._errors["title"].text()
    assert editor._errors["text"].isVisible()
    assert editor._errors["tags"].isVisible()
    assert not editor._errors["date"].isVisible()
    assert "correct the fields" in editor.message.text()
    assert len(vault.notes.recent()) == 3
    editor.title.setText("Fixed title")
    editor.text.setPlainText("Short text.")
    editor.tags.setText("ok")
    assert editor.save() is True


def test_linking_incidents_and_opening_one(
    page: NotesPage, vault: Vault, notes: list[FieldNote], incidents: list[Incident], qtbot: QtBot
) -> None:
    _open(page, qtbot, notes[1])
    editor = page.editor
    assert editor.links.count() == 0
    editor.add_links([(incidents[1].id, incidents[1].title)])
    assert editor.links.item(0).text() == "Displacement from Kestrel Plains"
    assert page.has_unsaved_changes()
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert [n.id for n in vault.notes.for_incident(incidents[1].id)] == [notes[1].id]
    editor.links.setCurrentRow(0)
    with qtbot.waitSignal(page.incident_requested) as signal:
        editor.open_link_button.click()
    assert signal.args == [incidents[1].id]
    editor.unlink_selected()
    assert editor.links.count() == 0 and page.has_unsaved_changes()


def test_linked_incidents_show_their_titles(
    page: NotesPage, notes: list[FieldNote], qtbot: QtBot
) -> None:
    _open(page, qtbot, notes[0])
    qtbot.waitUntil(lambda: page.editor.links.count() == 1)
    assert page.editor.links.item(0).text() == "Detention of market traders in Elsenmoor"


def test_the_picker_searches_incidents(
    vault: Vault, incidents: list[Incident], qtbot: QtBot
) -> None:
    picker = IncidentPicker(vault, exclude=[incidents[0].id])
    qtbot.addWidget(picker)
    qtbot.waitUntil(lambda: picker.results.count() == 1)  # the excluded one is not offered
    assert "Kestrel Plains" in picker.results.item(0).text()
    picker.search.setText("Elsenmoor")
    picker.run_search()
    qtbot.waitUntil(lambda: "No incidents match" in picker.status.text())
    picker.search.setText("Kestrel")
    picker.run_search()
    qtbot.waitUntil(lambda: picker.results.count() == 1 and "found" in picker.status.text())
    assert not picker.link_button.isEnabled()
    picker.results.item(0).setSelected(True)
    assert picker.link_button.isEnabled()
    assert picker.chosen() == [(incidents[1].id, "Displacement from Kestrel Plains")]
    picker.clear()
    assert picker.results.count() == 0


def test_choose_incidents_links_what_the_picker_returns(
    page: NotesPage,
    notes: list[FieldNote],
    incidents: list[Incident],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _open(page, qtbot, notes[1])

    def pick(self: IncidentPicker) -> int:
        qtbot.waitUntil(lambda: self.results.count() == 2)
        self.results.item(1).setSelected(True)
        return 1

    monkeypatch.setattr(IncidentPicker, "exec", pick)
    page.editor.link_button.click()
    assert page.editor.links.count() == 1


def test_switching_notes_asks_about_unsaved_changes(
    page: NotesPage,
    vault: Vault,
    notes: list[FieldNote],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _open(page, qtbot, notes[1])
    page.editor.title.setText("Changed title")
    asked = _answer(monkeypatch, Button.Cancel, Button.Discard)
    row_of_first = next(
        r for r in range(page.list.count()) if page.list.item(r).text().startswith("Meeting")
    )
    page.list.setCurrentRow(row_of_first)  # Cancel: stay
    assert asked == ["Unsaved changes"]
    assert page.editor.note_id == notes[1].id and page.has_unsaved_changes()
    assert page.list.currentItem().text().startswith("Visit")
    page.list.setCurrentRow(row_of_first)  # Discard: go
    qtbot.waitUntil(lambda: page.editor.title.text() == "Meeting with traders")
    assert vault.notes.get(notes[1].id).title == "Visit to the police station"
    assert not page.has_unsaved_changes()


def test_save_on_switch_saves_then_opens_the_other_note(
    page: NotesPage,
    vault: Vault,
    notes: list[FieldNote],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _open(page, qtbot, notes[1])
    page.editor.title.setText("Saved on the way out")
    _answer(monkeypatch, Button.Save)
    page.open_note(notes[0].id)
    qtbot.waitUntil(lambda: page.editor.title.text() == "Meeting with traders")
    assert vault.notes.get(notes[1].id).title == "Saved on the way out"


def test_a_note_changed_elsewhere_is_not_overwritten(
    page: NotesPage, vault: Vault, notes: list[FieldNote], qtbot: QtBot
) -> None:
    _open(page, qtbot, notes[1])
    elsewhere = note_from_json({**_json(notes[1]), "title": "Changed by the CLI"})
    vault.notes.save(elsewhere)
    page.editor.title.setText("Changed in the window")
    with qtbot.waitSignal(page.editor.save_failed):
        page.editor.save()
    assert "changed elsewhere since you opened it" in page.editor.message.text()
    assert vault.notes.get(notes[1].id).title == "Changed by the CLI"
    assert page.has_unsaved_changes()


def _json(note: FieldNote) -> dict[str, Any]:
    return {
        "id": note.id,
        "date": note.date,
        "title": note.title,
        "text": note.text,
        "incident_ids": list(note.incident_ids),
    }


def test_clear_drops_every_note_and_field(
    page: NotesPage, notes: list[FieldNote], qtbot: QtBot
) -> None:
    _open(page, qtbot, notes[0])
    page.editor.text.setPlainText("typed and not saved")
    page.editor.text.insertPlainText(" more")
    page.filter.setText("meeting")
    page.discard_changes()
    page.clear()
    assert page.notes == [] and page.list.count() == 0
    assert page.filter.text() == ""
    editor = page.editor
    assert editor.title.text() == "" and editor.text.toPlainText() == ""
    assert editor.tags.text() == "" and editor.links.count() == 0
    assert not editor.text.document().isUndoAvailable()
    assert not editor.title.isUndoAvailable() and not editor.tags.isUndoAvailable()
    assert not editor.isEnabled() and not page.has_unsaved_changes()
    page.refresh()
    page.clear()  # a lock while the list is being read
    _settle()
    assert page.notes == [] and page.list.count() == 0


# -- the Notes tab of an incident ---------------------------------------------------------


@pytest.fixture
def panel(vault: Vault, notes: list[FieldNote], qtbot: QtBot) -> IncidentNotesPanel:
    shown = IncidentNotesPanel(vault)
    qtbot.addWidget(shown)
    shown.resize(700, 600)
    shown.show()
    return shown


def test_the_incident_tab_lists_its_notes(
    panel: IncidentNotesPanel, incidents: list[Incident], qtbot: QtBot
) -> None:
    panel.show_incident(incidents[0].id)
    qtbot.waitUntil(lambda: len(panel.notes) == 2)
    assert panel.list.count() == 2
    assert panel.list.item(0).text().startswith("Call with the commission")
    assert panel.count.text() == "2 notes about this incident"
    panel.show_incident(incidents[1].id)
    qtbot.waitUntil(lambda: panel.count.text() == "No notes")
    assert "No field notes mention this incident" in panel.empty.text()


def test_new_note_about_this_incident_is_linked_to_it(
    panel: IncidentNotesPanel, vault: Vault, incidents: list[Incident], qtbot: QtBot
) -> None:
    panel.show_incident(incidents[1].id)
    qtbot.waitUntil(lambda: panel.count.text() == "No notes")
    panel.new_button.click()
    editor: NoteEditor = panel.editor
    assert panel.stack.currentIndex() == 1
    assert editor.linked_ids() == [incidents[1].id]
    assert editor.links.item(0).text() == "Displacement from Kestrel Plains"
    editor.title.setText("Talk with the camp committee")
    editor.text.setPlainText("Forty families arrived this week.")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    qtbot.waitUntil(lambda: len(panel.notes) == 1)
    assert panel.stack.currentIndex() == 0
    assert [n.title for n in vault.notes.for_incident(incidents[1].id)] == [
        "Talk with the camp committee"
    ]


def test_a_new_incident_has_no_notes_yet(panel: IncidentNotesPanel) -> None:
    panel.show_incident("")
    assert not panel.new_button.isEnabled()
    assert "Save the incident first" in panel.empty.text()


def test_back_asks_about_unsaved_changes(
    panel: IncidentNotesPanel,
    incidents: list[Incident],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel.show_incident(incidents[0].id)
    qtbot.waitUntil(lambda: len(panel.notes) == 2)
    panel.list.setCurrentRow(0)
    panel.open_note(panel.notes[0].id)
    qtbot.waitUntil(lambda: panel.editor.isEnabled() and panel.editor.title.text() != "")
    panel.editor.title.setText("Not kept")
    _answer(monkeypatch, Button.Cancel, Button.Discard)
    panel.back()
    assert panel.stack.currentIndex() == 1
    panel.back()
    assert panel.stack.currentIndex() == 0 and not panel.has_unsaved_changes()


def test_incident_tab_clear_and_late_answers(
    panel: IncidentNotesPanel, incidents: list[Incident], qtbot: QtBot
) -> None:
    panel.show_incident(incidents[0].id)
    qtbot.waitUntil(lambda: len(panel.notes) == 2)
    panel.clear()
    assert panel.notes == [] and panel.list.count() == 0
    panel.show_incident(incidents[0].id)
    panel.show_incident(incidents[1].id)  # the first answer is stale when it comes
    _settle()
    qtbot.waitUntil(lambda: panel.count.text() == "No notes")
    assert panel.notes == [] and panel.list.count() == 0


def test_every_control_has_an_accessible_name(
    page: NotesPage, panel: IncidentNotesPanel, vault: Vault, notes: list[FieldNote], qtbot: QtBot
) -> None:
    _open(page, qtbot, notes[0])
    picker = IncidentPicker(vault)
    qtbot.addWidget(picker)
    assert unnamed_controls(page) == []
    assert unnamed_controls(panel) == []
    assert unnamed_controls(picker) == []


def test_a_note_written_with_the_keyboard_only(page: NotesPage, vault: Vault, qtbot: QtBot) -> None:
    page.activateWindow()
    qtbot.waitActive(page)
    page.filter.setFocus()
    qtbot.keyClick(page.filter, Qt.Key.Key_N, Ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert page.editor.isEnabled() and page.editor.title.hasFocus()
    qtbot.keyClicks(page.editor.title, "Typed without a mouse")
    qtbot.keyClick(page.editor.title, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # Text
    assert page.editor.text.hasFocus()
    qtbot.keyClicks(page.editor.text, "Every field reachable.")
    with qtbot.waitSignal(page.editor.saved):
        qtbot.keyClick(page.editor.text, Qt.Key.Key_S, Ctrl)
    assert any(n.title == "Typed without a mouse" for n in vault.notes.recent())
    qtbot.keyClick(page.editor.text, Qt.Key.Key_F, Ctrl)
    assert page.filter.hasFocus()


def test_dirty_state_is_signalled_for_the_tab(
    panel: IncidentNotesPanel, incidents: list[Incident], qtbot: QtBot
) -> None:
    panel.show_incident(incidents[0].id)
    qtbot.waitUntil(lambda: len(panel.notes) == 2)
    panel.new_note()
    assert panel.editor.links.item(0).text() == "Detention of market traders in Elsenmoor"
    with qtbot.waitSignal(panel.dirty_changed) as signal:
        panel.editor.title.setText("Something")
    assert signal.args == [True]
    with qtbot.waitSignal(panel.dirty_changed) as signal:
        panel.discard_changes()
    assert signal.args == [False]
