"""Small building blocks shared by the screens: labelled roles, buttons, message banners."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


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


class Banner(QFrame):
    """A message strip above a page with up to two actions (no modal dialog for ordinary news).

    *kind* is "info", "warning" or "error"; the text says what happened and the
    buttons say what can be done about it.
    """

    def __init__(self, accessible: str) -> None:
        super().__init__()
        self.setProperty("role", "banner")
        self.setAccessibleName(accessible)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.setSpacing(8)
        self.text = label("")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.text, 1)
        self.buttons = [button("", accessible), button("", accessible)]
        for action in self.buttons:
            action.clicked.connect(lambda _checked=False, b=action: self._clicked(b))
            row.addWidget(action)
        self._actions: dict[int, Callable[[], None]] = {}
        self.setVisible(False)

    def show_message(
        self, kind: str, text: str, actions: list[tuple[str, Callable[[], None]]] | None = None
    ) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.text.setText(text)
        self._actions = {}
        for index, action in enumerate(self.buttons):
            if actions and index < len(actions):
                caption, callback = actions[index]
                action.setText(caption)
                action.setAccessibleName(caption)
                self._actions[id(action)] = callback
                action.setVisible(True)
            else:
                action.setVisible(False)
        self.setVisible(True)

    def clear(self) -> None:
        self.text.setText("")
        self._actions = {}
        self.setVisible(False)

    @property
    def kind(self) -> str:
        """The kind of the message shown ("" when none is)."""
        return str(self.property("kind") or "") if self.text.text() else ""

    def _clicked(self, action: QPushButton) -> None:
        callback = self._actions.get(id(action))
        if callback is not None:
            callback()


def name_inner_parts(root: QWidget) -> None:
    """Give the line edits and buttons Qt builds inside composite controls an accessible name.

    A spin box's editor or a table's corner button takes the name of the
    nearest named widget around it, so a screen reader never meets a nameless control.
    """
    for part in root.findChildren(QLineEdit) + root.findChildren(QAbstractButton):
        if part.accessibleName():
            continue
        owner = part.parentWidget()
        while owner is not None and not owner.accessibleName():
            owner = owner.parentWidget()
        if owner is not None:
            part.setAccessibleName(owner.accessibleName())


class ElidedLabel(QLabel):
    """One line of text that ends in "…" when it does not fit, instead of widening the window.

    A 300-character incident title must not push the Save button off screen.
    ``full_text()`` is the whole text; the tooltip shows it too.
    """

    def __init__(self, text: str = "", role: str = "") -> None:
        super().__init__()
        self._full = ""
        if role:
            self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(self.width(), 1)
        )
        super().setText(shown)


def page_banner(layout: QVBoxLayout, accessible: str) -> Banner:
    """A Banner at the top of a section page, inset like the page's content below it."""
    banner = Banner(accessible)
    box = QVBoxLayout()
    box.setContentsMargins(16, 8, 16, 0)
    box.addWidget(banner)
    layout.addLayout(box)
    return banner


def name_parts(widget: QWidget, accessible: str) -> None:
    """Give the line edits and buttons Qt builds inside *widget* an accessible name.

    Spin boxes, date edits and tables carry inner controls (an edit field,
    the table's corner button) that screen readers announce without a name.
    """
    for part in widget.findChildren(QLineEdit) + widget.findChildren(QAbstractButton):
        part.setAccessibleName(accessible)
