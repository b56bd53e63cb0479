"""Writing and reading incidents through the revision log.

Each write appends a revision and, in the same transaction, rewrites the
incident's row in the derived tables (``incidents``, ``incident_codes``,
``incident_victims`` and, by trigger, the full-text index). An edit must name
the revision it was based on; if someone else saved in between, the edit is
refused with ConflictError instead of silently overwriting their work.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from hradvisor.model import Incident, incident_from_json, incident_to_json
from hradvisor.store.connection import ConstraintViolation, Database
from hradvisor.store.errors import ConflictError, DuplicateRecord, NotFound
from hradvisor.store.revisions import (
    Revision,
    append_revision,
    get_revision,
    history,
    reserve_device_seqs,
)
from hradvisor.store.victim_cells import cell_number

_NO_FUTURE_LIMIT = dt.date(9999, 12, 30)
_ROW_COLUMNS = (
    "id", "head", "title", "narrative", "place", "tags", "date_first", "date_last",
    "date_precision", "country", "admin1", "admin2", "verification", "sensitivity", "consent",
    "victims_total", "victims_killed", "updated_at",
)  # fmt: skip
_INSERT = (
    f"INSERT INTO incidents ({', '.join(_ROW_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _ROW_COLUMNS)}) "
)
_UPSERT = (
    _INSERT
    + "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _ROW_COLUMNS if c != "id")
    + " RETURNING key"
)


def _row(incident: Incident, head: str, updated_at: str) -> tuple[Any, ...]:
    """The ``incidents`` row that *incident*, as of revision *head*, derives to."""
    first, last = incident.period()
    loc = incident.location
    return (
        incident.id,
        head,
        incident.title,
        incident.narrative,
        loc.place,
        " ".join(incident.tags),
        first.isoformat(),
        last.isoformat(),
        incident.date_precision,
        loc.country,
        loc.admin1,
        loc.admin2,
        incident.verification,
        incident.sensitivity,
        incident.consent,
        incident.victims.total(),
        incident.victims.count("killed"),
        updated_at,
    )


def _derive(conn: Any, incident: Incident, revision: Revision, *, new: bool) -> None:
    """Write every derived row of *incident* from its new head revision.

    A new incident relies on the UNIQUE id constraint instead of a lookup, so
    adding a batch costs one statement per table and row.
    """
    row = _row(incident, revision.hash, revision.created_at)
    if new:
        try:
            key = conn.execute(_INSERT + "RETURNING key", row).fetchone()[0]
        except ConstraintViolation:
            raise DuplicateRecord(
                f"incident {incident.id} already exists: use edit to change it"
            ) from None
    else:
        key = conn.execute(_UPSERT, row).fetchone()[0]
        conn.execute("DELETE FROM incident_codes WHERE incident_key = ?", (key,))
        conn.execute("DELETE FROM incident_victims WHERE incident_key = ?", (key,))
    codes = [
        (kind, code, key)
        for kind, values in (
            ("violation", incident.violations),
            ("perpetrator", incident.perpetrators),
            ("victim_group", incident.victim_groups),
            ("right", incident.rights),
        )
        for code in values
    ]
    conn.executemany(
        "INSERT INTO incident_codes (kind, code, incident_key) VALUES (?, ?, ?)", codes
    )
    cells = [
        (key, outcome, group, count, cell_number(outcome, group))
        for outcome, by_group in incident.victims.items()
        for group, count in by_group.items()
        if count
    ]
    conn.executemany(
        "INSERT INTO incident_victims (incident_key, outcome, sex_age, count, cell)"
        " VALUES (?, ?, ?, ?, ?)",
        cells,
    )


class IncidentStore:
    """Incidents in one vault: add, edit, restore, get, history."""

    def __init__(self, db: Database, device_id: str) -> None:
        self._db = db
        self._device_id = device_id

    def _write(
        self, conn: Any, incident: Incident, parents: tuple[str, ...], device_seq: int | None = None
    ) -> Revision:
        revision = append_revision(
            conn,
            entity_type="incident",
            entity_id=incident.id,
            body=incident_to_json(incident),
            parents=parents,
            device_id=self._device_id,
            device_seq=device_seq,
        )
        _derive(conn, incident, revision, new=not parents)
        return revision

    def add(self, incident: Incident) -> Revision:
        """Store a new incident; DuplicateRecord if its id is already in the vault."""
        return self.add_many([incident])[0]

    def add_many(self, incidents: Iterable[Incident]) -> list[Revision]:
        """Store new incidents in one transaction: all of them or none."""
        batch = list(incidents)
        with self._db.write() as conn:
            seqs = reserve_device_seqs(conn, len(batch))
            return [self._write(conn, i, (), seq) for i, seq in zip(batch, seqs, strict=True)]

    def update(self, incident: Incident, *, based_on: str | None = None) -> Revision:
        """Save a new version of an existing incident.

        *based_on* is the head revision the edit started from; if the incident
        has moved on since, ConflictError is raised and nothing is written.
        Saving content identical to the head writes nothing and returns the head.
        """
        with self._db.write() as conn:
            head = self._head(conn, incident.id)
            if head is None:
                raise NotFound(f"no incident {incident.id}")
            if based_on is not None and based_on != head:
                raise ConflictError(
                    f"incident {incident.id} was changed since this edit began; "
                    "reload it and apply the edit again"
                )
            current = get_revision(conn, head)
            if current is not None and current.body == incident_to_json(incident):
                return current
            return self._write(conn, incident, (head,))

    def restore(self, incident_id: str, revision_hash: str) -> Revision:
        """Make an old version current again, as a new revision (history is kept)."""
        with self._db.write() as conn:
            old = get_revision(conn, revision_hash)
            if old is None or old.entity_type != "incident" or old.entity_id != incident_id:
                raise NotFound(f"no revision {revision_hash[:12]} of incident {incident_id}")
            return self.update(incident_from_json(old.body), based_on=self._head(conn, incident_id))

    def get(self, incident_id: str) -> Incident:
        """The current version of an incident; NotFound if there is none."""
        return self.get_with_head(incident_id)[0]

    def get_with_head(self, incident_id: str) -> tuple[Incident, str]:
        """The current version and its head revision hash (pass it to ``update(based_on=)``)."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT r.body, r.hash FROM incidents i JOIN revisions r ON r.hash = i.head"
                " WHERE i.id = ?",
                (incident_id,),
            ).fetchone()
        if row is None:
            raise NotFound(f"no incident {incident_id}")
        return load_incident(row[0]), row[1]

    def history(self, incident_id: str) -> list[Revision]:
        """Every revision of the incident, oldest first (NotFound if it never existed)."""
        with self._db.read() as conn:
            revisions = history(conn, "incident", incident_id)
        if not revisions:
            raise NotFound(f"no incident {incident_id}")
        return revisions

    def exists(self, incident_id: str) -> bool:
        with self._db.read() as conn:
            return self._head(conn, incident_id) is not None

    @staticmethod
    def _head(conn: Any, incident_id: str) -> str | None:
        row = conn.execute("SELECT head FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return row[0] if row else None


def load_incident(body_text: str) -> Incident:
    """An Incident from a stored body, validated again (the vault trusts no input).

    The future-date rule applies when a record is entered, not when it is read
    back, so it is relaxed here.
    """
    return incident_from_json(json.loads(body_text), today=_NO_FUTURE_LIMIT)


def stale_incident_rows(conn: Any) -> int:
    """How many incident rows differ from what their head revision says they should be."""
    columns = ", ".join(f"i.{c}" for c in _ROW_COLUMNS)
    stale = 0
    for row in conn.execute(
        f"SELECT {columns}, r.body FROM incidents i JOIN revisions r ON r.hash = i.head"
    ):
        stored = dict(zip(_ROW_COLUMNS, row, strict=False))
        expected = _row(load_incident(row[-1]), stored["head"], stored["updated_at"])
        if expected != tuple(row[:-1]):
            stale += 1
    return stale
