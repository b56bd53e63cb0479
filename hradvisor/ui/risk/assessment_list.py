"""The left side of the Risk section: "New assessment" and the list of saved assessments.

Each row shows the scope, the period, the day it was assessed, the overall
rating (word on colour) and how that rating moved from the assessment before
it of the same scope, so a deterioration is visible before anything is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hradvisor.analysis.risk import direction, previous_in, scope_label
from hradvisor.model import RiskAssessment, rating_label
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.risk.ratings import DIRECTION_MARKS, RatingChip, direction_text
from hradvisor.ui.widgets import button, label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

ID_ROLE = Qt.ItemDataRole.UserRole


class AssessmentRow(QWidget):
    """One line of the list: scope, period, date assessed and the overall rating chip."""

    def __init__(self, assessment: RiskAssessment, previous: RiskAssessment | None) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        scope = label(scope_label(assessment.country, assessment.areas, ui_language()))
        scope.setStyleSheet("font-weight: 600; background: transparent;")
        texts.addWidget(scope)
        period = translate("RiskPage", "{start} to {end}").format(
            start=assessment.period_start, end=assessment.period_end
        )
        texts.addWidget(label(period, "muted"))
        texts.addWidget(
            label(
                translate("RiskPage", "Assessed {date}").format(date=assessment.assessed_on),
                "muted",
            )
        )
        row.addLayout(texts, 1)
        column = QVBoxLayout()
        column.setSpacing(2)
        self.chip = RatingChip(assessment.overall.rating)
        column.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignRight)
        self.trend = label("", "muted")
        self.trend.setWordWrap(False)
        if previous is not None:
            moved = direction(previous.overall.rating, assessment.overall.rating)
            symbol, colour = DIRECTION_MARKS[moved]
            self.trend.setText(f"{symbol} {direction_text(moved)}")
            self.trend.setStyleSheet(f"color: {colour}; background: transparent;")
            self.trend.setToolTip(
                translate("RiskPage", "Overall rating compared with the previous assessment")
            )
        column.addWidget(self.trend, 0, Qt.AlignmentFlag.AlignRight)
        column.addStretch(1)
        row.addLayout(column)
        self.setAccessibleName(
            translate("RiskPage", "{scope}, {period}, overall {rating}").format(
                scope=scope.text(),
                period=period,
                rating=rating_label(assessment.overall.rating, ui_language()),
            )
        )


class AssessmentListPanel(QWidget):
    """Title, "New assessment" and the list; the page decides what choosing a row does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(240)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 8, 8)
        box.setSpacing(8)
        box.addWidget(label(translate("RiskPage", "Risk assessments"), "title"))
        box.addWidget(
            label(
                translate(
                    "RiskPage",
                    "The 14 factors of the framework of analysis for atrocity crimes, "
                    "rated for a scope and period.",
                ),
                "muted",
            )
        )
        self.new_button = button(
            translate("RiskPage", "New assessment"),
            translate("RiskPage", "New assessment, starting from the previous one (Ctrl+N)"),
            "primary",
        )
        self.new_button.setToolTip(
            translate("RiskPage", "Starts from the previous assessment of the same scope (Ctrl+N)")
        )
        box.addWidget(self.new_button)
        self.list = QListWidget()
        self.list.setObjectName("assessments")
        self.list.setAccessibleName(translate("RiskPage", "Risk assessments"))
        self.list.setAlternatingRowColors(True)
        box.addWidget(self.list, 1)
        self.status = label("", "muted")
        box.addWidget(self.status)

    def show_assessments(self, assessments: list[RiskAssessment], current: str | None) -> None:
        """Refill the list (newest period first) without emitting a change of row."""
        self.list.blockSignals(True)
        self.list.clear()
        before = previous_in(assessments)
        for assessment in assessments:
            item = QListWidgetItem()
            item.setData(ID_ROLE, assessment.id)
            row = AssessmentRow(assessment, before.get(assessment.id))
            item.setSizeHint(row.sizeHint())
            self.list.addItem(item)
            self.list.setItemWidget(item, row)
            if assessment.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.status.setText(
            translate("RiskPage", "{count} assessments").format(count=len(assessments))
            if assessments
            else ""
        )

    def clear(self) -> None:
        self.list.clear()
        self.status.setText("")
