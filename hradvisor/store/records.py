"""Field notes and persons: revisioned like incidents, with simpler derived rows."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from hradvisor.model import (
    FieldNote,
    Person,
    note_from_json,
    note_to_json,
    person_from_json,
    person_to_json,
)
from hradvisor.store.connection import Database
from hradvisor.store.errors import ConflictError, NotFound
from hradvisor.store.revisions import Revision, append_revision, history


class _Record(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Record)


class RecordStore(Generic[R]):
    """Add/update/get/list for one kind of record kept in the ``records`` table."""

    def __init__(
        self,
        db: Database,
        device_id: str,
        entity_type: str,
        to_json: Callable[[R], dict[str, Any]],
        from_json: Callable[[Any], R],
        sort_key: Callable[[R], str],
    ) -> None:
        self._db = db
        self._device_id = device_id
        self._type = entity_type
        self._to_json: Callable[[R], dict[str, Any]] = to_json
        self._from_json: Callable[[Any], R] = from_json
        self._sort_key: Callable[[R], str] = sort_key

    def save(self, record: R, *, based_on: str | None = None) -> Revision:
        """Add *record* or save a new version of it; ConflictError if *based_on* is stale."""
        with self._db.write() as conn:
            head = self._head(conn, record.id)
            if head is not None and based_on is not None and based_on != head:
                raise ConflictError(f"{self._type} {record.id} was changed since this edit began")
            revision = append_revision(
                conn,
                entity_type=self._type,
                entity_id=record.id,
                body=self._to_json(record),
                parents=(head,) if head else (),
                device_id=self._device_id,
            )
            conn.execute(
                "INSERT INTO records (entity_type, id, head, sort_key, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity_type, id) DO UPDATE SET"
                " head = excluded.head, sort_key = excluded.sort_key,"
                " updated_at = excluded.updated_at",
                (
                    self._type,
                    revision.entity_id,
                    revision.hash,
                    self._sort_key(record),
                    revision.created_at,
                ),
            )
            self._after_save(conn, record)
            return revision

    def _after_save(self, conn: Any, record: R) -> None:
        """Hook for extra derived rows (note → incident links)."""

    def get(self, record_id: str) -> R:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT r.body FROM records x JOIN revisions r ON r.hash = x.head"
                " WHERE x.entity_type = ? AND x.id = ?",
                (self._type, record_id),
            ).fetchone()
        if row is None:
            raise NotFound(f"no {self._type} {record_id}")
        return self._from_json(json.loads(row[0]))

    def recent(self, *, limit: int = 500) -> list[R]:
        """Records ordered by their sort key, newest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT r.body FROM records x JOIN revisions r ON r.hash = x.head"
                " WHERE x.entity_type = ? ORDER BY x.sort_key DESC, x.id DESC LIMIT ?",
                (self._type, limit),
            ).fetchall()
        return [self._from_json(json.loads(row[0])) for row in rows]

    def history(self, record_id: str) -> list[Revision]:
        with self._db.read() as conn:
            return history(conn, self._type, record_id)

    def _head(self, conn: Any, record_id: str) -> str | None:
        row = conn.execute(
            "SELECT head FROM records WHERE entity_type = ? AND id = ?", (self._type, record_id)
        ).fetchone()
        return row[0] if row else None


class NoteStore(RecordStore[FieldNote]):
    """Field notes, newest first, with their links to incidents."""

    def __init__(self, db: Database, device_id: str) -> None:
        super().__init__(db, device_id, "note", note_to_json, _load_note, lambda n: n.date)

    def _after_save(self, conn: Any, record: FieldNote) -> None:
        conn.execute("DELETE FROM record_links WHERE note_id = ?", (record.id,))
        conn.executemany(
            "INSERT INTO record_links (note_id, incident_id) VALUES (?, ?)",
            [(record.id, incident_id) for incident_id in record.incident_ids],
        )

    def for_incident(self, incident_id: str) -> list[FieldNote]:
        with self._db.read() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT note_id FROM record_links WHERE incident_id = ?", (incident_id,)
                )
            ]
        return sorted((self.get(i) for i in ids), key=lambda n: n.date, reverse=True)


class PersonStore(RecordStore[Person]):
    """Persons, by pseudonym. Their protected fields never leave the vault by default."""

    def __init__(self, db: Database, device_id: str) -> None:
        super().__init__(
            db, device_id, "person", person_to_json, person_from_json, lambda p: p.pseudonym
        )


def _load_note(data: Any) -> FieldNote:
    """Stored notes are re-validated, without the entry-time future-date rule."""
    return note_from_json(data, today=dt.date(9999, 12, 30))
