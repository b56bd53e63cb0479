"""The field side of sync: the device identity, the pinned HQ, the outbox, receipts.

Everything lives in the vault (schema migration 3, hradvisor.store.sync_state),
so it is encrypted at rest and survives a crash: ``prepare`` seals each package
in its own transaction (a crash leaves whole packages or none), and data
counts as delivered only when a receipt signed by the pinned HQ names the
package. Packages are built once and resent byte for byte until acknowledged,
so HQ de-duplicates them by sequence and hash.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from hradvisor.model.canonical import canonical_json
from hradvisor.model.records import PROTECTED_PERSON_FIELDS
from hradvisor.store import Vault
from hradvisor.store.revisions import Revision
from hradvisor.store.sync_state import (
    NewPackage,
    StoredHQ,
    StoredPackage,
    SyncState,
    revision_from_row,
)
from hradvisor.sync.errors import ReceiptRejected, SyncError
from hradvisor.sync.identity import Identity, PublicBundle, generate_identity
from hradvisor.sync.package import MAX_CONTENT, AttachmentChunk, make_package
from hradvisor.sync.receipt import Receipt, verify_receipt

# Consent value under which a person's name and contact may travel to HQ.
SHARE_CONSENT = "share-within-un"
PROTECTED_FIELDS: dict[str, tuple[str, ...]] = {"person": PROTECTED_PERSON_FIELDS}
CHUNK_SIZE = 1024 * 1024
# Room for the manifest's own keys and for estimating chunk entries.
_MANIFEST_MARGIN = 4096
_BATCH = 500


def revision_entry(revision: Revision) -> dict[str, Any]:
    """A revision as a package carries it, with protected fields removed unless consented."""
    body = revision.body
    redacted: list[str] = []
    protected = PROTECTED_FIELDS.get(revision.entity_type, ())
    if protected and body.get("consent") != SHARE_CONSENT:
        redacted = sorted(name for name in protected if body.get(name) is not None)
        if redacted:
            body = {**body, **dict.fromkeys(redacted)}
    entry: dict[str, Any] = {
        "hash": revision.hash,
        "entity_type": revision.entity_type,
        "entity_id": revision.entity_id,
        "parents": list(revision.parents),
        "device_id": revision.device_id,
        "device_seq": revision.device_seq,
        "created_at": revision.created_at,
        "deleted": revision.deleted,
        "body": body,
    }
    if redacted:
        entry["redacted"] = redacted
    return entry


def encoded_entry(row: tuple[Any, ...]) -> bytes:
    """Canonical JSON of ``revision_entry`` for a raw revisions row, without parsing the body.

    The stored body is already canonical JSON and ``"body"`` sorts first among
    the entry's keys, so the entry is ``{"body":<stored body>,`` + the rest.
    Records with protected fields are parsed and redacted the slow way.
    """
    _seq, digest, entity_type, entity_id, parents, device_id, device_seq = row[:7]
    created_at, deleted, body = row[7:]
    if entity_type in PROTECTED_FIELDS:
        return canonical_json(revision_entry(revision_from_row(row[1:])))
    rest = canonical_json(
        {
            "hash": digest,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "parents": json.loads(parents),
            "device_id": device_id,
            "device_seq": device_seq,
            "created_at": created_at,
            "deleted": bool(deleted),
        }
    )
    return b'{"body":' + str(body).encode("utf-8") + b"," + rest[1:]


@dataclass
class _Batch:
    """What the next package will carry, with a running size bound."""

    first_seq: int
    last_seq: int
    revisions: list[bytes]
    chunks: list[AttachmentChunk]
    size: int = _MANIFEST_MARGIN

    def fits(self, extra: int, limit: int) -> bool:
        return self.size + extra <= limit

    @property
    def empty(self) -> bool:
        return not self.revisions and not self.chunks


@dataclass(frozen=True)
class SyncStatus:
    device_id: str
    device_fingerprint: str
    hq_fingerprint: str | None
    url: str | None
    last_sequence: int
    last_receipt_sequence: int | None
    last_receipt_at: str | None
    counts: dict[str, int]


class Outbox:
    """Sync state of one open vault. Not thread-safe beyond what the vault serialises."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._state = SyncState(vault.database)
        self._identity: Identity | None = None

    @property
    def device_id(self) -> str:
        return self._vault.device_id

    def identity(self) -> Identity:
        """The device's sync identity, generated and stored in the vault on first use."""
        if self._identity is None:
            secret = self._state.identity_secret()
            if secret is None:
                fresh = generate_identity()
                secret = self._state.store_identity(fresh.secret_bytes(), fresh.fingerprint)
            self._identity = Identity.from_secret_bytes(secret)
        return self._identity

    def hq(self) -> StoredHQ | None:
        return self._state.hq()

    def hq_bundle(self) -> PublicBundle:
        """The pinned HQ bundle; SyncError if this device has not been enrolled."""
        stored = self._state.hq()
        if stored is None:
            raise SyncError("this vault is not enrolled with HQ: run 'hradvisor sync enroll' first")
        return PublicBundle.from_bytes(stored.bundle)

    def pin_hq(
        self, bundle: PublicBundle, *, url: str | None = None, ca_pem: str | None = None
    ) -> None:
        """Trust *bundle* as HQ. A different HQ is refused while packages await its receipt."""
        current = self._state.hq()
        changing = current is not None and current.fingerprint != bundle.fingerprint
        if changing and self._state.packages(pending_only=True):
            raise SyncError(
                "packages encrypted to the current HQ are still waiting for receipts: "
                "deliver them before changing HQ"
            )
        self._state.pin_hq(bundle.to_bytes(), bundle.fingerprint, url, ca_pem)

    def set_transport(self, *, url: str | None = None, ca_pem: str | None = None) -> None:
        self.hq_bundle()
        self._state.set_transport(url, ca_pem)

    def prepare(
        self, *, limit: int = MAX_CONTENT, progress: Callable[[int], None] | None = None
    ) -> list[StoredPackage]:
        """Seal everything not yet packaged into new outbox packages; returns the new ones.

        Revisions go in vault order, then attachment bytes in ``CHUNK_SIZE``
        chunks; a package is closed when the next item would pass *limit*
        bytes of content, so a backlog becomes several packages.
        """
        recipient = self.hq_bundle()
        identity = self.identity()
        through = self._state.packaged_through()
        made: list[StoredPackage] = []
        batch = _Batch(through + 1, through, [], [])

        def flush() -> None:
            nonlocal batch
            if not batch.empty:
                made.append(self._seal(identity, recipient, batch))
            batch = _Batch(batch.last_seq + 1, batch.last_seq, [], [])

        for seq, entry in self._pending_revisions(through):
            size = len(entry) + 1
            if size + _MANIFEST_MARGIN > limit:
                raise SyncError(f"change number {seq} is too large for a package")
            if not batch.fits(size, limit):
                flush()
            batch.revisions.append(entry)
            batch.last_seq, batch.size = seq, batch.size + size
            if progress:
                progress(1)
        for chunk in self._pending_chunks(batch.last_seq, min(CHUNK_SIZE, limit // 2)):
            size = len(canonical_json(chunk.manifest_entry())) + 1 + len(chunk.data)
            if not batch.fits(size, limit):
                flush()
            batch.chunks.append(chunk)
            batch.size += size
        flush()
        return made

    def _pending_revisions(self, through: int) -> Iterator[tuple[int, bytes]]:
        cursor = through
        while True:
            rows = self._state.revision_rows_after(cursor, _BATCH)
            for row in rows:
                yield row[0], encoded_entry(row)
            if len(rows) < _BATCH:
                return
            cursor = rows[-1][0]

    def _pending_chunks(self, through: int, chunk_size: int) -> Iterator[AttachmentChunk]:
        for attachment_id, sha256, size, blob_id in self._state.attachments_to_send(through):
            done = self._state.packaged_offsets(attachment_id)
            offset, buffer = 0, bytearray()
            for piece in self._vault.attachments.blobs.iter_chunks(blob_id):
                buffer += piece
                while len(buffer) >= chunk_size:
                    if offset not in done:
                        yield AttachmentChunk(
                            attachment_id, sha256, size, offset, bytes(buffer[:chunk_size])
                        )
                    offset += chunk_size
                    del buffer[:chunk_size]
            if buffer and offset not in done:
                yield AttachmentChunk(attachment_id, sha256, size, offset, bytes(buffer))

    def _seal(self, identity: Identity, recipient: PublicBundle, batch: _Batch) -> StoredPackage:
        last = self._state.last_package()
        sequence = last.sequence + 1 if last else 1
        built = make_package(
            device=identity,
            device_id=self.device_id,
            recipient=recipient,
            sequence=sequence,
            previous_hash=last.package_hash if last else None,
            revisions=batch.revisions,
            attachments=batch.chunks,
        )
        self._state.add_package(
            NewPackage(
                sequence=sequence,
                package_hash=built.package_hash,
                previous_hash=last.package_hash if last else None,
                hq_fingerprint=recipient.fingerprint,
                data=built.data,
                first_seq=batch.first_seq,
                last_seq=batch.last_seq,
                revisions=len(batch.revisions),
                chunks=tuple((c.attachment_id, c.offset, len(c.data)) for c in batch.chunks),
            )
        )
        stored = self._state.package(sequence)
        assert stored is not None  # noqa: S101 (just written in the same lock)
        return stored

    def pending(self) -> list[StoredPackage]:
        """Packages written but not yet acknowledged by a valid receipt, oldest first."""
        return self._state.packages(pending_only=True)

    def packages(self) -> list[StoredPackage]:
        return self._state.packages()

    def package_bytes(self, sequence: int) -> bytes:
        return self._state.package_data(sequence)

    def accept_receipt(self, data: bytes) -> tuple[Receipt, bool]:
        """Verify a receipt and mark its package delivered; (receipt, newly_delivered).

        Rejected (exit 5) unless the pinned HQ signed it, it names this device,
        and its sequence and package hash are a package this vault wrote.
        """
        receipt = verify_receipt(data, self.hq_bundle())
        if receipt.device_id != self.device_id:
            raise ReceiptRejected("it is for another device")
        package = self._state.package(receipt.sequence)
        if package is None:
            raise ReceiptRejected(
                f"it names package {receipt.sequence}, which this vault never wrote "
                "(is this vault an older copy?)"
            )
        if package.package_hash != receipt.package_hash:
            raise ReceiptRejected(f"it does not match package {receipt.sequence} as sent")
        return receipt, self._state.record_receipt(receipt.sequence, receipt.raw)

    def status(self) -> SyncStatus:
        hq = self._state.hq()
        packages = self._state.packages()
        delivered = [p for p in packages if p.receipt is not None]
        last_receipt = max(delivered, key=lambda p: p.delivered_at or "", default=None)
        return SyncStatus(
            device_id=self.device_id,
            device_fingerprint=self.identity().fingerprint,
            hq_fingerprint=hq.fingerprint if hq else None,
            url=hq.url if hq else None,
            last_sequence=packages[-1].sequence if packages else 0,
            last_receipt_sequence=last_receipt.sequence if last_receipt else None,
            last_receipt_at=last_receipt.delivered_at if last_receipt else None,
            counts=self._state.counts(),
        )
