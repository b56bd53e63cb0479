"""The Reports section: saved definitions, the editor, the in-memory preview, PDF and exports.

Everything that touches the vault, the analysis engine, reportlab or a file
runs in a worker. Each request carries a generation number; opening another
definition, starting a new one or locking bumps it, so a late answer for
something no longer shown is dropped. The preview is rendered to bytes and
shown from memory (no temporary file). A PDF or an export leaves the vault's
protection: the adviser is told so, with the classification marking, before
anything is written, and the file is written under a temporary name in the
target folder and renamed (the engine's ``write_atomic``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hradvisor.analysis import AnalysisScope, analyse
from hradvisor.model import ReportDefinition, ValidationError, new_id, report_from_json
from hradvisor.reports import FORMATS, ExportScope, Manifest, Policy, export_incidents
from hradvisor.reports.exports import manifest_path
from hradvisor.store import ConflictError, Vault
from hradvisor.store.drafts import Draft
from hradvisor.ui.answers import no_failure
from hradvisor.ui.field_messages import error_text
from hradvisor.ui.kept_drafts import KeptDraft, draft_head
from hradvisor.ui.reports.choices import Choice
from hradvisor.ui.reports.drafts import REPORT_DRAFT, drafted_definition
from hradvisor.ui.reports.editor import (
    DefinitionEditor,
    classification_names,
    language_names,
    preset_period,
)
from hradvisor.ui.reports.jobs import Answer, Delivery, tagged
from hradvisor.ui.reports.preview import PreviewPane
from hradvisor.ui.widgets import button, label, page_banner
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

ID_ROLE = Qt.ItemDataRole.UserRole
LIST_WIDTH = 300
ANALYSIS_DELAY_MS = 400
FALLBACK_COUNTRY = "XA"
PREVIEW_TAB = 3
_PAGE_STYLE = """
QListWidget#definitions::item { padding: 6px 4px; }
QListWidget#definitions::item:selected { background: #D4EEF9; color: #1F2933;
    border-left: 3px solid #009EDB; }
