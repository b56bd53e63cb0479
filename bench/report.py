"""The table ``make bench`` prints: one row per figure, with baseline, ratio and budget."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["s", "/s", "MB"]  # seconds per operation, items per second, or memory


@dataclass(frozen=True)
class Budget:
    """What DESIGN §11 allows; every bound given must hold (checked on the median)."""

    at_most: float | None = None  # seconds (or MB)
    at_least: float | None = None  # items per second
    min_ratio: float | None = None  # figure ÷ baseline

    def met(self, row: Row) -> bool:
        return (
            (self.at_most is None or row.value <= self.at_most)
            and (self.at_least is None or row.value >= self.at_least)
            and (self.min_ratio is None or (row.ratio or 0.0) >= self.min_ratio)
        )

    def describe(self, unit: Unit) -> str:
        parts = []
        if self.at_most is not None:
            parts.append(f"≤ {_bound(self.at_most, unit)}")
        if self.at_least is not None:
            parts.append(f"≥ {_bound(self.at_least, unit)}")
        if self.min_ratio is not None:
            parts.append(f"≥ {self.min_ratio:.1f}×")
        return ", ".join(parts)


@dataclass(frozen=True)
class Row:
    """One figure: its median (or overall rate), slowest run, and baseline."""

    figure: str
    unit: Unit
    value: float
    worst: float | None = None
    baseline: float | None = None
    baseline_name: str = ""
    budget: Budget | None = None

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def met(self) -> bool | None:
        return None if self.budget is None else self.budget.met(self)


def quantity(value: float, unit: Unit) -> str:
    if unit == "/s":
        return f"{value:,.0f}/s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if value >= 1.0:
        return f"{value:.2f} s"
    return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"


def _bound(value: float, unit: Unit) -> str:
    """A budget figure as written in DESIGN §11: "1 s", "50 ms", "5,000/s"."""
    if unit == "/s":
        return f"{value:,.0f}/s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    return f"{value:g} s" if value >= 1.0 else f"{value * 1000:g} ms"


def _cells(row: Row) -> list[str]:
    baseline = ""
    if row.baseline is not None:
        baseline = f"{quantity(row.baseline, row.unit)} {row.baseline_name}".rstrip()
    return [
        row.figure,
        quantity(row.value, row.unit),
        "" if row.worst is None else quantity(row.worst, row.unit),
        baseline,
        "" if row.ratio is None else f"{row.ratio:.2f}×",
        "—" if row.budget is None else row.budget.describe(row.unit),
        {None: "info", True: "met", False: "MISSED"}[row.met],
    ]


HEADER = ["figure", "median", "worst", "baseline", "ratio", "budget", "result"]
_LEFT = {0, 5, 6}  # columns of text; the others are right-aligned numbers


def render(rows: list[Row]) -> str:
    """The rows as a plain-text table with aligned columns."""
    table = [HEADER, *(_cells(row) for row in rows)]
    widths = [max(len(line[col]) for line in table) for col in range(len(HEADER))]
    lines = [
        "  ".join(
            cell.ljust(width) if col in _LEFT else cell.rjust(width)
            for col, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in table
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def verdict(rows: list[Row]) -> str:
    """The closing line: how many budgets were met, and which were missed."""
    judged = [row for row in rows if row.budget is not None]
    missed = [row.figure for row in judged if not row.met]
    line = f"Budgets: {len(judged) - len(missed)} of {len(judged)} met"
    return f"{line}; missed: {'; '.join(missed)}" if missed else f"{line}; none missed"
