"""The HQ web service (FastAPI): enrollment, resumable uploads, receipts.

Transport only moves bytes; the package is the security boundary. Still, a
request must come from an approved device: each one carries a device-signed
token (``Authorization: HRDevice <token>``) bound to its method, path and body
hash, checked against a time window and a nonce cache, so a recorded request
cannot be replayed and a revoked device is refused at the door.

Bodies are read with a cap before anything is buffered beyond it, and all
database and crypto work runs in the thread pool, off the event loop.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from hradvisor.hq.devices import DeviceAlreadyEnrolled
from hradvisor.hq.errors import Rejected, UploadError
from hradvisor.hq.ingest import IngestOutcome
from hradvisor.hq.service import HQService

log = logging.getLogger("hradvisor.hq")
ENROLLMENT_MAX = 256 * 1024
# Bodies are read (and their hash checked against the device's token) before
# anything else; at most this many large bodies are buffered at once, which
# bounds memory however many connections arrive.
BODY_SLOTS = 16
JSON_MAX = 4 * 1024
AUTH_SCHEME = "HRDevice"
RECEIPT_TYPE = "application/octet-stream"


class _TooLarge(Exception):
    """The body is longer than this endpoint takes (413, nothing buffered past the cap)."""


class _Unauthorized(Exception):
    """No valid token of an approved device (401)."""


async def _read_capped(request: Request, limit: int) -> bytes:
    """The request body, refusing (before buffering it) anything longer than *limit*."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise _TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _TooLarge
    return bytes(body)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _receipt_response(outcome: IngestOutcome) -> Response:
    headers = {"Upload-Sequence": str(outcome.sequence)}
    if outcome.gaps:
        headers["Upload-Gaps"] = ",".join(f"{g.first}-{g.last}" for g in outcome.gaps)
    return Response(outcome.receipt, status_code=200, media_type=RECEIPT_TYPE, headers=headers)


