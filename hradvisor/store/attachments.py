"""Attachments (photos, audio, documents) linked to incidents.

The bytes live encrypted in the blob store; the vault records each
attachment as revisions of an ``attachment`` record (added, then possibly
deleted), so history shows what was attached and when, even after deletion.
Deleting removes the encrypted file as well: in the field, "delete this
photo" must mean it is gone from the laptop.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, BinaryIO

from hradvisor.model.ids import new_id
from hradvisor.store.blobs import BlobStore
from hradvisor.store.connection import Database
from hradvisor.store.errors import IntegrityError, NotFound, VaultError
from hradvisor.store.revisions import Revision, append_revision

DEFAULT_MAX_SIZE = 256 * 1024 * 1024
_COLUMNS = "id, incident_id, filename, media_type, size, sha256, blob_id, added_at"


@dataclass(frozen=True)
class Attachment:
    id: str
    incident_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    blob_id: str
    added_at: str


def clean_filename(name: str) -> str:
    """The last path component of *name*, so a stored name can never point elsewhere on export."""
    base = PurePath(name.replace("\\", "/")).name.strip()
    if not base or base in {".", ".."} or len(base) > 255 or "\x00" in base:
        raise VaultError("the attachment needs a plain file name of at most 255 characters")
    return base


class AttachmentStore:
    """Add, list, read, export and delete the attachments of incidents."""

    def __init__(self, db: Database, device_id: str, blobs: BlobStore) -> None:
        self._db, self._device_id, self.blobs = db, device_id, blobs

    def add(
        self,
        incident_id: str,
        source: bytes | BinaryIO,
        *,
        filename: str,
        media_type: str | None = None,
        max_size: int = DEFAULT_MAX_SIZE,
    ) -> Attachment:
        """Encrypt *source* into the blob store and link it to the incident.

        The blob is written first; if recording it fails, the blob is removed,
        so nothing is ever half-stored.
        """
        name = clean_filename(filename)
        kind = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        with self._db.read() as conn:
            if (
                conn.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone()
                is None
            ):
                raise NotFound(f"no incident {incident_id}")
        info = self.blobs.put(source, max_size=max_size)
        body = {
            "id": new_id(), "incident_id": incident_id, "filename": name, "media_type": kind,
            "size": info.size, "sha256": info.sha256, "blob_id": info.blob_id,
        }  # fmt: skip
        try:
            with self._db.write() as conn:
                revision = self._append(conn, body, parents=(), deleted=False)
                conn.execute(
                    f"INSERT INTO attachments ({_COLUMNS}, head)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*body.values(), revision.created_at, revision.hash),
                )
        except BaseException:
            self.blobs.delete(info.blob_id)
            raise
        return self.get(str(body["id"]))

    def _append(
        self, conn: Any, body: dict[str, Any], parents: tuple[str, ...], deleted: bool
    ) -> Revision:
        return append_revision(
            conn,
            entity_type="attachment",
            entity_id=body["id"],
            body=body,
            parents=parents,
            device_id=self._device_id,
            deleted=deleted,
        )

    def for_incident(self, incident_id: str) -> list[Attachment]:
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM attachments WHERE incident_id = ? ORDER BY added_at, id",
                (incident_id,),
            ).fetchall()
        return [Attachment(*row) for row in rows]

    def get(self, attachment_id: str) -> Attachment:
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM attachments WHERE id = ?", (attachment_id,)
            ).fetchone()
        if row is None:
            raise NotFound(f"no attachment {attachment_id}")
        return Attachment(*row)

    def read(self, attachment_id: str) -> bytes:
        """The decrypted bytes, in memory only (thumbnails, previews)."""
        return self.blobs.read(self.get(attachment_id).blob_id)

    def iter_chunks(self, attachment_id: str) -> Iterator[bytes]:
        return self.blobs.iter_chunks(self.get(attachment_id).blob_id)

    def export(self, attachment_id: str, destination: Path) -> None:
        """Write a decrypted copy to *destination*: it leaves the vault's protection."""
        self.blobs.export_to(self.get(attachment_id).blob_id, destination)

    def delete(self, attachment_id: str) -> Revision:
        """Record the deletion and destroy the encrypted file."""
        attachment = self.get(attachment_id)
        with self._db.write() as conn:
            head = conn.execute(
                "SELECT head FROM attachments WHERE id = ?", (attachment_id,)
            ).fetchone()[0]
            body = {k: v for k, v in vars(attachment).items() if k != "added_at"}
            revision = self._append(conn, body, parents=(head,), deleted=True)
            conn.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
        self.blobs.delete(attachment.blob_id)
        return revision

    def check(self) -> list[str]:
        """Problems with attachment files: missing, damaged, or orphaned."""
        problems = []
        with self._db.read() as conn:
            rows = conn.execute("SELECT id, blob_id, size FROM attachments").fetchall()
        expected = set()
        for attachment_id, blob_id, size in rows:
            expected.add(blob_id)
            try:
                if self.blobs.verify(blob_id).size != size:
                    problems.append(f"attachment {attachment_id}: size differs from the record")
            except NotFound:
                problems.append(f"attachment {attachment_id}: encrypted file is missing")
            except IntegrityError:
                problems.append(
                    f"attachment {attachment_id}: encrypted file is damaged or modified"
                )
        orphans = len(self.blobs.stored_files()) - len(expected)
        if orphans > 0:
            problems.append(f"{orphans} encrypted file(s) in blobs/ belong to no attachment")
        return problems
