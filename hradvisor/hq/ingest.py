"""Applying one verified package to the HQ store, in the caller's write transaction.

What arrives has already passed the package layer (decryption for this HQ,
both signatures of a known device). Here HQ decides what the package means
for its records, with these guarantees:

* **idempotent**: a package already stored (same device, sequence and hash)
  changes nothing and gets its original receipt back; a revision already
  known (by hash) is not stored twice;
* **no forks**: a package that claims a sequence already taken by other
  content, or that does not link by hash to its stored neighbours, is
  refused whole (``Rejected``) and the transaction rolls back;
* **gaps reported**: a sequence that jumps ahead is accepted and the missing
  range recorded; a late package that links into the gap fills it;
* **no silent overwrite**: when an entity ends up with two heads (edits made
  on two devices from the same parent), both are kept and a conflict recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from hradvisor.hq.errors import Rejected
from hradvisor.hq.records import store_revisions
from hradvisor.hq.revisions import parse_revision

Via = Literal["https", "file"]


class VerifiedPackage(Protocol):
    """What the package layer hands over once a package is decrypted and verified."""

    @property
    def device_id(self) -> str: ...
    @property
    def sequence(self) -> int: ...
    @property
    def previous_hash(self) -> str | None: ...
    @property
    def package_hash(self) -> str: ...
    @property
    def revisions(self) -> Sequence[Mapping[str, Any]]: ...
    @property
    def attachments(self) -> Sequence[AttachmentPiece]: ...


class AttachmentPiece(Protocol):
    """Bytes ``offset …`` of the attachment whose whole content has SHA-256 ``sha256``."""

    @property
    def attachment_id(self) -> str: ...
    @property
    def sha256(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def offset(self) -> int: ...
    @property
    def data(self) -> bytes: ...


@dataclass(frozen=True)
class Gap:
    """Sequences HQ never received from a device (inclusive range)."""

    first: int
    last: int


@dataclass(frozen=True)
class IngestOutcome:
    """What one ingest did; ``receipt`` is the signed receipt the device gets back."""

    device_id: str
    sequence: int
    package_hash: str
    receipt: bytes
    replay: bool
    counts: dict[str, int]
    gaps: list[Gap] = field(default_factory=list)


@dataclass(frozen=True)
class ReceiptRequest:
    """The facts a receipt attests; the service signs them with HQ's key."""

    device_id: str
    sequence: int
    package_hash: str
    counts: dict[str, int]
    received_at: str


SignReceipt = Callable[[ReceiptRequest], bytes]


def apply_package(
    conn: Any,
    package: VerifiedPackage,
    *,
    received_at: str,
    via: Via,
    sign_receipt: SignReceipt,
) -> IngestOutcome:
    """Store *package* (or recognise it as already stored) inside the caller's transaction."""
    device_id, sequence = package.device_id, package.sequence
    _require_approved(conn, device_id)
    stored = conn.execute(
        "SELECT package_hash FROM packages WHERE device_id = ? AND sequence = ?",
        (device_id, sequence),
    ).fetchone()
    if stored is not None:
        if stored[0] != package.package_hash:
            raise Rejected(
                f"fork: sequence {sequence} was already received with other content",
                device_id=device_id,
            )
        return _replay(conn, package)
    _require_links(conn, package)
    revisions = [parse_revision(raw, index) for index, raw in enumerate(package.revisions)]
    new = store_revisions(conn, revisions, device_id, sequence, received_at)
    chunks = _store_chunks(conn, package.attachments, device_id, sequence)
    counts = {
        "revisions": len(revisions),
        "new_revisions": new,
        "duplicates": len(revisions) - new,
        "attachment_chunks": chunks,
    }
    _record_sequence(conn, device_id, sequence, received_at)
    gaps = open_gaps(conn, device_id)
    counts["missing_packages"] = sum(gap.last - gap.first + 1 for gap in gaps)
    conn.execute(
        "INSERT INTO packages (device_id, sequence, package_hash, previous_hash, received_at, via,"
        " revisions, new_revisions, attachments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            device_id,
            sequence,
            package.package_hash,
            package.previous_hash,
            received_at,
            via,
            len(revisions),
            new,
            chunks,
        ),
    )
    receipt = sign_receipt(
        ReceiptRequest(device_id, sequence, package.package_hash, counts, received_at)
    )
    conn.execute(
        "INSERT INTO receipts (device_id, sequence, receipt, issued_at) VALUES (?, ?, ?, ?)",
        (device_id, sequence, receipt, received_at),
    )
    return IngestOutcome(
        device_id,
        sequence,
        package.package_hash,
        receipt,
        False,
        counts,
        open_gaps(conn, device_id),
    )


