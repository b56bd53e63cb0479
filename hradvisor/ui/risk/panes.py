"""Two tabs of the assessment editor: the overall judgement and the history of saved versions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hradvisor.analysis.risk import compare
from hradvisor.model import RATINGS, RiskAssessment, rating_label
from hradvisor.store import Revision
from hradvisor.store.assessments import load_assessment
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.risk.changes import ChangesTable
from hradvisor.ui.risk.ratings import RatingChip, RatingSelector, rating_brushes
from hradvisor.ui.widgets import label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

INDEX_ROLE = Qt.ItemDataRole.UserRole


class OverallPane(QWidget):
    """Counts of factors by rating, then the overall rating and narrative; emits ``changed()``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(
            label(
                translate(
                    "RiskPage",
                    "Your overall judgement of the risk of atrocity crimes in this scope and "
                    "period, in the light of all fourteen factors.",
                ),
                "muted",
            )
        )
        layout.addWidget(label(translate("RiskPage", "Factors by rating"), "section"))
        row = QWidget()
        counts = QHBoxLayout(row)
        counts.setContentsMargins(0, 0, 0, 0)
        self.count_chips: dict[str, tuple[RatingChip, QLabel]] = {}
        for code in RATINGS:
            chip = RatingChip(code)
            number = label("")
            number.setWordWrap(False)
            counts.addWidget(chip)
            counts.addWidget(number)
            counts.addSpacing(8)
            self.count_chips[code] = (chip, number)
        counts.addStretch(1)
        layout.addWidget(row)
        layout.addWidget(label(translate("RiskPage", "Overall rating"), "section"))
        self.rating = RatingSelector(translate("RiskPage", "Overall rating"))
        self.rating.changed.connect(lambda _c: self.changed.emit())
        layout.addWidget(self.rating)
        layout.addWidget(label(translate("RiskPage", "Overall judgement"), "section"))
        self.narrative = QPlainTextEdit()
        self.narrative.setAccessibleName(translate("RiskPage", "Overall judgement"))
        self.narrative.setPlaceholderText(
            translate(
                "RiskPage",
                "The main risks, how they are moving, and what could prevent or trigger "
                "atrocity crimes in the coming months.",
            )
        )
        self.narrative.setTabChangesFocus(True)
        self.narrative.textChanged.connect(self.changed.emit)
        layout.addWidget(self.narrative, 1)
        self.error = label("", "error")
        self.error.hide()
        layout.addWidget(self.error)

    def load(self, rating: str, narrative: str | None) -> None:
        """Show these values without emitting ``changed``."""
        self.blockSignals(True)
        try:
            self.rating.set_rating(rating)
            self.narrative.setPlainText(narrative or "")
            self.set_error("")
        finally:
            self.blockSignals(False)

    def to_json(self) -> dict[str, object]:
        text = self.narrative.toPlainText()
        return {"rating": self.rating.rating(), "narrative": text if text.strip() else None}

    def show_counts(self, ratings: list[str]) -> None:
        for code, (_chip, number) in self.count_chips.items():
            number.setText(str(ratings.count(code)))

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class HistoryPane(QSplitter):
    """Every saved version, newest first; choosing one shows what it changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.versions = QTreeWidget()
        self.versions.setAccessibleName(translate("RiskPage", "Saved versions"))
        self.versions.setHeaderLabels(
            [
                translate("RiskPage", "Saved (UTC)"),
                translate("RiskPage", "Overall"),
                translate("RiskPage", "Factors rated"),
                translate("RiskPage", "Incidents linked"),
            ]
        )
        self.versions.setRootIsDecorated(False)
        self.versions.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.versions.currentItemChanged.connect(self._chosen)
        self.changes = ChangesTable(translate("RiskPage", "Changes in this version"))
        self.addWidget(self.versions)
        self.addWidget(self.changes)
        self.setSizes([160, 320])
        self._revisions: list[RiskAssessment] = []

    def show_history(self, revisions: list[Revision]) -> None:
        self.clear()
        parsed = [(revision, load_assessment(revision.body)) for revision in revisions]
        self._revisions = [assessment for _, assessment in parsed]
        for index, (revision, assessment) in reversed(list(enumerate(parsed))):
            rated = sum(1 for f in assessment.factors if f.rating != "unknown")
            item = QTreeWidgetItem(
                [
                    revision.created_at.replace("T", " ")[:19],
                    rating_label(assessment.overall.rating, ui_language()),
                    f"{rated} / {len(assessment.factors)}",
                    str(len(assessment.evidence_ids())),
                ]
            )
            foreground, background = rating_brushes(assessment.overall.rating)
            item.setForeground(1, foreground)
            item.setBackground(1, background)
            item.setData(0, INDEX_ROLE, index)
            self.versions.addTopLevelItem(item)
        newest = self.versions.topLevelItem(0)
        if newest is not None:
            self.versions.setCurrentItem(newest)

    def clear(self) -> None:
        self.versions.clear()
        self.changes.clear()
        self._revisions = []

    def _chosen(self, item: QTreeWidgetItem | None, _old: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        index = int(item.data(0, INDEX_ROLE))
        current = self._revisions[index]
        before = self._revisions[index - 1] if index > 0 else None
        heading = (
            translate("RiskPage", "What this version changed from the one before it.")
            if before is not None
            else translate("RiskPage", "The first saved version.")
        )
        self.changes.show_changes(heading, compare(current, before))
