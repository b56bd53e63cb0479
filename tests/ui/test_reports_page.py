"""The Reports page: definitions through the widgets, in-memory preview, PDF, exports, lock."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from hradvisor.model import Choices, ReportDefinition, new_id
from hradvisor.store import Vault
from hradvisor.ui.reports import ReportsPage
from hradvisor.ui.reports.choices import KEY_ROLE
from hradvisor.ui.reports.editor import preset_period
from hradvisor.ui.workers import BackgroundOp
from tests.conftest import make_incident
from tests.ui.helpers import shown_reports_page

LAST_MONTH = preset_period("last-month", dt.date.today())
assert LAST_MONTH is not None
START, END = LAST_MONTH
Button = QMessageBox.StandardButton


def _day(offset: int) -> str:
    return (START + dt.timedelta(days=offset % 28)).isoformat()


@pytest.fixture
def filled(vault: Vault) -> Vault:
    """Incidents last month (when a new report starts), shareable with the UN, of three kinds."""
    kinds = [
        (["killing"], {"killed": {"men": 2}}),
        (["arbitrary-detention"], {"detained": {"men": 3, "women": 1}}),
        (["torture-ill-treatment"], {"tortured": {"men": 1}}),
    ]
    incidents = []
    for index in range(24):
        violations, victims = kinds[index % 3]
        incidents.append(
            make_incident(
                date=_day(index),
                violations=violations,
                victims=victims,
                consent="share-within-un",
                location={"country": "XA", "admin1": f"XA-0{1 + index % 3}"},
            )
        )
    vault.incidents.add_many(incidents)
    return vault


@pytest.fixture
def page(qtbot: QtBot, filled: Vault) -> ReportsPage:
    return shown_reports_page(qtbot, filled)


def _new(qtbot: QtBot, page: ReportsPage) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor.loaded is not None and not page.is_busy())


def _wait_status(qtbot: QtBot, page: ReportsPage, text: str) -> None:
    qtbot.waitUntil(lambda: text in page.status.text() and not page.is_busy())


def _saved_definition(vault: Vault) -> ReportDefinition:
    saved = vault.reports.recent()
    assert len(saved) == 1
    return saved[0]


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path, answer: Button) -> list[str]:
    """Answer the file dialog with *path* and the warning with *answer*; returns warnings."""
    warnings: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )

    def warn(_parent: Any, _title: str, text: str, *_args: Any) -> Button:
        warnings.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warn))
    return warnings


def test_a_new_definition_is_made_and_saved_through_the_widgets(
    qtbot: QtBot, page: ReportsPage, filled: Vault
) -> None:
    assert "No reports yet" in page.placeholder_text.text()
    _new(qtbot, page)
    editor = page.editor
    assert editor.to_json()["period_start"] == START.isoformat()
    assert editor.to_json()["country"] == "XA"
    assert editor.classification.currentData() == "confidential"
    assert not page.has_unsaved_changes()
    editor.setCurrentIndex(1)
    qtbot.keyClicks(editor.overview, "Detentions rose in the north.")
    editor.classification.setCurrentIndex(editor.classification.findData("strictly-confidential"))
    editor.include_annex.setChecked(True)
    assert page.has_unsaved_changes()
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    _wait_status(qtbot, page, "Saved.")
    saved = _saved_definition(filled)
    assert saved.overview == "Detentions rose in the north."
    assert saved.classification == "strictly-confidential"
    assert saved.include_annex and saved.language == "en"
    assert not page.has_unsaved_changes()
    qtbot.waitUntil(lambda: page.list.count() == 1)
    assert "Strictly confidential" in page.list.item(0).text()


def test_audience_public_makes_the_report_unclassified(qtbot: QtBot, page: ReportsPage) -> None:
    _new(qtbot, page)
    editor = page.editor
    editor.exact_locations.setChecked(True)
    editor.audience.setCurrentIndex(editor.audience.findData("public"))
    assert editor.classification.currentData() == "unclassified"
    assert not editor.exact_locations.isChecked() and not editor.exact_locations.isEnabled()
    editor.classification.setCurrentIndex(editor.classification.findData("confidential"))
    assert editor.audience.currentData() == "un"


def test_preview_is_rendered_in_memory_with_its_manifest(
    qtbot: QtBot, page: ReportsPage, private_tmp: Path
) -> None:
    _new(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F5)
    document = page.preview.document
    qtbot.waitUntil(lambda: document.status() == QPdfDocument.Status.Ready and not page.is_busy())
    assert document.pageCount() >= 1
    assert page.editor.currentWidget() is page.preview
    assert "24 of 24 incidents in scope included" in page.preview.manifest.text()
    assert "not in the PDF" in page.preview.manifest.text()
    assert list(private_tmp.iterdir()) == []  # nothing written, not even a temporary file
    page.preview.go_to(document.pageCount() - 1)
    assert page.preview.page.value() == document.pageCount()
    page.preview.zoom.setCurrentIndex(page.preview.zoom.findData(1.5))
    assert page.preview.view.zoomFactor() == 1.5


def test_save_pdf_writes_only_after_the_warning_and_records_the_hash(
    qtbot: QtBot, page: ReportsPage, filled: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new(qtbot, page)
    out = tmp_path / "out" / "summary.pdf"
    out.parent.mkdir()
    warnings = _save_to(monkeypatch, out, Button.Cancel)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert len(warnings) == 1 and "CONFIDENTIAL" in warnings[0] and str(out) in warnings[0]
    assert "Nothing was written" in page.status.text()
    assert not out.exists() and filled.reports.recent() == []

    _save_to(monkeypatch, out, Button.Save)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    _wait_status(qtbot, page, "is recorded")
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert out.read_bytes().startswith(b"%PDF")
    assert list(out.parent.iterdir()) == [out]  # no temporary name left behind
    saved = _saved_definition(filled)
    assert [o.sha256 for o in saved.outputs] == [digest]
    assert digest in page.outputs.toPlainText()
    assert not page.has_unsaved_changes()
    qtbot.waitUntil(lambda: page.list.count() == 1)
    assert digest[:12] in page.list.item(0).text()


def test_an_unwritable_path_says_so_and_writes_nothing(
    qtbot: QtBot, page: ReportsPage, filled: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new(qtbot, page)
    out = tmp_path / "missing-folder" / "summary.pdf"
    _save_to(monkeypatch, out, Button.Save)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    _wait_status(qtbot, page, "Nothing was written")
    assert "no such folder" in page.status.text()
    assert page.status.property("role") == "error"
    assert not out.parent.exists()
    assert filled.reports.recent() == []


def test_export_csv_writes_the_file_and_its_manifest(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new(qtbot, page)
    out = tmp_path / "incidents.csv"
    warnings = _save_to(monkeypatch, out, Button.Save)
    page.export_actions["csv"].trigger()
    _wait_status(qtbot, page, "Exported")
    assert len(warnings) == 1 and "CONFIDENTIAL" in warnings[0]
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("id,title") and len(rows) == 25
    manifest = json.loads((tmp_path / "incidents.csv.manifest.json").read_text())
    assert manifest["incidents_included"] == 24
    assert "24 of 24" in page.status.text() and "incidents.csv.manifest.json" in page.status.text()


def test_export_is_filtered_by_the_classification_and_audience(
    qtbot: QtBot, page: ReportsPage, filled: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled.incidents.add(make_incident(date=_day(3), consent="internal-only"))
    _new(qtbot, page)
    out = tmp_path / "incidents.json"
    _save_to(monkeypatch, out, Button.Save)
    page.export_actions["json"].trigger()
    _wait_status(qtbot, page, "Exported")
    assert len(json.loads(out.read_text())) == 24
    manifest = json.loads((tmp_path / "incidents.json.manifest.json").read_text())
    assert manifest["incidents_left_out"]["consent-does-not-reach-audience"] == 1
    assert "1 left out" in page.status.text()


def test_concerns_can_be_pinned_hidden_and_reordered_by_keyboard(
    qtbot: QtBot, page: ReportsPage, filled: Vault
) -> None:
    _new(qtbot, page)
    concerns = page.editor.concerns
    qtbot.waitUntil(lambda: concerns.list.count() >= 3)
    keys = concerns.keys()
    page.editor.setCurrentIndex(2)
    concerns.list.setFocus()
    concerns.list.setCurrentRow(2)
    qtbot.keyClick(concerns.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert concerns.keys()[1] == keys[2]
    qtbot.keyClick(concerns.list, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    concerns.list.setCurrentRow(0)
    qtbot.keyClick(concerns.list, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert "hidden" in concerns.list.item(0).text()
    assert "pinned" in concerns.list.item(1).text()
    assert page.has_unsaved_changes()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    _wait_status(qtbot, page, "Saved.")
    saved = _saved_definition(filled)
    assert saved.concerns.pinned == (keys[2],)
    assert saved.concerns.hidden == (keys[0],)
    assert saved.concerns.order[:2] == (keys[2], keys[1])
    assert keys[0] not in saved.concerns.order


def test_saved_choices_come_back_in_place(qtbot: QtBot, page: ReportsPage, filled: Vault) -> None:
    _new(qtbot, page)
    qtbot.waitUntil(lambda: page.editor.concerns.list.count() >= 3)
    keys = page.editor.concerns.keys()
    definition = ReportDefinition(
        id=new_id(),
        period_start=START.isoformat(),
        period_end=END.isoformat(),
        issued=dt.date.today().isoformat(),
        country="XA",
        concerns=Choices(pinned=(keys[1],), hidden=(keys[2],), order=(keys[1], "gone-key")),
    )
    filled.reports.save(definition)
    page.refresh()
    qtbot.waitUntil(lambda: page.list.count() == 1)
    page.list.setCurrentRow(0)  # the unsaved new report was never edited: no question
    qtbot.waitUntil(lambda: page.editor.definition_id == definition.id and not page.is_busy())
    concerns = page.editor.concerns
    qtbot.waitUntil(lambda: concerns.list.count() >= 3)
    shown = [concerns.list.item(row).data(KEY_ROLE) for row in range(concerns.list.count())]
    assert shown[0] == keys[1] and shown[-1] == keys[2]
    assert concerns.choices() == definition.concerns  # an unknown key is kept, not lost
    assert not page.has_unsaved_changes()


def test_switching_with_unsaved_changes_asks_first(
    qtbot: QtBot, page: ReportsPage, filled: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled.reports.save(
        ReportDefinition(
            id=new_id(), period_start="2026-01-01", period_end="2026-03-31", issued="2026-04-02"
        )
    )
    page.refresh()
    qtbot.waitUntil(lambda: page.list.count() == 1)
    _new(qtbot, page)
    page.editor.title.setText("A draft")
    asked: list[str] = []

    def cancel(*args: Any) -> Button:
        asked.append(args[2])
        return Button.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    page.list.setCurrentRow(0)
    assert len(asked) == 1 and "unsaved" in asked[0]
    assert page.editor.title.text() == "A draft" and page.has_unsaved_changes()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: Button.Discard))
    page.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.editor.to_json()["period_start"] == "2026-01-01")
    assert not page.has_unsaved_changes()


def test_a_conflicting_save_is_refused_plainly(
    qtbot: QtBot, page: ReportsPage, filled: Vault
) -> None:
    _new(qtbot, page)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    _wait_status(qtbot, page, "Saved.")
    elsewhere = _saved_definition(filled)
    filled.reports.save(
        ReportDefinition(**{**elsewhere.__dict__, "overview": "Changed on another laptop."})
    )
    page.editor.title.setText("Mine")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    _wait_status(qtbot, page, "changed elsewhere")
    assert page.editor.title.text() == "Mine" and page.has_unsaved_changes()
    assert _saved_definition(filled).overview == "Changed on another laptop."


def test_clear_drops_texts_preview_and_manifest(qtbot: QtBot, page: ReportsPage) -> None:
    _new(qtbot, page)
    page.editor.overview.setPlainText("Fictional overview text.")
    page.editor.recommendations.setPlainText("Fictional recommendation.")
    page.make_preview()
    document = page.preview.document
    qtbot.waitUntil(lambda: document.status() == QPdfDocument.Status.Ready and not page.is_busy())
    page.clear()
    assert (
        page.editor.overview.toPlainText() == "" and page.editor.recommendations.toPlainText() == ""
    )
    assert not page.editor.overview.document().isUndoAvailable()
    assert page.editor.loaded is None and page.editor.concerns.list.count() == 0
    assert document.pageCount() == 0 and not page.preview.has_document()
    assert page.preview.manifest.text() == ""
    assert page.list.count() == 0 and page.outputs.toPlainText() == ""
    assert not page.has_unsaved_changes()
    page.make_preview()  # nothing to preview, no vault: a no-op, not a crash
    assert not page.is_busy()


def test_an_answer_after_lock_is_dropped(qtbot: QtBot, page: ReportsPage) -> None:
    _new(qtbot, page)
    page.make_preview()
    page.clear()
    qtbot.waitUntil(lambda: not page.is_busy())
    assert page.preview.document.pageCount() == 0 and page.preview.manifest.text() == ""


def test_a_page_deleted_while_a_preview_renders_is_not_called_back(
    qtbot: QtBot, filled: Vault
) -> None:
    widget = ReportsPage(filled, lang="en")
    qtbot.waitUntil(lambda: not widget.is_busy())
    _new(qtbot, widget)
    widget.make_preview()
    widget.clear()
    widget.deleteLater()
    # Wait until the answer was delivered: pytest-qt fails the test on an exception in it.
    qtbot.waitUntil(lambda: not BackgroundOp._running)


def test_the_dirty_state_is_announced(qtbot: QtBot, page: ReportsPage) -> None:
    _new(qtbot, page)
    with qtbot.waitSignal(page.unsaved_changed) as signal:
        page.editor.title.setText("A draft")
    assert signal.args == [True]
    with qtbot.waitSignal(page.unsaved_changed) as signal:
        page.editor.title.setText("")
    assert signal.args == [False]


def test_export_hxl_has_the_hashtag_row(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new(qtbot, page)
    out = tmp_path / "incidents-hxl.csv"
    _save_to(monkeypatch, out, Button.Save)
    page.export_actions["hxl"].trigger()
    _wait_status(qtbot, page, "Exported")
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("#event+id,#event+name") and len(rows) == 26


def test_preview_pages_are_reached_by_the_buttons(qtbot: QtBot, page: ReportsPage) -> None:
    _new(qtbot, page)
    page.editor.include_annex.setChecked(True)
    page.make_preview()
    preview = page.preview
    qtbot.waitUntil(lambda: preview.document.pageCount() >= 2 and not page.is_busy())
    assert not preview.previous_button.isEnabled() and preview.next_button.isEnabled()
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.page.value() == 2)
    assert preview.previous_button.isEnabled()
    qtbot.mouseClick(preview.previous_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.page.value() == 1)
