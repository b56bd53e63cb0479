"""How notes appear in a list, and the search over them, shared by the Notes views."""

from __future__ import annotations

from collections.abc import Iterable

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from hradvisor.model import FieldNote, vocabulary
from hradvisor.ui.theme import DANGER, MUTED

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

ID_ROLE = Qt.ItemDataRole.UserRole


def note_item(note: FieldNote) -> QListWidgetItem:
    """Title on the first line; date, sensitivity and links on the second."""
    links = len(note.incident_ids)
    parts = [note.date, vocabulary("sensitivity").label(note.sensitivity)]
    if links == 1:
        parts.append(translate("Notes", "1 incident"))
    elif links:
        parts.append(translate("Notes", "{count} incidents").format(count=links))
    item = QListWidgetItem(f"{note.title}\n{' · '.join(parts)}")
    item.setData(ID_ROLE, note.id)
    item.setToolTip(note.title)
    strict = note.sensitivity == "strictly-confidential"
    item.setIcon(
        qta.icon(
            "mdi6.shield-lock-outline" if strict else "mdi6.note-text-outline",
            color=DANGER if strict else MUTED,
            color_selected="white",
        )
    )
    return item


def search_text(note: FieldNote) -> str:
    """What the filter looks in: date, title, text and tags, case-folded once per load."""
    return " ".join((note.date, note.title, note.text, *note.tags)).casefold()


def matches(haystack: str, query: str) -> bool:
    """True if every word of *query* appears in *haystack* (from ``search_text``)."""
    return all(word in haystack for word in query.casefold().split())


def fill_list(widget: QListWidget, notes: Iterable[FieldNote], select: str | None) -> None:
    """Replace the rows of *widget* with *notes*, keeping *select* selected if it is there."""
    widget.blockSignals(True)
    try:
        widget.clear()
        for note in notes:
            widget.addItem(note_item(note))
            if note.id == select:
                widget.setCurrentRow(widget.count() - 1)
    finally:
        widget.blockSignals(False)


def row_of(widget: QListWidget, note_id: str | None) -> int:
    """The row showing *note_id*, or -1."""
    for row in range(widget.count()):
        if widget.item(row).data(ID_ROLE) == note_id:
            return row
    return -1


def style_list(widget: QListWidget) -> None:
    """Two-line rows with room to breathe, no sideways scrolling."""
    widget.setWordWrap(True)
    widget.setAlternatingRowColors(True)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setStyleSheet("QListWidget::item { padding: 6px 2px; }")
