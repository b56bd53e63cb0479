"""The incident editor: add, edit, validation next to fields, conflicts, unsaved changes, drafts."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hradvisor.demo import generate_incidents
from hradvisor.model import incident_from_json, incident_to_json
from hradvisor.store import open_vault
from hradvisor.ui.app import MainWindow
from hradvisor.ui.incidents.editor import IncidentEditor, editor, prompts
from hradvisor.ui.incidents.editor.form import IncidentForm
from hradvisor.ui.incidents.model import ID_ROLE
from tests.conftest import PASSPHRASE, make_incident
from tests.store.test_no_plaintext import _files_containing
from tests.ui.conftest import MakeWindow
from tests.ui.helpers import unlock

CTRL = Qt.KeyboardModifier.ControlModifier
REAL_ASK = prompts.ask_unsaved  # before the autouse fixture answers for every test


@pytest.fixture(autouse=True)
def _quick_drafts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(editor, "DRAFT_DELAY_MS", 50)


@pytest.fixture
def stored(vault_dir: Path) -> tuple[Path, str]:
    """A vault with one incident; returns the directory and the incident's id."""
    incident = make_incident(title="Detention at the Fenwick market")
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add(incident)
        vault.incidents.add(make_incident(title="Another incident in Elsenmoor"))
    return vault_dir, incident.id


@pytest.fixture
def window(stored: tuple[Path, str], make_window: MakeWindow, qtbot: QtBot) -> MainWindow:
    opened = make_window(stored[0])
    unlock(qtbot, opened)
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    return opened


def _editor(window: MainWindow) -> IncidentEditor:
    assert window.shell is not None
    return window.shell.editor


def _open(qtbot: QtBot, window: MainWindow, incident_id: str) -> IncidentEditor:
    assert window.shell is not None
    window.shell.incident_section.open_incident(incident_id)
    shown = _editor(window)
    qtbot.waitUntil(lambda: shown.incident_id == incident_id and shown.form.isEnabled())
    return shown


def _answer(monkeypatch: pytest.MonkeyPatch, choice: prompts.Choice) -> list[str]:
    """Answer the unsaved-changes question with *choice*; returns the titles asked about."""
    asked: list[str] = []

    def ask(_parent: QWidget, title: str) -> prompts.Choice:
        asked.append(title)
        return choice

    monkeypatch.setattr(prompts, "ask_unsaved", ask)
    return asked


def _never_ask(monkeypatch: pytest.MonkeyPatch) -> None:
    def ask(_parent: QWidget, _title: str) -> prompts.Choice:
        raise AssertionError("this path must not ask")

    monkeypatch.setattr(prompts, "ask_unsaved", ask)


def _tick(picker: object, code: str) -> None:
    items = picker.list  # type: ignore[attr-defined]
    for row in range(items.count()):
        if items.item(row).data(Qt.ItemDataRole.UserRole) == code:
            items.item(row).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(code)


def _wait_saved(qtbot: QtBot, shown: IncidentEditor) -> None:
    qtbot.waitUntil(lambda: not shown._saving and not shown.has_unsaved_changes())


# -- adding and editing -------------------------------------------------------------------


