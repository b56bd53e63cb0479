"""The page: A4, classification marking at top and bottom, running header, "Page X of Y".

The page count is known only when the story has been laid out, so the canvas
keeps every page until the end and then draws the furniture on each (the
usual reportlab recipe). The canvas runs in reportlab's invariant mode with
a creation date taken from the report definition and metadata we set, so
the same input always gives the same bytes and nothing names the machine
or the user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from hradvisor.reports.fonts import SANS, SANS_BOLD

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 2.2 * cm
MARGIN_TOP = 2.6 * cm
MARGIN_BOTTOM = 2.4 * cm
MARKING_COLOUR = colors.HexColor("#9b1c1c")
RULE_COLOUR = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#555555")


@dataclass(frozen=True)
class PageFurniture:
    """What every page shows around the text."""

    marking: str  # e.g. "CONFIDENTIAL"
    running_title: str  # e.g. "Summary analysis · Arcadia (fictional)"
    period: str
    page_label: str  # "Page {page} of {total}", formatted per page
    issued: dt.date
    lang: str


def _pdf_date(day: dt.date) -> str:
    return f"D:{day.year:04d}{day.month:02d}{day.day:02d}000000+00'00'"


def canvas_maker(furniture: PageFurniture) -> type[canvas.Canvas]:
    """A Canvas class that numbers pages "X of Y" and marks each one."""

    class MarkedCanvas(canvas.Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            kwargs["pageCompression"] = 1
            kwargs["lang"] = furniture.lang
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self.setDateFormatter(lambda *_: _pdf_date(furniture.issued))

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_furniture(self, furniture, number, total)
                super().showPage()
            super().save()

    return MarkedCanvas


def _draw_furniture(c: canvas.Canvas, f: PageFurniture, number: int, total: int) -> None:
    c.saveState()
    # Classification marking, top and bottom centre, as ST/SGB/2007/6 asks.
    c.setFillColor(MARKING_COLOUR)
    c.setFont(SANS_BOLD, 10)
    c.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 1.1 * cm, f.marking)
    c.drawCentredString(PAGE_WIDTH / 2, 0.9 * cm, f.marking)
    # Running header: what and when, with a rule under it.
    c.setFillColor(MUTED)
    c.setFont(SANS, 7.5)
    top = PAGE_HEIGHT - 1.75 * cm
    c.drawString(MARGIN_X, top, _fit(c, f.running_title, SANS, 7.5, PAGE_WIDTH / 2 - MARGIN_X))
    c.drawRightString(PAGE_WIDTH - MARGIN_X, top, f.period)
    c.setStrokeColor(RULE_COLOUR)
    c.setLineWidth(0.6)
    c.line(MARGIN_X, top - 0.2 * cm, PAGE_WIDTH - MARGIN_X, top - 0.2 * cm)
    # Footer: rule, date issued left, page number right.
    bottom = 1.55 * cm
    c.line(MARGIN_X, bottom + 0.35 * cm, PAGE_WIDTH - MARGIN_X, bottom + 0.35 * cm)
    c.drawString(MARGIN_X, bottom, f.issued.isoformat())
    c.drawRightString(PAGE_WIDTH - MARGIN_X, bottom, f.page_label.format(page=number, total=total))
    c.restoreState()


def _fit(c: canvas.Canvas, value: str, font: str, size: float, width: float) -> str:
    """*value* cut with an ellipsis so it fits in *width* points."""
    if c.stringWidth(value, font, size) <= width:
        return value
    while value and c.stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value + "…"
