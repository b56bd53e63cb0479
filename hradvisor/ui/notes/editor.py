"""The field-note editor: date, title, text, sensitivity, tags and linked incidents.

Shared by the Notes section and the Notes tab of an incident. Input is checked
by the model's own ``note_from_json`` before anything is written, and each
problem is shown under the field it concerns. Saving names the version the
edit started from (``based_on``), so a note changed meanwhile elsewhere is
never silently overwritten. Loading and saving run on workers; ``clear()``
empties every field (and the text's undo history) on lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hradvisor.model import FieldError, FieldNote, ValidationError, note_from_json, vocabulary
from hradvisor.store import Vault
from hradvisor.store.errors import ConflictError, NotFound
from hradvisor.ui.answers import Answer, no_failure, tagged
from hradvisor.ui.field_messages import message_text
from hradvisor.ui.notes.links import LinkedIncidents
from hradvisor.ui.widgets import button, label, name_parts
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


@dataclass(frozen=True)
class LoadedNote:
    """A note read for editing: the note, its head revision and its linked incidents' titles."""

    note: FieldNote
    head: str | None
    links: tuple[tuple[str, str | None], ...]  # (incident id, title or None if not in the vault)


def load_note(vault: Vault, note_id: str) -> LoadedNote:
    """On a worker: a note, the revision an edit of it is based on, and its links' titles."""
    note = vault.notes.get(note_id)
    history = vault.notes.history(note_id)
    return LoadedNote(
        note, history[-1].hash if history else None, link_titles(vault, note.incident_ids)
    )


def link_titles(vault: Vault, incident_ids: Sequence[str]) -> tuple[tuple[str, str | None], ...]:
    """On a worker: the title of each incident id (None for one not in this vault)."""
    links: list[tuple[str, str | None]] = []
    for incident_id in incident_ids:
        try:
            links.append((incident_id, vault.incidents.get(incident_id).title))
        except NotFound:
            links.append((incident_id, None))
    return tuple(links)


