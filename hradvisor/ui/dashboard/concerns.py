"""Principal concerns, ranked by the engine and arranged by the adviser.

The engine proposes a ranking; the adviser decides what the Resident
Coordinator reads: pin a concern to the top, hide one, move one up or down.
Those choices are kept by concern key (so they survive a refresh), applied
with ``arrange_concerns`` (so the report later orders them the same way), and
exposed through ``choices()``. Every action has a button with a mnemonic and
Alt+Up / Alt+Down move the current row: nothing needs a mouse.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hradvisor.analysis import Concern, arrange_concerns
from hradvisor.ui.dashboard.layout import fit_rows, list_look
from hradvisor.ui.dashboard.tiles import DOWN, SAME, UP, share_text
from hradvisor.ui.widgets import button

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

RANK, TITLE, INCIDENTS, VICTIMS, KILLED, TREND, VERIFIED = range(7)
_HEADERS = (
    QT_TRANSLATE_NOOP("Dashboard", "#"),
    QT_TRANSLATE_NOOP("Dashboard", "Concern"),
    QT_TRANSLATE_NOOP("Dashboard", "Incidents"),
    QT_TRANSLATE_NOOP("Dashboard", "Victims"),
    QT_TRANSLATE_NOOP("Dashboard", "Killed"),
    QT_TRANSLATE_NOOP("Dashboard", "Trend"),
    QT_TRANSLATE_NOOP("Dashboard", "Verified"),
)
Choices = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def trend_text(concern: Concern) -> str:
    """The concern's change on the previous period as arrow and words."""
    change = concern.change
    delta = round(change.current - change.previous)
    if change.direction == "new":
        return translate("Dashboard", "{arrow} new").format(arrow=UP)
    if delta == 0:
        return f"{SAME} " + translate("Dashboard", "no change")
    arrow = UP if delta > 0 else DOWN
    if not change.previous:
        return f"{arrow} {delta:+,}"
    percent = round(100 * delta / change.previous)
    return f"{arrow} {delta:+,} ({percent:+d} %)"


