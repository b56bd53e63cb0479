"""The Notes section: field notes newest first, a filter, and the note editor beside them.

Notes are read on a worker (``vault.notes.recent()``); the filter runs over
the notes already loaded, so typing never waits for the vault. Leaving a note
with unsaved changes asks first (Save, Discard, Cancel). ``clear()`` drops
every note held, for the lock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hradvisor.model import FieldNote
from hradvisor.store import Vault
from hradvisor.ui.answers import Answer, no_failure, tagged
from hradvisor.ui.notes.editor import NoteEditor, ask_to_keep
from hradvisor.ui.notes.listing import ID_ROLE, fill_list, matches, row_of, search_text, style_list
from hradvisor.ui.widgets import button, label, name_parts
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

RECENT = 500


class NotesPage(QWidget):
    """Field notes: list, filter and editor.

    Emits ``incident_requested(id)`` when a linked incident is opened, and
    ``dirty_changed(bool)`` when the note being edited gains or loses unsaved
    changes.
    """

    incident_requested = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._notes: list[FieldNote] = []
        self._haystacks: list[str] = []  # search_text of each note, same order
        self._generation = 0
        self._pending: Callable[[], None] | None = None  # what to do once a save is through
        self.setAccessibleName(translate("Notes", "Field notes"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._list_column())
        splitter.addWidget(self._editor_column())
        splitter.setSizes([320, 640])
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)
        self._shortcuts()
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _list_column(self) -> QWidget:
        column = QWidget()
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 8, 0)
        box.setSpacing(8)
        self.new_button = button(
            translate("Notes", "&New note"),
            translate("Notes", "New note (Ctrl+Shift+N)"),
            "primary",
        )
        self.new_button.setIcon(qta.icon("mdi6.note-plus-outline", color="white"))
        self.new_button.setToolTip(translate("Notes", "New note (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(lambda: self.new_note())
        box.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("Notes", "Filter notes… (Ctrl+F)"))
        self.filter.setAccessibleName(translate("Notes", "Filter notes"))
        self.filter.setClearButtonEnabled(True)
        name_parts(self.filter, translate("Notes", "Clear the filter"))
        self.filter.textChanged.connect(self._apply_filter)
        box.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("Notes", "Notes, newest first"))
        style_list(self.list)
        self.list.currentItemChanged.connect(self._selection_changed)
        box.addWidget(self.list, 1)
        self.count = label("", "muted")
        box.addWidget(self.count)
        return column

    def _editor_column(self) -> QWidget:
        self.stack = QStackedWidget()
        self.empty = label("", "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.editor = NoteEditor(self._vault)
        self.editor.saved.connect(self._saved)
        self.editor.save_failed.connect(self._forget_pending)
        self.editor.incident_requested.connect(self.incident_requested)
        self.editor.dirty_changed.connect(self.dirty_changed)
        self.stack.addWidget(self.editor)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(8, 0, 0, 0)
        box.addWidget(self.stack)
        return holder

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        new = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        new.setContext(context)
        new.activated.connect(lambda: self.new_note())
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(context)
        find.activated.connect(self._focus_filter)

    # -- what the shell calls ----------------------------------------------------------
    def refresh(self) -> None:
        """Read the notes again, newest first."""
        self._generation += 1
        generation, notes = self._generation, self._vault.notes
        self.count.setText(translate("Notes", "Loading notes…"))
        run_in_background(
            tagged(generation, None, lambda: notes.recent(limit=RECENT)), self._loaded, no_failure
        )

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    def discard_changes(self) -> None:
        self._pending = None
        self.editor.discard_changes()

    def clear(self) -> None:
        """On lock: drop every note, the filter and the editor's fields."""
        self._generation += 1
        self._pending = None
        self._notes, self._haystacks = [], []
        self.list.clear()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.blockSignals(False)
        self.count.clear()
        self.editor.clear()
        self._show_empty()

    forget = clear

    @property
    def notes(self) -> list[FieldNote]:
        """The notes loaded, newest first."""
        return list(self._notes)

    def new_note(self, links: Sequence[tuple[str, str | None]] = ()) -> None:
        """Start a new note (after asking about unsaved changes), linked to *links*."""
        if not self._may_leave(lambda: self.new_note(links)):
            return
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.editor.new_note(links)
        self.stack.setCurrentWidget(self.editor)

    def open_note(self, note_id: str) -> None:
        """Show *note_id* in the editor (after asking about unsaved changes)."""
        if note_id == self.editor.note_id:
            return
        if not self._may_leave(lambda: self.open_note(note_id)):
            self._select(self.editor.note_id)
            return
        self._select(note_id)
        self.editor.edit_note(note_id)
        self.stack.setCurrentWidget(self.editor)

    # -- answers -------------------------------------------------------------------------
    def _loaded(self, answer: Answer) -> None:
        if answer.generation != self._generation:
            return
        if answer.error is not None:
            self.count.setText(
                translate("Notes", "The notes could not be read: {why}").format(
                    why=user_message(answer.error)
                )
            )
            return
        self._notes = answer.value
        self._haystacks = [search_text(note) for note in self._notes]
        self._apply_filter()
        if self.stack.currentWidget() is not self.editor:
            self._show_empty()

    def _saved(self, note: FieldNote) -> None:
        pending, self._pending = self._pending, None
        self.refresh()
        self._select(note.id)
        if pending is not None:
            pending()

    def _forget_pending(self) -> None:
        self._pending = None

    # -- selection and filter ---------------------------------------------------------------
    def _apply_filter(self) -> None:
        query = self.filter.text()
        shown = [
            note
            for note, haystack in zip(self._notes, self._haystacks, strict=True)
            if matches(haystack, query)
        ]
        fill_list(self.list, shown, self.editor.note_id)
        total = len(self._notes)
        if query.strip():
            text = translate("Notes", "{shown} of {total} notes").format(
                shown=len(shown), total=total
            )
        elif total == 1:
            text = translate("Notes", "1 note")
        else:
            text = translate("Notes", "{total} notes").format(total=total)
        self.count.setText(text)

    def _selection_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is not None:
            self.open_note(str(current.data(ID_ROLE)))

    def _select(self, note_id: str | None) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(row_of(self.list, note_id))
        self.list.blockSignals(False)

    def _may_leave(self, then: Callable[[], None]) -> bool:
        """True if the editor may show something else now; asks when there are unsaved changes.

        "Save" starts the save and returns False; *then* runs once the save is through.
        """
        if not self.editor.has_unsaved_changes():
            return True
        answer = ask_to_keep(self)
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.discard_changes()
            return True
        if answer == QMessageBox.StandardButton.Save and self.editor.save():
            self._pending = then
        return False

    def _focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _show_empty(self) -> None:
        self.empty.setText(
            translate("Notes", "Choose a note on the left, or press New note (Ctrl+Shift+N).")
            if self._notes
            else translate(
                "Notes",
                "No field notes yet — press New note (Ctrl+Shift+N) to write down a "
                "meeting or a visit.",
            )
        )
        self.stack.setCurrentWidget(self.empty)
