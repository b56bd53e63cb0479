"""The HQ store opens only with the operator passphrase; devices: pending, approved, revoked."""

from __future__ import annotations

from pathlib import Path

import pytest

from hradvisor.hq.devices import DeviceAlreadyEnrolled
from hradvisor.hq.errors import HQUsageError
from hradvisor.hq.service import HQService
from hradvisor.hq.store import DB_FILE, create_store, open_store
from hradvisor.store import VaultExists, VaultNotFound, WrongPassphrase
from tests.conftest import FAST_KDF, PASSPHRASE


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
