"""Weekly aggregates built in Python from Incident objects, as the store builds them in SQL.

Lets the early-warning tests run on tens of thousands of demo incidents
without writing them to a vault; test_weekly_matches_the_store checks that
both give the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from hradvisor.model import Incident
from hradvisor.store.aggregates import WEEK_ZERO, WeeklyAggregates


def week_of(day: dt.date) -> int:
    return (day - WEEK_ZERO).days // 7


def weekly_from_incidents(
    incidents: Iterable[Incident], start: dt.date, end: dt.date
) -> WeeklyAggregates:
    codes: Counter[tuple[str, str, str | None, int, int]] = Counter()
    areas: Counter[tuple[str | None, int, int]] = Counter()
    for incident in incidents:
        first, last = incident.period()
        if last < start or first > end:
            continue
        weeks = (week_of(first), week_of(last))
        admin1 = incident.location.admin1
        areas[(admin1, *weeks)] += 1
        for kind, values in (
            ("violation", incident.violations),
            ("victim_group", incident.victim_groups),
        ):
            for code in values:
                codes[(kind, code, admin1, *weeks)] += 1
    return WeeklyAggregates(
        [(*key, n) for key, n in codes.items()], [(*key, n) for key, n in areas.items()]
    )
