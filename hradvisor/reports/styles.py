"""Type, colour and the one way user text enters a Paragraph.

reportlab's Paragraph parses its text as XML-like markup, so anything a
person typed (a title, the overview, an area name) must be escaped first —
``user_text`` does that, keeps paragraph breaks, and lets words longer than
a line break anywhere instead of running off the page.
"""

from __future__ import annotations

import functools
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from hradvisor.reports.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts

INK = colors.HexColor("#1a1a1a")
BLUE = colors.HexColor("#1f4e79")
LIGHT_BLUE = colors.HexColor("#dce6f1")
PALE = colors.HexColor("#f3f6fa")
GREY = colors.HexColor("#666666")
GRID = colors.HexColor("#b7c4d4")
SERIES = (colors.HexColor("#1f4e79"), colors.HexColor("#c55a11"), colors.HexColor("#7f7f7f"))
RATING_TINT = {
    "high": colors.HexColor("#f4c7c3"),
    "moderate": colors.HexColor("#fce8b2"),
    "low": colors.HexColor("#e2efda"),
    "absent": colors.HexColor("#eeeeee"),
    "unknown": colors.white,
}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The report's paragraph styles (fonts registered first)."""
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=SANS,
        fontSize=9,
        leading=13,
        textColor=INK,
        spaceAfter=5,
        splitLongWords=1,
        alignment=TA_LEFT,
    )

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "body": base,
        "org": derive("org", fontName=SANS, fontSize=8.5, textColor=GREY, spaceAfter=10),
        "title": derive(
            "title", fontName=SANS_BOLD, fontSize=16, leading=20, textColor=BLUE, spaceAfter=10
        ),
        "h1": derive(
            "h1",
            fontName=SANS_BOLD,
            fontSize=12,
            leading=15,
            textColor=BLUE,
            spaceBefore=12,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2": derive(
            "h2", fontName=SANS_BOLD, fontSize=10, leading=13, spaceBefore=6, keepWithNext=1
        ),
        "small": derive("small", fontName=SANS, fontSize=7.5, leading=9.5, textColor=GREY),
        "note": derive("note", fontName=SANS_ITALIC, fontSize=8, leading=11, textColor=GREY),
        "cell": derive("cell", fontName=SANS, fontSize=7.5, leading=9, spaceAfter=0),
        "cell_bold": derive("cell_bold", fontName=SANS_BOLD, fontSize=7.5, leading=9, spaceAfter=0),
        "cell_right": derive(
            "cell_right", fontName=SANS, fontSize=7.5, leading=9, spaceAfter=0, alignment=TA_RIGHT
        ),
        "head": derive(
            "head",
            fontName=SANS_BOLD,
            fontSize=7.5,
            leading=9,
            spaceAfter=0,
            textColor=colors.white,
        ),
        "head_right": derive(
            "head_right",
            fontName=SANS_BOLD,
            fontSize=7.5,
            leading=9,
            spaceAfter=0,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
        "tile_number": derive(
            "tile_number",
            fontName=SANS_BOLD,
            fontSize=18,
            leading=21,
            textColor=BLUE,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        "tile_label": derive(
            "tile_label", fontName=SANS_BOLD, fontSize=8, leading=10, alignment=TA_CENTER
        ),
        "tile_change": derive(
            "tile_change",
            fontName=SANS,
            fontSize=7,
            leading=9,
            textColor=GREY,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
    }


def safe(value: str) -> str:
    """*value* escaped for Paragraph markup (& < > and quotes)."""
    return escape(value, {'"': "&quot;", "'": "&#39;"})


def para(value: str, style: str = "body") -> Paragraph:
    """A Paragraph of plain text (never markup) in one of the report styles."""
    return Paragraph(safe(value), styles()[style])


def user_text(value: str | None, style: str = "body") -> list[Paragraph]:
    """Paragraphs from text a person wrote: blank lines separate paragraphs, line breaks kept."""
    if not value or not value.strip():
        return []
    return [
        Paragraph(safe(block.strip()).replace("\n", "<br/>"), styles()[style])
        for block in _PARAGRAPH_BREAK.split(value)
        if block.strip()
    ]


def clip(value: str, limit: int) -> str:
    """At most *limit* characters, with an ellipsis when cut (for table cells)."""
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