def _require_approved(conn: Any, device_id: str) -> None:
    row = conn.execute("SELECT status FROM devices WHERE device_id = ?", (device_id,)).fetchone()
    if row is None:
        raise Rejected("unknown device")
    if row[0] == "revoked":
        raise Rejected("device revoked", device_id=device_id)
    if row[0] != "approved":
        raise Rejected("device not approved yet", device_id=device_id)


def _replay(conn: Any, package: VerifiedPackage) -> IngestOutcome:
    """The same package again: change nothing, answer with the receipt already given."""
    row = conn.execute(
        "SELECT r.receipt, p.revisions, p.new_revisions, p.attachments FROM receipts r"
        " JOIN packages p USING (device_id, sequence) WHERE r.device_id = ? AND r.sequence = ?",
        (package.device_id, package.sequence),
    ).fetchone()
    counts = {"revisions": row[1], "new_revisions": row[2], "attachment_chunks": row[3]}
    return IngestOutcome(
        package.device_id,
        package.sequence,
        package.package_hash,
        bytes(row[0]),
        True,
        counts,
        open_gaps(conn, package.device_id),
    )


def _require_links(conn: Any, package: VerifiedPackage) -> None:
    """The package must chain by hash onto the stored package before it and under the one after."""
    device_id, sequence = package.device_id, package.sequence
    before = conn.execute(
        "SELECT package_hash FROM packages WHERE device_id = ? AND sequence = ?",
        (device_id, sequence - 1),
    ).fetchone()
    if before is not None and before[0] != package.previous_hash:
        raise Rejected(
            f"fork: package {sequence} does not follow the stored package {sequence - 1}",
            device_id=device_id,
        )
    after = conn.execute(
        "SELECT previous_hash FROM packages WHERE device_id = ? AND sequence = ?",
        (device_id, sequence + 1),
    ).fetchone()
    if after is not None and after[0] != package.package_hash:
        raise Rejected(
            f"out of order: package {sequence} is not the one the stored package "
            f"{sequence + 1} follows",
            device_id=device_id,
        )
    duplicate = conn.execute(
        "SELECT 1 FROM packages WHERE package_hash = ?", (package.package_hash,)
    ).fetchone()
    if duplicate is not None:
        raise Rejected("replayed under another sequence number", device_id=device_id)


def _record_sequence(conn: Any, device_id: str, sequence: int, now: str) -> None:
    """Open a gap if *sequence* jumps past the last one; close it if it fills one."""
    last = conn.execute(
        "SELECT max(sequence) FROM packages WHERE device_id = ?", (device_id,)
    ).fetchone()[0]
    last = last or 0
    if sequence > last + 1:
        conn.execute(
            "INSERT INTO gaps (device_id, first_seq, last_seq, detected_at) VALUES (?, ?, ?, ?)",
            (device_id, last + 1, sequence - 1, now),
        )
        return
    if sequence > last:
        return
    row = conn.execute(
        "SELECT first_seq, last_seq, detected_at FROM gaps"
        " WHERE device_id = ? AND first_seq <= ? AND last_seq >= ?",
        (device_id, sequence, sequence),
    ).fetchone()
    if row is None:
        return
    first, final, detected = row
    conn.execute("DELETE FROM gaps WHERE device_id = ? AND first_seq = ?", (device_id, first))
    for low, high in ((first, sequence - 1), (sequence + 1, final)):
        if low <= high:
            conn.execute(
                "INSERT INTO gaps (device_id, first_seq, last_seq, detected_at)"
                " VALUES (?, ?, ?, ?)",
                (device_id, low, high, detected),
            )


def open_gaps(conn: Any, device_id: str) -> list[Gap]:
    rows = conn.execute(
        "SELECT first_seq, last_seq FROM gaps WHERE device_id = ? ORDER BY first_seq",
        (device_id,),
    ).fetchall()
    return [Gap(first, last) for first, last in rows]


def _store_chunks(
    conn: Any, chunks: Sequence[AttachmentPiece], device_id: str, sequence: int
) -> int:
    """Keep attachment chunks HQ does not have yet (by content hash and offset)."""
    conn.executemany(
        "INSERT OR IGNORE INTO attachment_chunks (sha256, start, attachment_id, size, data,"
        " from_device_id, from_sequence) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (c.sha256, c.offset, c.attachment_id, c.size, c.data, device_id, sequence)
            for c in chunks
        ],
    )
    return len(chunks)
