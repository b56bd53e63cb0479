"""What the vault remembers about sync to HQ (tables of schema migration 3).

Storage only: bytes and numbers in, bytes and numbers out. The sync layer
(hradvisor.sync.outbox) gives them meaning; keeping the SQL here keeps the
one-way layering (sync -> store) and puts every write in a vault transaction,
so a crash leaves either a whole package in the outbox or none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hradvisor.store.connection import Database
from hradvisor.store.revisions import Revision, _from_row, utc_timestamp


@dataclass(frozen=True)
class StoredHQ:
    bundle: bytes
    fingerprint: str
    url: str | None
    ca_pem: str | None
    pinned_at: str


@dataclass(frozen=True)
class StoredPackage:
    """One package in the outbox (``receipt`` None) or delivered."""

    sequence: int
    package_hash: str
    previous_hash: str | None
    hq_fingerprint: str
    first_seq: int
    last_seq: int
    revisions: int
    chunks: int
    created_at: str
    receipt: bytes | None
    delivered_at: str | None
    size: int


@dataclass(frozen=True)
class NewPackage:
    """A sealed package ready to enter the outbox with the items it carries."""

    sequence: int
    package_hash: str
    previous_hash: str | None
    hq_fingerprint: str
    data: bytes
    first_seq: int
    last_seq: int
    revisions: int
    chunks: tuple[tuple[str, int, int], ...]  # (attachment_id, offset, length)


_PACKAGE_COLUMNS = (
    "sequence, package_hash, previous_hash, hq_fingerprint, first_seq, last_seq, revisions,"
    " chunks, created_at, receipt, delivered_at, length(data)"
)
_REVISION_COLUMNS = (
    "hash, entity_type, entity_id, parents, device_id, device_seq, created_at, deleted, body"
)


class SyncState:
    """Device keys, pinned HQ, outbox and receipts, inside the encrypted vault."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def identity_secret(self) -> bytes | None:
        with self._db.read() as conn:
            row = conn.execute("SELECT secret FROM sync_identity WHERE id = 1").fetchone()
        return bytes(row[0]) if row else None

    def store_identity(self, secret: bytes, fingerprint: str) -> bytes:
        """Keep *secret* unless an identity exists already; returns the one in the vault."""
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO sync_identity (id, secret, fingerprint, created_at)"
                " VALUES (1, ?, ?, ?)",
                (secret, fingerprint, utc_timestamp()),
            )
            row = conn.execute("SELECT secret FROM sync_identity WHERE id = 1").fetchone()
        return bytes(row[0])

    def hq(self) -> StoredHQ | None:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT bundle, fingerprint, url, ca_pem, pinned_at FROM sync_hq WHERE id = 1"
            ).fetchone()
        return StoredHQ(bytes(row[0]), *row[1:]) if row else None

    def pin_hq(self, bundle: bytes, fingerprint: str, url: str | None, ca_pem: str | None) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO sync_hq (id, bundle, fingerprint, url, ca_pem, pinned_at)"
                " VALUES (1, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET bundle = excluded.bundle,"
                " fingerprint = excluded.fingerprint, url = coalesce(excluded.url, url),"
                " ca_pem = coalesce(excluded.ca_pem, ca_pem), pinned_at = excluded.pinned_at",
                (bundle, fingerprint, url, ca_pem, utc_timestamp()),
            )

    def set_transport(self, url: str | None, ca_pem: str | None) -> None:
        """Remember where HQ is (only the given values change)."""
        with self._db.write() as conn:
            conn.execute(
                "UPDATE sync_hq SET url = coalesce(?, url), ca_pem = coalesce(?, ca_pem)"
                " WHERE id = 1",
                (url, ca_pem),
            )

    def last_package(self) -> StoredPackage | None:
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT {_PACKAGE_COLUMNS} FROM sync_packages ORDER BY sequence DESC LIMIT 1"
            ).fetchone()
        return _package(row) if row else None

    def packages(self, *, pending_only: bool = False) -> list[StoredPackage]:
        where = " WHERE receipt IS NULL" if pending_only else ""
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_PACKAGE_COLUMNS} FROM sync_packages{where} ORDER BY sequence"
            ).fetchall()
        return [_package(row) for row in rows]

    def package(self, sequence: int) -> StoredPackage | None:
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT {_PACKAGE_COLUMNS} FROM sync_packages WHERE sequence = ?", (sequence,)
            ).fetchone()
        return _package(row) if row else None

    def package_data(self, sequence: int) -> bytes:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT data FROM sync_packages WHERE sequence = ?", (sequence,)
            ).fetchone()
        return bytes(row[0])

    def add_package(self, package: NewPackage) -> None:
        """Put one package and the chunks it carries in the outbox, atomically."""
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO sync_packages (sequence, package_hash, previous_hash, hq_fingerprint,"
                " data, first_seq, last_seq, revisions, chunks, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    package.sequence,
                    package.package_hash,
                    package.previous_hash,
                    package.hq_fingerprint,
                    package.data,
                    package.first_seq,
                    package.last_seq,
                    package.revisions,
                    len(package.chunks),
                    utc_timestamp(),
                ),
            )
            conn.executemany(
                "INSERT INTO sync_chunks (attachment_id, offset, length, sequence)"
                " VALUES (?, ?, ?, ?)",
                [(*chunk, package.sequence) for chunk in package.chunks],
            )

    def record_receipt(self, sequence: int, receipt: bytes) -> bool:
        """Mark a package delivered; False if it already was (receipts are idempotent)."""
        with self._db.write() as conn:
            cursor = conn.execute(
                "UPDATE sync_packages SET receipt = ?, delivered_at = ?"
                " WHERE sequence = ? AND receipt IS NULL",
                (receipt, utc_timestamp(), sequence),
            )
            return bool(cursor.rowcount)

    def packaged_through(self) -> int:
        """The highest ``revisions.seq`` already in a package (0 if none)."""
        with self._db.read() as conn:
            row = conn.execute("SELECT coalesce(max(last_seq), 0) FROM sync_packages").fetchone()
        return int(row[0])

    def revisions_after(self, seq: int, limit: int) -> list[tuple[int, Revision]]:
        """Up to *limit* revisions with ``seq`` above *seq*, in vault order."""
        return [(row[0], _from_row(row[1:])) for row in self.revision_rows_after(seq, limit)]

    def revision_rows_after(self, seq: int, limit: int) -> list[tuple[Any, ...]]:
        """The same rows unparsed: ``(seq, hash, …, body)`` with ``parents`` and ``body``
        as the stored JSON text (the body is canonical JSON, as ``append_revision`` wrote it).
        """
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT seq, {_REVISION_COLUMNS} FROM revisions WHERE seq > ? ORDER BY seq"
                " LIMIT ?",
                (seq, limit),
            ).fetchall()
        return [tuple(row) for row in rows]

    def attachments_to_send(self, through: int | None = None) -> list[tuple[str, str, int, str]]:
        """(id, sha256, size, blob_id) of attachments whose bytes are not all packaged.

        With *through*, only attachments whose record is at or below that
        ``revisions.seq``, so HQ never gets bytes before the record they belong to.
        """
        limit = 2**62 if through is None else through
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT a.id, a.sha256, a.size, a.blob_id FROM attachments a"
                " JOIN revisions r ON r.hash = a.head"
                " WHERE r.seq <= ? AND a.size > coalesce((SELECT sum(length) FROM sync_chunks c"
                " WHERE c.attachment_id = a.id), 0) ORDER BY a.added_at, a.id",
                (limit,),
            ).fetchall()
        return [(row[0], row[1], int(row[2]), row[3]) for row in rows]

    def packaged_offsets(self, attachment_id: str) -> set[int]:
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT offset FROM sync_chunks WHERE attachment_id = ?", (attachment_id,)
            ).fetchall()
        return {row[0] for row in rows}

    def counts(self) -> dict[str, int]:
        """How much is waiting, in the outbox, and delivered."""
        through = self.packaged_through()
        with self._db.read() as conn:
            unpackaged = conn.execute(
                "SELECT count(*) FROM revisions WHERE seq > ?", (through,)
            ).fetchone()[0]
            outbox, in_outbox, delivered = conn.execute(
                "SELECT count(*) FILTER (WHERE receipt IS NULL),"
                " coalesce(sum(revisions) FILTER (WHERE receipt IS NULL), 0),"
                " coalesce(sum(revisions) FILTER (WHERE receipt IS NOT NULL), 0)"
                " FROM sync_packages"
            ).fetchone()
        return {
            "revisions_not_packaged": int(unpackaged),
            "packages_pending": int(outbox),
            "revisions_pending": int(in_outbox),
            "revisions_delivered": int(delivered),
            "attachments_not_packaged": len(self.attachments_to_send()),
        }

    def delivered_revision_ranges(self) -> Iterator[tuple[int, int]]:
        """``(first_seq, last_seq)`` of every delivered package (for a purge policy)."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT first_seq, last_seq FROM sync_packages WHERE receipt IS NOT NULL"
                " ORDER BY sequence"
            ).fetchall()
        yield from ((int(a), int(b)) for a, b in rows)


def revision_from_row(row: tuple[Any, ...]) -> Revision:
    """A ``Revision`` from a ``revision_rows_after`` row (without its leading ``seq``)."""
    return _from_row(row)


def _package(row: Any) -> StoredPackage:
    values = list(row)
    if values[9] is not None:
        values[9] = bytes(values[9])
    return StoredPackage(*values)
