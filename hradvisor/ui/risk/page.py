"""The Risk section: the list of risk assessments beside the editor of the one chosen.

Every read and write runs in a worker (``run_in_background``); answers carry
a generation number, so an answer for an assessment no longer shown is
dropped. The page keeps only what the screen shows: on lock ``clear()``
empties it and lets go of the vault.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hradvisor.analysis.risk import (
    draft_assessment,
    latest_assessment,
    linked_evidence,
    previous_assessment,
)
from hradvisor.model import (
    Incident,
    RiskAssessment,
    ValidationError,
    area_name,
    assessment_from_json,
    country_choices,
    risk_framework,
)
from hradvisor.store import ConflictError, Revision, Vault
from hradvisor.store.drafts import Draft
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.kept_drafts import KeptDraft, draft_head
from hradvisor.ui.risk.assessment_list import ID_ROLE, AssessmentListPanel
from hradvisor.ui.risk.drafts import RISK_DRAFT, drafted_assessment
from hradvisor.ui.risk.editor import CHANGES_TAB, AssessmentEditor
from hradvisor.ui.risk.factor_editor import IncidentInfo
from hradvisor.ui.risk.picker import IncidentPicker, PickerScope
from hradvisor.ui.risk.ratings import (
    RATING_STYLE,
)
from hradvisor.ui.widgets import label, page_banner
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

LIST_WIDTH = 300
_PAGE_STYLE = (
    RATING_STYLE
    + """
