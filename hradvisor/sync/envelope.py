"""Small signed documents: receipts and enrollment requests share one layout.

    magic (4) | version (1) | body length (4, big-endian) | body | hybrid signature (3,373)

The body is RFC 8785 canonical JSON (and must be: a non-canonical body is
refused, so every document has exactly one encoding). The signature covers
``b"hradvisor/v1/<purpose>\\x00"`` followed by every byte before it, so a
receipt can never be passed off as an enrollment request or the reverse.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from typing import Any

from hradvisor.model.canonical import canonical_json
from hradvisor.sync.errors import PackageRejected
from hradvisor.sync.identity import SIGNATURE_BYTES, Identity, PublicBundle

ENVELOPE_VERSION = 1
_PREFIX = struct.Struct(">4sBI")


def domain(purpose: str) -> bytes:
    """The domain-separation prefix for a signature made for *purpose*."""
    return b"hradvisor/v1/" + purpose.encode("ascii") + b"\x00"


@dataclass(frozen=True)
class Envelope:
    """A parsed, not yet verified, signed document."""

    body: dict[str, Any]
    signed: bytes
    signature: bytes
    purpose: str

    def verify(self, bundle: PublicBundle) -> None:
        """Raise BadSignature unless *bundle* made both halves of the signature."""
        bundle.verify(domain(self.purpose) + self.signed, self.signature)


def seal(identity: Identity, magic: bytes, purpose: str, body: dict[str, Any]) -> bytes:
    encoded = canonical_json(body)
    signed = _PREFIX.pack(magic, ENVELOPE_VERSION, len(encoded)) + encoded
    return signed + identity.sign(domain(purpose) + signed)


def parse(data: bytes, magic: bytes, purpose: str, *, max_body: int, what: str) -> Envelope:
    """Split and decode a document; PackageRejected (with *what*) for anything malformed."""
    data = bytes(data)
    if len(data) < _PREFIX.size + SIGNATURE_BYTES or len(data) > _PREFIX.size + max_body + (
        SIGNATURE_BYTES
    ):
        raise PackageRejected("wrong size", what=what)
    found, version, length = _PREFIX.unpack_from(data)
    if found != magic:
        raise PackageRejected(f"not a {what}", what=what)
    if version != ENVELOPE_VERSION:
        raise PackageRejected("unsupported version", what=what)
    if length > max_body or _PREFIX.size + length + SIGNATURE_BYTES != len(data):
        raise PackageRejected("length does not match", what=what)
    encoded = data[_PREFIX.size : _PREFIX.size + length]
    body = decode_canonical_object(encoded, what=what)
    return Envelope(
        body=body,
        signed=data[: _PREFIX.size + length],
        signature=data[_PREFIX.size + length :],
        purpose=purpose,
    )


def decode_canonical_object(encoded: bytes, *, what: str) -> dict[str, Any]:
    """A JSON object that is exactly in canonical form; PackageRejected otherwise."""
    try:
        body = json.loads(encoded.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackageRejected("body is not JSON", what=what) from None
    if not isinstance(body, dict):
        raise PackageRejected("body is not a JSON object", what=what)
    try:
        canonical = canonical_json(body)
    except (ValueError, TypeError, RecursionError):
        raise PackageRejected("body is not canonical JSON", what=what) from None
    if canonical != encoded:
        raise PackageRejected("body is not canonical JSON", what=what)
    return body


def require_str(body: dict[str, Any], key: str, *, what: str, max_len: int = 200) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value or len(value) > max_len:
        raise PackageRejected(f"bad {key}", what=what)
    if any(ord(ch) < 0x20 or ch == "\x7f" for ch in value):
        raise PackageRejected(f"bad {key}", what=what)
    return value


def require_int(body: dict[str, Any], key: str, *, what: str, minimum: int = 0) -> int:
    value = body.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value < 2**53:
        raise PackageRejected(f"bad {key}", what=what)
    return value


def require_keys(body: dict[str, Any], keys: set[str], *, what: str) -> None:
    if set(body) != keys:
        raise PackageRejected("unexpected or missing fields", what=what)
