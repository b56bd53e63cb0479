"""``hradvisor sync`` from the command line: enroll to a file, export, status, receipts."""

from __future__ import annotations

import json
from pathlib import Path

from hradvisor.store import open_vault
from hradvisor.sync import Identity, make_receipt, open_package, verify_enrollment_request
from hradvisor.sync.outbox import Outbox
from tests.cli.conftest import Cli, add_incidents
from tests.conftest import PASSPHRASE, make_incident


def _bundle_file(tmp_path: Path, hq: Identity) -> Path:
    path = tmp_path / "hq.bundle"
    path.write_bytes(hq.public_bundle().to_bytes())
    return path


def _enroll(cli: Cli, tmp_path: Path, hq: Identity) -> Path:
    request = tmp_path / "enrollment.hrreq"
    result = cli(
        "sync", "enroll", "--hq-bundle", _bundle_file(tmp_path, hq), "--out", request,
        "--label", "Elsenmoor laptop", "--yes",
    )  # fmt: skip
    result.ok()
    assert hq.fingerprint in result.err
    return request


def test_enroll_writes_a_signed_request(
    cli: Cli, unlocked: Path, tmp_path: Path, hq: Identity
) -> None:
    request = verify_enrollment_request(_enroll(cli, tmp_path, hq).read_bytes())
    assert request.label == "Elsenmoor laptop"
    assert request.hq_fingerprint == hq.fingerprint
    status = cli("sync", "status", "--json").ok().json()
    assert status["device_fingerprint"] == request.fingerprint
    assert status["hq_fingerprint"] == hq.fingerprint


def test_enroll_off_a_terminal_needs_yes(
    cli: Cli, unlocked: Path, tmp_path: Path, hq: Identity
) -> None:
    result = cli(
        "sync", "enroll", "--hq-bundle", _bundle_file(tmp_path, hq), "--out", tmp_path / "r"
    )
    assert "--yes" in result.error(2)
    assert not (tmp_path / "r").exists()


def test_enroll_refuses_a_file_that_is_not_a_bundle(
    cli: Cli, unlocked: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "junk"
    junk.write_bytes(b"not a bundle")
    result = cli("sync", "enroll", "--hq-bundle", junk, "--out", tmp_path / "r", "--yes")
    assert "not an HQ public bundle" in result.error(2)


def test_status_before_enrollment(cli: Cli, unlocked: Path) -> None:
    assert "not enrolled" in cli("sync", "status").ok().out


def test_export_then_import_receipt(cli: Cli, unlocked: Path, tmp_path: Path, hq: Identity) -> None:
    _enroll(cli, tmp_path, hq)
    add_incidents(unlocked, [make_incident(title="Exported to USB")])
    out = tmp_path / "usb"
    result = cli("sync", "export", "--out", out).ok()
    files = sorted(out.glob("*.hrpkg"))
    assert [f.name for f in files] == ["000001.hrpkg"]
    assert result.out.strip() == str(files[0])
    with open_vault(unlocked, PASSPHRASE) as vault:
        outbox = Outbox(vault)
        device_id, device = outbox.device_id, outbox.identity().public_bundle()
    opened = open_package(files[0].read_bytes(), hq, lambda d: device if d == device_id else None)
    assert opened.revisions[0]["body"]["title"] == "Exported to USB"
    status = cli("sync", "status", "--json").ok().json()
    assert status["packages_pending"] == 1 and status["revisions_delivered"] == 0

    receipt = tmp_path / "000001.hrrcpt"
    receipt.write_bytes(
        make_receipt(
            hq, device_id=device_id, sequence=1, package_hash=opened.package_hash,
            counts={"revisions": 1}, received_at="2026-11-23T12:00:00.000Z",
        )
    )  # fmt: skip
    assert "delivered" in cli("sync", "import-receipt", receipt).ok().out
    status = cli("sync", "status", "--json").ok().json()
    assert status["packages_pending"] == 0 and status["revisions_delivered"] == 1
    assert status["last_receipt_sequence"] == 1
    assert "already recorded" in cli("sync", "import", receipt).ok().out


def test_forged_receipt_exits_5(
    cli: Cli, unlocked: Path, tmp_path: Path, hq: Identity, stranger: Identity
) -> None:
    _enroll(cli, tmp_path, hq)
    add_incidents(unlocked, [make_incident()])
    cli("sync", "export", "--out", tmp_path / "usb").ok()
    status = cli("sync", "status", "--json").ok().json()
    forged = tmp_path / "forged"
    forged.write_bytes(
        make_receipt(
            stranger, device_id=status["device_id"], sequence=1, package_hash="0" * 64,
            counts={}, received_at="2026-11-23T12:00:00.000Z",
        )
    )  # fmt: skip
    message = cli("sync", "import-receipt", forged).error(5)
    assert message.startswith("receipt rejected")
    assert cli("sync", "status", "--json").ok().json()["packages_pending"] == 1


def test_push_without_enrollment_is_a_clear_error(cli: Cli, unlocked: Path) -> None:
    assert "not enrolled" in cli("sync", "push", "--url", "https://127.0.0.1:9").error(1)


def test_status_json_is_machine_readable(cli: Cli, unlocked: Path) -> None:
    data = json.loads(cli("sync", "status", "--json").ok().out)
    assert data["packages_pending"] == 0 and data["hq_fingerprint"] is None


def test_status_qr_encodes_the_device_fingerprint(cli: Cli, unlocked: Path) -> None:
    fingerprint = cli("sync", "status", "--json").ok().json()["device_fingerprint"]
    out = cli("sync", "status", "--qr").ok().out
    assert fingerprint in out
    assert sum(line.count("█") for line in out.splitlines()) > 100  # a QR code was drawn