QLabel[role="section"] { font-weight: 600; margin-top: 4px; }
QListWidget#assessments::item:selected { background: #D4EEF9; border-left: 3px solid #009EDB; }
QToolButton#areas { padding: 4px 8px; text-align: left; }
QToolButton#areas::menu-indicator { image: none; width: 0px; }
"""
)


@dataclass(frozen=True)
class _Opened:
    """What the editor needs to show one assessment, fetched in one worker call."""

    assessment: RiskAssessment
    head: str | None  # None: never saved (a kept draft of a new assessment)
    info: dict[str, IncidentInfo | None]
    previous: RiskAssessment | None
    history: list[Revision]


def _opened(vault: Vault, assessment: RiskAssessment, head: str | None) -> _Opened:
    """Fetch, in a worker, the evidence titles, previous assessment and history."""
    return _Opened(
        assessment,
        head,
        _evidence_info(vault, assessment.evidence_ids()),
        previous_assessment(vault, assessment),
        vault.assessments.history(assessment.id) if head else [],
    )


def incident_info(incident: Incident) -> IncidentInfo:
    return IncidentInfo(
        title=incident.title,
        date=incident.date,
        area=area_name(incident.location.country, incident.location.admin1),
    )


def _evidence_info(vault: Vault, ids: Iterable[str]) -> dict[str, IncidentInfo | None]:
    """On a worker: title, date and area of each cited incident; None for missing ones."""
    found = linked_evidence(vault, ids)
    info: dict[str, IncidentInfo | None] = {i.id: incident_info(i) for i in found.incidents}
    info.update(dict.fromkeys(found.missing))
    return info


class RiskPage(QWidget):
    """Assessments list, "New assessment", and the editor. Emits ``incident_requested(id)``."""

    incident_requested = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._info: dict[str, IncidentInfo | None] = {}
        self._assessments: list[RiskAssessment] = []
        self._open_generation = 0
        self._previous_generation = 0
        self._busy = False
        self.picker: IncidentPicker | None = None
        self.setStyleSheet(_PAGE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = page_banner(layout, translate("RiskPage", "Message about unsaved work"))
        self.kept = KeptDraft(
            RISK_DRAFT,
            "assessment",
            vault=lambda: self._vault,
            banner=self.banner,
            offer_text=lambda time: translate(
                "RiskPage",
                "Unsaved changes to a risk assessment were kept when the vault locked ({time}).",
            ).format(time=time),
            restore=self.restore_draft,
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.panel = AssessmentListPanel()
        self.new_button = self.panel.new_button
        self.list = self.panel.list
        self.list_status = self.panel.status
        splitter.addWidget(self.panel)
        self.editor = AssessmentEditor()
        self.stack = QStackedWidget()
        self.placeholder = self._placeholder()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.editor)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LIST_WIDTH, 1000])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self._connect()
        self.refresh()
        self.kept.offer()

    # -- building ---------------------------------------------------------------------------
    def _placeholder(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch(1)
        self.placeholder_text = label("", "muted")
        self.placeholder_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.placeholder_text)
        box.addStretch(2)
        return page

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_assessment)
        self.list.currentItemChanged.connect(self._list_choice)
        self.editor.save_requested.connect(self.save)
        self.editor.discard_requested.connect(self.discard)
        self.editor.link_requested.connect(self.open_picker)
        self.editor.incident_requested.connect(self.incident_requested.emit)
        self.editor.changes_wanted.connect(self.refresh_previous)
        self.editor.scope_changed.connect(self._scope_changed)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self._save_shortcut)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.new_assessment)

    # -- the list ------------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Reload the list of assessments (in a worker); then select *select* if given."""
        vault = self._vault
        if vault is None:
            return
        self.list_status.setText(translate("RiskPage", "Loading…"))
        run_in_background(
            lambda: vault.assessments.recent(), lambda found: self._show_list(found, select),
            self._list_failed,
        )  # fmt: skip

    def _show_list(self, assessments: list[RiskAssessment], select: str | None) -> None:
        if self._vault is None:
            return
        self._assessments = assessments
        self.panel.show_assessments(assessments, select or self.editor.assessment_id)
        if not assessments and self.stack.currentWidget() is self.placeholder:
            self.placeholder_text.setText(
                translate(
                    "RiskPage",
                    "No risk assessments yet — press “New assessment” (Ctrl+N) to rate the "
                    "fourteen risk factors for your country or some of its areas.",
                )
            )
        elif self.stack.currentWidget() is self.placeholder:
            self.placeholder_text.setText(
                translate("RiskPage", "Choose an assessment on the left, or start a new one.")
            )

    def _list_failed(self, exc: BaseException) -> None:
        if self._vault is not None:
            self.list_status.setText(user_message(exc))

    def _list_choice(self, item: QListWidgetItem | None, old: QListWidgetItem | None) -> None:
        if item is None:
            return
        wanted = str(item.data(ID_ROLE))
        if wanted == self.editor.assessment_id and self.stack.currentWidget() is self.editor:
            return
        if not self.confirm_discard():
            self.list.blockSignals(True)
            if old is not None:
                self.list.setCurrentItem(old)
            self.list.blockSignals(False)
            return
        self.open_assessment(wanted)

    # -- opening ---------------------------------------------------------------------------------
    def open_assessment(self, assessment_id: str) -> None:
        """Load a saved assessment with its evidence, previous assessment and history."""
        vault = self._vault
        if vault is None:
            return
        self._open_generation += 1
        generation = self._open_generation
        self.editor.set_status(translate("RiskPage", "Opening…"))

        def work() -> tuple[int, _Opened]:
            return generation, _opened(vault, *vault.assessments.get_with_head(assessment_id))

        run_in_background(work, self._show_opened, self._open_failed)

    def _show_opened(self, answer: tuple[int, _Opened], *, restored: bool = False) -> None:
        generation, opened = answer
        if generation != self._open_generation or self._vault is None:
            return
        self._info.update(opened.info)
        self.editor.load(opened.assessment, opened.head, self._info)
        self.editor.set_previous(opened.previous, opened.assessment)
        self.editor.set_history(opened.history)
        if restored:
            self.editor.mark_restored()
            self.kept.restored()
        self.stack.setCurrentWidget(self.editor)

    def _open_failed(self, exc: BaseException) -> None:
        if self._vault is None:
            return  # a worker that outlived the lock: nothing to say
        self.editor.set_status(user_message(exc))
        self.placeholder_text.setText(user_message(exc))

    def new_assessment(self) -> None:
        """Start a new assessment from the latest one of the chosen (or most recent) scope."""
        if not self.confirm_discard():
            return
        vault = self._vault
        if vault is None:
            return
        base = self._chosen_assessment() or (self._assessments[0] if self._assessments else None)
        self._open_generation += 1
        generation = self._open_generation
        today = dt.datetime.now(dt.UTC).date()
        fallback = country_choices(ui_language())[0][0]

        def work() -> tuple[int, RiskAssessment, dict[str, IncidentInfo | None]]:
            previous = (
                latest_assessment(vault, base.country, base.areas) if base is not None else None
            )
            country = fallback
            if previous is None:
                newest = vault.queries.page(limit=1).items
                country = newest[0].location.country if newest else fallback
            draft = draft_assessment(previous, country=country, today=today)
            return generation, draft, _evidence_info(vault, draft.evidence_ids())

        run_in_background(work, self._show_draft, self._open_failed)

    def _show_draft(
        self, answer: tuple[int, RiskAssessment, dict[str, IncidentInfo | None]]
    ) -> None:
        generation, draft, info = answer
        if generation != self._open_generation or self._vault is None:
            return
        self._info.update(info)
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.editor.load(draft, None, self._info)
        self.stack.setCurrentWidget(self.editor)
        self.editor.tabs.setCurrentIndex(0)
        self.refresh_previous()

    def _chosen_assessment(self) -> RiskAssessment | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = str(item.data(ID_ROLE))
        return next((a for a in self._assessments if a.id == wanted), None)

    # -- saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        """Validate and save in a worker; errors come back next to their fields."""
        if self._busy or self.stack.currentWidget() is not self.editor:
            return
        vault = self._vault
        if vault is None:
            return
        data, head = self.editor.to_json(), self.editor.head
        self._busy = True
        self.editor.save_button.setEnabled(False)
        self.editor.set_status(translate("RiskPage", "Saving…"))

        def work() -> tuple[RiskAssessment, str]:
            assessment = assessment_from_json(data)
            revision = vault.assessments.save(assessment, based_on=head)
            return assessment, revision.hash

        run_in_background(work, self._saved, self._save_failed)

    def _saved(self, answer: tuple[RiskAssessment, str]) -> None:
        self._busy = False
        self.editor.save_button.setEnabled(True)
        if self._vault is None:
            return
        assessment, head = answer
        self.editor.mark_saved(head)
        self.kept.drop()
        self.refresh(select=assessment.id)
        self.open_assessment(assessment.id)

    def _save_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.editor.save_button.setEnabled(True)
        if self._vault is None:
            return
        if isinstance(exc, ValidationError):
            self.editor.show_errors(list(exc.errors))
        elif isinstance(exc, ConflictError):
            self.editor.set_status(
                translate(
                    "RiskPage",
                    "Not saved: this assessment was changed elsewhere since you opened it. "
                    "Your edits are still here; note them, then discard to see the other version.",
                )
            )
        else:
            self.editor.set_status(
                translate("RiskPage", "Not saved: {why}").format(why=user_message(exc))
            )

    def _save_shortcut(self) -> None:
        if self.isVisible():
            self.save()

    def discard(self) -> None:
        """Throw away unsaved edits: reopen the saved version, or close a new draft."""
        self.kept.drop()
        if self.editor.head is not None:
            self.open_assessment(self.editor.assessment_id)
        else:
            self.editor.clear()
            self.stack.setCurrentWidget(self.placeholder)
            self._show_list(self._assessments, None)

    def has_unsaved_changes(self) -> bool:
        return self.stack.currentWidget() is self.editor and self.editor.is_dirty()

    def confirm_discard(self) -> bool:
        """True if there is nothing unsaved, or the user agrees to lose it."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self,
            translate("RiskPage", "Unsaved changes"),
            translate(
                "RiskPage",
                "This assessment has changes that are not saved. Discard them?",
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        self.kept.drop()
        return True

    # -- previous assessment -----------------------------------------------------------------------
    def _scope_changed(self) -> None:
        if self.editor.tabs.currentIndex() == CHANGES_TAB:
            self.refresh_previous()

    def refresh_previous(self) -> None:
        """Compare the editor's current values with the previous assessment of their scope."""
        vault = self._vault
        if vault is None:
            return
        try:
            draft = assessment_from_json(self.editor.to_json())
        except ValidationError:
            self.editor.set_previous(None, None)
            return
        self._previous_generation += 1
        generation = self._previous_generation
        run_in_background(
            lambda: (generation, previous_assessment(vault, draft)),
            self._show_previous,
            self._open_failed,
        )

    def _show_previous(self, answer: tuple[int, RiskAssessment | None]) -> None:
        generation, previous = answer
        if generation == self._previous_generation and self._vault is not None:
            self.editor.update_previous(previous)  # compared with what is on screen now

    # -- evidence --------------------------------------------------------------------------------
    def open_picker(self, factor_code: str) -> IncidentPicker | None:
        """Open the incident picker for one factor (non-modal to the rest of the app)."""
        vault = self._vault
        if vault is None:
            return None
        header = self.editor.header
        scope = PickerScope(header.country_code(), header.areas(), header.start(), header.end())
        factor = risk_framework().factor(factor_code)
        editor = self.editor.factor_editors[factor_code]
        picker = IncidentPicker(
            vault.queries, factor_code, factor.title(ui_language()), scope, editor.evidence, self
        )
        picker.chosen.connect(lambda incidents: self._link(factor_code, incidents))
        picker.finished.connect(self._picker_closed)
        picker.open()
        self.picker = picker
        return picker

    def _picker_closed(self) -> None:
        if self.picker is not None:
            self.picker.deleteLater()
            self.picker = None

    def _link(self, factor_code: str, incidents: list[Incident]) -> None:
        if self._vault is None:
            return
        for incident in incidents:
            self._info[incident.id] = incident_info(incident)
        self.editor.factor_editors[factor_code].add_evidence([i.id for i in incidents], self._info)

    # -- drafts kept through a lock -----------------------------------------------------------
    def keep_draft(self) -> None:
        """Before a lock that must not ask (idle, panic): keep unsaved edits as a draft."""
        if self._vault is not None and self.has_unsaved_changes():
            self.kept.keep(self.editor.to_json(), self.editor.head)

    def restore_draft(self, draft: Draft) -> None:
        """Put a kept draft in the editor, unsaved; saving it is based on the version
        it started from (a conflict is reported as for any save)."""
        if not self.confirm_discard():
            return
        vault = self._vault
        if vault is None:
            return
        try:
            assessment = drafted_assessment(draft.data)
        except ValueError:
            self.kept.cannot_restore()
            return
        head = draft_head(draft.data)
        self._open_generation += 1
        generation = self._open_generation

        def work() -> tuple[int, _Opened]:
            return generation, _opened(vault, assessment, head)

        run_in_background(
            work, lambda answer: self._show_opened(answer, restored=True), self._open_failed
        )

    # -- locking ---------------------------------------------------------------------------------
    def clear(self) -> None:
        """On lock: drop every assessment, incident title and the vault itself."""
        self._open_generation += 1
        self._previous_generation += 1
        self._vault = None
        if self.picker is not None:
            self.picker.reject()  # finished → _picker_closed drops it
        self._info.clear()
        self._assessments = []
        self.kept.forget()
        self.panel.clear()
        self.editor.clear()
        self.placeholder_text.setText("")
        self.stack.setCurrentWidget(self.placeholder)
