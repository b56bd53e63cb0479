"""The incident list: paging in workers, sorting, debounced search, filters, lock (DESIGN §9)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QThreadPool
from pytestqt.qtbot import QtBot

from hradvisor.store import Vault, open_vault
from hradvisor.store.queries import IncidentFilter, RowPage
from hradvisor.ui.incidents import IncidentListPage
from hradvisor.ui.incidents.chips import ChipDelegate
from hradvisor.ui.incidents.model import (
    CODE_ROLE,
    DATE,
    LOCATION,
    SENSITIVITY,
    TITLE,
    VERIFICATION,
    list_row,
    to_row,
)
from tests.conftest import PASSPHRASE, make_incident
from tests.ui.conftest import MakeWindow
from tests.ui.helpers import unlock

TOTAL = 450
MARKED = len(range(0, TOTAL, 64))  # incidents whose title holds the search word
KILLINGS = TOTAL // 3
MILITIA = len(range(0, TOTAL, 5))


def _incidents() -> list:
    incidents = []
    for number in range(TOTAL):
        word = "Brackenfold" if number % 64 == 0 else "Elsenmoor"
        violations = ["killing"] if number % 3 == 0 else ["arbitrary-detention"]
        militia = number % 5 == 0
        incidents.append(
            make_incident(
                title=f"Case {(number * 37) % TOTAL:03d} near {word}",
                date=f"20{20 + number % 5}-{1 + number % 12:02d}-{1 + number % 28:02d}",
                violations=violations,
                perpetrators=["pro-government-militia"] if militia else ["state-police"],
                sensitivity="strictly-confidential" if number % 2 else "confidential",
            )
        )
    return incidents


@pytest.fixture
def filled(vault_dir: Path) -> Path:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add_many(_incidents())
    return vault_dir


@pytest.fixture
def vault(filled: Path) -> Iterator[Vault]:
    with open_vault(filled, PASSPHRASE) as opened:
        yield opened
        QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def page(vault: Vault, qtbot: QtBot) -> IncidentListPage:
    shown = IncidentListPage(vault.queries)
    qtbot.addWidget(shown)
    shown.resize(1000, 600)
    shown.show()
    qtbot.waitUntil(lambda: shown.model.rowCount() == 200)
    return shown


def _titles(page: IncidentListPage) -> list[str]:
    model = page.model
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def test_the_first_page_and_the_count_then_more_on_scrolling(
    page: IncidentListPage, qtbot: QtBot
) -> None:
    model = page.model
    qtbot.waitUntil(lambda: page.count_label.text() == "450 incidents")
    assert model.canFetchMore(QModelIndex())
    page.table.scrollToBottom()  # the view asks for the next page itself
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == TOTAL)
    assert not model.canFetchMore(QModelIndex())
    assert len(set(_titles(page))) == TOTAL
    assert model.index(0, 6).data() in ("Strictly confidential", "Confidential")


def test_sorting_by_title_asks_the_store_and_other_columns_keep_the_order(
    page: IncidentListPage, qtbot: QtBot
) -> None:
    page.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: _titles(page)[:1] == ["Case 000 near Brackenfold"])
    assert _titles(page) == sorted(_titles(page), key=str.casefold)
    page.table.sortByColumn(LOCATION, Qt.SortOrder.AscendingOrder)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == TITLE  # the store cannot sort by location
    assert page.model.sort_column == TITLE


def test_search_waits_for_a_pause_then_shows_only_matches(
    page: IncidentListPage, qtbot: QtBot
) -> None:
    qtbot.keyClicks(page.search, "brackenf")
    assert page.model.rowCount() == 200  # not one query per keystroke
    qtbot.waitUntil(lambda: page.model.rowCount() == MARKED)
    assert all("Brackenfold" in title for title in _titles(page))
    qtbot.waitUntil(lambda: page.count_label.text() == f"{MARKED} incidents")


def test_a_violation_filter_restricts_rows(page: IncidentListPage, qtbot: QtBot) -> None:
    page.filters.violation.setCurrentIndex(page.filters.violation.findData("killing"))
    qtbot.waitUntil(lambda: page.count_label.text() == f"{KILLINGS} incidents")
    qtbot.waitUntil(lambda: page.model.rowCount() == 150)
    assert {page.model.index(row, 3).data() for row in range(150)} == {"Killing"}


def test_a_perpetrator_filter_restricts_rows(page: IncidentListPage, qtbot: QtBot) -> None:
    perpetrator = page.filters.perpetrator
    assert perpetrator.itemText(0) == "All perpetrators"
    assert perpetrator.findText("Pro-government militia") > 0  # labels, not codes
    perpetrator.setCurrentIndex(perpetrator.findData("pro-government-militia"))
    qtbot.waitUntil(lambda: page.count_label.text() == f"{MILITIA} incidents")
    qtbot.waitUntil(lambda: page.model.rowCount() == MILITIA)
    page.filters.violation.setCurrentIndex(page.filters.violation.findData("killing"))
    both = len([n for n in range(TOTAL) if n % 5 == 0 and n % 3 == 0])
    qtbot.waitUntil(lambda: page.count_label.text() == f"{both} incidents")
    page.clear_filters()
    assert perpetrator.currentIndex() == 0
    qtbot.waitUntil(lambda: page.count_label.text() == f"{TOTAL} incidents")


def test_chips_keep_their_words_and_codes(page: IncidentListPage) -> None:
    index = page.model.index(0, SENSITIVITY)
    assert index.data(CODE_ROLE) in ("strictly-confidential", "confidential")
    assert index.data() in ("Strictly confidential", "Confidential")  # text, not colour alone
    verification = page.model.index(0, VERIFICATION)
    assert (verification.data(CODE_ROLE), verification.data()) == ("credible", "Credible")
    assert isinstance(page.table.itemDelegateForColumn(SENSITIVITY), ChipDelegate)


def _arrow_points_down(page: IncidentListPage, column: int) -> bool:
    """Read the sort arrow off the rendered header: is its wide edge at the top?"""
    header = page.table.horizontalHeader()
    image = header.grab().toImage()
    left = header.sectionViewportPosition(column)
    right = left + header.sectionSize(column)
    widths = []
    for y in range(image.height()):
        dark = [
            x
            for x in range(max(left, right - 24), right - 2)
            if image.pixelColor(x, y).lightness() < 150
        ]
        if dark:
            widths.append(len(dark))
    assert len(widths) >= 2, "no sort arrow drawn"
    return widths[0] > widths[-1]


def test_the_sort_arrow_points_the_way_the_values_run(page: IncidentListPage, qtbot: QtBot) -> None:
    assert page.model.sort_order == Qt.SortOrder.DescendingOrder  # newest first
    assert _arrow_points_down(page, DATE)
    page.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: page.model.rowCount() == 200)
    assert not _arrow_points_down(page, DATE)


def test_bidi_controls_in_a_title_cannot_reorder_the_list(vault: Vault) -> None:
    spoofed = make_incident(title="Report \u202eexe.txt\u202c from \u2067Fenwick\u2069")
    row = to_row(spoofed)
    assert row.title == "Report exe.txt from Fenwick"


def test_an_empty_result_says_how_to_get_rows_back(page: IncidentListPage, qtbot: QtBot) -> None:
    page.search.setText("nothing-matches-this")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
    assert "clear the filters" in page.empty_text.text()
    page.clear_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 200)
    assert page.stack.currentWidget() is page.table


HELD = IncidentFilter(violations=("arbitrary-detention",))


def test_an_empty_vault_says_where_incidents_come_from(vault_dir: Path, qtbot: QtBot) -> None:
    with open_vault(vault_dir, PASSPHRASE) as empty:
        page = IncidentListPage(empty.queries)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
        assert "No incidents yet" in page.empty_text.text()
        assert page.clear_button.isHidden()
        QThreadPool.globalInstance().waitForDone(5000)


class _HeldQueries:
    """vault.queries, except that pages of detentions wait until released."""

    def __init__(self, vault: Vault) -> None:
        self.queries = vault.queries
        self.release = threading.Event()

    def page_rows(self, filters: IncidentFilter | None = None, **kwargs: object) -> RowPage:
        if filters is not None and filters.violations == HELD.violations:
            self.release.wait(5)
        return self.queries.page_rows(filters, **kwargs)  # type: ignore[arg-type]

    def count(self, filters: IncidentFilter | None = None) -> int:
        return self.queries.count(filters)


def test_a_late_answer_for_an_old_filter_is_dropped(vault: Vault, qtbot: QtBot) -> None:
    queries = _HeldQueries(vault)
    page = IncidentListPage(queries)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 200)
    page.model.reset_filters(HELD)
    page.model.reset_filters(IncidentFilter(text="Brackenfold"))
    qtbot.waitUntil(lambda: page.model.rowCount() == MARKED)
    queries.release.set()
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)  # deliver the late answer, if it were to be delivered
    assert page.model.rowCount() == MARKED
    assert all("Brackenfold" in title for title in _titles(page))


def test_clear_empties_the_model(page: IncidentListPage) -> None:
    page.clear()
    assert page.model.rowCount() == 0
    assert page.model.loaded_rows == 0
    assert not page.model.canFetchMore(QModelIndex())


def test_enter_opens_the_editor_and_lock_leaves_no_rows_or_text(
    filled: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(filled)
    unlock(qtbot, window)
    assert window.shell is not None
    shell, page, editor = window.shell, window.shell.incidents, window.shell.editor
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.form.built and editor.form.title.text() == _titles(page)[0])
    assert shell.incident_section.editing()
    qtbot.keyClick(editor.form.title, Qt.Key.Key_Escape)
    assert not shell.incident_section.editing()
    assert page.table.currentIndex().row() == 0  # the list kept its place
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.shell is None)
    assert model.loaded_rows == 0
    assert editor.form.title.text() == ""
    assert editor.form.narrative.toPlainText() == ""


def test_list_rows_show_what_full_incidents_would(vault: Vault) -> None:
    """The fast path (store list rows) and the full incident reduce to the same row."""
    incidents = [
        make_incident(
            title=f"Case \u202e{n}", violations=["killing", "arbitrary-detention"][: 1 + n % 2]
        )
        for n in range(5)
    ]
    vault.incidents.add_many(incidents)
    listed = {row.id: list_row(row) for row in vault.queries.page_rows(limit=10).rows}
    for incident in incidents:
        full = to_row(incident)
        fast = listed[incident.id]
        assert (fast.title, fast.date, fast.location, fast.victims) == (
            full.title,
            full.date,
            full.location,
            full.victims,
        )
        assert sorted(fast.violations.split(", ")) == sorted(full.violations.split(", "))
