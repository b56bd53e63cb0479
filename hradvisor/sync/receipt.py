"""Signed receipts: HQ's word that it holds a package (DESIGN §8).

The device marks revisions and attachment chunks as delivered only when a
receipt verifies under the pinned HQ bundle and names a package this device
sent, so a forged or misdirected receipt can never make data look safe at HQ
when it is not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from hradvisor.sync.envelope import parse, require_int, require_keys, require_str, seal
from hradvisor.sync.errors import PackageRejected, ReceiptRejected
from hradvisor.sync.identity import Identity, PublicBundle

RECEIPT_MAGIC = b"HRRC"
RECEIPT_FORMAT = "hradvisor-receipt"
RECEIPT_PURPOSE = "receipt"
MAX_RECEIPT_BODY = 16 * 1024
_HASH = re.compile(r"^[0-9a-f]{64}$")
_COUNT_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_WHAT = "receipt"


@dataclass(frozen=True)
class Receipt:
    """A verified receipt. ``raw`` is the exact signed bytes, kept as evidence."""

    device_id: str
    sequence: int
    package_hash: str
    counts: dict[str, int]
    received_at: str
    raw: bytes = field(repr=False)


def _timestamp(value: str | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("received_at must be timezone-aware")
        value = value.astimezone(dt.UTC)
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    return value


def make_receipt(
    hq: Identity,
    *,
    device_id: str,
    sequence: int,
    package_hash: str,
    counts: dict[str, int],
    received_at: str | dt.datetime,
) -> bytes:
    """HQ signs that it received and stored package *sequence* of *device_id*."""
    body = {
        "format": RECEIPT_FORMAT,
        "version": 1,
        "device_id": device_id,
        "sequence": sequence,
        "package_hash": package_hash,
        "counts": dict(counts),
        "received_at": _timestamp(received_at),
    }
    _check(body)
    return seal(hq, RECEIPT_MAGIC, RECEIPT_PURPOSE, body)


def verify_receipt(data: bytes, hq_bundle: PublicBundle) -> Receipt:
    """Parse and verify; ReceiptRejected (exit 5) unless HQ's bundle signed it."""
    try:
        envelope = parse(
            data, RECEIPT_MAGIC, RECEIPT_PURPOSE, max_body=MAX_RECEIPT_BODY, what=_WHAT
        )
        body = envelope.body
        _check(body)
        envelope.verify(hq_bundle)
    except ReceiptRejected:
        raise
    except PackageRejected as exc:
        raise ReceiptRejected(exc.reason) from None
    return Receipt(
        device_id=body["device_id"],
        sequence=body["sequence"],
        package_hash=body["package_hash"],
        counts=dict(body["counts"]),
        received_at=body["received_at"],
        raw=bytes(data),
    )


def _check(body: dict[str, object]) -> None:
    """Every field present, typed and bounded; raises ReceiptRejected."""
    try:
        require_keys(
            body,
            {"format", "version", "device_id", "sequence", "package_hash", "counts", "received_at"},
            what=_WHAT,
        )
        if body["format"] != RECEIPT_FORMAT or body["version"] != 1:
            raise ReceiptRejected("unsupported format")
        require_str(body, "device_id", what=_WHAT, max_len=64)
        require_int(body, "sequence", what=_WHAT, minimum=1)
        require_str(body, "received_at", what=_WHAT, max_len=40)
        if not _HASH.match(require_str(body, "package_hash", what=_WHAT, max_len=64)):
            raise ReceiptRejected("bad package_hash")
        counts = body["counts"]
        if not isinstance(counts, dict) or len(counts) > 32:
            raise ReceiptRejected("bad counts")
        for name in counts:
            if not _COUNT_NAME.match(name):
                raise ReceiptRejected("bad counts")
            require_int(counts, name, what=_WHAT)
    except ReceiptRejected:
        raise
    except PackageRejected as exc:
        raise ReceiptRejected(exc.reason) from None
