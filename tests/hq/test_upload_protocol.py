"""The resumable upload protocol over real TLS on 127.0.0.1 (DESIGN §8 delivery).

Packages here are opaque bytes FakeKeys recognises, so these tests are about
the transport: offsets, resumption, caps, authentication and the receipt at
the end. Real packages go through tests/hq/test_sync_end_to_end.py.
"""

from __future__ import annotations

import base64
import hashlib
import os

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hradvisor.hq.service import HQService
from tests.hq.conftest import TLSFiles, tls_client
from tests.hq.helpers import FakeKeys, approve, chain, make_revision

AUTH = {"Authorization": "HRDevice dev-a"}


def new_package(service: HQService, size: int, sequence: int = 1) -> bytes:
    """Opaque bytes that FakeKeys opens as package *sequence* of dev-a."""
    packages = chain("dev-a", [[make_revision(f"inc-{n}")] for n in range(1, sequence + 1)])
    data = os.urandom(size)
    assert isinstance(service.keys, FakeKeys)
    service.keys.known[data] = packages[-1]
    return data


def announce(client: httpx.Client, data: bytes) -> httpx.Response:
    sha = hashlib.sha256(data).hexdigest()
    return client.post("/v1/uploads", json={"sha256": sha, "size": len(data)}, headers=AUTH)


def patch(client: httpx.Client, upload_id: str, offset: int, chunk: bytes) -> httpx.Response:
    headers = {**AUTH, "Upload-Offset": str(offset)}
    return client.patch(f"/v1/uploads/{upload_id}", content=chunk, headers=headers)


@pytest.fixture
def client(fake_service: HQService, fake_server: str, tls: TLSFiles) -> httpx.Client:
    approve(fake_service, "dev-a")
    with tls_client(tls, fake_server) as opened:
        yield opened


def test_health_names_the_hq_fingerprint(client: httpx.Client) -> None:
    answer = client.get("/v1/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "hq_fingerprint": "TESTHQFINGERPRINT"}


def test_plain_http_is_not_served(fake_server: str) -> None:
    with pytest.raises(httpx.HTTPError):
        httpx.get(fake_server.replace("https", "http") + "/v1/health", timeout=5)


def test_whole_upload_in_one_patch_returns_the_receipt(
    client: httpx.Client, fake_service: HQService
) -> None:
    data = new_package(fake_service, 5000)
    started = announce(client, data)
    assert started.status_code == 201 and started.json()["offset"] == 0
    done = patch(client, started.json()["upload_id"], 0, data)
    assert done.status_code == 200
    assert done.headers["content-type"] == "application/octet-stream"
    assert b'"device_id": "dev-a"' in done.content
    with fake_service.store.db.read() as conn:
        assert conn.execute("SELECT count(*) FROM upload_chunks").fetchone()[0] == 0


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cuts=st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=4))
def test_upload_cut_anywhere_resumes_byte_identically(
    client: httpx.Client, fake_service: HQService, cuts: list[float]
) -> None:
    data = new_package(fake_service, 40_000)
    upload_id = announce(client, data).json()["upload_id"]
    for cut in sorted(cuts):
        # The connection drops after part of the bytes: HQ keeps what it committed.
        offset = int(client.head(f"/v1/uploads/{upload_id}", headers=AUTH).headers["Upload-Offset"])
        end = max(offset, int(len(data) * cut))
        if end == offset or end == len(data):
            continue
        assert patch(client, upload_id, offset, data[offset:end]).status_code == 204
        again = announce(client, data)  # a device that lost every answer asks again
        assert again.json() == {"upload_id": upload_id, "offset": end}
    offset = int(client.head(f"/v1/uploads/{upload_id}", headers=AUTH).headers["Upload-Offset"])
    assert patch(client, upload_id, offset, data[offset:]).status_code == 200
    assert fake_service.uploads.get(upload_id, "dev-a").status == "done"


def test_wrong_offset_is_a_conflict_and_changes_nothing(
    client: httpx.Client, fake_service: HQService
) -> None:
    data = new_package(fake_service, 1000)
    upload_id = announce(client, data).json()["upload_id"]
    assert patch(client, upload_id, 0, data[:100]).status_code == 204
    stale = patch(client, upload_id, 0, data[:100])
    assert stale.status_code == 409 and stale.headers["Upload-Offset"] == "100"
    assert fake_service.uploads.get(upload_id, "dev-a").received == 100


def test_more_bytes_than_announced_are_refused(
    client: httpx.Client, fake_service: HQService
) -> None:
    data = new_package(fake_service, 1000)
    upload_id = announce(client, data).json()["upload_id"]
    assert patch(client, upload_id, 0, data + b"extra").status_code == 413
    assert fake_service.uploads.get(upload_id, "dev-a").received == 0


