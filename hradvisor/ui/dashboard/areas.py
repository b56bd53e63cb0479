"""The areas as a heat list: one row per first-level area, shade by value, number always shown.

A table rather than a map: it works offline, prints, reads aloud and sorts.
The shade is a tint of the accent proportional to the cell's value against
the largest in its column, light enough that the dark number on it stays
readable; the number itself is the information, the shade only guides the eye.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from hradvisor.analysis import Bucket
from hradvisor.ui.dashboard.tiles import DOWN, SAME, UP
from hradvisor.ui.theme import ACCENT
from hradvisor.ui.widgets import name_parts

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

AREA, INCIDENTS, VICTIMS, KILLED, CHANGE = range(5)
HEATED = (INCIDENTS, VICTIMS, KILLED)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
MAX_TINT = 0.45  # the strongest shade: dark text on it keeps a contrast above 7:1


@dataclass(frozen=True)
class AreaRow:
    """One area: its bucket in the period and its incident count in the previous one
    (None while that is still being computed)."""

    bucket: Bucket
    previous_incidents: int | None

    @property
    def change(self) -> int | None:
        if self.previous_incidents is None:
            return None
        return self.bucket.incidents - self.previous_incidents


def area_rows(current: Sequence[Bucket], previous: Sequence[Bucket] | None) -> list[AreaRow]:
    """Rows for the areas with incidents now or before, most incidents first.

    An area quiet now but busy in the previous period is kept: a fall to zero
    is news too. With *previous* None the change is not known yet.
    """
    if previous is None:
        rows = [AreaRow(b, None) for b in current]
        return sorted(rows, key=lambda r: (-r.bucket.incidents, r.bucket.label))
    before = {b.key: b.incidents for b in previous}
    rows = [AreaRow(b, before.pop(b.key, 0)) for b in current]
    for b in previous:
        if b.key in before:
            empty = Bucket(key=b.key, label=b.label, incidents=0, victims=0, killed=0)
            rows.append(AreaRow(empty, before.pop(b.key)))
    return sorted(rows, key=lambda r: (-r.bucket.incidents, r.bucket.label))


def change_text(delta: int, previous: int) -> str:
    if delta == 0:
        return f"{SAME} 0"
    arrow = UP if delta > 0 else DOWN
    if previous == 0:
        return translate("Dashboard", "{arrow} {delta:,} (new)").format(arrow=arrow, delta=delta)
    percent = round(100 * delta / previous)
    return f"{arrow} {delta:+,} ({percent:+d} %)"


def tint(value: int, largest: int) -> QColor:
    """The accent blended into white in proportion to value / largest."""
    share = 0.0 if largest <= 0 else max(0.0, min(1.0, value / largest))
    accent = QColor(ACCENT)
    mix = MAX_TINT * share
    return QColor(
        round(255 + (accent.red() - 255) * mix),
        round(255 + (accent.green() - 255) * mix),
        round(255 + (accent.blue() - 255) * mix),
    )


class AreaHeatModel(QAbstractTableModel):
    """The heat list's rows. Holds nothing else, so ``clear()`` leaves nothing behind."""

    HEADERS = (
        str(QT_TRANSLATE_NOOP("Dashboard", "Area")),
        str(QT_TRANSLATE_NOOP("Dashboard", "Incidents")),
        str(QT_TRANSLATE_NOOP("Dashboard", "Victims")),
        str(QT_TRANSLATE_NOOP("Dashboard", "Killed")),
        str(QT_TRANSLATE_NOOP("Dashboard", "Change")),
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AreaRow] = []
        self._largest = dict.fromkeys(HEATED, 0)

    def set_rows(self, rows: list[AreaRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._largest = {
            INCIDENTS: max((r.bucket.incidents for r in rows), default=0),
            VICTIMS: max((r.bucket.victims for r in rows), default=0),
            KILLED: max((r.bucket.killed for r in rows), default=0),
        }
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("Dashboard", self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section != AREA:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _number(self, row: AreaRow, column: int) -> int:
        bucket = row.bucket
        return {
            INCIDENTS: bucket.incidents,
            VICTIMS: bucket.victims,
            KILLED: bucket.killed,
            CHANGE: row.change or 0,
        }[column]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == KEY_ROLE:
            return row.bucket.key
        if column == AREA:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return row.bucket.label
            return None
        number = self._number(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CHANGE:
                if row.previous_incidents is None:
                    return "…"
                return change_text(number, row.previous_incidents)
            return f"{number:,}"
        if role == SORT_ROLE:
            return number
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column in HEATED:
            return tint(number, self._largest[column])
        if role == Qt.ItemDataRole.ForegroundRole and column in HEATED:
            return QColor("#1F2933")  # dark on the light tint, in any palette
        if role == Qt.ItemDataRole.ToolTipRole and column == CHANGE:
            if row.previous_incidents is None:
                return translate("Dashboard", "Comparing with the previous period…")
            text = translate("Dashboard", "{previous:,} incidents in the previous period")
            return text.format(previous=row.previous_incidents)
        return None


def area_table(model: AreaHeatModel) -> QTableView:
    """A sortable, keyboard-driven view of the heat list (Enter opens the area's incidents)."""
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    proxy.setParent(table)
    table.setModel(proxy)
    table.setAccessibleName(translate("Dashboard", "Areas, by incidents"))
    name_parts(table, translate("Dashboard", "Areas, by incidents"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setSortingEnabled(True)
    table.sortByColumn(INCIDENTS, Qt.SortOrder.DescendingOrder)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(AREA, QHeaderView.ResizeMode.Stretch)
    metrics = table.fontMetrics()
    for column, widest in (
        (INCIDENTS, "Incidents"),
        (VICTIMS, "Victims"),
        (KILLED, "Killed"),
        (CHANGE, "▲ +1,234 (+100 %)"),
    ):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, metrics.horizontalAdvance(widest) + 36)
    return table
