"""The History tab of the incident editor: every version, what it changed, restore.

Nothing is ever overwritten in the vault, so this panel can show each saved
version of an incident with the device that saved it and the fields it
changed, and make an old version current again — as a new revision, so the
restore itself is history too. Revisions are read and compared on a worker;
an answer for an incident no longer shown is dropped. ``clear()`` (on lock)
drops every version held.
"""

from __future__ import annotations

import html

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hradvisor.store import Vault
from hradvisor.ui.answers import Answer, no_failure, tagged
from hradvisor.ui.incidents.versions import (
    Version,
    change_row,
    local_time,
    paragraph,
    short_device,
    ui_lang,
    versions_of,
)
from hradvisor.ui.theme import MUTED
from hradvisor.ui.widgets import button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class HistoryPanel(QWidget):
    """Versions of one incident, newest first, with their differences and a restore action.

    Emits ``restored(incident_id)`` after an old version was made current.
    """

    restored = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._incident_id = ""
        self._versions: list[Version] = []
        self._generation = 0
        self.setAccessibleName(translate("History", "History"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self.heading = label("", "muted")
        layout.addWidget(self.heading)
        self.stack = QStackedWidget()
        self.empty = label("", "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._browser())
        layout.addWidget(self.stack, 1)
        self._show_empty(translate("History", "Save the incident to start its history."))

    def _browser(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("History", "Versions, newest first"))
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumWidth(200)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListWidget::item { padding: 6px 2px; }")
        self.list.currentRowChanged.connect(self._show_version)
        splitter.addWidget(self.list)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(8, 0, 0, 0)
        self.details = QTextBrowser()
        self.details.setAccessibleName(translate("History", "Changes in this version"))
        self.details.setOpenLinks(False)
        column.addWidget(self.details, 1)
        row = QHBoxLayout()
        column.addLayout(row)  # attached before it is filled: see notes/editor.py _form
        row.addStretch(1)
        self.restore_button = button(
            translate("History", "&Restore this version…"),
            translate("History", "Restore this version"),
        )
        self.restore_button.setIcon(qta.icon("mdi6.restore"))
        self.restore_button.setToolTip(
            translate("History", "Make this version current again, as a new version (Alt+R)")
        )
        self.restore_button.clicked.connect(self.restore_selected)
        row.addWidget(self.restore_button)
        splitter.addWidget(right)
        splitter.setSizes([260, 440])
        splitter.setStretchFactor(1, 1)
        return splitter

    # -- what the editor calls ---------------------------------------------------
    def show_incident(self, incident_id: str) -> None:
        """Show the history of *incident_id*; "" (a new incident) shows the empty state."""
        self._generation += 1
        self._incident_id = incident_id
        self._versions = []
        self.list.clear()
        self.details.clear()
        if not incident_id:
            self._show_empty(translate("History", "Save the incident to start its history."))
            return
        self._show_empty(translate("History", "Loading the history…"))
        self._load()

    def refresh(self) -> None:
        """Read the history again (after a save elsewhere)."""
        if self._incident_id:
            self._generation += 1
            self._load()

    def clear(self) -> None:
        """On lock: drop every version and difference held, ignore answers still coming."""
        self._generation += 1
        self._incident_id = ""
        self._versions = []
        self.list.clear()
        self.details.clear()
        self.heading.clear()
        self._show_empty("")

    forget = clear

    @property
    def versions(self) -> list[Version]:
        """The versions shown, newest first."""
        return list(self._versions)

    # -- loading -----------------------------------------------------------------
    def _load(self) -> None:
        generation, incidents, incident_id = (
            self._generation,
            self._vault.incidents,
            self._incident_id,
        )
        lang = ui_lang()
        run_in_background(
            tagged(
                generation, incident_id, lambda: versions_of(incidents.history(incident_id), lang)
            ),
            self._loaded,
            no_failure,
        )

    def _loaded(self, answer: Answer) -> None:
        if answer.generation != self._generation:
            return  # an answer for an incident no longer shown
        if answer.error is not None:
            self._show_empty(
                translate("History", "The history could not be read: {why}").format(
                    why=user_message(answer.error)
                )
            )
            return
        versions: list[Version] = answer.value
        self._versions = versions
        self.list.clear()
        for index, version in enumerate(versions):
            self.list.addItem(self._item(version, current=index == 0))
        count = len(versions)
        self.heading.setText(
            (
                translate("History", "1 version")
                if count == 1
                else translate("History", "{count} versions").format(count=count)
            )
            + " · "
            + translate("History", "every save is kept; restoring adds a new version")
        )
        self.stack.setCurrentIndex(1)
        self.list.setCurrentRow(0)

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.heading.clear()
        self.stack.setCurrentIndex(0)

    # -- showing -------------------------------------------------------------------
    def _device(self, device_id: str) -> str:
        if device_id == self._vault.device_id:
            return translate("History", "this device")
        return translate("History", "device {id}").format(id=short_device(device_id))

    def _summary(self, version: Version) -> str:
        if version.deleted:
            return translate("History", "deleted")
        if version.first:
            return translate("History", "recorded")
        if version.restores is not None:
            return translate("History", "restored an earlier version")
        if not version.changes:
            return translate("History", "no changes")
        count = len(version.changes)
        if count == 1:
            return translate("History", "1 change")
        return translate("History", "{count} changes").format(count=count)

    def _item(self, version: Version, *, current: bool) -> QListWidgetItem:
        when = local_time(version.created_at)
        if current:
            when = translate("History", "{when} · current").format(when=when)
        item = QListWidgetItem(
            f"{when}\n{self._device(version.device_id)} · {self._summary(version)}"
        )
        item.setToolTip(translate("History", "Revision {hash}").format(hash=version.hash[:12]))
        item.setIcon(
            qta.icon(
                "mdi6.check-circle-outline" if current else "mdi6.history",
                color=MUTED,
                color_selected="white",
            )
        )
        return item

    def _show_version(self, row: int) -> None:
        if not 0 <= row < len(self._versions):
            self.details.clear()
            self.restore_button.setEnabled(False)
            return
        version = self._versions[row]
        self.details.setHtml(self._details_html(version))
        self.restore_button.setEnabled(row > 0 and not version.deleted)

    def _details_html(self, version: Version) -> str:
        when = html.escape(local_time(version.created_at))
        saved = translate("History", "Saved on {device} · revision {hash}").format(
            device=self._device(version.device_id), hash=version.hash[:12]
        )
        title = translate("History", "Version of {when}").format(when=when)
        parts = [
            f"<h3 style='margin-bottom:2px'>{html.escape(title)}</h3>",
            f"<p style='color:{MUTED}; margin-top:0'>{html.escape(saved)}</p>",
        ]
        if version.restores is not None:
            parts.append(
                paragraph(
                    translate("History", "Restores the version of {when}.").format(
                        when=local_time(version.restores)
                    )
                )
            )
        if version.first:
            parts.append(paragraph(translate("History", "The incident was recorded.")))
        elif version.deleted:
            parts.append(paragraph(translate("History", "The incident was deleted.")))
        elif not version.changes:
            parts.append(paragraph(translate("History", "This version changed nothing.")))
        else:
            rows = "".join(change_row(change) for change in version.changes)
            parts.append(f"<table cellspacing='0' cellpadding='4' width='100%'>{rows}</table>")
        return "".join(parts)

    # -- restoring -----------------------------------------------------------------
    def restore_selected(self) -> None:
        """Ask, then make the selected old version current as a new version."""
        row = self.list.currentRow()
        if row <= 0 or row >= len(self._versions) or not self._incident_id:
            return
        version = self._versions[row]
        answer = QMessageBox.question(
            self,
            translate("History", "Restore this version?"),
            translate(
                "History",
                "The incident will be saved again as it was on {when}. Nothing is lost: "
                "the current version stays in the history.",
            ).format(when=local_time(version.created_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_button.setEnabled(False)
        incidents, incident_id, rev_hash = self._vault.incidents, self._incident_id, version.hash
        run_in_background(
            tagged(self._generation, incident_id, lambda: incidents.restore(incident_id, rev_hash)),
            self._restored,
            no_failure,
        )

    def _restored(self, answer: Answer) -> None:
        incident_id: str = answer.request
        if answer.error is not None:
            if answer.generation == self._generation:
                self.restore_button.setEnabled(True)
                QMessageBox.warning(
                    self,
                    translate("History", "Not restored"),
                    translate("History", "The version could not be restored: {why}").format(
                        why=user_message(answer.error)
                    ),
                )
            return
        if incident_id == self._incident_id:
            self.refresh()
        self.restored.emit(incident_id)