def test_a_new_incident_typed_into_the_widgets_is_stored(window: MainWindow, qtbot: QtBot) -> None:
    shown = _editor(window)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.shell is not None and window.shell.incident_section.editing()
    assert shown.form.title.hasFocus()
    qtbot.keyClicks(shown.form.title, "Shelling of the Orsavel clinic")
    form = shown.form
    form.location.admin1.setCurrentIndex(form.location.admin1.findData("XA-01"))
    form.location.admin2.setCurrentIndex(form.location.admin2.findData("XA0101"))
    qtbot.keyClicks(form.location.place, "Orsavel")
    form.location.lat.setText("-46.0413")
    form.location.lon.setText("-137.2845")
    _tick(form.violations, "attack-on-education-health")
    _tick(form.violations, "killing")
    _tick(form.perpetrators, "non-state-armed-group")
    _tick(form.victim_groups, "health-workers")
    form.victims.cells[("killed", "women")].setValue(2)
    form.victims.cells[("injured", "boys")].setValue(3)
    assert form.victims.grand_total.text() == "5"
    assert form.victims.row_totals["killed"].text() == "2"
    form.sources.add_button.click()
    qtbot.keyClicks(form.narrative, "Two nurses were killed when shells hit the clinic.")
    qtbot.keyClicks(form.tags.entry, "health")
    qtbot.keyClick(form.tags.entry, Qt.Key.Key_Return)
    assert shown.has_unsaved_changes()
    qtbot.keyClick(form.title, Qt.Key.Key_S, CTRL)
    _wait_saved(qtbot, shown)
    assert window.vault is not None
    stored = window.vault.incidents.get(shown.incident_id)
    assert stored.title == "Shelling of the Orsavel clinic"
    assert stored.violations == ("attack-on-education-health", "killing")
    assert stored.location.admin2 == "XA0101"
    assert stored.location.lat == -46.0413
    assert stored.victims.count("killed", "women") == 2
    assert stored.sources[0].type == "victim"
    assert stored.tags == ("health",)
    assert len(window.vault.incidents.history(stored.id)) == 1
    assert window.vault.drafts.list() == []
    assert window.shell is not None
    qtbot.waitUntil(lambda: "3 incidents" in window.shell.status.currentMessage())
    page = window.shell.incidents
    qtbot.waitUntil(lambda: page.model.title_of(stored.id) == stored.title)
    qtbot.keyClick(shown.form.title, Qt.Key.Key_Escape)
    assert page.table.currentIndex().data(ID_ROLE) == stored.id  # the new row is selected


def test_an_edit_writes_one_revision_based_on_the_head(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot
) -> None:
    incident_id = stored[1]
    assert window.vault is not None
    (first,) = window.vault.incidents.history(incident_id)
    shown = _open(qtbot, window, incident_id)
    assert shown.form.title.text() == "Detention at the Fenwick market"
    assert not shown.save_button.isEnabled()  # nothing to save yet
    shown.form.title.setText("Detention of five traders at the Fenwick market")
    assert shown.tabs.tabText(0).endswith("•")
    shown.save_button.click()
    _wait_saved(qtbot, shown)
    history = window.vault.incidents.history(incident_id)
    assert len(history) == 2
    assert history[1].parents == (first.hash,)
    assert window.vault.incidents.get(incident_id).title.startswith("Detention of five")
    assert not shown.tabs.tabText(0).endswith("•")
    assert window.shell is not None
    assert window.shell.incidents.model.title_of(incident_id).startswith("Detention of five")


def test_opening_and_saving_unchanged_changes_nothing(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot
) -> None:
    shown = _open(qtbot, window, stored[1])
    assert not shown.has_unsaved_changes()
    shown.save()
    assert window.vault is not None
    assert len(window.vault.incidents.history(stored[1])) == 1


def test_every_field_survives_the_form_unchanged(qtbot: QtBot) -> None:
    form = IncidentForm()
    qtbot.addWidget(form)
    today = dt.date(2026, 11, 23)
    for incident in generate_incidents(60, seed=7, until=today):
        data = incident_to_json(incident)
        form.set_json(data, today=today)
        assert form.to_json(incident.id) == data
    odd = make_incident(
        violations=["torture-ill-treatment", "arbitrary-detention"],  # not in vocabulary order
        date="2024",
        date_precision="year",
        date_end="2025",
        location={"country": "XA", "admin1": "XA-03", "admin2": "XA9999", "lat": 1.5, "lon": 2},
        follow_up=["Raise with the commander", "Visit the detainees"],
    )
    form.set_json(incident_to_json(odd), today=today)
    assert incident_from_json(form.to_json(odd.id)) == odd


# -- validation ---------------------------------------------------------------------------


def test_invalid_values_are_refused_with_the_message_next_to_the_field(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot
) -> None:
    shown = _open(qtbot, window, stored[1])
    form = shown.form
    form.title.setText("   ")
    form.location.lat.setText("95")
    form.location.lon.setText("10")
    form.setCurrentIndex(2)
    shown.save()
    title_box, lat_box = form.boxes["title"], form.boxes["location.lat"]
    assert title_box.message == "Must not be empty"
    assert title_box.error.isVisibleTo(shown) and title_box.isAncestorOf(form.title)
    assert lat_box.message == "Must be between -90 and 90"
    assert lat_box.isAncestorOf(form.location.lat)
    assert form.currentIndex() == 0  # the tab of the first problem
    assert form.title.hasFocus()
    assert shown.banner.kind == "error" and "2 field(s)" in shown.banner.text.text()
    assert window.vault is not None
    assert len(window.vault.incidents.history(stored[1])) == 1  # nothing written
    form.location.lat.setText("")  # fixing a field clears its message at once
    assert lat_box.message == "Give both lat and lon, or neither"
    form.location.lon.setText("")
    assert lat_box.message == ""
    form.title.setText("Detention at the market")
    assert title_box.message == "" and shown.banner.kind == ""


