"""Report definitions, and the read side reports and exports need (``vault.reports``).

Definitions are revisioned records (entity type ``report``) like notes and
persons. Reading incidents for a report or an export goes through
``IncidentSnapshot``: one read transaction, so the manifest of what was left
out and the rows written always describe the same state of the vault.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from typing import Any

from hradvisor.model import ReportDefinition, report_from_json, report_to_json
from hradvisor.store.connection import Database
from hradvisor.store.queries import IncidentFilter
from hradvisor.store.records import RecordStore

FETCH = 2_000
Period = tuple[dt.date, dt.date]


class IncidentSnapshot:
    """Counts and incident bodies from one consistent state of the vault."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def groups(
        self, filters: IncidentFilter, *, within: Period | None = None
    ) -> list[tuple[str, str, str, int]]:
        """Incidents matching *filters*, counted by (sensitivity, consent, verification)."""
        where, params = _where(filters, within)
        rows = self._conn.execute(
            f"SELECT i.sensitivity, i.consent, i.verification, count(*) FROM incidents i"
            f" WHERE {where} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
            params,
        ).fetchall()
        return [(str(s), str(c), str(v), int(n)) for s, c, v, n in rows]

    def bodies(
        self,
        filters: IncidentFilter,
        *,
        consent: Sequence[str],
        verification: Sequence[str],
        within: Period | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Incident JSON of every match whose consent and verification are allowed,
        oldest first (then by entry order), streamed a few thousand rows at a time.

        Sensitivity is filtered through *filters*; consent is not an
        IncidentFilter field, so it is a condition of its own here. *within*
        keeps only incidents whose whole possible period lies in it (how the
        analysis counts a period) instead of those that merely overlap it.
        """
        where, params = _where(filters, within)
        cursor = self._conn.execute(
            f"SELECT r.body FROM incidents i JOIN revisions r ON r.hash = i.head"
            f" WHERE {where} AND i.consent IN ({_marks(consent)})"
            f" AND i.verification IN ({_marks(verification)})"
            f" ORDER BY i.date_first, i.key",
            [*params, *consent, *verification],
        )
        while rows := cursor.fetchmany(FETCH):
            for (body,) in rows:
                yield json.loads(body)

    def most_serious(
        self,
        filters: IncidentFilter,
        *,
        consent: Sequence[str],
        verification: Sequence[str],
        within: Period | None = None,
        limit: int,
    ) -> list[dict[str, Any]]:
        """The *limit* most serious matching incidents, most serious first, as incident JSON.

        Order: people killed, then victims of grave harm (torture, enforced
        disappearance, sexual violence), then all victims, then the stronger
        verification, then the earlier date, then the id — ranked from the
        derived tables, so only the rows kept are read and parsed.
        """
        where, params = _where(filters, within)
        ranked = (
            "SELECT i.key AS key, i.head AS head,"
            f" ({_VICTIMS} AND v.outcome = 'killed') AS killed,"
            f" ({_VICTIMS} AND v.outcome IN ({_marks(GRAVE_HARM)})) AS grave,"
            " i.victims_total AS total,"
            " CASE i.verification WHEN 'verified' THEN 3 WHEN 'credible' THEN 2"
            " WHEN 'reported' THEN 1 ELSE 0 END AS strength,"
            " i.date_first AS first, i.id AS id"
            f" FROM incidents i WHERE {where} AND i.consent IN ({_marks(consent)})"
            f" AND i.verification IN ({_marks(verification)})"
        )
        terms = ("killed DESC", "grave DESC", "total DESC", "strength DESC", "first", "id")
        rows = self._conn.execute(
            f"SELECT r.body FROM ({ranked} ORDER BY {', '.join(terms)} LIMIT ?) p"
            f" JOIN revisions r ON r.hash = p.head ORDER BY {', '.join('p.' + t for t in terms)}",
            [*GRAVE_HARM, *params, *consent, *verification, limit],
        ).fetchall()
        return [json.loads(body) for (body,) in rows]


_VICTIMS = "SELECT coalesce(sum(v.count), 0) FROM incident_victims v WHERE v.incident_key = i.key"
GRAVE_HARM = ("tortured", "disappeared", "sexual-violence")


def _where(filters: IncidentFilter, within: Period | None) -> tuple[str, list[Any]]:
    where, params = filters.where()
    if within is not None:
        where += " AND i.date_first >= ? AND i.date_last <= ?"
        params = [*params, within[0].isoformat(), within[1].isoformat()]
    return where, params


def _marks(values: Sequence[str]) -> str:
    return ", ".join("?" for _ in values) or "NULL"


class ReportStore(RecordStore[ReportDefinition]):
    """Saved report definitions, most recent period first."""

    def __init__(self, db: Database, device_id: str) -> None:
        super().__init__(
            db, device_id, "report", report_to_json, report_from_json, lambda r: r.period_end
        )

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[IncidentSnapshot]:
        """A read transaction over the incidents; nothing written meanwhile is seen."""
        with self._db.read() as conn:
            conn.execute("BEGIN")
            try:
                yield IncidentSnapshot(conn)
            finally:
                conn.execute("COMMIT")
