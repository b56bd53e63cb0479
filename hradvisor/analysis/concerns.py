"""Principal concerns: violations, country-wide or in one area, ranked for the report.

The score (docs/early-warning.md, "Principal concerns") multiplies how grave
the violation is, how often it happened and how many were killed or
disappeared, whether it is rising, and how much of it is verified. It orders
a list for a person to judge; the adviser pins, hides and reorders before
anything reaches a report (``arrange_concerns``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hradvisor.analysis.figures import make_figures
from hradvisor.analysis.trends import count_change
from hradvisor.analysis.types import Concern, Figures
from hradvisor.model import area_name, vocabulary
from hradvisor.store.aggregates import PeriodAggregates

# How grave each violation is, relative to 1.0 (any violation not listed).
SEVERITY: Mapping[str, float] = {
    "killing": 3.0,
    "enforced-disappearance": 3.0,
    "torture-ill-treatment": 2.5,
    "sexual-violence": 2.5,
    "child-recruitment": 2.5,
    "attack-on-civilians": 2.0,
    "attack-on-hrd": 2.0,
    "attack-on-education-health": 2.0,
    "arbitrary-detention": 1.5,
    "forced-displacement": 1.5,
    "denial-of-humanitarian-access": 1.5,
    "incitement": 1.5,
}
GRAVE_OUTCOMES = ("killed", "disappeared")
AREA_MIN_INCIDENTS = 3
AREA_MIN_SHARE = 0.2  # an area-level concern holds at least this share of the national count
DEFAULT_LIMIT = 8


@dataclass(frozen=True)
class ConcernChoices:
    """What the adviser decided about the ranked list; stored with the report definition."""

    pinned: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    order: tuple[str, ...] = ()

    def to_json(self) -> dict[str, list[str]]:
        return {"pinned": list(self.pinned), "hidden": list(self.hidden), "order": list(self.order)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConcernChoices:
        def keys(name: str) -> tuple[str, ...]:
            value = data.get(name, [])
            if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
                raise ValueError(f"concern choices: {name!r} must be a list of concern keys")
            return tuple(value)

        return cls(keys("pinned"), keys("hidden"), keys("order"))


def arrange_concerns(
    concerns: Iterable[Concern],
    *,
    pinned: Iterable[str] = (),
    hidden: Iterable[str] = (),
    order: Iterable[str] = (),
) -> list[Concern]:
    """The list as the adviser arranged it: hidden keys dropped (hiding wins over pinning),
    pinned ones first, keys named in *order* in that order, the rest as ranked.

    Keys that match no concern (it dropped out of a later analysis) are ignored.
    """
    hidden_keys, pinned_keys = set(hidden), set(pinned)
    position = {key: index for index, key in enumerate(dict.fromkeys(order))}
    kept = [(rank, c) for rank, c in enumerate(concerns) if c.key not in hidden_keys]

    def placement(item: tuple[int, Concern]) -> tuple[int, int, int]:
        rank, concern = item
        return (
            0 if concern.key in pinned_keys else 1,
            position.get(concern.key, len(position)),
            rank,
        )

    return [concern for _, concern in sorted(kept, key=placement)]


@dataclass
class _Cell:
    incidents: list[int]  # per period
    verified: int = 0
    cells: list[tuple[str, str, int]] | None = None


def rank_concerns(
    rows: PeriodAggregates,
    periods: int,
    baseline_periods: Sequence[int],
    lang: str,
    *,
    limit: int = DEFAULT_LIMIT,
) -> list[Concern]:
    """The top *limit* concerns in period 0, without their incident ids (the engine adds them).

    *baseline_periods* are the period indexes the baseline averages.
    """
    cells: dict[tuple[str, str | None], _Cell] = {}
    several_areas = len({row[4] for row in rows.codes}) > 1
    for period, kind, code, _country, admin1, n, verified, _victims, _killed in rows.codes:
        if kind != "violation":
            continue
        keys: list[str | None] = [None] + ([admin1] if several_areas and admin1 else [])
        for area in keys:
            cell = cells.setdefault((code, area), _Cell([0] * periods))
            cell.incidents[period] += n
            if period == 0:
                cell.verified += verified
    victims: dict[tuple[str, str | None], list[tuple[str, str, int]]] = defaultdict(list)
    for code, _country, admin1, outcome, sex_age, n in rows.code_victims:
        victims[code, None].append((outcome, sex_age, n))
        if several_areas and admin1:
            victims[code, admin1].append((outcome, sex_age, n))
    found = []
    for (code, area), cell in cells.items():
        current = cell.incidents[0]
        if current == 0:
            continue
        if area is not None:
            national = cells[code, None].incidents[0]
            if current < max(AREA_MIN_INCIDENTS, AREA_MIN_SHARE * national):
                continue
        figures = make_figures(current, cell.verified, victims.get((code, area), ()))
        base = [cell.incidents[p] for p in baseline_periods]
        change = count_change(
            current,
            cell.incidents[1] if periods > 1 else 0,
            sum(base) / len(base) if base else None,
        )
        score, reasons = _score(code, figures, change.baseline, change.previous)
        found.append(
            Concern(
                key=f"{code}@{area or '*'}",
                title=_title(code, area, lang),
                violation=code,
                area=area,
                score=score,
                figures=figures,
                change=change,
                verified_share=figures.verified_share,
                incident_ids=(),
                reasons=reasons,
            )
        )
    found.sort(key=lambda c: (-c.score, c.key))
    return found[:limit]


def _score(
    code: str, figures: Figures, baseline: float | None, previous: float
) -> tuple[float, tuple[str, ...]]:
    incidents, by_outcome = figures.incidents, figures.victims_by_outcome
    verified_share = figures.verified_share
    severity = SEVERITY.get(code, 1.0)
    grave = sum(by_outcome.get(outcome, 0) for outcome in GRAVE_OUTCOMES)
    frequency = math.log1p(incidents) + 0.5 * math.log1p(grave)
    reference = baseline if baseline is not None else previous
    growth = math.log2((incidents + 1) / (reference + 1))
    trend = 1.0 + 0.25 * min(max(growth, -1.0), 2.0)
    verification = 0.6 + 0.4 * (verified_share or 0.0)
    reasons = []
    if severity >= 2.5:
        reasons.append("grave")
    if grave:
        reasons.append("killed-or-disappeared")
    if growth >= 0.5:
        reasons.append("rising")
    elif growth <= -0.5:
        reasons.append("falling")
    if (verified_share or 0.0) >= 0.5:
        reasons.append("mostly-verified")
    return round(severity * frequency * trend * verification, 4), tuple(reasons)


def _title(code: str, area: str | None, lang: str) -> str:
    label = vocabulary("violations").label(code, lang)
    if area is None:
        return label
    return f"{label} — {area_name(area.split('-')[0], area)}"
