"""Storing revisions at HQ and keeping the consolidated view: heads, entities, conflicts.

Revisions are append-only and de-duplicated by hash. ``heads`` holds, per
entity, the revisions no other known revision builds on; the ``entities``
row follows the newest head. Two or more heads mean edits made apart (on two
devices from the same parent): all are kept, and a conflict is recorded for a
person to resolve — HQ never picks a winner by overwriting.

Everything is done in batches (one statement per step for the whole
package), because ingest must keep up with thousands of incidents a second.
"""

from __future__ import annotations

import json
from typing import Any

from hradvisor.hq.revisions import IncomingRevision

_BATCH = 400  # rows per IN (...) list, well under SQLite's parameter limit


def store_revisions(
    conn: Any, revisions: list[IncomingRevision], device_id: str, sequence: int, now: str
) -> int:
    """Insert the revisions HQ does not have yet; returns how many were new."""
    unique = list({revision.hash: revision for revision in revisions}.values())
    known = _existing(conn, [revision.hash for revision in unique])
    new = [revision for revision in unique if revision.hash not in known]
    conn.executemany(
        "INSERT INTO revisions (hash, entity_type, entity_id, parents, author_device_id,"
        " author_seq, created_at, deleted, body, redacted, country, from_device_id,"
        " from_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.hash,
                r.entity_type,
                r.entity_id,
                json.dumps(list(r.parents)),
                r.device_id,
                r.device_seq,
                r.created_at,
                int(r.deleted),
                r.body_text,
                None if r.redacted is None else json.dumps(list(r.redacted)),
                r.country,
                device_id,
                sequence,
            )
            for r in new
        ],
    )
    _link_heads(conn, new)
    _refresh_entities(conn, {(r.entity_type, r.entity_id) for r in new}, now)
    return len(new)


def _existing(conn: Any, hashes: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(hashes), _BATCH):
        part = hashes[start : start + _BATCH]
        marks = ", ".join("?" * len(part))
        found.update(
            row[0]
            for row in conn.execute(
                f"SELECT hash FROM revisions WHERE hash IN ({marks})",  # noqa: S608
                part,
            )
        )
    return found


def _link_heads(conn: Any, new: list[IncomingRevision]) -> None:
    """Parents stop being heads; a new revision is a head unless a known one builds on it."""
    conn.executemany(
        "INSERT OR IGNORE INTO revision_parents (child, parent) VALUES (?, ?)",
        [(r.hash, parent) for r in new for parent in r.parents],
    )
    conn.executemany(
        "DELETE FROM heads WHERE entity_type = ? AND entity_id = ? AND hash = ?",
        [(r.entity_type, r.entity_id, parent) for r in new for parent in r.parents],
    )
    superseded: set[str] = set()
    hashes = [r.hash for r in new]
    for start in range(0, len(hashes), _BATCH):
        part = hashes[start : start + _BATCH]
        marks = ", ".join("?" * len(part))
        superseded.update(
            row[0]
            for row in conn.execute(
                f"SELECT DISTINCT parent FROM revision_parents WHERE parent IN ({marks})",  # noqa: S608
                part,
            )
        )
    conn.executemany(
        "INSERT OR IGNORE INTO heads (entity_type, entity_id, hash) VALUES (?, ?, ?)",
        [(r.entity_type, r.entity_id, r.hash) for r in new if r.hash not in superseded],
    )


def _refresh_entities(conn: Any, touched: set[tuple[str, str]], now: str) -> None:
    """Recompute each touched entity from its heads; record a conflict where there are several."""
    if not touched:
        return
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS touched (entity_type TEXT, entity_id TEXT,"
        " PRIMARY KEY (entity_type, entity_id)) WITHOUT ROWID"
    )
    conn.execute("DELETE FROM temp.touched")
    conn.executemany("INSERT INTO temp.touched VALUES (?, ?)", sorted(touched))
    heads: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for row in conn.execute(
        "SELECT h.entity_type, h.entity_id, r.hash, r.author_device_id, r.deleted, r.country"
        " FROM temp.touched t JOIN heads h USING (entity_type, entity_id)"
        " JOIN revisions r ON r.hash = h.hash ORDER BY r.created_at DESC, r.hash DESC"
    ):
        heads.setdefault((row[0], row[1]), []).append(row[2:])
    conn.execute("DELETE FROM temp.touched")
    conn.executemany(
        "INSERT INTO entities (entity_type, entity_id, head_hash, country, deleted, heads,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (entity_type, entity_id) DO UPDATE SET head_hash = excluded.head_hash,"
        " country = excluded.country, deleted = excluded.deleted, heads = excluded.heads,"
        " updated_at = excluded.updated_at",
        [
            (*entity, rows[0][0], rows[0][3], rows[0][2], len(rows), now)
            for entity, rows in heads.items()
        ],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO conflicts (entity_type, entity_id, heads, devices, detected_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (
                *entity,
                json.dumps(sorted(row[0] for row in rows)),
                json.dumps(sorted({row[1] for row in rows})),
                now,
            )
            for entity, rows in heads.items()
            if len(rows) > 1
        ],
    )
