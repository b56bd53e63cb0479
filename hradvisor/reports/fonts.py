"""The fonts every report embeds: DejaVu Sans, shipped in resources/fonts (licence beside them).

DejaVu Sans covers Latin (English, French, Spanish), Cyrillic (Russian), Greek,
Arabic and Hebrew letters, so whatever an adviser types shows as glyphs, not boxes.

Standard PDF fonts (Helvetica, Times) are not embedded and cover neither
Cyrillic nor many accents, so a report must never fall back to them: every
style and every chart names one of the families registered here.
"""

from __future__ import annotations

import errno
import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from hradvisor.resources import resource_path

SANS = "HRSans"
SANS_BOLD = "HRSans-Bold"
SANS_ITALIC = "HRSans-Italic"
SANS_BOLD_ITALIC = "HRSans-BoldItalic"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


class FontsMissing(OSError):
    """A shipped font is missing or unreadable: the installation is incomplete."""


@functools.cache
def register_fonts() -> None:
    """Load and register the report fonts once per process.

    Raises FontsMissing naming the file, before any page is drawn.
    """
    for name, filename in _FILES.items():
        path = resource_path("fonts", filename)
        if not path.is_file():
            raise FontsMissing(
                errno.ENOENT,
                "a report font is missing from this installation; reinstall hradvisor",
                str(path),
            )
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (TTFError, OSError) as exc:
            raise FontsMissing(
                errno.EIO, "a report font cannot be read; reinstall hradvisor", str(path)
            ) from exc
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(SANS, 1, 1, SANS_BOLD_ITALIC)
