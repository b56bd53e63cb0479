"""The Risk page: rate factors, link evidence, save, see changes since the previous assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hradvisor.analysis.risk import UP
from hradvisor.model import Incident, RiskAssessment, assessment_from_json
from hradvisor.store import Vault, open_vault
from hradvisor.ui.risk import RiskPage
from hradvisor.ui.risk.changes import CHANGE, NOW
from hradvisor.ui.risk.editor import CHANGES_TAB
from hradvisor.ui.risk.picker import IncidentPicker
from tests.conftest import PASSPHRASE, make_incident
from tests.ui.helpers import shown_risk_page

CANARY = "canary-narrative-51c0e7"
FACTOR = "serious-violations"


def _incidents() -> list[Incident]:
    made = []
    for number in range(6):
        made.append(
            make_incident(
                title=f"Killing at Orsavel ford {number}",
                date=f"2026-0{4 + number % 3}-1{number}",
                violations=["killing"],
                victims={"killed": {"men": number + 1}},
                verification="verified",
                location={"country": "XA", "admin1": "XA-07"},
            )
        )
    made.append(make_incident(title="Market detention", date="2026-05-02"))
    return made


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    with open_vault(vault_dir, PASSPHRASE) as opened:
        opened.incidents.add_many(_incidents())
        yield opened
        QThreadPool.globalInstance().waitForDone(5000)


def _saved(period_end: str, rating: str, **extra: object) -> RiskAssessment:
    data: dict[str, object] = {
        "country": "XA",
        "period_start": "2026-04-01",
        "period_end": period_end,
        "assessed_on": "2026-07-02",
        "factors": [{"code": FACTOR, "rating": rating}],
        "overall": {"rating": "low"},
    }
    data.update(extra)
    return assessment_from_json(data)


def _new(qtbot: QtBot, page: RiskPage) -> None:
    page.new_button.click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.editor and page.editor.head is None)


def _set_period(page: RiskPage, start: dt.date, end: dt.date) -> None:
    header = page.editor.header
    header.period_start.setDate(QDate(start.year, start.month, start.day))
    header.period_end.setDate(QDate(end.year, end.month, end.day))


def _save(qtbot: QtBot, page: RiskPage) -> None:
    page.editor.save_button.click()
    qtbot.waitUntil(lambda: not page.editor.is_dirty() and page.editor.head is not None)
    qtbot.waitUntil(lambda: page.editor.history_list.topLevelItemCount() > 0)


def test_empty_vault_explains_what_to_do(qtbot: QtBot, vault: Vault) -> None:
    page = shown_risk_page(qtbot, vault)
    assert page.list.count() == 0
    assert "New assessment" in page.placeholder_text.text()


def test_create_rate_link_save_and_see_changes_since_previous(qtbot: QtBot, vault: Vault) -> None:
    page = shown_risk_page(qtbot, vault)
    _new(qtbot, page)
    editor = page.editor
    assert editor.header.country_code() == "XA"
    _set_period(page, dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    editor.select_factor(FACTOR)
    factor = editor.factor_editors[FACTOR]
    assert editor.factor_stack.currentWidget() is factor
    factor.rating.buttons["moderate"].click()
    factor.indicator_boxes[f"{FACTOR}.impunity"].click()
    qtbot.keyClicks(factor.narrative, CANARY)
    assert editor.is_dirty()
    assert editor.heading.text().endswith("•")

    picker = page.open_picker(FACTOR)
    assert isinstance(picker, IncidentPicker)
    # Suggestions come first: the verified killings in the period, most victims first.
    # The credible market detention (detention and torture) comes after every verified one.
    qtbot.waitUntil(lambda: picker.results.topLevelItemCount() == 7)
    assert picker.results.topLevelItem(0).text(0) == "Killing at Orsavel ford 5"
    assert picker.results.topLevelItem(6).text(0) == "Market detention"
    picker.results.topLevelItem(0).setSelected(True)
    picker.results.topLevelItem(1).setSelected(True)
    picker.link_button.click()
    assert factor.evidence_list.topLevelItemCount() == 2
    assert factor.evidence_list.topLevelItem(0).text(0) == "Killing at Orsavel ford 5"
    assert factor.evidence_list.topLevelItem(0).text(2) == "Duskwater"
    editor.tabs.setCurrentIndex(1)
    editor.overall_rating.buttons["low"].click()
    _save(qtbot, page)

    first = vault.assessments.recent()
    assert len(first) == 1
    rated = first[0].factor(FACTOR)
    assert (rated.rating, rated.narrative, rated.indicators) == (
        "moderate",
        CANARY,
        (f"{FACTOR}.impunity",),
    )
    assert len(rated.evidence) == 2
    qtbot.waitUntil(lambda: page.list.count() == 1)

    # The next assessment starts from this one, for the following period.
    _new(qtbot, page)
    header = editor.header
    assert (header.start(), header.end()) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert editor.factor_editors[FACTOR].rating.rating() == "moderate"
    assert editor.factor_editors[FACTOR].evidence_list.topLevelItemCount() == 2
    editor.factor_editors[FACTOR].rating.buttons["high"].click()
    editor.tabs.setCurrentIndex(CHANGES_TAB)
    row = list(editor.factor_editors).index(FACTOR)
    qtbot.waitUntil(lambda: editor.changes.table.rowCount() == 14)
    assert editor.changes.table.item(row, NOW).text() == "High"  # the edit on screen, unsaved
    editor.factor_editors[FACTOR].rating.buttons["low"].click()
    assert "Lower" in editor.changes.table.item(row, CHANGE).text()  # follows further edits
    editor.factor_editors[FACTOR].rating.buttons["high"].click()
    assert "Higher" in editor.changes.table.item(row, CHANGE).text()
    _save(qtbot, page)
    qtbot.waitUntil(lambda: page.list.count() == 2)

    # Reopen the first, then the second: changes since previous come from the vault.
    page.list.setCurrentRow(1)
    qtbot.waitUntil(lambda: editor.assessment_id == first[0].id and editor.head is not None)
    page.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: editor.assessment_id != first[0].id and editor.head is not None)
    qtbot.waitUntil(lambda: editor.changes.table.rowCount() == 14)
    assert "2026-04-01" in editor.changes.heading.text()
    assert "Higher" in editor.changes.table.item(row, CHANGE).text()
    editor.changes.changed_only.setChecked(True)
    hidden = [editor.changes.table.isRowHidden(r) for r in range(14)]
    assert hidden.count(False) == 1 and not hidden[row]
    assert editor.changes._changes[row].direction == UP


def test_validation_errors_show_next_to_their_fields_and_nothing_is_saved(
    qtbot: QtBot, vault: Vault
) -> None:
    page = shown_risk_page(qtbot, vault)
    _new(qtbot, page)
    _set_period(page, dt.date(2026, 6, 30), dt.date(2026, 4, 1))
    page.editor.save_button.click()
    error = page.editor.header.errors["period_end"]
    qtbot.waitUntil(error.isVisible)
    assert "before" in error.text()
    assert "problems" in page.editor.status.text()
    assert page.editor.head is None
    assert vault.assessments.recent() == []


def test_a_stale_edit_is_refused_and_kept_on_screen(qtbot: QtBot, vault: Vault) -> None:
    saved = _saved("2026-06-30", "low")
    vault.assessments.save(saved)
    page = shown_risk_page(qtbot, vault)
    qtbot.waitUntil(lambda: page.list.count() == 1)
    page.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.editor.head is not None)
    vault.assessments.save(_saved("2026-06-30", "high", id=saved.id))  # someone else's edit
    page.editor.factor_editors[FACTOR].rating.buttons["moderate"].click()
    page.editor.save_button.click()
    qtbot.waitUntil(lambda: "changed elsewhere" in page.editor.status.text())
    assert page.editor.is_dirty()
    assert page.editor.factor_editors[FACTOR].rating.rating() == "moderate"
    assert vault.assessments.get(saved.id).factor(FACTOR).rating == "high"


def test_unsaved_changes_are_not_dropped_without_asking(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    older, newer = _saved("2026-06-30", "low"), _saved("2026-09-30", "high")
    vault.assessments.save(older)
    vault.assessments.save(newer)
    page = shown_risk_page(qtbot, vault)
    qtbot.waitUntil(lambda: page.list.count() == 2)
    page.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.editor.assessment_id == newer.id and page.editor.head is not None)
    page.editor.overall_narrative.setPlainText("Edited, not saved")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    page.list.setCurrentRow(1)  # Cancel: stay
    assert page.editor.assessment_id == newer.id
    assert page.list.currentRow() == 0
    assert page.editor.overall_narrative.toPlainText() == "Edited, not saved"
    page.list.setCurrentRow(1)  # Discard: go
    qtbot.waitUntil(lambda: page.editor.assessment_id == older.id)
    assert answers == []


def test_discard_returns_to_the_saved_version(qtbot: QtBot, vault: Vault) -> None:
    vault.assessments.save(_saved("2026-06-30", "low"))
    page = shown_risk_page(qtbot, vault)
    qtbot.waitUntil(lambda: page.list.count() == 1)
    page.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.editor.head is not None)
    factor = page.editor.factor_editors[FACTOR]
    factor.rating.buttons["high"].click()
    assert page.editor.discard_button.isEnabled()
    factor.rating.buttons["low"].click()  # undoing the edit by hand is not a change
    assert not page.editor.is_dirty()
    factor.rating.buttons["high"].click()
    page.editor.discard_button.click()
    qtbot.waitUntil(lambda: not page.editor.is_dirty())
    assert factor.rating.rating() == "low"


def test_opening_a_linked_incident_emits_its_id(qtbot: QtBot, vault: Vault) -> None:
    incident = vault.queries.page(limit=1).items[0]
    vault.assessments.save(
        _saved(
            "2026-06-30",
            "high",
            factors=[{"code": FACTOR, "rating": "high", "evidence": [incident.id]}],
        )
    )
    page = shown_risk_page(qtbot, vault)
    qtbot.waitUntil(lambda: page.list.count() == 1)
    page.list.setCurrentRow(0)
    factor = page.editor.factor_editors[FACTOR]
    qtbot.waitUntil(lambda: factor.evidence_list.topLevelItemCount() == 1)
    qtbot.waitUntil(lambda: factor.evidence_list.topLevelItem(0).text(0) == incident.title)
    factor.evidence_list.topLevelItem(0).setSelected(True)
    with qtbot.waitSignal(page.incident_requested) as signal:
        factor.open_button.click()
    assert signal.args == [incident.id]
    factor.remove_button.click()
    assert factor.evidence == ()
    assert page.editor.is_dirty()


def test_history_lists_every_saved_version(qtbot: QtBot, vault: Vault) -> None:
    first = _saved("2026-06-30", "low")
    vault.assessments.save(first)
    vault.assessments.save(_saved("2026-06-30", "high", id=first.id))
    page = shown_risk_page(qtbot, vault)
    qtbot.waitUntil(lambda: page.list.count() == 1)
    page.list.setCurrentRow(0)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.history_list.topLevelItemCount() == 2)
    assert editor.history_changes.table.rowCount() == 14  # newest version, against the first
    row = list(editor.factor_editors).index(FACTOR)
    assert "Higher" in editor.history_changes.table.item(row, CHANGE).text()


def test_clear_on_lock_drops_everything_shown(qtbot: QtBot, vault: Vault) -> None:
    vault.assessments.save(
        _saved("2026-06-30", "high", overall={"rating": "high", "narrative": CANARY})
    )
    page = shown_risk_page(qtbot, vault)
    qtbot.waitUntil(lambda: page.list.count() == 1)
    page.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.editor.overall_narrative.toPlainText() == CANARY)
    picker = page.open_picker(FACTOR)
    assert picker is not None and picker.isVisible()
    page.clear()
    assert page.picker is None and not picker.isVisible()
    assert page.list.count() == 0
    assert page.stack.currentWidget() is page.placeholder
    texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QLineEdit)]
    texts += [w.toPlainText() for w in page.findChildren(QPlainTextEdit)]
    assert not [t for t in texts if CANARY in t]
    assert page._vault is None and page._info == {}
    page.new_button.click()  # nothing happens once locked; no crash either
    page.save()


def test_every_control_has_an_accessible_name(qtbot: QtBot, vault: Vault) -> None:
    page = shown_risk_page(qtbot, vault)
    _new(qtbot, page)
    controls: list[QWidget] = []
    for kind in (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QDateEdit):
        controls += page.findChildren(kind)
    unnamed = [
        f"{type(w).__name__} in {type(w.parent()).__name__}"
        for w in controls
        if not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text())
    ]
    assert unnamed == []


def test_choosing_areas_narrows_the_scope(qtbot: QtBot, vault: Vault) -> None:
    page = shown_risk_page(qtbot, vault)
    _new(qtbot, page)
    header = page.editor.header
    assert header.areas() == ()
    assert header.areas_button.text().startswith("Whole country")
    duskwater = next(
        header.area_list.item(r)
        for r in range(header.area_list.count())
        if header.area_list.item(r).data(Qt.ItemDataRole.UserRole) == "XA-07"
    )
    menu = header.areas_button.menu()
    menu.popup(header.areas_button.mapToGlobal(header.areas_button.rect().bottomLeft()))
    qtbot.waitUntil(lambda: header.area_list.hasFocus())  # keyboard users land in the list
    menu.hide()
    duskwater.setCheckState(Qt.CheckState.Checked)
    assert header.areas() == ("XA-07",)
    assert header.areas_button.text().startswith("Duskwater")
    assert "Duskwater" in page.editor.heading.text()
    _save(qtbot, page)
    assert vault.assessments.for_scope("XA", ["XA-07"])[0].areas == ("XA-07",)
    assert vault.assessments.for_scope("XA") == []


def test_in_french_the_framework_speaks_french_too(
    qtbot: QtBot, vault: Vault, qapp: object
) -> None:
    from hradvisor.ui.i18n import install_translators

    translators = install_translators(qapp, "fr")  # type: ignore[arg-type]
    try:
        page = shown_risk_page(qtbot, vault)
        _new(qtbot, page)
        factor = page.editor.factor_editors["capacity"]
        assert factor.title_label.text() == "Capacité de commettre des crimes d'atrocité"
        assert factor.rating.buttons["high"].text() == "Élevé"
        assert page.new_button.text() == "Nouvelle évaluation"
        assert page.editor.header.areas_button.text().startswith("Tout le pays")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)  # type: ignore[attr-defined]
