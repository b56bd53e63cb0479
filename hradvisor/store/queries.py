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
from hradvisor.store.errors import InvalidCursor, VaultError
from hradvisor.store.incidents import load_incident

MAX_PAGE = 1_000
# When even the most selective text or code condition matches more incidents
# than this, a page is found faster by walking the sort index than by looking
# up every match (measured on the demo vault: make bench).
SCAN_ABOVE_MATCHES = 1_500
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

    def sets(self) -> list[tuple[str, str, list[Any]]]:
        """The set-membership conditions: (name, subquery of incident keys, parameters).

        Text and code filters select keys from their own indexes; the query
        planner is told which of them may drive the query (see ``where``).
        """
        found: list[tuple[str, str, list[Any]]] = []
        match = fts_query(self.text or "")
        if match:
            found.append(
                ("text", "SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?", [match])
            )
        for kind, values in (
            ("violation", self.violations),
            ("perpetrator", self.perpetrators),
            ("victim_group", self.victim_groups),
        ):
            if values:
                inner = (
                    "SELECT c.incident_key FROM incident_codes c"
                    f" WHERE c.kind = ? AND c.code IN ({_marks(values)})"
                )
                found.append((kind, inner, [kind, *values]))
        return found

    def where(self, *, drive: str | None = None) -> tuple[str, list[Any]]:
        """SQL condition over alias ``i`` and its parameters.

        Only the set named *drive* may lead the query; the others are written
        ``+i.key IN (…)`` so SQLite only tests membership. With ``drive=None``
        no set leads, and SQLite walks the sort or column indexes instead:
        right when every set is large.
        """
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
        for name, inner, inner_params in self.sets():
            clauses.append(f"{'' if name == drive else '+'}i.key IN ({inner})")
            params.extend(inner_params)
        return (" AND ".join(clauses) or "1"), params

    def only_sets(self) -> bool:
        """True if the filter is text and code conditions and nothing else."""
        if not self.sets():
            return False
        bare = IncidentFilter(
            text=self.text,
            violations=self.violations,
            perpetrators=self.perpetrators,
            victim_groups=self.victim_groups,
        )
        return self == bare


def _set_sizes(conn: Any, filters: IncidentFilter) -> dict[str, int]:
    """Rows each set condition selects, counted from its index alone (cheap)."""
    return {
        name: int(conn.execute(f"SELECT count(*) FROM ({inner})", params).fetchone()[0])
        for name, inner, params in filters.sets()
    }


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


@dataclass(frozen=True)
class ListRow:
    """What a list shows of one incident, read from the derived row (no revision body).

    Lists of thousands of rows need only these columns; parsing and validating
    each full incident costs ten times more and holds the interpreter lock,
    which a desktop list feels as a stutter while scrolling.
    """

    id: str
    title: str
    date: str  # as entered: YYYY-MM-DD, YYYY-MM or YYYY by precision
    country: str
    admin1: str | None
    violations: tuple[str, ...]
    victims_total: int
    verification: str
    sensitivity: str


@dataclass(frozen=True)
class RowPage:
    rows: list[ListRow]
    next_cursor: str | None = None


# (columns, joined source) for the outer query of a page: full bodies, or list rows.
_BODY_COLUMNS = ("r.body, r.hash", "revisions r ON r.hash = p.head")
_DATE_LENGTH = {"day": 10, "month": 7, "year": 4}
_ROW_COLUMNS = (
    "i.id, i.title, i.date_first, i.date_precision, i.country, i.admin1, i.victims_total,"
    " i.verification, i.sensitivity,"
    " (SELECT group_concat(c.code, ' ') FROM incident_codes c"
    "  WHERE c.incident_key = p.key AND c.kind = 'violation')",
    "incidents i ON i.key = p.key",
)


def _list_row(row: Any) -> ListRow:
    (id_, title, first, precision, country, admin1, victims, verification, sensitivity,
     codes) = row[2:]  # fmt: skip
    return ListRow(
        id=id_,
        title=title,
        date=first[: _DATE_LENGTH[precision]],
        country=country,
        admin1=admin1,
        violations=tuple(sorted((codes or "").split())),
        victims_total=victims,
        verification=verification,
        sensitivity=sensitivity,
    )


