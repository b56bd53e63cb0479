"""Small building blocks shared by the screens: labelled roles, buttons, empty states."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def label(text: str, role: str = "", *, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label whose look comes from its role (title, muted, error)."""
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    if role:
        widget.setProperty("role", role)
    return widget


def button(text: str, accessible: str, role: str = "") -> QPushButton:
    """A push button with an accessible name; role 'primary' or 'danger' colours it."""
    widget = QPushButton(text)
    widget.setAccessibleName(accessible)
    if role:
        widget.setProperty("role", role)
    return widget
