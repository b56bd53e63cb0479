"""The incident editor: one incident's form, saving, drafts and conflicts.

Guarantees, in the order a person would care about them:

* **Nothing lost silently.** While there are unsaved changes, the form is
  autosaved every few seconds to an encrypted draft (``vault.drafts``), and
  leaving the incident asks Save / Discard / Cancel. A lock by the idle timer
  or the panic key never asks: it keeps the draft, which is offered back after
  the next unlock.
* **Nothing overwritten silently.** An edit is saved with the head revision it
  started from (``update(based_on=head)``); if something else saved in between,
  the store refuses, the edit stays in its draft and the person chooses.
* **One save, one revision**, written on a worker thread; invalid input is
  refused before any write, with each message next to its field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hradvisor.model import (
    FieldError,
    Incident,
    ValidationError,
    incident_from_json,
    incident_to_json,
    neutralise_bidi,
    new_id,
)
from hradvisor.model.dates import utc_today
from hradvisor.store import ConflictError, Revision, Vault
from hradvisor.store.drafts import Draft
from hradvisor.ui.clock import local_time, utc_now
from hradvisor.ui.incidents.editor import prompts
from hradvisor.ui.incidents.editor.form import TAB_KEYS, IncidentForm
from hradvisor.ui.incidents.editor.records import (
    blank_incident,
    ignore,
    load_for_editing,
    next_draft_seq,
)
from hradvisor.ui.theme import MUTED
from hradvisor.ui.widgets import Banner, ElidedLabel, button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

DRAFT_DELAY_MS = 3000  # autosave at most this often while typing


class IncidentEditor(QWidget):
    """Edit one incident at a time. ``self.tabs`` holds the form's tabs and added panels.

    Signals: ``incident_shown(id)`` ("" for a new incident) whenever another
    incident is shown, ``saved(incident, was_new)`` after each save,
    ``back_requested()`` for Esc / the Back button, ``dirty_changed(bool)``.
    """

    incident_shown = Signal(str)
    saved = Signal(object, bool)
    back_requested = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, vault: Vault | None) -> None:
        super().__init__()
        self._vault = vault
        self.incident_id = ""
        self._head: str | None = None
        self._baseline: dict[str, Any] | None = None
        self._dirty = False
        self._saving = False
        self._loading = False
        self._after_save: Callable[[], None] | None = None
        self._pending: dict[str, Any] | None = None
        self._check_live = False
        self._draft_on_disk = False
        self._generation = 0
        self._restore_on_load = False
        self._note = ""  # shown when there is nothing unsaved ("Saved" after a save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(self._header())
        self.banner = Banner(translate("IncidentEditor", "Message about this incident"))
        layout.addWidget(self.banner)
        self.form = IncidentForm()
        self.tabs: QTabWidget = self.form
        layout.addWidget(self.form, 1)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(DRAFT_DELAY_MS)
        self._autosave.timeout.connect(self._autosave_now)
        self.form.changed.connect(self._form_changed)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save())
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested)
        self._show_state()

    def _header(self) -> QFrame:
        header = QFrame()
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.back_button = button(
            translate("IncidentEditor", "Back to the list"),
            translate("IncidentEditor", "Back to the list (Esc)"),
        )
        self.back_button.setToolTip(translate("IncidentEditor", "Back to the list (Esc)"))
        self.back_button.setIcon(qta.icon("mdi6.arrow-left", color=MUTED))
        self.back_button.clicked.connect(self.back_requested)
        self.heading = ElidedLabel("", "title")
        self.state = label("", "muted")
        self.state.setWordWrap(False)
        self.save_button = button(
            translate("IncidentEditor", "Save"),
            translate("IncidentEditor", "Save (Ctrl+S)"),
            "primary",
        )
        self.save_button.setToolTip(translate("IncidentEditor", "Save (Ctrl+S)"))
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        row.addWidget(self.back_button)
        row.addWidget(self.heading, 1)
        row.addWidget(self.state)
        row.addWidget(self.save_button)
        return header

    # -- what the section asks ----------------------------------------------------------
    def add_panel(self, title: str, widget: QWidget) -> None:
        """Add a tab after the form's own tabs.

        A widget with a ``show_incident(id)`` method is connected to ``incident_shown``
        and told about the incident shown now.
        """
        self.tabs.addTab(widget, title)
        show = getattr(widget, "show_incident", None)
        if callable(show):
            self.incident_shown.connect(show)
            show("" if self._head is None else self.incident_id)

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    @property
    def is_new(self) -> bool:
        return self._baseline is not None and self._head is None

    @property
    def title(self) -> str:
        """What to call this incident on screen (bidi controls removed)."""
        text = neutralise_bidi(self.form.title.text().strip()) if self.form.built else ""
        if text:
            return text
        if self.is_new:
            return translate("IncidentEditor", "New incident")
        return translate("IncidentEditor", "Untitled incident")

    def new_incident(self) -> None:
        """Show an empty form for a new incident (the caller has dealt with unsaved changes)."""
        today = utc_today()
        self._generation += 1
        self._show(blank_incident(new_id(), today), None)
        self.form.setCurrentIndex(0)
        self.form.title.setFocus()

    def open_incident(self, incident_id: str, *, restore_draft: bool = False) -> None:
        """Load an incident in a worker and show it; with *restore_draft*, put its draft back."""
        if self._vault is None:
            return
        self._generation += 1
        generation, vault = self._generation, self._vault
        self._loading = True
        self._restore_on_load = restore_draft
        self.banner.clear()
        self._show_state()
        run_in_background(
            lambda: (generation, incident_id, load_for_editing(vault, incident_id)),
            self._loaded,
            self._load_failed,
        )

    def _loaded(
        self, answer: tuple[int, str, tuple[Incident | None, str | None, Draft | None]]
    ) -> None:
        generation, incident_id, (incident, head, draft) = answer
        if generation != self._generation:
            return
        self._loading = False
        if incident is None and draft is None:
            self._show_state()
            self.banner.show_message(
                "error", translate("IncidentEditor", "This incident is not in the vault.")
            )
            return
        if incident is None:
            self._show(blank_incident(incident_id, utc_today()), None)
        else:
            self._show(incident_to_json(incident), head)
        if draft is None:
            return
        if self._restore_on_load:
            self.restore_draft(draft)
        else:
            self._offer_draft(draft)

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._show_state()
        self.banner.show_message("error", user_message(exc))

    def _show(self, data: dict[str, Any], head: str | None) -> None:
        self._autosave.stop()
        self.incident_id = str(data["id"])
        self._head = head
        self.form.set_json(data, today=utc_today())
        self._baseline = self.form.to_json(self.incident_id)
        self._check_live = False
        self._draft_on_disk = False
        self._note = ""
        self.banner.clear()
        self._set_dirty(False)
        self._show_state()
        focus = QApplication.focusWidget()
        if self.isVisible() and (focus is None or not self.isAncestorOf(focus)):
            self.form.title.setFocus()  # keyboard work (Esc, Ctrl+S) starts in the editor
        self.incident_shown.emit("" if head is None else self.incident_id)

    # -- drafts ---------------------------------------------------------------------
    def _offer_draft(self, draft: Draft) -> None:
        self._draft_on_disk = True
        self.banner.show_message(
            "warning",
            translate(
                "IncidentEditor", "You have an unsaved draft of this incident from {time}."
            ).format(time=local_time(draft.saved_at)),
            [
                (
                    translate("IncidentEditor", "Restore the draft"),
                    lambda: self.restore_draft(draft),
                ),
                (translate("IncidentEditor", "Discard the draft"), self._discard_offered_draft),
            ],
        )

    def restore_draft(self, draft: Draft) -> None:
        """Put *draft* in the form. Saving it is based on the version shown now."""
        data = draft.data.get("incident")
        if not isinstance(data, dict):
            self.banner.show_message(
                "error", translate("IncidentEditor", "The draft could not be read.")
            )
            return
        self.form.set_json({**data, "id": self.incident_id}, today=utc_today())
        self._draft_on_disk = True
        moved = draft.data.get("head") != self._head and self._head is not None
        if moved:
            self.banner.show_message(
                "warning",
                translate(
                    "IncidentEditor",
                    "Draft restored. This incident was changed after the draft was made: "
                    "saving the draft replaces those changes (they stay in its history).",
                ),
            )
        else:
            self.banner.clear()
        self._form_changed()

    def _discard_offered_draft(self) -> None:
        self.banner.clear()
        self._discard_draft()

    def _autosave_now(self) -> None:
        if self._dirty:
            self.keep_draft()

    def keep_draft(self, *, locking: bool = False) -> None:
        """Write the form to its encrypted draft now (on a worker), if there are unsaved changes.

        Used by the autosave timer, after a conflict and on lock: it never asks
        anything. While a save is in flight the draft is normally left to the
        save (which discards it); on lock it is written anyway, because the
        editor will not be there to hear if that save fails.
        """
        if not self._dirty or self._vault is None:
            return
        current = self.form.to_json(self.incident_id)
        if self._saving and current == self._pending and not locking:
            return  # exactly what is being saved: the save discards the draft
        drafts, name, seq = self._vault.drafts, self.incident_id, next_draft_seq()
        data = {
            "incident": current,
            "head": self._head,
            "title": self.form.title.text(),
        }
        saved_at = utc_now()
        self._draft_on_disk = True
        run_in_background(
            lambda: drafts.save(name, data, saved_at=saved_at, seq=seq),
            self._draft_kept,
            self._draft_failed,
        )

    def _draft_kept(self, _written: object) -> None:
        if self._dirty:
            self.state.setText(translate("IncidentEditor", "Unsaved changes · draft kept"))

    def _draft_failed(self, exc: BaseException) -> None:
        self.state.setText(
            translate(
                "IncidentEditor", "Unsaved changes · the draft could not be kept: {why}"
            ).format(why=user_message(exc))
        )

    def _discard_draft(self) -> None:
        if self._vault is None or not self.incident_id:
            return
        drafts, name, seq = self._vault.drafts, self.incident_id, next_draft_seq()
        self._draft_on_disk = False
        run_in_background(lambda: drafts.discard(name, seq=seq), ignore, self._draft_failed)

    # -- changes --------------------------------------------------------------------
    def _form_changed(self) -> None:
        if self._baseline is None:
            return
        current = self.form.to_json(self.incident_id)
        self._set_dirty(current != self._baseline, current)
        if self._dirty and not self._autosave.isActive():
            self._autosave.start()
        if not self._dirty and self._draft_on_disk:
            self._discard_draft()  # changed back to what is saved: no draft to keep
        if self._check_live:
            self._validate(current)
        self._verification_hint(current)

    def _set_dirty(self, dirty: bool, current: dict[str, Any] | None = None) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        current = current or (self._baseline or {})
        for index, key in enumerate(TAB_KEYS):
            differs = dirty and any(
                current.get(field) != (self._baseline or {}).get(field) for field in TAB_KEYS[key]
            )
            if self.form.built:
                title = self.form.tab_titles[index]
                self.tabs.setTabText(index, title + (" •" if differs else ""))
        self._show_state()
        if changed:
            self.dirty_changed.emit(dirty)

    def _show_state(self) -> None:
        loading = self._loading
        shown = self._baseline is not None and not loading
        self.form.setEnabled(shown)
        self.heading.set_full_text(
            translate("IncidentEditor", "Loading…")
            if loading
            else self.title + (" •" if self._dirty else "")
        )
        if self._saving:
            self.state.setText(translate("IncidentEditor", "Saving…"))
        elif self._dirty:
            self.state.setText(translate("IncidentEditor", "Unsaved changes"))
        elif self.is_new:
            self.state.setText(translate("IncidentEditor", "Not saved yet"))
        else:
            self.state.setText(self._note)
        self.save_button.setEnabled(shown and not self._saving and (self._dirty or self.is_new))

    def _verification_hint(self, current: dict[str, Any]) -> None:
        few = current.get("verification") == "verified" and len(current.get("sources", [])) < 2
        self.form.verification_hint.setText(
            translate(
                "IncidentEditor",
                "Verified with fewer than two sources: OHCHR practice asks for at least two "
                "independent, reliable sources.",
            )
            if few
            else ""
        )
        self.form.verification_hint.setVisible(few)

    # -- saving -------------------------------------------------------------------
    def _validate(self, data: dict[str, Any]) -> Incident | None:
        try:
            incident = incident_from_json(data)
        except ValidationError as exc:
            self._show_errors(list(exc.errors))
            return None
        self.form.show_errors([])
        if self.banner.kind == "error" and self._check_live:
            self.banner.clear()
        return incident

    def _show_errors(self, errors: list[FieldError]) -> None:
        unplaced = self.form.show_errors(errors)
        count = len(errors)
        text = translate(
            "IncidentEditor", "Not saved: {count} field(s) need attention (marked in red)."
        ).format(count=count)
        if unplaced:
            text += " " + "; ".join(str(error) for error in unplaced)
        self.banner.show_message("error", text)

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Validate, then write one revision on a worker; *then* runs after a successful save."""
        if self._saving or self._vault is None or self._baseline is None or self._loading:
            return
        data = self.form.to_json(self.incident_id)
        incident = self._validate(data)
        if incident is None:
            self._check_live = True
            self._focus_first_error()
            return
        if not self._dirty and not self.is_new:
            if then is not None:
                then()
            return
        self._autosave.stop()  # the save discards the draft; a later autosave must not revive it
        self._saving = True
        self._after_save = then
        self._pending = data
        self._show_state()
        incidents, drafts, head = self._vault.incidents, self._vault.drafts, self._head
        name, seq = self.incident_id, next_draft_seq()

        def write() -> tuple[Incident, Revision]:
            if head is None:
                revision = incidents.add(incident)
            else:
                revision = incidents.update(incident, based_on=head)
            drafts.discard(name, seq=seq)
            return incident, revision

        run_in_background(write, self._saved, self._save_failed)

    def _focus_first_error(self) -> None:
        for box in self.form.boxes.values():
            if box.message:
                self.form.setCurrentIndex(self.form.tab_of(box))
                box.control.setFocus()
                return

    def _saved(self, result: tuple[Incident, Revision]) -> None:
        incident, revision = result
        was_new = self._head is None
        self._saving = False
        self._head = revision.hash
        self._baseline = self._pending
        self._pending = None
        self._check_live = False
        self._draft_on_disk = False
        self.banner.clear()
        self._form_changed()
        self._note = translate("IncidentEditor", "Saved")
        self._show_state()
        self.saved.emit(incident, was_new)
        if was_new:
            self.incident_shown.emit(self.incident_id)
        then, self._after_save = self._after_save, None
        if then is not None:
            then()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._after_save = None
        self._pending = None
        self._show_state()
        if isinstance(exc, ConflictError):
            self.keep_draft()
            self.banner.show_message(
                "error",
                translate(
                    "IncidentEditor",
                    "Not saved: this incident was changed elsewhere (another window, a sync or "
                    "a restore) after you opened it. Your version is kept as an encrypted draft.",
                ),
                [
                    (translate("IncidentEditor", "Show the latest version"), self.reload_latest),
                    (translate("IncidentEditor", "Keep editing"), self.banner.clear),
                ],
            )
            return
        self.banner.show_message(
            "error", translate("IncidentEditor", "Not saved: {why}").format(why=user_message(exc))
        )

    def reload_latest(self) -> None:
        """After a conflict: show the stored version; the draft is offered to restore."""
        self._dirty = False  # the edit lives on in its draft
        self.open_incident(self.incident_id)

    # -- leaving ----------------------------------------------------------------------
    def confirm_leave(self, then: Callable[[], None]) -> None:
        """Run *then* once unsaved changes are saved or discarded; nothing if the person cancels."""
        if not self._dirty:
            then()
            return
        choice = prompts.ask_unsaved(self, self.title)
        if choice is prompts.Choice.SAVE:
            self.save(then=then)
        elif choice is prompts.Choice.DISCARD:
            self.discard_changes()
            then()

    def discard_changes(self) -> None:
        """Forget the unsaved changes and their draft; the form shows what is saved."""
        if self._baseline is not None:
            self.form.set_json(self._baseline, today=utc_today())
        self._autosave.stop()
        self._discard_draft()
        self.banner.clear()
        self._set_dirty(False)

    def forget(self) -> None:
        """On lock: empty every field (and their undo history) and let go of the vault."""
        self._autosave.stop()
        self._generation += 1
        self._vault = None
        if self.form.built:
            self.form.set_json(blank_incident("", utc_today()), today=utc_today())
        self._baseline = None
        self._pending = None
        self.incident_id = ""
        self._head = None
        self._dirty = False
        self.banner.clear()
        self._show_state()
