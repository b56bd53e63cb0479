"""The HQ intake: one object the web service and the command line both drive.

It joins the store (devices, uploads, ingest) to HQ's keys. Every package,
whether it came over HTTPS or on a USB stick, goes through ``ingest``: the
package layer verifies it (outside the database lock: decryption and
signature checks are the slow part), then one write transaction applies it
and stores the signed receipt. A rejection rolls everything back, is logged
with its reason only (never content), and is raised as ``Rejected``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from hradvisor.hq.devices import Device, Devices
from hradvisor.hq.errors import Rejected, UploadError
from hradvisor.hq.ingest import (
    IngestOutcome,
    ReceiptRequest,
    VerifiedPackage,
    Via,
    apply_package,
    open_gaps,
)
from hradvisor.hq.store import HQStore, utc_now
from hradvisor.hq.uploads import Upload, Uploads

log = logging.getLogger("hradvisor.hq")
MAX_REASON = 300
STALE_UPLOAD_DAYS = 30


@dataclass(frozen=True)
class EnrollmentRequest:
    device_id: str
    fingerprint: str
    bundle: bytes
    label: str


class HQKeys(Protocol):
    """HQ's identity as the package layer (hradvisor.sync) uses it."""

    @property
    def fingerprint(self) -> str: ...
    @property
    def public_bundle(self) -> bytes: ...
    @property
    def max_package(self) -> int: ...

    def open_package(self, data: bytes, lookup: Callable[[str], bytes | None]) -> VerifiedPackage:
        """The decrypted package, signed by the device *lookup* names; raises Rejected."""

    def sign_receipt(self, request: ReceiptRequest) -> bytes: ...

    def verify_enrollment(self, data: bytes) -> EnrollmentRequest:
        """The request, if its self-signature holds; raises Rejected."""

    def verify_token(
        self,
        token: str,
        method: str,
        path: str,
        body_sha256: str,
        lookup: Callable[[str], bytes | None],
    ) -> str:
        """The device id the token proves; raises Rejected."""


