"""The table of what changed between two assessments (or two revisions of one), factor by factor.

Built from ``analysis.risk.compare`` so the screen and the PDF agree. Each
direction is a symbol and a word; colour only repeats it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hradvisor.analysis.risk import FactorChange
from hradvisor.model import rating_label, risk_framework
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.risk.ratings import (
    DIRECTION_MARKS,
    direction_text,
    rating_brushes,
)
from hradvisor.ui.widgets import label, name_parts

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

NUMBER, FACTOR, BEFORE, NOW, CHANGE, INDICATORS, EVIDENCE = range(7)


def _counts(added: tuple[str, ...], removed: tuple[str, ...]) -> str:
    if not added and not removed:
        return "–"
    parts = []
    if added:
        parts.append(f"+{len(added)}")
    if removed:
        parts.append(f"−{len(removed)}")
    return " ".join(parts)


class ChangesTable(QWidget):
    """A heading, a "changed only" switch and one row per factor."""

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        self.heading = label("", "muted")
        layout.addWidget(self.heading)
        self.changed_only = QCheckBox(translate("RiskPage", "Show only factors that changed"))
        self.changed_only.setAccessibleName(translate("RiskPage", "Show only factors that changed"))
        self.changed_only.toggled.connect(self._filter_rows)
        layout.addWidget(self.changed_only)
        self.table = QTableWidget(0, 7)
        self.table.setAccessibleName(accessible)
        name_parts(self.table, accessible)
        self.table.setHorizontalHeaderLabels(
            [
                "#",
                translate("RiskPage", "Factor"),
                translate("RiskPage", "Before"),
                translate("RiskPage", "Now"),
                translate("RiskPage", "Change"),
                translate("RiskPage", "Indicators"),
                translate("RiskPage", "Evidence"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setCornerButtonEnabled(False)
        for part in self.table.findChildren(QAbstractButton):  # the corner button Qt adds
            part.setAccessibleName(translate("RiskPage", "Select all rows"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FACTOR, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self._changes: list[FactorChange] = []

    def show_changes(self, heading: str, changes: list[FactorChange]) -> None:
        self.heading.setText(heading)
        self._changes = list(changes)
        framework = risk_framework()
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            factor = framework.factor(change.code)
            number = QTableWidgetItem(str(factor.number))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, NUMBER, number)
            title = QTableWidgetItem(factor.title(ui_language()))
            title.setToolTip(factor.title(ui_language()))
            self.table.setItem(row, FACTOR, title)
            self.table.setItem(row, BEFORE, _rating_item(change.old_rating))
            self.table.setItem(row, NOW, _rating_item(change.new_rating))
            symbol, colour = DIRECTION_MARKS[change.direction]
            moved = QTableWidgetItem(f"{symbol} {direction_text(change.direction)}")
            moved.setForeground(QBrush(QColor(colour)))
            self.table.setItem(row, CHANGE, moved)
            self.table.setItem(
                row,
                INDICATORS,
                _detail_item(
                    change.indicators_added, change.indicators_removed, _indicator_lines(change)
                ),
            )
            self.table.setItem(
                row,
                EVIDENCE,
                _detail_item(
                    change.evidence_added,
                    change.evidence_removed,
                    translate("RiskPage", "{added} incidents linked, {removed} unlinked").format(
                        added=len(change.evidence_added), removed=len(change.evidence_removed)
                    ),
                ),
            )
        self._filter_rows()

    def clear(self) -> None:
        self.heading.setText("")
        self._changes = []
        self.table.setRowCount(0)

    def _filter_rows(self) -> None:
        only = self.changed_only.isChecked()
        for row, change in enumerate(self._changes):
            self.table.setRowHidden(row, only and not change.changed)


def _rating_item(code: str | None) -> QTableWidgetItem:
    if code is None:
        return QTableWidgetItem(translate("RiskPage", "—"))
    item = QTableWidgetItem(rating_label(code, ui_language()))
    foreground, background = rating_brushes(code)
    item.setForeground(foreground)
    item.setBackground(background)
    return item


def _detail_item(added: tuple[str, ...], removed: tuple[str, ...], tip: str) -> QTableWidgetItem:
    item = QTableWidgetItem(_counts(added, removed))
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    if added or removed:
        item.setToolTip(tip)
    return item


def _indicator_lines(change: FactorChange) -> str:
    factor = risk_framework().factor(change.code)
    lines = [f"+ {factor.indicator(code).label(ui_language())}" for code in change.indicators_added]
    lines += [
        f"− {factor.indicator(code).label(ui_language())}" for code in change.indicators_removed
    ]
    return "\n".join(lines)
