"""Verification and sensitivity drawn as small coloured chips in the incident list (UI.md).

The chip always carries its words: colour helps the eye find strictly
confidential rows, but it never carries meaning alone (colour-blind readers,
grey-scale printouts, screen readers all get the text).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hradvisor.ui.incidents.model import CODE_ROLE

_PAD_X, _PAD_Y, _RADIUS = 8, 4, 9


class ChipDelegate(QStyledItemDelegate):
    """Paints the cell's text in a rounded chip coloured by its code (``CODE_ROLE``)."""

    def __init__(
        self, colours: dict[str, tuple[str, str]], *, bold: frozenset[str] = frozenset()
    ) -> None:
        super().__init__()
        self._colours = colours
        self._bold = bold

    def _font(self, option: QStyleOptionViewItem, code: str) -> QFont:
        font = QFont(option.font)
        font.setBold(code in self._bold)
        return font

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        code = str(index.data(CODE_ROLE) or "")
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        style = view.widget.style() if view.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, view.widget)
        if not text:
            return
        background, foreground = self._colours.get(code, ("#E4E7EB", "#1F2933"))
        font = self._font(option, code)
        metrics = QFontMetrics(font)
        cell = option.rect
        room = cell.width() - 8 - 2 * _PAD_X
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        width = metrics.horizontalAdvance(shown) + 2 * _PAD_X + 2
        height = min(metrics.height() + _PAD_Y, cell.height() - 4)
        chip = QRectF(cell.left() + 4, cell.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(chip, _RADIUS, _RADIUS)
        painter.setPen(QColor(foreground))
        painter.setFont(font)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, shown)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        code = str(index.data(CODE_ROLE) or "")
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = QFontMetrics(self._font(option, code)).horizontalAdvance(text) + 2 * _PAD_X + 10
        return QSize(max(base.width(), width), base.height())
