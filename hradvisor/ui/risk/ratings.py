"""How ratings look: a colour per point of the scale, always with its word beside it.

Colour is never the only carrier (UI.md, accessibility): every chip, cell and
button shows the rating's label, and the colour only reinforces it. Red is
kept for danger and strictly-confidential marks, so "high" is a deep orange.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from hradvisor.analysis.risk import DOWN, NEW, SAME, UNCLEAR, UP
from hradvisor.model import RATINGS, rating_label, risk_framework
from hradvisor.ui.i18n import ui_language

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

# rating → (strong colour for text and borders, light tint for backgrounds)
RATING_COLOURS: dict[str, tuple[str, str]] = {
    "absent": ("#2E7D32", "#E6F4EA"),
    "low": ("#5B6B12", "#F1F5D8"),
    "moderate": ("#9A5B00", "#FFF1CC"),
    "high": ("#A33A00", "#FFE1CF"),
    "unknown": ("#52606D", "#EEF2F6"),
}
# direction → (symbol, colour): rising risk is the warning colour, falling the calm one.
DIRECTION_MARKS: dict[str, tuple[str, str]] = {
    UP: ("▲", "#A33A00"),
    DOWN: ("▼", "#2E7D32"),
    SAME: ("=", "#52606D"),
    NEW: ("●", "#0077A8"),
    UNCLEAR: ("?", "#52606D"),
}

RATING_STYLE = "\n".join(
    f'QLabel[rating="{code}"] {{ color: {strong}; background: {tint};'
    f" border: 1px solid {strong}; border-radius: 4px; padding: 1px 8px; font-weight: 600; }}\n"
    f'QRadioButton[rating="{code}"]:checked {{ color: {strong}; background: {tint};'
    f" border: 1px solid {strong}; border-radius: 4px; font-weight: 600; }}"
    for code, (strong, tint) in RATING_COLOURS.items()
) + (
    "\nQRadioButton[rating] { padding: 3px 8px; border: 1px solid transparent;"
    " border-radius: 4px; }"
)


def direction_text(direction: str) -> str:
    """The word for a direction of change, translated."""
    words = {
        UP: translate("RiskPage", "Higher"),
        DOWN: translate("RiskPage", "Lower"),
        SAME: translate("RiskPage", "Same"),
        NEW: translate("RiskPage", "Newly rated"),
        UNCLEAR: translate("RiskPage", "Now unknown"),
    }
    return words[direction]


def rating_brushes(code: str) -> tuple[QBrush, QBrush]:
    """(foreground, background) brushes for a table cell showing rating *code*."""
    strong, tint = RATING_COLOURS[code]
    return QBrush(QColor(strong)), QBrush(QColor(tint))


class RatingChip(QLabel):
    """A rating shown as its word on its colour."""

    def __init__(self, code: str = "unknown", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_rating(code)

    def set_rating(self, code: str) -> None:
        self.setText(rating_label(code, ui_language()))
        self.setProperty("rating", code)
        self.setAccessibleName(translate("RiskPage", "Rating: {rating}").format(rating=self.text()))
        self.style().unpolish(self)
        self.style().polish(self)


class RatingSelector(QWidget):
    """One radio button per rating (arrow keys move between them); emits ``changed(code)``."""

    changed = Signal(str)

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        framework = risk_framework()
        for code in RATINGS:
            button = QRadioButton(rating_label(code, ui_language()))
            button.setProperty("rating", code)
            button.setAccessibleName(f"{accessible}: {rating_label(code, ui_language())}")
            button.setToolTip(framework.rating(code).description(ui_language()))
            self.group.addButton(button)
            self.buttons[code] = button
            row.addWidget(button)
            button.toggled.connect(lambda on, code=code: self._toggled(on, code))
        row.addStretch(1)
        self.set_rating("unknown")

    def _toggled(self, on: bool, code: str) -> None:
        if on:
            self.changed.emit(code)

    def rating(self) -> str:
        for code, button in self.buttons.items():
            if button.isChecked():
                return code
        return "unknown"

    def set_rating(self, code: str) -> None:
        self.buttons[code].setChecked(True)
