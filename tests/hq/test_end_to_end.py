"""Field device to HQ over real TLS with the real package layer (DESIGN §8, §12).

Enrollment, approval, signed request tokens, resumable upload, signed
receipt; replayed tokens and revoked devices refused; 50 concurrent uploads
all arrive exactly once.
"""

from __future__ import annotations

import base64
import concurrent.futures
import hashlib
import json
from pathlib import Path

import httpx
import pytest

from hradvisor.hq.service import HQService
from hradvisor.sync import PublicBundle, verify_receipt
from tests.hq.conftest import TLSFiles, running, tls_client
from tests.hq.field import FieldDevice


@pytest.fixture
def server(service: HQService, tls: TLSFiles) -> str:
    with running(service, tls) as url:
        yield url


def count(service: HQService, table: str) -> int:
    with service.store.db.read() as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_enroll_approve_upload_receipt(
    service: HQService, hq_bundle: PublicBundle, server: str, tls: TLSFiles
) -> None:
    laptop = FieldDevice(hq_bundle)
    with tls_client(tls, server) as client:
        health = client.get("/v1/health").json()
        assert health["hq_fingerprint"] == hq_bundle.fingerprint
        enrolled = client.post("/v1/enrollments", content=laptop.enrollment())
        assert enrolled.status_code == 202
        assert enrolled.json() == {
            "device_fingerprint": laptop.identity.fingerprint,
            "status": "pending",
        }
        package = laptop.package()
        early = laptop.upload(client, package.data)
        assert early.status_code == 401  # not approved yet: refused at the door
        service.devices.approve(laptop.identity.fingerprint)
        answer = laptop.upload(client, package.data, chunk=10_000)
        assert answer.status_code == 200
        receipt = verify_receipt(answer.content, hq_bundle)
        assert (receipt.device_id, receipt.sequence) == (laptop.device_id, 1)
        assert receipt.package_hash == package.package_hash
        assert receipt.counts["revisions"] == 3 and receipt.counts["new_revisions"] == 3
        path = "/v1/receipts?after=0"
        listed = client.get(path, headers=laptop.auth("GET", path)).json()["receipts"]
        assert [base64.b64decode(item) for item in listed] == [answer.content]
    assert count(service, "revisions") == 3


def test_same_package_twice_is_stored_once(
    service: HQService, device: FieldDevice, server: str, tls: TLSFiles
) -> None:
    package = device.package()
    with tls_client(tls, server) as client:
        first = device.upload(client, package.data)
        again = device.upload(client, package.data)
    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert service.ingest(package.data, via="file").receipt == first.content
    assert (count(service, "packages"), count(service, "revisions")) == (1, 3)


def test_a_recorded_request_cannot_be_replayed(
    device: FieldDevice, server: str, tls: TLSFiles
) -> None:
    headers = device.auth("GET", "/v1/receipts?after=0")
    with tls_client(tls, server) as client:
        assert client.get("/v1/receipts?after=0", headers=headers).status_code == 200
        replay = client.get("/v1/receipts?after=0", headers=headers)
        assert replay.status_code == 401 and "replayed" in replay.json()["error"]
        other_path = client.get("/v1/receipts?after=5", headers=device.auth("GET", "/v1/x"))
        assert other_path.status_code == 401


def test_revoked_device_is_refused(
    service: HQService, device: FieldDevice, server: str, tls: TLSFiles
) -> None:
    service.devices.revoke(device.device_id)
    with tls_client(tls, server) as client:
        assert device.upload(client, device.package().data).status_code == 401
    assert count(service, "uploads") == 0


def test_enrollment_for_another_hq_is_refused(
    service: HQService, server: str, tls: TLSFiles
) -> None:
    from hradvisor.sync import generate_identity

    elsewhere = FieldDevice(generate_identity().public_bundle())
    with tls_client(tls, server) as client:
        answer = client.post("/v1/enrollments", content=elsewhere.enrollment())
    assert answer.status_code == 422 and "another HQ" in answer.json()["reason"]
    assert count(service, "devices") == 0


def test_fifty_concurrent_uploads_none_lost(
    service: HQService, hq_bundle: PublicBundle, server: str, tls: TLSFiles
) -> None:
    laptops = [FieldDevice(hq_bundle) for _ in range(5)]
    for laptop in laptops:
        service.enroll(laptop.enrollment())
        service.devices.approve(laptop.device_id)
    jobs = [(laptop, laptop.package()) for _ in range(10) for laptop in laptops]

    def send(job: tuple[FieldDevice, object]) -> bytes:
        laptop, package = job
        with tls_client(tls, server) as client:
            answer = laptop.upload(client, package.data, chunk=4096)  # type: ignore[attr-defined]
        assert answer.status_code == 200, answer.text
        return answer.content

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        receipts = list(pool.map(send, jobs))
    verified = {(r.device_id, r.sequence) for r in (verify_receipt(x, hq_bundle) for x in receipts)}
    assert len(verified) == 50
    assert count(service, "packages") == 50 and count(service, "gaps") == 0
    assert count(service, "revisions") == 150
    assert count(service, "upload_chunks") == 0


def test_plain_http_is_refused(server: str) -> None:
    with pytest.raises(httpx.HTTPError):
        httpx.get(server.replace("https://", "http://") + "/v1/health", timeout=5)


def test_no_plaintext_at_hq_at_rest(
    service: HQService,
    device: FieldDevice,
    server: str,
    tls: TLSFiles,
    hq_dir: Path,
    private_tmp: Path,
) -> None:
    """Narratives travel inside packages; at HQ they exist only inside the encrypted store."""
    canary = "Canary-7f3a narrative that must never be readable on disk"
    finished = device.package(device.revisions(2, narrative=canary))
    partial = device.package(device.revisions(2, narrative=canary))
    assert canary.encode() not in finished.data  # the package itself is encrypted
    with tls_client(tls, server) as client:
        assert device.upload(client, finished.data).status_code == 200
        body = json.dumps(
            {"sha256": hashlib.sha256(partial.data).hexdigest(), "size": len(partial.data)}
        ).encode()
        started = client.post(
            "/v1/uploads", content=body, headers=device.auth("POST", "/v1/uploads", body)
        )
        path = f"/v1/uploads/{started.json()['upload_id']}"
        piece = partial.data[: len(partial.data) // 2]
        headers = {**device.auth("PATCH", path, piece), "Upload-Offset": "0"}
        assert client.patch(path, content=piece, headers=headers).status_code == 204
    assert count(service, "upload_chunks") == 1 and count(service, "revisions") == 2
    with service.store.db.read() as conn:  # it is there, readable through the key only
        bodies = [row[0] for row in conn.execute("SELECT body FROM revisions")]
    assert all(canary in body for body in bodies)
    for folder in (hq_dir, private_tmp):
        for file in folder.rglob("*"):
            if file.is_file():
                assert canary.encode() not in file.read_bytes(), file.name
