"""The look (UI.md): Fusion, an explicit light palette, one accent colour.

Colours are set here and nowhere else, so a dark palette later is one more
function, not a hunt through widgets.
"""

from __future__ import annotations

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

_STYLE = f"""
QPushButton {{ padding: 6px 16px; min-height: 20px; }}
QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: 1px solid #0086BA; border-radius: 4px;
}}
QPushButton[role="primary"]:disabled {{ background: #9BCFE6; }}
QPushButton[role="danger"] {{
    background: {DANGER}; color: white; border: 1px solid #9F1F1F; border-radius: 4px;
}}
QLabel[role="title"] {{ font-size: 20px; font-weight: 600; color: {TEXT}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {DANGER}; }}
QFrame[role="card"] {{ background: {BASE}; border: 1px solid #D9E2EC; border-radius: 8px; }}
QFrame[role="header"] {{ background: {BASE}; border-bottom: 1px solid #D9E2EC; }}
QListWidget#navigation {{
    background: #EEF2F6; border: none; border-right: 1px solid #D9E2EC; padding: 8px 4px;
}}
QLineEdit {{ padding: 5px 6px; }}
QStatusBar {{ background: {BASE}; border-top: 1px solid #D9E2EC; color: {MUTED}; }}
QProgressBar[strength="weak"]::chunk {{ background: #D97706; }}
QLabel[role="caption"] {{ font-weight: 600; color: {TEXT}; }}
QLabel[role="warning"] {{ color: {WARNING_TEXT}; }}
QLabel[role="total"] {{ font-weight: 600; padding-right: 4px; }}
QFrame[role="banner"] {{ background: #E1F3FB; border: 1px solid #9BCFE6; border-radius: 6px; }}
QFrame[role="banner"][kind="warning"] {{ background: #FFF6E0; border-color: #E8B95A; }}
QFrame[role="banner"][kind="error"] {{ background: #FDECEA; border-color: #E3A1A1; }}
QFrame[role="banner"] QLabel {{ background: transparent; color: {TEXT}; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QListWidget[invalid="true"],
QDateEdit[invalid="true"], QComboBox[invalid="true"], QTableWidget[invalid="true"] {{
    border: 1px solid {DANGER}; border-radius: 3px;
}}
QProgressBar[strength="strong"]::chunk {{ background: #2E7D32; }}
"""


def light_palette() -> QPalette:
    """The default palette: light greys, dark text, the accent for selection."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: BASE,
        QPalette.ColorRole.AlternateBase: "#F0F4F8",
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: "#E4E7EB",
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.ToolTipBase: BASE,
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: "#7B8794",
        QPalette.ColorRole.Link: "#0077A8",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#9AA5B1"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#9AA5B1"))
    return palette


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


def apply_theme(app: QApplication) -> None:
    """Fusion (with honest sort arrows), the light palette and the few style rules above."""
    style = SortArrowStyle("Fusion")
    _styles[:] = [style]
    app.setStyle(style)
    app.setPalette(light_palette())
    app.setStyleSheet(_STYLE)
