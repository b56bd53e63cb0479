"""Shared by the report's sections: the context they read, table styling, wording of changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Table, TableStyle

from hradvisor.model import ReportDefinition
from hradvisor.reports.fonts import SANS
from hradvisor.reports.inputs import ChangeLike, ReportInput
from hradvisor.reports.page import MARGIN_X, PAGE_WIDTH
from hradvisor.reports.protection import SMALL_COUNT_LIMIT, Policy
from hradvisor.reports.styles import BLUE, GRID, PALE, para
from hradvisor.reports.texts import number, percent, text

CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
DEFAULT_ROLE = "Human Rights Adviser"  # the model's default, printed in the report's language
MAX_SIGNALS = 12
ANNEX_COLUMNS = (
    "date", "area", "incident", "violations", "perpetrators", "killed", "victims", "status",
)  # fmt: skip


@dataclass(frozen=True)
class Context:
    """What every section needs: the definition, the gathered numbers, the policy."""

    definition: ReportDefinition
    data: ReportInput
    policy: Policy
    scope_label: str

    @property
    def lang(self) -> str:
        return self.definition.language

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def n(self, value: int | float) -> str:
        return number(value, self.lang)

    def small(self, count: int) -> str:
        shown = self.policy.small(count)
        return shown if isinstance(shown, str) else self.n(shown)


def grid(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 7),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), BLUE))
    for row in range(1 if header else 0, len(rows)):
        if row % 2 == 0:
            commands.append(("BACKGROUND", (0, row), (-1, row), PALE))
    table.setStyle(TableStyle(commands))
    return table


def head(*labels: str, right: Sequence[int] = ()) -> list[Any]:
    """Header cells; the columns in *right* hold numbers and are right-aligned."""
    return [para(label, "head_right" if i in right else "head") for i, label in enumerate(labels)]


def change_text(ctx: Context, change: ChangeLike | None) -> str:
    """▲ +5 (+25%), ▼ −3 (−20%), no change, new."""
    if change is None:
        return ""
    if change.direction == "new":
        return ctx.t("change.new")
    if change.delta == 0:
        return ctx.t("change.flat")
    if ctx.policy.suppress_small_counts and any(
        0 < value < SMALL_COUNT_LIMIT for value in (change.current, change.previous)
    ):
        return "▲" if change.delta > 0 else "▼"  # the size would give a small count away
    sign = "+" if change.delta > 0 else "−"
    delta = f"{sign}{ctx.n(abs(change.delta))}"
    share = (
        f"{sign}{percent(abs(change.delta) / change.previous, ctx.lang)}"
        if change.previous
        else "—"
    )
    key = "change.up" if change.delta > 0 else "change.down"
    return ctx.t(key, delta=delta, percent=share)


@dataclass(frozen=True)
class _SimpleChange:
    current: float
    previous: float
    delta: float
    ratio: float | None
    direction: str


def figure_change(ctx: Context, key: str, current: int, previous: int) -> ChangeLike:
    """The engine's change for *key*, or the plain difference of the two engine figures."""
    found = ctx.data.analysis.changes.get(key)
    if found is not None:
        return found
    delta = current - previous
    direction = (
        "new" if previous == 0 and current else ("up" if delta > 0 else "down" if delta else "flat")
    )
    return _SimpleChange(
        current, previous, delta, current / previous if previous else None, direction
    )
