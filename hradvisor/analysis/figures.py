"""Figures and breakdowns from the grouped rows the store returns (pure functions).

Kept apart from the store so every number can be checked against a
hand-worked example without a vault (tests/analysis/test_figures.py).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from hradvisor.analysis import periods as cal
from hradvisor.analysis.types import Bucket, Figures
from hradvisor.model import area_name, vocabulary
from hradvisor.resources import read_json_resource, resource_path
from hradvisor.store.aggregates import PeriodAggregates

_VOCABULARY_OF_KIND = {
    "violation": "violations",
    "perpetrator": "perpetrators",
    "victim_group": "victim-groups",
}
_NOT_RECORDED = {"en": "area not recorded", "fr": "zone non précisée"}
_NO_DISTRICT = {"en": "district not recorded", "fr": "district non précisé"}


def make_figures(
    incidents: int, verified: int, victim_cells: Iterable[tuple[str, str, int]]
) -> Figures:
    """Figures from counts and (outcome, sex_age, count) cells; no division by zero."""
    victims: dict[str, dict[str, int]] = {}
    for outcome, sex_age, count in victim_cells:
        by_sex = victims.setdefault(outcome, {})
        by_sex[sex_age] = by_sex.get(sex_age, 0) + count
    by_outcome = {outcome: sum(cells.values()) for outcome, cells in victims.items()}
    return Figures(
        incidents=incidents,
        victims=victims,
        victims_by_outcome=by_outcome,
        victims_total=sum(by_outcome.values()),
        verified=verified,
        verified_share=verified / incidents if incidents else None,
    )


def empty_figures() -> Figures:
    return make_figures(0, 0, ())


def period_figures(rows: PeriodAggregates, count: int) -> list[Figures]:
    """Figures for periods 0 … count-1."""
    totals = {period: (n, verified) for period, n, verified, _ in rows.totals}
    cells: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for period, outcome, sex_age, n in rows.victims:
        cells[period].append((outcome, sex_age, n))
    return [make_figures(*totals.get(p, (0, 0)), cells[p]) for p in range(count)]


def imprecise_count(rows: PeriodAggregates) -> int:
    return sum(n for period, n, _, _ in rows.totals if period == -1)


def mean_figures(figures: Sequence[Figures]) -> Figures | None:
    """The mean of several periods' figures, rounded to whole numbers (None for none).

    Exact means are in the Change objects; these are for showing a typical period.
    """
    if not figures:
        return None
    size = len(figures)
    cells: dict[tuple[str, str], int] = defaultdict(int)
    for figure in figures:
        for outcome, by_sex in figure.victims.items():
            for sex_age, n in by_sex.items():
                cells[outcome, sex_age] += n
    incidents = round(sum(f.incidents for f in figures) / size)
    verified = round(sum(f.verified for f in figures) / size)
    means = [(o, s, round(n / size)) for (o, s), n in cells.items() if round(n / size)]
    made = make_figures(incidents, min(verified, incidents), means)
    total_incidents = sum(f.incidents for f in figures)
    share = sum(f.verified for f in figures) / total_incidents if total_incidents else None
    return Figures(
        made.incidents,
        made.victims,
        made.victims_by_outcome,
        made.victims_total,
        made.verified,
        share,
    )


class _Tally:
    __slots__ = ("incidents", "killed", "verified", "victims")

    def __init__(self) -> None:
        self.incidents = self.verified = self.victims = self.killed = 0

    def add(self, incidents: int, verified: int, victims: int, killed: int) -> None:
        self.incidents += incidents
        self.verified += verified
        self.victims += victims
        self.killed += killed

    def bucket(self, key: str, label: str) -> Bucket:
        return Bucket(key, label, self.incidents, self.victims, self.killed, verified=self.verified)


def time_buckets(
    rows: PeriodAggregates, start: dt.date, end: dt.date, lang: str
) -> tuple[list[Bucket], list[Bucket], list[Bucket], dict[str, int]]:
    """Weekly, monthly and quarterly buckets covering [start, end], empty ones included,
    and how many incidents were too coarsely dated for each granularity."""
    tallies: dict[str, dict[str, _Tally]] = {"week": {}, "month": {}, "quarter": {}}
    for monday in cal.weeks(start, end):
        tallies["week"][monday.isoformat()] = _Tally()
    for first_day in cal.months(start, end):
        tallies["month"][cal.month_key(first_day)] = _Tally()
    for first_day in cal.quarters(start, end):
        tallies["quarter"][cal.quarter_key(first_day)] = _Tally()
    undated = {"week": 0, "month": 0, "quarter": 0}
    for week, month, quarter, _c, _a1, _a2, n, verified, victims, killed in rows.detail:
        for granularity, found in (("week", week), ("month", month), ("quarter", quarter)):
            if found is None or found not in tallies[granularity]:
                undated[granularity] += n
            else:
                tallies[granularity][found].add(n, verified, victims, killed)
    by_week = [
        tally.bucket(cal.week_key(day), cal.week_label(day, lang))
        for key, tally in tallies["week"].items()
        for day in [dt.date.fromisoformat(key)]
    ]
    by_month = [
        tally.bucket(key, cal.month_label(dt.date.fromisoformat(f"{key}-01"), lang))
        for key, tally in tallies["month"].items()
    ]
    by_quarter = [
        tally.bucket(key, cal.quarter_label(_quarter_start(key), lang))
        for key, tally in tallies["quarter"].items()
    ]
    return by_week, by_month, by_quarter, undated


def _quarter_start(key: str) -> dt.date:
    year, quarter = key.split("-Q")
    return dt.date(int(year), 3 * (int(quarter) - 1) + 1, 1)


def area_key(country: str, admin1: str | None) -> str:
    """The key of an area row: its admin1 code, or the country code when none was recorded."""
    return admin1 or country


def area_label(country: str, admin1: str | None, lang: str) -> str:
    if admin1:
        return area_name(country, admin1)
    return f"{area_name(country, None)} ({_NOT_RECORDED.get(lang, _NOT_RECORDED['en'])})"


def place_buckets(rows: PeriodAggregates, lang: str) -> tuple[list[Bucket], list[Bucket]]:
    """Period 0 by admin1 and by admin2, largest first; unrecorded places get their own row."""
    areas: dict[tuple[str, str | None], _Tally] = defaultdict(_Tally)
    districts: dict[tuple[str, str | None, str | None], _Tally] = defaultdict(_Tally)
    for _w, _m, _q, country, admin1, admin2, n, verified, victims, killed in rows.detail:
        areas[country, admin1].add(n, verified, victims, killed)
        districts[country, admin1, admin2].add(n, verified, victims, killed)
    by_area = [
        tally.bucket(area_key(country, admin1), area_label(country, admin1, lang))
        for (country, admin1), tally in areas.items()
    ]
    by_admin2 = [
        tally.bucket(*_district(country, admin1, admin2, lang))
        for (country, admin1, admin2), tally in districts.items()
    ]
    return _largest_first(by_area), _largest_first(by_admin2)


def _district(country: str, admin1: str | None, admin2: str | None, lang: str) -> tuple[str, str]:
    if admin2:
        return admin2, admin2_name(country, admin2)
    parent = area_label(country, admin1, lang)
    no_district = _NO_DISTRICT.get(lang, _NO_DISTRICT["en"])
    return f"{area_key(country, admin1)}/-", f"{parent}, {no_district}"


def admin2_name(country: str, code: str) -> str:
    """Display name of a second-level area from the country's gazetteer (the code if unknown)."""
    return _admin2_names(country).get(code, code)


