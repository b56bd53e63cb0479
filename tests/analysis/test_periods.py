"""Calendar arithmetic: comparison periods and buckets cover every day exactly once."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from hradvisor.analysis import periods as cal

days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
lengths = st.integers(min_value=0, max_value=800)


@given(days, lengths, st.integers(min_value=1, max_value=8))
def test_previous_periods_are_equal_contiguous_and_earlier(
    start: dt.date, extra: int, count: int
) -> None:
    end = start + dt.timedelta(days=extra)
    found = cal.previous_periods(start, end, count)
    assert len(found) == count
    following = start
    for first, last in found:
        assert (last - first).days == extra
        assert last + dt.timedelta(days=1) == following
        following = first


@given(days, lengths)
def test_buckets_cover_the_period_once(start: dt.date, extra: int) -> None:
    end = start + dt.timedelta(days=extra)
    for starts, step_key in (
        (list(cal.weeks(start, end)), lambda d: cal.week_key(cal.monday(d))),
        (list(cal.months(start, end)), cal.month_key),
        (list(cal.quarters(start, end)), cal.quarter_key),
    ):
        keys = [step_key(day) for day in starts]
        assert len(set(keys)) == len(keys)  # no bucket twice
        assert starts[0] <= start and starts == sorted(starts)
        assert step_key(start) == keys[0] and step_key(end) == keys[-1]  # first and last day


def test_labels() -> None:
    monday = dt.date(2025, 3, 31)
    assert (cal.week_key(monday), cal.week_label(monday, "fr")) == ("2025-W14", "Semaine 14, 2025")
    assert cal.month_label(dt.date(2025, 8, 1), "fr") == "août 2025"
    assert cal.quarter_label(dt.date(2025, 4, 1), "en") == "Q2 2025"
    assert cal.quarter_label(dt.date(2025, 10, 1), "fr") == "T4 2025"
    assert cal.week_key(dt.date(2024, 12, 30)) == "2025-W01"  # ISO year of the week
