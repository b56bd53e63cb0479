"""Filtered, sorted, keyset-paged incident lists and counts.

Pages are fetched by keyset (the sort value and key of the last row seen), not
by OFFSET, so page 500 of a 100,000-incident vault costs the same as page 1
and rows never shift between pages while someone is adding incidents.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hradvisor.model import Incident
from hradvisor.store.connection import Database
from hradvisor.store.errors import VaultError
from hradvisor.store.incidents import load_incident

MAX_PAGE = 1_000
_SORTS = {
    "date": "i.date_first",
    "title": "i.title COLLATE NOCASE",
    "victims": "i.victims_total",
    "updated": "i.updated_at",
}
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class IncidentFilter:
    """What to show. Empty fields do not filter; several values in one field mean "any of".

    Dates select incidents whose possible period overlaps [date_from, date_to],
    so a month-precision incident appears in any range touching that month.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: tuple[str, ...] = ()
    violations: tuple[str, ...] = ()
    perpetrators: tuple[str, ...] = ()
    victim_groups: tuple[str, ...] = ()
    verification: tuple[str, ...] = ()
    sensitivity: tuple[str, ...] = ()
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition over alias ``i`` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.date_from is not None:
            clauses.append("i.date_last >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to is not None:
            clauses.append("i.date_first <= ?")
            params.append(self.date_to.isoformat())
        if self.country:
            clauses.append("i.country = ?")
            params.append(self.country)
        for column, values in (
            ("admin1", self.admin1),
            ("verification", self.verification),
            ("sensitivity", self.sensitivity),
        ):
            if values:
                clauses.append(f"i.{column} IN ({_marks(values)})")
                params.extend(values)
        for kind, values in (
            ("violation", self.violations),
            ("perpetrator", self.perpetrators),
            ("victim_group", self.victim_groups),
        ):
            if values:
                clauses.append(
                    "EXISTS (SELECT 1 FROM incident_codes c WHERE c.incident_key = i.key"
                    f" AND c.kind = ? AND c.code IN ({_marks(values)}))"
                )
                params.extend([kind, *values])
        match = fts_query(self.text or "")
        if match:
            clauses.append("i.key IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)")
            params.append(match)
        return (" AND ".join(clauses) or "1"), params


def _marks(values: Iterable[Any]) -> str:
    return ", ".join("?" for _ in values)


def fts_query(text: str) -> str:
    """An FTS5 query matching every word of *text*, the last one as a prefix.

    Words are quoted, so nothing a user types is parsed as FTS syntax (no
    injection, no syntax errors while typing); the prefix makes search-as-you-type work.
    """
    words = _TOKEN.findall(text)
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True)
class Page:
    """One page of incidents and the cursor for the next (None on the last page)."""

    items: list[Incident]
    heads: list[str] = field(default_factory=list)
    next_cursor: str | None = None


def _encode_cursor(sort_value: Any, key: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([sort_value, key]).encode()).decode("ascii")


def _decode_cursor(cursor: str) -> tuple[Any, int]:
    try:
        value, key = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
        if not isinstance(key, int) or isinstance(value, list | dict):
            raise ValueError
        return value, key
    except (ValueError, TypeError):
        raise VaultError("invalid page cursor") from None


class IncidentQueries:
    """Read-only views over the current incidents of one vault."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def count(self, filters: IncidentFilter | None = None) -> int:
        where, params = (filters or IncidentFilter()).where()
        with self._db.read() as conn:
            return int(
                conn.execute(f"SELECT count(*) FROM incidents i WHERE {where}", params).fetchone()[
                    0
                ]
            )

    def page(
        self,
        filters: IncidentFilter | None = None,
        *,
        sort: str = "date",
        descending: bool = True,
        after: str | None = None,
        limit: int = 200,
    ) -> Page:
        """Up to *limit* incidents after cursor *after*, in the chosen order."""
        if sort not in _SORTS:
            raise VaultError(f"cannot sort by {sort!r}: choose one of {', '.join(_SORTS)}")
        limit = max(1, min(limit, MAX_PAGE))
        where, params = (filters or IncidentFilter()).where()
        column, direction = _SORTS[sort], ("DESC" if descending else "ASC")
        sort_expr = column.split(" ")[0]
        if after is not None:
            value, key = _decode_cursor(after)
            where += f" AND ({column}, i.key) {'<' if descending else '>'} (?, ?)"
            params += [value, key]
        sql = (
            f"SELECT {sort_expr}, i.key, r.body, r.hash FROM incidents i"
            f" JOIN revisions r ON r.hash = i.head WHERE {where}"
            f" ORDER BY {column} {direction}, i.key {direction} LIMIT ?"
        )
        with self._db.read() as conn:
            rows = conn.execute(sql, [*params, limit + 1]).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = _encode_cursor(rows[-1][0], rows[-1][1]) if more else None
        return Page([load_incident(r[2]) for r in rows], [r[3] for r in rows], cursor)
