"""Creating, unlocking, locking, throttling, passphrase change and recovery."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from hradvisor.store import (
    IntegrityError,
    UnlockThrottled,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
    change_passphrase,
    create_vault,
    open_vault,
    recover_vault,
    recovery_shares,
)
from hradvisor.store.keyfile import KdfParams
from hradvisor.store.throttle import UnlockThrottle
from tests.conftest import FAST_KDF, PASSPHRASE, make_incident


def test_new_vault_has_identity_and_private_files(vault_dir: Path) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        assert vault.vault_id != vault.device_id
        vault.incidents.add(make_incident())
    assert stat.S_IMODE(vault_dir.stat().st_mode) == 0o700
    for path in vault_dir.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path.name


def test_device_id_is_stable_across_unlocks(vault_dir: Path) -> None:
    with open_vault(vault_dir, PASSPHRASE) as first:
        device = first.device_id
    with open_vault(vault_dir, PASSPHRASE) as second:
        assert second.device_id == device


def test_refuses_to_overwrite_an_existing_vault(vault_dir: Path) -> None:
    with pytest.raises(VaultExists):
        create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)


def test_missing_vault_is_reported(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        open_vault(tmp_path / "nothing", PASSPHRASE)


def test_default_kdf_meets_the_design_minimum() -> None:
    params = KdfParams()
    assert params.meets_policy()
    assert params.memory_kib >= 256 * 1024 and params.iterations >= 3


def test_wrong_passphrase_changes_nothing(vault_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    with pytest.raises(WrongPassphrase):
        open_vault(vault_dir, "not the passphrase")
    after = {
        p.name: p.read_bytes()
        for p in vault_dir.iterdir()
        if p.is_file() and p.name != "unlock-attempts.json"
    }
    assert after == before


def test_failed_unlocks_double_the_wait_and_persist(vault_dir: Path) -> None:
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            open_vault(vault_dir, "wrong")
    with pytest.raises(UnlockThrottled) as throttled:
        open_vault(vault_dir, PASSPHRASE)  # even the right one must wait
    assert 0 < throttled.value.wait_seconds <= 1
    assert [UnlockThrottle.delay_after(n) for n in range(1, 7)] == [0, 0, 1, 2, 4, 8]
    record = json.loads((vault_dir / "unlock-attempts.json").read_text())
    assert record["failures"] == 3


def test_success_after_the_wait_resets_the_throttle(vault_dir: Path) -> None:
    clock = [1000.0]
    throttle = UnlockThrottle(vault_dir / "unlock-attempts.json", clock=lambda: clock[0])
    for _ in range(4):
        throttle.record_failure()
    assert throttle.wait_remaining() == 2
    clock[0] += 2
    throttle.check()
    throttle.record_success()
    assert throttle.wait_remaining() == 0


def test_damaged_throttle_record_still_throttles(vault_dir: Path) -> None:
    (vault_dir / "unlock-attempts.json").write_text("{not json")
    assert UnlockThrottle(vault_dir / "unlock-attempts.json").wait_remaining() > 0


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(
            lambda raw: raw.replace(b'"iterations": 1', b'"iterations": 2'), id="kdf-edited"
        ),
        pytest.param(
            lambda raw: raw.replace(b'"ciphertext": "', b'"ciphertext": "A'),
            id="wrapped-key-edited",
        ),
        pytest.param(lambda raw: b"\x00" * len(raw), id="zeroed"),
    ],
)
def test_damaged_key_header_is_an_integrity_error(vault_dir: Path, damage: object) -> None:
    key_file = vault_dir / "vault.key"
    key_file.write_bytes(damage(key_file.read_bytes()))  # type: ignore[operator]
    with pytest.raises(IntegrityError):
        open_vault(vault_dir, PASSPHRASE)


def test_kdf_parameters_are_bound_to_the_wrapped_key(vault_dir: Path) -> None:
    """Even with a recomputed checksum, edited KDF parameters cannot unwrap the key."""
    from hradvisor.store.keyfile import _checksum

    key_file = vault_dir / "vault.key"
    header = json.loads(key_file.read_text())
    header["kdf"]["iterations"] = 2
    header["checksum"] = _checksum(header)
    key_file.write_text(json.dumps(header))
    with pytest.raises(WrongPassphrase):
        open_vault(vault_dir, PASSPHRASE)


def test_change_passphrase_rewraps_only(vault_dir: Path) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        incident = make_incident()
        vault.incidents.add(incident)
    db_before = (vault_dir / "vault.db").read_bytes()
    change_passphrase(vault_dir, PASSPHRASE, "new sturdy words for the field")
    assert (vault_dir / "vault.db").read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        open_vault(vault_dir, PASSPHRASE)
    with open_vault(vault_dir, "new sturdy words for the field") as vault:
        assert vault.incidents.get(incident.id) == incident


def test_change_passphrase_with_wrong_old_one_changes_nothing(vault_dir: Path) -> None:
    key_before = (vault_dir / "vault.key").read_bytes()
    with pytest.raises(WrongPassphrase):
        change_passphrase(vault_dir, "wrong", "whatever new passphrase")
    assert (vault_dir / "vault.key").read_bytes() == key_before


@pytest.mark.parametrize("pair", [(0, 1), (0, 2), (1, 2)])
def test_any_two_recovery_shares_restore_access(vault_dir: Path, pair: tuple[int, int]) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        incident = make_incident()
        vault.incidents.add(incident)
        shares = recovery_shares(vault)
    assert len(shares) == 3
    (vault_dir / "vault.key").unlink()  # forgotten passphrase, or panic erase
    recover_vault(
        vault_dir, [shares[pair[0]], shares[pair[1]]], "recovered passphrase words", kdf=FAST_KDF
    )
    with open_vault(vault_dir, "recovered passphrase words") as vault:
        assert vault.incidents.get(incident.id) == incident


def test_one_share_is_not_enough(vault_dir: Path) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        shares = recovery_shares(vault)
    key_before = (vault_dir / "vault.key").read_bytes()
    with pytest.raises(WrongPassphrase):
        recover_vault(vault_dir, shares[:1], "anything at all here")
    assert (vault_dir / "vault.key").read_bytes() == key_before


def test_shares_of_another_vault_are_refused(vault_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    create_vault(other, PASSPHRASE, kdf=FAST_KDF)
    with open_vault(other, PASSPHRASE) as vault:
        shares = recovery_shares(vault)
    key_before = (vault_dir / "vault.key").read_bytes()
    with pytest.raises(WrongPassphrase, match="do not belong"):
        recover_vault(vault_dir, shares[:2], "anything at all here")
    assert (vault_dir / "vault.key").read_bytes() == key_before


def test_lock_forgets_the_key(vault_dir: Path) -> None:
    vault = open_vault(vault_dir, PASSPHRASE)
    vault.close()
    assert not vault.is_open
    with pytest.raises(IntegrityError, match="locked"):
        _ = vault.data_key
