"""Change of a figure between periods, in the bands field analysts already use.

Bands follow ACLED's conflict change map (DOMAIN notes): more than +25 % is a
large increase, +10 to +25 % moderate, −25 to +10 % limited change, below
−25 % a large decrease. With fewer than ``LOW_COUNT`` in both periods a
percentage says nothing, so the band is "low-count" and the direction "flat"
(or "new" when the previous period had none at all).
"""

from __future__ import annotations

from collections.abc import Sequence

from hradvisor.analysis.types import Change, Figures

LOW_COUNT = 5
SHARE_POINTS = 0.05  # a verified share moving less than 5 points is "flat"


def count_change(current: float, previous: float, baseline: float | None) -> Change:
    """The change of a count from the previous period (and against the baseline)."""
    delta = current - previous
    ratio = current / previous if previous else None
    baseline_ratio = current / baseline if baseline else None
    if previous == 0 and current > 0:
        direction, band = "new", "new" if current >= LOW_COUNT else "low-count"
    elif max(current, previous) < LOW_COUNT:
        direction, band = "flat", "low-count"
    else:
        direction, band = _band(ratio if ratio is not None else 1.0)
    return Change(current, previous, baseline, delta, ratio, direction, band, baseline_ratio)


def _band(ratio: float) -> tuple[str, str]:
    if ratio > 1.25:
        return "up", "large-increase"
    if ratio > 1.10:
        return "up", "moderate-increase"
    if ratio >= 0.75:
        return "flat", "limited-change"
    return "down", "large-decrease"


def share_change(
    current: float | None, previous: float | None, baseline: float | None
) -> Change | None:
    """The change of a share (0–1), in points; None when there is nothing to compare."""
    if current is None:
        return None
    before = previous if previous is not None else 0.0
    delta = current - before
    if previous is None:
        direction, band = "new", "low-count"
    elif abs(delta) < SHARE_POINTS:
        direction, band = "flat", "limited-change"
    else:
        direction = "up" if delta > 0 else "down"
        band = "increase" if delta > 0 else "decrease"
    ratio = current / previous if previous else None
    baseline_ratio = current / baseline if baseline else None
    return Change(current, before, baseline, delta, ratio, direction, band, baseline_ratio)


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def figure_changes(
    current: Figures, previous: Figures, baseline: Sequence[Figures]
) -> dict[str, Change]:
    """Changes of the headline figures: incidents, victims, each outcome, verified share."""
    changes: dict[str, Change] = {}
    changes["incidents"] = count_change(
        current.incidents, previous.incidents, mean([f.incidents for f in baseline])
    )
    changes["victims"] = count_change(
        current.victims_total, previous.victims_total, mean([f.victims_total for f in baseline])
    )
    outcomes = sorted(
        {*current.victims_by_outcome, *previous.victims_by_outcome, "killed"}
        | {o for f in baseline for o in f.victims_by_outcome}
    )
    for outcome in outcomes:
        changes[outcome] = count_change(
            current.victims_by_outcome.get(outcome, 0),
            previous.victims_by_outcome.get(outcome, 0),
            mean([f.victims_by_outcome.get(outcome, 0) for f in baseline]),
        )
    verified_base = _pooled_share(baseline)
    share = share_change(current.verified_share, previous.verified_share, verified_base)
    if share is not None:
        changes["verified_share"] = share
    return changes


def _pooled_share(figures: Sequence[Figures]) -> float | None:
    incidents = sum(f.incidents for f in figures)
    return sum(f.verified for f in figures) / incidents if incidents else None
