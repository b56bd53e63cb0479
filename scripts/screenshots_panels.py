"""Render the incident panels and the Notes page to docs/screenshots/ (run under xvfb-run).

    xvfb-run -a .venv/bin/python scripts/screenshots_panels.py

Each widget is shown on a throw-away fast-KDF vault of fictional data (demo
country XA, "Arcadia (fictional)"): the History tab after a few edits, the
Attachments tab with a photo, a recording and a PDF, and the Notes section.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from hradvisor.demo import generate_incidents
from hradvisor.model import incident_from_json, incident_to_json, note_from_json
from hradvisor.store import KdfParams, Vault, create_vault, open_vault
from hradvisor.ui.incidents.attachments import AttachmentsPanel
from hradvisor.ui.incidents.history import HistoryPanel
from hradvisor.ui.notes import NotesPage
from hradvisor.ui.theme import apply_theme

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "screenshot-only-fictional-passphrase"  # noqa: S105 (a throw-away vault)
PANEL_SIZE = (700, 600)
PAGE_SIZE = (1100, 720)  # the section area of a 1280x800 window
NOTES = (
    (
        "2026-10-28",
        "Meeting with the Fenwick Crossing traders' association",
        "Five members described the night the stalls burnt. They ask that names stay out of any "
        "report. Agreed to return with the protection officer next week.",
        "confidential",
        ["market", "follow-up"],
    ),
    (
        "2026-10-30",
        "Visit to the Elsenmoor police station",
        "The commander confirmed two arrests but refused access to the detainees. Asked for the "
        "custody register; promised for Monday.",
        "strictly-confidential",
        ["detention"],
    ),
    (
        "2026-11-03",
        "Call with the regional human rights commission",
        "The commission has opened its own inquiry and will share its findings.",
        "unclassified",
        [],
    ),
)


def settle(app: QApplication, condition: Callable[[], bool] | None = None) -> None:
    """Let workers finish and the event loop paint."""
    for _ in range(400):
        QThreadPool.globalInstance().waitForDone(20)
        app.processEvents()
        if condition is None or condition():
            break


def save(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    widget.grab().save(str(OUT / f"{name}.png"), "PNG")
    print(f"wrote docs/screenshots/{name}.png")


def edit(vault: Vault, incident_id: str, **changes: object) -> None:
    incident, head = vault.incidents.get_with_head(incident_id)
    body = {**incident_to_json(incident), **changes}
    vault.incidents.update(incident_from_json(body), based_on=head)


def demo_photo(folder: Path) -> Path:
    """A fictional 'photo': a gradient with a roof line, nothing real."""
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    sky = QLinearGradient(0, 0, 0, 240)
    sky.setColorAt(0, QColor("#7FB3D5"))
    sky.setColorAt(1, QColor("#F4D03F"))
    painter.fillRect(image.rect(), sky)
    painter.fillRect(0, 150, 320, 90, QColor("#6E4B2A"))
    painter.fillRect(60, 100, 120, 60, QColor("#B03A2E"))
    painter.end()
    path = folder / "market-stalls-burnt.png"
    image.save(str(path))
    return path


def fill(vault: Vault, folder: Path) -> str:
    """Demo incidents, one edited a few times, with files attached; returns its id."""
    incidents = list(generate_incidents(60, seed=7, until=dt.date(2026, 11, 1)))
    vault.incidents.add_many(incidents)
    chosen = incidents[0]
    body = incident_to_json(chosen)
    edit(vault, chosen.id, title=f"{chosen.title} (revised after second interview)")
    edit(
        vault,
        chosen.id,
        violations=[*body["violations"], "destruction-of-property"],
        victims={"injured": {"men": 3, "women": 1}, "detained": {"men": 2}},
        verification="credible",
        narrative=(body["narrative"] or "")
        + " A second witness confirmed that stalls were set on fire the same night.",
    )
    for path in (
        demo_photo(folder),
        _file(folder, "interview-witness-B.m4a", b"\x00\x00\x00\x18ftypM4A " + bytes(900_000)),
        _file(folder, "police-statement-scan.pdf", b"%PDF-1.4\n" + bytes(240_000)),
    ):
        with path.open("rb") as handle:
            vault.attachments.add(chosen.id, handle, filename=path.name)
    for date, title, text, sensitivity, tags in NOTES:
        links = [chosen.id, incidents[1].id] if "traders" in title else [chosen.id]
        vault.notes.save(
            note_from_json(
                {
                    "date": date,
                    "title": title,
                    "text": text,
                    "sensitivity": sensitivity,
                    "tags": tags,
                    "incident_ids": links,
                }
            )
        )
    return chosen.id


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def main() -> int:
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        vault_dir = Path(tmp) / "arcadia"
        create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
        files = Path(tmp) / "files"
        files.mkdir()
        with open_vault(vault_dir, PASSPHRASE) as vault:
            incident_id = fill(vault, files)
            history = HistoryPanel(vault)
            history.resize(*PANEL_SIZE)
            history.show()
            history.show_incident(incident_id)
            settle(app, lambda: len(history.versions) == 3)
            save(app, history, "history")
            attachments = AttachmentsPanel(vault)
            attachments.resize(*PANEL_SIZE)
            attachments.show()
            attachments.show_incident(incident_id)
            settle(app, lambda: attachments.thumbnail_count == 1)
            save(app, attachments, "attachments")
            notes = NotesPage(vault)
            notes.resize(*PAGE_SIZE)
            notes.show()
            settle(app, lambda: len(notes.notes) == len(NOTES))
            notes.open_note(notes.notes[-1].id)
            settle(app, lambda: notes.editor.links.count() == 2)
            save(app, notes, "notes")
            for widget in (history, attachments, notes):
                widget.clear()
                widget.close()
            QThreadPool.globalInstance().waitForDone(5000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