def _guarded(
    handler: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """The handler, with HQ's errors turned into the answers docs/package-format.md lists."""

    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except _TooLarge:
            return _error(413, "request body too large")
        except _Unauthorized as exc:
            return _error(401, f"not authorised: {exc}")
        except UploadError as exc:
            answer = _error(exc.status, str(exc))
            if exc.offset is not None:
                answer.headers["Upload-Offset"] = str(exc.offset)
            return answer
        except Rejected as exc:
            return JSONResponse(
                {"error": "package rejected", "reason": exc.reason}, status_code=422
            )

    return run


class _Intake:
    """The request handlers over one HQService; database and crypto work go to the thread pool."""

    def __init__(self, service: HQService) -> None:
        self.service = service
        self.body_slots = asyncio.Semaphore(BODY_SLOTS)

    async def authenticated(self, request: Request, body: bytes) -> str:
        """The approved device that signed this request, or _Unauthorized."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme != AUTH_SCHEME or not token.strip():
            raise _Unauthorized("missing device token")
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        digest = hashlib.sha256(body).hexdigest()
        try:
            return await run_in_threadpool(
                self.service.authenticate, token.strip(), request.method, path, digest
            )
        except Rejected as exc:
            raise _Unauthorized(exc.reason) from None

    async def health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok", "hq_fingerprint": self.service.keys.fingerprint})

    async def bundle(self, request: Request) -> Response:
        return Response(self.service.keys.public_bundle, media_type=RECEIPT_TYPE)

    async def enroll(self, request: Request) -> Response:
        body = await _read_capped(request, ENROLLMENT_MAX)
        try:
            device = await run_in_threadpool(self.service.enroll, body)
        except DeviceAlreadyEnrolled as exc:
            return _error(409, str(exc))
        return JSONResponse(
            {"device_fingerprint": device.fingerprint, "status": device.status}, status_code=202
        )

    async def start_upload(self, request: Request) -> Response:
        body = await _read_capped(request, JSON_MAX)
        device_id = await self.authenticated(request, body)
        announced = _json_object(body)
        upload = await run_in_threadpool(
            self.service.uploads.start, device_id, announced.get("sha256"), announced.get("size")
        )
        return JSONResponse(
            {"upload_id": upload.upload_id, "offset": upload.received},
            status_code=201,
            headers={"Upload-Offset": str(upload.received)},
        )

    async def upload_offset(self, request: Request) -> Response:
        device_id = await self.authenticated(request, b"")
        upload = await run_in_threadpool(
            self.service.uploads.get, request.path_params["upload_id"], device_id
        )
        headers = {
            "Upload-Offset": str(upload.received),
            "Upload-Length": str(upload.size),
            "Cache-Control": "no-store",
        }
        return Response(status_code=200, headers=headers)

    async def upload_bytes(self, request: Request) -> Response:
        offset_text = request.headers.get("upload-offset", "")
        if not offset_text.isdigit() or len(offset_text) > 12:
            return _error(400, "Upload-Offset header missing or not a number")
        async with self.body_slots:  # held until this body is stored: bounds memory
            body = await _read_capped(request, self.service.uploads.max_size)
            return await self.store_bytes(request, int(offset_text), body)

    async def store_bytes(self, request: Request, offset: int, body: bytes) -> Response:
        device_id = await self.authenticated(request, body)
        upload_id = request.path_params["upload_id"]
        if body:
            upload = await run_in_threadpool(
                self.service.uploads.append, upload_id, device_id, offset, body
            )
        else:  # asking again for the receipt of a complete upload
            upload = await run_in_threadpool(self.service.uploads.get, upload_id, device_id)
            if offset != upload.received:
                raise UploadError(
                    409, f"offset mismatch: the upload is at {upload.received}",
                    offset=upload.received,
                )  # fmt: skip
        if not upload.complete:
            return Response(status_code=204, headers={"Upload-Offset": str(upload.received)})
        return _receipt_response(await run_in_threadpool(self.service.finish_upload, upload))

    async def receipts(self, request: Request) -> Response:
        device_id = await self.authenticated(request, b"")
        after_text = request.query_params.get("after", "0")
        if not after_text.isdigit() or len(after_text) > 15:
            return _error(400, "after must be a sequence number")
        found = await run_in_threadpool(self.service.receipts_after, device_id, int(after_text))
        encoded = [base64.b64encode(receipt).decode("ascii") for _, receipt in found]
        return JSONResponse({"receipts": encoded})


def create_app(service: HQService) -> FastAPI:
    """The ASGI app serving *service*; no docs pages (nothing to browse on an intake)."""
    app = FastAPI(title="hradvisor HQ", docs_url=None, redoc_url=None, openapi_url=None)
    intake = _Intake(service)
    routes: list[tuple[str, str, Callable[[Request], Awaitable[Response]]]] = [
        ("/v1/health", "GET", intake.health),
        ("/v1/hq-bundle", "GET", intake.bundle),
        ("/v1/enrollments", "POST", intake.enroll),
        ("/v1/uploads", "POST", intake.start_upload),
        ("/v1/uploads/{upload_id}", "HEAD", intake.upload_offset),
        ("/v1/uploads/{upload_id}", "PATCH", intake.upload_bytes),
        ("/v1/receipts", "GET", intake.receipts),
    ]
    for path, method, handler in routes:
        app.add_api_route(path, _guarded(handler), methods=[method])
    return app


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise UploadError(400, "the body must be a JSON object") from None
    if not isinstance(value, dict):
        raise UploadError(400, "the body must be a JSON object")
    return value


def make_server(
    app: FastAPI, *, host: str, port: int, certfile: str, keyfile: str
) -> uvicorn.Server:
    """A uvicorn server for *app* that speaks only TLS (1.2 or later, uvicorn's default)."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        log_level="warning",
        access_log=False,  # request lines are noise; ingest logs what matters
        server_header=False,
        proxy_headers=False,
        timeout_keep_alive=30,
    )
    return uvicorn.Server(config)
