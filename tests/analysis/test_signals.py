"""Early-warning detectors on synthetic series with known answers, and on the demo data."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest

from hradvisor.analysis.signals import (
    Alert,
    SignalParams,
    WeeklySeries,
    binomial_sf,
    build_series,
    detect,
    poisson_sf,
)
from hradvisor.demo import demo_episodes, generate_incidents
from hradvisor.store.aggregates import WeeklyAggregates
from tests.analysis.weekly import week_of, weekly_from_incidents

START = 6000  # an arbitrary week number (2015)
WEEKS = 156
AREAS = [f"XA-{n:02d}" for n in range(1, 13)]
RATES = (0.3, 1.0, 3.0, 8.0, 20.0)
VIOLATIONS = (
    "killing",
    "arbitrary-detention",
    "freedom-of-assembly",
    "discrimination",
    "incitement",
)


def poisson(rng: random.Random, rate: float) -> int:
    """Knuth's method: fine for the small rates here, and needs nothing but random."""
    limit, k, product = math.exp(-rate), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def flat_rows(
    seed: int,
) -> tuple[list[tuple[str, str, str | None, int, int, int]], dict[str, dict[int, int]]]:
    """Weekly Poisson counts at a constant rate per area × violation: nothing happens."""
    rng = random.Random(seed)
    codes = []
    totals: dict[str, dict[int, int]] = {area: {} for area in AREAS}
    for area_index, area in enumerate(AREAS):
        for code_index, code in enumerate(VIOLATIONS):
            rate = RATES[(area_index + code_index) % len(RATES)]
            for week in range(START, START + WEEKS):
                n = poisson(rng, rate)
                if n:
                    codes.append(("violation", code, area, week, week, n))
                    totals[area][week] = totals[area].get(week, 0) + n
    return codes, totals


def as_aggregates(
    codes: list[tuple[str, str, str | None, int, int, int]], totals: dict[str, dict[int, int]]
) -> WeeklyAggregates:
    areas = [(area, week, week, n) for area, weeks in totals.items() for week, n in weeks.items()]
    return WeeklyAggregates(codes, areas)


def run(rows: WeeklyAggregates, params: SignalParams | None = None) -> list[Alert]:
    return detect(build_series(rows), START + 30, START + WEEKS - 1, START, params)


@pytest.mark.parametrize("seed", range(5))
def test_no_alert_on_flat_series(seed: int) -> None:
    assert run(as_aggregates(*flat_rows(seed))) == []


def test_no_alert_on_a_constant_series() -> None:
    codes = [
        ("violation", "killing", "XA-01", week, week, 5) for week in range(START, START + WEEKS)
    ]
    assert run(as_aggregates(codes, {"XA-01": {w: 10 for w in range(START, START + WEEKS)}})) == []


# (area, violation, first week offset, weeks, extra incidents per week); rates from flat_rows
SPIKES = (
    ("XA-01", "killing", 60, 1, 8),  # one sharp week on a rate of 0.3
    ("XA-04", "freedom-of-assembly", 90, 4, 3),  # a rare violation (0.3) suddenly weekly
    ("XA-07", "arbitrary-detention", 120, 6, 7),  # six weeks, rate 3 → 10
    ("XA-10", "incitement", 140, 3, 16),  # three weeks, rate 8 → 24
)


def with_spikes(seed: int) -> WeeklyAggregates:
    codes, totals = flat_rows(seed)
    for area, code, offset, length, extra in SPIKES:
        for week in range(START + offset, START + offset + length):
            codes.append(("violation", code, area, week, week, extra))
            totals[area][week] = totals[area].get(week, 0) + extra
    return as_aggregates(codes, totals)


@pytest.mark.parametrize("seed", range(5))
def test_every_injected_spike_is_found_and_nothing_else(seed: int) -> None:
    alerts = run(with_spikes(seed))
    for area, code, offset, length, _ in SPIKES:
        first, last = START + offset, START + offset + length - 1
        assert any(
            a.kind == "spike" and a.area == area and a.subject == code
            and a.first_week <= last and a.last_week >= first
            for a in alerts
        ), (area, code)  # fmt: skip
    injected = {(area, code) for area, code, *_ in SPIKES}
    for alert in alerts:
        assert alert.area is None or (alert.area, alert.subject) in injected, alert


def test_a_spike_is_dated_to_its_window_and_scored() -> None:
    alerts = [a for a in run(with_spikes(0)) if a.area == "XA-01"]
    assert len(alerts) == 1
    (alert,) = alerts
    assert (alert.first_week, alert.last_week) == (START + 60, START + 60)
    assert alert.observed >= 8 and alert.expected < 1
    assert alert.score > 6


def series(
    codes: list[tuple[str, str, str | None, int, int, int]],
    areas: dict[str, dict[int, int]] | None = None,
) -> WeeklySeries:
    return build_series(as_aggregates(codes, areas or {}))


def test_new_violation_after_a_year_of_absence() -> None:
    codes = [("violation", "killing", "XA-02", START + w, START + w, 1) for w in range(0, 40)]
    codes += [
        ("violation", "child-recruitment", "XA-02", START + w, START + w, 1)
        for w in (100, 101, 103)
    ]
    alerts = detect(series(codes, {"XA-02": {}, "XA-03": {}}), START + 90, START + 110, START)
    (alert,) = [a for a in alerts if a.kind == "new-violation"]
    assert (alert.area, alert.subject, alert.first_week, alert.last_week) == (
        "XA-02", "child-recruitment", START + 100, START + 103,
    )  # fmt: skip
    assert alert.observed == 3


