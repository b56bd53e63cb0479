"""The incident list as a Qt table model over keyset-paged store queries.

The model never loads the whole table: it holds the rows fetched so far and
asks a worker for the next page of 200 when the view scrolls near the end
(``canFetchMore``/``fetchMore``). Every request carries the generation it was
made for; a filter or sort change starts a new generation, so an answer that
arrives late for an old filter is dropped instead of mixing into the list.
Rows are reduced to display strings on the worker, so the model keeps no
narratives, sources or victims' details — and ``clear()`` drops even those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from hradvisor.model import Incident, area_name, neutralise_bidi, vocabulary
from hradvisor.store.queries import IncidentFilter, ListRow, RowPage
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.theme import DANGER
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

PAGE_SIZE = 200
# (header, store sort key or None when the column cannot be sorted)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (str(QT_TRANSLATE_NOOP("IncidentList", "Date")), "date"),
    (str(QT_TRANSLATE_NOOP("IncidentList", "Title")), "title"),
    (str(QT_TRANSLATE_NOOP("IncidentList", "Location")), None),
    (str(QT_TRANSLATE_NOOP("IncidentList", "Violations")), None),
    (str(QT_TRANSLATE_NOOP("IncidentList", "Victims")), "victims"),
    (str(QT_TRANSLATE_NOOP("IncidentList", "Verification")), None),
    (str(QT_TRANSLATE_NOOP("IncidentList", "Sensitivity")), None),
)
DATE, TITLE, LOCATION, VIOLATIONS, VICTIMS, VERIFICATION, SENSITIVITY = range(len(COLUMNS))
ID_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # the verification or sensitivity code of a chip cell
AnyIndex = QModelIndex | QPersistentModelIndex


class PagedQueries(Protocol):
    """What the model needs from the vault: ``vault.queries`` (IncidentQueries)."""

    def page_rows(
        self,
        filters: IncidentFilter | None = None,
        *,
        sort: str = "date",
        descending: bool = True,
        after: str | None = None,
        limit: int = 200,
    ) -> RowPage: ...


@dataclass(frozen=True)
class Row:
    """One incident as the list shows it: display strings only."""

    id: str
    date: str
    title: str
    location: str
    violations: str
    victims: int
    verification: str  # the code; labels are looked up when shown
    sensitivity: str


@dataclass(frozen=True)
class _Answer:
    """A page (or the failure to get one) for the generation that asked for it."""

    generation: int
    rows: list[Row]
    cursor: str | None
    error: Exception | None = None


def to_row(incident: Incident, lang: str = "en") -> Row:
    """Reduce an incident to what the list shows (runs on the worker).

    Stored text loses its bidirectional controls here, so a title cannot
    reorder what the list shows (model.bidi).
    """
    place = incident.location
    location = area_name(place.country, place.admin1)
    violations = vocabulary("violations")
    return Row(
        id=incident.id,
        date=incident.date,
        title=neutralise_bidi(incident.title),
        location=neutralise_bidi(location),
        violations=", ".join(violations.label(code, lang) for code in incident.violations),
        victims=incident.victims.total(),
        verification=incident.verification,
        sensitivity=incident.sensitivity,
    )


def list_row(row: ListRow, lang: str = "en") -> Row:
    """The same reduction from the store's list row (no revision body is parsed: fast)."""
    violations = vocabulary("violations")
    return Row(
        id=row.id,
        date=row.date,
        title=neutralise_bidi(row.title),
        location=neutralise_bidi(area_name(row.country, row.admin1)),
        violations=", ".join(violations.label(code, lang) for code in row.violations),
        victims=row.victims_total,
        verification=row.verification,
        sensitivity=row.sensitivity,
    )


def verification_label(code: str, lang: str = "en") -> str:
    """The short label of a verification code ("Verified", not the full standard of proof)."""
    return vocabulary("verification").label(code, lang).split(" (")[0]


def _load(
    queries: PagedQueries,
    request: tuple[IncidentFilter, str, bool, str | None],
    generation: int,
    lang: str,
) -> _Answer:
    """On a worker: one page as rows, or the error, tagged with its generation."""
    filters, sort, descending, cursor = request
    try:
        page = queries.page_rows(filters, sort=sort, descending=descending, after=cursor)
    except Exception as exc:
        return _Answer(generation, [], None, exc)
    rows = [list_row(row, lang) for row in page.rows]
    return _Answer(generation, rows, page.next_cursor)