_ADMIN2_CACHE: dict[str, dict[str, str]] = {}


def _admin2_names(country: str) -> dict[str, str]:
    if country not in _ADMIN2_CACHE:
        names: dict[str, str] = {}
        if resource_path("gazetteers", f"{country}.json").is_file():
            doc = read_json_resource("gazetteers", f"{country}.json")
            for area in doc.get("admin1", []):
                for district in area.get("admin2", []):
                    names[str(district["code"])] = str(district["name"])
        _ADMIN2_CACHE[country] = names
    return _ADMIN2_CACHE[country]


def code_buckets(rows: PeriodAggregates, kind: str, lang: str) -> list[Bucket]:
    """Period 0 by one kind of code (violation, perpetrator, victim_group), largest first.

    An incident with two violations counts once under each, so these rows add
    up to more than the incident total: they answer "how many incidents involved X".
    """
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for period, row_kind, code, _country, _admin1, n, verified, victims, killed in rows.codes:
        if period == 0 and row_kind == kind:
            tallies[code].add(n, verified, victims, killed)
    label = _labeller(kind, lang)
    return _largest_first([tally.bucket(code, label(code)) for code, tally in tallies.items()])


def _labeller(kind: str, lang: str) -> Callable[[str], str]:
    vocab = vocabulary(_VOCABULARY_OF_KIND[kind])
    return lambda code: vocab.label(code, lang)


def _largest_first(buckets: list[Bucket]) -> list[Bucket]:
    return sorted(buckets, key=lambda b: (-b.incidents, -b.victims, b.key))