def test_a_new_incident_without_a_violation_says_so_on_its_tab(
    window: MainWindow, qtbot: QtBot
) -> None:
    shown = _editor(window)
    assert window.shell is not None
    window.shell.new_incident()
    shown.form.title.setText("A protest dispersed")
    shown.save()
    assert shown.form.boxes["violations"].message == "Must list at least one violation"
    assert shown.form.currentIndex() == 1
    assert window.vault is not None and window.vault.queries.count() == 2


def test_errors_in_a_list_name_the_item(window: MainWindow, qtbot: QtBot) -> None:
    shown = _editor(window)
    assert window.shell is not None
    window.shell.new_incident()
    form = shown.form
    form.title.setText("Threats against a journalist")
    _tick(form.violations, "freedom-of-expression")
    form.sources.add_button.click()
    form.sources.add_button.click()
    form.sources.table.cellWidget(1, 4).setText("x" * 10_001)
    shown.save()
    assert form.boxes["sources"].message.startswith("Item 2, note: must be at most")
    assert form.currentIndex() == 3


# -- conflicts ----------------------------------------------------------------------------


def test_a_conflict_is_explained_and_the_edit_kept_until_the_person_decides(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot
) -> None:
    incident_id = stored[1]
    shown = _open(qtbot, window, incident_id)
    assert window.vault is not None
    vault = window.vault
    current, head = vault.incidents.get_with_head(incident_id)
    elsewhere = make_incident(id=incident_id, title="Changed by a sync meanwhile")
    other = vault.incidents.update(elsewhere, based_on=head)
    shown.form.title.setText("My careful correction")
    shown.save()
    qtbot.waitUntil(lambda: "changed elsewhere" in shown.banner.text.text())
    assert vault.incidents.get(incident_id).title == "Changed by a sync meanwhile"
    qtbot.waitUntil(lambda: vault.drafts.load(incident_id) is not None)
    assert shown.form.title.text() == "My careful correction"  # nothing thrown away
    shown.banner.buttons[0].click()  # show the latest version
    qtbot.waitUntil(lambda: shown.form.title.text() == "Changed by a sync meanwhile")
    assert "unsaved draft" in shown.banner.text.text()
    shown.banner.buttons[0].click()  # restore my draft over it, knowingly
    assert shown.form.title.text() == "My careful correction"
    assert shown.has_unsaved_changes()
    shown.save()
    _wait_saved(qtbot, shown)
    history = vault.incidents.history(incident_id)
    assert [r.hash for r in history][-2] == other.hash
    assert history[-1].parents == (other.hash,)
    assert vault.incidents.get(incident_id).title == "My careful correction"
    QThreadPool.globalInstance().waitForDone(5000)
    assert vault.drafts.load(incident_id) is None
    assert current.title == "Detention at the Fenwick market"


# -- unsaved changes ----------------------------------------------------------------------


