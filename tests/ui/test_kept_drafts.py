"""Unsaved risk assessments and report definitions survive an idle or panic lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hradvisor.model import ValidationError, assessment_from_json, report_from_json
from hradvisor.store import Vault, open_vault
from hradvisor.ui.app import MainWindow
from hradvisor.ui.reports.drafts import REPORT_DRAFT
from hradvisor.ui.reports.page import ReportsPage
from hradvisor.ui.risk import RiskPage
from hradvisor.ui.risk.drafts import RISK_DRAFT
from tests.conftest import PASSPHRASE, make_incident
from tests.store.test_no_plaintext import _files_containing
from tests.ui.conftest import MakeWindow
from tests.ui.helpers import shown_reports_page, shown_risk_page, unlock

NARRATIVE = "Night raids on the river villages, interrupted mid-sentence"
OVERVIEW = "Detentions rose along the river road; an overview typed for an hour"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    with open_vault(vault_dir, PASSPHRASE) as opened:
        opened.incidents.add(make_incident())
        yield opened
        QThreadPool.globalInstance().waitForDone(5000)


def _new_with_narrative(qtbot: QtBot, page: RiskPage, narrative: str) -> None:
    page.new_button.click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.editor)
    page.editor.overall_narrative.setPlainText(narrative)
    assert page.has_unsaved_changes()


def _offered(qtbot: QtBot, page: RiskPage) -> None:
    qtbot.waitUntil(lambda: "kept when the vault locked" in page.banner.text.text())


def test_a_kept_draft_is_offered_restored_unsaved_and_gone_once_saved(
    qtbot: QtBot, vault: Vault
) -> None:
    before = shown_risk_page(qtbot, vault)
    _new_with_narrative(qtbot, before, NARRATIVE)
    before.keep_draft()  # what the shell does before an idle or panic lock
    before.clear()
    assert vault.drafts.load(RISK_DRAFT) is not None

    page = shown_risk_page(qtbot, vault)  # after the next unlock
    _offered(qtbot, page)
    assert NARRATIVE not in page.banner.text.text()  # the banner names no content
    page.banner.buttons[0].click()  # restore
    qtbot.waitUntil(lambda: page.editor.overall_narrative.toPlainText() == NARRATIVE)
    assert page.has_unsaved_changes() and page.editor.head is None
    assert "restored" in page.editor.status.text()
    assert not page.banner.isVisible()

    page.editor.save_button.click()
    qtbot.waitUntil(lambda: page.editor.head is not None and not page.editor.is_dirty())
    QThreadPool.globalInstance().waitForDone(5000)
    assert vault.drafts.load(RISK_DRAFT) is None
    (saved,) = vault.assessments.recent()
    assert saved.overall.narrative == NARRATIVE


def test_discarding_the_offer_deletes_the_draft(qtbot: QtBot, vault: Vault) -> None:
    before = shown_risk_page(qtbot, vault)
    _new_with_narrative(qtbot, before, NARRATIVE)
    before.keep_draft()
    before.clear()
    page = shown_risk_page(qtbot, vault)
    _offered(qtbot, page)
    page.banner.buttons[1].click()  # discard
    assert not page.banner.isVisible()
    QThreadPool.globalInstance().waitForDone(5000)
    assert vault.drafts.load(RISK_DRAFT) is None
    assert page.stack.currentWidget() is page.placeholder


def test_a_draft_that_breaks_a_saving_rule_still_comes_back(qtbot: QtBot, vault: Vault) -> None:
    too_long = "x" * 60_000  # over the narrative limit: saving would refuse it
    before = shown_risk_page(qtbot, vault)
    _new_with_narrative(qtbot, before, too_long)
    with pytest.raises(ValidationError):
        assessment_from_json(before.editor.to_json())
    before.keep_draft()
    before.clear()
    page = shown_risk_page(qtbot, vault)
    _offered(qtbot, page)
    page.banner.buttons[0].click()
    qtbot.waitUntil(lambda: page.editor.overall_narrative.toPlainText() == too_long)
    assert page.has_unsaved_changes()


def test_nothing_unsaved_keeps_no_draft(qtbot: QtBot, vault: Vault) -> None:
    page = shown_risk_page(qtbot, vault)
    page.keep_draft()
    assert vault.drafts.load(RISK_DRAFT) is None


def test_a_panic_lock_keeps_both_pages_edits_encrypted_and_out_of_the_incident_drafts(
    vault_dir: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    with open_vault(vault_dir, PASSPHRASE) as setup:
        setup.incidents.add(make_incident())
    window: MainWindow = make_window(vault_dir)
    unlock(qtbot, window)
    assert window.shell is not None
    window.shell.navigation.setCurrentRow(4)  # Reports
    _new_report_with_overview(qtbot, window.shell.reports, OVERVIEW)
    window.shell.navigation.setCurrentRow(3)  # Risk
    _new_with_narrative(qtbot, window.shell.risk, NARRATIVE)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, modifiers)
    qtbot.waitUntil(lambda: window.shell is None)
    QThreadPool.globalInstance().waitForDone(5000)
    for text in (NARRATIVE, OVERVIEW):
        assert _files_containing([vault_dir], text) == []  # encrypted at rest
    unlock(qtbot, window)
    assert window.shell is not None
    _offered(qtbot, window.shell.risk)
    _offered(qtbot, window.shell.reports)
    section = window.shell.incident_section
    QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()  # the drafts answer reaches the incident list
    assert "unsaved draft" not in section.banner.text.text()


# -- report definitions -------------------------------------------------------------------


def _new_report_with_overview(qtbot: QtBot, page: ReportsPage, overview: str) -> None:
    page.new_button.click()
    qtbot.waitUntil(lambda: page.editor.loaded is not None and not page.is_busy())
    page.editor.overview.setPlainText(overview)
    assert page.has_unsaved_changes()


def test_a_kept_report_draft_comes_back_unsaved_and_goes_once_saved(
    qtbot: QtBot, vault: Vault
) -> None:
    before = shown_reports_page(qtbot, vault)
    _new_report_with_overview(qtbot, before, OVERVIEW)
    before.keep_draft()
    before.clear()
    assert vault.drafts.load(REPORT_DRAFT) is not None

    page = shown_reports_page(qtbot, vault)
    _offered(qtbot, page)
    page.banner.buttons[0].click()  # restore
    assert page.editor.overview.toPlainText() == OVERVIEW
    assert page.has_unsaved_changes()
    assert "restored" in page.status.text()
    page.save_button.click()
    qtbot.waitUntil(lambda: "Saved." in page.status.text() and not page.is_busy())
    QThreadPool.globalInstance().waitForDone(5000)
    assert vault.drafts.load(REPORT_DRAFT) is None
    (saved,) = vault.reports.recent()
    assert saved.overview == OVERVIEW


def test_a_report_draft_over_a_limit_still_comes_back(qtbot: QtBot, vault: Vault) -> None:
    too_long = "y" * 60_000  # over the overview limit: saving would refuse it
    before = shown_reports_page(qtbot, vault)
    _new_report_with_overview(qtbot, before, too_long)
    with pytest.raises(ValidationError):
        report_from_json(before.editor.to_json())
    before.keep_draft()
    before.clear()
    page = shown_reports_page(qtbot, vault)
    _offered(qtbot, page)
    page.banner.buttons[0].click()
    assert page.editor.overview.toPlainText() == too_long
    assert page.has_unsaved_changes()
