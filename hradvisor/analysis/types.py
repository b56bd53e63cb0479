"""The values analysis hands to reports, the dashboard and the CLI.

All frozen: a report is built from one Analysis and nothing may change the
numbers between the table and the chart that show them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hradvisor.store.queries import IncidentFilter


@dataclass(frozen=True)
class AnalysisScope:
    """What to analyse: a period (both ends inclusive) and filters; () does not filter."""

    start: dt.date
    end: dt.date
    country: str | None = None
    areas: tuple[str, ...] = ()  # admin1 codes
    violations: tuple[str, ...] = ()
    perpetrators: tuple[str, ...] = ()
    victim_groups: tuple[str, ...] = ()
    verification: tuple[str, ...] = ()
    sensitivity: tuple[str, ...] = ()
    consent: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError("the analysis period must not end before it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def incident_filter(self, *, with_dates: bool = True) -> IncidentFilter:
        """The store's incident filter for this scope (consent has no list filter).

        Without dates, for the analysis queries that apply their own date rule;
        with them, for the incident list a drill-down opens.
        """
        return IncidentFilter(
            date_from=self.start if with_dates else None,
            date_to=self.end if with_dates else None,
            country=self.country,
            admin1=self.areas,
            violations=self.violations,
            perpetrators=self.perpetrators,
            victim_groups=self.victim_groups,
            verification=self.verification,
            sensitivity=self.sensitivity,
        )


@dataclass(frozen=True)
class Figures:
    """Counts for one period: incidents, victims by outcome and sex/age, verification.

    Only incidents whose whole possible date range lies in the period are
    counted (docs/early-warning.md, "Imprecise dates").
    """

    incidents: int
    victims: dict[str, dict[str, int]]  # outcome -> sex_age -> count
    victims_by_outcome: dict[str, int]
    victims_total: int
    verified: int
    verified_share: float | None  # None when incidents == 0

    @property
    def killed(self) -> int:
        return self.victims_by_outcome.get("killed", 0)


@dataclass(frozen=True)
class Change:
    """One figure now, in the previous period and on the trailing baseline.

    ``delta`` and ``ratio`` compare with the previous period; ``baseline_ratio``
    with the baseline. ``band`` names the size of the change vs the previous
    period in the bands of docs/early-warning.md ("low-count" when too few to say).
    """

    current: float
    previous: float
    baseline: float | None
    delta: float
    ratio: float | None
    direction: str  # "up" | "down" | "flat" | "new"
    band: str = "limited-change"
    baseline_ratio: float | None = None


@dataclass(frozen=True)
class Bucket:
    """One row of a breakdown (a week, an area, a violation …) in the analysis period."""

    key: str
    label: str
    incidents: int
    victims: int
    killed: int
    incident_ids: tuple[str, ...] = ()  # filled only where cheap (concerns and signals are)
    verified: int = 0


@dataclass(frozen=True)
class Concern:
    """One principal concern: a violation, country-wide or in one area, with its evidence."""

    key: str
    title: str
    violation: str | None
    area: str | None
    score: float
    figures: Figures
    change: Change
    verified_share: float | None
    incident_ids: tuple[str, ...]
    # What raised or lowered the score: "grave", "killed-or-disappeared", "rising",
    # "falling", "mostly-verified" (codes, for the UI or report to word).
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signal:
    """An early-warning flag and the incidents behind it (method: docs/early-warning.md)."""

    key: str
    kind: str  # "spike" | "new-violation" | "escalation" | "protected-group"
    area: str | None  # admin1 code; None = the whole scope
    subject: str  # violation or victim-group code
    period_start: dt.date
    period_end: dt.date
    observed: float
    expected: float
    score: float  # -log10 of the tail probability (higher = less likely by chance)
    summary: str
    incident_ids: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    """Everything ``analyse`` computed for one scope."""

    scope: AnalysisScope
    figures: Figures
    previous: Figures  # the period of equal length just before
    baseline: Figures | None  # mean over the trailing baseline periods, rounded
    changes: dict[str, Change]
    by_month: list[Bucket]
    by_week: list[Bucket]
    by_quarter: list[Bucket]
    by_violation: list[Bucket]
    by_perpetrator: list[Bucket]
    by_area: list[Bucket]
    by_admin2: list[Bucket]
    by_victim_group: list[Bucket]
    imprecise: int  # incidents overlapping the period whose dates may lie partly outside it
    concerns: list[Concern]
    signals: list[Signal]
    lang: str = "en"
    baseline_periods: int = 0  # how many trailing periods the baseline averages (0: none)
    undated_in_buckets: dict[str, int] = field(default_factory=dict)  # "week"/"month"/"quarter"
    previous_period: tuple[dt.date, dt.date] | None = None  # the dates ``previous`` covers