def test_a_manual_lock_asks_and_cancel_keeps_everything(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _open(qtbot, window, stored[1])
    shown.form.title.setText("Edited but not saved")
    asked = _answer(monkeypatch, prompts.Choice.CANCEL)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert asked == ["Edited but not saved"]
    assert window.vault is not None and window.shell is not None
    assert shown.form.title.text() == "Edited but not saved"


def test_a_manual_lock_can_save_first(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _open(qtbot, window, stored[1])
    shown.form.title.setText("Saved on the way out")
    _answer(monkeypatch, prompts.Choice.SAVE)
    assert window.shell is not None
    qtbot.mouseClick(window.shell.lock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.shell is None)
    QThreadPool.globalInstance().waitForDone(5000)
    with open_vault(stored[0], PASSPHRASE) as vault:
        assert vault.incidents.get(stored[1]).title == "Saved on the way out"
        assert vault.drafts.list() == []


def test_a_manual_lock_can_discard(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _open(qtbot, window, stored[1])
    shown.form.title.setText("Thrown away")
    _answer(monkeypatch, prompts.Choice.DISCARD)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.shell is None)
    QThreadPool.globalInstance().waitForDone(5000)
    with open_vault(stored[0], PASSPHRASE) as vault:
        assert vault.incidents.get(stored[1]).title == "Detention at the Fenwick market"
        assert vault.drafts.list() == []


def test_opening_another_incident_asks_about_the_first(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _open(qtbot, window, stored[1])
    shown.form.title.setText("Half-way through")
    assert window.shell is not None
    section = window.shell.incident_section
    qtbot.keyClick(shown.form.title, Qt.Key.Key_Escape)  # back to the list keeps the edit
    assert not section.editing() and "Unsaved changes" in section.banner.text.text()
    asked = _answer(monkeypatch, prompts.Choice.CANCEL)
    other = [r for r in window.vault.incidents.history(stored[1])]  # type: ignore[union-attr]
    assert other
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert asked == ["Half-way through"]
    assert shown.form.title.text() == "Half-way through"
    _answer(monkeypatch, prompts.Choice.DISCARD)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert shown.form.title.text() == ""
    assert shown.is_new


def test_a_lock_answers_an_open_question_with_cancel(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot
) -> None:
    shown = _open(qtbot, window, stored[1])
    shown.form.title.setText("Typed before walking away")
    QTimer.singleShot(200, window.lock)  # the idle timer, while the question is open
    assert REAL_ASK(shown, shown.title) is prompts.Choice.CANCEL
    assert window.shell is None and window.vault is None
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    QThreadPool.globalInstance().waitForDone(5000)
    with open_vault(stored[0], PASSPHRASE) as vault:  # the edit was kept as a draft
        draft = vault.drafts.load(stored[1])
        assert draft is not None
        assert draft.data["incident"]["title"] == "Typed before walking away"


def test_an_edit_left_on_the_list_can_be_saved_from_there(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot
) -> None:
    shown = _open(qtbot, window, stored[1])
    shown.form.title.setText("Saved from the list")
    assert window.shell is not None
    section = window.shell.incident_section
    section.show_list()
    section.banner.buttons[1].click()  # "Save it"
    _wait_saved(qtbot, shown)
    assert not section.editing()
    assert window.vault is not None
    assert window.vault.incidents.get(stored[1]).title == "Saved from the list"
    shown.form.title.setText("   ")  # an invalid edit stays in view with its message
    section.show_list()
    section.banner.buttons[1].click()
    assert section.editing() and shown.form.boxes["title"].message == "Must not be empty"


def test_closing_the_window_asks(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _open(qtbot, window, stored[1])
    shown.form.title.setText("Still typing")
    asked = _answer(monkeypatch, prompts.Choice.CANCEL)
    window.close()
    assert asked == ["Still typing"]
    assert window.isVisible() and window.vault is not None


# -- drafts -------------------------------------------------------------------------------


def test_a_panic_lock_keeps_a_draft_offered_after_unlock(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _open(qtbot, window, stored[1])
    shown.form.title.setText("Interrupted by a knock on the door")
    shown.form.victims.cells[("detained", "girls")].setValue(1)
    _never_ask(monkeypatch)
    modifiers = CTRL | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, modifiers)
    qtbot.waitUntil(lambda: window.shell is None)
    QThreadPool.globalInstance().waitForDone(5000)
    unlock(qtbot, window)
    assert window.shell is not None
    section = window.shell.incident_section
    qtbot.waitUntil(lambda: "unsaved draft" in section.banner.text.text())
    assert "Interrupted by a knock on the door" in section.banner.text.text()
    section.banner.buttons[0].click()  # restore
    restored = window.shell.editor
    qtbot.waitUntil(
        lambda: (
            restored.form.built
            and restored.form.title.text() == "Interrupted by a knock on the door"
        )
    )
    assert restored.form.victims.value("detained", "girls") == 1
    assert restored.has_unsaved_changes()
    restored.save()
    _wait_saved(qtbot, restored)
    assert window.vault is not None
    assert window.vault.incidents.get(stored[1]).title == "Interrupted by a knock on the door"
    QThreadPool.globalInstance().waitForDone(5000)
    assert window.vault.drafts.list() == []


def test_autosave_writes_an_encrypted_draft_of_a_new_incident(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot, private_tmp: Path
) -> None:
    canary = f"CANARY{secrets.token_hex(8)}"
    shown = _editor(window)
    assert window.shell is not None and window.vault is not None
    window.shell.new_incident()
    shown.form.title.setText(f"Title {canary}")
    shown.form.narrative.setPlainText(f"Narrative {canary} " * 20)
    vault = window.vault
    qtbot.waitUntil(lambda: vault.drafts.load(shown.incident_id) is not None)
    draft = vault.drafts.load(shown.incident_id)
    assert draft is not None and draft.data["incident"]["title"] == f"Title {canary}"
    assert _files_containing([stored[0], private_tmp], canary) == []
    window.lock()  # the idle timer's path: no question, the draft stays
    QThreadPool.globalInstance().waitForDone(5000)
    assert _files_containing([stored[0], private_tmp], canary) == []
    unlock(qtbot, window)
    assert window.shell is not None
    section = window.shell.incident_section
    qtbot.waitUntil(lambda: "unsaved draft" in section.banner.text.text())
    section.banner.buttons[1].click()  # discard
    QThreadPool.globalInstance().waitForDone(5000)
    assert window.vault is not None and window.vault.drafts.list() == []


def test_changing_back_to_the_saved_text_drops_the_draft(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot
) -> None:
    shown = _open(qtbot, window, stored[1])
    assert window.vault is not None
    vault = window.vault
    shown.form.title.setText("Something else")
    qtbot.waitUntil(lambda: vault.drafts.load(stored[1]) is not None)
    shown.form.title.setText("Detention at the Fenwick market")
    assert not shown.has_unsaved_changes()
    qtbot.waitUntil(lambda: vault.drafts.load(stored[1]) is None)


def test_the_heading_shows_a_title_without_bidi_controls(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot
) -> None:
    shown = _open(qtbot, window, stored[1])
    shown.form.title.setText("Arrest \u202ecod.exe\u202c at the market")
    assert shown.form.title.text().count("\u202e") == 1  # the field keeps what was typed
    assert shown.heading.full_text() == "Arrest cod.exe at the market •"
    shown.form.title.setText("A very long title " * 20)
    assert shown.heading.text().endswith("…")  # elided, not widening the window
    assert shown.save_button.isVisible() and shown.width() <= window.width()


# -- panels -------------------------------------------------------------------------------


class _Panel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def show_incident(self, incident_id: str) -> None:
        self.shown.append(incident_id)


def test_added_panels_follow_the_incident_shown(
    window: MainWindow, stored: tuple[Path, str], qtbot: QtBot
) -> None:
    shown = _editor(window)
    panel = _Panel()
    shown.add_panel("History", panel)
    assert shown.tabs.tabText(shown.tabs.count() - 1) == "History"
    _open(qtbot, window, stored[1])
    assert window.shell is not None
    window.shell.new_incident()
    shown.form.title.setText("A new one")
    _tick(shown.form.violations, "killing")
    shown.save()
    _wait_saved(qtbot, shown)
    assert panel.shown == ["", stored[1], "", shown.incident_id]


def test_every_editor_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    shown = _editor(window)
    assert not shown.form.built  # nothing built until it is needed
    assert window.shell is not None
    window.shell.new_incident()
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    controls = [w for w in shown.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(controls) > 60
    assert [type(c).__name__ for c in controls if not c.accessibleName()] == []
    assert QApplication.instance() is not None


def test_vocabulary_labels_follow_the_window_language(qapp: QApplication, qtbot: QtBot) -> None:
    from hradvisor.model import vocabulary
    from hradvisor.ui.i18n import install_translators

    translators = install_translators(qapp, "fr")
    try:
        form = IncidentForm()
        qtbot.addWidget(form)
        form.ensure_built()
        assert form.tabText(0) == "Détails"
        killing = vocabulary("violations").label("killing", "fr")
        assert killing != vocabulary("violations").label("killing", "en")
        assert form.violations.list.item(0).text() == killing
        assert form.sensitivity.itemText(0) == vocabulary("sensitivity").label(
            "strictly-confidential", "fr"
        )
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
