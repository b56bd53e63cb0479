"""A small HQ intake for the client tests: the HTTP API of docs/package-format.md over
TLS on 127.0.0.1, written on the standard library so faults can be injected exactly
(dropped answers, server errors, a server with another HQ key).

It is not the HQ service (hradvisor.hq): it accepts any package that opens and
keeps no chain rules beyond "same sequence, same hash".
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import trustme

from hradvisor.sync import (
    Identity,
    PackageRejected,
    PublicBundle,
    make_receipt,
    open_package,
    verify_enrollment_request,
    verify_token,
)
from hradvisor.sync.token import token_from_header


@dataclass
class Upload:
    device_id: str
    sha256: str
    size: int
    data: bytearray = field(default_factory=bytearray)
    receipt: bytes | None = None


@dataclass
class FakeHQ:
    """State and fault switches; tests flip the switches between requests."""

    identity: Identity
    devices: dict[str, PublicBundle] = field(default_factory=dict)
    enrollments: list[Any] = field(default_factory=list)
    uploads: dict[str, Upload] = field(default_factory=dict)
    receipts: dict[tuple[str, int], bytes] = field(default_factory=dict)
    packages: dict[tuple[str, int], Any] = field(default_factory=dict)
    nonces: set[str] = field(default_factory=set)
    fail_next: list[int] = field(default_factory=list)  # statuses to answer PATCHes with
    lose_final_answer: bool = False
    max_patch: int | None = None  # store at most this many bytes per PATCH (a cut connection)
    announce_fingerprint: str | None = None
    receipt_signer: Identity | None = None  # sign receipts with another key (a forgery)
    health_body: bytes | None = None  # answer /v1/health with these bytes instead
    upload_answer: bytes | None = None  # answer POST /v1/uploads with these bytes instead
    requests: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def approve(self, device_id: str, bundle: PublicBundle) -> None:
        self.devices[device_id] = bundle

    def seen(self, nonce: str) -> bool:
        known = nonce in self.nonces
        self.nonces.add(nonce)
        return known

    def ingest(self, upload: Upload) -> bytes:
        opened = open_package(bytes(upload.data), self.identity, self.devices.get)
        key = (opened.device_id, opened.sequence)
        if key in self.packages and self.packages[key].package_hash != opened.package_hash:
            raise PackageRejected("sequence already used by another package")
        self.packages[key] = opened
        receipt = make_receipt(
            self.receipt_signer or self.identity,
            device_id=opened.device_id,
            sequence=opened.sequence,
            package_hash=opened.package_hash,
            counts={"revisions": len(opened.revisions), "chunks": len(opened.attachments)},
            received_at="2026-11-23T12:00:00.000Z",
        )
        self.receipts[key] = receipt
        return receipt


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet in tests
        return

    # -- helpers -------------------------------------------------------------

    @property
    def hq(self) -> FakeHQ:
        return self.server.hq

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(
        self,
        status: int,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        kind: str = "application/json",
    ) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, value: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(value).encode(), headers)

    def _device(self, body: bytes) -> str | None:
        try:
            return verify_token(
                token_from_header(self.headers.get("Authorization")),
                self.command,
                self.path,
                hashlib.sha256(body).hexdigest(),
                self.hq.devices.get,
                time.time(),
                self.hq.seen,
            )
        except PackageRejected as exc:
            self._json(401, {"error": "not authorised", "reason": exc.reason})
            return None

    # -- routes --------------------------------------------------------------

    def do_GET(self) -> None:
        self.hq.requests.append(("GET", self.path))
        url = urlsplit(self.path)
        if url.path == "/v1/health" and self.hq.health_body is not None:
            self._send(200, self.hq.health_body)
            return
        if url.path == "/v1/health":
            fingerprint = self.hq.announce_fingerprint or self.hq.identity.fingerprint
            self._json(200, {"status": "ok", "hq_fingerprint": fingerprint})
            return
        if url.path == "/v1/receipts":
            device = self._device(b"")
            if device is None:
                return
            after = int(parse_qs(url.query).get("after", ["0"])[0])
            found = sorted((seq, r) for (d, seq), r in self.hq.receipts.items() if d == device)
            encoded = [base64.b64encode(r).decode() for seq, r in found if seq > after]
            self._json(200, {"receipts": encoded})
            return
        self._json(404, {"error": "not found"})

    def do_POST(self) -> None:
        self.hq.requests.append(("POST", self.path))
        body = self._body()
        if self.path == "/v1/enrollments":
            try:
                request = verify_enrollment_request(body)
            except PackageRejected as exc:
                self._json(422, {"error": "package rejected", "reason": exc.reason})
                return
            self.hq.enrollments.append(request)
            self._json(202, {"device_fingerprint": request.fingerprint, "status": "pending"})
            return
        if self.path != "/v1/uploads":
            self._json(404, {"error": "not found"})
            return
        device = self._device(body)
        if device is None:
            return
        if self.hq.upload_answer is not None:
            self._send(201, self.hq.upload_answer)
            return
        announced = json.loads(body)
        with self.hq.lock:
            for upload_id, upload in self.hq.uploads.items():
                if upload.sha256 == announced["sha256"] and upload.device_id == device:
                    self._json(201, {"upload_id": upload_id, "offset": len(upload.data)})
                    return
            upload_id = secrets.token_hex(8)
            self.hq.uploads[upload_id] = Upload(device, announced["sha256"], announced["size"])
        self._json(201, {"upload_id": upload_id, "offset": 0})

    def do_HEAD(self) -> None:
        self.hq.requests.append(("HEAD", self.path))
        if self._device(b"") is None:
            return
        upload = self.hq.uploads.get(self.path.rsplit("/", 1)[-1])
        if upload is None:
            self._send(404)
            return
        self._send(200, headers={"Upload-Offset": str(len(upload.data))})

    def do_PATCH(self) -> None:
        self.hq.requests.append(("PATCH", self.path))
        body = self._body()
        if self.hq.fail_next:
            self._json(self.hq.fail_next.pop(0), {"error": "injected failure"})
            return
        if self._device(body) is None:
            return
        upload = self.hq.uploads.get(self.path.rsplit("/", 1)[-1])
        if upload is None:
            self._json(404, {"error": "no such upload"})
            return
        offset = int(self.headers.get("Upload-Offset", "-1"))
        if offset != len(upload.data):
            self._json(409, {"error": "offset mismatch"}, {"Upload-Offset": str(len(upload.data))})
            return
        upload.data += body[: self.hq.max_patch] if self.hq.max_patch else body
        if len(upload.data) < upload.size:
            self._send(204, headers={"Upload-Offset": str(len(upload.data))})
            return
        if hashlib.sha256(upload.data).hexdigest() != upload.sha256:
            self._json(422, {"error": "package rejected", "reason": "sha256 mismatch"})
            return
        try:
            receipt = upload.receipt or self.hq.ingest(upload)
        except PackageRejected as exc:
            self._json(422, {"error": "package rejected", "reason": exc.reason})
            return
        upload.receipt = receipt
        if self.hq.lose_final_answer:
            self.hq.lose_final_answer = False
            self._json(503, {"error": "answer lost"})
            return
        self._send(200, receipt, kind="application/octet-stream")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    hq: FakeHQ

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet: a client hanging up mid-answer is a case under test, not a server bug
        (the default prints a traceback into the CLI's captured stderr)."""


@dataclass
class Running:
    hq: FakeHQ
    url: str
    ca_pem: str


@contextmanager
def serve(hq: FakeHQ) -> Iterator[Running]:
    """Serve *hq* over TLS on an ephemeral 127.0.0.1 port, certificate from a test CA."""
    authority = trustme.CA()
    certificate = authority.issue_cert("127.0.0.1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    server = _Server(("127.0.0.1", 0), _Handler)
    server.hq = hq
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        yield Running(hq, f"https://127.0.0.1:{port}", authority.cert_pem.bytes().decode())
    finally:
        server.shutdown()
        server.server_close()
