"""Versions of an incident for the History tab: what each changed, as text and as HTML.

Built on a worker from the revision log (``versions_of``) and rendered on the
GUI thread (``version_html``); no widget here, so the rules are easy to test.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt

from hradvisor.model import FieldChange, canonical_json, incident_changes
from hradvisor.store.revisions import Revision
from hradvisor.ui.theme import DANGER, MUTED

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

_ADDED = "#1E6B35"  # dark green: readable on white, not the accent
_INSERTED_BACKGROUND = "#E3F4FB"


@dataclass(frozen=True)
class Version:
    """One revision as the panel shows it (built on the worker)."""

    hash: str
    created_at: str
    device_id: str
    deleted: bool
    first: bool
    changes: tuple[FieldChange, ...]
    restores: str | None = None  # created_at of the earlier version this one brought back


def versions_of(revisions: list[Revision], lang: str = "en") -> list[Version]:
    """Each revision with its changes from the one before, newest first.

    A version whose content equals an older one (not the one just before) is
    marked as restoring it, so a restore reads as such in the list.
    """
    versions = []
    previous: dict[str, Any] | None = None
    seen: dict[str, str] = {}  # canonical body -> when it first appeared
    for revision in revisions:
        changes = incident_changes(previous, revision.body, lang) if previous is not None else []
        key = canonical_json(revision.body).decode("utf-8")
        restores = seen.get(key) if changes else None
        seen.setdefault(key, revision.created_at)
        versions.append(
            Version(
                hash=revision.hash,
                created_at=revision.created_at,
                device_id=revision.device_id,
                deleted=revision.deleted,
                first=previous is None,
                changes=tuple(changes),
                restores=restores,
            )
        )
        previous = revision.body
    return versions[::-1]


def local_time(created_at: str) -> str:
    """A revision's UTC timestamp as local time, e.g. "23 Nov 2026, 14:03"."""
    moment = QDateTime.fromString(created_at, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return created_at
    return QLocale().toString(moment.toLocalTime(), "d MMM yyyy, HH:mm")


def short_device(device_id: str) -> str:
    """The random tail of a device id: UUIDv7 heads are timestamps, alike across devices."""
    return device_id.replace("-", "")[-8:]


def ui_lang() -> str:
    """The language of labels in the differences: the UI's, if the vocabularies have it."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def paragraph(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def change_row(change: FieldChange) -> str:
    """One field's change as a table row: the field's name, then what happened to it."""
    name = html.escape(change.label)
    return (
        f"<tr><td valign='top' style='color:{MUTED}; font-weight:600; padding-right:12px'>"
        f"{name}</td><td valign='top'>{_change_html(change)}</td></tr>"
    )


def _change_html(change: FieldChange) -> str:
    if change.words:
        return _words_html(change)
    if change.added or change.removed:
        added = [
            f"<span style='color:{_ADDED}'>+ {html.escape(item)}</span>" for item in change.added
        ]
        removed = [
            f"<span style='color:{DANGER}'>− <s>{html.escape(item)}</s></span>"
            for item in change.removed
        ]
        return "<br>".join(added + removed)
    if change.before is not None and change.after is not None:
        return (
            f"<s style='color:{DANGER}'>{html.escape(change.before)}</s> → "
            f"<span style='color:{_ADDED}'>{html.escape(change.after)}</span>"
        )
    prefix = f"{change.label}: "
    return "<br>".join(
        html.escape(line[len(prefix) :] if line.startswith(prefix) else line)
        for line in change.lines
    )


def _words_html(change: FieldChange) -> str:
    """The narrative's word diff: deletions struck through in red, insertions highlighted."""
    pieces = []
    for run in change.words:
        text = html.escape(run.text)
        if run.op == "-":
            pieces.append(f"<s style='color:{DANGER}'>{text}</s>")
        elif run.op == "+":
            pieces.append(
                f"<span style='background:{_INSERTED_BACKGROUND}; color:{_ADDED}'>{text}</span>"
            )
        elif run.op == "…":
            pieces.append(f"<span style='color:{MUTED}'>…</span>")
        else:
            pieces.append(text)
    summary = html.escape(change.lines[0].split(": ", 1)[-1]) if change.lines else ""
    return f"<span style='color:{MUTED}'>{summary}</span><br>{' '.join(pieces)}"
