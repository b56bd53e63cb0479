"""Key-figure tiles: one number each, and how it moved since the previous period.

The change is said with an arrow AND words ("▲ 12 (+25 %) on previous 30
days"), never by colour alone, so it survives a grey printout and colour
blindness. A rise in violations is not "good" or "bad" in colour here: the
adviser reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from hradvisor.analysis import Figures
from hradvisor.ui.widgets import label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

UP, DOWN, SAME = "▲", "▼", "="


@dataclass(frozen=True)
class TileValue:
    """What one tile shows: the number as text and the change line."""

    value: str
    change: str
    spoken: str  # the accessible description, arrows in words


def _count_change(current: int, previous: int) -> tuple[str, str]:
    """("▲ 12 (+25 %)", "up 12, 25 percent") — the visible and the spoken change."""
    delta = current - previous
    if delta == 0:
        return f"{SAME} " + translate("Dashboard", "no change"), translate("Dashboard", "no change")
    arrow = UP if delta > 0 else DOWN
    word = translate("Dashboard", "up") if delta > 0 else translate("Dashboard", "down")
    if previous == 0:
        shown = translate("Dashboard", "{arrow} {delta:,} (none before)")
        spoken = translate("Dashboard", "{word} {delta:,}, none before")
        return (
            shown.format(arrow=arrow, delta=abs(delta)),
            spoken.format(word=word, delta=abs(delta)),
        )
    percent = round(100 * delta / previous)
    shown = translate("Dashboard", "{arrow} {delta:,} ({percent:+d} %)")
    spoken = translate("Dashboard", "{word} {delta:,}, {percent} percent")
    return (
        shown.format(arrow=arrow, delta=abs(delta), percent=percent),
        spoken.format(word=word, delta=abs(delta), percent=abs(percent)),
    )


def _share_change(current: float | None, previous: float | None) -> tuple[str, str]:
    """Change of a share in percentage points, or a dash when either period had none."""
    if current is None or previous is None:
        return "—", translate("Dashboard", "no comparison")
    points = round(100 * current) - round(100 * previous)
    if points == 0:
        return f"{SAME} " + translate("Dashboard", "no change"), translate("Dashboard", "no change")
    arrow = UP if points > 0 else DOWN
    word = translate("Dashboard", "up") if points > 0 else translate("Dashboard", "down")
    return (
        translate("Dashboard", "{arrow} {points} points").format(arrow=arrow, points=abs(points)),
        translate("Dashboard", "{word} {points} points").format(word=word, points=abs(points)),
    )


def share_text(share: float | None) -> str:
    return "—" if share is None else f"{round(100 * share)} %"


def detained_or_disappeared(figures: Figures) -> int:
    outcomes = figures.victims_by_outcome
    return outcomes.get("detained", 0) + outcomes.get("disappeared", 0)


# key, title; the order is the order of the tiles.
TILES: tuple[tuple[str, str], ...] = (
    ("incidents", str(QT_TRANSLATE_NOOP("Dashboard", "Incidents"))),
    ("killed", str(QT_TRANSLATE_NOOP("Dashboard", "Killed"))),
    ("injured", str(QT_TRANSLATE_NOOP("Dashboard", "Injured"))),
    ("detained", str(QT_TRANSLATE_NOOP("Dashboard", "Detained, disappeared"))),
    ("victims", str(QT_TRANSLATE_NOOP("Dashboard", "Victims in total"))),
    ("verified", str(QT_TRANSLATE_NOOP("Dashboard", "Share verified"))),
)


def _counts(figures: Figures) -> dict[str, int]:
    return {
        "incidents": figures.incidents,
        "killed": figures.killed,
        "injured": figures.victims_by_outcome.get("injured", 0),
        "detained": detained_or_disappeared(figures),
        "victims": figures.victims_total,
    }


def tile_values(current: Figures, previous: Figures, comparison: str) -> dict[str, TileValue]:
    """Every tile's text for *current* against *previous*; *comparison* names that period."""
    now, before = _counts(current), _counts(previous)
    values: dict[str, TileValue] = {}
    for key, number in now.items():
        shown, spoken = _count_change(number, before[key])
        values[key] = TileValue(f"{number:,}", shown, f"{spoken} {comparison}")
    shown, spoken = _share_change(current.verified_share, previous.verified_share)
    values["verified"] = TileValue(
        share_text(current.verified_share), shown, f"{spoken} {comparison}"
    )
    return values


class Tile(QFrame):
    """A card with a caption, a large number and the change line under it."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # screen readers can reach the figure
        self._title = title
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 10, 14, 10)
        box.setSpacing(2)
        self.caption = label(title, "muted")
        self.value = label("—")
        self.value.setProperty("role", "figure")
        self.value.setStyleSheet("font-size: 24px; font-weight: 600;")
        self.change = label("", "muted")
        for part in (self.caption, self.value, self.change):
            box.addWidget(part)
        self.setAccessibleName(title)

    def show_value(self, value: TileValue) -> None:
        self.value.setText(value.value)
        self.change.setText(value.change)
        self.change.setToolTip(value.spoken)
        self.setAccessibleDescription(f"{value.value}; {value.spoken}")

    def clear(self) -> None:
        self.value.setText("—")
        self.change.setText("")
        self.change.setToolTip("")
        self.setAccessibleDescription("")


class TileRow(QWidget):
    """The six key-figure tiles in one row (two rows of three when narrow)."""

    def __init__(self) -> None:
        super().__init__()
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self.tiles = {
            key: Tile(QCoreApplication.translate("Dashboard", title)) for key, title in TILES
        }
        for column, tile in enumerate(self.tiles.values()):
            self._grid.addWidget(tile, 0, column)
            self._grid.setColumnStretch(column, 1)

    def show_figures(self, current: Figures, previous: Figures, comparison: str) -> None:
        for key, value in tile_values(current, previous, comparison).items():
            self.tiles[key].show_value(value)

    def clear(self) -> None:
        for tile in self.tiles.values():
            tile.clear()
