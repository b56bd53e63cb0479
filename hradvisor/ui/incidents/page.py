"""The Incidents section: filters, search, a count and the paged incident table.

Every query runs in a worker: the table's pages through the model, the count
here. Typing in the search field waits for a pause (debounce) so a word of
ten letters is one query, not ten. Counts carry a generation like the model's
pages, so a slow count for an old filter never overwrites the current one.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hradvisor.store.queries import IncidentFilter
from hradvisor.ui.incidents.chips import ChipDelegate
from hradvisor.ui.incidents.filters import FilterBar
from hradvisor.ui.incidents.model import (
    COLUMNS,
    DATE,
    ID_ROLE,
    LOCATION,
    SENSITIVITY,
    TITLE,
    VERIFICATION,
    VICTIMS,
    VIOLATIONS,
    IncidentTableModel,
    PagedQueries,
)
from hradvisor.ui.theme import SENSITIVITY_CHIPS, VERIFICATION_CHIPS
from hradvisor.ui.widgets import button, label, name_parts
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

DEBOUNCE_MS = 250
# The widest text each column should show unclipped; the title takes the rest.
_WIDEST = {
    DATE: "2026-11-23",
    LOCATION: "Kestrel Plains",
    VIOLATIONS: "Arbitrary detention",
    VICTIMS: "Victims",
    VERIFICATION: "Verification",
    SENSITIVITY: "Strictly confidential",
}
_ROOM = 24  # cell padding plus the header's sort arrow
_CHIP_ROOM = 14  # a chip's own padding


class ListQueries(PagedQueries, Protocol):
    """``vault.queries``: pages for the model, counts for the label."""

    def count(self, filters: IncidentFilter | None = None) -> int: ...


class IncidentListPage(QWidget):
    """Filter bar, search, count and table. Emits ``incident_activated(id)``."""

    incident_activated = Signal(str)

    def __init__(self, queries: ListQueries) -> None:
        super().__init__()
        self._queries = queries
        self._count_generation = 0
        self.model = IncidentTableModel(queries)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        self.filters = FilterBar()
        layout.addWidget(self.filters)
        layout.addLayout(self._search_row())
        self.stack = QStackedWidget()
        self.table = self._table()
        self.empty = self._empty_state()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self._connect()
        self.apply_filters()

    def _search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("IncidentList", "Search incidents… (Ctrl+F)"))
        self.search.setAccessibleName(translate("IncidentList", "Search incidents"))
        self.search.setClearButtonEnabled(True)
        name_parts(self.search, translate("IncidentList", "Clear the search"))
        row.addWidget(self.search, 1)
        self.count_label = label("", "muted")
        self.count_label.setWordWrap(False)
        row.addWidget(self.count_label)
        return row

    def _table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName(translate("IncidentList", "Incidents"))
        table.setModel(self.model)
        table.setCornerButtonEnabled(False)
        name_parts(table, translate("IncidentList", "Select all incidents"))
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        bold = QFont(table.font())
        bold.setBold(True)  # strictly-confidential marks are bold
        for column, text in _WIDEST.items():
            font = bold if column == SENSITIVITY else table.font()
            room = _ROOM + (_CHIP_ROOM if column in (VERIFICATION, SENSITIVITY) else 0)
            header.resizeSection(column, QFontMetrics(font).horizontalAdvance(text) + room)
        self._chips = (
            ChipDelegate(VERIFICATION_CHIPS),
            ChipDelegate(SENSITIVITY_CHIPS, bold=frozenset({"strictly-confidential"})),
        )
        table.setItemDelegateForColumn(VERIFICATION, self._chips[0])
        table.setItemDelegateForColumn(SENSITIVITY, self._chips[1])
        header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)  # asks the model for the same order: no extra query
        return table

    def _empty_state(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch(1)
        self.empty_text = label("", "muted")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.empty_text)
        self.clear_button = button(
            translate("IncidentList", "Clear the filters"),
            translate("IncidentList", "Clear the filters"),
        )
        self.clear_button.clicked.connect(self.clear_filters)
        box.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignCenter)
        box.addStretch(2)
        return page

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.filters.changed.connect(self.apply_filters)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._honest_indicator)
        self.table.activated.connect(self._activated)
        self.model.page_loaded.connect(self._show_rows_or_empty)
        self.model.failed.connect(self._show_failure)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)

    # -- filters ----------------------------------------------------------------
    def current_filter(self) -> IncidentFilter:
        """The filter the bar and the search field describe."""
        return self.filters.current(self.search.text().strip())

    def apply_filters(self) -> None:
        """Restart the list and the count for what the controls say now."""
        self._debounce.stop()
        filters = self.current_filter()
        self.model.reset_filters(filters)
        self._count_generation += 1
        generation, queries = self._count_generation, self._queries
        self.count_label.setText(translate("IncidentList", "Counting…"))
        run_in_background(
            lambda: _count(queries, filters, generation), self._show_count, self._count_failed
        )

    def show_filter(self, wanted: IncidentFilter) -> None:
        """Show the incidents *wanted* selects (what the bar can express), with one query."""
        self.filters.set_filter(wanted)
        self.search.blockSignals(True)
        self.search.setText(wanted.text or "")
        self.search.blockSignals(False)
        self.apply_filters()

    def clear_filters(self) -> None:
        """Back to every incident, with one query rather than one per control."""
        self.filters.reset()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- answers ------------------------------------------------------------------
    def _show_count(self, answer: tuple[int, int | Exception]) -> None:
        generation, count = answer
        if generation != self._count_generation:
            return  # a count for a filter no longer shown
        if isinstance(count, Exception):
            self.count_label.setText(user_message(count))
            return
        text = translate("IncidentList", "{count} incidents").format(count=f"{count:,}")
        self.count_label.setText(text)

    def _count_failed(self, exc: BaseException) -> None:
        self.count_label.setText(user_message(exc))

    def _show_rows_or_empty(self) -> None:
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        filtered = self.current_filter() != IncidentFilter()
        self.empty_text.setText(
            translate("IncidentList", "No incidents match — clear the filters.")
            if filtered
            else translate(
                "IncidentList", "No incidents yet — press Ctrl+N to record the first one."
            )
        )
        self.clear_button.setVisible(filtered)
        self.stack.setCurrentWidget(self.empty)

    def _show_failure(self, message: str) -> None:
        self.count_label.setText(message)

    def _honest_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """Columns the store cannot sort by keep the indicator on the real order."""
        if COLUMNS[column][1] is None:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.incident_activated.emit(str(index.data(ID_ROLE)))

    def clear(self) -> None:
        """On lock: drop the rows and the search text."""
        self._debounce.stop()
        self._count_generation += 1
        self.model.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)


def _count(
    queries: ListQueries, filters: IncidentFilter, generation: int
) -> tuple[int, int | Exception]:
    """On a worker: the count, or the error, tagged with the generation that asked."""
    try:
        return generation, queries.count(filters)
    except Exception as exc:
        return generation, exc
