"""A small dialog to find incidents and link them to a note.

Searching uses the same full-text query as the incident list, on a worker,
after a pause in typing; an answer for an older search is dropped. Rows hold
only what is shown: title, date and area.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hradvisor.model import area_name
from hradvisor.store import Vault
from hradvisor.store.queries import IncidentFilter
from hradvisor.ui.answers import Answer, no_failure, tagged
from hradvisor.ui.notes.listing import style_list
from hradvisor.ui.widgets import label, name_parts
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

DEBOUNCE_MS = 250
RESULTS = 50
ID_ROLE = Qt.ItemDataRole.UserRole
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Found:
    """One incident as the picker lists it."""

    id: str
    title: str
    date: str
    area: str


def find_incidents(vault: Vault, text: str, limit: int = RESULTS) -> list[Found]:
    """On a worker: incidents matching *text* (the most recent when it is empty)."""
    page = vault.queries.page(IncidentFilter(text=text.strip() or None), limit=limit)
    return [
        Found(i.id, i.title, i.date, area_name(i.location.country, i.location.admin1))
        for i in page.items
    ]


class IncidentPicker(QDialog):
    """Search incidents and choose one or more; ``chosen()`` gives (id, title) pairs."""

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, *, exclude: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._exclude = set(exclude)
        self._generation = 0
        self.setWindowTitle(translate("Notes", "Link incidents"))
        self.resize(560, 460)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Notes", "Search incidents by words…"))
        self.search.setAccessibleName(translate("Notes", "Search incidents"))
        self.search.setClearButtonEnabled(True)
        name_parts(self.search, translate("Notes", "Clear the search"))
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.setAccessibleName(translate("Notes", "Incidents found"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        style_list(self.results)
        self.results.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.results, 1)
        self.status = label("", "muted")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.link_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.link_button.setText(translate("Notes", "Link"))
        self.link_button.setAccessibleName(translate("Notes", "Link the selected incidents"))
        self.link_button.setProperty("role", "primary")
        self.link_button.setIcon(QIcon())
        self.link_button.setEnabled(False)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(translate("Notes", "Cancel"))
        cancel.setIcon(QIcon())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.results.itemSelectionChanged.connect(
            lambda: self.link_button.setEnabled(bool(self.results.selectedItems()))
        )
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search).activated.connect(self._into_results)
        self.run_search()

    def run_search(self) -> None:
        """Search now for what the field says."""
        self._debounce.stop()
        self._generation += 1
        generation, vault, text = self._generation, self._vault, self.search.text()
        self.status.setText(translate("Notes", "Searching…"))
        run_in_background(
            tagged(generation, text, lambda: find_incidents(vault, text)), self._found, no_failure
        )

    def _found(self, answer: Answer) -> None:
        if answer.generation != self._generation:
            return
        if answer.error is not None:
            self.status.setText(
                translate("Notes", "Search failed: {why}").format(why=user_message(answer.error))
            )
            return
        found: list[Found] = answer.value
        self.results.clear()
        for item in found:
            if item.id in self._exclude:
                continue
            row = QListWidgetItem(f"{item.title}\n{item.date} · {item.area}")
            row.setData(ID_ROLE, item.id)
            row.setData(TITLE_ROLE, item.title)
            self.results.addItem(row)
        count = self.results.count()
        if count == 0:
            self.status.setText(translate("Notes", "No incidents match."))
        elif not self.search.text().strip():
            self.status.setText(translate("Notes", "The most recent incidents; type to search."))
        elif len(found) >= RESULTS:
            self.status.setText(
                translate("Notes", "The first {limit} matches; add words to narrow.").format(
                    limit=RESULTS
                )
            )
        else:
            self.status.setText(translate("Notes", "{count} found.").format(count=count))

    def _into_results(self) -> None:
        if self.results.count():
            self.results.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if not self.results.selectedItems():
                self.results.setCurrentRow(0)

    def chosen(self) -> list[tuple[str, str | None]]:
        """The selected incidents as (id, title)."""
        return [
            (str(item.data(ID_ROLE)), str(item.data(TITLE_ROLE)))
            for item in self.results.selectedItems()
        ]

    def clear(self) -> None:
        """Drop the results and ignore answers still coming."""
        self._generation += 1
        self._debounce.stop()
        self.results.clear()
