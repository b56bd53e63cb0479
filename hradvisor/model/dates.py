"""Dates with a precision: a day, a month or a year.

Field reports often know only the month or the year of an event. We keep the
date exactly as precise as it is known (``2024-03-15``, ``2024-03``, ``2024``)
and derive the first and last possible day, so filters and counts never
pretend to know a day that nobody reported.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

PRECISIONS = ("day", "month", "year")
_SHAPES = {
    "day": re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
    "month": re.compile(r"^(\d{4})-(\d{2})$"),
    "year": re.compile(r"^(\d{4})$"),
}
_FORMAT_HINT = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}
MIN_YEAR = 1900


def format_hint(precision: str) -> str:
    """How a date of *precision* is written, for error messages."""
    return _FORMAT_HINT[precision]


def period(value: str, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day that *value* (written at *precision*) may mean.

    Raises ValueError if *value* is not written at *precision* or is not a
    real calendar date.
    """
    match = _SHAPES[precision].match(value)
    if not match:
        raise ValueError(f"must be written {format_hint(precision)}")
    year = int(match.group(1))
    if year < MIN_YEAR:
        raise ValueError(f"must be in {MIN_YEAR} or later")
    if precision == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(match.group(2))
    if not 1 <= month <= 12:
        raise ValueError("is not a real calendar date")
    if precision == "month":
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    try:
        day = dt.date(year, month, int(match.group(3)))
    except ValueError:
        raise ValueError("is not a real calendar date") from None
    return day, day


def format_date(day: dt.date, precision: str) -> str:
    """*day* written at *precision* (the inverse of ``period(...)[0]``)."""
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def utc_today() -> dt.date:
    """Today in UTC: the reference for rejecting dates in the future."""
    return dt.datetime.now(dt.UTC).date()
