"""Early-warning detectors over weekly counts (method and parameters: docs/early-warning.md).

Four detectors, each a pure function of weekly series:

- spike: a count per area × violation far above its trailing baseline
  (Poisson upper-tail probability, over one-week and four-week windows);
- new-violation: a violation in an area where none was recorded for a year;
- escalation: killings or enforced disappearances rising as a share of an
  area's incidents (binomial upper tail against the trailing share);
- protected-group: incidents against human rights defenders, journalists or
  children far above their baseline (the spike test, more sensitive).

Every test has a minimum-count gate so 0 → 1 is never an alarm. Weeks are
integers counted from Monday 1 January 1900 (store.aggregates.WEEK_ZERO).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hradvisor.store.aggregates import WeeklyAggregates

Cell = tuple[str | None, str]  # (admin1 or None for the whole scope, code)
Series = dict[int, int]  # week -> count


@dataclass(frozen=True)
class SignalParams:
    """Every tunable of the detectors, in one place (documented in docs/early-warning.md)."""

    baseline_weeks: int = 26
    min_baseline_weeks: int = 8
    windows: tuple[int, ...] = (1, 4, 8)
    floor_rate: float = 0.25  # expected incidents per week never taken below this
    spike_alpha: float = 1e-6
    spike_min_count: int = 4
    spike_min_ratio: float = 2.0
    new_lookback_weeks: int = 52
    new_within_weeks: int = 8
    new_min_count: int = 3
    escalation_window: int = 4
    escalation_alpha: float = 1e-5
    escalation_min_count: int = 3
    escalation_min_rise: float = 0.10
    severe: tuple[str, ...] = ("killing", "enforced-disappearance")
    protected_groups: tuple[str, ...] = ("human-rights-defenders", "journalists", "children")
    protected_alpha: float = 1e-5
    protected_min_count: int = 3
    protected_min_ratio: float = 1.5
    merge_gap_weeks: int = 1


@dataclass(frozen=True)
class Alert:
    """A detection before its incidents are looked up: weeks [first_week, last_week]."""

    kind: str
    area: str | None
    subject: str
    first_week: int
    last_week: int
    observed: float
    expected: float
    p_value: float

    @property
    def score(self) -> float:
        return -math.log10(max(self.p_value, 1e-300))


@dataclass
class WeeklySeries:
    """Precisely dated weekly counts, and where each violation was present at all."""

    codes: dict[tuple[str, str | None, str], Series]  # (kind, area, code) -> series
    totals: dict[str | None, Series]  # area -> all incidents
    presence: dict[tuple[str | None, str], list[tuple[int, int, int]]]  # (first, last, n)


def build_series(rows: WeeklyAggregates) -> WeeklySeries:
    """Series summed over the whole scope (area None) and, when the scope holds several
    areas, per recorded area. Incidents with no recorded area count in the whole only;
    incidents dated too coarsely for one week count only as presence.
    """
    codes: dict[tuple[str, str | None, str], Series] = defaultdict(lambda: defaultdict(int))
    totals: dict[str | None, Series] = defaultdict(lambda: defaultdict(int))
    presence: dict[tuple[str | None, str], list[tuple[int, int, int]]] = defaultdict(list)
    several = len({area for area, *_ in rows.areas}) > 1
    for kind, code, area, first, last, n in rows.codes:
        if kind == "violation" and area is not None:
            presence[area, code].append((first, last, n))
        if first == last:
            codes[kind, None, code][first] += n
            if several and area is not None:
                codes[kind, area, code][first] += n
    for area, first, last, n in rows.areas:
        if first == last:
            totals[None][first] += n
            if several and area is not None:
                totals[area][first] += n
    return WeeklySeries(dict(codes), dict(totals), dict(presence))


def detect(
    series: WeeklySeries,
    first_week: int,
    last_week: int,
    data_start_week: int,
    params: SignalParams | None = None,
) -> list[Alert]:
    """Every alert whose window ends in [first_week, last_week], merged per subject.

    *data_start_week* is the week of the first incident in scope: weeks before
    it are unknown, not zero, and never serve as a baseline.
    """
    p = params or SignalParams()
    alerts: list[Alert] = []
    cumulative = {key: Cumulative(weeks) for key, weeks in series.codes.items()}
    for (kind, area, code), counts in cumulative.items():
        if kind == "violation":
            alerts += _exceedances(
                "spike", area, code, counts, first_week, last_week, data_start_week, p,
                alpha=p.spike_alpha, min_count=p.spike_min_count, min_ratio=p.spike_min_ratio,
            )  # fmt: skip
        elif code in p.protected_groups:
            alerts += _exceedances(
                "protected-group", area, code, counts, first_week, last_week, data_start_week,
                p, alpha=p.protected_alpha, min_count=p.protected_min_count,
                min_ratio=p.protected_min_ratio,
            )  # fmt: skip
    for (area, code), ranges in series.presence.items():
        alerts += _new_violation(area, code, ranges, first_week, last_week, data_start_week, p)
    for area, weeks in series.totals.items():
        totals = Cumulative(weeks)
        for code in p.severe:
            severe = cumulative.get(("violation", area, code), _EMPTY)
            alerts += _escalation(
                area, code, severe, totals, first_week, last_week, data_start_week, p
            )
    return merge(alerts, p.merge_gap_weeks)


class Cumulative:
    """A weekly series with prefix sums: the total over any span of weeks in O(1)."""

    __slots__ = ("first", "prefix", "weeks")

    def __init__(self, weeks: Mapping[int, int]) -> None:
        self.weeks = weeks
        self.first = min(weeks, default=0)
        last = max(weeks, default=-1)
        running, prefix = 0, [0]
        for week in range(self.first, last + 1):
            running += weeks.get(week, 0)
            prefix.append(running)
        self.prefix = prefix

    def total(self, first: int, last: int) -> int:
        """Incidents in weeks [first, last] (both inclusive)."""
        low = max(first - self.first, 0)
        high = min(last - self.first + 1, len(self.prefix) - 1)
        return self.prefix[high] - self.prefix[low] if high > low else 0


_EMPTY = Cumulative({})


def _baseline_span(end_before: int, data_start: int, p: SignalParams) -> tuple[int, int] | None:
    """The baseline weeks just before week *end_before*, if enough of them hold data."""
    start = max(end_before - p.baseline_weeks, data_start)
    if end_before - start < p.min_baseline_weeks:
        return None
    return start, end_before - 1


def _exceedances(
    kind: str,
    area: str | None,
    code: str,
    counts: Cumulative,
    first_week: int,
    last_week: int,
    data_start: int,
    p: SignalParams,
    *,
    alpha: float,
    min_count: int,
    min_ratio: float,
) -> list[Alert]:
    """Poisson exceedance: windows of w weeks ending in each week against the baseline rate."""
    found = []
    busy = [week for week in counts.weeks if first_week - max(p.windows) < week <= last_week]
    candidates = sorted({week + shift for week in busy for shift in range(max(p.windows))})
    for end in candidates:
        if not first_week <= end <= last_week:
            continue
        for width in p.windows:
            start = end - width + 1
            observed = counts.total(start, end)
            if observed < min_count:
                continue
            span = _baseline_span(start, data_start, p)
            if span is None:
                continue
            rate = counts.total(*span) / (span[1] - span[0] + 1)
            expected = width * max(rate, p.floor_rate)
            if observed < min_ratio * expected:
                continue
            p_value = poisson_sf(observed, expected)
            if p_value < alpha:
                found.append(Alert(kind, area, code, start, end, observed, expected, p_value))
    return found


def _new_violation(
    area: str | None,
    code: str,
    ranges: list[tuple[int, int, int]],
    first_week: int,
    last_week: int,
    data_start: int,
    p: SignalParams,
) -> list[Alert]:
    """Onsets, in the period, of a violation that no incident in the area could have
    involved in the ``new_lookback_weeks`` before (coarse dates count wherever they may
    fall), followed by at least ``new_min_count`` incidents within ``new_within_weeks``.

    *ranges* are (first week, last week, incidents) of every incident, however dated.
    """
    found: list[Alert] = []
    ranges = sorted(ranges)
    latest_before = -1  # the latest week any incident starting before the onset may reach
    index = 0
    for onset, _last, _n in ranges:
        while ranges[index][0] < onset:
            latest_before = max(latest_before, ranges[index][1])
            index += 1
        if not first_week <= onset <= last_week or onset - p.new_lookback_weeks < data_start:
            continue
        if latest_before >= onset - p.new_lookback_weeks:
            continue
        if found and found[-1].last_week >= onset:
            continue
        end = min(onset + p.new_within_weeks - 1, last_week)
        inside = [(last, n) for first, last, n in ranges if first >= onset and last <= end]
        observed = sum(n for _, n in inside)
        if observed < p.new_min_count:
            continue
        # None in a year: by the rule of three the weekly rate is below 3 / lookback.
        expected = (end - onset + 1) * 3.0 / p.new_lookback_weeks
        last_seen = max(last for last, _ in inside)
        found.append(
            Alert(
                "new-violation", area, code, onset, last_seen, observed, expected,
                poisson_sf(observed, expected),
            )
        )  # fmt: skip
    return found


def _escalation(
    area: str | None,
    code: str,
    severe: Cumulative,
    totals: Cumulative,
    first_week: int,
    last_week: int,
    data_start: int,
    p: SignalParams,
) -> list[Alert]:
    """Binomial test of the share of incidents involving *code* in a window vs the baseline."""
    found = []
    width = p.escalation_window
    for end in sorted(w for w in severe.weeks if first_week <= w <= last_week):
        start = end - width + 1
        observed = severe.total(start, end)
        if observed < p.escalation_min_count:
            continue
        incidents = totals.total(start, end)
        span = _baseline_span(start, data_start, p)
        if span is None or incidents == 0:
            continue
        base_severe, base_total = severe.total(*span), totals.total(*span)
        share0 = (base_severe + 1) / (base_total + 2)  # no share of exactly 0 or 1
        share = observed / incidents
        if share - share0 < p.escalation_min_rise:
            continue
        p_value = binomial_sf(observed, incidents, share0)
        if p_value < p.escalation_alpha:
            found.append(Alert("escalation", area, code, start, end, share, share0, p_value))
    return found


def merge(alerts: Iterable[Alert], gap: int) -> list[Alert]:
    """One alert per run of overlapping or adjacent windows of one kind, area and subject,
    carrying the figures of its most significant window."""
    runs: dict[tuple[str, str | None, str], list[Alert]] = defaultdict(list)
    for alert in alerts:
        runs[alert.kind, alert.area, alert.subject].append(alert)
    merged = []
    for group in runs.values():
        group.sort(key=lambda a: (a.first_week, a.last_week))
        current = [group[0]]
        for alert in group[1:]:
            if alert.first_week <= max(a.last_week for a in current) + gap + 1:
                current.append(alert)
            else:
                merged.append(_combine(current))
                current = [alert]
        merged.append(_combine(current))
    return sorted(merged, key=lambda a: (-a.score, a.first_week, a.kind, a.area or "", a.subject))


def _combine(alerts: list[Alert]) -> Alert:
    """A run of alerts is reported as its most significant window: the period in which
    the excess is least likely to be chance (longer windows that merely contain it would
    date the rise too early or its end too late)."""
    return min(alerts, key=lambda a: (a.p_value, a.last_week - a.first_week))


def poisson_sf(observed: float, expected: float) -> float:
    """P(X ≥ observed) for X ~ Poisson(expected); 1.0 when observed ≤ expected (no alert)."""
    k = math.ceil(observed)
    if k <= expected or expected <= 0:
        return 1.0 if k <= expected else 0.0
    term = math.exp(-expected + k * math.log(expected) - math.lgamma(k + 1))
    total, i = term, k
    while term > total * 1e-15:
        i += 1
        term *= expected / i
        total += term
    return min(total, 1.0)


def binomial_sf(successes: int, trials: int, share: float) -> float:
    """P(X ≥ successes) for X ~ Binomial(trials, share); 1.0 when not above the mean."""
    if successes <= trials * share:
        return 1.0
    if share <= 0.0:
        return 0.0
    if share >= 1.0:
        return 1.0
    log_p, log_q = math.log(share), math.log1p(-share)
    total = 0.0
    for i in range(successes, trials + 1):
        term = math.exp(
            math.lgamma(trials + 1) - math.lgamma(i + 1) - math.lgamma(trials - i + 1)
            + i * log_p + (trials - i) * log_q
        )  # fmt: skip
        total += term
        if term < total * 1e-15:
            break
    return min(total, 1.0)
