"""Calendar arithmetic: comparison periods and the week, month and quarter buckets.

Weeks run Monday to Sunday and are named by ISO week ("2025-W14"); months
"2025-04"; quarters "2025-Q2". The store groups by the same keys (the Monday
of the week, the month, the quarter), so a bucket key means the same here and
in SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

ONE_DAY = dt.timedelta(days=1)
_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
}  # fmt: skip
_WEEK = {"en": "Week {week}, {year}", "fr": "Semaine {week}, {year}"}
_QUARTER = {"en": "Q{quarter} {year}", "fr": "T{quarter} {year}"}


def previous_periods(start: dt.date, end: dt.date, count: int) -> list[tuple[dt.date, dt.date]]:
    """The *count* periods of equal length just before [start, end], most recent first."""
    length = (end - start).days + 1
    periods = []
    for _ in range(count):
        end = start - ONE_DAY
        start = end - dt.timedelta(days=length - 1)
        periods.append((start, end))
    return periods


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_key(week_start: dt.date) -> str:
    year, week, _ = week_start.isocalendar()
    return f"{year}-W{week:02d}"


def month_key(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def quarter_key(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def weeks(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """The Mondays of every week overlapping [start, end]."""
    day = monday(start)
    while day <= end:
        yield day
        day += dt.timedelta(days=7)


def months(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """The first day of every month overlapping [start, end]."""
    day = start.replace(day=1)
    while day <= end:
        yield day
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def quarters(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """The first day of every quarter overlapping [start, end]."""
    day = dt.date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    while day <= end:
        yield day
        month = day.month + 3
        day = dt.date(day.year + (month > 12), (month - 1) % 12 + 1, 1)


def week_label(week_start: dt.date, lang: str) -> str:
    year, week, _ = week_start.isocalendar()
    return _WEEK.get(lang, _WEEK["en"]).format(week=week, year=year)


def month_label(day: dt.date, lang: str) -> str:
    return f"{_MONTHS.get(lang, _MONTHS['en'])[day.month - 1]} {day.year}"


def quarter_label(day: dt.date, lang: str) -> str:
    quarter = (day.month - 1) // 3 + 1
    return _QUARTER.get(lang, _QUARTER["en"]).format(quarter=quarter, year=day.year)
