"""The look (UI.md): Fusion, an explicit light palette, one accent colour.

Colours are set here and nowhere else, so a dark palette later is one more
function, not a hunt through widgets.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#009EDB"  # UN blue: selection and primary buttons only
DANGER = "#C62828"  # panic and destructive actions only
WINDOW = "#F5F7FA"
BASE = "#FFFFFF"
TEXT = "#1F2933"
MUTED = "#52606D"

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


def apply_theme(app: QApplication) -> None:
    """Fusion style, the light palette and the few style rules above."""
    app.setStyle("Fusion")
    app.setPalette(light_palette())
    app.setStyleSheet(_STYLE)
