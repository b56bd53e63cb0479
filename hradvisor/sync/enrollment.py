"""Enrollment requests: a device asks HQ to accept its public keys (DESIGN §8).

The request carries the device's public bundle and is signed by that same
identity (proof that the sender holds the private keys). It proves nothing
about WHO sent it: an HQ operator approves it only after comparing the
device fingerprint with the adviser, by phone or in person.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass, field

from hradvisor.sync.envelope import parse, require_keys, require_str, seal
from hradvisor.sync.errors import EnrollmentRejected, PackageRejected
from hradvisor.sync.identity import Identity, PublicBundle

ENROLLMENT_MAGIC = b"HREN"
ENROLLMENT_FORMAT = "hradvisor-enrollment"
ENROLLMENT_PURPOSE = "enrollment"
MAX_ENROLLMENT_BODY = 16 * 1024
MAX_LABEL = 200
_WHAT = "enrollment request"


@dataclass(frozen=True)
class EnrollmentRequest:
    """A request whose signature verified under the bundle it carries."""

    device_id: str
    bundle: PublicBundle
    label: str
    fingerprint: str
    hq_fingerprint: str | None
    created_at: str
    raw: bytes = field(repr=False)


def make_enrollment_request(
    device: Identity,
    device_id: str,
    label: str,
    *,
    hq_bundle: PublicBundle | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """The signed request; *hq_bundle* (the HQ the adviser checked) is named inside it."""
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    body = {
        "format": ENROLLMENT_FORMAT,
        "version": 1,
        "device_id": device_id,
        "label": label,
        "bundle": base64.b64encode(device.public_bundle().to_bytes()).decode("ascii"),
        "hq_fingerprint": hq_bundle.fingerprint if hq_bundle else None,
        "created_at": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    _fields(body)
    return seal(device, ENROLLMENT_MAGIC, ENROLLMENT_PURPOSE, body)


def verify_enrollment_request(data: bytes) -> EnrollmentRequest:
    """Parse and check the self-signature; EnrollmentRejected (exit 5) otherwise."""
    try:
        envelope = parse(
            data, ENROLLMENT_MAGIC, ENROLLMENT_PURPOSE, max_body=MAX_ENROLLMENT_BODY, what=_WHAT
        )
        device_id, bundle, label, hq_fingerprint, created_at = _fields(envelope.body)
        envelope.verify(bundle)
    except EnrollmentRejected:
        raise
    except PackageRejected as exc:
        raise EnrollmentRejected(exc.reason) from None
    return EnrollmentRequest(
        device_id=device_id,
        bundle=bundle,
        label=label,
        fingerprint=bundle.fingerprint,
        hq_fingerprint=hq_fingerprint,
        created_at=created_at,
        raw=bytes(data),
    )


def _fields(body: dict[str, object]) -> tuple[str, PublicBundle, str, str | None, str]:
    try:
        return _checked_fields(body)
    except EnrollmentRejected:
        raise
    except PackageRejected as exc:
        raise EnrollmentRejected(exc.reason) from None


def _checked_fields(body: dict[str, object]) -> tuple[str, PublicBundle, str, str | None, str]:
    require_keys(
        body,
        {"format", "version", "device_id", "label", "bundle", "hq_fingerprint", "created_at"},
        what=_WHAT,
    )
    if body["format"] != ENROLLMENT_FORMAT or body["version"] != 1:
        raise EnrollmentRejected("unsupported format")
    device_id = require_str(body, "device_id", what=_WHAT, max_len=64)
    label = require_str(body, "label", what=_WHAT, max_len=MAX_LABEL)
    created_at = require_str(body, "created_at", what=_WHAT, max_len=40)
    hq_fingerprint = body["hq_fingerprint"]
    if hq_fingerprint is not None:
        hq_fingerprint = require_str(body, "hq_fingerprint", what=_WHAT, max_len=64)
    encoded = require_str(body, "bundle", what=_WHAT, max_len=8192)
    try:
        bundle = PublicBundle.from_bytes(base64.b64decode(encoded, validate=True))
    except (binascii.Error, ValueError, PackageRejected):
        raise EnrollmentRejected("bad public bundle") from None
    return device_id, bundle, label, hq_fingerprint, created_at