class IncidentTableModel(QAbstractTableModel):
    """Rows fetched so far; the next page is fetched in the background on demand.

    Emits ``page_loaded()`` after each page arrives and ``failed(message)`` if
    a page could not be read.
    """

    page_loaded = Signal()
    failed = Signal(str)

    def __init__(self, queries: PagedQueries) -> None:
        super().__init__()
        self._queries = queries
        self._lang = ui_language()  # read on the GUI thread, used by the workers
        self._rows: list[Row] = []
        self._filters = IncidentFilter()
        self._sort = DATE
        self._order = Qt.SortOrder.DescendingOrder
        self._cursor: str | None = None
        self._exhausted = True  # nothing to fetch until reset_filters() starts a listing
        self._loading = False
        self._generation = 0

    # -- what the view asks -------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("IncidentList", COLUMNS[section][0])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == VICTIMS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column, role == Qt.ItemDataRole.ToolTipRole)
        if role == ID_ROLE:
            return row.id
        if role == CODE_ROLE:
            return {VERIFICATION: row.verification, SENSITIVITY: row.sensitivity}.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == VICTIMS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if column == SENSITIVITY and row.sensitivity == "strictly-confidential":
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(DANGER)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def _text(self, row: Row, column: int, tooltip: bool) -> str | None:
        if column == SENSITIVITY:
            return vocabulary("sensitivity").label(row.sensitivity, self._lang)
        if column == VERIFICATION:
            return verification_label(row.verification, self._lang)
        if column == VICTIMS:
            return f"{row.victims:,}"
        if tooltip and column not in (TITLE, LOCATION, VIOLATIONS):
            return None  # short cells need no tooltip
        values = (row.date, row.title, row.location, row.violations)
        return values[column]

    def replace(self, incident: Incident) -> bool:
        """Show the saved version of a loaded row in place (the list keeps its position)."""
        for number, row in enumerate(self._rows):
            if row.id == incident.id:
                self._rows[number] = to_row(incident, self._lang)
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))
                return True
        return False

    def title_of(self, incident_id: str) -> str:
        """The title of a loaded row ("" if it is not loaded)."""
        return next((row.title for row in self._rows if row.id == incident_id), "")

    @property
    def loaded_rows(self) -> int:
        """Rows held in memory (0 after clear(), even once Qt has deleted the model)."""
        return len(self._rows)

    @property
    def sort_column(self) -> int:
        return self._sort

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._order

    # -- paging ---------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._exhausted or self._loading:
            return
        self._loading = True
        request = (self._filters, str(COLUMNS[self._sort][1]), self._descending(), self._cursor)
        queries, generation, lang = self._queries, self._generation, self._lang
        run_in_background(
            lambda: _load(queries, request, generation, lang), self._arrived, self._lost_worker
        )

    def _descending(self) -> bool:
        return self._order == Qt.SortOrder.DescendingOrder

    def _arrived(self, answer: _Answer) -> None:
        """On the GUI thread: append the page if it is still wanted."""
        if answer.generation != self._generation:
            return  # the filter or sort changed since this page was asked for
        self._loading = False
        if answer.error is not None:
            self._exhausted = True
            self.failed.emit(user_message(answer.error))
            return
        self._cursor = answer.cursor
        self._exhausted = answer.cursor is None
        if answer.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(answer.rows) - 1)
            self._rows.extend(answer.rows)
            self.endInsertRows()
        self.page_loaded.emit()

    def _lost_worker(self, exc: BaseException) -> None:
        """_load catches what the store raises; anything else still reaches the user."""
        self._loading = False
        self._exhausted = True
        self.failed.emit(user_message(exc))

    # -- restarting -------------------------------------------------------------
    def reset_filters(self, filters: IncidentFilter) -> None:
        """Show *filters* from the first page on; older answers are dropped."""
        self._filters = filters
        self._restart()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in the store's order; columns the store cannot sort by are ignored."""
        if COLUMNS[column][1] is None or (column, order) == (self._sort, self._order):
            return
        self._sort, self._order = column, order
        self._restart()

    def _restart(self) -> None:
        self._drop_rows(exhausted=False)
        self.fetchMore(QModelIndex())

    def clear(self) -> None:
        """Drop every row (on lock): no incident text stays in the model."""
        self._drop_rows(exhausted=True)
        self._filters = IncidentFilter()  # the search text is the user's words too

    def _drop_rows(self, *, exhausted: bool) -> None:
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._cursor = None
        self._loading = False
        self._exhausted = exhausted
        self.endResetModel()