def test_oversized_announcement_and_body_are_refused_before_buffering(
    client: httpx.Client, fake_service: HQService
) -> None:
    cap = fake_service.uploads.max_size
    too_big = client.post("/v1/uploads", json={"sha256": "a" * 64, "size": cap + 1}, headers=AUTH)
    assert too_big.status_code == 413
    data = new_package(fake_service, 100)
    upload_id = announce(client, data).json()["upload_id"]
    flood = patch(client, upload_id, 0, b"\0" * (cap + 1))
    assert flood.status_code == 413


def test_bytes_that_do_not_match_the_checksum_are_discarded(
    client: httpx.Client, fake_service: HQService
) -> None:
    data = new_package(fake_service, 1000)
    upload_id = announce(client, data).json()["upload_id"]
    flipped = bytes([data[0] ^ 1]) + data[1:]
    answer = patch(client, upload_id, 0, flipped)
    assert answer.status_code == 422 and "sha256" in answer.json()["error"]
    with fake_service.store.db.read() as conn:
        assert conn.execute("SELECT count(*) FROM uploads").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM upload_chunks").fetchone()[0] == 0


def test_completed_upload_gives_the_same_receipt_again(
    client: httpx.Client, fake_service: HQService
) -> None:
    data = new_package(fake_service, 1000)
    upload_id = announce(client, data).json()["upload_id"]
    first = patch(client, upload_id, 0, data)
    again = announce(client, data)
    assert again.status_code == 201 and again.json()["offset"] == len(data)
    repeat = patch(client, upload_id, len(data), b"")
    assert repeat.status_code == 200 and repeat.content == first.content
    listed = client.get("/v1/receipts?after=0", headers=AUTH).json()["receipts"]
    assert [base64.b64decode(entry) for entry in listed] == [first.content]
    assert client.get("/v1/receipts?after=1", headers=AUTH).json() == {"receipts": []}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer dev-a"}, {"Authorization": "HRDevice nobody"}],
    ids=["none", "other-scheme", "unknown-device"],
)
def test_requests_without_a_valid_device_token_are_refused(
    client: httpx.Client, headers: dict[str, str]
) -> None:
    answer = client.post("/v1/uploads", json={"sha256": "a" * 64, "size": 10}, headers=headers)
    assert answer.status_code == 401


def test_an_upload_is_invisible_to_other_devices(
    client: httpx.Client, fake_service: HQService
) -> None:
    approve(fake_service, "dev-b")
    data = new_package(fake_service, 1000)
    upload_id = announce(client, data).json()["upload_id"]
    other = {"Authorization": "HRDevice dev-b", "Upload-Offset": "0"}
    assert client.patch(f"/v1/uploads/{upload_id}", content=data, headers=other).status_code == 404


def test_revoked_device_is_refused_at_the_door(
    client: httpx.Client, fake_service: HQService
) -> None:
    fake_service.devices.revoke("dev-a")
    assert announce(client, b"anything").status_code == 401


def test_two_requests_finishing_the_same_upload_give_one_package(fake_service: HQService) -> None:
    approve(fake_service, "dev-a")
    data = new_package(fake_service, 1000)
    started = fake_service.uploads.start("dev-a", hashlib.sha256(data).hexdigest(), len(data))
    stale = fake_service.uploads.append(started.upload_id, "dev-a", 0, data)
    first = fake_service.finish_upload(stale)
    second = fake_service.finish_upload(stale)  # the same, already finished, upload object
    assert second.receipt == first.receipt and second.replay
    with fake_service.store.db.read() as conn:
        assert conn.execute("SELECT count(*) FROM packages").fetchone()[0] == 1
        assert conn.execute("SELECT status FROM uploads").fetchall() == [("done",)]


def test_uploads_abandoned_for_long_are_forgotten_at_start(fake_service: HQService) -> None:
    approve(fake_service, "dev-a")
    fresh = fake_service.uploads.start("dev-a", "a" * 64, 100)
    old = fake_service.uploads.start("dev-a", "b" * 64, 100)
    fake_service.uploads.append(old.upload_id, "dev-a", 0, b"x" * 10)
    with fake_service.store.db.write() as conn:
        conn.execute(
            "UPDATE uploads SET created_at = '2020-01-01T00:00:00.000Z' WHERE upload_id = ?",
            (old.upload_id,),
        )
    assert fake_service.recover_uploads() == 0
    with fake_service.store.db.read() as conn:
        assert conn.execute("SELECT upload_id FROM uploads").fetchall() == [(fresh.upload_id,)]
        assert conn.execute("SELECT count(*) FROM upload_chunks").fetchone()[0] == 0
