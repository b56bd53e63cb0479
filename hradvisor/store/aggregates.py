"""Read-only aggregate queries for analysis: counts grouped in SQL, returned as plain rows.

The incidents table is wide (titles, narratives) and encrypted page by page, so
the columns the analysis reads are also in the date index (schema format 4),
and each statement reads the incidents in its scope ONCE from there, into a
materialised CTE of narrow columns, and answers all of its groupings from
that. Most of the remaining time is SQLite sorting joined rows for GROUP BY,
so group keys are integers where the vault can store them so (victim cells,
week and quarter numbers). Nothing is written: no temporary table, no change
to the vault.

Date rule (docs/early-warning.md): an incident belongs to a period, week,
month or quarter only if its whole possible date range [date_first,
date_last] lies inside it. Week keys are the ISO date of the Monday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from hradvisor.store.connection import Database
from hradvisor.store.queries import IncidentFilter
from hradvisor.store.victim_cells import cell_names

# Weeks counted from Monday 1 January 1900 (julianday 2415020.5), the earliest date the
# model accepts (model.dates.MIN_YEAR), so week numbers are never negative and the CAST
# truncates like floor division. Integers are cheaper to compute and group than date
# strings (make bench).
WEEK_ZERO = dt.date(1900, 1, 1)
_WEEK = "CAST((julianday({}) - 2415020.5) / 7 AS INTEGER)"
# Quarters numbered year * 4 + (quarter - 1).
_QUARTER_NUMBER = (
    "(CAST(substr({0}, 1, 4) AS INTEGER) * 4 + (CAST(substr({0}, 6, 2) AS INTEGER) - 1) / 3)"
)


@dataclass(frozen=True)
class PeriodAggregates:
    """Grouped counts for a list of periods; period 0 is the one analysed.

    totals: (period, incidents, verified, victims); period -1 counts incidents
      overlapping period 0 without lying inside any period.
    victims: (period, outcome, sex_age, count)
    detail: period 0 by time and place: (week monday|None, month|None, quarter|None,
      country, admin1|None, admin2|None, incidents, verified, victims, killed);
      a time key is None when the incident's dates span more than one bucket.
    codes: (period, kind, code, country, admin1|None, incidents, verified, victims, killed);
      violations for every period, perpetrators and victim groups for period 0 only;
      verified, victims and killed are counted for period 0 only (0 elsewhere)
    code_victims: violations in period 0: (code, country, admin1|None, outcome, sex_age, count)
    """

    totals: list[tuple[int, int, int, int]]
    victims: list[tuple[int, str, str, int]]
    detail: list[
        tuple[str | None, str | None, str | None, str, str | None, str | None, int, int, int, int]
    ]
    codes: list[tuple[int, str, str, str, str | None, int, int, int, int]]
    code_victims: list[tuple[str, str, str | None, str, str, int]]


@dataclass(frozen=True)
class WeeklyAggregates:
    """Weekly counts for early warning, by area (admin1, None when not recorded).

    codes: (kind, code, admin1, first week, last week, incidents)
    areas: (admin1, first week, last week, incidents)
    Weeks are numbered from Monday 1 January 1900 (``WEEK_ZERO``).
    Rows whose two weeks differ are incidents dated too coarsely for one week.
    """

    codes: list[tuple[str, str, str | None, int, int, int]]
    areas: list[tuple[str | None, int, int, int]]


@dataclass(frozen=True)
class Scope:
    """Which incidents: IncidentFilter semantics (its dates are ignored) plus consent."""

    filters: IncidentFilter = field(default_factory=IncidentFilter)
    consent: tuple[str, ...] = ()

    def where(self) -> tuple[str, list[Any]]:
        undated = IncidentFilter(
            country=self.filters.country,
            admin1=self.filters.admin1,
            violations=self.filters.violations,
            perpetrators=self.filters.perpetrators,
            victim_groups=self.filters.victim_groups,
            verification=self.filters.verification,
            sensitivity=self.filters.sensitivity,
            text=self.filters.text,
        )
        where, params = undated.where(drive=None)
        if self.consent:
            where += f" AND i.consent IN ({_marks(self.consent)})"
            params = [*params, *self.consent]
        return where, params


# The incidents of a CTE ``s``, read once into narrow columns; {period} is p's expression.
_SCOPE = """
    s AS MATERIALIZED (
        SELECT i.key AS key, i.country AS country, i.admin1 AS admin1,
               i.admin2 AS admin2, i.date_first AS df, i.date_last AS dl,
               i.verification = 'verified' AS ver, i.victims_total AS vt,
               i.victims_killed AS killed, {period} AS p
        FROM incidents i
        WHERE i.date_last >= ? AND i.date_first <= ? AND {where}
    )"""

# Period 0 in detail, from the incidents overlapping it: p is 0 for those inside it
# and -1 for the rest (periods are disjoint: they lie in no period). Time keys are
# integers (week number, year * 4 + quarter - 1): cheaper than date strings to
# compute and group; _split_periods turns them back.
_PERIOD_DETAIL = f"""
    WITH {{scope}}
    SELECT 'T', p, NULL, NULL, NULL, NULL, NULL, count(*), sum(ver), sum(vt), NULL
        FROM s GROUP BY p
    UNION ALL
    SELECT 'V', 0, v.cell, NULL, NULL, NULL, NULL, sum(v.count), NULL, NULL, NULL
        FROM s CROSS JOIN incident_victims v ON v.incident_key = s.key
        WHERE p = 0 AND vt > 0 GROUP BY v.cell
    UNION ALL
    SELECT 'D', CASE WHEN {_WEEK.format("df")} = {_WEEK.format("dl")}
                     THEN {_WEEK.format("df")} END,
           CASE WHEN substr(df, 1, 7) = substr(dl, 1, 7) THEN substr(df, 1, 7) END,
           CASE WHEN {_QUARTER_NUMBER.format("df")} = {_QUARTER_NUMBER.format("dl")}
                THEN {_QUARTER_NUMBER.format("df")} END,
           country, admin1, admin2, count(*), sum(ver), sum(vt), sum(killed)
        FROM s WHERE p = 0 GROUP BY 2, 3, 4, country, admin1, admin2
    UNION ALL
    SELECT 'C', 0, c.kind, c.code, s.country, s.admin1, NULL, count(*), sum(ver),
           sum(vt), sum(killed)
        FROM s CROSS JOIN incident_codes c ON c.incident_key = s.key
        WHERE p = 0 AND c.kind IN ('violation', 'perpetrator', 'victim_group')
        GROUP BY c.kind, c.code, s.country, s.admin1
    UNION ALL
    SELECT 'K', c.code, s.country, s.admin1, v.cell, NULL, NULL, sum(v.count),
           NULL, NULL, NULL
        FROM s CROSS JOIN incident_codes c ON c.incident_key = s.key
               CROSS JOIN incident_victims v ON v.incident_key = s.key
        WHERE p = 0 AND vt > 0 AND c.kind = 'violation'
        GROUP BY c.code, s.country, s.admin1, v.cell
