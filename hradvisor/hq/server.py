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


def create_app(service: HQService) -> FastAPI:
    """The ASGI app serving *service*; no docs pages (nothing to browse on an intake)."""
    app = FastAPI(title="hradvisor HQ", docs_url=None, redoc_url=None, openapi_url=None)
    body_slots = asyncio.Semaphore(BODY_SLOTS)

    async def authenticated(request: Request, body: bytes) -> str:
        """The approved device that signed this request, or _Unauthorized."""
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme != AUTH_SCHEME or not token.strip():
            raise _Unauthorized("missing device token")
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        digest = hashlib.sha256(body).hexdigest()
        try:
            return await run_in_threadpool(
                service.authenticate, token.strip(), request.method, path, digest
            )
        except Rejected as exc:
            raise _Unauthorized(exc.reason) from None

    def guarded(
        handler: Callable[[Request], Awaitable[Response]],
    ) -> Callable[[Request], Awaitable[Response]]:
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

    @app.get("/v1/health")
    async def health() -> dict[str, str]:
        return {"status": "ok", "hq_fingerprint": service.keys.fingerprint}

    @app.get("/v1/hq-bundle")
    async def bundle() -> Response:
        return Response(service.keys.public_bundle, media_type=RECEIPT_TYPE)

    async def enroll(request: Request) -> Response:
        body = await _read_capped(request, ENROLLMENT_MAX)
        try:
            device = await run_in_threadpool(service.enroll, body)
        except DeviceAlreadyEnrolled as exc:
            return _error(409, str(exc))
        return JSONResponse(
            {"device_fingerprint": device.fingerprint, "status": device.status}, status_code=202
        )

    async def start_upload(request: Request) -> Response:
        body = await _read_capped(request, JSON_MAX)
        device_id = await authenticated(request, body)
        announced = _json_object(body)
        before = await run_in_threadpool(
            service.uploads.start, device_id, announced.get("sha256"), announced.get("size")
        )
        return JSONResponse(
            {"upload_id": before.upload_id, "offset": before.received},
            status_code=201,
            headers={"Upload-Offset": str(before.received)},
        )

    async def upload_offset(request: Request) -> Response:
        device_id = await authenticated(request, b"")
        upload = await run_in_threadpool(
            service.uploads.get, request.path_params["upload_id"], device_id
        )
        return Response(
            status_code=200,
            headers={
                "Upload-Offset": str(upload.received),
                "Upload-Length": str(upload.size),
                "Cache-Control": "no-store",
            },
        )

    async def upload_bytes(request: Request) -> Response:
        upload_id = request.path_params["upload_id"]
        offset_text = request.headers.get("upload-offset", "")
        if not offset_text.isdigit() or len(offset_text) > 12:
            return _error(400, "Upload-Offset header missing or not a number")
        offset = int(offset_text)
        async with body_slots:  # held until this body is stored: bounds memory
            body = await _read_capped(request, service.uploads.max_size)
            return await store_bytes(request, upload_id, offset, body)

    async def store_bytes(request: Request, upload_id: str, offset: int, body: bytes) -> Response:
        device_id = await authenticated(request, body)
        if body:
            upload = await run_in_threadpool(
                service.uploads.append, upload_id, device_id, offset, body
            )
        else:  # asking again for the receipt of a complete upload
            upload = await run_in_threadpool(service.uploads.get, upload_id, device_id)
            if offset != upload.received:
                raise UploadError(
                    409,
                    f"offset mismatch: the upload is at {upload.received}",
                    offset=upload.received,
                )
        if not upload.complete:
            return Response(status_code=204, headers={"Upload-Offset": str(upload.received)})
        outcome = await run_in_threadpool(service.finish_upload, upload)
        return _receipt_response(outcome)

    async def receipts(request: Request) -> Response:
        device_id = await authenticated(request, b"")
        after_text = request.query_params.get("after", "0")
        if not after_text.isdigit():
            return _error(400, "after must be a sequence number")
        found = await run_in_threadpool(service.receipts_after, device_id, int(after_text))
        return JSONResponse(
            {"receipts": [base64.b64encode(receipt).decode("ascii") for _, receipt in found]}
        )

    routes: list[tuple[str, str, Callable[[Request], Awaitable[Response]]]] = [
        ("/v1/enrollments", "POST", enroll),
        ("/v1/uploads", "POST", start_upload),
        ("/v1/uploads/{upload_id}", "HEAD", upload_offset),
        ("/v1/uploads/{upload_id}", "PATCH", upload_bytes),
        ("/v1/receipts", "GET", receipts),
    ]
    for path, method, handler in routes:
        app.add_api_route(path, guarded(handler), methods=[method])
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
