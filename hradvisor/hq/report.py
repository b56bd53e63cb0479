"""The HQ status report (PDF): what HQ has and has not received, and consolidated counts.

Per device: status, packages, last sequence and receipt time, missing
packages (gaps) and rejections; then incidents and open conflicts by
country. Built with reportlab in memory and written atomically; the bytes
are reproducible for the same store state and time (``invariant``), and the
metadata carry no author or producer details.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from hradvisor.hq.summary import Summary
from hradvisor.store.files import write_atomic

MARKING = "OHCHR internal - HQ intake status"
_GRID = TableStyle(
    [
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
        ("FONT", (0, 1), (-1, -1), "Helvetica", 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe7f0")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#8899aa")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)


def _table(rows: list[list[Any]], widths: list[float], numbers: tuple[int, ...] = ()) -> Table:
    """A grid table; the columns in *numbers* are right-aligned."""
    table = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(_GRID)
    for column in numbers:
        table.setStyle(TableStyle([("ALIGN", (column, 1), (column, -1), "RIGHT")]))
    return table


def _device_rows(summary: Summary) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Device", "Status", "Packages", "Last seq.", "Last receipt (UTC)", "Missing", "Rejected"]
    ]
    for device in summary.devices:
        rows.append(
            [
                f"{_short(device.label)}\n{device.device_id}",
                device.status,
                device.packages,
                "-" if device.last_sequence is None else device.last_sequence,
                (device.last_receipt_at or "-").replace("T", " ")[:19],
                device.missing or "-",
                device.rejections or "-",
            ]
        )
    return rows


def _short(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _rejection_rows(summary: Summary) -> list[list[Any]]:
    rows: list[list[Any]] = [["When (UTC)", "Via", "Device", "Bytes", "Reason"]]
    for entry in summary.recent_rejections:
        rows.append(
            [
                entry.at.replace("T", " ")[:19],
                entry.via,
                entry.device_id or "unknown",
                entry.size,
                _short(entry.reason, 60),
            ]
        )
    return rows


def _gap_lines(summary: Summary) -> list[str]:
    return [
        f"{escape(_short(device.label))} ({device.device_id}): packages "
        + ", ".join(
            str(gap.first) if gap.first == gap.last else f"{gap.first}-{gap.last}"
            for gap in device.gaps
        )
        for device in summary.devices
        if device.gaps
    ]


def render_report(summary: Summary) -> bytes:
    """The report as PDF bytes."""
    styles = getSampleStyleSheet()
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        title="HQ intake status",
        author="",
        subject="",
        creator="",
        producer="",
        invariant=1,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    when = summary.generated_at.replace("T", " ")[:16]
    story: list[Any] = [
        Paragraph("HQ intake status", styles["Title"]),
        Paragraph(f"Generated {when} UTC. HQ key {summary.hq_fingerprint}.", styles["Normal"]),
        Spacer(1, 4 * mm),
        Paragraph(
            f"{_plural(summary.packages, 'package')} and {_plural(summary.revisions, 'revision')}"
            f" received from {_plural(len(summary.devices), 'device')}; "
            f"{_plural(summary.incidents, 'incident')} held, {summary.conflicts} with concurrent "
            f"edits to resolve; {_plural(summary.rejections, 'package')} rejected "
            f"({summary.rejections_unattributed} from no known device).",
            styles["Normal"],
        ),
        Spacer(1, 5 * mm),
        Paragraph("Devices", styles["Heading2"]),
        _table(_device_rows(summary), [58, 18, 17, 16, 34, 16, 17], (2, 3, 5, 6)),
        Spacer(1, 5 * mm),
        Paragraph("Missing packages (gaps)", styles["Heading2"]),
    ]
    gaps = _gap_lines(summary)
    story += [Paragraph(line, styles["Normal"]) for line in gaps] or [
        Paragraph("None: every device's sequence is complete.", styles["Normal"])
    ]
    story += [
        Spacer(1, 5 * mm),
        Paragraph("Incidents by country", styles["Heading2"]),
        _table(
            [["Country", "Incidents", "Conflicts"]]
            + [
                [f"{c.name} ({c.country})", c.incidents, c.conflicts or "-"]
                for c in summary.countries
            ],
            [100, 30, 30],
            (1, 2),
        ),
    ]
    if summary.recent_rejections:
        story += [
            Spacer(1, 5 * mm),
            Paragraph("Latest rejections (reasons only; no content is kept)", styles["Heading2"]),
            _table(_rejection_rows(summary), [32, 12, 62, 16, 58], (3,)),
        ]

    def marking(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawString(15 * mm, 10 * mm, MARKING)
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=marking, onLaterPages=marking)
    return out.getvalue()


def write_report(summary: Summary, path: Path) -> None:
    """Render and write the report atomically (temp file in the target folder, then rename)."""
    write_atomic(Path(path), render_report(summary))
