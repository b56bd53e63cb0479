"""The append-only revision log: the vault's single source of truth.

Every change to any record is one immutable revision. Its hash commits to the
entity, its parents (so history forms a chain, and concurrent edits a fork),
the device and per-device sequence number (so sync knows what HQ has), the time
and the SHA-256 of the canonical body. History, undo, sync and conflict
detection all read this one table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from hradvisor.model.canonical import canonical_json, content_hash


@dataclass(frozen=True)
class Revision:
    """One immutable change to one record."""

    hash: str
    entity_type: str
    entity_id: str
    parents: tuple[str, ...]
    device_id: str
    device_seq: int
    created_at: str
    deleted: bool
    body: dict[str, Any]


def utc_timestamp() -> str:
    """Now, as ISO 8601 UTC with milliseconds (what revisions record)."""
    now = dt.datetime.now(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def revision_hash(
    *,
    entity_type: str,
    entity_id: str,
    parents: tuple[str, ...],
    device_id: str,
    device_seq: int,
    created_at: str,
    deleted: bool,
    body_bytes: bytes,
) -> str:
    """SHA-256 of the canonical JSON envelope; the body enters as its own SHA-256.

    Hashing the body separately lets HQ de-duplicate identical bodies and keeps
    the envelope small; the definition is in docs/vault-format.md.
    """
    return content_hash(
        {
            "entity_type": entity_type,
            "entity_id": entity_id,
            "parents": list(parents),
            "device_id": device_id,
            "device_seq": device_seq,
            "created_at": created_at,
            "deleted": deleted,
            "body_sha256": hashlib.sha256(body_bytes).hexdigest(),
        }
    )


def append_revision(
    conn: Any,
    *,
    entity_type: str,
    entity_id: str,
    body: dict[str, Any],
    parents: tuple[str, ...],
    device_id: str,
    deleted: bool = False,
    device_seq: int | None = None,
) -> Revision:
    """Append one revision inside the caller's write transaction.

    *device_seq* comes from ``reserve_device_seqs`` when a batch reserved its
    numbers up front; otherwise one is reserved here. The vault head and
    write counter are advanced once per transaction, at commit.
    """
    if device_seq is None:
        device_seq = reserve_device_seqs(conn, 1)[0]
    created_at = utc_timestamp()
    body_bytes = canonical_json(body)
    digest = revision_hash(
        entity_type=entity_type,
        entity_id=entity_id,
        parents=parents,
        device_id=device_id,
        device_seq=device_seq,
        created_at=created_at,
        deleted=deleted,
        body_bytes=body_bytes,
    )
    conn.execute(
        "INSERT INTO revisions (hash, entity_type, entity_id, parents, device_id, device_seq,"
        " created_at, deleted, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            digest,
            entity_type,
            entity_id,
            json.dumps(list(parents)),
            device_id,
            device_seq,
            created_at,
            int(deleted),
            body_bytes.decode("utf-8"),
        ),
    )
    return Revision(
        digest, entity_type, entity_id, parents, device_id, device_seq, created_at, deleted, body
    )


def reserve_device_seqs(conn: Any, count: int) -> range:
    """The next *count* per-device sequence numbers, reserved in the current transaction."""
    last = conn.execute(
        "UPDATE vault_state SET device_seq = device_seq + ? WHERE id = 1 RETURNING device_seq",
        (count,),
    ).fetchone()[0]
    return range(last - count + 1, last + 1)


def latest_revision_hash(conn: Any) -> str | None:
    """The hash of the revision appended last on this device (the vault head)."""
    row = conn.execute("SELECT hash FROM revisions ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row else None


_COLUMNS = "hash, entity_type, entity_id, parents, device_id, device_seq, created_at, deleted, body"


def _from_row(row: tuple[Any, ...]) -> Revision:
    return Revision(
        hash=row[0],
        entity_type=row[1],
        entity_id=row[2],
        parents=tuple(json.loads(row[3])),
        device_id=row[4],
        device_seq=row[5],
        created_at=row[6],
        deleted=bool(row[7]),
        body=json.loads(row[8]),
    )


def history(conn: Any, entity_type: str, entity_id: str) -> list[Revision]:
    """Every revision of one record, oldest first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM revisions WHERE entity_type = ? AND entity_id = ? ORDER BY seq",
        (entity_type, entity_id),
    ).fetchall()
    return [_from_row(row) for row in rows]


def get_revision(conn: Any, digest: str) -> Revision | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM revisions WHERE hash = ?", (digest,)).fetchone()
    return _from_row(row) if row else None


def verify_revision_hashes(conn: Any) -> list[str]:
    """Recompute every revision hash; return a problem line for each mismatch."""
    problems = []
    for row in conn.execute(f"SELECT {_COLUMNS} FROM revisions ORDER BY seq"):
        stored = _from_row(row)
        expected = revision_hash(
            entity_type=stored.entity_type,
            entity_id=stored.entity_id,
            parents=stored.parents,
            device_id=stored.device_id,
            device_seq=stored.device_seq,
            created_at=stored.created_at,
            deleted=stored.deleted,
            body_bytes=canonical_json(stored.body),
        )
        if expected != stored.hash:
            problems.append(f"revision {stored.hash[:12]} does not match its content")
    return problems
