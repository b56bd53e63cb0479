"""The editor of one assessment: scope and dates, the 14 factors, the overall judgement,
the changes since the previous assessment and the history of this one.

A widget without a vault: the page loads and saves through workers and feeds
it values. Unsaved changes are detected by comparing the JSON the widgets
describe with the JSON last loaded or saved, so any edit — and its undoing —
is noticed without bookkeeping per field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import qtawesome as qta
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hradvisor.analysis.risk import compare, scope_label
from hradvisor.model import (
    FieldError,
    RiskAssessment,
    ValidationError,
    assessment_from_json,
    rating_label,
    risk_framework,
)
from hradvisor.store import Revision
from hradvisor.ui.field_messages import message_text
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.risk.changes import ChangesTable
from hradvisor.ui.risk.factor_editor import EvidenceInfo, FactorEditor
from hradvisor.ui.risk.header import ScopeHeader
from hradvisor.ui.risk.panes import HistoryPane, OverallPane
from hradvisor.ui.risk.ratings import rating_brushes
from hradvisor.ui.widgets import button, label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

CODE_ROLE = Qt.ItemDataRole.UserRole
FACTORS_TAB, OVERALL_TAB, CHANGES_TAB, HISTORY_TAB = range(4)


class _WrappingTitles(QStyledItemDelegate):
    """Rows as tall as their wrapped text in the view's current column width.

    QTreeView measures rows before columns have their width, so long factor
    titles would be cut; this delegate measures with the real width.
    """

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != 0:
            return hint
        width = self._view.columnWidth(0) - self._view.indentation() - 12
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, max(width, 40), 10_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(hint.width(), max(hint.height(), bounds.height() + 6))


class AssessmentEditor(QWidget):
    """Edits one assessment. Signals: ``save_requested``, ``discard_requested``,
    ``dirty_changed(bool)``, ``scope_changed``, ``link_requested(factor code)``,
    ``incident_requested(id)``, ``changes_wanted`` (the Changes tab was opened)."""

    save_requested = Signal()
    discard_requested = Signal()
    dirty_changed = Signal(bool)
    scope_changed = Signal()
    link_requested = Signal(str)
    incident_requested = Signal(str)
    changes_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assessment_id = ""
        self.head: str | None = None
        self._baseline: dict[str, Any] = {}
        self._dirty = False
        self._previous: RiskAssessment | None = None
        self._previous_known = False  # set_previous has been told what the previous one is
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        self.heading = label("", "title")
        layout.addWidget(self.heading)
        self.header = ScopeHeader()
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(translate("RiskPage", "Assessment sections"))
        self.tabs.addTab(self._factors_tab(), translate("RiskPage", "Factors"))
        self.overall = OverallPane()
        self.overall.changed.connect(self._edited)
        self.overall_rating = self.overall.rating
        self.overall_narrative = self.overall.narrative
        self.tabs.addTab(self.overall, translate("RiskPage", "Overall judgement"))
        self.changes = ChangesTable(translate("RiskPage", "Changes since the previous assessment"))
        self.tabs.addTab(self.changes, translate("RiskPage", "Changes since previous"))
        self.history = HistoryPane()
        self.history_list = self.history.versions
        self.history_changes = self.history.changes
        self.tabs.addTab(self.history, translate("RiskPage", "History"))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._save_row())
        self.header.changed.connect(self._edited)
        self.header.scope_changed.connect(self.scope_changed.emit)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- building --------------------------------------------------------------------------
    def _factors_tab(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.factor_tree = QTreeWidget()
        self.factor_tree.setAccessibleName(translate("RiskPage", "Risk factors"))
        self.factor_tree.setHeaderLabels(
            [translate("RiskPage", "Risk factor"), translate("RiskPage", "Rating")]
        )
        self.factor_tree.setRootIsDecorated(False)
        self.factor_tree.setItemsExpandable(False)
        self.factor_tree.setIndentation(8)
        self.factor_tree.setWordWrap(True)
        self.factor_tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.factor_tree.setUniformRowHeights(False)
        header = self.factor_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.factor_tree.setItemDelegate(_WrappingTitles(self.factor_tree))
        header.sectionResized.connect(lambda *_a: self.factor_tree.doItemsLayout())
        self.factor_stack = QStackedWidget()
        self.factor_editors: dict[str, FactorEditor] = {}
        self._factor_items: dict[str, QTreeWidgetItem] = {}
        framework = risk_framework()
        for group in ("common", "specific"):
            parent = QTreeWidgetItem([framework.group_label(group, ui_language())])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            self.factor_tree.addTopLevelItem(parent)
            for factor in (f for f in framework.factors if f.group == group):
                item = QTreeWidgetItem([f"{factor.number}. {factor.title(ui_language())}", ""])
                item.setData(0, CODE_ROLE, factor.code)
                item.setToolTip(0, factor.title(ui_language()))
                parent.addChild(item)
                self._factor_items[factor.code] = item
                editor = FactorEditor(factor)
                editor.changed.connect(self._edited)
                editor.link_requested.connect(self.link_requested.emit)
                editor.incident_requested.connect(self.incident_requested.emit)
                self.factor_editors[factor.code] = editor
                self.factor_stack.addWidget(editor)
            parent.setExpanded(True)
        self.factor_tree.currentItemChanged.connect(self._factor_chosen)
        splitter.addWidget(self.factor_tree)
        splitter.addWidget(self.factor_stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([350, 620])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _save_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = label("", "muted")
        row.addWidget(self.status, 1)
        self.discard_button = button(
            translate("RiskPage", "Discard changes"),
            translate("RiskPage", "Discard the unsaved changes"),
        )
        self.save_button = button(
            translate("RiskPage", "Save"),
            translate("RiskPage", "Save the assessment (Ctrl+S)"),
            "primary",
        )
        self.save_button.setToolTip(translate("RiskPage", "Save the assessment (Ctrl+S)"))
        self.discard_button.clicked.connect(self.discard_requested.emit)
        self.save_button.clicked.connect(self.save_requested.emit)
        row.addWidget(self.discard_button)
        row.addWidget(self.save_button)
        return row

    # -- loading and reading ---------------------------------------------------------------
    def load(self, assessment: RiskAssessment, head: str | None, info: EvidenceInfo) -> None:
        """Show *assessment*; *head* None means it has never been saved."""
        self.assessment_id = assessment.id
        self.head = head
        self.header.load(
            assessment.country,
            assessment.areas,
            dt.date.fromisoformat(assessment.period_start),
            dt.date.fromisoformat(assessment.period_end),
            dt.date.fromisoformat(assessment.assessed_on),
            assessment.author_role,
        )
        for rated in assessment.factors:
            self.factor_editors[rated.code].load(rated, info)
        self.overall.load(assessment.overall.rating, assessment.overall.narrative)
        self.show_errors([])
        self._baseline = self.to_json()
        self._previous = None
        self._previous_known = False
        self.changes.clear()
        self.history.clear()
        self._set_dirty(head is None)
        self._refresh_summary()
        if self.factor_tree.currentItem() is None:
            self.factor_tree.setCurrentItem(self._factor_items[risk_framework().factor_codes[0]])
        self.status.setText(
            translate("RiskPage", "New assessment — not saved yet.")
            if head is None
            else translate("RiskPage", "Saved.")
        )

    def to_json(self) -> dict[str, Any]:
        """The assessment the widgets describe, in its JSON form (not yet validated)."""
        return {
            "id": self.assessment_id,
            **self.header.to_json(),
            "factors": [editor.to_json() for editor in self.factor_editors.values()],
            "overall": self.overall.to_json(),
        }

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_saved(self, head: str) -> None:
        self.head = head
        self._baseline = self.to_json()
        self._set_dirty(False)
        self.show_errors([])
        self.status.setText(translate("RiskPage", "Saved."))

    def mark_restored(self) -> None:
        """After loading a kept draft: unsaved, whatever it is compared with."""
        self._baseline = {}
        self._set_dirty(True)
        self.status.setText(translate("RiskPage", "Draft restored — not saved yet."))

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        """Each error next to its field; factors with errors are flagged in the list."""
        self.header.show_errors(list(errors))
        codes = risk_framework().factor_codes
        by_factor: dict[str, list[str]] = {code: [] for code in codes}
        overall: list[str] = []
        for error in errors:
            if error.path.startswith("factors["):
                index = int(error.path[len("factors[") : error.path.index("]")])
                if index < len(codes):
                    field = error.path.split("]", 1)[1].lstrip(".")
                    by_factor[codes[index]].append(f"{field}: {message_text(error.message)}")
            elif error.path.startswith("overall"):
                overall.append(message_text(error.message))
        for code, messages in by_factor.items():
            self.factor_editors[code].set_error("; ".join(messages))
            item = self._factor_items[code]
            item.setIcon(
                0, qta.icon("mdi6.alert-circle-outline", color="#C62828") if messages else QIcon()
            )
        self.overall.set_error("; ".join(overall))
        if errors:
            self.status.setText(
                translate("RiskPage", "Not saved: {count} problems to fix, shown in red.").format(
                    count=len(errors)
                )
            )

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def current_factor(self) -> str | None:
        item = self.factor_tree.currentItem()
        code = item.data(0, CODE_ROLE) if item is not None else None
        return str(code) if code else None

    def select_factor(self, code: str) -> None:
        self.factor_tree.setCurrentItem(self._factor_items[code])

    # -- changes and history ---------------------------------------------------------------
    def set_previous(self, previous: RiskAssessment | None, draft: RiskAssessment | None) -> None:
        """Compare the draft (None if it does not validate yet) with *previous*."""
        self._previous = previous
        self._previous_known = True
        if draft is None:
            self.changes.show_changes(
                translate("RiskPage", "Fix the problems shown in red to see the changes."), []
            )
            return
        if previous is None:
            heading = translate(
                "RiskPage", "No earlier assessment of {scope}: every factor is newly rated."
            ).format(scope=scope_label(draft.country, draft.areas, ui_language()))
        else:
            heading = translate(
                "RiskPage",
                "Compared with the assessment of {start} to {end} (assessed {on}).",
            ).format(start=previous.period_start, end=previous.period_end, on=previous.assessed_on)
        self.changes.show_changes(heading, compare(draft, previous))

    def set_history(self, revisions: list[Revision]) -> None:
        """List the saved versions, newest first; choosing one shows what it changed."""
        self.history.show_history(revisions)

    def clear(self) -> None:
        """Drop every value shown (on lock)."""
        for editor in self.factor_editors.values():
            editor.clear()
        self.overall.load("unknown", None)
        self.header.author_role.blockSignals(True)
        self.header.author_role.clear()
        self.header.author_role.blockSignals(False)
        self.changes.clear()
        self.history.clear()
        self._previous = None
        self._previous_known = False
        self._baseline = {}
        self.assessment_id = ""
        self.head = None
        self._dirty = False
        self.status.setText("")

    # -- private ---------------------------------------------------------------------------
    def _edited(self) -> None:
        self._set_dirty(self.head is None or self.to_json() != self._baseline)
        self._refresh_summary()
        if self.tabs.currentIndex() == CHANGES_TAB:
            self._compare_now()

    def _set_dirty(self, dirty: bool) -> None:
        self.heading.setText(self._title() + (" •" if dirty else ""))
        self.discard_button.setEnabled(dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
            if dirty:
                self.status.setText(translate("RiskPage", "Unsaved changes."))

    def _title(self) -> str:
        header = self.header
        scope = (
            scope_label(header.country_code(), header.areas(), ui_language())
            if header.country_code()
            else ""
        )
        return translate("RiskPage", "{scope} · {start} to {end}").format(
            scope=scope, start=header.start().isoformat(), end=header.end().isoformat()
        )

    def _refresh_summary(self) -> None:
        self.overall.show_counts([e.rating.rating() for e in self.factor_editors.values()])
        for code, editor in self.factor_editors.items():
            item = self._factor_items[code]
            rating = editor.rating.rating()
            item.setText(1, rating_label(rating, ui_language()))
            foreground, background = rating_brushes(rating)
            item.setForeground(1, foreground)
            item.setBackground(1, background)

    def _factor_chosen(self, item: QTreeWidgetItem | None, _old: QTreeWidgetItem | None) -> None:
        code = item.data(0, CODE_ROLE) if item is not None else None
        if code:
            self.factor_stack.setCurrentWidget(self.factor_editors[str(code)])

    def _tab_changed(self, index: int) -> None:
        if index == CHANGES_TAB:
            self._compare_now()
            self.changes_wanted.emit()  # the page checks the previous one is still right

    def update_previous(self, previous: RiskAssessment | None) -> None:
        """The previous assessment of the scope now on screen (fetched by the page)."""
        self._previous = previous
        self._previous_known = True
        self._compare_now()

    def _compare_now(self) -> None:
        """Show the changes of what is on screen now, against the previous one already known."""
        if not self._previous_known:
            return
        try:
            draft = assessment_from_json(self.to_json())
        except ValidationError:
            draft = None
        self.set_previous(self._previous, draft)
