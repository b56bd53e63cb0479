"""HQ's identity, as the package layer (hradvisor.sync) uses it.

The private keys live in the encrypted HQ database (one passphrase unlocks
everything; no second key file to lose or leave readable). Everything about
formats — packages, receipts, enrollment requests, tokens — is done by
hradvisor.sync; this module only adapts its errors to HQ's ``Rejected`` and
keeps the nonce cache that makes a request token single-use.
"""

from __future__ import annotations

import functools
import struct
import threading
import time
import zlib
from collections.abc import Callable

from hradvisor.hq.errors import HQError, Rejected
from hradvisor.hq.ingest import ReceiptRequest, VerifiedPackage
from hradvisor.hq.service import EnrollmentRequest
from hradvisor.hq.store import HQStore
from hradvisor.sync import (
    Identity,
    PackageRejected,
    PublicBundle,
    generate_identity,
    make_receipt,
    normalise_fingerprint,
    open_package,
    verify_enrollment_request,
    verify_token,
)
from hradvisor.sync.package import MAX_PACKAGE_BYTES
from hradvisor.sync.token import MAX_CLOCK_SKEW

NONCE_MEMORY_SECONDS = 2 * MAX_CLOCK_SKEW + 60
_PARSE_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    OverflowError,
    RecursionError,
    struct.error,
    zlib.error,
)


class NonceCache:
    """Nonces of authentic tokens seen in the last ``NONCE_MEMORY_SECONDS`` (thread-safe).

    Only tokens whose signature verified are recorded (hradvisor.sync checks
    the signature first), so its size is bounded by genuine request rates.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()
        self._next_purge = 0.0

    def seen(self, nonce: str) -> bool:
        """Record *nonce*; True if it was already recorded (a replayed request)."""
        now = self._clock()
        with self._lock:
            if now >= self._next_purge:
                self._seen = {n: t for n, t in self._seen.items() if t > now}
                self._next_purge = now + 60
            if self._seen.get(nonce, 0.0) > now:
                return True
            self._seen[nonce] = now + NONCE_MEMORY_SECONDS
            return False


@functools.lru_cache(maxsize=1024)
def _parse_bundle(raw: bytes) -> PublicBundle:
    return PublicBundle.from_bytes(raw)


def _bundles(lookup: Callable[[str], bytes | None]) -> Callable[[str], PublicBundle | None]:
    def find(device_id: str) -> PublicBundle | None:
        raw = lookup(device_id)
        return _parse_bundle(raw) if raw is not None else None

    return find


class SyncKeys:
    """HQKeys backed by hradvisor.sync and HQ's identity."""

    max_package = MAX_PACKAGE_BYTES

    def __init__(self, identity: Identity, clock: Callable[[], float] = time.time) -> None:
        self._identity = identity
        self._clock = clock
        self._nonces = NonceCache()
        self.fingerprint = identity.fingerprint
        self.public_bundle = identity.public_bundle().to_bytes()

    def open_package(self, data: bytes, lookup: Callable[[str], bytes | None]) -> VerifiedPackage:
        try:
            return open_package(data, self._identity, _bundles(lookup))
        except PackageRejected as exc:
            raise Rejected(exc.reason) from None
        except _PARSE_ERRORS:  # a safety net: hostile bytes must never become a server error
            raise Rejected("malformed package") from None

    def sign_receipt(self, request: ReceiptRequest) -> bytes:
        return make_receipt(
            self._identity,
            device_id=request.device_id,
            sequence=request.sequence,
            package_hash=request.package_hash,
            counts=request.counts,
            received_at=request.received_at,
        )

    def verify_enrollment(self, data: bytes) -> EnrollmentRequest:
        try:
            request = verify_enrollment_request(data)
        except PackageRejected as exc:
            raise Rejected(exc.reason) from None
        named = request.hq_fingerprint
        if named is not None and normalise_fingerprint(named) != self.fingerprint:
            raise Rejected("the request was made for another HQ key")
        return EnrollmentRequest(
            request.device_id, request.fingerprint, request.bundle.to_bytes(), request.label
        )

    def verify_token(
        self,
        token: str,
        method: str,
        path: str,
        body_sha256: str,
        lookup: Callable[[str], bytes | None],
    ) -> str:
        try:
            return verify_token(
                token, method, path, body_sha256, _bundles(lookup), self._clock(), self._nonces.seen
            )
        except PackageRejected as exc:
            raise Rejected(exc.reason) from None


def install_identity(store: HQStore) -> Identity:
    """Create HQ's identity inside the store (once: a second call would orphan every device)."""
    identity = generate_identity()
    with store.db.write() as conn:
        if conn.execute("SELECT 1 FROM identity").fetchone() is not None:
            raise HQError("this HQ store already has an identity")
        conn.execute(
            "INSERT INTO identity (id, private_bundle, public_bundle, fingerprint)"
            " VALUES (1, ?, ?, ?)",
            (
                identity.secret_bytes(),
                identity.public_bundle().to_bytes(),
                identity.fingerprint,
            ),
        )
    return identity


def load_identity(store: HQStore) -> Identity:
    """HQ's identity from the store; HQError if init never finished."""
    with store.db.read() as conn:
        row = conn.execute("SELECT private_bundle FROM identity WHERE id = 1").fetchone()
    if row is None:
        raise HQError(f"the HQ store in {store.path} has no identity: run 'hradvisor-hq init'")
    return Identity.from_secret_bytes(bytes(row[0]))