class HQService:
    """HQ intake over one unlocked store."""

    def __init__(self, store: HQStore, keys: HQKeys) -> None:
        self.store = store
        self.keys = keys
        self.devices = Devices(store.db, on_change=store.advance)
        self.uploads = Uploads(store.db, keys.max_package)

    # -- enrollment and authentication -------------------------------------------------

    def enroll(self, data: bytes) -> Device:
        """Record a self-signed enrollment request as pending (an operator approves it)."""
        if len(data) > self.keys.max_package:
            raise Rejected("enrollment request too large")
        request = self.keys.verify_enrollment(data)
        return self.devices.request(
            request.device_id, request.fingerprint, request.bundle, request.label
        )

    def _any_bundle(self, device_id: str) -> bytes | None:
        """Any known device's key: the signature proves who sent it, then status decides."""
        found = self.devices.bundle(device_id)
        return found[1] if found else None

    def _approved_bundle(self, device_id: str) -> bytes | None:
        found = self.devices.bundle(device_id)
        return found[1] if found and found[0] == "approved" else None

    def authenticate(self, token: str, method: str, path: str, body_sha256: str) -> str:
        """The approved device a request token proves; Rejected otherwise."""
        return self.keys.verify_token(token, method, path, body_sha256, self._approved_bundle)

    # -- ingest ------------------------------------------------------------------------

    def ingest(self, data: bytes, *, via: Via, upload: Upload | None = None) -> IngestOutcome:
        """Verify and store one package; idempotent. Raises Rejected (logged, nothing stored)."""
        device_id = upload.device_id if upload else None
        try:
            if len(data) > self.keys.max_package:
                raise Rejected(f"package too large ({len(data)} bytes)")
            package = self.keys.open_package(data, self._any_bundle)
            device_id = package.device_id
            if upload is not None and package.device_id != upload.device_id:
                raise Rejected("the package was signed by another device than the uploader")
            return self._apply(package, via, upload)
        except Rejected as exc:
            self.log_rejection(via, exc.device_id or device_id, len(data), exc.reason)
            if upload is not None:
                self.uploads.discard(upload.upload_id)
            raise

    def _apply(self, package: VerifiedPackage, via: Via, upload: Upload | None) -> IngestOutcome:
        with self.store.db.write() as conn:
            outcome = apply_package(
                conn, package, received_at=utc_now(), via=via, sign_receipt=self.keys.sign_receipt
            )
            if upload is not None:
                Uploads.finish(conn, upload.upload_id, package.sequence)
            if not outcome.replay:
                self.store.advance(conn, package.package_hash)
        if not outcome.replay:
            gaps = ", ".join(f"{g.first}-{g.last}" for g in outcome.gaps)
            log.info(
                "accepted package %d from device %s (%d revisions, %d new)%s",
                package.sequence,
                package.device_id,
                outcome.counts["revisions"],
                outcome.counts["new_revisions"],
                f"; missing packages {gaps}" if gaps else "",
            )
        return outcome

    def log_rejection(self, via: Via, device_id: str | None, size: int, reason: str) -> None:
        """Remember that (and why) a package was refused; never any of its content."""
        reason = reason[:MAX_REASON]
        log.warning("rejected a package (%s, %d bytes): %s", via, size, reason)
        with self.store.db.write() as conn:
            conn.execute(
                "INSERT INTO rejections (at, via, device_id, size, reason) VALUES (?, ?, ?, ?, ?)",
                (utc_now(), via, device_id, size, reason),
            )

    # -- uploads -----------------------------------------------------------------------

    def finish_upload(self, upload: Upload) -> IngestOutcome:
        """All bytes are in: verify the checksum and ingest (or return the stored receipt)."""
        if upload.status == "done":
            return self.stored_outcome(upload)
        if not upload.complete:
            raise UploadError(409, f"the upload is at {upload.received} of {upload.size} bytes")
        data = self.uploads.assemble(upload)
        if data is None:  # another request for the same upload finished it meanwhile
            return self.stored_outcome(self.uploads.get(upload.upload_id, upload.device_id))
        return self.ingest(data, via="https", upload=upload)

    def stored_outcome(self, upload: Upload) -> IngestOutcome:
        assert upload.sequence is not None  # noqa: S101 - 'done' implies a sequence (schema CHECK)
        with self.store.db.read() as conn:
            row = conn.execute(
                "SELECT p.package_hash, r.receipt, p.revisions, p.new_revisions, p.attachments"
                " FROM packages p JOIN receipts r USING (device_id, sequence)"
                " WHERE p.device_id = ? AND p.sequence = ?",
                (upload.device_id, upload.sequence),
            ).fetchone()
            gaps = open_gaps(conn, upload.device_id)
        counts = {"revisions": row[2], "new_revisions": row[3], "attachment_chunks": row[4]}
        return IngestOutcome(
            upload.device_id, upload.sequence, row[0], bytes(row[1]), True, counts, gaps
        )

    def receipts_after(
        self, device_id: str, after: int, limit: int = 100
    ) -> list[tuple[int, bytes]]:
        """The device's receipts with sequence > *after*, oldest first (lost answers)."""
        with self.store.db.read() as conn:
            rows = conn.execute(
                "SELECT sequence, receipt FROM receipts WHERE device_id = ? AND sequence > ?"
                " ORDER BY sequence LIMIT ?",
                (device_id, after, limit),
            ).fetchall()
        return [(seq, bytes(receipt)) for seq, receipt in rows]

    def recover_uploads(self, *, keep_days: int = STALE_UPLOAD_DAYS) -> int:
        """At start: ingest uploads a crash left complete; forget ones abandoned for long.

        Returns how many complete uploads were handled. Idempotent.
        """
        handled = 0
        for upload in self.uploads.pending_complete():
            with contextlib.suppress(Rejected, UploadError):  # logged and discarded already
                self.finish_upload(upload)
            handled += 1
        cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=keep_days)
        purged = self.uploads.purge_stale(cutoff.strftime("%Y-%m-%dT%H:%M:%S.000Z"))
        if purged:
            log.info("forgot %d upload(s) unfinished for over %d days", purged, keep_days)
        return handled
