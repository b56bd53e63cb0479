"""``analyse``: one call from a vault and a scope to every figure, concern and signal.

The vault is asked for grouped rows (store.aggregates); everything else here
is arithmetic on those rows, done by the pure functions of this package.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from hradvisor.analysis import periods as cal
from hradvisor.analysis.concerns import DEFAULT_LIMIT, rank_concerns
from hradvisor.analysis.figures import (
    code_buckets,
    imprecise_count,
    mean_figures,
    period_figures,
    place_buckets,
    time_buckets,
)
from hradvisor.analysis.signals import Alert, SignalParams, build_series, detect
from hradvisor.analysis.summaries import signal_summary
from hradvisor.analysis.trends import figure_changes
from hradvisor.analysis.types import Analysis, AnalysisScope, Concern, Signal
from hradvisor.store import Vault
from hradvisor.store.aggregates import WEEK_ZERO, Scope


def store_scope(scope: AnalysisScope) -> Scope:
    """The store's filter for an analysis scope (its dates are applied per query)."""
    return Scope(scope.incident_filter(with_dates=False), scope.consent)


def analyse(
    vault: Vault,
    scope: AnalysisScope,
    *,
    lang: str = "en",
    baseline_periods: int = 4,
    with_signals: bool = True,
    concern_limit: int = DEFAULT_LIMIT,
    signal_params: SignalParams | None = None,
) -> Analysis:
    """Figures, trends, breakdowns, principal concerns and (unless told not to) signals.

    The baseline averages the *baseline_periods* periods of equal length before
    this one (the previous period included), but only those that start on or
    after the first incident in scope: before it there is no data, not zero.
    """
    if baseline_periods < 0:
        raise ValueError("baseline_periods must be ≥ 0")
    where = store_scope(scope)
    spans = [
        (scope.start, scope.end),
        *cal.previous_periods(scope.start, scope.end, max(1, baseline_periods)),
    ]
    rows = vault.aggregates.periods(where, spans)
    first = vault.aggregates.first_date(where)
    figures = period_figures(rows, len(spans))
    used = [
        index
        for index in range(1, baseline_periods + 1)
        if first is not None and spans[index][0] >= first
    ]
    baseline_figures = [figures[index] for index in used]
    by_week, by_month, by_quarter, undated = time_buckets(rows, scope.start, scope.end, lang)
    by_area, by_admin2 = place_buckets(rows, lang)
    concerns = rank_concerns(rows, len(spans), used, lang, limit=concern_limit)
    concerns = _with_evidence(vault, where, scope, concerns)
    signals = (
        early_warning(vault, scope, lang=lang, params=signal_params, first_date=first)
        if with_signals
        else []
    )
    return Analysis(
        scope=scope,
        figures=figures[0],
        previous=figures[1],
        baseline=mean_figures(baseline_figures),
        changes=figure_changes(figures[0], figures[1], baseline_figures),
        by_month=by_month,
        by_week=by_week,
        by_quarter=by_quarter,
        by_violation=code_buckets(rows, "violation", lang),
        by_perpetrator=code_buckets(rows, "perpetrator", lang),
        by_area=by_area,
        by_admin2=by_admin2,
        by_victim_group=code_buckets(rows, "victim_group", lang),
        imprecise=imprecise_count(rows),
        concerns=concerns,
        signals=signals,
        lang=lang,
        baseline_periods=len(used),
        undated_in_buckets=undated,
        previous_period=spans[1],
    )


def _with_evidence(
    vault: Vault, where: Scope, scope: AnalysisScope, concerns: list[Concern]
) -> list[Concern]:
    """The incidents behind each concern, fetched for all of them in one query."""
    codes = sorted({c.violation for c in concerns if c.violation})
    found: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for incident_id, admin1, code in vault.aggregates.coded_incident_ids(
        where, scope.start, scope.end, "violation", codes
    ):
        found[code, None].append(incident_id)
        found[code, admin1].append(incident_id)
    return [
        replace(c, incident_ids=tuple(found.get((c.violation or "", c.area), ()))) for c in concerns
    ]


def week_start(week: int) -> dt.date:
    return WEEK_ZERO + dt.timedelta(weeks=week)


def week_number(day: dt.date) -> int:
    return (day - WEEK_ZERO).days // 7


def early_warning(
    vault: Vault,
    scope: AnalysisScope,
    *,
    lang: str = "en",
    params: SignalParams | None = None,
    first_date: dt.date | None = None,
) -> list[Signal]:
    """Signals whose window ends in the scope's period, most significant first, each with
    the incidents behind it. History before the period is read for the baselines."""
    p = params or SignalParams()
    where = store_scope(scope)
    first = first_date or vault.aggregates.first_date(where)
    if first is None:
        return []
    history = max(p.baseline_weeks + max(p.windows), p.new_lookback_weeks) + 1
    load_from = scope.start - dt.timedelta(weeks=history)
    weekly = vault.aggregates.weekly(where, load_from, scope.end, groups=p.protected_groups)
    series = build_series(weekly)
    # A week only partly after the first incident is not a full week of data.
    data_start = week_number(first) + (first.weekday() != 0)
    alerts = detect(series, week_number(scope.start), week_number(scope.end), data_start, p)
    return [_signal(vault, where, alert, lang) for alert in alerts]


def _signal(vault: Vault, where: Scope, alert: Alert, lang: str) -> Signal:
    start = week_start(alert.first_week)
    end = week_start(alert.last_week) + dt.timedelta(days=6)
    kind = "victim_group" if alert.kind == "protected-group" else "violation"
    # The incidents counted: weekly detectors count those dated within one week.
    ids = vault.aggregates.incident_ids(
        where,
        start,
        end,
        area=alert.area,
        kind=kind,
        code=alert.subject,
        single_week=alert.kind != "new-violation",
    )
    return Signal(
        key=f"{alert.kind}:{alert.area or '*'}:{alert.subject}:{start.isoformat()}",
        kind=alert.kind,
        area=alert.area,
        subject=alert.subject,
        period_start=start,
        period_end=end,
        observed=alert.observed,
        expected=round(alert.expected, 4),
        score=round(alert.score, 2),
        summary=signal_summary(alert, start, end, lang),
        incident_ids=ids,
    )