def test_no_new_violation_when_seen_in_the_year_before_even_coarsely_dated() -> None:
    late = [
        ("violation", "child-recruitment", "XA-02", START + w, START + w, 1)
        for w in (100, 101, 103)
    ]
    month = [("violation", "child-recruitment", "XA-02", START + 60, START + 64, 1)]
    areas = {"XA-02": {}, "XA-03": {}}
    assert detect(series(late + month, areas), START + 90, START + 110, START) == []


def test_no_new_violation_without_a_year_of_data_or_with_too_few_incidents() -> None:
    late = [
        ("violation", "child-recruitment", "XA-02", START + w, START + w, 1)
        for w in (100, 101, 103)
    ]
    areas = {"XA-02": {}, "XA-03": {}}
    assert detect(series(late, areas), START + 90, START + 110, START + 60) == []  # data since 60
    assert detect(series(late[:2], areas), START + 90, START + 110, START) == []


def test_escalation_when_killings_rise_as_a_share() -> None:
    weeks = range(START, START + 60)
    totals = {"XA-05": {w: 20 for w in weeks}, "XA-06": {w: 20 for w in weeks}}
    codes = [("violation", "killing", "XA-05", w, w, 2 if w < START + 50 else 9) for w in weeks]
    alerts = detect(series(codes, totals), START + 40, START + 59, START)
    escalations = [a for a in alerts if a.kind == "escalation" and a.area == "XA-05"]
    assert escalations and escalations[0].subject == "killing"
    assert escalations[0].observed > 0.3 and escalations[0].expected < 0.15
    flat = [("violation", "killing", "XA-05", w, w, 2) for w in weeks]
    assert [
        a
        for a in detect(series(flat, totals), START + 40, START + 59, START)
        if a.kind == "escalation"
    ] == []


def test_protected_groups_only() -> None:
    weeks = range(START, START + 60)
    rows = []
    for group in ("journalists", "women"):
        rows += [("victim_group", group, "XA-01", w, w, 1 if w < START + 55 else 9) for w in weeks]
    alerts = detect(series(rows, {"XA-01": {}, "XA-02": {}}), START + 40, START + 59, START)
    assert {(a.kind, a.subject) for a in alerts} == {("protected-group", "journalists")}


def test_tail_probabilities() -> None:
    assert poisson_sf(3, 1.0) == pytest.approx(1 - math.exp(-1) * 2.5)
    assert poisson_sf(0, 1.0) == 1.0
    assert poisson_sf(1, 2.0) == 1.0  # not above the mean: never an alert
    assert poisson_sf(400, 100.0) < 1e-80
    assert binomial_sf(2, 2, 0.5) == pytest.approx(0.25)
    assert binomial_sf(3, 10, 0.1) == pytest.approx(
        1 - sum(math.comb(10, i) * 0.1**i * 0.9 ** (10 - i) for i in range(3))
    )
    assert binomial_sf(1, 10, 0.5) == 1.0


UNTIL = dt.date(2025, 6, 30)


@pytest.fixture(scope="module")
def demo_alerts() -> list[Alert]:
    incidents = list(generate_incidents(20_000, seed=1, until=UNTIL))
    first = min(incident.period()[0] for incident in incidents)
    rows = weekly_from_incidents(incidents, first, UNTIL)
    return detect(build_series(rows), week_of(first), week_of(UNTIL), week_of(first) + 1)


@pytest.mark.parametrize("episode", demo_episodes(UNTIL), ids=lambda e: e.name)
def test_demo_episodes_are_found(demo_alerts: list[Alert], episode: object) -> None:
    from hradvisor.demo import Episode

    assert isinstance(episode, Episode)
    area = None if episode.admin1 == "*" else episode.admin1
    start, end = week_of(episode.start), week_of(episode.end)
    assert any(
        a.subject == episode.violation and a.area == area
        and a.first_week <= end and a.last_week >= start
        for a in demo_alerts
    ), episode.name  # fmt: skip


def test_demo_signals_are_mostly_the_episodes(demo_alerts: list[Alert]) -> None:
    """Real-looking data has seasons and trends, so a few other alerts are fair; most of
    the strong ones must be the injected escalations."""
    windows = [(week_of(e.start), week_of(e.end)) for e in demo_episodes(UNTIL)]
    strong = [a for a in demo_alerts if a.score >= 8]
    during = [a for a in strong if any(a.first_week <= e and a.last_week >= s for s, e in windows)]
    assert len(during) >= 0.9 * len(strong)


def test_cumulative_totals_over_any_span() -> None:
    from hradvisor.analysis.signals import Cumulative

    series = Cumulative({10: 2, 12: 5, 13: 1})
    assert series.total(10, 13) == 8
    assert series.total(11, 12) == 5
    assert series.total(0, 10) == 2
    assert series.total(13, 99) == 1
    assert series.total(0, 9) == 0 and series.total(14, 20) == 0 and series.total(12, 11) == 0
    assert Cumulative({}).total(0, 100) == 0
