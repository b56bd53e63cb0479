"""The HQ store opens only with the operator passphrase; devices: pending, approved, revoked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hradvisor.hq.devices import DeviceAlreadyEnrolled
from hradvisor.hq.errors import HQUsageError
from hradvisor.hq.service import HQService
from hradvisor.hq.store import DB_FILE, create_store, open_store
from hradvisor.store import RollbackDetected, VaultExists, VaultNotFound, WrongPassphrase
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.hq.helpers import FakeKeys, approve


def test_store_is_encrypted_and_needs_the_passphrase(hq_dir: Path) -> None:
    assert not (hq_dir / DB_FILE).read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(WrongPassphrase):
        open_store(hq_dir, "not the passphrase at all")
    with open_store(hq_dir, PASSPHRASE) as store, store.db.read() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_no_store_and_existing_store_are_clear_errors(tmp_path: Path, hq_dir: Path) -> None:
    with pytest.raises(VaultNotFound, match="hradvisor-hq init"):
        open_store(tmp_path / "nowhere", PASSPHRASE)
    with pytest.raises(VaultExists):
        create_store(hq_dir, PASSPHRASE, kdf=FAST_KDF)


def test_device_lifecycle(fake_service: HQService) -> None:
    devices = fake_service.devices
    requested = fake_service.enroll(b"dev-a")
    assert requested.status == "pending" and requested.approved_at is None
    assert fake_service.enroll(b"dev-a") == requested  # the same request again changes nothing
    approved = devices.approve("dev-a")
    assert approved.status == "approved" and approved.approved_at
    by_fingerprint = devices.find(" fpdev-a ".replace("-", " - "))
    assert by_fingerprint.device_id == "dev-a"
    revoked = devices.revoke(approved.fingerprint)
    assert revoked.status == "revoked" and revoked.revoked_at
    with pytest.raises(HQUsageError, match="revoked"):
        devices.approve("dev-a")
    assert [d.device_id for d in devices.list()] == ["dev-a"]


def test_unknown_device_reference(fake_service: HQService) -> None:
    with pytest.raises(HQUsageError, match="no device"):
        fake_service.devices.approve("nobody")


def test_a_device_id_cannot_be_taken_over_by_another_key(fake_service: HQService) -> None:
    devices = fake_service.devices
    devices.request("dev-a", "FPONE", b"bundle one", "laptop")
    with pytest.raises(DeviceAlreadyEnrolled):
        devices.request("dev-a", "FPTWO", b"bundle two", "attacker")
    with pytest.raises(DeviceAlreadyEnrolled):
        devices.request("dev-b", "FPONE", b"bundle one", "same key twice")
    assert devices.bundle("dev-a") == ("pending", b"bundle one")


def test_labels_cannot_carry_terminal_escapes_or_bidi_overrides(fake_service: HQService) -> None:
    label = "Laptop\x1b[2J\x9b31m \u202eevil\u202c\nnext line\u200b"
    device = fake_service.devices.request("dev-x", "FPXX", b"bundle", label)
    assert device.label == "Laptop [2J 31m evil next line"
    assert fake_service.devices.request("dev-y", "FPYY", b"b", "\x00\x07").label == "(no label)"


def test_a_restored_older_store_is_detected(hq_dir: Path, tmp_path: Path) -> None:
    """An old hq.db would un-revoke a device and forget packages devices hold receipts for."""
    with open_store(hq_dir, PASSPHRASE) as store:
        HQService(store, FakeKeys()).enroll(b"dev-a")
    backup = tmp_path / "hq.db.backup"
    shutil.copy2(hq_dir / DB_FILE, backup)
    with open_store(hq_dir, PASSPHRASE) as store:
        devices = HQService(store, FakeKeys()).devices
        devices.approve("dev-a")
        devices.revoke("dev-a")
    shutil.copy2(backup, hq_dir / DB_FILE)
    with pytest.raises(RollbackDetected, match="older") as caught:
        open_store(hq_dir, PASSPHRASE)
    assert caught.value.exit_code == 4
    with open_store(hq_dir, PASSPHRASE, accept_rollback=True) as store:
        assert HQService(store, FakeKeys()).devices.get("dev-a").status == "pending"  # type: ignore[union-attr]
    open_store(hq_dir, PASSPHRASE).close()  # accepted once: the witnesses follow this copy


def test_uploading_bytes_does_not_touch_the_witness(fake_service: HQService) -> None:
    """Only changes that matter advance it: uploads would otherwise fsync two files per chunk."""
    before = fake_service.store.state().counter
    approve(fake_service, "dev-a")
    after_devices = fake_service.store.state().counter
    started = fake_service.uploads.start("dev-a", "a" * 64, 100)
    fake_service.uploads.append(started.upload_id, "dev-a", 0, b"x" * 50)
    assert after_devices == before + 2  # enrolled, approved
    assert fake_service.store.state().counter == after_devices
