"""From something on the dashboard to the incident list filter that shows its incidents.

The list's filter selects incidents whose possible dates OVERLAP the period,
while the analysis counts those lying wholly INSIDE it (docs/early-warning.md),
so a list opened from a bar can hold a few more incidents than the bar says
(coarsely dated ones). Signals and concerns also carry their exact incident
ids, which the page emits separately for a list that can show exactly those.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from hradvisor.analysis import AnalysisScope, Concern
from hradvisor.analysis import Signal as EarlyWarning
from hradvisor.model import vocabulary
from hradvisor.store.queries import IncidentFilter


def _narrowed(base: tuple[str, ...], chosen: tuple[str, ...]) -> tuple[str, ...]:
    """*chosen* within what the scope already allows (the scope's filter stays a limit)."""
    if not base:
        return chosen
    return tuple(code for code in chosen if code in base) or chosen


def area_filter(scope: AnalysisScope, key: str) -> IncidentFilter:
    """An area row's incidents. The row of incidents with no area recorded is keyed by the
    country code; the list cannot select "no area", so it opens the whole country."""
    if "-" in key:
        return replace(scope.incident_filter(), admin1=(key,))
    return replace(scope.incident_filter(), country=key)


def violation_filter(scope: AnalysisScope, codes: Sequence[str]) -> IncidentFilter:
    base = scope.incident_filter()
    return replace(base, violations=_narrowed(base.violations, tuple(codes)))


def perpetrator_filter(scope: AnalysisScope, codes: Sequence[str]) -> IncidentFilter:
    base = scope.incident_filter()
    return replace(base, perpetrators=_narrowed(base.perpetrators, tuple(codes)))


def victim_group_filter(scope: AnalysisScope, codes: Sequence[str]) -> IncidentFilter:
    base = scope.incident_filter()
    return replace(base, victim_groups=_narrowed(base.victim_groups, tuple(codes)))


def period_filter(scope: AnalysisScope, start: dt.date, end: dt.date) -> IncidentFilter:
    """The scope cut to [start, end] (a point on the trend line), never wider than the scope."""
    return replace(
        scope.incident_filter(), date_from=max(start, scope.start), date_to=min(end, scope.end)
    )


def signal_filter(scope: AnalysisScope, signal: EarlyWarning) -> IncidentFilter:
    """The signal's weeks, its area and its violation or protected group."""
    base = replace(
        scope.incident_filter(), date_from=signal.period_start, date_to=signal.period_end
    )
    if signal.area:
        base = replace(base, admin1=(signal.area,))
    if signal.subject in vocabulary("violations"):
        return replace(base, violations=(signal.subject,))
    if signal.subject in vocabulary("victim-groups"):
        return replace(base, victim_groups=(signal.subject,))
    return base


def concern_filter(scope: AnalysisScope, concern: Concern) -> IncidentFilter:
    base = scope.incident_filter()
    if concern.area:
        base = replace(base, admin1=(concern.area,))
    if concern.violation:
        base = replace(base, violations=(concern.violation,))
    return base


def bucket_period(key: str) -> tuple[dt.date, dt.date] | None:
    """The dates of a trend bucket from its key ("2026-03", "2026-W14", "2026-03-30", "2026-Q1")."""
    try:
        if len(key) == 7 and key[4] == "-" and key[5:].isdigit():  # month
            start = dt.date(int(key[:4]), int(key[5:]), 1)
            following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return start, following - dt.timedelta(days=1)
        if "-W" in key:  # ISO week
            year, week = key.split("-W")
            start = dt.date.fromisocalendar(int(year), int(week), 1)
            return start, start + dt.timedelta(days=6)
        if "-Q" in key:  # quarter
            year, quarter = key.split("-Q")
            start = dt.date(int(year), 3 * int(quarter) - 2, 1)
            following = dt.date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)
            return start, following - dt.timedelta(days=1)
        start = dt.date.fromisoformat(key)  # the Monday of a week
        return start, start + dt.timedelta(days=6)
    except ValueError:
        return None