class NoteEditor(QWidget):
    """Edits one field note.

    Signals: ``saved(note)`` after a save, ``save_failed()`` when one was
    refused, ``incident_requested(id)`` when a linked incident is opened,
    ``dirty_changed(bool)`` when unsaved changes appear or go.
    """

    saved = Signal(object)
    save_failed = Signal()
    incident_requested = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._note_id: str | None = None
        self._head: str | None = None
        self._dirty = False
        self._filling = False
        self._saving = False
        self._generation = 0
        self._errors: dict[str, QLabel] = {}
        self.setAccessibleName(translate("Notes", "Field note"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = label("", "title")
        layout.addWidget(self.heading)
        self._form(layout)
        self.message = label("")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self._buttons(layout)
        self._shortcuts()
        self._connect_dirty()
        self.setEnabled(False)

    # -- building -------------------------------------------------------------------
    def _form(self, layout: QVBoxLayout) -> None:
        """Captions on the left, fields on the right; the text row takes the spare height.

        The grid is attached to *layout* before widgets go in, so each widget
        is owned by this editor at once. A grid filled while detached kept
        its own list of children in PySide 6.12, which dangled after the
        editor was deleted and crashed the garbage collector (seen in tests).
        """
        form = QGridLayout()
        layout.addLayout(form, 1)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(12)
        form.setColumnStretch(1, 1)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(translate("Notes", "Date of the note"))
        self.date.setMinimumWidth(140)
        name_parts(self.date, translate("Notes", "Date of the note"))
        self.title = QLineEdit()
        self.title.setAccessibleName(translate("Notes", "Title"))
        self.title.setPlaceholderText(translate("Notes", "e.g. Meeting with displaced families"))
        self.sensitivity = QComboBox()
        self.sensitivity.setAccessibleName(translate("Notes", "Sensitivity"))
        for code in vocabulary("sensitivity").codes:
            self.sensitivity.addItem(vocabulary("sensitivity").label(code), code)
        self.tags = QLineEdit()
        self.tags.setAccessibleName(translate("Notes", "Tags, separated by commas"))
        self.tags.setPlaceholderText(translate("Notes", "Separate tags with commas"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(translate("Notes", "Text of the note"))
        self.text.setPlaceholderText(translate("Notes", "What was seen, heard and agreed."))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(120)
        rows: tuple[tuple[str, str, QWidget], ...] = (
            ("date", translate("Notes", "&Date"), self.date),
            ("title", translate("Notes", "&Title"), self.title),
            ("sensitivity", translate("Notes", "Sensiti&vity"), self.sensitivity),
            ("tags", translate("Notes", "Ta&gs"), self.tags),
            ("text", translate("Notes", "Te&xt"), self.text),
            ("incident_ids", translate("Notes", "&Incidents"), self._links_box()),
        )
        for number, (key, caption, widget) in enumerate(rows):
            top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
            form.addWidget(self._caption(caption, widget), number, 0, top)
            form.addWidget(self._with_error(key, widget), number, 1)
            if key == "text":
                form.setRowStretch(number, 1)

    @staticmethod
    def _caption(text: str, widget: QWidget) -> QLabel:
        caption = QLabel(text)
        caption.setBuddy(self_focus(widget))
        caption.setContentsMargins(0, 5, 0, 0)  # level with the first line of the field
        return caption

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        """The field with a red line under it that names its problem, hidden when there is none."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        short = widget in (self.date, self.sensitivity)
        column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft if short else Qt.AlignmentFlag(0))
        error = label("", "error")
        error.setVisible(False)
        error.setAccessibleName(translate("Notes", "Problem with this field"))
        column.addWidget(error)
        self._errors[key] = error
        if key == "text":
            column.setStretch(0, 1)
        return box

    def _links_box(self) -> QWidget:
        self.linked = LinkedIncidents(self._vault)
        self.linked.changed.connect(self._changed)
        self.linked.incident_requested.connect(self.incident_requested)
        # the parts, by the names the pages and tests use
        self.links = self.linked.list
        self.link_button = self.linked.link_button
        self.open_link_button = self.linked.open_button
        self.unlink_button = self.linked.unlink_button
        return self.linked

    def _buttons(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        layout.addLayout(row)  # attached before it is filled: see _form
        self.state = label("", "muted")
        row.addWidget(self.state, 1)
        self.discard_button = button(
            translate("Notes", "Discard changes"), translate("Notes", "Discard unsaved changes")
        )
        self.discard_button.clicked.connect(self.revert)
        self.save_button = button(
            translate("Notes", "&Save"), translate("Notes", "Save the note (Ctrl+S)"), "primary"
        )
        self.save_button.setToolTip(translate("Notes", "Save the note (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.discard_button)
        row.addWidget(self.save_button)

    def _shortcuts(self) -> None:
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)

    def _connect_dirty(self) -> None:
        self.date.dateChanged.connect(self._changed)
        self.title.textChanged.connect(self._changed)
        self.sensitivity.currentIndexChanged.connect(self._changed)
        self.tags.textChanged.connect(self._changed)
        self.text.textChanged.connect(self._changed)

    # -- what pages call ----------------------------------------------------------------
    @property
    def note_id(self) -> str | None:
        return self._note_id

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def new_note(self, links: Sequence[tuple[str, str | None]] = ()) -> None:
        """Start a new note dated today, linked to *links* ((incident id, title) pairs)."""
        self._generation += 1
        self._fill(None, None, None, links)
        self.heading.setText(translate("Notes", "New note"))
        self.setEnabled(True)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_note(self, note_id: str) -> None:
        """Load *note_id* for editing (on a worker)."""
        self._generation += 1
        generation, vault = self._generation, self._vault
        self.setEnabled(False)
        self.state.setText(translate("Notes", "Opening the note…"))
        run_in_background(
            tagged(generation, note_id, lambda: load_note(vault, note_id)), self._loaded, no_failure
        )

    def revert(self) -> None:
        """Throw away the unsaved changes: back to the saved note (or an empty new one)."""
        if self._note_id is not None and self._head is not None:
            self.edit_note(self._note_id)
        else:
            self._fill(None, None, None, self.linked.links())

    def discard_changes(self) -> None:
        """Forget unsaved changes without asking (the lead calls this on lock)."""
        self._set_dirty(False)

    def clear(self) -> None:
        """On lock: empty every field and the text's undo history; ignore late answers."""
        self._generation += 1
        self._fill(None, None, None, ())
        self.heading.clear()
        self.state.clear()
        self.setEnabled(False)

    forget = clear

    def linked_ids(self) -> list[str]:
        return self.linked.ids()

    # -- loading --------------------------------------------------------------------------
    def _loaded(self, answer: Answer) -> None:
        if answer.generation != self._generation:
            return
        if answer.error is not None:
            self.state.clear()
            self._say(
                translate("Notes", "The note could not be opened: {why}").format(
                    why=user_message(answer.error)
                ),
                error=True,
            )
            return
        loaded: LoadedNote = answer.value
        self._fill(loaded.note, loaded.note.id, loaded.head, loaded.links)
        self.heading.setText(translate("Notes", "Note of {date}").format(date=loaded.note.date))
        self.setEnabled(True)

    def _fill(
        self,
        note: FieldNote | None,
        note_id: str | None,
        head: str | None,
        links: Sequence[tuple[str, str | None]],
    ) -> None:
        """Put *note* (or empty values) in the fields without marking them changed."""
        self._filling = True
        try:
            self._note_id, self._head = note_id, head
            today = QDate.currentDate()
            self.date.setMaximumDate(today)
            self.date.setDate(QDate.fromString(note.date, "yyyy-MM-dd") if note else today)
            self.title.setText(note.title if note else "")
            sensitivity = note.sensitivity if note else "confidential"
            self.sensitivity.setCurrentIndex(max(0, self.sensitivity.findData(sensitivity)))
            self.tags.setText(", ".join(note.tags) if note else "")
            self.text.setPlainText(note.text if note else "")  # also clears the undo history
            self.linked.set_links(links)
        finally:
            self._filling = False
        self._show_errors([])
        self._say("")
        self._set_dirty(False)

    # -- links ------------------------------------------------------------------------------
    def choose_incidents(self) -> None:
        """Pick incidents to link, in a small search dialog."""
        self.linked.choose()

    def add_links(self, links: Sequence[tuple[str, str | None]]) -> None:
        self.linked.add_links(links)

    def unlink_selected(self) -> None:
        self.linked.unlink_selected()

    # -- saving ---------------------------------------------------------------------------
    def note_json(self) -> dict[str, object]:
        """The note as the fields describe it, in the JSON form the model validates."""
        data: dict[str, object] = {
            "date": self.date.date().toString("yyyy-MM-dd"),
            "title": self.title.text().strip(),
            "text": self.text.toPlainText(),
            "incident_ids": self.linked_ids(),
            "sensitivity": self.sensitivity.currentData(),
            "tags": [tag.strip() for tag in self.tags.text().split(",") if tag.strip()],
        }
        if self._note_id is not None:
            data["id"] = self._note_id
        return data

    def save(self) -> bool:
        """Check the fields; if they are valid, save on a worker. True if a save started."""
        if not self.isEnabled() or self._saving:
            return False
        try:  # "not in the future" as the adviser's own calendar says, not UTC's
            note = note_from_json(self.note_json(), today=dt.date.today())
        except ValidationError as exc:
            self._show_errors(list(exc.errors))
            self._say(
                translate("Notes", "Not saved: correct the fields marked in red."), error=True
            )
            return False
        self._show_errors([])
        self._saving = True
        self.save_button.setEnabled(False)
        self.state.setText(translate("Notes", "Saving…"))
        generation, notes, head = self._generation, self._vault.notes, self._head
        run_in_background(
            tagged(generation, note, lambda: notes.save(note, based_on=head).hash),
            self._saved,
            no_failure,
        )
        return True

    def _saved(self, answer: Answer) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if answer.generation != self._generation:
            return
        if answer.error is not None:
            self.state.setText(translate("Notes", "Unsaved changes"))
            self._say(_save_problem(answer.error), error=True)
            self.save_failed.emit()
            return
        note: FieldNote = answer.request
        head: str = answer.value
        self._note_id, self._head = note.id, head
        self.heading.setText(translate("Notes", "Note of {date}").format(date=note.date))
        self._set_dirty(False)
        self._say(translate("Notes", "Saved."))
        self.saved.emit(note)

    # -- state ------------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if not self._filling:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self.state.setText(translate("Notes", "Unsaved changes") if dirty else "")
        self.discard_button.setEnabled(dirty)
        if changed:
            self.dirty_changed.emit(dirty)

    def _show_errors(self, errors: list[FieldError]) -> None:
        """Each problem under its field; problems of no known field go to the message line."""
        by_field: dict[str, list[str]] = {}
        for error in errors:
            key = error.path.split("[")[0].split(".")[0]
            by_field.setdefault(key if key in self._errors else "", []).append(
                message_text(error.message)
            )
        for key, widget in self._errors.items():
            messages = by_field.get(key, [])
            widget.setText("; ".join(dict.fromkeys(messages)).capitalize())
            widget.setVisible(bool(messages))
        if by_field.get(""):
            self._say("; ".join(by_field[""]), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))


def _save_problem(exc: Exception) -> str:
    """Why a save failed, with what to do about a note changed elsewhere."""
    if isinstance(exc, ConflictError):
        return translate(
            "Notes",
            "Not saved: this note was changed elsewhere since you opened it. Copy your text, "
            "press Discard changes to see the other version, then apply your changes again.",
        )
    return translate("Notes", "Not saved: {why}").format(why=user_message(exc))


def self_focus(widget: QWidget) -> QWidget:
    """The widget a caption's mnemonic should focus: the first focusable part of *widget*."""
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        return widget
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus:
            return child
    return widget


def ask_to_keep(parent: QWidget) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel, for unsaved changes about to be left behind."""
    return QMessageBox.question(
        parent,
        translate("Notes", "Unsaved changes"),
        translate("Notes", "This note has changes that are not saved. Save them first?"),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
