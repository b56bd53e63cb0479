"""The adviser's say over the engine's ranked concerns and signals: include, pin, hide, reorder.

The engine ranks; a person decides. The list shows the items in the order
the report will use (pinned first, then the adviser's order, then the
engine's ranking) with hidden ones greyed at the end so they can be brought
back. What is stored is a ``Choices`` (pinned / hidden / order keys), exactly
what ``arrange_concerns`` and the report engine read. Keys the current
analysis does not produce (the scope changed) are kept, not silently lost.

Keyboard: Ctrl+Up / Ctrl+Down move the current item, Ctrl+P pins or unpins
it, Ctrl+H hides or shows it; the buttons do the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hradvisor.model import Choices
from hradvisor.ui.widgets import button, label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

KEY_ROLE = Qt.ItemDataRole.UserRole
TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
MUTED = QColor("#7B8794")
PIN = "pinned"
HIDE = "hidden"


@dataclass(frozen=True)
class Choice:
    """One ranked item as the list shows it: its key and a line of text."""

    key: str
    text: str


class ChoiceList(QWidget):
    """A ranked list with pin / hide / move controls. Emits ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, accessible: str, *, limit: int | None = None) -> None:
        super().__init__()
        self._limit = limit
        # Ordered (dicts as ordered sets), and holding keys this analysis may not produce.
        self._pinned: dict[str, None] = {}
        self._hidden: dict[str, None] = {}
        self._stored_order: tuple[str, ...] = ()
        self._moved = False
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.list = QListWidget()
        self.list.setAccessibleName(accessible)
        self.list.setProperty("role", "choices")
        self.list.setAccessibleDescription(
            translate(
                "ReportsPage",
                "Ctrl+Up and Ctrl+Down move the item, Ctrl+P pins it, Ctrl+H hides it.",
            )
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(120)
        self.list.installEventFilter(self)
        box.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.pin_button = self._tool(translate("ReportsPage", "Pin"), "Ctrl+P")
        self.hide_button = self._tool(translate("ReportsPage", "Hide"), "Ctrl+H")
        self.up_button = self._tool(translate("ReportsPage", "Move up"), "Ctrl+Up")
        self.down_button = self._tool(translate("ReportsPage", "Move down"), "Ctrl+Down")
        for widget in (self.pin_button, self.hide_button, self.up_button, self.down_button):
            row.addWidget(widget)
        row.addStretch(1)
        box.addLayout(row)
        self.empty = label("", "muted")
        box.addWidget(self.empty)
        self.pin_button.clicked.connect(self.toggle_pin)
        self.hide_button.clicked.connect(self.toggle_hide)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def _tool(self, text: str, keys: str) -> QPushButton:
        widget = button(text, text)
        widget.setToolTip(f"{text} ({keys})")
        return widget

    # -- content ---------------------------------------------------------------------------
    def set_items(self, items: Sequence[Choice], choices: Choices) -> None:
        """Show *items* (in the engine's ranking) arranged by *choices*."""
        self._pinned = dict.fromkeys(choices.pinned)
        self._hidden = {k: None for k in choices.hidden if k not in self._pinned}
        self._stored_order = choices.order
        self._moved = False
        position = {key: index for index, key in enumerate(dict.fromkeys(choices.order))}
        ranked = sorted(
            enumerate(items),
            key=lambda pair: (
                pair[1].key in self._hidden,
                pair[1].key not in self._pinned,
                position.get(pair[1].key, len(position)),
                pair[0],
            ),
        )
        self.list.blockSignals(True)
        self.list.clear()
        for _, item in ranked:
            entry = QListWidgetItem()
            entry.setData(KEY_ROLE, item.key)
            entry.setData(TEXT_ROLE, item.text)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self._restyle()
        self._update_buttons()

    def set_message(self, text: str) -> None:
        self.empty.setText(text)
        self.empty.setVisible(bool(text))

    def keys(self) -> list[str]:
        return [str(self.list.item(row).data(KEY_ROLE)) for row in range(self.list.count())]

    def choices(self) -> Choices:
        """What to store: pinned and hidden keys, and the order if the adviser set one."""
        order = self._stored_order
        if self._moved:
            keys = self.keys()
            shown = tuple(k for k in keys if k not in self._hidden)
            order = shown + tuple(k for k in self._stored_order if k not in set(keys))
        return Choices(pinned=tuple(self._pinned), hidden=tuple(self._hidden), order=order)

    def clear(self) -> None:
        self._pinned, self._hidden = {}, {}
        self._stored_order = ()
        self._moved = False
        self.list.clear()
        self.set_message("")
        self._update_buttons()

    # -- editing ---------------------------------------------------------------------------
    def toggle_pin(self) -> None:
        key = self._current_key()
        if key is None:
            return
        if key in self._pinned:
            del self._pinned[key]
        else:
            self._pinned[key] = None
            self._hidden.pop(key, None)
        self._edited()

    def toggle_hide(self) -> None:
        key = self._current_key()
        if key is None:
            return
        if key in self._hidden:
            del self._hidden[key]
        else:
            self._hidden[key] = None
            self._pinned.pop(key, None)
        self._edited()

    def move_item(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._moved = True
        self._edited()

    def _edited(self) -> None:
        self._restyle()
        self._update_buttons()
        self.changed.emit()

    def _current_key(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(KEY_ROLE))

    def _restyle(self) -> None:
        """Mark each line: pinned, hidden, or past what the report has room for."""
        shown = 0
        room = None if self._limit is None else max(self._limit, len(self._pinned))  # as the engine
        for row in range(self.list.count()):
            item = self.list.item(row)
            key = str(item.data(KEY_ROLE))
            text = str(item.data(TEXT_ROLE))
            font = QFont(self.list.font())
            colour: QColor | None = None
            if key in self._hidden:
                note = translate("ReportsPage", "hidden")
                font.setItalic(True)
                colour = MUTED
            elif room is not None and shown >= room:
                note = translate("ReportsPage", "no room in the report")
                colour = MUTED
                shown += 1
            else:
                shown += 1
                note = translate("ReportsPage", "pinned") if key in self._pinned else ""
            if key in self._pinned:
                font.setBold(True)
            item.setText(f"{text}  ·  {note}" if note else text)
            item.setFont(font)
            item.setForeground(QBrush(colour) if colour is not None else QBrush())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text())

    def _update_buttons(self, *_args: object) -> None:
        key = self._current_key()
        row = self.list.currentRow()
        for widget in (self.pin_button, self.hide_button):
            widget.setEnabled(key is not None)
        self.pin_button.setText(
            translate("ReportsPage", "Unpin")
            if key in self._pinned
            else translate("ReportsPage", "Pin")
        )
        self.hide_button.setText(
            translate("ReportsPage", "Show")
            if key in self._hidden
            else translate("ReportsPage", "Hide")
        )
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Up/Down/P/H on the list act on its current item, before any window shortcut."""
        if watched is not self.list or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if event.modifiers() != Qt.KeyboardModifier.ControlModifier:
            return super().eventFilter(watched, event)
        actions = {
            Qt.Key.Key_Up: lambda: self.move_item(-1),
            Qt.Key.Key_Down: lambda: self.move_item(1),
            Qt.Key.Key_P: self.toggle_pin,
            Qt.Key.Key_H: self.toggle_hide,
        }
        action = actions.get(Qt.Key(event.key()))
        if action is None:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # ours, not a window shortcut's
            return True
        if event.type() == QEvent.Type.KeyPress:
            action()
            return True
        return super().eventFilter(watched, event)
