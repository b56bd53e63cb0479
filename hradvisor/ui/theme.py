"""The look (UI.md): Fusion, an explicit light or dark palette, one accent colour.

Colours are set here and nowhere else: the style sheet is written once over a
set of named colours, and each look (light, dark) is one such set.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QWidget,
)

ACCENT = "#009EDB"  # UN blue: selection and primary buttons only
DANGER = "#C62828"  # panic and destructive actions only
WINDOW = "#F5F7FA"
BASE = "#FFFFFF"
TEXT = "#1F2933"
MUTED = "#52606D"
WARNING_TEXT = "#8A4B00"

# Chips in the incident list: (background, text) per code. Red only for strictly confidential.
SENSITIVITY_CHIPS = {
    "strictly-confidential": (DANGER, "#FFFFFF"),
    "confidential": ("#FFF3D6", "#7A4300"),
    "unclassified": ("#E4E7EB", "#3E4C59"),
}
VERIFICATION_CHIPS = {
    "reported": ("#EEF2F6", "#52606D"),
    "credible": ("#E1F3FB", "#005A80"),
    "verified": ("#E3F1E4", "#1B5E20"),
    "discounted": ("#F1F1F1", "#7B8794"),
}


@dataclass(frozen=True)
class Colours:
    """The named colours of one look; the accent and danger red are the same in both."""

    window: str
    base: str
    alternate: str
    text: str
    muted: str
    border: str
    navigation: str
    button: str
    placeholder: str
    disabled: str
    link: str
    warning_text: str
    banner: str
    banner_border: str
    banner_warning: str
    banner_warning_border: str
    banner_error: str
    banner_error_border: str
    primary_disabled: str


LIGHT = Colours(
    window=WINDOW,
    base=BASE,
    alternate="#F0F4F8",
    text=TEXT,
    muted=MUTED,
    border="#D9E2EC",
    navigation="#EEF2F6",
    button="#E4E7EB",
    placeholder="#7B8794",
    disabled="#9AA5B1",
    link="#0077A8",
    warning_text=WARNING_TEXT,
    banner="#E1F3FB",
    banner_border="#9BCFE6",
    banner_warning="#FFF6E0",
    banner_warning_border="#E8B95A",
    banner_error="#FDECEA",
    banner_error_border="#E3A1A1",
    primary_disabled="#9BCFE6",
)
DARK = Colours(
    window="#1B2129",
    base="#232A33",
    alternate="#2A323C",
    text="#E4E7EB",
    muted="#9AA5B1",
    border="#3A4450",
    navigation="#161B22",
    button="#323B46",
    placeholder="#7B8794",
    disabled="#616E7C",
    link="#5CC8F0",
    warning_text="#F5B95A",
    banner="#12384A",
    banner_border="#1F6F91",
    banner_warning="#4A3712",
    banner_warning_border="#8A6A2A",
    banner_error="#4A1F1F",
    banner_error_border="#8A3A3A",
    primary_disabled="#285A70",
)
THEMES = {"light": LIGHT, "dark": DARK}


def style_sheet(c: Colours) -> str:
    """The few rules the palette cannot express, written over *c*."""
    return f"""
QPushButton {{ padding: 6px 16px; min-height: 20px; }}
QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: 1px solid #0086BA; border-radius: 4px;
}}
QPushButton[role="primary"]:disabled {{ background: {c.primary_disabled}; }}
QPushButton[role="danger"] {{
    background: {DANGER}; color: white; border: 1px solid #9F1F1F; border-radius: 4px;
}}
QLabel[role="title"] {{ font-size: 20px; font-weight: 600; color: {c.text}; }}
QLabel[role="heading"] {{ font-size: 15px; font-weight: 600; color: {c.text}; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="error"] {{ color: {DANGER}; }}
QFrame[role="card"] {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 8px; }}
QFrame[role="card"] QLabel {{ background: transparent; }}
QFrame[role="header"] {{ background: {c.base}; border-bottom: 1px solid {c.border}; }}
QListWidget#navigation {{
    background: {c.navigation}; border: none; border-right: 1px solid {c.border};
    padding: 8px 4px;
}}
QLineEdit {{ padding: 5px 6px; }}
QStatusBar {{ background: {c.base}; border-top: 1px solid {c.border}; color: {c.muted}; }}
QProgressBar[strength="weak"]::chunk {{ background: #D97706; }}
QLabel[role="caption"] {{ font-weight: 600; color: {c.text}; }}
QLabel[role="warning"] {{ color: {c.warning_text}; }}
QLabel[role="total"] {{ font-weight: 600; padding-right: 4px; }}
QFrame[role="banner"] {{
    background: {c.banner}; border: 1px solid {c.banner_border}; border-radius: 6px;
}}
QFrame[role="banner"][kind="warning"] {{
    background: {c.banner_warning}; border-color: {c.banner_warning_border};
}}
QFrame[role="banner"][kind="error"] {{
    background: {c.banner_error}; border-color: {c.banner_error_border};
}}
QFrame[role="banner"] QLabel {{ background: transparent; color: {c.text}; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QListWidget[invalid="true"],
QDateEdit[invalid="true"], QComboBox[invalid="true"], QTableWidget[invalid="true"] {{
    border: 1px solid {DANGER}; border-radius: 3px;
}}
QProgressBar[strength="strong"]::chunk {{ background: #2E7D32; }}
"""


def palette_for(c: Colours) -> QPalette:
    """An explicit palette (never the system's): the look is the same on every desktop."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.alternate,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.button,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.placeholder,
        QPalette.ColorRole.Link: c.link,
        QPalette.ColorRole.BrightText: "#FFFFFF",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.disabled))
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(c.disabled)
    )
    return palette


def light_palette() -> QPalette:
    """The default palette: light greys, dark text, the accent for selection."""
    return palette_for(LIGHT)


class SortArrowStyle(QProxyStyle):
    """Fusion, with the header's sort arrow pointing the way the values run.

    Qt hands the style "sort down" for ascending order, and Fusion draws that
    as an arrow pointing up: a list shown newest first would carry an arrow
    pointing up. Here the arrow points down when values go down the list
    (descending) and up when they go up (ascending).
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            flipped = QStyleOptionHeader(option)
            flipped.sortIndicator = _FLIP.get(option.sortIndicator, option.sortIndicator)
            option = flipped
        super().drawPrimitive(element, option, painter, widget)


_FLIP = {
    QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
    QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
}
_styles: list[QProxyStyle] = []  # the style in use stays referenced from Python


def apply_theme(app: QApplication, name: str = "light") -> None:
    """Fusion (with honest sort arrows), the light or dark palette and the style rules above."""
    colours = THEMES.get(name, LIGHT)
    if not _styles:
        style = SortArrowStyle("Fusion")
        _styles[:] = [style]
        app.setStyle(style)
    app.setPalette(palette_for(colours))
    app.setStyleSheet(style_sheet(colours))
    app.setProperty("hradvisor_theme", name if name in THEMES else "light")


def current_theme() -> Colours:
    """The colours in use (widgets that paint themselves, such as charts, follow them)."""
    app = QApplication.instance()
    name = app.property("hradvisor_theme") if app is not None else None
    return THEMES.get(str(name), LIGHT)
