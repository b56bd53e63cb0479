"""The editor of one risk factor: what it means, the signs seen, the rating, why, and evidence.

It only holds and shows values; the assessment editor decides when to save,
and the page fetches incidents (in workers) for the evidence list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hradvisor.model import FactorRating, RiskFactor, risk_framework
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.risk.ratings import RatingSelector
from hradvisor.ui.widgets import button, label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class IncidentInfo:
    """What the evidence list shows of a linked incident (never its narrative)."""

    title: str
    date: str
    area: str


# id → info, or None for an incident that is not in this vault.
EvidenceInfo = Mapping[str, IncidentInfo | None]


class _ClickableLabel(QLabel):
    """A wrapping label that toggles its check box, so long indicator texts wrap, not scroll."""

    def __init__(self, text: str, check: QCheckBox) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setBuddy(check)
        self._check = check

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._check.toggle()
            self._check.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


class FactorEditor(QWidget):
    """One factor. Emits ``changed()`` on any edit, ``link_requested(code)`` for the picker,
    ``incident_requested(id)`` when a linked incident is opened."""

    changed = Signal()
    link_requested = Signal(str)
    incident_requested = Signal(str)

    def __init__(self, factor: RiskFactor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.factor = factor
        self._evidence: list[str] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(8)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self._heading(layout)
        self._indicators(layout)
        self._rating_and_narrative(layout)
        self._evidence_box(layout)
        layout.addStretch(1)

    # -- building --------------------------------------------------------------------------
    def _heading(self, layout: QVBoxLayout) -> None:
        framework = risk_framework()
        factor = self.factor
        lang = ui_language()
        kind = framework.group_label(factor.group, lang)
        if factor.crimes:
            crimes = ", ".join(framework.crime_label(c, lang) for c in factor.crimes)
            kind = translate("RiskPage", "{group} · {crimes}").format(group=kind, crimes=crimes)
        self.kind_label = label(
            translate("RiskPage", "Risk factor {number} · {kind}").format(
                number=factor.number, kind=kind
            ),
            "muted",
        )
        layout.addWidget(self.kind_label)
        self.title_label = label(factor.title(lang), "title")
        layout.addWidget(self.title_label)
        self.explanation_label = label(factor.explanation(lang))
        layout.addWidget(self.explanation_label)

    def _indicators(self, layout: QVBoxLayout) -> None:
        box = QGroupBox(translate("RiskPage", "Indicators observed in the period"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.indicator_boxes: dict[str, QCheckBox] = {}
        for index, indicator in enumerate(self.factor.indicators):
            check = QCheckBox()
            check.setAccessibleName(indicator.label(ui_language()))
            check.toggled.connect(lambda _on: self.changed.emit())
            text = _ClickableLabel(indicator.label(ui_language()), check)
            self.indicator_boxes[indicator.code] = check
            grid.addWidget(check, index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, index, 1)
        layout.addWidget(box)

    def _rating_and_narrative(self, layout: QVBoxLayout) -> None:
        layout.addWidget(label(translate("RiskPage", "Rating"), "section"))
        self.rating = RatingSelector(translate("RiskPage", "Rating of this factor"))
        self.rating.changed.connect(lambda _code: self.changed.emit())
        layout.addWidget(self.rating)
        layout.addWidget(label(translate("RiskPage", "Why this rating"), "section"))
        self.narrative = QPlainTextEdit()
        self.narrative.setAccessibleName(translate("RiskPage", "Why this rating"))
        self.narrative.setPlaceholderText(
            translate(
                "RiskPage",
                "What you saw, where and when, and how sure you are. Name no victim or source.",
            )
        )
        self.narrative.setTabChangesFocus(True)
        self.narrative.setMinimumHeight(72)
        self.narrative.setMaximumHeight(110)
        self.narrative.textChanged.connect(self.changed.emit)
        layout.addWidget(self.narrative)
        self.error = label("", "error")
        self.error.hide()
        layout.addWidget(self.error)

    def _evidence_box(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        heading = label(translate("RiskPage", "Evidence"), "section")
        heading.setWordWrap(False)
        heading.setToolTip(translate("RiskPage", "Incidents that back this rating"))
        row.addWidget(heading, 1)
        self.link_button = button(
            translate("RiskPage", "Link…"),
            translate("RiskPage", "Link incidents as evidence for this factor"),
        )
        self.link_button.clicked.connect(lambda: self.link_requested.emit(self.factor.code))
        self.open_button = button(
            translate("RiskPage", "Open"),
            translate("RiskPage", "Open the selected incident"),
        )
        self.open_button.clicked.connect(self._open_selected)
        self.remove_button = button(
            translate("RiskPage", "Remove"),
            translate("RiskPage", "Remove the selected incidents from the evidence"),
        )
        self.remove_button.clicked.connect(self.remove_selected)
        for widget in (self.link_button, self.open_button, self.remove_button):
            widget.setToolTip(widget.accessibleName())
            row.addWidget(widget)
        layout.addLayout(row)
        self.evidence_list = QTreeWidget()
        self.evidence_list.setAccessibleName(translate("RiskPage", "Linked incidents"))
        self.evidence_list.setHeaderLabels(
            [
                translate("RiskPage", "Incident"),
                translate("RiskPage", "Date"),
                translate("RiskPage", "Area"),
            ]
        )
        self.evidence_list.setRootIsDecorated(False)
        self.evidence_list.setAlternatingRowColors(True)
        self.evidence_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.evidence_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.evidence_list.itemActivated.connect(self._open_item)
        layout.addWidget(self.evidence_list)
        self.empty_evidence = label(
            translate(
                "RiskPage", "No incidents linked yet — use “Link…” to search or get suggestions."
            ),
            "muted",
        )
        layout.addWidget(self.empty_evidence)
        self.evidence_list.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- values ----------------------------------------------------------------------------
    def load(self, rating: FactorRating, info: EvidenceInfo) -> None:
        """Show *rating* without emitting ``changed``."""
        self.blockSignals(True)
        try:
            for code, check in self.indicator_boxes.items():
                check.setChecked(code in rating.indicators)
            self.rating.set_rating(rating.rating)
            self.narrative.setPlainText(rating.narrative or "")
            self._evidence = list(rating.evidence)
            self.show_evidence(info)
            self.set_error("")
        finally:
            self.blockSignals(False)

    def to_json(self) -> dict[str, object]:
        """The factor as the assessment JSON holds it (a blank narrative is no narrative)."""
        text = self.narrative.toPlainText()
        return {
            "code": self.factor.code,
            "rating": self.rating.rating(),
            "narrative": text if text.strip() else None,
            "indicators": [c for c, box in self.indicator_boxes.items() if box.isChecked()],
            "evidence": list(self._evidence),
        }

    @property
    def evidence(self) -> tuple[str, ...]:
        return tuple(self._evidence)

    def add_evidence(self, incident_ids: list[str], info: EvidenceInfo) -> None:
        added = [i for i in incident_ids if i not in self._evidence]
        if added:
            self._evidence.extend(added)
            self.show_evidence(info)
            self.changed.emit()

    def remove_selected(self) -> None:
        chosen = {str(item.data(0, ID_ROLE)) for item in self.evidence_list.selectedItems()}
        if chosen:
            self._evidence = [i for i in self._evidence if i not in chosen]
            self.evidence_list.blockSignals(True)
            for item in self.evidence_list.selectedItems():
                self.evidence_list.takeTopLevelItem(self.evidence_list.indexOfTopLevelItem(item))
            self.evidence_list.blockSignals(False)
            self._update_buttons()
            self.changed.emit()

    def show_evidence(self, info: EvidenceInfo) -> None:
        """Refill the evidence list from *info* (incidents still loading show as such)."""
        self.evidence_list.clear()
        for incident_id in self._evidence:
            known = info.get(incident_id, "loading")
            if known == "loading":
                texts = [translate("RiskPage", "Loading…"), "", ""]
            elif known is None:
                texts = [
                    translate("RiskPage", "Not in this vault ({id})").format(id=incident_id),
                    "",
                    "",
                ]
            else:
                assert isinstance(known, IncidentInfo)  # noqa: S101 (narrowing for mypy)
                texts = [known.title, known.date, known.area]
            item = QTreeWidgetItem(texts)
            item.setData(0, ID_ROLE, incident_id)
            item.setToolTip(0, texts[0])
            self.evidence_list.addTopLevelItem(item)
        has_any = bool(self._evidence)
        rows = min(max(len(self._evidence), 2), 8)  # as tall as its rows, within reason
        row_height = max(self.evidence_list.sizeHintForRow(0), self.fontMetrics().height() + 4)
        header = self.evidence_list.header().sizeHint().height()
        self.evidence_list.setFixedHeight(header + rows * row_height + 6)
        self.evidence_list.setVisible(has_any)
        self.empty_evidence.setVisible(not has_any)
        self._update_buttons()

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def clear(self) -> None:
        """Drop everything shown (on lock)."""
        self.load(FactorRating(self.factor.code), {})

    # -- private ---------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        selected = bool(self.evidence_list.selectedItems())
        self.open_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    def _open_item(self, item: QTreeWidgetItem, _column: int) -> None:
        self.incident_requested.emit(str(item.data(0, ID_ROLE)))

    def _open_selected(self) -> None:
        items = self.evidence_list.selectedItems()
        if items:
            self._open_item(items[0], 0)
