"""The field command line (``hradvisor sync``) against the real HQ service and ``hradvisor-hq``.

The two sides are built by different modules on one documented format; this
proves they agree: enroll over HTTPS and by file, push, resume, receipts
back, USB export and import, all with real keys and TLS on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hradvisor.hq.cli import main as hq_main
from hradvisor.hq.service import HQService
from hradvisor.hq.setup import init_hq, open_service, write_public_files
from hradvisor.hq.store import BUNDLE_FILE
from tests.cli.conftest import Cli, add_incidents
from tests.conftest import FAST_KDF, PASSPHRASE, make_incident
from tests.hq.conftest import TLSFiles, running


@pytest.fixture(autouse=True)
def _no_backoff_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("hradvisor.sync.transport.time.sleep", lambda _seconds: None)


@pytest.fixture
def hq_home(tmp_path: Path) -> Path:
    path = tmp_path / "hq"
    identity = init_hq(path, PASSPHRASE, kdf=FAST_KDF)
    write_public_files(path, identity)
    return path


@pytest.fixture
def hq_service(hq_home: Path) -> Iterator[HQService]:
    service = open_service(hq_home, PASSPHRASE)
    yield service
    service.store.close()


@pytest.fixture
def hq_url(hq_service: HQService, tls: TLSFiles) -> Iterator[str]:
    with running(hq_service, tls) as url:
        yield url


def count(service: HQService, table: str) -> int:
    with service.store.db.read() as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def enroll(cli: Cli, hq_home: Path, url: str, tls: TLSFiles) -> None:
    cli(
        "sync", "enroll", "--hq-bundle", hq_home / BUNDLE_FILE, "--url", url,
        "--ca", tls.ca, "--label", "Elsenmoor laptop", "--yes",
    ).ok()  # fmt: skip


def test_enroll_approve_push_and_push_again(
    cli: Cli, unlocked: Path, hq_home: Path, hq_service: HQService, hq_url: str, tls: TLSFiles
) -> None:
    enroll(cli, hq_home, hq_url, tls)
    (device,) = hq_service.devices.list()
    assert device.status == "pending" and device.label == "Elsenmoor laptop"
    add_incidents(unlocked, [make_incident(title=f"Pushed {n}") for n in range(3)])
    refused = cli("sync", "push")
    assert refused.code != 0 and count(hq_service, "packages") == 0
    hq_service.devices.approve(device.fingerprint)
    assert "delivered" in cli("sync", "push").ok().out
    assert count(hq_service, "revisions") == 3
    add_incidents(unlocked, [make_incident(title="Later")])
    cli("sync", "push").ok()
    status = cli("sync", "status", "--json").ok().json()
    assert status["packages_pending"] == 0 and status["revisions_delivered"] == 4
    assert count(hq_service, "packages") == 2 and count(hq_service, "gaps") == 0
    with hq_service.store.db.read() as conn:
        titles = {
            row[0] for row in conn.execute("SELECT json_extract(body, '$.title') FROM revisions")
        }
    assert titles == {"Pushed 0", "Pushed 1", "Pushed 2", "Later"}


def test_offline_enrollment_usb_export_import_and_receipts_back(
    cli: Cli,
    unlocked: Path,
    hq_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    request = usb / "request.hrenroll"
    cli(
        "sync", "enroll", "--hq-bundle", hq_home / BUNDLE_FILE, "--out", request,
        "--label", "Offline laptop", "--yes",
    ).ok()  # fmt: skip
    monkeypatch.setenv("HRADVISOR_HQ_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("HRADVISOR_HQ_DIR", str(hq_home))
    assert hq_main(["devices", "enroll", str(request)]) == 0
    fingerprint = capsys.readouterr().out.split("fingerprint ")[1].split()[0]
    assert hq_main(["devices", "approve", fingerprint]) == 0
    add_incidents(unlocked, [make_incident(title=f"Carried {n}") for n in range(2)])
    cli("sync", "export", "--out", usb).ok()
    packages = sorted(usb.glob("*.hrpkg"))
    assert len(packages) == 1
    capsys.readouterr()
    assert hq_main(["import", *map(str, packages)]) == 0
    receipts = sorted(usb.glob("*.hrrcpt"))
    assert len(receipts) == 1
    cli("sync", "import-receipt", *receipts).ok()
    status = cli("sync", "status", "--json").ok().json()
    assert status["packages_pending"] == 0 and status["revisions_delivered"] == 2
