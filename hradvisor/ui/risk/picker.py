"""Choosing incidents to link as evidence: search the incident list, or take suggestions.

Every query runs in a worker and carries a generation number, so a slow answer
for an old search never replaces the current one. The picker shows titles,
dates and areas only — enough to recognise an incident, nothing more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hradvisor.analysis.risk import IncidentPages, suggest_evidence
from hradvisor.model import Incident, area_name, vocabulary
from hradvisor.store import IncidentFilter
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.widgets import button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

DEBOUNCE_MS = 250
PAGE_SIZE = 100
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class PickerScope:
    """Where and when the assessment looks: the default limits of the search."""

    country: str
    areas: tuple[str, ...]
    start: dt.date
    end: dt.date


class IncidentPicker(QDialog):
    """Search and choose incidents; emits ``chosen(list[Incident])`` when the user links them."""

    chosen = Signal(list)

    def __init__(
        self,
        queries: IncidentPages,
        factor_code: str,
        factor_title: str,
        scope: PickerScope,
        already: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RiskPage", "Link incidents"))
        self.setAccessibleName(translate("RiskPage", "Link incidents"))
        self.resize(820, 520)
        self._queries = queries
        self._factor = factor_code
        self._scope = scope
        self._already = set(already)
        self._generation = 0
        self._found: dict[str, Incident] = {}
        self._empty_message = ""
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(translate("RiskPage", "Evidence for: {factor}").format(factor=factor_title))
        )
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("RiskPage", "Search incidents by words…"))
        self.search.setAccessibleName(translate("RiskPage", "Search incidents"))
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 1)
        self.suggest_button = button(
            translate("RiskPage", "Suggest"),
            translate("RiskPage", "Suggest credible incidents relevant to this factor"),
        )
        self.suggest_button.setToolTip(
            translate(
                "RiskPage",
                "Credible or verified incidents in the scope and period whose violation or "
                "victim group relates to this factor.",
            )
        )
        row.addWidget(self.suggest_button)
        layout.addLayout(row)
        self.in_scope = QCheckBox(
            translate("RiskPage", "Only incidents in the assessment's areas and period")
        )
        self.in_scope.setAccessibleName(self.in_scope.text())
        self.in_scope.setChecked(True)
        layout.addWidget(self.in_scope)
        self.results = self._results()
        layout.addWidget(self.results, 1)
        self.status = label("", "muted")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = button(
            translate("RiskPage", "Cancel"), translate("RiskPage", "Cancel")
        )
        self.link_button = button(
            translate("RiskPage", "Link selected"),
            translate("RiskPage", "Link the selected incidents"),
            "primary",
        )
        self.link_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.link_button)
        layout.addLayout(buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.in_scope.toggled.connect(lambda _on: self.run_search())
        self.suggest_button.clicked.connect(self.run_suggest)
        self.cancel_button.clicked.connect(self.reject)
        self.link_button.clicked.connect(self._link)
        self.results.itemSelectionChanged.connect(self._update_link)
        self.results.itemActivated.connect(lambda _item, _col: self._link())
        self._update_link()
        self.run_suggest()

    def _results(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName(translate("RiskPage", "Incidents found"))
        tree.setHeaderLabels(
            [
                translate("RiskPage", "Incident"),
                translate("RiskPage", "Date"),
                translate("RiskPage", "Area"),
                translate("RiskPage", "Verification"),
            ]
        )
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    # -- queries ---------------------------------------------------------------------------
    def current_filter(self) -> IncidentFilter:
        text = self.search.text().strip() or None
        if not self.in_scope.isChecked():
            return IncidentFilter(text=text)
        scope = self._scope
        return IncidentFilter(
            text=text,
            country=scope.country,
            admin1=scope.areas,
            date_from=scope.start,
            date_to=scope.end,
        )

    def run_search(self) -> None:
        self._debounce.stop()
        filters, queries = self.current_filter(), self._queries
        self._start(
            translate("RiskPage", "Searching…"),
            lambda: queries.page(filters, sort="date", descending=True, limit=PAGE_SIZE).items,
            translate("RiskPage", "No incidents found — try other words or widen the search."),
        )

    def run_suggest(self) -> None:
        scope, queries, code = self._scope, self._queries, self._factor
        already = tuple(self._already)
        self._start(
            translate("RiskPage", "Finding suggestions…"),
            lambda: suggest_evidence(
                queries,
                code,
                country=scope.country,
                areas=scope.areas,
                start=scope.start,
                end=scope.end,
                exclude=already,
            ),
            translate(
                "RiskPage",
                "No suggestions: no other credible or verified incident in the scope and period "
                "relates to this factor. Search by words instead.",
            ),
        )

    def _start(self, message: str, fetch: Callable[[], list[Incident]], when_empty: str) -> None:
        self._empty_message = when_empty
        self._generation += 1
        generation = self._generation
        self.status.setText(message)

        def work() -> tuple[int, list[Incident]]:
            return generation, fetch()

        run_in_background(work, self._show, self._failed)

    def _show(self, answer: tuple[int, list[Incident]]) -> None:
        generation, incidents = answer
        if generation != self._generation:
            return
        self.results.clear()
        self._found = {}
        outcomes = vocabulary("verification")
        for incident in incidents:
            first = incident.date
            area = area_name(incident.location.country, incident.location.admin1)
            item = QTreeWidgetItem(
                [incident.title, first, area, outcomes.label(incident.verification, ui_language())]
            )
            item.setData(0, ID_ROLE, incident.id)
            item.setToolTip(0, incident.title)
            if incident.id in self._already:
                item.setDisabled(True)
                item.setText(
                    0,
                    translate("RiskPage", "{title} (already linked)").format(title=incident.title),
                )
            self.results.addTopLevelItem(item)
            self._found[incident.id] = incident
        self.status.setText(
            translate("RiskPage", "{count} incidents shown.").format(count=len(incidents))
            if incidents
            else self._empty_message
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(user_message(exc))

    def _update_link(self) -> None:
        self.link_button.setEnabled(bool(self.results.selectedItems()))

    def _link(self) -> None:
        picked = [
            self._found[str(item.data(0, ID_ROLE))]
            for item in self.results.selectedItems()
            if not item.isDisabled()
        ]
        if picked:
            self.chosen.emit(picked)
            self.accept()
