"""HTTPS client for the HQ intake (the API in docs/package-format.md).

Transport only moves bytes: the package is already encrypted and signed, and
a receipt counts only after it verifies under the pinned HQ bundle. Still,
the client checks that the server answers with the pinned HQ fingerprint
before sending anything, verifies TLS (a CA given at enrollment, else the
system's), signs every request with the device key, resumes uploads from the
server's offset, and retries network failures with exponential backoff.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import random
import re
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from hradvisor.sync.errors import PackageRejected, SyncError
from hradvisor.sync.identity import Identity, normalise_fingerprint
from hradvisor.sync.token import authorization_header, body_digest, make_token

UPLOAD_CHUNK = 1024 * 1024
MAX_RECEIPT_RESPONSE = 64 * 1024
MAX_RESPONSE = 8 * 1024 * 1024  # a receipt list of ~1,500 receipts; everything else is tiny
_RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter: 0.5 s, 1 s, 2 s … capped, ``attempts`` tries."""

    attempts: int = 6
    first_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int) -> float:
        base: float = min(self.max_delay, self.first_delay * 2**attempt)
        return base * (0.5 + random.random() / 2)  # noqa: S311 (jitter, not a secret)


class HQClient:
    """One HQ endpoint, spoken to as one enrolled device."""

    def __init__(
        self,
        url: str,
        *,
        identity: Identity | None = None,
        device_id: str | None = None,
        ca_pem: str | None = None,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        if not url.startswith("https://"):
            raise SyncError("the HQ address must start with https:// (packages never go in clear)")
        self._identity, self._device_id = identity, device_id
        self._retry = retry or RetryPolicy()
        self._sleep, self._clock = sleep or time.sleep, clock or time.time
        verify: ssl.SSLContext | bool = True
        if ca_pem:
            verify = ssl.create_default_context(cadata=ca_pem)
        self._http = httpx.Client(
            base_url=url.rstrip("/"), verify=verify, timeout=timeout, follow_redirects=False
        )
        self.url = url

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HQClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing --------------------------------------------------------------

    def _headers(self, method: str, path: str, body: bytes) -> dict[str, str]:
        if self._identity is None or self._device_id is None:
            return {}
        token = make_token(
            self._identity, self._device_id, method, path, body_digest(body), self._clock()
        )
        return {"Authorization": authorization_header(token)}

    def _request(
        self,
        method: str,
        path: str,
        *,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        signed: bool = True,
    ) -> httpx.Response:
        """One request, retried on network errors and 5xx; a fresh token for each try."""
        last: str = "no answer"
        for attempt in range(self._retry.attempts):
            if attempt:
                self._sleep(self._retry.delay(attempt - 1))
            all_headers = dict(headers or {})
            if signed:
                all_headers.update(self._headers(method, path, body))
            try:
                response = self._send_capped(method, path, body, all_headers)
            except httpx.TransportError as exc:
                if isinstance(exc, httpx.ConnectError) and "CERTIFICATE" in str(exc).upper():
                    raise SyncError(
                        f"HQ at {self.url} presented a TLS certificate this device does not "
                        "trust (give the HQ CA with --ca)"
                    ) from None
                last = type(exc).__name__
                continue
            if response.status_code in _RETRY_STATUSES:
                last = f"HTTP {response.status_code}"
                continue
            return response
        raise SyncError(f"HQ at {self.url} is unreachable ({last}); the outbox keeps everything")

    def _send_capped(
        self, method: str, path: str, body: bytes, headers: dict[str, str]
    ) -> httpx.Response:
        """Send, reading at most ``MAX_RESPONSE`` bytes of the answer (a hostile server
        cannot make the device buffer gigabytes)."""
        request = self._http.build_request(method, path, content=body, headers=headers)
        response = self._http.send(request, stream=True)
        try:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > MAX_RESPONSE:
                raise SyncError(f"HQ at {self.url} sent an answer too large to be one")
            content = bytearray()
            for piece in response.iter_bytes():
                content += piece
                if len(content) > MAX_RESPONSE:
                    raise SyncError(f"HQ at {self.url} sent an answer too large to be one")
        finally:
            response.close()
        return httpx.Response(
            response.status_code, headers=response.headers, content=bytes(content), request=request
        )

    def _fail(self, response: httpx.Response, what: str) -> SyncError:
        reason = _json_field(response, "reason") or _json_field(response, "error") or ""
        if response.status_code == 422:
            return PackageRejected(reason or "rejected by HQ")
        if response.status_code == 401:
            return SyncError(
                f"HQ refused this device ({reason or 'not authorised'}): "
                "it may not be approved yet, or was revoked"
            )
        return SyncError(f"{what} failed: HQ answered HTTP {response.status_code} {reason}".strip())

    # -- the API ---------------------------------------------------------------

    def health(self) -> str:
        """HQ's fingerprint as the server states it."""
        response = self._request("GET", "/v1/health", signed=False)
        fingerprint = _json_field(response, "hq_fingerprint")
        if response.status_code != 200 or not fingerprint:
            raise self._fail(response, "health check")
        return normalise_fingerprint(fingerprint)

    def check_hq(self, pinned_fingerprint: str) -> None:
        """Refuse to talk to a server that is not the HQ this device pinned."""
        found = self.health()
        if found != normalise_fingerprint(pinned_fingerprint):
            raise SyncError(
                f"the server at {self.url} is not the HQ this vault is enrolled with "
                f"(it says {found}, expected {pinned_fingerprint}): nothing was sent"
            )

    def enroll(self, request: bytes) -> dict[str, Any]:
        response = self._request("POST", "/v1/enrollments", body=request, signed=False)
        if response.status_code not in (200, 201, 202):
            raise self._fail(response, "enrollment")
        return _json_object(response)

    def upload(self, data: bytes, progress: Callable[[int], None] | None = None) -> bytes:
        """Upload one package (resuming where HQ has it) and return HQ's receipt bytes."""
        announce = json.dumps({"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
        response = self._request(
            "POST",
            "/v1/uploads",
            body=announce.encode(),
            headers={"Content-Type": "application/json"},
        )
        if response.status_code not in (200, 201):
            raise self._fail(response, "starting the upload")
        answer = _json_object(response)
        upload_id, offset = answer.get("upload_id"), answer.get("offset")
        if not isinstance(upload_id, str) or not isinstance(offset, int) or offset < 0:
            raise SyncError("HQ sent a malformed answer to the upload request")
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,128}", upload_id):
            raise SyncError("HQ sent a malformed upload id")
        offset = min(offset, len(data))
        if progress:
            progress(offset)
        for _ in range(4 * (len(data) // UPLOAD_CHUNK + 2) + self._retry.attempts):
            piece = data[offset : offset + UPLOAD_CHUNK]
            response = self._request(
                "PATCH",
                f"/v1/uploads/{upload_id}",
                body=piece,
                headers={
                    "Upload-Offset": str(offset),
                    "Content-Type": "application/offset+octet-stream",
                },
            )
            if response.status_code == 200:
                if progress:
                    progress(len(data) - offset)
                return _receipt_bytes(response)
            if response.status_code in (204, 409):
                new = _offset(response) if response.status_code == 204 else self._offset(upload_id)
                new = min(new, len(data))
                if progress and new > offset:
                    progress(new - offset)
                offset = new
                continue
            raise self._fail(response, "uploading")
        raise SyncError("the upload made no progress; try again later")

    def _offset(self, upload_id: str) -> int:
        response = self._request("HEAD", f"/v1/uploads/{upload_id}")
        if response.status_code != 200:
            raise self._fail(response, "asking for the upload offset")
        return _offset(response)

    def receipts_after(self, sequence: int) -> list[bytes]:
        """Receipts HQ issued to this device for packages after *sequence* (lost answers)."""
        response = self._request("GET", f"/v1/receipts?after={int(sequence)}")
        if response.status_code != 200:
            raise self._fail(response, "fetching receipts")
        try:
            items = response.json()["receipts"]
            return [base64.b64decode(item, validate=True) for item in items]
        except (ValueError, KeyError, TypeError, binascii.Error):
            raise SyncError("HQ sent a malformed receipt list") from None


def _offset(response: httpx.Response) -> int:
    text = response.headers.get("Upload-Offset", "")
    if not text.isdigit():
        raise SyncError("HQ did not say how much of the upload it holds")
    return int(text)


def _receipt_bytes(response: httpx.Response) -> bytes:
    if len(response.content) > MAX_RECEIPT_RESPONSE:
        raise PackageRejected("receipt too large", what="receipt")
    return response.content


def _json_object(response: httpx.Response) -> dict[str, Any]:
    try:
        value = response.json()
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise SyncError("HQ sent a malformed answer (not a JSON object)")
    return value


def _json_field(response: httpx.Response, name: str) -> str | None:
    try:
        value = response.json().get(name)
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None