def _encode_cursor(sort_value: Any, key: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([sort_value, key]).encode()).decode("ascii")


def _decode_cursor(cursor: str) -> tuple[Any, int]:
    try:
        value, key = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
        if type(key) is not int or not -(2**63) <= key < 2**63:
            raise ValueError
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ValueError
        return value, key
    except (ValueError, TypeError):
        raise InvalidCursor("not a page cursor from this listing") from None


class IncidentQueries:
    """Read-only views over the current incidents of one vault."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def count(self, filters: IncidentFilter | None = None) -> int:
        """How many incidents match, led by the most selective condition."""
        filters = filters or IncidentFilter()
        with self._db.read() as conn:
            if filters.only_sets():  # answered from the indexes alone
                sets = filters.sets()
                keys = " INTERSECT ".join(inner for _, inner, _ in sets)
                params = [value for _, _, set_params in sets for value in set_params]
                row = conn.execute(
                    f"SELECT count(*) FROM (SELECT DISTINCT * FROM ({keys}))", params
                )
                return int(row.fetchone()[0])
            sizes = _set_sizes(conn, filters)
            drive = min(sizes, key=sizes.__getitem__) if sizes else None
            where, params = filters.where(drive=drive)
            row = conn.execute(f"SELECT count(*) FROM incidents i WHERE {where}", params)
            return int(row.fetchone()[0])

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
        rows, cursor = self._fetch(filters, sort, descending, after, limit, _BODY_COLUMNS)
        return Page([load_incident(r[2]) for r in rows], [r[3] for r in rows], cursor)

    def page_rows(
        self,
        filters: IncidentFilter | None = None,
        *,
        sort: str = "date",
        descending: bool = True,
        after: str | None = None,
        limit: int = 200,
    ) -> RowPage:
        """Like ``page``, but only what a list shows, from the derived rows (fast)."""
        rows, cursor = self._fetch(filters, sort, descending, after, limit, _ROW_COLUMNS)
        return RowPage([_list_row(r) for r in rows], cursor)

    def _fetch(
        self,
        filters: IncidentFilter | None,
        sort: str,
        descending: bool,
        after: str | None,
        limit: int,
        columns: tuple[str, str],
    ) -> tuple[list[Any], str | None]:
        if sort not in _SORTS:
            raise VaultError(f"cannot sort by {sort!r}: choose one of {', '.join(_SORTS)}")
        limit = max(1, min(limit, MAX_PAGE))
        filters = filters or IncidentFilter()
        with self._db.read() as conn:
            sql, params = self._page_sql(conn, filters, sort, descending, after, columns)
            rows = conn.execute(sql, [*params, limit + 1]).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = _encode_cursor(rows[-1][0], rows[-1][1]) if more else None
        return rows, cursor

    @staticmethod
    def _page_sql(
        conn: Any,
        filters: IncidentFilter,
        sort: str,
        descending: bool,
        after: str | None,
        columns: tuple[str, str],
    ) -> tuple[str, list[Any]]:
        """Keys are filtered, sorted and limited first; bodies are joined for the page only."""
        sizes = _set_sizes(conn, filters)
        smallest = min(sizes, key=sizes.__getitem__) if sizes else None
        drive = smallest if smallest and sizes[smallest] <= SCAN_ABOVE_MATCHES else None
        where, params = filters.where(drive=drive)
        column, direction = _SORTS[sort], ("DESC" if descending else "ASC")
        if after is not None:
            value, key = _decode_cursor(after)
            where += f" AND ({column}, i.key) {'<' if descending else '>'} (?, ?)"
            params += [value, key]
        collation = " COLLATE NOCASE" if "NOCASE" in column else ""
        selected, source = columns
        sql = (
            f"SELECT p.sort_value, p.key, {selected} FROM ("
            f" SELECT {column.split(' ')[0]} AS sort_value, i.key AS key, i.head AS head"
            f" FROM incidents i WHERE {where}"
            f" ORDER BY {column} {direction}, i.key {direction} LIMIT ?"
            f") p JOIN {source}"
            f" ORDER BY p.sort_value{collation} {direction}, p.key {direction}"
        )
        return sql, params
