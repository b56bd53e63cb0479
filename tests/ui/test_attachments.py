"""The Attachments tab: add by dialog path and by drop, thumbnails in memory, export, failures."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from hradvisor.store import Vault
from hradvisor.ui.incidents import attachment_files as module
from hradvisor.ui.incidents.attachment_files import describe_type, human_size
from hradvisor.ui.incidents.attachments import AttachmentsPanel
from tests.conftest import make_incident
from tests.ui.test_history import unnamed_controls

CANARY = b"CANARY-7f3c-attachment-plaintext"


@pytest.fixture
def incident_id(vault: Vault) -> str:
    incident = make_incident()
    vault.incidents.add(incident)
    return incident.id


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


@pytest.fixture
def panel(vault: Vault, incident_id: str, qtbot: QtBot) -> AttachmentsPanel:
    shown = AttachmentsPanel(vault)
    qtbot.addWidget(shown)
    shown.resize(700, 600)
    shown.show()
    shown.show_incident(incident_id)
    qtbot.waitUntil(
        lambda: shown.stack.currentIndex() == 0 and "No files yet" in shown.empty.text()
    )
    return shown


def _settle() -> None:
    QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()
    QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _png(folder: Path) -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#C62828"))
    path = folder / "market.png"
    assert image.save(str(path), "PNG")
    return path


def _drag_enter(panel: AttachmentsPanel, mime: QMimeData) -> QDragEnterEvent:
    """Send a drag entering the panel (PySide flags this Qt 6 constructor, wrongly, as old)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            panel.rect().center(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(panel, enter)
    return enter


def _assert_nothing_stored(vault: Vault, incident_id: str) -> None:
    assert vault.attachments.for_incident(incident_id) == []
    assert [p for p in (vault.path / "blobs").rglob("*") if p.is_file()] == []


def test_adding_a_file_by_path_encrypts_it_into_the_vault(
    panel: AttachmentsPanel, vault: Vault, incident_id: str, files: Path, qtbot: QtBot
) -> None:
    path = _write(files, "statement.pdf", b"%PDF-1.4 " + CANARY)
    panel.add_files([path])
    qtbot.waitUntil(lambda: len(panel.attachments) == 1)
    [stored] = vault.attachments.for_incident(incident_id)
    assert stored.filename == "statement.pdf" and stored.media_type == "application/pdf"
    assert vault.attachments.read(stored.id) == path.read_bytes()
    text = panel.list.item(0).text()
    assert "statement.pdf" in text and "PDF document" in text and "bytes" in text
    assert "added" in text
    assert panel.export_button.isEnabled() and panel.delete_button.isEnabled()


def test_dropping_files_on_the_panel_adds_them(
    panel: AttachmentsPanel, vault: Vault, incident_id: str, files: Path, qtbot: QtBot
) -> None:
    paths = [_write(files, "a.txt", b"first"), _write(files, "b.ogg", b"OggS" + CANARY)]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = _drag_enter(panel, mime)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(panel.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(panel.attachments) == 2 and not panel.busy)
    names = sorted(a.filename for a in vault.attachments.for_incident(incident_id))
    assert names == ["a.txt", "b.ogg"]


def test_a_drop_without_files_is_refused(panel: AttachmentsPanel) -> None:
    mime = QMimeData()
    mime.setText("not a file")
    enter = _drag_enter(panel, mime)
    assert not enter.isAccepted()


def test_a_png_gets_a_thumbnail_decoded_in_memory(
    panel: AttachmentsPanel, files: Path, qtbot: QtBot, private_tmp: Path
) -> None:
    panel.add_files([_png(files)])
    qtbot.waitUntil(lambda: panel.thumbnail_count == 1)
    item = panel.list.item(0)
    assert "PNG image" in item.text()
    pixmap = item.icon().pixmap(module.THUMBNAIL, module.THUMBNAIL)
    assert not pixmap.isNull()
    assert pixmap.toImage().pixelColor(pixmap.width() // 2, pixmap.height() // 2).red() > 150
    _settle()
    assert list(private_tmp.iterdir()) == []  # no plaintext temp file, ever


def test_nothing_plaintext_reaches_the_vault_or_tmp(
    panel: AttachmentsPanel, vault: Vault, files: Path, qtbot: QtBot, private_tmp: Path
) -> None:
    panel.add_files([_write(files, "notes.txt", CANARY * 100)])
    qtbot.waitUntil(lambda: len(panel.attachments) == 1)
    _settle()
    for path in vault.path.rglob("*"):
        if path.is_file():
            assert CANARY not in path.read_bytes(), path.name
    assert list(private_tmp.iterdir()) == []


def _answer_warning(
    monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton, destination: Path
) -> list[str]:
    calls: list[str] = []

    def warning(*args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        calls.append("warning")
        assert "unencrypted" in str(args[2])
        return button

    def save_name(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        calls.append("dialog")
        return str(destination), ""

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    return calls


def test_export_writes_only_after_the_warning_is_accepted(
    panel: AttachmentsPanel,
    files: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = _write(files, "recording.m4a", CANARY * 10)
    panel.add_files([source])
    qtbot.waitUntil(lambda: len(panel.attachments) == 1)
    destination = tmp_path / "out" / "copy.m4a"
    destination.parent.mkdir()
    calls = _answer_warning(monkeypatch, QMessageBox.StandardButton.Cancel, destination)
    panel.export_button.click()
    _settle()
    assert calls == ["warning"] and not destination.exists()
    calls = _answer_warning(monkeypatch, QMessageBox.StandardButton.Yes, destination)
    panel.export_button.click()
    qtbot.waitUntil(destination.exists)
    assert calls == ["warning", "dialog"]
    assert destination.read_bytes() == source.read_bytes()
    qtbot.waitUntil(lambda: "Exported an unencrypted copy" in panel.message.text())


def test_a_file_over_the_cap_is_refused_and_nothing_stored(
    panel: AttachmentsPanel, vault: Vault, incident_id: str, files: Path, qtbot: QtBot
) -> None:
    panel.max_size = 1000
    panel.add_files([_write(files, "video.mp4", bytes(1001))])
    qtbot.waitUntil(lambda: panel.message.isVisible())
    text = panel.message.text()
    assert "video.mp4" in text and "larger than the limit" in text and "Nothing was stored" in text
    _settle()
    _assert_nothing_stored(vault, incident_id)


def test_a_file_that_grows_past_the_cap_while_read_leaves_nothing(
    panel: AttachmentsPanel,
    vault: Vault,
    incident_id: str,
    files: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel.max_size = 200_000
    path = _write(files, "growing.wav", bytes(10))
    monkeypatch.setattr(module, "open_source", lambda _p: io.BytesIO(bytes(300_000)))
    panel.add_files([path])
    qtbot.waitUntil(lambda: panel.message.isVisible())
    assert "larger than the limit" in panel.message.text()
    _settle()
    _assert_nothing_stored(vault, incident_id)


def test_an_unreadable_file_gives_a_clear_message(
    panel: AttachmentsPanel,
    vault: Vault,
    incident_id: str,
    files: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(_path: Path) -> BinaryIO:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(module, "open_source", refuse)
    panel.add_files([_write(files, "locked.jpg", b"\xff\xd8")])
    qtbot.waitUntil(lambda: panel.message.isVisible())
    text = panel.message.text()
    assert "“locked.jpg” could not be read: Permission denied." in text
    _assert_nothing_stored(vault, incident_id)


def test_a_file_gone_before_it_is_read_gives_a_clear_message(
    panel: AttachmentsPanel, vault: Vault, incident_id: str, files: Path, qtbot: QtBot
) -> None:
    path = _write(files, "gone.png", b"x")
    path.unlink()
    panel.add_files([path])
    qtbot.waitUntil(lambda: panel.message.isVisible())
    assert "“gone.png” is no longer there" in panel.message.text()
    _assert_nothing_stored(vault, incident_id)


class _VanishingFile(io.BytesIO):
    """A file on a USB stick pulled out after the first 64 KiB."""

    def __init__(self) -> None:
        super().__init__(CANARY * 10_000)
        self.reads = 0

    def read(self, size: int | None = -1) -> bytes:
        self.reads += 1
        if self.reads > 1:
            raise OSError(5, "Input/output error")
        return super().read(size)


def test_a_file_that_vanishes_mid_read_leaves_nothing_half_stored(
    panel: AttachmentsPanel,
    vault: Vault,
    incident_id: str,
    files: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    private_tmp: Path,
) -> None:
    original = module.open_source
    monkeypatch.setattr(module, "open_source", lambda _p: _VanishingFile())
    panel.add_files([_write(files, "interview.mp3", b"ID3")])
    qtbot.waitUntil(lambda: panel.message.isVisible())
    assert "“interview.mp3” could not be read: Input/output error." in panel.message.text()
    _settle()
    _assert_nothing_stored(vault, incident_id)
    assert list(private_tmp.iterdir()) == []
    # the next file still goes in
    monkeypatch.setattr(module, "open_source", original)
    panel.add_files([_write(files, "ok.txt", b"fine")])
    qtbot.waitUntil(lambda: len(panel.attachments) == 1)


def test_delete_asks_then_destroys_the_encrypted_file(
    panel: AttachmentsPanel,
    vault: Vault,
    incident_id: str,
    files: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel.add_files([_write(files, "photo.jpg", b"\xff\xd8" + CANARY)])
    qtbot.waitUntil(lambda: len(panel.attachments) == 1)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    panel.delete_button.click()
    _settle()
    assert len(vault.attachments.for_incident(incident_id)) == 1
    panel.delete_button.click()
    qtbot.waitUntil(lambda: panel.attachments == [])
    _assert_nothing_stored(vault, incident_id)


def test_a_new_incident_takes_no_files(panel: AttachmentsPanel, files: Path) -> None:
    panel.show_incident("")
    assert not panel.add_button.isEnabled()
    assert "Save the incident first" in panel.empty.text()
    panel.add_files([_write(files, "early.txt", b"x")])
    assert "Save the incident before adding files" in panel.message.text()
    assert not panel.busy


def test_clear_drops_rows_and_thumbnails(
    panel: AttachmentsPanel, files: Path, qtbot: QtBot
) -> None:
    panel.add_files([_png(files)])
    qtbot.waitUntil(lambda: panel.thumbnail_count == 1)
    panel.clear()
    assert panel.attachments == [] and panel.thumbnail_count == 0
    assert panel.list.count() == 0
    assert not panel.add_button.isEnabled()
    _settle()
    assert panel.attachments == [] and panel.thumbnail_count == 0


def test_sizes_and_types_read_as_people_say_them() -> None:
    assert human_size(980) == "980 bytes"
    assert human_size(12_700) == "12.4 KB"
    assert human_size(3 * 1024 * 1024 + 200_000) == "3.2 MB"
    assert describe_type("image/jpeg") == "JPEG image"
    assert describe_type("audio/mpeg") == "Audio (MPEG)"
    assert describe_type("application/octet-stream") == "application/octet-stream"


def test_every_control_has_an_accessible_name(
    panel: AttachmentsPanel, files: Path, qtbot: QtBot
) -> None:
    panel.add_files([_png(files)])
    qtbot.waitUntil(lambda: len(panel.attachments) == 1)
    assert unnamed_controls(panel) == []


def test_add_and_delete_by_keyboard(
    panel: AttachmentsPanel,
    vault: Vault,
    incident_id: str,
    files: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _write(files, "by-keyboard.txt", b"typed")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(path)], ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    panel.activateWindow()
    qtbot.waitActive(panel)
    panel.add_button.setFocus()
    qtbot.keyClick(panel.add_button, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(panel.attachments) == 1)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.attachments == [])
    _assert_nothing_stored(vault, incident_id)


def test_an_answer_for_another_incident_is_not_shown(
    panel: AttachmentsPanel, vault: Vault, incident_id: str, files: Path, qtbot: QtBot
) -> None:
    other = make_incident(title="Displacement from Kestrel Plains")
    vault.incidents.add(other)
    panel.add_files([_write(files, "for-the-first.txt", b"first")])
    panel.show_incident(other.id)  # switched before the file was in
    qtbot.waitUntil(lambda: not panel.busy)
    _settle()
    assert panel.attachments == [] and panel.list.count() == 0
    assert [a.filename for a in vault.attachments.for_incident(incident_id)] == [
        "for-the-first.txt"
    ]
    panel.show_incident(incident_id)
    qtbot.waitUntil(lambda: len(panel.attachments) == 1)
    panel.show_incident(other.id)
    _settle()
    assert panel.attachments == [] and "No files yet" in panel.empty.text()


def test_count_changed_tells_the_tab_how_many(
    panel: AttachmentsPanel, files: Path, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(panel.count_changed, check_params_cb=lambda n: n == 1):
        panel.add_files([_write(files, "one.txt", b"1")])
    assert len(panel.attachments) == 1
