"""Cards and rows: the dashboard's few layout helpers, on the app's 8 px grid."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QTreeWidget, QVBoxLayout, QWidget

from hradvisor.ui.widgets import label


def card(heading: str | QLabel, content: QWidget) -> QFrame:
    """A white card, a bold heading over *content*; pass a QLabel to update the heading later."""
    frame = QFrame()
    frame.setProperty("role", "card")
    box = QVBoxLayout(frame)
    box.setContentsMargins(12, 10, 12, 12)
    box.setSpacing(6)
    title = heading if isinstance(heading, QLabel) else label(heading)
    title.setProperty("role", "section")
    title.setStyleSheet("font-weight: 600;")
    title.setBuddy(content)
    box.addWidget(title)
    box.addWidget(content, 1)
    return frame


def grid_rows(rows: list[list[tuple[QWidget, int]]]) -> QVBoxLayout:
    """Rows of (widget, stretch) side by side, the rows stacked with the grid's spacing."""
    column = QVBoxLayout()
    column.setSpacing(12)
    for row in rows:
        line = QHBoxLayout()
        line.setSpacing(12)
        for widget, stretch in row:
            line.addWidget(widget, stretch)
        column.addLayout(line)
    return column


ROW_STYLE = "QTreeView::item { padding: 4px 2px; }"


def list_look(tree: QTreeWidget) -> None:
    """Rows with the same breathing room as the app's tables."""
    tree.setStyleSheet(ROW_STYLE)


def fit_rows(tree: QTreeWidget, *, fewest: int = 3, most: int = 10) -> None:
    """Make *tree* as tall as its rows, between *fewest* and *most*: no empty space, no scroll."""
    rows = max(fewest, min(most, tree.topLevelItemCount()))
    measured = tree.sizeHintForRow(0) if tree.topLevelItemCount() else -1
    row_height = measured if measured > 0 else tree.fontMetrics().height() + 10
    header = tree.header().sizeHint().height()
    tree.setFixedHeight(header + rows * row_height + 2 * tree.frameWidth() + 2)
