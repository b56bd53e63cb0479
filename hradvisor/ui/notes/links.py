"""The incidents a note is linked to: listed by title, linked through the picker.

A small widget of its own so the note editor stays about the note. It holds
ids and titles only, and ``set_links([])`` empties it.
"""

from __future__ import annotations

from collections.abc import Sequence

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hradvisor.store import Vault
from hradvisor.ui.notes.picker import IncidentPicker
from hradvisor.ui.widgets import button

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

ID_ROLE = Qt.ItemDataRole.UserRole
Link = tuple[str, str | None]  # (incident id, title, or None for one not in this vault)


class LinkedIncidents(QWidget):
    """Linked incidents with Link…, Open and Unlink.

    Emits ``changed()`` when the user links or unlinks, and
    ``incident_requested(id)`` when one is opened (Enter, double-click, Open).
    """

    changed = Signal()
    incident_requested = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("Notes", "Linked incidents"))
        self.list.setFixedHeight(112)  # beside the three buttons, about four rows
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemActivated.connect(self._open)
        self.list.currentRowChanged.connect(self._update_buttons)
        row.addWidget(self.list, 1, Qt.AlignmentFlag.AlignTop)
        self._buttons(row)
        unlink = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        unlink.setContext(Qt.ShortcutContext.WidgetShortcut)
        unlink.activated.connect(self.unlink_selected)
        self._update_buttons()

    def _buttons(self, row: QHBoxLayout) -> None:
        column = QVBoxLayout()
        row.addLayout(column)  # attached before it is filled: see editor.py _form
        column.setSpacing(4)
        self.link_button = button(
            translate("Notes", "&Link…"), translate("Notes", "Link incidents to this note")
        )
        self.link_button.setIcon(qta.icon("mdi6.link-plus"))
        self.link_button.clicked.connect(self.choose)
        self.open_button = button(
            translate("Notes", "&Open"), translate("Notes", "Open the selected incident")
        )
        self.open_button.setIcon(qta.icon("mdi6.open-in-app"))
        self.open_button.clicked.connect(self.open_selected)
        self.unlink_button = button(
            translate("Notes", "&Unlink"), translate("Notes", "Unlink the selected incident")
        )
        self.unlink_button.setIcon(qta.icon("mdi6.link-off"))
        self.unlink_button.clicked.connect(self.unlink_selected)
        for widget in (self.link_button, self.open_button, self.unlink_button):
            column.addWidget(widget)
        column.addStretch(1)

    # -- the links ------------------------------------------------------------------------
    def ids(self) -> list[str]:
        return [str(self.list.item(row).data(ID_ROLE)) for row in range(self.list.count())]

    def links(self) -> list[Link]:
        """(id, title shown) of each linked incident, in order."""
        return [
            (str(self.list.item(row).data(ID_ROLE)), self.list.item(row).text())
            for row in range(self.list.count())
        ]

    def set_links(self, links: Sequence[Link]) -> None:
        """Show exactly *links* (no ``changed`` signal: this is loading, not editing)."""
        self.list.clear()
        for incident_id, title in links:
            self._append(incident_id, title)
        self._update_buttons()

    def add_links(self, links: Sequence[Link]) -> None:
        """Link the incidents not linked yet; ``changed`` if any was."""
        present = set(self.ids())
        added = False
        for incident_id, title in links:
            if incident_id not in present:
                self._append(incident_id, title)
                present.add(incident_id)
                added = True
        if added:
            self.changed.emit()
        self._update_buttons()

    def unlink_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()
        self._update_buttons()

    def choose(self) -> None:
        """Pick incidents to link, in a small search dialog."""
        picker = IncidentPicker(self._vault, self, exclude=self.ids())
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.add_links(picker.chosen())
        picker.clear()
        picker.deleteLater()

    def open_selected(self) -> None:
        self._open(self.list.currentItem())

    # -- inside ---------------------------------------------------------------------------
    def _append(self, incident_id: str, title: str | None) -> None:
        text = title if title is not None else translate("Notes", "(incident not in this vault)")
        item = QListWidgetItem(qta.icon("mdi6.file-document-outline"), text)
        item.setData(ID_ROLE, incident_id)
        item.setToolTip(text)
        self.list.addItem(item)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.incident_requested.emit(str(item.data(ID_ROLE)))

    def _update_buttons(self, *_args: object) -> None:
        selected = self.list.currentRow() >= 0
        self.open_button.setEnabled(selected)
        self.unlink_button.setEnabled(selected)
