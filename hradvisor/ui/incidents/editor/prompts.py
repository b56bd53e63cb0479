"""The one question the editor ever asks: save, discard or stay?

Kept in its own function so tests can answer it (monkeypatch ``ask_unsaved``)
and so every caller asks it the same way, in the same words.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


_open: list[QMessageBox] = []  # the question on screen, if any (see dismiss)


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, title: str) -> Choice:
    """Ask what to do with unsaved changes to the incident called *title*."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("IncidentEditor", "Unsaved changes"))
    box.setText(translate("IncidentEditor", "Save your changes to “{title}”?").format(title=title))
    box.setInformativeText(
        translate("IncidentEditor", "If you discard them, they are gone for good.")
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    _open.append(box)
    try:
        answer = box.exec()
    finally:
        _open.remove(box)
    if answer == QMessageBox.StandardButton.Save:
        return Choice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Choice.DISCARD
    return Choice.CANCEL


def dismiss() -> None:
    """Answer Cancel to a question on screen: a lock must never leave it over the unlock screen.

    (It names an incident, and answering it later would act on a closed vault.)
    """
    for box in list(_open):
        box.done(QMessageBox.StandardButton.Cancel)
