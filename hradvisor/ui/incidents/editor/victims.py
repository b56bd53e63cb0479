"""The victims grid: outcome × women/men/girls/boys/unknown, with derived totals.

Only the cells are data; the row, column and grand totals are recomputed on
every change and never stored (DESIGN §4: totals are derived).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from hradvisor.model import SEX_AGE, vocabulary
from hradvisor.model.checks import MAX_COUNT
from hradvisor.ui.i18n import ui_language

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _heading(text: str, *, right: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setProperty("role", "caption")
    if right:
        widget.setAlignment(_RIGHT)
    return widget


def _total() -> QLabel:
    widget = QLabel("0")
    widget.setAlignment(_RIGHT)
    widget.setProperty("role", "total")
    widget.setMinimumWidth(72)
    return widget


class VictimsGrid(QWidget):
    """One spin box per outcome and sex/age group; emits ``changed()`` on any edit."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        outcomes, groups, lang = vocabulary("outcomes"), vocabulary("sex-age"), ui_language()
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.addWidget(_heading(translate("IncidentEditor", "Outcome"), right=False), 0, 0)
        short = {"unknown": translate("IncidentEditor", "Unknown")}
        for column, group in enumerate(SEX_AGE, start=1):
            heading = _heading(short.get(group, groups.label(group, lang)))
            heading.setToolTip(groups.label(group, lang))
            grid.addWidget(heading, 0, column)
        grid.addWidget(_heading(translate("IncidentEditor", "Total")), 0, len(SEX_AGE) + 1)
        self.cells: dict[tuple[str, str], QSpinBox] = {}
        self.row_totals: dict[str, QLabel] = {}
        for row, outcome in enumerate(outcomes.codes, start=1):
            name = outcomes.label(outcome, lang)
            grid.addWidget(QLabel(name), row, 0)
            for column, group in enumerate(SEX_AGE, start=1):
                spin = QSpinBox()
                spin.setRange(0, MAX_COUNT)
                spin.setAlignment(_RIGHT)
                spin.setGroupSeparatorShown(True)
                spin.setMinimumWidth(84)
                spin.setAccessibleName(f"{name}, {groups.label(group, lang)}")
                spin.valueChanged.connect(self._recount)
                self.cells[(outcome, group)] = spin
                grid.addWidget(spin, row, column)
            self.row_totals[outcome] = _total()
            grid.addWidget(self.row_totals[outcome], row, len(SEX_AGE) + 1)
        last = len(outcomes.codes) + 1
        grid.addWidget(_heading(translate("IncidentEditor", "Total"), right=False), last, 0)
        self.column_totals = {group: _total() for group in SEX_AGE}
        for column, group in enumerate(SEX_AGE, start=1):
            grid.addWidget(self.column_totals[group], last, column)
        self.grand_total = _total()
        grid.addWidget(self.grand_total, last, len(SEX_AGE) + 1)
        grid.setColumnStretch(len(SEX_AGE) + 2, 1)
        grid.setRowStretch(last + 1, 1)

    def _recount(self) -> None:
        self._show_totals()
        self.changed.emit()

    def _show_totals(self) -> None:
        for outcome, total in self.row_totals.items():
            total.setText(f"{sum(self.value(outcome, g) for g in SEX_AGE):,}")
        for group, total in self.column_totals.items():
            total.setText(f"{sum(self.value(o, group) for o, _ in self.cells if _ == group):,}")
        self.grand_total.setText(f"{sum(spin.value() for spin in self.cells.values()):,}")

    def value(self, outcome: str, group: str) -> int:
        return self.cells[(outcome, group)].value()

    def to_json(self) -> dict[str, dict[str, int]]:
        """Outcomes with at least one victim, each with all five groups (the model's form)."""
        result: dict[str, dict[str, int]] = {}
        for outcome in vocabulary("outcomes").codes:
            row = {group: self.value(outcome, group) for group in SEX_AGE}
            if any(row.values()):
                result[outcome] = row
        return result

    def set_json(self, victims: Any) -> None:
        cells = victims if isinstance(victims, dict) else {}
        for (outcome, group), spin in self.cells.items():
            row = cells.get(outcome)
            value = row.get(group, 0) if isinstance(row, dict) else 0
            spin.blockSignals(True)
            spin.setValue(value if isinstance(value, int) and not isinstance(value, bool) else 0)
            spin.blockSignals(False)
        self._show_totals()
