"""Passphrase change and recovery with SLIP-39 shares (DESIGN §5).

A forgotten passphrase must not mean lost testimony. ``recovery_shares``
splits the data key into three SLIP-39 mnemonics, any two of which restore
it; they are meant to be printed and kept in separate safe places. Because the
shares encode the data key itself, shares made at different times all remain
valid until the vault is re-keyed.
"""

from __future__ import annotations

from pathlib import Path

import shamir_mnemonic
from shamir_mnemonic.shamir import MnemonicError

from hradvisor.store.connection import DBError, connect
from hradvisor.store.errors import IntegrityError, VaultNotFound, WrongPassphrase
from hradvisor.store.keyfile import (
    KdfParams,
    build_header,
    kdf_params,
    read_header,
    unwrap_data_key,
    write_header,
)
from hradvisor.store.throttle import UnlockThrottle
from hradvisor.store.vault import DB_FILE, KEY_FILE, THROTTLE_FILE, Vault

SHARE_COUNT = 3
SHARE_THRESHOLD = 2


def recovery_shares(vault: Vault) -> list[str]:
    """Three SLIP-39 mnemonics of the data key, any two of which recover the vault."""
    groups = shamir_mnemonic.generate_mnemonics(
        group_threshold=1,
        groups=[(SHARE_THRESHOLD, SHARE_COUNT)],
        master_secret=vault.data_key,
        passphrase=b"",
    )
    return list(groups[0])


def change_passphrase(path: Path, old: str, new: str, *, kdf: KdfParams | None = None) -> None:
    """Re-wrap the data key under *new*; the database is not touched."""
    path = Path(path)
    header = read_header(path / KEY_FILE)
    throttle = UnlockThrottle(path / THROTTLE_FILE)
    throttle.check()
    try:
        data_key = unwrap_data_key(header, old)
    except WrongPassphrase:
        throttle.record_failure()
        raise
    throttle.record_success()
    write_header(path / KEY_FILE, build_header(bytes(data_key), new, kdf or kdf_params(header)))


def recover_vault(
    path: Path, shares: list[str], new_passphrase: str, *, kdf: KdfParams | None = None
) -> None:
    """Restore access from any two shares and set *new_passphrase*.

    Works even if ``vault.key`` was destroyed (panic erase). The shares are
    checked against the database before anything is written.
    """
    path = Path(path)
    if not (path / DB_FILE).is_file():
        raise VaultNotFound(f"no vault database in {path}")
    try:
        data_key = shamir_mnemonic.combine_mnemonics([s.strip() for s in shares], passphrase=b"")
    except (MnemonicError, ValueError) as exc:
        raise WrongPassphrase(f"the recovery shares are not valid: {exc}") from None
    try:
        connect(path / DB_FILE, data_key).close()
    except (*DBError, IntegrityError):
        raise WrongPassphrase("these recovery shares do not belong to this vault") from None
    write_header(path / KEY_FILE, build_header(data_key, new_passphrase, kdf or KdfParams()))
    UnlockThrottle(path / THROTTLE_FILE).record_success()
