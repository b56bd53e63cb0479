"""Passphrase fields and the strength meter shared by "create vault" and "change passphrase".

zxcvbn scores 0–4 and explains in its own words why a passphrase is weak; the
same bar (MIN_SCORE) applies on the command line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QProgressBar, QVBoxLayout, QWidget
from zxcvbn import zxcvbn

from hradvisor.ui.widgets import label

MIN_SCORE = 3
_SCORED_PREFIX = 100  # zxcvbn slows down sharply on long inputs; the prefix decides anyway

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


def secret_field(name: str) -> QLineEdit:
    """A masked line edit whose placeholder and accessible name say what to type."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(name)
    field.setAccessibleName(name)
    return field


class StrengthMeter(QWidget):
    """A thin bar and a sentence; call ``rate(text)`` as the user types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(8)
        self.meter.setAccessibleName(translate("StrengthMeter", "Passphrase strength"))
        self.feedback = label(translate("StrengthMeter", "Strength: type a passphrase."), "muted")
        layout.addWidget(self.meter)
        layout.addWidget(self.feedback)

    @property
    def score(self) -> int:
        return self.meter.value()

    def rate(self, text: str) -> None:
        if not text:
            self.meter.setValue(0)
            self.feedback.setText(translate("StrengthMeter", "Strength: type a passphrase."))
            return
        result = zxcvbn(text[:_SCORED_PREFIX])
        score = int(result["score"])
        self.meter.setValue(score)
        self.meter.setProperty("strength", "strong" if score >= MIN_SCORE else "weak")
        self.meter.style().polish(self.meter)  # re-read the style for the new property
        advice = [result["feedback"].get("warning") or "", *result["feedback"]["suggestions"]]
        summary = translate("StrengthMeter", "Strength: {score} of 4.").format(score=score)
        self.feedback.setText(" ".join([summary, *(a for a in advice if a)]))
