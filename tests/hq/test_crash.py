"""Killing the HQ service in the middle of an ingest loses and duplicates nothing (DESIGN §12).

A real server process is frozen inside the ingest transaction of one
package and killed with SIGKILL. After a restart, every package acknowledged
before the kill is there once with its original receipt, the interrupted one
is ingested exactly once (at startup, from its committed upload bytes), and
the device re-sending everything changes nothing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from hradvisor.hq.service import HQService
from hradvisor.hq.setup import init_hq, open_service
from hradvisor.sync import PublicBundle, verify_receipt
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.hq.conftest import TLSFiles, running, tls_client
from tests.hq.field import FieldDevice

ROOT = Path(__file__).resolve().parents[2]


def wait_for(path: Path, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"{path.name} never appeared")
        time.sleep(0.02)


def counts(service: HQService) -> dict[str, int]:
    with service.store.db.read() as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("packages", "receipts", "revisions", "upload_chunks", "entities")
        }


@pytest.fixture
def hq_dir(tmp_path: Path) -> Path:
    path = tmp_path / "hq"
    init_hq(path, PASSPHRASE, kdf=FAST_KDF)
    return path


def test_sigkill_during_ingest_loses_and_duplicates_nothing(
    hq_dir: Path, tmp_path: Path, tls: TLSFiles
) -> None:
    service = open_service(hq_dir, PASSPHRASE)
    laptop = FieldDevice(PublicBundle.from_bytes(service.keys.public_bundle))
    service.enroll(laptop.enrollment())
    service.devices.approve(laptop.device_id)
    service.store.close()
    packages = [laptop.package() for _ in range(4)]

    port_file, marker = tmp_path / "port", tmp_path / "frozen"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.hq.crash_server", str(hq_dir), str(tls.cert),
         str(tls.key), str(port_file), str(marker), "3"],
        cwd=ROOT,
        env={**os.environ, "HRADVISOR_HQ_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    try:
        wait_for(port_file, process)
        url = f"https://127.0.0.1:{port_file.read_text()}"
        with tls_client(tls, url) as client:
            assert client.get("/v1/health").status_code == 200  # listening before the port file
            before = [laptop.upload(client, p.data).content for p in packages[:2]]
        cut = threading.Thread(target=_upload_ignoring_errors, args=(laptop, tls, url, packages[2]))
        cut.start()
        wait_for(marker, process)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    cut.join(timeout=60)

    service = open_service(hq_dir, PASSPHRASE)
    try:
        assert counts(service)["packages"] == 2  # the frozen transaction never committed
        assert service.recover_uploads() == 1  # what `hradvisor-hq serve` does at start
        with running(service, tls) as url, tls_client(tls, url) as client:
            after = [laptop.upload(client, p.data) for p in packages]
        assert [a.status_code for a in after] == [200] * 4
        assert [a.content for a in after[:2]] == before  # same receipts, byte for byte
        hq = PublicBundle.from_bytes(service.keys.public_bundle)
        assert [verify_receipt(a.content, hq).sequence for a in after] == [1, 2, 3, 4]
        assert counts(service) == {
            "packages": 4, "receipts": 4, "revisions": 12, "upload_chunks": 0, "entities": 12,
        }  # fmt: skip
        with service.store.db.read() as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM gaps").fetchone()[0] == 0
    finally:
        service.store.close()


def _upload_ignoring_errors(laptop: FieldDevice, tls: TLSFiles, url: str, package: object) -> None:
    try:
        with tls_client(tls, url) as client:
            laptop.upload(client, package.data)  # type: ignore[attr-defined]
    except httpx.HTTPError:
        pass  # the server was killed under it: that is the point
