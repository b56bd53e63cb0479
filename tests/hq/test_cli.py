"""``hradvisor-hq`` (DESIGN §10): init, devices, import, report, export; errors and exit codes."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from hradvisor.hq.cli import main
from hradvisor.hq.setup import open_service
from hradvisor.hq.store import BUNDLE_FILE, QR_FILE
from hradvisor.sync import PublicBundle, verify_receipt
from tests.conftest import PASSPHRASE
from tests.hq.conftest import TLSFiles, tls_client
from tests.hq.field import FieldDevice


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _operator_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HRADVISOR_HQ_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "operator-passphrase"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hq_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real init per module (Argon2id at full cost is slow); tests get copies."""
    folder = tmp_path_factory.mktemp("hq-template")
    secret = folder / "passphrase"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    path = folder / "hq"
    assert main(["init", "--dir", str(path), "--passphrase-file", str(secret)]) == 0
    return path


@pytest.fixture
def hq(hq_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "hq"
    shutil.copytree(hq_template, path)
    return path


def test_init_prints_the_fingerprint(
    tmp_path: Path, secret_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new-hq"
    code, out, _ = run(capsys, "init", "--dir", str(path), "--passphrase-file", str(secret_file))
    assert code == 0
    bundle = PublicBundle.from_bytes((path / BUNDLE_FILE).read_bytes())
    assert f"HQ fingerprint: {bundle.fingerprint}" in out


@pytest.fixture
def approved(hq: Path, capsys: pytest.CaptureFixture[str]) -> FieldDevice:
    laptop = FieldDevice(PublicBundle.from_bytes((hq / BUNDLE_FILE).read_bytes()))
    service = open_service(hq, PASSPHRASE)
    try:
        service.enroll(laptop.enrollment())
    finally:
        service.store.close()
    code, out, _ = run(
        capsys, "devices", "approve", laptop.identity.fingerprint.lower(), "--dir", str(hq)
    )
    assert code == 0 and laptop.device_id in out
    return laptop


def test_init_writes_the_public_files_and_refuses_twice(
    hq: Path, secret_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (hq / QR_FILE).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert PASSPHRASE.encode() not in b"".join(p.read_bytes() for p in hq.iterdir())
    code, _, err = run(capsys, "init", "--dir", str(hq), "--passphrase-file", str(secret_file))
    assert code == 1 and "already exists" in err


def test_passphrase_in_argv_is_refused_without_echo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "init", "--dir", str(tmp_path), "--passphrase", "hunter2-secret")
    assert code == 2 and "hunter2" not in err and "HRADVISOR_HQ_PASSPHRASE" in err
    assert not any(tmp_path.iterdir())


def test_missing_directory_and_wrong_passphrase(
    hq: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HRADVISOR_HQ_DIR", raising=False)
    assert run(capsys, "devices", "list")[0] == 2
    monkeypatch.setenv("HRADVISOR_HQ_PASSPHRASE", "a wrong passphrase entirely")
    code, _, err = run(capsys, "devices", "list", "--dir", str(hq))
    assert code == 3 and err.count("\n") == 1 and "wrong passphrase" in err
    code, _, err = run(capsys, "devices", "list", "--dir", str(tmp_path / "none"))
    assert code == 1 and "no HQ store" in err


def test_devices_list_approve_revoke(
    hq: Path,
    approved: FieldDevice,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HRADVISOR_HQ_DIR", str(hq))
    code, out, _ = run(capsys, "devices", "list", "--json")
    assert code == 0 and [d["status"] for d in json.loads(out)] == ["approved"]
    assert run(capsys, "devices", "revoke", approved.device_id)[0] == 0
    code, out, _ = run(capsys, "devices", "list")
    assert "revoked" in out and approved.identity.fingerprint in out
    code, _, err = run(capsys, "devices", "approve", approved.device_id)
    assert code == 2 and "revoked" in err
    assert run(capsys, "devices", "approve", "no-such-device")[0] == 2


def test_import_writes_receipts_and_is_idempotent(
    hq: Path,
    approved: FieldDevice,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    files = []
    for sequence in (1, 3):  # package 2 stays on the laptop: a gap
        built = approved.package()
        if sequence == 3:
            built = approved.package()
        files.append(usb / f"{built.sequence}.hrpkg")
        files[-1].write_bytes(built.data)
    code, out, _ = run(capsys, "import", *map(str, files), "--dir", str(hq))
    assert code == 0 and "missing packages 2-2" in out
    receipt_file = usb / f"{approved.device_id}-1.hrrcpt"
    receipt = verify_receipt(receipt_file.read_bytes(), approved.hq)
    assert receipt.sequence == 1 and receipt.counts["revisions"] == 3
    first = receipt_file.read_bytes()
    code, out, _ = run(capsys, "import", str(files[0]), "--dir", str(hq))
    assert code == 0 and "already received" in out and receipt_file.read_bytes() == first


def test_import_of_a_bad_package_exits_5_with_one_line(
    hq: Path,
    approved: FieldDevice,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "1.hrpkg"
    bad.write_bytes(approved.package().data[:-7])
    code, out, err = run(capsys, "import", str(bad), "--dir", str(hq))
    assert code == 5 and out == ""
    assert err.startswith("hradvisor-hq: error: package rejected: ") and err.count("\n") == 1
    assert not list(tmp_path.glob("*.hrrcpt"))


def test_report_and_export(
    hq: Path,
    approved: FieldDevice,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = tmp_path / "1.hrpkg"
    package.write_bytes(approved.package(approved.revisions(4, country="XA")).data)
    assert run(capsys, "import", str(package), "--dir", str(hq))[0] == 0
    pdf = tmp_path / "status.pdf"
    code, _, _ = run(capsys, "report", "--out", str(pdf), "--dir", str(hq))
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert approved.device_id in text and "Arcadia" in text
        assert "Fictional narrative" not in text and "Fenwick" not in text
    code, out, _ = run(capsys, "export", "--dir", str(hq))
    exported = json.loads(out)
    assert exported["countries"] == [
        {"country": "XA", "name": exported["countries"][0]["name"], "incidents": 4, "conflicts": 0}
    ]
    assert exported["devices"][0]["last_sequence"] == 1
    csv_file = tmp_path / "counts.csv"
    assert (
        run(capsys, "export", "--format", "csv", "--out", str(csv_file), "--dir", str(hq))[0] == 0
    )
    assert csv_file.read_text().splitlines()[:2][0] == "country,name,incidents,conflicts"


def test_every_command_is_in_the_operations_guide() -> None:
    from hradvisor.hq.cli import build_parser

    guide = (Path(__file__).resolve().parents[2] / "docs" / "hq-operations.md").read_text()
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        assert f"hradvisor-hq {name}" in guide, name
    for action in ("list", "enroll", "approve", "revoke"):
        assert f"hradvisor-hq devices {action}" in guide


def test_serve_answers_over_tls_and_stops_cleanly(hq: Path, tls: TLSFiles, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "hradvisor.hq", "serve", "--dir", str(hq), "--port", str(port),
         "--tls-cert", str(tls.cert), "--tls-key", str(tls.key)],
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with tls_client(tls, f"https://127.0.0.1:{port}") as client:
                    health = client.get("/v1/health").json()
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        bundle = PublicBundle.from_bytes((hq / BUNDLE_FILE).read_bytes())
        assert health == {"status": "ok", "hq_fingerprint": bundle.fingerprint}
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    # uvicorn shuts down gracefully, then re-raises the signal (what service managers expect)
    assert process.returncode in (0, -signal.SIGTERM)
    assert "Traceback" not in err
    assert f"as HQ {bundle.fingerprint}" in err and PASSPHRASE not in err


def test_import_of_several_files_keeps_the_good_ones(
    hq: Path, approved: FieldDevice, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "1.hrpkg", tmp_path / "2.hrpkg"
    good.write_bytes(approved.package().data)
    bad.write_bytes(approved.package().data[:100])
    code, out, err = run(capsys, "import", str(bad), str(good), "--dir", str(hq))
    assert code == 5
    assert err.count("\n") == 1 and str(bad) in err and "package rejected" in err
    assert "accepted" in out and (tmp_path / f"{approved.device_id}-1.hrrcpt").is_file()