class ConcernList(QWidget):
    """The ranked concerns with pin, hide, move up and move down.

    Emits ``concern_activated(Concern)`` on Enter or a double-click, and
    ``choices_changed()`` whenever pin, hide or order change.
    """

    concern_activated = Signal(object)
    choices_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.concerns: list[Concern] = []
        self.shown: list[Concern] = []
        self._pinned: list[str] = []
        self._hidden: list[str] = []
        self._order: list[str] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        self.tree = self._tree()
        box.addWidget(self.tree, 1)
        box.addLayout(self._actions())
        self._update_actions()

    def _tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName(translate("Dashboard", "Principal concerns"))
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setHeaderLabels([translate("Dashboard", str(text)) for text in _HEADERS])
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        tree.itemActivated.connect(self._activated)
        list_look(tree)
        fit_rows(tree)
        tree.currentItemChanged.connect(lambda *_: self._update_actions())
        tree.installEventFilter(self)
        return tree

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.pin_button = button(
            translate("Dashboard", "&Pin"), translate("Dashboard", "Pin the concern to the top")
        )
        self.hide_button = button(
            translate("Dashboard", "&Hide"), translate("Dashboard", "Hide the concern")
        )
        self.up_button = button(
            translate("Dashboard", "Move &up"), translate("Dashboard", "Move the concern up")
        )
        self.down_button = button(
            translate("Dashboard", "Move &down"), translate("Dashboard", "Move the concern down")
        )
        self.up_button.setToolTip(translate("Dashboard", "Move up (Alt+Up)"))
        self.down_button.setToolTip(translate("Dashboard", "Move down (Alt+Down)"))
        self.show_hidden = QCheckBox(translate("Dashboard", "Show hidde&n"))
        self.show_hidden.setAccessibleName(translate("Dashboard", "Show hidden concerns"))
        self.pin_button.clicked.connect(self.toggle_pin)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.show_hidden.toggled.connect(lambda _on: self._rebuild(self._current_key()))
        for widget in (self.pin_button, self.hide_button, self.up_button, self.down_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.show_hidden)
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt+Up / Alt+Down on the list move the current concern."""
        if (
            watched is self.tree
            and isinstance(event, QKeyEvent)
            and _is_press(event)
            and event.modifiers() == Qt.KeyboardModifier.AltModifier
        ):
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if step is not None:
                self.move_current(step)
                return True
        return super().eventFilter(watched, event)

    # -- data in and out ------------------------------------------------------------
    def show_concerns(self, concerns: Sequence[Concern]) -> None:
        """New concerns from the engine; the adviser's choices by key are kept."""
        self.concerns = list(concerns)
        self._rebuild(self._current_key())

    def choices(self) -> Choices:
        """(pinned, hidden, order) as concern keys, for ``arrange_concerns`` and the report."""
        return tuple(self._pinned), tuple(self._hidden), tuple(self._order)

    def set_choices(
        self, pinned: Sequence[str] = (), hidden: Sequence[str] = (), order: Sequence[str] = ()
    ) -> None:
        """Restore choices saved with a report definition."""
        self._pinned, self._hidden, self._order = list(pinned), list(hidden), list(order)
        self._rebuild(self._current_key())
        self.choices_changed.emit()

    def clear(self) -> None:
        """On lock: drop the concerns and the choices (their keys name areas and violations)."""
        self.concerns, self.shown = [], []
        self._pinned, self._hidden, self._order = [], [], []
        self.tree.clear()
        self.show_hidden.setText(translate("Dashboard", "Show hidde&n"))
        self._update_actions()

    # -- actions ----------------------------------------------------------------------
    def toggle_pin(self) -> None:
        key = self._current_key()
        if key is None:
            return
        if key in self._pinned:
            self._pinned.remove(key)
        else:
            self._pinned.append(key)
        self._changed(key)

    def toggle_hidden(self) -> None:
        item = self.tree.currentItem()
        key = self._current_key()
        if item is None or key is None:
            return
        row = self.tree.indexOfTopLevelItem(item)
        if key in self._hidden:
            self._hidden.remove(key)
            follow: str | None = key
        else:
            self._hidden.append(key)
            follow = key if self.show_hidden.isChecked() else self._neighbour_key(row)
        self._changed(follow)

    def move_current(self, step: int) -> None:
        """Swap the current concern with its neighbour (pinned ones stay above the rest)."""
        key = self._current_key()
        if key is None or not self._can_move(step):
            return
        keys = [c.key for c in self._arranged(show_hidden=True)]
        here = keys.index(key)
        there = self._neighbour_index(keys, here, step)
        keys[here], keys[there] = keys[there], keys[here]
        self._order = keys
        self._changed(key)

    # -- internals --------------------------------------------------------------------
    def _arranged(self, *, show_hidden: bool) -> list[Concern]:
        return arrange_concerns(
            self.concerns,
            pinned=tuple(self._pinned),
            hidden=() if show_hidden else tuple(self._hidden),
            order=tuple(self._order),
        )

    def _neighbour_index(self, keys: list[str], here: int, step: int) -> int:
        """The next position in *keys* that is visible now (hidden rows are skipped over)."""
        visible = {c.key for c in self.shown}
        there = here + step
        while 0 <= there < len(keys) and keys[there] not in visible:
            there += step
        return there

    def _can_move(self, step: int) -> bool:
        key = self._current_key()
        if key is None:
            return False
        keys = [c.key for c in self._arranged(show_hidden=True)]
        there = self._neighbour_index(keys, keys.index(key), step)
        if not 0 <= there < len(keys):
            return False
        return (key in self._pinned) == (keys[there] in self._pinned)

    def _neighbour_key(self, row: int) -> str | None:
        if row + 1 < len(self.shown):
            return self.shown[row + 1].key
        return self.shown[row - 1].key if row > 0 else None

    def _changed(self, follow: str | None) -> None:
        self._rebuild(follow)
        self.choices_changed.emit()

    def _current_key(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))

    def _rebuild(self, follow: str | None) -> None:
        """Show the arranged concerns, keeping *follow* current (the row the adviser moved)."""
        self.shown = self._arranged(show_hidden=self.show_hidden.isChecked())
        hidden_count = sum(1 for c in self.concerns if c.key in self._hidden)
        self.show_hidden.setText(
            translate("Dashboard", "Show hidde&n ({count})").format(count=hidden_count)
        )
        self.tree.clear()
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        rank = 0
        for concern in self.shown:
            hidden = concern.key in self._hidden
            if not hidden:
                rank += 1
            item = QTreeWidgetItem(self._texts(concern, rank, hidden))
            item.setData(0, Qt.ItemDataRole.UserRole, concern.key)
            item.setToolTip(TITLE, "\n".join(concern.reasons) or concern.title)
            for column in (RANK, INCIDENTS, VICTIMS, KILLED, TREND, VERIFIED):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            if hidden:
                for column in range(len(_HEADERS)):
                    item.setForeground(column, QColor(muted))
            self.tree.addTopLevelItem(item)
            if concern.key == follow:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        fit_rows(self.tree, most=12)
        self._update_actions()

    def _texts(self, concern: Concern, rank: int, hidden: bool) -> list[str]:
        title = concern.title
        if concern.key in self._pinned:
            title = translate("Dashboard", "{title} (pinned)").format(title=title)
        if hidden:
            title = translate("Dashboard", "{title} (hidden)").format(title=title)
        figures = concern.figures
        return [
            "" if hidden else str(rank),
            title,
            f"{figures.incidents:,}",
            f"{figures.victims_total:,}",
            f"{figures.killed:,}",
            trend_text(concern),
            share_text(concern.verified_share),
        ]

    def _update_actions(self) -> None:
        key = self._current_key()
        for widget in (self.pin_button, self.hide_button):
            widget.setEnabled(key is not None)
        pinned = key is not None and key in self._pinned
        hidden = key is not None and key in self._hidden
        self.pin_button.setText(
            translate("Dashboard", "Un&pin") if pinned else translate("Dashboard", "&Pin")
        )
        self.hide_button.setText(
            translate("Dashboard", "S&how") if hidden else translate("Dashboard", "&Hide")
        )
        self.up_button.setEnabled(self._can_move(-1))
        self.down_button.setEnabled(self._can_move(1))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        key = str(item.data(0, Qt.ItemDataRole.UserRole))
        for concern in self.concerns:
            if concern.key == key:
                self.concern_activated.emit(concern)
                return


def _is_press(event: QEvent) -> bool:
    return event.type() == QEvent.Type.KeyPress
