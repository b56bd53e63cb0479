"""What the Attachments tab does with files, apart from showing them.

Reading a chosen file into the vault, naming sizes and media types the way
people do, one icon per kind of file, and thumbnails decoded in memory. The
worker-side functions (``store_file``, ``thumbnail``) touch no widget.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QIcon, QImage

from hradvisor.store.attachments import Attachment, AttachmentStore
from hradvisor.store.errors import TooLarge
from hradvisor.ui.theme import MUTED
from hradvisor.ui.workers import user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

THUMBNAIL = 56
THUMBNAIL_MAX_BYTES = 32 * 1024 * 1024  # bigger images get an icon: decoding them costs too much
_ICONS = (  # (media type prefix, icon): the first that matches
    ("image/", "mdi6.file-image-outline"),
    ("audio/", "mdi6.file-music-outline"),
    ("video/", "mdi6.file-video-outline"),
    ("application/pdf", "mdi6.file-pdf-box"),
    ("text/", "mdi6.file-document-outline"),
    ("application/vnd.openxmlformats", "mdi6.file-document-outline"),
    ("application/msword", "mdi6.file-document-outline"),
    ("application/zip", "mdi6.folder-zip-outline"),
)


def open_source(path: Path) -> BinaryIO:
    """Open a chosen file for reading (a seam: tests make it fail mid-read)."""
    return path.open("rb")


def store_file(
    attachments: AttachmentStore, incident_id: str, path: Path, max_size: int
) -> Attachment:
    """On a worker: encrypt *path* into the vault, refusing oversize files before reading."""
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder", str(path))
    if path.stat().st_size > max_size:
        raise TooLarge(f"attachment exceeds the size limit of {max_size} bytes")
    with open_source(path) as handle:
        return attachments.add(incident_id, handle, filename=path.name, max_size=max_size)


def human_size(size: int) -> str:
    """Bytes in the units people read: 980 bytes, 12.4 KB, 3.1 MB, 1.2 GB."""
    if size < 1024:
        return translate("Attachments", "{n} bytes").format(n=size)
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            decimals = 0 if value == int(value) else 1
            return f"{QLocale().toString(value, 'f', decimals)} {unit}"
    return str(size)  # pragma: no cover (the loop always returns)


def describe_type(media_type: str) -> str:
    """A media type as a person names it: "PNG image", "PDF document", "Audio (MPEG)"."""
    major, _, minor = media_type.partition("/")
    minor = minor.removeprefix("x-").split(";")[0].split("+")[0].upper()
    if media_type == "application/pdf":
        return translate("Attachments", "PDF document")
    if major == "image":
        return translate("Attachments", "{kind} image").format(kind=minor)
    if major == "audio":
        return translate("Attachments", "Audio ({kind})").format(kind=minor)
    if major == "video":
        return translate("Attachments", "Video ({kind})").format(kind=minor)
    if major == "text":
        return translate("Attachments", "Text ({kind})").format(kind=minor)
    return media_type


def type_icon(media_type: str) -> QIcon:
    """One icon per kind of file (UI.md: one icon per concept)."""
    name = next((icon for prefix, icon in _ICONS if media_type.startswith(prefix)), None)
    icon: QIcon = qta.icon(name or "mdi6.file-outline", color=MUTED)
    return icon


def thumbnail(attachments: AttachmentStore, attachment_id: str) -> QImage:
    """On a worker: decrypt an image in memory and scale it; a null image if it is not one."""
    image = QImage()
    image.loadFromData(attachments.read(attachment_id))
    if image.isNull():
        return image
    return image.scaled(
        THUMBNAIL,
        THUMBNAIL,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def add_problem(name: str, exc: BaseException, max_size: int) -> str:
    """Why a file was not added, naming the file (shown on screen, never logged)."""
    nothing = translate("Attachments", "Nothing was stored.")
    if isinstance(exc, TooLarge):
        text = translate(
            "Attachments", "“{name}” is larger than the limit of {limit} for one file."
        ).format(name=name, limit=human_size(max_size))
    elif isinstance(exc, FileNotFoundError):
        text = translate(
            "Attachments",
            "“{name}” is no longer there: it was moved or deleted before it could be added.",
        ).format(name=name)
    elif isinstance(exc, IsADirectoryError):
        text = translate("Attachments", "“{name}” is a folder, not a file.").format(name=name)
    elif isinstance(exc, OSError):
        text = translate("Attachments", "“{name}” could not be read: {why}").format(
            name=name, why=user_message(exc)
        )
    else:
        text = translate("Attachments", "“{name}” was not added: {why}").format(
            name=name, why=user_message(exc)
        )
    return f"{text} {nothing}"
