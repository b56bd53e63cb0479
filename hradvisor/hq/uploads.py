"""Resumable uploads (offset-based, like tus), kept inside the encrypted HQ database.

A device announces a package by its SHA-256 and size, then sends bytes at
the offset HQ reports; a dropped connection resumes from the last committed
chunk. Each chunk is committed in its own transaction before the answer goes
back, so a crash loses at most the chunk in flight and the device resends it.
Chunks live in ``upload_chunks`` (SQLCipher), never in a file of their own.

Announcing the same SHA-256 again returns the same upload and its offset,
so a device that lost every answer can always find where it stands.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any, Literal

from hradvisor.hq.errors import UploadError
from hradvisor.hq.store import utc_now
from hradvisor.store.connection import Database

UploadStatus = Literal["receiving", "done"]
_COLUMNS = "upload_id, device_id, sha256, size, received, status, sequence"


@dataclass(frozen=True)
class Upload:
    upload_id: str
    device_id: str
    sha256: str
    size: int
    received: int
    status: UploadStatus
    sequence: int | None

    @property
    def complete(self) -> bool:
        return self.received == self.size


def _valid_sha256(text: object) -> bool:
    return isinstance(text, str) and len(text) == 64 and all(c in "0123456789abcdef" for c in text)


class Uploads:
    """Upload bookkeeping; *max_size* is the largest package HQ will take."""

    def __init__(self, db: Database, max_size: int) -> None:
        self._db = db
        self.max_size = max_size

    def start(self, device_id: str, sha256: object, size: object) -> Upload:
        """Begin (or find again) the upload of the package with this SHA-256."""
        if not _valid_sha256(sha256):
            raise UploadError(400, "sha256 must be 64 lower-case hex digits")
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            raise UploadError(400, "size must be a positive integer")
        if size > self.max_size:
            raise UploadError(413, f"package too large ({size} bytes; at most {self.max_size})")
        assert isinstance(sha256, str)  # noqa: S101 - checked by _valid_sha256
        with self._db.write() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM uploads WHERE device_id = ? AND sha256 = ?",  # noqa: S608
                (device_id, sha256),
            ).fetchone()
            if row is not None:
                found = Upload(*row)
                if found.size != size:
                    raise UploadError(409, "an upload of that sha256 exists with another size")
                return found
            upload_id = secrets.token_urlsafe(18)
            conn.execute(
                "INSERT INTO uploads (upload_id, device_id, sha256, size, received, status,"
                " created_at) VALUES (?, ?, ?, ?, 0, 'receiving', ?)",
                (upload_id, device_id, sha256, size, utc_now()),
            )
        return Upload(upload_id, device_id, sha256, size, 0, "receiving", None)

    def get(self, upload_id: str, device_id: str) -> Upload:
        """The upload, if it belongs to *device_id* (another device's id is simply unknown)."""
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM uploads WHERE upload_id = ? AND device_id = ?",  # noqa: S608
                (upload_id, device_id),
            ).fetchone()
        if row is None:
            raise UploadError(404, "no such upload")
        return Upload(*row)

    def append(self, upload_id: str, device_id: str, offset: int, data: bytes) -> Upload:
        """Store *data* at *offset*; 409 if the offset is not where the upload stands."""
        with self._db.write() as conn:
            upload = self._locked_get(conn, upload_id, device_id)
            if upload.status != "receiving":
                raise UploadError(409, "this upload is finished", offset=upload.received)
            if offset != upload.received:
                raise UploadError(
                    409,
                    f"offset mismatch: the upload is at {upload.received}",
                    offset=upload.received,
                )
            if offset + len(data) > upload.size:
                raise UploadError(413, "more bytes than the announced size")
            if data:
                conn.execute(
                    "INSERT INTO upload_chunks (upload_id, start, data) VALUES (?, ?, ?)",
                    (upload_id, offset, data),
                )
                conn.execute(
                    "UPDATE uploads SET received = ? WHERE upload_id = ?",
                    (offset + len(data), upload_id),
                )
        return self.get(upload_id, device_id)

    def assemble(self, upload: Upload) -> bytes | None:
        """The complete package, or None if a concurrent request finished it meanwhile.

        A checksum mismatch discards the bytes (the device starts over).
        """
        with self._db.read() as conn:
            chunks = conn.execute(
                "SELECT data FROM upload_chunks WHERE upload_id = ? ORDER BY start",
                (upload.upload_id,),
            ).fetchall()
        data = b"".join(bytes(chunk[0]) for chunk in chunks)
        if len(data) == upload.size and hashlib.sha256(data).hexdigest() == upload.sha256:
            return data
        with self._db.write() as conn:
            if self._locked_get(conn, upload.upload_id, upload.device_id).status == "done":
                return None
            conn.execute("DELETE FROM uploads WHERE upload_id = ?", (upload.upload_id,))
        raise UploadError(422, "the bytes received do not match the announced sha256")

    @staticmethod
    def finish(conn: Any, upload_id: str, sequence: int) -> None:
        """Inside the ingest transaction: mark done and drop the bytes (no package kept twice)."""
        conn.execute("DELETE FROM upload_chunks WHERE upload_id = ?", (upload_id,))
        conn.execute(
            "UPDATE uploads SET status = 'done', sequence = ? WHERE upload_id = ?",
            (sequence, upload_id),
        )

    def discard(self, upload_id: str) -> None:
        """Forget a rejected upload and its bytes; sending it again starts afresh.

        The reason goes to the rejections log, not here: a package refused
        because its device was not yet approved must be accepted once it is.
        """
        with self._db.write() as conn:
            conn.execute("DELETE FROM uploads WHERE upload_id = ?", (upload_id,))

    def pending_complete(self) -> list[Upload]:
        """Uploads whose bytes all arrived but were never ingested (a crash in between)."""
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM uploads"  # noqa: S608
                " WHERE status = 'receiving' AND received = size"
            ).fetchall()
        return [Upload(*row) for row in rows]

    def purge_stale(self, older_than: str) -> int:
        """Forget unfinished uploads started before *older_than* (a device gave up on them)."""
        with self._db.write() as conn:
            return int(
                conn.execute(
                    "DELETE FROM uploads WHERE status = 'receiving' AND created_at < ?",
                    (older_than,),
                ).rowcount
            )

    @staticmethod
    def _locked_get(conn: Any, upload_id: str, device_id: str) -> Upload:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM uploads WHERE upload_id = ? AND device_id = ?",  # noqa: S608
            (upload_id, device_id),
        ).fetchone()
        if row is None:
            raise UploadError(404, "no such upload")
        return Upload(*row)
