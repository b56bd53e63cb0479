"""Request tokens: each HTTP request to HQ is signed by the device (no shared password).

A token binds the device id, the HTTP method, the request target, the SHA-256
of the request body, a timestamp and a random nonce, under the device's
hybrid signature. HQ accepts it only within ``MAX_CLOCK_SKEW`` seconds of its
own clock and only once (the nonce), so a recorded request cannot be replayed
or re-aimed at another path or body. Layout in docs/package-format.md.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Callable

from hradvisor.model.canonical import canonical_json
from hradvisor.sync.envelope import decode_canonical_object, domain, require_int, require_str
from hradvisor.sync.errors import PackageRejected, TokenRejected
from hradvisor.sync.identity import Identity, PublicBundle

TOKEN_PREFIX = "v1"  # noqa: S105 (a format tag, not a secret)
TOKEN_PURPOSE = "token"  # noqa: S105 (a signature domain label)
MAX_TOKEN_CHARS = 8192
MAX_CLOCK_SKEW = 300
AUTH_SCHEME = "HRDevice"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_KEYS = {"device_id", "method", "path", "body_sha256", "ts", "nonce"}
_WHAT = "request token"


def _seconds(now: float | dt.datetime) -> int:
    return int(now.timestamp() if isinstance(now, dt.datetime) else now)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise TokenRejected("malformed")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise TokenRejected("malformed") from None


def make_token(
    device: Identity,
    device_id: str,
    method: str,
    path: str,
    body_sha256: str,
    now: float | dt.datetime,
    *,
    nonce: str | None = None,
) -> str:
    """A token for one request; *path* is the request target including any query string."""
    payload = {
        "device_id": device_id,
        "method": method.upper(),
        "path": path,
        "body_sha256": body_sha256,
        "ts": _seconds(now),
        "nonce": nonce or secrets.token_hex(16),
    }
    encoded = canonical_json(payload)
    signature = device.sign(domain(TOKEN_PURPOSE) + encoded)
    return f"{TOKEN_PREFIX}.{_b64(encoded)}.{_b64(signature)}"


def verify_token(
    token: str,
    method: str,
    path: str,
    body_sha256: str,
    lookup_device: Callable[[str], PublicBundle | None],
    now: float | dt.datetime,
    seen_nonce: Callable[[str], bool],
) -> str:
    """The device id the token proves, or TokenRejected.

    Checks, in order: size and shape; method, path and body match; the clock;
    the device is enrolled (``lookup_device`` returns its bundle, None if unknown
    or revoked); both signatures; then ``seen_nonce(nonce)``, which must record
    the nonce and return True if it was seen before. Nonces are recorded only
    for authentic tokens, so junk cannot fill HQ's nonce store.
    """
    if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
        raise TokenRejected("malformed")
    parts = token.split(".")
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        raise TokenRejected("malformed")
    encoded, signature = _unb64(parts[1]), _unb64(parts[2])
    try:
        payload = decode_canonical_object(encoded, what=_WHAT)
        if set(payload) != _KEYS:
            raise TokenRejected("malformed")
        device_id = require_str(payload, "device_id", what=_WHAT, max_len=64)
        stamp = require_int(payload, "ts", what=_WHAT)
    except TokenRejected:
        raise
    except PackageRejected as exc:
        raise TokenRejected(exc.reason) from None
    if (
        payload["method"] != method.upper()
        or payload["path"] != path
        or payload["body_sha256"] != body_sha256
        or not isinstance(payload["nonce"], str)
        or not _HEX32.match(payload["nonce"])
    ):
        raise TokenRejected("does not match the request")
    if abs(_seconds(now) - stamp) > MAX_CLOCK_SKEW:
        raise TokenRejected("expired or clock skew too large")
    bundle = lookup_device(device_id)
    if bundle is None:
        raise TokenRejected("unknown or revoked device")
    try:
        bundle.verify(domain(TOKEN_PURPOSE) + encoded, signature)
    except PackageRejected:
        raise TokenRejected("bad signature") from None
    if seen_nonce(payload["nonce"]):
        raise TokenRejected("replayed")
    return device_id


def authorization_header(token: str) -> str:
    """The ``Authorization`` header value carrying *token*."""
    return f"{AUTH_SCHEME} {token}"


def token_from_header(value: str | None) -> str:
    """The token in an ``Authorization: HRDevice <token>`` header; TokenRejected otherwise."""
    if not value:
        raise TokenRejected("missing")
    scheme, _, token = value.partition(" ")
    if scheme != AUTH_SCHEME or not token:
        raise TokenRejected("malformed")
    return token.strip()


def body_digest(body: bytes) -> str:
    """Hex SHA-256 of a request body, as a token names it."""
    return hashlib.sha256(body).hexdigest()