"""

# The other periods, for trends: totals, victims by outcome and sex/age, and
# violation counts; p is the period's index, or -2 for an incident in none.
_PERIOD_TRENDS = """
    WITH {scope}
    SELECT 'T', p, NULL, NULL, NULL, NULL, NULL, count(*), sum(ver), sum(vt), NULL
        FROM s WHERE p > 0 GROUP BY p
    UNION ALL
    SELECT 'V', p, v.cell, NULL, NULL, NULL, NULL, sum(v.count), NULL, NULL, NULL
        FROM s CROSS JOIN incident_victims v ON v.incident_key = s.key
        WHERE p > 0 AND vt > 0 GROUP BY p, v.cell
    UNION ALL
    SELECT 'C', p, c.kind, c.code, s.country, s.admin1, NULL, count(*), 0, 0, 0
        FROM s CROSS JOIN incident_codes c ON c.incident_key = s.key
        WHERE p > 0 AND c.kind = 'violation'
        GROUP BY p, c.code, s.country, s.admin1
"""


class Aggregates:
    """Grouped counts over the current incidents of one vault (``vault.aggregates``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def periods(self, scope: Scope, periods: Sequence[tuple[dt.date, dt.date]]) -> PeriodAggregates:
        """Counts for each period (disjoint, inclusive); the first is analysed in detail.

        Periods after the first only need totals, victims and violation counts
        (for trends), so perpetrators, victim groups, per-code victims and
        killed are grouped for the first period alone, and incidents without
        victims are never looked up in incident_victims (measured: make bench).

        Most of the time goes into SQLite sorting joined rows for GROUP BY, on
        one core per statement: the first period (from the incidents overlapping
        it) and the others (for trends) are two statements, run at once on two
        connections that see the same committed state.
        """
        if not periods:
            raise ValueError("at least one period is needed")
        where, params = scope.where()
        start0, end0 = (day.isoformat() for day in periods[0])
        detail_sql = _PERIOD_DETAIL.format(
            scope=_SCOPE.format(
                period="CASE WHEN i.date_first >= ? AND i.date_last <= ? THEN 0 ELSE -1 END",
                where=where,
            )
        )
        detail_params = [start0, end0, start0, end0, *params]

        def read_detail(conn: Any) -> list[Any]:
            return list(conn.execute(detail_sql, detail_params))

        others = periods[1:]
        if not others:
            with self._db.read() as conn:
                return _split_periods(read_detail(conn))
        cases, case_params = [], []
        for index, (start, end) in enumerate(others, start=1):
            cases.append(f"WHEN i.date_first >= ? AND i.date_last <= ? THEN {index}")
            case_params += [start.isoformat(), end.isoformat()]
        trend_sql = _PERIOD_TRENDS.format(
            scope=_SCOPE.format(period=f"CASE {' '.join(cases)} ELSE -2 END", where=where)
        )
        first = min(start for start, _ in others).isoformat()
        last = max(end for _, end in others).isoformat()
        trend_params = [*case_params, first, last, *params]
        detail, trends = self._db.read_concurrently(
            read_detail, lambda conn: conn.execute(trend_sql, trend_params).fetchall()
        )
        return _split_periods([*detail, *trends])

    def weekly(
        self, scope: Scope, start: dt.date, end: dt.date, *, groups: Sequence[str] | None = None
    ) -> WeeklyAggregates:
        """Weekly counts per area × violation, area × victim group and per area, for
        the incidents overlapping [start, end]; only victim groups in *groups*, if given.

        The area index holds admin1 and both dates: scanning it whole costs less than
        the date index plus a lookup of every row in the wide table (make bench).
        """
        where, params = scope.where()
        wanted = "1" if groups is None else f"c.code IN ({_marks(groups)})"
        sql = f"""
            WITH s AS MATERIALIZED (
                SELECT i.key AS key, i.admin1 AS admin1,
                       {_WEEK.format("i.date_first")} AS w0,
                       {_WEEK.format("i.date_last")} AS w1
                FROM incidents i INDEXED BY incidents_by_area
                WHERE i.date_last >= ? AND i.date_first <= ? AND {where}
            )
            SELECT 'C', c.kind, c.code, s.admin1, w0, w1, count(*)
                FROM s JOIN incident_codes c ON c.incident_key = s.key
                WHERE c.kind = 'violation' OR (c.kind = 'victim_group' AND {wanted})
                GROUP BY c.kind, c.code, s.admin1, w0, w1
            UNION ALL
            SELECT 'A', NULL, NULL, admin1, w0, w1, count(*)
                FROM s GROUP BY admin1, w0, w1
        """
        with self._db.read() as conn:
            rows = conn.execute(
                sql, [start.isoformat(), end.isoformat(), *params, *(groups or ())]
            ).fetchall()
        codes = [(r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows if r[0] == "C"]
        areas = [(r[3], r[4], r[5], r[6]) for r in rows if r[0] == "A"]
        return WeeklyAggregates(codes, areas)

    def incident_ids(
        self,
        scope: Scope,
        start: dt.date,
        end: dt.date,
        *,
        area: str | None = None,
        kind: str | None = None,
        code: str | None = None,
        single_week: bool = False,
        limit: int = 10_000,
    ) -> tuple[str, ...]:
        """Ids of the incidents in scope lying wholly inside [start, end], oldest first,
        optionally only in one area (admin1), with one code of one kind, and only those
        dated within a single week (as the weekly counts of ``weekly`` are)."""
        where, params = scope.where()
        # date_first ≤ end is implied, but lets the date or area index bound the scan.
        clauses = ["i.date_first >= ?", "i.date_first <= ?", "i.date_last <= ?", where]
        values: list[Any] = [start.isoformat(), end.isoformat(), end.isoformat(), *params]
        if area is not None:
            clauses.append("i.admin1 = ?")
            values.append(area)
        if single_week:
            clauses.append(f"{_WEEK.format('i.date_first')} = {_WEEK.format('i.date_last')}")
        if kind is not None and code is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM incident_codes c"
                " WHERE c.kind = ? AND c.code = ? AND c.incident_key = i.key)"
            )
            values += [kind, code]
        sql = (
            f"SELECT i.id FROM incidents i WHERE {' AND '.join(clauses)}"
            " ORDER BY i.date_first, i.key LIMIT ?"
        )
        with self._db.read() as conn:
            rows = conn.execute(sql, [*values, limit]).fetchall()
        return tuple(row[0] for row in rows)

    def coded_incident_ids(
        self, scope: Scope, start: dt.date, end: dt.date, kind: str, codes: Sequence[str]
    ) -> list[tuple[str, str | None, str]]:
        """(id, admin1, code) of each incident in scope wholly inside [start, end] carrying
        one of *codes* of *kind*, oldest first: the evidence of several concerns in one pass."""
        if not codes:
            return []
        where, params = scope.where()
        # CROSS JOIN keeps the period's incidents as the outer loop: walking every
        # incident with a common code (all years) and then its row costs far more.
        sql = (
            "SELECT i.id, i.admin1, c.code FROM incidents i"
            " CROSS JOIN incident_codes c ON c.incident_key = i.key"
            f" WHERE c.kind = ? AND c.code IN ({_marks(codes)})"
            " AND i.date_first >= ? AND i.date_first <= ? AND i.date_last <= ?"
            f" AND {where} ORDER BY i.date_first, i.key"
        )
        values = [kind, *codes, start.isoformat(), end.isoformat(), end.isoformat(), *params]
        with self._db.read() as conn:
            return [(row[0], row[1], row[2]) for row in conn.execute(sql, values)]

    def first_date(self, scope: Scope) -> dt.date | None:
        """The earliest date_first in scope: periods before it hold no data, not zero incidents."""
        where, params = scope.where()
        with self._db.read() as conn:
            row = conn.execute(f"SELECT min(i.date_first) FROM incidents i WHERE {where}", params)
            value = row.fetchone()[0]
        return dt.date.fromisoformat(value) if value else None


def _split_periods(rows: list[Any]) -> PeriodAggregates:
    totals, victims, detail, codes, code_victims = [], [], [], [], []
    for row in rows:
        tag = row[0]
        if tag == "T":
            totals.append((row[1], row[7], row[8] or 0, row[9] or 0))
        elif tag == "V":
            victims.append((row[1], *cell_names(row[2]), row[7]))
        elif tag == "D":
            week = None if row[1] is None else (WEEK_ZERO + dt.timedelta(weeks=row[1])).isoformat()
            quarter = None if row[3] is None else f"{row[3] // 4}-Q{row[3] % 4 + 1}"
            detail.append(
                (week, row[2], quarter, row[4], row[5], row[6], row[7], row[8], row[9], row[10])
            )
        elif tag == "C":
            codes.append(
                (row[1], row[2], row[3], row[4], row[5], row[7], row[8], row[9], row[10] or 0)
            )
        else:
            code_victims.append((row[1], row[2], row[3], *cell_names(row[4]), row[7]))
    return PeriodAggregates(totals, victims, detail, codes, code_victims)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)
