"""Small hand-made analysis results for testing the layout without the engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hradvisor.reports.inputs import AnnexRow, ReportInput


@dataclass(frozen=True)
class Figures:
    incidents: int = 0
    victims: dict[str, dict[str, int]] = field(default_factory=dict)
    victims_by_outcome: dict[str, int] = field(default_factory=dict)
    victims_total: int = 0
    verified: int = 0
    verified_share: float | None = None


def figures(incidents: int, victims: dict[str, dict[str, int]], verified: int) -> Figures:
    by_outcome = {o: sum(g.values()) for o, g in victims.items()}
    return Figures(
        incidents=incidents,
        victims=victims,
        victims_by_outcome=by_outcome,
        victims_total=sum(by_outcome.values()),
        verified=verified,
        verified_share=verified / incidents if incidents else None,
    )


@dataclass(frozen=True)
class Change:
    current: float
    previous: float
    delta: float
    ratio: float | None
    direction: str


def change(current: float, previous: float) -> Change:
    delta = current - previous
    direction = (
        "new" if not previous and current else "up" if delta > 0 else "down" if delta else "flat"
    )
    return Change(current, previous, delta, current / previous if previous else None, direction)


@dataclass(frozen=True)
class Bucket:
    key: str
    label: str
    incidents: int
    victims: int
    killed: int
    incident_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Concern:
    key: str
    title: str
    figures: Figures
    change: Change
    verified_share: float | None
    incident_ids: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    violation: str | None = None
    area: str | None = None
    score: float = 1.0


@dataclass(frozen=True)
class Signal:
    key: str
    kind: str
    area: str | None
    subject: str
    period_start: dt.date
    period_end: dt.date
    observed: float
    expected: float
    summary: str
    score: float = 3.0
    incident_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    figures: Figures
    previous: Figures
    changes: dict[str, Change] = field(default_factory=dict)
    by_month: list[Bucket] = field(default_factory=list)
    by_violation: list[Bucket] = field(default_factory=list)
    by_perpetrator: list[Bucket] = field(default_factory=list)
    by_area: list[Bucket] = field(default_factory=list)
    imprecise: int = 0


def sample_input(*, annex_rows: int = 30) -> ReportInput:
    """A plausible quarter in Arcadia (fictional)."""
    now = figures(
        42,
        {
            "killed": {"women": 3, "men": 11, "girls": 1, "boys": 2, "unknown": 0},
            "injured": {"women": 6, "men": 14, "girls": 2, "boys": 1, "unknown": 3},
            "detained": {"women": 4, "men": 37, "girls": 0, "boys": 2, "unknown": 0},
            "displaced": {"women": 120, "men": 95, "girls": 60, "boys": 58, "unknown": 40},
        },
        27,
    )
    before = figures(31, {"killed": {"men": 9, "women": 2}, "detained": {"men": 20}}, 22)
    months = [
        Bucket("2025-04", "April 2025", 11, 90, 4),
        Bucket("2025-05", "May 2025", 13, 150, 5),
        Bucket("2025-06", "June 2025", 18, 218, 8),
    ]
    violations = [
        Bucket("arbitrary-detention", "Arbitrary arrest and detention", 17, 43, 0),
        Bucket("killing", "Arbitrary deprivation of life (killing)", 12, 17, 17),
        Bucket("forced-displacement", "Forced displacement", 6, 373, 0),
        Bucket("torture-ill-treatment", "Torture and other ill-treatment", 5, 9, 0),
        Bucket("freedom-of-assembly", "Freedom of peaceful assembly", 3, 20, 0),
    ]
    perpetrators = [
        Bucket("state-police", "Police", 16, 60, 3),
        Bucket("state-armed-forces", "State armed forces", 11, 300, 9),
        Bucket("non-state-armed-group", "Non-state armed group", 9, 80, 5),
        Bucket("unknown", "Unknown", 6, 18, 0),
    ]
    areas = [
        Bucket("XA-02", "Elsenmoor", 19, 250, 9),
        Bucket("XA-05", "Duskwater", 12, 140, 5),
        Bucket("XA-01", "Varnholt", 9, 60, 2),
        Bucket("XA-03", "Quillon Coast", 2, 8, 1),
    ]
    concerns = [
        Concern(
            "killing:XA-02",
            "Killings by State armed forces in Elsenmoor",
            figures(9, {"killed": {"men": 8, "women": 2, "boys": 1}}, 7),
            change(9, 4),
            7 / 9,
            reasons=(
                "Killings more than doubled compared with the previous quarter.",
                "Seven of nine incidents verified.",
            ),
        ),
        Concern(
            "arbitrary-detention",
            "Arbitrary detention of protesters",
            figures(17, {"detained": {"men": 37, "women": 4, "boys": 2}}, 10),
            change(17, 12),
            10 / 17,
        ),
        Concern(
            "forced-displacement:XA-05",
            "Forced displacement in Duskwater",
            figures(
                6,
                {"displaced": {"women": 120, "men": 95, "girls": 60, "boys": 58, "unknown": 40}},
                3,
            ),
            change(6, 0),
            0.5,
        ),
        Concern(
            "attack-on-hrd",
            "Attack on a human rights defender",
            figures(1, {"injured": {"women": 1}}, 1),
            change(1, 0),
            1.0,
        ),
    ]
    signals = [
        Signal("spike:XA-02:killing", "spike", "XA-02", "killing", dt.date(2025, 6, 2),
               dt.date(2025, 6, 29), 6, 1.4, "Six killings in four weeks; about 1.4 expected."),
        Signal("new:XA-05:forced-displacement", "new-violation", "XA-05", "forced-displacement",
               dt.date(2025, 5, 1), dt.date(2025, 6, 30), 6, 0, "First forced evictions here."),
    ]  # fmt: skip
    annex = [
        AnnexRow(
            date=f"2025-06-{(i % 28) + 1:02d}",
            area="Elsenmoor" if i % 2 else "Duskwater",
            title=f"Incident number {i} at a checkpoint on the northern road",
            violations="Arbitrary deprivation of life (killing); Torture and other ill-treatment",
            perpetrators="State armed forces",
            killed=max(0, 5 - i % 6),
            victims=7 - i % 6,
            verification=("verified", "credible", "reported")[i % 3],
        )
        for i in range(annex_rows)
    ]
    analysis = Analysis(
        figures=now,
        previous=before,
        changes={"incidents": change(42, 31)},
        by_month=months,
        by_violation=violations,
        by_perpetrator=perpetrators,
        by_area=areas,
        imprecise=3,
    )
    return ReportInput(
        analysis=analysis, concerns=concerns, signals=signals, annex=annex, annex_total=annex_rows
    )


def empty_input() -> ReportInput:
    return ReportInput(
        analysis=Analysis(figures=Figures(), previous=Figures()), concerns=[], signals=[]
    )
