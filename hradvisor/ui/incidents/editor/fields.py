"""Form building blocks: a field with its error line, vocabulary pickers, text lists.

Every control shows labels and keeps codes as item data, so what a person
reads is the vocabulary's words and what the vault stores is the stable code.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hradvisor.model import vocabulary
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.widgets import button, label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class FieldBox(QWidget):
    """A control with the validation message for it directly underneath."""

    def __init__(self, control: QWidget, extra: QWidget | None = None) -> None:
        super().__init__()
        self.control = control
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(extra or control)
        self.error = label("", "error")
        self.error.setVisible(False)
        box.addWidget(self.error)

    def set_error(self, message: str | None) -> None:
        """Show *message* under the control (None clears it) and mark the control."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.control.setProperty("invalid", bool(message))
        self.control.setAccessibleDescription(message or "")
        style = self.control.style()
        style.unpolish(self.control)
        style.polish(self.control)

    @property
    def message(self) -> str:
        return self.error.text()


def vocabulary_combo(name: str, accessible: str) -> QComboBox:
    """A combo of the labels of vocabulary *name*, codes as item data."""
    combo = QComboBox()
    combo.setAccessibleName(accessible)
    words, lang = vocabulary(name), ui_language()
    for code in words.codes:
        combo.addItem(words.label(code, lang), code)
    return combo


def set_combo_code(combo: QComboBox, code: object) -> None:
    """Select the item whose data is *code* (the first item if there is none)."""
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


class CodePicker(QWidget):
    """A searchable checklist of one vocabulary; ``codes()`` keeps the order they were chosen.

    Keeping the stored order means opening and saving an incident never
    reorders its codes (which would write a revision nobody asked for).
    """

    changed = Signal()

    def __init__(self, name: str, accessible: str) -> None:
        super().__init__()
        self._order: list[str] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("IncidentEditor", "Type to filter…"))
        self.filter.setAccessibleName(
            translate("IncidentEditor", "Filter {what}").format(what=accessible.lower())
        )
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(accessible)
        words, lang = vocabulary(name), ui_language()
        for code in words.codes:
            item = QListWidgetItem(words.label(code, lang))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.summary = label("", "muted")
        box.addWidget(self.filter)
        box.addWidget(self.list, 1)
        box.addWidget(self.summary)
        self.filter.textChanged.connect(self._filter)
        self.list.itemChanged.connect(self._item_changed)
        self.list.itemActivated.connect(self._toggle)
        self._summarise()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _toggle(self, item: QListWidgetItem) -> None:
        """Enter on the current item ticks or unticks it, like a click on its box."""
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _item_changed(self, item: QListWidgetItem) -> None:
        code = str(item.data(Qt.ItemDataRole.UserRole))
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and code not in self._order:
            self._order.append(code)
        elif not checked and code in self._order:
            self._order.remove(code)
        self._summarise()
        self.changed.emit()

    def _summarise(self) -> None:
        """Name what is chosen under the list: a ticked item may be scrolled out of sight."""
        if not self._order:
            self.summary.setText(translate("IncidentEditor", "None chosen"))
            return
        labels = {str(item.data(Qt.ItemDataRole.UserRole)): item.text() for item in self._items()}
        self.summary.setText(
            translate("IncidentEditor", "Chosen: {labels}").format(
                labels=" · ".join(labels.get(code, code) for code in self._order)
            )
        )

    def codes(self) -> list[str]:
        return list(self._order)

    def set_codes(self, codes: list[str]) -> None:
        """Tick *codes* (in this order) and nothing else; unknown codes are kept and shown."""
        self.list.blockSignals(True)
        known = {str(item.data(Qt.ItemDataRole.UserRole)): item for item in self._items()}
        for code in codes:
            if code not in known:  # a code this version does not know: keep, never drop it
                item = QListWidgetItem(code)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                self.list.addItem(item)
                known[code] = item
        for code, item in known.items():
            item.setCheckState(Qt.CheckState.Checked if code in codes else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._order = [code for code in codes if code in known]
        self._summarise()


class TextList(QWidget):
    """A short list of texts (tags, follow-up actions): add, edit in place, remove."""

    changed = Signal()

    def __init__(self, accessible: str, placeholder: str) -> None:
        super().__init__()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        row = QHBoxLayout()
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(placeholder)
        self.entry.setAccessibleName(
            translate("IncidentEditor", "New item for {what}").format(what=accessible.lower())
        )
        self.add_button = button(
            translate("IncidentEditor", "Add"),
            translate("IncidentEditor", "Add to {what}").format(what=accessible.lower()),
        )
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        self.list = QListWidget()
        self.list.setAccessibleName(accessible)
        self.list.setWordWrap(True)
        self.remove_button = button(
            translate("IncidentEditor", "Remove"),
            translate("IncidentEditor", "Remove the selected item from {what}").format(
                what=accessible.lower()
            ),
        )
        self.remove_button.setEnabled(False)
        box.addLayout(row)
        box.addWidget(self.list, 1)
        box.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_button.clicked.connect(self._add)
        self.entry.returnPressed.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.currentRowChanged.connect(
            lambda row: self.remove_button.setEnabled(row >= 0 and self.list.count() > 0)
        )

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def _add(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        self._append(text)
        self.entry.clear()
        self.changed.emit()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def set_texts(self, texts: list[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for text in texts:
            self._append(text)
        self.list.blockSignals(False)
        self.entry.clear()
        self.remove_button.setEnabled(False)


class WheelGuard(QObject):
    """Stops the mouse wheel from changing a spin box or combo that does not have focus.

    Scrolling down a long form must never change a victim count or a
    classification on the way.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QAbstractSpinBox | QComboBox)
            and not watched.hasFocus()
        ):
            event.ignore()
            return True
        return False


def guard_wheel(root: QWidget, guard: WheelGuard) -> None:
    """Install *guard* on every spin box and combo under *root*."""
    for widget in root.findChildren(QAbstractSpinBox) + root.findChildren(QComboBox):
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(guard)


def caption(text: str) -> QLabel:
    """A small bold heading above a group of fields."""
    widget = QLabel(text)
    widget.setProperty("role", "caption")
    return widget