QLabel[role="heading"] { font-weight: 600; margin-top: 4px; }
QPlainTextEdit#outputs { font-family: monospace; }
QListWidget[role="choices"]::item { padding: 3px 4px; }
"""


@dataclass(frozen=True)
class _Opened:
    definition: ReportDefinition
    head: str | None


@dataclass(frozen=True)
class _Ranked:
    concerns: list[Choice]
    signals: list[Choice]


def policy_of(definition: ReportDefinition) -> Policy:
    """The protection a definition asks for (as the report engine builds it)."""
    return Policy(
        classification=definition.classification,
        audience=definition.audience,
        exact_locations=definition.exact_locations,
        suppress_small_counts=definition.suppress_small_counts,
    )


def ranked_items(vault: Vault, definition: ReportDefinition) -> _Ranked:
    """On a worker: the engine's concerns and signals for the definition's scope and policy."""
    policy = policy_of(definition)
    scope = AnalysisScope(
        start=definition.start,
        end=definition.end,
        country=definition.country,
        areas=definition.areas,
        verification=policy.allowed_verification(),
        sensitivity=policy.allowed_sensitivity(),
        consent=policy.allowed_consent(),
    )
    analysis = analyse(vault, scope, lang=definition.language)
    concerns = [
        Choice(
            c.key,
            translate("ReportsPage", "{title} — {count} incidents").format(
                title=c.title, count=f"{c.figures.incidents:,}"
            ),
        )
        for c in analysis.concerns
    ]
    signals = [Choice(s.key, s.summary) for s in analysis.signals]
    return _Ranked(concerns, signals)


def head_of(vault: Vault, definition_id: str) -> str | None:
    revisions = vault.reports.history(definition_id)
    return revisions[-1].hash if revisions else None


def scope_text(definition: ReportDefinition) -> str:
    if not definition.country:
        return translate("ReportsPage", "all countries")
    if definition.areas:
        return f"{definition.country}: {', '.join(definition.areas)}"
    return definition.country


def list_text(definition: ReportDefinition) -> str:
    """Two lines for the list: period and scope; marking, language and the last PDF."""
    first = f"{definition.period_start} – {definition.period_end} · {scope_text(definition)}"
    marking = classification_names().get(definition.classification, definition.classification)
    language = language_names().get(definition.language, definition.language)
    if definition.outputs:
        last = definition.outputs[-1]
        made = translate("ReportsPage", "last PDF {hash}… {date}").format(
            hash=last.sha256[:12], date=last.made_at[:10]
        )
    else:
        made = translate("ReportsPage", "no PDF yet")
    return f"{first}\n{marking} · {language} · {made}"


def outputs_text(definition: ReportDefinition) -> str:
    """Every PDF made from the definition, newest first, with its full SHA-256."""
    lines = []
    for made in reversed(definition.outputs):
        lines.append(
            translate("ReportsPage", "{date} UTC · {pages} pages · {size} KB").format(
                date=made.made_at.replace("T", " ").rstrip("Z"),
                pages=made.pages,
                size=f"{(made.bytes + 1023) // 1024:,}",
            )
        )
        lines.append(f"SHA-256 {made.sha256}")
        lines.append("")
    return "\n".join(lines).strip()


def field_errors(exc: ValidationError) -> str:
    return "\n".join(error_text(error) for error in exc.errors)


class ReportsPage(QWidget):
    """Definitions on the left; editor, preview and the actions on the right.

    Emits ``unsaved_changed(bool)`` when the definition shown becomes dirty or clean
    (for a mark on the section's tab).
    """

    unsaved_changed = Signal(bool)

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, lang: str = "en") -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._lang = lang
        self._definitions: list[ReportDefinition] = []
        self._head: str | None = None
        self._generation = 0  # bumped when the definition shown changes, and on lock
        self._analysis_generation = 0
        self._preview_generation = 0
        self._busy: set[str] = set()
        self._was_dirty = False
        self.setStyleSheet(_PAGE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = page_banner(layout, translate("ReportsPage", "Message about unsaved work"))
        self.kept = KeptDraft(
            REPORT_DRAFT,
            "definition",
            vault=lambda: self._vault,
            banner=self.banner,
            offer_text=lambda time: translate(
                "ReportsPage",
                "Unsaved changes to a report definition were kept when the vault locked ({time}).",
            ).format(time=time),
            restore=self.restore_draft,
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._list_panel())
        self.stack = QStackedWidget()
        self.placeholder = self._placeholder()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._editor_panel())
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LIST_WIDTH, 1000])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self._analysis_timer = QTimer(self)
        self._analysis_timer.setSingleShot(True)
        self._analysis_timer.setInterval(ANALYSIS_DELAY_MS)
        self._analysis_timer.timeout.connect(self.refresh_choices)
        self._connect()
        self.refresh()
        self.kept.offer()

    # -- building ---------------------------------------------------------------------------
    def _list_panel(self) -> QWidget:
        panel = QWidget()
        panel.setMinimumWidth(250)
        box = QVBoxLayout(panel)
        box.setContentsMargins(16, 12, 8, 8)
        box.setSpacing(8)
        box.addWidget(label(translate("ReportsPage", "Reports"), "title"))
        box.addWidget(
            label(
                translate(
                    "ReportsPage",
                    "Summary analyses for the Resident Coordinator, and exports.",
                ),
                "muted",
            )
        )
        self.new_button = button(
            translate("ReportsPage", "New report"),
            translate("ReportsPage", "New report definition (Ctrl+N)"),
            "primary",
        )
        self.new_button.setToolTip(translate("ReportsPage", "New report definition (Ctrl+N)"))
        box.addWidget(self.new_button)
        self.list = QListWidget()
        self.list.setObjectName("definitions")
        self.list.setAccessibleName(translate("ReportsPage", "Saved report definitions"))
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        box.addWidget(self.list, 5)
        self.list_status = label("", "muted")
        box.addWidget(self.list_status)
        box.addWidget(label(translate("ReportsPage", "PDFs made from this definition"), "heading"))
        self.outputs = QPlainTextEdit()
        self.outputs.setObjectName("outputs")
        self.outputs.setReadOnly(True)
        self.outputs.setAccessibleName(
            translate("ReportsPage", "PDFs made from this definition, with their SHA-256")
        )
        self.outputs.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.outputs.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.outputs.setWordWrapMode(self.outputs.wordWrapMode().WrapAnywhere)
        self.outputs.setPlaceholderText(translate("ReportsPage", "None yet."))
        box.addWidget(self.outputs, 2)
        self.outputs.setMinimumHeight(90)
        return panel

    def _placeholder(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch(1)
        self.placeholder_text = label("", "muted")
        self.placeholder_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.placeholder_text)
        box.addStretch(2)
        return page

    def _editor_panel(self) -> QWidget:
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(8, 12, 16, 8)
        box.setSpacing(8)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        self.heading = label("", "title")
        actions.addWidget(self.heading, 1)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(translate("ReportsPage", "Working"))
        self.busy.setVisible(False)
        actions.addWidget(self.busy)
        self.save_button = button(
            translate("ReportsPage", "Save"),
            translate("ReportsPage", "Save the definition (Ctrl+S)"),
        )
        self.save_button.setToolTip(translate("ReportsPage", "Save the definition (Ctrl+S)"))
        self.preview_button = button(
            translate("ReportsPage", "Preview"),
            translate("ReportsPage", "Preview the report (F5)"),
            "primary",
        )
        self.preview_button.setToolTip(translate("ReportsPage", "Preview the report (F5)"))
        self.pdf_button = button(
            translate("ReportsPage", "Save PDF…"),
            translate("ReportsPage", "Save the report as a PDF file"),
        )
        self.export_button = button(
            translate("ReportsPage", "Export…"),
            translate("ReportsPage", "Export the incidents of this scope"),
        )
        menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        for fmt, text in (
            ("csv", translate("ReportsPage", "CSV (spreadsheet)…")),
            ("json", translate("ReportsPage", "JSON…")),
            ("hxl", translate("ReportsPage", "HXL (humanitarian data)…")),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, f=fmt: self.export(f))
            self.export_actions[fmt] = action
        self.export_button.setMenu(menu)
        for widget in (self.save_button, self.preview_button, self.pdf_button, self.export_button):
            actions.addWidget(widget)
        box.addLayout(actions)
        self.editor = DefinitionEditor(self._lang)
        self.preview = PreviewPane()
        self.editor.addTab(self.preview, translate("ReportsPage", "Preview"))
        box.addWidget(self.editor, 1)
        self.status = label("", "muted")
        self.status.setAccessibleName(translate("ReportsPage", "Report status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.status)
        return panel

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_report)
        self.list.currentItemChanged.connect(self._list_choice)
        self.save_button.clicked.connect(self.save)
        self.preview_button.clicked.connect(self.make_preview)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.editor.edited.connect(self._edited)
        self.editor.scope_changed.connect(self._analysis_timer.start)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence.StandardKey.New, self.new_report),
            (QKeySequence(Qt.Key.Key_F5), self.make_preview),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # -- busy and status --------------------------------------------------------------------
    def _start(self, job: str) -> None:
        self._busy.add(job)
        self._show_busy()

    def _stop(self, job: str) -> None:
        self._busy.discard(job)
        self._show_busy()

    def _show_busy(self) -> None:
        self.busy.setVisible(bool(self._busy))
        writing = bool(self._busy & {"pdf", "export", "save"})
        for widget in (self.save_button, self.pdf_button, self.export_button):
            widget.setEnabled(not writing)
        self.preview_button.setEnabled("preview" not in self._busy and not writing)

    def is_busy(self) -> bool:
        return bool(self._busy)

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("role", "error" if error else "muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _run(self, job: str, fn: Callable[[], Any], done: Callable[[Answer], None]) -> None:
        """Run *fn* in a worker for the definition shown now; *done* hears only if still shown."""
        generation = self._generation
        self._start(job)

        def deliver(answer: Answer) -> None:
            self._stop(job)
            if self._vault is None:
                return  # locked meanwhile
            if answer.generation == self._generation:
                done(answer)
            elif job in ("save", "pdf"):
                self.refresh()  # another definition is shown now, but the list changed

        delivery = Delivery(self, deliver)
        run_in_background(tagged(generation, fn), delivery.deliver, no_failure)

    # -- the list ----------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Reload the saved definitions (in a worker); select *select* if given."""
        vault = self._vault
        if vault is None:
            return
        self.list_status.setText(translate("ReportsPage", "Loading…"))
        self._start("list")

        def deliver(answer: Answer) -> None:
            self._stop("list")
            self._show_list(answer, select)

        delivery = Delivery(self, deliver)
        run_in_background(tagged(0, lambda: vault.reports.recent()), delivery.deliver, no_failure)

    def _show_list(self, answer: Answer, select: str | None) -> None:
        if self._vault is None:
            return  # locked meanwhile
        if answer.error is not None:
            self.list_status.setText(user_message(answer.error))
            return
        self._definitions = list(answer.value)
        current = select or self.editor.definition_id
        self.list.blockSignals(True)
        self.list.clear()
        for definition in self._definitions:
            item = QListWidgetItem(list_text(definition))
            item.setData(ID_ROLE, definition.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, list_text(definition))
            self.list.addItem(item)
            if definition.id == current:
                self.list.setCurrentItem(item)
                self.outputs.setPlainText(outputs_text(definition))
        self.list.blockSignals(False)
        count = len(self._definitions)
        self.list_status.setText(
            translate("ReportsPage", "Saved definitions: {count}").format(count=count)
            if count
            else ""
        )
        if self.stack.currentWidget() is self.placeholder:
            self.placeholder_text.setText(
                translate("ReportsPage", "Choose a report on the left, or start a new one.")
                if count
                else translate(
                    "ReportsPage",
                    "No reports yet — press “New report” (Ctrl+N) to prepare a summary "
                    "analysis for the Resident Coordinator.",
                )
            )

    def _list_choice(self, item: QListWidgetItem | None, old: QListWidgetItem | None) -> None:
        if item is None:
            return
        wanted = str(item.data(ID_ROLE))
        if wanted == self.editor.definition_id and self.stack.currentIndex() == 1:
            return
        if not self.confirm_discard():
            self.list.blockSignals(True)
            if old is not None:
                self.list.setCurrentItem(old)
            else:
                self.list.setCurrentRow(-1)
            self.list.blockSignals(False)
            return
        self.open_definition(wanted)

    # -- opening -----------------------------------------------------------------------------
    def open_definition(self, definition_id: str) -> None:
        """Load a saved definition (and its head revision) into the editor."""
        vault = self._vault
        if vault is None:
            return
        self._generation += 1
        self.set_status(translate("ReportsPage", "Opening…"))
        self._run(
            "open",
            lambda: _Opened(vault.reports.get(definition_id), head_of(vault, definition_id)),
            self._show_opened,
        )

    def _show_opened(self, answer: Answer) -> None:
        if answer.error is not None:
            self.set_status(user_message(answer.error), error=True)
            return
        opened: _Opened = answer.value
        self._load(opened.definition, opened.head)
        self.set_status("")

    def new_report(self) -> None:
        """A new definition: last complete month, the vault's country, confidential, UI language."""
        if not self.confirm_discard():
            return
        vault = self._vault
        if vault is None:
            return
        self._generation += 1
        today = dt.date.today()
        lang = self._lang if self._lang in language_names() else "en"

        def work() -> ReportDefinition:
            newest = vault.queries.page(limit=1).items
            country = newest[0].location.country if newest else FALLBACK_COUNTRY
            start, end = preset_period("last-month", today) or (today, today)
            return ReportDefinition(
                id=new_id(),
                period_start=start.isoformat(),
                period_end=end.isoformat(),
                issued=today.isoformat(),
                country=country,
                classification="confidential",
                audience="un",
                language=lang,
            )

        self._run("open", work, self._show_new)

    def _show_new(self, answer: Answer) -> None:
        if answer.error is not None:
            self.set_status(user_message(answer.error), error=True)
            return
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._load(answer.value, None)
        self.editor.setCurrentIndex(0)
        self.editor.title.setFocus()
        self.set_status(translate("ReportsPage", "New report: not saved yet."))

    def _load(self, definition: ReportDefinition, head: str | None) -> None:
        self._head = head
        self.preview.clear()
        self.editor.load(definition)
        self.outputs.setPlainText(outputs_text(definition))
        self._update_heading()
        self.stack.setCurrentIndex(1)
        self.refresh_choices()

    def _update_heading(self) -> None:
        loaded = self.editor.loaded
        if loaded is None:
            self.heading.setText("")
            self._announce(False)
            return
        text = (
            translate("ReportsPage", "Report {start} – {end}").format(
                start=self.editor.to_json()["period_start"],
                end=self.editor.to_json()["period_end"],
            )
            if self._head is not None
            else translate("ReportsPage", "New report")
        )
        dirty = self.has_unsaved_changes()
        self.heading.setText(text + (" •" if dirty else ""))
        self._announce(dirty)

    def _announce(self, dirty: bool) -> None:
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.unsaved_changed.emit(dirty)

    def _edited(self) -> None:
        self._update_heading()
        if self.preview.has_document():
            self.preview.set_status(
                translate("ReportsPage", "Changed since this preview: press Preview again.")
            )

    # -- concerns and signals ------------------------------------------------------------------
    def refresh_choices(self) -> None:
        """Ask the engine for the concerns and signals of the scope now in the editor."""
        vault = self._vault
        definition = self._valid_definition(quiet=True)
        if vault is None or definition is None:
            return
        self._analysis_generation += 1
        wanted = self._analysis_generation
        self.editor.choices_status.setText(translate("ReportsPage", "Analysing the period…"))

        def done(answer: Answer) -> None:
            if wanted != self._analysis_generation:
                return
            if answer.error is not None:
                self.editor.choices_status.setText(user_message(answer.error))
                return
            self._show_choices(answer.value)

        self._run("analysis", lambda: ranked_items(vault, definition), done)

    def _show_choices(self, ranked: _Ranked) -> None:
        # The stored choices are kept as they are (keys included), so this is no edit.
        self.editor.concerns.set_items(ranked.concerns, self.editor.concerns.choices())
        self.editor.signals.set_items(ranked.signals, self.editor.signals.choices())
        self.editor.concerns.set_message(
            ""
            if ranked.concerns
            else translate("ReportsPage", "No principal concerns in this period and scope.")
        )
        self.editor.signals.set_message(
            "" if ranked.signals else translate("ReportsPage", "No early-warning signals.")
        )
        self.editor.choices_status.setText(
            translate(
                "ReportsPage",
                "Ranked by the analysis engine from the incidents this classification and "
                "audience allow. The report shows the first six concerns (more if pinned).",
            )
        )
        self._update_heading()

    # -- saving the definition -------------------------------------------------------------------
    def _valid_definition(self, *, quiet: bool = False) -> ReportDefinition | None:
        if self.editor.loaded is None:
            return None
        try:
            return report_from_json(self.editor.to_json())
        except ValidationError as exc:
            if not quiet:
                self.set_status(
                    translate("ReportsPage", "Please correct: {errors}").format(
                        errors=field_errors(exc)
                    ),
                    error=True,
                )
            return None

    def save(self) -> None:
        """Save the definition as one new revision (ConflictError if changed elsewhere)."""
        vault = self._vault
        definition = self._valid_definition()
        if vault is None or definition is None or "save" in self._busy:
            return
        head, sent = self._head, self.editor.to_json()
        self.set_status(translate("ReportsPage", "Saving…"))

        def work() -> _Opened:
            revision = vault.reports.save(definition, based_on=head)
            return _Opened(definition, revision.hash)

        self._run("save", work, lambda answer: self._saved(answer, sent))

    def _saved(self, answer: Answer, sent: dict[str, Any]) -> None:
        if answer.error is not None:
            self.set_status(self._save_problem(answer.error), error=True)
            return
        opened: _Opened = answer.value
        self._head = opened.head
        self.editor.mark_saved(opened.definition, sent)
        self.kept.drop()
        self._update_heading()
        self.set_status(translate("ReportsPage", "Saved."))
        self.refresh(select=opened.definition.id)

    def _save_problem(self, exc: Exception) -> str:
        if isinstance(exc, ConflictError):
            return translate(
                "ReportsPage",
                "Not saved: this definition was changed elsewhere since you opened it. "
                "Your edits are still here; note them, then open the definition again.",
            )
        if isinstance(exc, ValidationError):
            return translate("ReportsPage", "Please correct: {errors}").format(
                errors=field_errors(exc)
            )
        return translate("ReportsPage", "Not saved: {why}").format(why=user_message(exc))

    def has_unsaved_changes(self) -> bool:
        return self.stack.currentIndex() == 1 and self.editor.is_dirty()

    def confirm_discard(self) -> bool:
        """True if nothing is unsaved, or the adviser agrees to lose it."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self,
            translate("ReportsPage", "Unsaved changes"),
            translate("ReportsPage", "This report definition has unsaved changes. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        self.kept.drop()
        return True

    # -- drafts kept through a lock -----------------------------------------------------------
    def keep_draft(self) -> None:
        """Before a lock that must not ask (idle, panic): keep unsaved edits as a draft."""
        if self._vault is not None and self.has_unsaved_changes():
            self.kept.keep(self.editor.to_json(), self._head)

    def restore_draft(self, draft: Draft) -> None:
        """Put a kept draft in the editor, unsaved; saving it is based on the version it
        started from (a conflict is reported as for any save)."""
        if self._vault is None or not self.confirm_discard():
            return
        try:
            definition = drafted_definition(draft.data)
        except ValueError:
            self.kept.cannot_restore()
            return
        self._generation += 1
        self._load(definition, draft_head(draft.data))
        self.editor.mark_restored()
        self.kept.restored()
        self._update_heading()
        self.set_status(translate("ReportsPage", "Draft restored — not saved yet."))

    # -- preview ---------------------------------------------------------------------------------
    def make_preview(self) -> None:
        """Render the PDF in memory in a worker and show it with its manifest."""
        vault = self._vault
        definition = self._valid_definition()
        if vault is None or definition is None:
            return
        self._preview_generation += 1
        wanted = self._preview_generation
        self.editor.setCurrentIndex(PREVIEW_TAB)
        self.preview.set_status(translate("ReportsPage", "Preparing the preview…"))

        def work() -> Any:
            from hradvisor.reports.summary import build_summary  # loads reportlab

            return build_summary(vault, definition)

        def done(answer: Answer) -> None:
            if wanted != self._preview_generation:
                return
            if answer.error is not None:
                self.preview.set_status(
                    translate("ReportsPage", "No preview: {why}").format(
                        why=user_message(answer.error)
                    )
                )
                return
            result = answer.value
            self.preview.show_pdf(result.pdf, result.manifest)
            self.preview.set_status(
                translate(
                    "ReportsPage", "Preview: {pages} pages, not saved anywhere. SHA-256 {hash}"
                ).format(pages=result.pages, hash=result.sha256)
            )

        self._run("preview", work, done)

    # -- files that leave the vault ----------------------------------------------------------------
    def _ask_path(self, title: str, suggested: str, pattern: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path(folder or Path.home()) / suggested), pattern
        )
        return Path(path) if path else None

    def _confirm_leaving(self, path: Path, definition: ReportDefinition, what: str) -> bool:
        marking = classification_names()[definition.classification].upper()
        answer = QMessageBox.warning(
            self,
            translate("ReportsPage", "This file leaves the vault's protection"),
            translate(
                "ReportsPage",
                "{what} will be written to {path} without encryption: anyone who gets "
                "the file or the disk can read it. It is marked {marking}; handle, store "
                "and send it accordingly, and delete copies you no longer need.",
            ).format(what=what, path=path, marking=marking),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def _file_stem(self, definition: ReportDefinition) -> str:
        scope = definition.country or "all"
        return f"summary-analysis-{scope}-{definition.period_start}-{definition.period_end}"

    def save_pdf(self) -> None:
        """Ask where, warn, write the PDF (temp name then rename) and record its hash."""
        vault = self._vault
        definition = self._valid_definition()
        if vault is None or definition is None or self._busy & {"pdf", "export", "save"}:
            return
        out = self._ask_path(
            translate("ReportsPage", "Save the report as PDF"),
            self._file_stem(definition) + ".pdf",
            translate("ReportsPage", "PDF documents (*.pdf)"),
        )
        if out is None:
            return
        if not self._confirm_leaving(out, definition, translate("ReportsPage", "The report")):
            self.set_status(translate("ReportsPage", "Nothing was written."))
            return
        head, sent = self._head, self.editor.to_json()
        self.set_status(translate("ReportsPage", "Writing the PDF…"))

        def work() -> tuple[Any, _Opened]:
            from hradvisor.reports.summary import write_summary  # loads reportlab

            result, recorded = write_summary(vault, definition, out, based_on=head)
            return result, _Opened(recorded, head_of(vault, recorded.id))

        self._run("pdf", work, lambda answer: self._pdf_written(answer, out, sent))

    def _pdf_written(self, answer: Answer, out: Path, sent: dict[str, Any]) -> None:
        if answer.error is not None:
            self.set_status(self._write_problem(answer.error, out), error=True)
            return
        result, opened = answer.value
        self._head = opened.head
        self.editor.mark_saved(opened.definition, sent)
        self.outputs.setPlainText(outputs_text(opened.definition))
        self._update_heading()
        self.set_status(
            translate(
                "ReportsPage",
                "Wrote {path} ({pages} pages). SHA-256 {hash} is recorded in the definition.",
            ).format(path=out, pages=result.pages, hash=result.sha256)
        )
        self.refresh(select=opened.definition.id)

    def _write_problem(self, exc: Exception, out: Path) -> str:
        if isinstance(exc, ConflictError):
            return self._save_problem(exc)
        if isinstance(exc, OSError):
            reason = user_message(exc)
            if reason.lower().startswith("cannot write the") and ": " in reason:
                reason = reason.split(": ", 1)[1]  # the path is named by our own sentence
            return translate("ReportsPage", "Nothing was written to {path}: {why}").format(
                path=out, why=reason[:1].lower() + reason[1:]
            )
        return translate("ReportsPage", "Nothing was written: {why}").format(why=user_message(exc))

    def export(self, fmt: str) -> None:
        """Export the incidents of the definition's scope, filtered by its classification."""
        vault = self._vault
        definition = self._valid_definition()
        if vault is None or definition is None or fmt not in FORMATS:
            return
        if self._busy & {"pdf", "export", "save"}:
            return
        extension = "csv" if fmt == "hxl" else fmt
        suffix = "-hxl" if fmt == "hxl" else ""
        out = self._ask_path(
            translate("ReportsPage", "Export incidents"),
            f"incidents-{definition.country or 'all'}-{definition.period_start}-"
            f"{definition.period_end}{suffix}.{extension}",
            translate("ReportsPage", "{format} files (*.{extension})").format(
                format=fmt.upper(), extension=extension
            ),
        )
        if out is None:
            return
        if not self._confirm_leaving(out, definition, translate("ReportsPage", "The export")):
            self.set_status(translate("ReportsPage", "Nothing was written."))
            return
        scope = ExportScope(
            date_from=definition.start,
            date_to=definition.end,
            country=definition.country,
            areas=definition.areas,
        )
        policy = policy_of(definition)
        self.set_status(translate("ReportsPage", "Exporting…"))
        self._run(
            "export",
            lambda: export_incidents(vault, out, fmt, scope, policy),
            lambda answer: self._exported(answer, out),
        )

    def _exported(self, answer: Answer, out: Path) -> None:
        if answer.error is not None:
            self.set_status(self._write_problem(answer.error, out), error=True)
            return
        manifest: Manifest = answer.value
        self.set_status(
            translate(
                "ReportsPage",
                "Exported {included} of {total} incidents in scope to {path}; "
                "{left} left out. What was left out and why: {manifest}",
            ).format(
                included=f"{manifest.included:,}",
                total=f"{manifest.in_scope:,}",
                path=out,
                left=f"{manifest.in_scope - manifest.included:,}",
                manifest=manifest_path(out).name,
            )
        )

    # -- locking -----------------------------------------------------------------------------------
    def clear(self) -> None:
        """On lock: drop the vault, every definition and text, the preview bytes and manifest."""
        self._generation += 1
        self._analysis_generation += 1
        self._preview_generation += 1
        self._analysis_timer.stop()
        self._vault = None
        self._definitions = []
        self._head = None
        self.kept.forget()
        self.list.clear()
        self.list_status.setText("")
        self.outputs.setPlainText("")
        self.outputs.document().clearUndoRedoStacks()
        self.editor.clear()
        self.preview.clear()
        self.heading.setText("")
        self._announce(False)
        self.set_status("")
        self.placeholder_text.setText("")
        self.stack.setCurrentWidget(self.placeholder)
