"""``hradvisor sync push`` against an HQ on 127.0.0.1 over TLS: delivery, resume, faults."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hradvisor.store import open_vault
from hradvisor.sync import Identity, generate_identity, make_receipt
from hradvisor.sync.outbox import Outbox
from hradvisor.sync.transport import HQClient
from tests.cli.conftest import Cli, add_incidents
from tests.conftest import PASSPHRASE, make_incident
from tests.sync.fake_hq import FakeHQ, Running, serve


@pytest.fixture
def running(hq: Identity) -> Iterator[Running]:
    with serve(FakeHQ(hq)) as server:
        yield server


@pytest.fixture(autouse=True)
def _no_backoff_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("hradvisor.sync.transport.time.sleep", lambda _seconds: None)


def _enroll(cli: Cli, tmp_path: Path, running: Running, *, approve: bool = True) -> str:
    bundle = tmp_path / "hq.bundle"
    bundle.write_bytes(running.hq.identity.public_bundle().to_bytes())
    ca = tmp_path / "hq-ca.pem"
    ca.write_text(running.ca_pem)
    result = cli(
        "sync", "enroll", "--hq-bundle", bundle, "--url", running.url, "--ca", ca,
        "--label", "Elsenmoor laptop", "--yes",
    ).ok()  # fmt: skip
    request = running.hq.enrollments[-1]
    assert request.fingerprint in result.out
    if approve:
        running.hq.approve(request.device_id, request.bundle)
    return request.device_id


def _status(cli: Cli) -> dict[str, object]:
    return cli("sync", "status", "--json").ok().json()  # type: ignore[no-any-return]


def test_enroll_then_push_delivers_and_records_the_receipt(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    device_id = _enroll(cli, tmp_path, running)
    add_incidents(unlocked, [make_incident(title=f"Pushed {i}") for i in range(3)])
    result = cli("sync", "push").ok()
    assert "Package 1 delivered" in result.out
    assert result.err == ""  # quiet when not on a terminal: no progress bar
    package = running.hq.packages[(device_id, 1)]
    assert sorted(r["body"]["title"] for r in package.revisions) == [
        "Pushed 0",
        "Pushed 1",
        "Pushed 2",
    ]
    status = _status(cli)
    assert status["packages_pending"] == 0 and status["revisions_delivered"] == 3
    assert "Nothing to send" in cli("sync", "push").ok().err


def test_upload_resumes_from_the_server_offset(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    _enroll(cli, tmp_path, running)
    add_incidents(unlocked, [make_incident()])
    running.hq.max_patch = 7_000  # the server keeps only part of each PATCH
    running.hq.fail_next = [503, 502]
    cli("sync", "push").ok()
    size = len(running.hq.uploads[next(iter(running.hq.uploads))].data)
    patches = [path for method, path in running.hq.requests if method == "PATCH"]
    assert len(patches) >= size // 7_000 + 2  # every piece from the server's offset, + 2 retries
    assert _status(cli)["packages_pending"] == 0


def test_lost_final_answer_is_recovered_without_a_second_package(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    device_id = _enroll(cli, tmp_path, running)
    add_incidents(unlocked, [make_incident()])
    running.hq.lose_final_answer = True
    cli("sync", "push").ok()
    assert list(running.hq.packages) == [(device_id, 1)]
    assert any(method == "HEAD" for method, _ in running.hq.requests)  # asked where it stood
    assert _status(cli)["revisions_delivered"] == 1


def test_hq_unreachable_keeps_everything_then_delivers(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    _enroll(cli, tmp_path, running)
    add_incidents(unlocked, [make_incident()])
    running.hq.fail_next = [503] * 20
    assert "unreachable" in cli("sync", "push").error(1)
    assert _status(cli)["packages_pending"] == 1
    running.hq.fail_next = []
    cli("sync", "push").ok()
    assert _status(cli)["packages_pending"] == 0
    assert len(running.hq.packages) == 1


def test_server_with_another_hq_fingerprint_gets_nothing(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    _enroll(cli, tmp_path, running)
    add_incidents(unlocked, [make_incident()])
    running.hq.announce_fingerprint = generate_identity().fingerprint
    before = len(running.hq.requests)
    assert "not the HQ" in cli("sync", "push").error(1)
    assert running.hq.requests[before:] == [("GET", "/v1/health")]
    assert running.hq.packages == {}


def test_forged_receipt_from_the_server_is_rejected(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running, stranger: Identity
) -> None:
    _enroll(cli, tmp_path, running)
    add_incidents(unlocked, [make_incident()])
    running.hq.receipt_signer = stranger
    assert cli("sync", "push").error(5).startswith("receipt rejected")
    status = _status(cli)
    assert status["packages_pending"] == 1 and status["revisions_delivered"] == 0


def test_unapproved_device_is_told_so(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    _enroll(cli, tmp_path, running, approve=False)
    add_incidents(unlocked, [make_incident()])
    assert "not be approved yet" in cli("sync", "push").error(1)


def test_untrusted_certificate_is_refused(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    bundle = tmp_path / "hq.bundle"
    bundle.write_bytes(running.hq.identity.public_bundle().to_bytes())
    result = cli("sync", "enroll", "--hq-bundle", bundle, "--url", running.url, "--yes")
    assert result.code == 1
    last = result.err.splitlines()[-1]
    assert last.startswith("hradvisor: error: ") and "--ca" in last
    assert running.hq.enrollments == []


def test_vault_older_than_hq_knows_is_detected(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    """HQ holds package 5 of this device; the vault never wrote it: a rolled-back copy."""
    device_id = _enroll(cli, tmp_path, running)
    add_incidents(unlocked, [make_incident()])
    cli("sync", "push").ok()
    running.hq.receipts[(device_id, 5)] = make_receipt(
        running.hq.identity, device_id=device_id, sequence=5, package_hash="ab" * 32,
        counts={}, received_at="2026-11-23T12:00:00.000Z",
    )  # fmt: skip
    assert "older copy" in cli("sync", "push").error(4)


def test_attachments_arrive_whole(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    device_id = _enroll(cli, tmp_path, running)
    incident = make_incident()
    content = bytes(range(256)) * 9000
    with open_vault(unlocked, PASSPHRASE) as vault:
        vault.incidents.add(incident)
        vault.attachments.add(incident.id, content, filename="recording.ogg")
    cli("sync", "push").ok()
    chunks = [
        c for (d, _), p in running.hq.packages.items() if d == device_id for c in p.attachments
    ]
    assert b"".join(c.data for c in sorted(chunks, key=lambda c: c.offset)) == content
    with open_vault(unlocked, PASSPHRASE) as vault:
        assert Outbox(vault).status().counts["attachments_not_packaged"] == 0


def test_crash_between_upload_and_receipt_is_recovered(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    """HQ ingested the package but the device died before recording the receipt."""
    device_id = _enroll(cli, tmp_path, running)
    add_incidents(unlocked, [make_incident()])
    with open_vault(unlocked, PASSPHRASE) as vault:
        outbox = Outbox(vault)
        outbox.prepare()
        identity = outbox.identity()
        with HQClient(
            running.url, identity=identity, device_id=device_id, ca_pem=running.ca_pem
        ) as client:
            client.upload(outbox.package_bytes(1))  # ... and the laptop loses power here
    uploads_before = len(running.hq.uploads)
    result = cli("sync", "push").ok()
    assert "1 earlier package(s) confirmed by HQ" in result.err
    assert len(running.hq.uploads) == uploads_before  # nothing sent twice
    assert _status(cli)["revisions_delivered"] == 1


def test_oversized_answer_is_not_buffered(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    _enroll(cli, tmp_path, running)
    running.hq.health_body = b"{" + b" " * (9 * 1024 * 1024) + b"}"
    assert "too large" in cli("sync", "push").error(1)


@pytest.mark.parametrize(
    "answer", [b"not json", b"[]", b'{"upload_id": "../x", "offset": 0}', b'{"upload_id": "u"}']
)
def test_malformed_upload_answer_is_a_clear_error(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running, answer: bytes
) -> None:
    _enroll(cli, tmp_path, running)
    add_incidents(unlocked, [make_incident()])
    running.hq.upload_answer = answer
    assert "malformed" in cli("sync", "push").error(1)
    assert _status(cli)["packages_pending"] == 1


def test_enrolling_with_a_server_that_is_not_that_hq_pins_nothing(
    cli: Cli, unlocked: Path, tmp_path: Path, running: Running
) -> None:
    running.hq.announce_fingerprint = generate_identity().fingerprint
    bundle = tmp_path / "hq.bundle"
    bundle.write_bytes(running.hq.identity.public_bundle().to_bytes())
    ca = tmp_path / "hq-ca.pem"
    ca.write_text(running.ca_pem)
    result = cli("sync", "enroll", "--hq-bundle", bundle, "--url", running.url, "--ca", ca, "--yes")
    assert result.code == 1 and "not the HQ" in result.err
    assert running.hq.enrollments == []
    assert _status(cli)["hq_fingerprint"] is None
