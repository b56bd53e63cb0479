"""The Attachments tab: photos, recordings and documents kept encrypted with an incident.

Files come in by the file dialog or by dropping them on the panel; each is read
and encrypted on a worker, one after the other, straight from the original
file into the blob store (which never writes plaintext and leaves nothing
behind when a read fails). Thumbnails are decrypted and decoded in memory
only — never through a temp file — and dropped by ``clear()`` on lock. The
one way plaintext leaves the vault is "Export a copy…", which says so first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hradvisor.store import Vault
from hradvisor.store.attachments import DEFAULT_MAX_SIZE, Attachment
from hradvisor.ui.answers import Answer, no_failure, tagged
from hradvisor.ui.incidents.attachment_files import (
    THUMBNAIL,
    THUMBNAIL_MAX_BYTES,
    add_problem,
    describe_type,
    human_size,
    store_file,
    thumbnail,
    type_icon,
)
from hradvisor.ui.incidents.versions import local_time
from hradvisor.ui.widgets import button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class _Pending:
    """A file waiting to be added, and the incident it was dropped on."""

    incident_id: str
    path: Path


class AttachmentsPanel(QWidget):
    """The attachments of one incident: add (dialog or drop), thumbnails, export, delete.

    Emits ``count_changed(n)`` when the number of attachments shown changes,
    so the editor can put it on the tab.
    """

    count_changed = Signal(int)

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, *, max_size: int = DEFAULT_MAX_SIZE
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self.max_size = max_size
        self._incident_id = ""
        self._attachments: list[Attachment] = []
        self._thumbnails: dict[str, QPixmap] = {}
        self._queue: list[_Pending] = []
        self._adding = False
        self._generation = 0
        self.setAcceptDrops(True)
        self.setAccessibleName(translate("Attachments", "Attachments"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self._toolbar(layout)
        self.message = label("")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.stack = QStackedWidget()
        self.empty = label("", "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._list())
        layout.addWidget(self.stack, 1)
        self.hint = label("", "muted")
        layout.addWidget(self.hint)
        self._shortcuts()
        self._show_state()

    # -- building ---------------------------------------------------------------
    def _toolbar(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        layout.addLayout(row)  # attached before it is filled: see notes/editor.py _form
        self.add_button = button(
            translate("Attachments", "&Add files…"),
            translate("Attachments", "Add files to this incident"),
            "primary",
        )
        self.add_button.setIcon(qta.icon("mdi6.paperclip", color="white"))
        self.add_button.setToolTip(
            translate("Attachments", "Add photos, audio or documents (Ctrl+O)")
        )
        self.add_button.clicked.connect(self.choose_files)
        self.export_button = button(
            translate("Attachments", "E&xport a copy…"),
            translate("Attachments", "Export an unencrypted copy of the selected file"),
        )
        self.export_button.setIcon(qta.icon("mdi6.export"))
        self.export_button.clicked.connect(self.export_selected)
        self.delete_button = button(
            translate("Attachments", "&Delete…"),
            translate("Attachments", "Delete the selected file"),
        )
        self.delete_button.setIcon(qta.icon("mdi6.delete-outline"))
        self.delete_button.setToolTip(translate("Attachments", "Delete the selected file (Del)"))
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.delete_button)

    def _list(self) -> QListWidget:
        self.list = QListWidget()
        self.list.setAccessibleName(translate("Attachments", "Attached files"))
        self.list.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self.export_selected())
        return self.list

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        open_files = QShortcut(QKeySequence.StandardKey.Open, self)
        open_files.setContext(context)
        open_files.activated.connect(self.choose_files)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

    # -- what the editor calls ------------------------------------------------------
    def show_incident(self, incident_id: str) -> None:
        """Show the files of *incident_id*; "" (a new incident) cannot take files yet."""
        self._generation += 1
        self._incident_id = incident_id
        self._forget_rows()
        self._say("")
        self._show_state()
        if incident_id:
            self.refresh()

    def refresh(self) -> None:
        """Read the list again from the vault."""
        if not self._incident_id:
            return
        self._generation += 1
        generation, store, incident_id = (
            self._generation,
            self._vault.attachments,
            self._incident_id,
        )
        run_in_background(
            tagged(generation, incident_id, lambda: store.for_incident(incident_id)),
            self._listed,
            no_failure,
        )

    def clear(self) -> None:
        """On lock: drop the list, the thumbnails and files not yet added; ignore late answers."""
        self._generation += 1
        self._incident_id = ""
        self._queue.clear()
        self._forget_rows()
        self._say("")
        self._show_state()

    forget = clear

    @property
    def attachments(self) -> list[Attachment]:
        return list(self._attachments)

    @property
    def thumbnail_count(self) -> int:
        """Thumbnails held in memory (decoded plaintext images)."""
        return len(self._thumbnails)

    @property
    def busy(self) -> bool:
        """True while files are being encrypted into the vault."""
        return self._adding or bool(self._queue)

    # -- adding ---------------------------------------------------------------------
    def choose_files(self) -> None:
        """Ask which files to add (photos, audio, PDF, anything)."""
        if not self._incident_id:
            return
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            translate("Attachments", "Add files to the incident"),
            str(Path.home()),
            translate(
                "Attachments",
                "All files (*);;Images (*.png *.jpg *.jpeg *.gif *.webp *.heic);;"
                "Audio (*.mp3 *.m4a *.ogg *.opus *.wav *.amr);;"
                "Documents (*.pdf *.doc *.docx *.txt)",
            ),
        )
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: Sequence[Path | str]) -> None:
        """Encrypt *paths* into the vault, one after the other, linked to the incident shown."""
        if not self._incident_id:
            self._say(
                translate("Attachments", "Save the incident before adding files."), error=True
            )
            return
        self._say("")
        self._queue.extend(_Pending(self._incident_id, Path(p)) for p in paths)
        self._next_file()

    def _next_file(self) -> None:
        if self._adding or not self._queue:
            return
        pending = self._queue.pop(0)
        self._adding = True
        self.hint.setText(
            translate("Attachments", "Encrypting “{name}” into the vault…").format(
                name=pending.path.name
            )
        )
        store, limit = self._vault.attachments, self.max_size
        run_in_background(
            tagged(
                self._generation,
                pending,
                lambda: store_file(store, pending.incident_id, pending.path, limit),
            ),
            self._added,
            no_failure,
        )

    def _added(self, answer: Answer) -> None:
        """One file done (or refused); on to the next."""
        pending: _Pending = answer.request
        self._adding = False
        self._show_hint()
        if pending.incident_id == self._incident_id:
            if answer.error is None:
                self.refresh()
            else:
                self._say(add_problem(pending.path.name, answer.error, self.max_size), error=True)
        self._next_file()

    # -- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._incident_id and _local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._incident_id and _local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_files(event)
        if not self._incident_id or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)

    # -- listing and thumbnails ----------------------------------------------------------
    def _listed(self, answer: Answer) -> None:
        generation = answer.generation
        if generation != self._generation:
            return
        if answer.error is not None:
            self._say(
                translate("Attachments", "The attachments could not be read: {why}").format(
                    why=user_message(answer.error)
                ),
                error=True,
            )
            return
        attachments: list[Attachment] = answer.value
        keep = {a.id for a in attachments}
        self._thumbnails = {k: v for k, v in self._thumbnails.items() if k in keep}
        selected = self._selected()
        self._attachments = attachments
        self.list.clear()
        for attachment in attachments:
            self.list.addItem(self._item(attachment))
        if attachments:
            ids = [a.id for a in attachments]
            self.list.setCurrentRow(
                ids.index(selected.id) if selected and selected.id in ids else 0
            )
        self._show_state()
        self.count_changed.emit(len(attachments))
        for attachment in attachments:
            self._request_thumbnail(attachment, generation)

    def _item(self, attachment: Attachment) -> QListWidgetItem:
        details = " · ".join(
            (
                describe_type(attachment.media_type),
                human_size(attachment.size),
                translate("Attachments", "added {when}").format(
                    when=local_time(attachment.added_at)
                ),
            )
        )
        item = QListWidgetItem(f"{attachment.filename}\n{details}")
        item.setData(ID_ROLE, attachment.id)
        item.setToolTip(attachment.filename)
        pixmap = self._thumbnails.get(attachment.id)
        item.setIcon(QIcon(pixmap) if pixmap is not None else type_icon(attachment.media_type))
        return item

    def _request_thumbnail(self, attachment: Attachment, generation: int) -> None:
        if (
            not attachment.media_type.startswith("image/")
            or attachment.size > THUMBNAIL_MAX_BYTES
            or attachment.id in self._thumbnails
        ):
            return
        store, attachment_id = self._vault.attachments, attachment.id
        run_in_background(
            tagged(generation, attachment_id, lambda: thumbnail(store, attachment_id)),
            self._thumbnail_ready,
            no_failure,
        )

    def _thumbnail_ready(self, answer: Answer) -> None:
        """Show a thumbnail; a damaged file keeps its icon (a vault check names it)."""
        if answer.generation != self._generation or answer.error is not None:
            return
        attachment_id: str = answer.request
        image: QImage = answer.value
        if image.isNull():
            return
        pixmap = QPixmap.fromImage(image)
        self._thumbnails[attachment_id] = pixmap
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == attachment_id:
                item.setIcon(QIcon(pixmap))

    # -- export and delete -------------------------------------------------------------
    def _selected(self) -> Attachment | None:
        row = self.list.currentRow()
        return self._attachments[row] if 0 <= row < len(self._attachments) else None

    def export_selected(self) -> None:
        """Warn that the copy leaves the vault's protection, ask where, then write it."""
        attachment = self._selected()
        if attachment is None:
            return
        answer = QMessageBox.warning(
            self,
            translate("Attachments", "Export an unencrypted copy?"),
            translate(
                "Attachments",
                "The copy of “{name}” will be an ordinary, unencrypted file. Anyone who can "
                "reach that disk or folder can open it, and deleting it later may not erase "
                "it. Export only to a place you trust, and delete the copy when done.",
            ).format(name=attachment.filename),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        destination, _filter = QFileDialog.getSaveFileName(
            self,
            translate("Attachments", "Export a copy of “{name}”").format(name=attachment.filename),
            str(Path.home() / attachment.filename),
        )
        if not destination:
            return
        store, attachment_id, target = self._vault.attachments, attachment.id, Path(destination)
        self._say(translate("Attachments", "Exporting…"))
        run_in_background(
            tagged(self._generation, target, lambda: store.export(attachment_id, target)),
            self._exported,
            no_failure,
        )

    def _exported(self, answer: Answer) -> None:
        if answer.generation != self._generation:
            return
        if answer.error is not None:
            self._say(
                translate("Attachments", "The copy was not written: {why}").format(
                    why=user_message(answer.error)
                ),
                error=True,
            )
            return
        self._say(
            translate("Attachments", "Exported an unencrypted copy to {path}.").format(
                path=answer.request
            )
        )

    def delete_selected(self) -> None:
        """After a confirmation, delete the file: the encrypted copy is destroyed."""
        attachment = self._selected()
        if attachment is None:
            return
        answer = QMessageBox.question(
            self,
            translate("Attachments", "Delete this file?"),
            translate(
                "Attachments",
                "“{name}” will be removed from the incident and its encrypted copy destroyed. "
                "The history keeps only a note that it existed. This cannot be undone.",
            ).format(name=attachment.filename),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, attachment_id = self._vault.attachments, attachment.id
        run_in_background(
            tagged(self._generation, attachment_id, lambda: store.delete(attachment_id)),
            self._deleted,
            no_failure,
        )

    def _deleted(self, answer: Answer) -> None:
        if answer.generation != self._generation:
            return
        if answer.error is not None:
            self._say(
                translate("Attachments", "The file was not deleted: {why}").format(
                    why=user_message(answer.error)
                ),
                error=True,
            )
        self.refresh()

    # -- state ---------------------------------------------------------------------------
    def _forget_rows(self) -> None:
        self._attachments = []
        self._thumbnails = {}
        self.list.clear()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def _show_hint(self) -> None:
        self.hint.setText(
            translate(
                "Attachments",
                "Files are encrypted in the vault. Drop files here or press Ctrl+O; "
                "up to {limit} per file.",
            ).format(limit=human_size(self.max_size))
            if self._incident_id
            else ""
        )

    def _show_state(self) -> None:
        if not self._incident_id:
            self.empty.setText(
                translate(
                    "Attachments", "Save the incident first, then add photos, audio or documents."
                )
            )
            self.stack.setCurrentIndex(0)
        elif not self._attachments:
            self.empty.setText(
                translate(
                    "Attachments",
                    "No files yet — drop photos, recordings or documents here, "
                    "or press Add files… (Ctrl+O).",
                )
            )
            self.stack.setCurrentIndex(0)
        else:
            self.stack.setCurrentIndex(1)
        if not self._adding:
            self._show_hint()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self._incident_id))
        has_selection = self._selected() is not None
        self.export_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)


def _local_files(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
    """The local files a drag carries (web links and other data are not accepted)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
