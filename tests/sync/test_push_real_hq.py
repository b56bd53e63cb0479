"""The field CLI against the real HQ service (hradvisor.hq, uvicorn, TLS on 127.0.0.1).

The same client code as tests/sync/test_push.py, here meeting the real server:
enrollment, approval, a backlog with a consent-protected person and an
attachment, chained packages, resumed uploads, revocation.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from hradvisor.hq.service import HQService
from hradvisor.model import Person
from hradvisor.store import open_vault
from hradvisor.sync import PublicBundle
from hradvisor.sync.outbox import Outbox
from hradvisor.sync.transport import UPLOAD_CHUNK, HQClient
from tests.cli.conftest import Cli, add_incidents
from tests.conftest import PASSPHRASE, make_incident
from tests.hq.conftest import TLSFiles, running

NAME_CANARY = "Orlaith Vennicombe"


@pytest.fixture
def server(service: HQService, tls: TLSFiles) -> Iterator[str]:
    with running(service, tls) as url:
        yield url


def _count(service: HQService, sql: str) -> int:
    with service.store.db.read() as conn:
        return int(conn.execute(sql).fetchone()[0])


def _enroll(cli: Cli, tmp_path: Path, service: HQService, server: str, tls: TLSFiles) -> str:
    bundle = tmp_path / "hq.bundle"
    bundle.write_bytes(service.keys.public_bundle)
    cli(
        "sync", "enroll", "--hq-bundle", bundle, "--url", server, "--ca", tls.ca,
        "--label", "Elsenmoor laptop", "--yes",
    ).ok()  # fmt: skip
    status = cli("sync", "status", "--json").ok().json()
    device = service.devices.find(status["device_fingerprint"])
    assert device.status == "pending"
    service.devices.approve(status["device_fingerprint"])
    return str(status["device_id"])


def test_field_to_hq_end_to_end(
    cli: Cli, unlocked: Path, tmp_path: Path, service: HQService, server: str, tls: TLSFiles
) -> None:
    device_id = _enroll(cli, tmp_path, service, server, tls)
    incident = make_incident(title="Delivered to HQ")
    attachment = bytes(range(256)) * 5000
    with open_vault(unlocked, PASSPHRASE) as vault:
        vault.incidents.add(incident)
        vault.attachments.add(incident.id, attachment, filename="photo.jpg")
        vault.persons.save(Person(id=incident.id[:-4] + "beef", pseudonym="V-0101",
                                  name=NAME_CANARY, consent="internal-only"))  # fmt: skip
    result = cli("sync", "push").ok()
    assert "Package 1 delivered" in result.out
    status = cli("sync", "status", "--json").ok().json()
    assert status["packages_pending"] == 0 and status["revisions_delivered"] == 3
    assert _count(service, "SELECT count(*) FROM revisions") == 3
    assert _count(service, f"SELECT count(*) FROM revisions WHERE body LIKE '%{NAME_CANARY}%'") == 0
    assert _count(service, "SELECT count(*) FROM revisions WHERE redacted IS NOT NULL") == 1
    stored = _count(service, "SELECT coalesce(sum(length(data)), 0) FROM attachment_chunks")
    assert stored == len(attachment)

    add_incidents(unlocked, [make_incident(title="Second delivery")])
    assert "Package 2 delivered" in cli("sync", "push").ok().out
    assert service.receipts_after(device_id, 0)[-1][0] == 2
    assert "Nothing to send" in cli("sync", "push").ok().err


def test_interrupted_upload_resumes_on_the_real_server(
    cli: Cli, unlocked: Path, tmp_path: Path, service: HQService, server: str, tls: TLSFiles
) -> None:
    _enroll(cli, tmp_path, service, server, tls)
    incident = make_incident(title="Resumed")
    with open_vault(unlocked, PASSPHRASE) as vault:
        vault.incidents.add(incident)
        vault.attachments.add(incident.id, os.urandom(2_500_000), filename="video.mp4")
        outbox = Outbox(vault)
        outbox.prepare()
        data = outbox.package_bytes(1)
        ca = tls.ca.read_text()
        client = HQClient(server, identity=outbox.identity(), device_id=outbox.device_id, ca_pem=ca)
        with client:
            sent = []

            class Cut(Exception):
                pass

            def stop_after_first_piece(count: int) -> None:
                sent.append(count)
                if sum(sent) > 0:
                    raise Cut

            with pytest.raises(Cut):
                client.upload(data, progress=stop_after_first_piece)  # connection "drops"
            assert sent == [0, UPLOAD_CHUNK] and len(data) > 2 * UPLOAD_CHUNK
            resumed: list[int] = []
            receipt_bytes = client.upload(data, progress=resumed.append)
            assert resumed[0] == UPLOAD_CHUNK  # continued where HQ stood, not from 0
            receipt, new = outbox.accept_receipt(receipt_bytes)
    assert new and receipt.sequence == 1
    assert _count(service, "SELECT count(*) FROM revisions") == 2


def test_revoked_device_can_no_longer_push(
    cli: Cli, unlocked: Path, tmp_path: Path, service: HQService, server: str, tls: TLSFiles
) -> None:
    _enroll(cli, tmp_path, service, server, tls)
    status = cli("sync", "status", "--json").ok().json()
    service.devices.revoke(status["device_fingerprint"])
    add_incidents(unlocked, [make_incident()])
    assert "revoked" in cli("sync", "push").error(1)
    assert cli("sync", "status", "--json").ok().json()["packages_pending"] == 1


def test_health_names_the_pinned_hq(hq_bundle: PublicBundle, server: str, tls: TLSFiles) -> None:
    with HQClient(server, ca_pem=tls.ca.read_text()) as client:
        client.check_hq(hq_bundle.fingerprint)
