"""The Notes tab of the incident editor: the field notes linked to one incident.

The list and the note editor share the tab (a stack): opening a note or
"New note about this incident" shows the editor, saving or going back shows
the list again. The lead's editor asks ``has_unsaved_changes()`` before it
moves to another incident; ``show_incident`` itself drops unsaved changes.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hradvisor.model import FieldNote
from hradvisor.store import Vault
from hradvisor.ui.answers import Answer, no_failure, tagged
from hradvisor.ui.notes.editor import NoteEditor, ask_to_keep
from hradvisor.ui.notes.listing import ID_ROLE, fill_list, style_list
from hradvisor.ui.widgets import button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class IncidentNotesPanel(QWidget):
    """Notes linked to one incident, with "New note about this incident".

    Emits ``incident_requested(id)`` when a linked incident is opened from a
    note, ``notes_changed(count)`` when the number of linked notes is known,
    and ``dirty_changed(bool)`` when the note being edited gains or loses
    unsaved changes (to mark the tab).
    """

    incident_requested = Signal(str)
    notes_changed = Signal(int)
    dirty_changed = Signal(bool)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._incident_id = ""
        self._incident_title: str | None = None
        self._notes: list[FieldNote] = []
        self._generation = 0
        self.setAccessibleName(translate("Notes", "Notes about this incident"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._list_page())
        self.stack.addWidget(self._editor_page())
        layout.addWidget(self.stack)
        self._show_list()

    def _list_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        row = QHBoxLayout()
        box.addLayout(row)  # attached before it is filled: see editor.py _form
        self.count = label("", "muted")
        row.addWidget(self.count, 1)
        self.new_button = button(
            translate("Notes", "&New note about this incident"),
            translate("Notes", "New note about this incident"),
            "primary",
        )
        self.new_button.setIcon(qta.icon("mdi6.note-plus-outline", color="white"))
        self.new_button.clicked.connect(self.new_note)
        row.addWidget(self.new_button)
        self.list_stack = QStackedWidget()
        self.empty = label("", "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("Notes", "Notes about this incident"))
        style_list(self.list)
        self.list.itemActivated.connect(self._activated)
        self.list_stack.addWidget(self.empty)
        self.list_stack.addWidget(self.list)
        box.addWidget(self.list_stack, 1)
        return page

    def _editor_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.back_button = button(
            translate("Notes", "← &Back to the notes"),
            translate("Notes", "Back to the notes about this incident"),
        )
        self.back_button.clicked.connect(self.back)
        box.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.editor = NoteEditor(self._vault)
        self.editor.saved.connect(self._saved)
        self.editor.incident_requested.connect(self.incident_requested)
        self.editor.dirty_changed.connect(self.dirty_changed)
        box.addWidget(self.editor, 1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), page)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)
        return page

    # -- what the incident editor calls ---------------------------------------------------
    def show_incident(self, incident_id: str) -> None:
        """List the notes about *incident_id* ("" for a new, unsaved incident)."""
        self._generation += 1
        self._incident_id, self._incident_title = incident_id, None
        self._notes = []
        self.list.clear()
        self.editor.clear()
        self._show_list()
        if incident_id:
            self.refresh()

    def refresh(self) -> None:
        if not self._incident_id:
            return
        self._generation += 1
        generation, notes, incident_id = self._generation, self._vault.notes, self._incident_id
        self.count.setText(translate("Notes", "Loading notes…"))
        incidents = self._vault.incidents
        run_in_background(
            tagged(
                generation,
                incident_id,
                lambda: (notes.for_incident(incident_id), incidents.get(incident_id).title),
            ),
            self._loaded,
            no_failure,
        )

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    def discard_changes(self) -> None:
        self.editor.discard_changes()

    def clear(self) -> None:
        """On lock: drop the notes and the editor's fields; ignore late answers."""
        self._generation += 1
        self._incident_id, self._incident_title = "", None
        self._notes = []
        self.list.clear()
        self.editor.clear()
        self._show_list()

    forget = clear

    @property
    def notes(self) -> list[FieldNote]:
        return list(self._notes)

    def new_note(self) -> None:
        """A new note already linked to this incident."""
        if not self._incident_id:
            return
        title = self._incident_title or translate("Notes", "This incident")
        self.editor.new_note([(self._incident_id, title)])
        self.stack.setCurrentIndex(1)

    def open_note(self, note_id: str) -> None:
        self.editor.edit_note(note_id)
        self.stack.setCurrentIndex(1)

    def back(self) -> None:
        """Back to the list, asking first about unsaved changes."""
        if self.editor.has_unsaved_changes():
            answer = ask_to_keep(self)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.editor.save()  # the list comes back when it is saved
                return
            self.editor.discard_changes()
        self.editor.clear()
        self._show_list()

    # -- answers --------------------------------------------------------------------------
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
        notes: list[FieldNote]
        notes, self._incident_title = answer.value
        self._notes = notes
        fill_list(self.list, notes, None)
        self._show_list()
        self.notes_changed.emit(len(notes))

    def _saved(self, _note: FieldNote) -> None:
        self.editor.clear()
        self._show_list()
        self.refresh()

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_note(str(item.data(ID_ROLE)))

    def _show_list(self) -> None:
        self.stack.setCurrentIndex(0)
        self.new_button.setEnabled(bool(self._incident_id))
        count = len(self._notes)
        if not self._incident_id:
            self.count.clear()
            self.empty.setText(
                translate("Notes", "Save the incident first, then write notes about it.")
            )
        elif count == 0:
            self.count.setText(translate("Notes", "No notes"))
            self.empty.setText(
                translate(
                    "Notes",
                    "No field notes mention this incident yet — press New note about this "
                    "incident to write one.",
                )
            )
        else:
            self.count.setText(
                translate("Notes", "1 note about this incident")
                if count == 1
                else translate("Notes", "{count} notes about this incident").format(count=count)
            )
        self.list_stack.setCurrentIndex(1 if count else 0)
