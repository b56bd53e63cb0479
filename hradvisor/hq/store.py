"""The consolidated HQ store: one SQLCipher database unlocked by the operator's passphrase.

It reuses the vault's machinery rather than new crypto: the same key header
(``hq.key``: a random data key wrapped by Argon2id + AES-256-GCM), the same
connection settings, the same serialised write transactions and the same
unlock throttle. An HQ directory holds:

* ``hq.db`` – SQLCipher 4: devices, packages, receipts, revisions, conflicts,
  gaps, rejections, partial uploads (so upload bytes never sit outside it);
* ``hq.key`` – the key header;
* ``hq.state`` – the rollback witness (as ``vault.state``; a copy also lives
  in the operator's state directory): every change that matters (a package
  ingested, a device approved or revoked) advances a counter MAC'd with a key
  derived from the data key, so a restored older ``hq.db`` — which would
  forget packages devices hold receipts for, or un-revoke a device — is
  detected when it is opened;
* ``hq-bundle.hrpub`` and ``hq-bundle.png`` – HQ's public bundle and a QR of
  its fingerprint, for field devices (public by design).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from types import TracebackType
from typing import Any

from hradvisor.hq.errors import HQError
from hradvisor.hq.schema import MIGRATIONS
from hradvisor.model.ids import new_id
from hradvisor.store.connection import Database, DBError, connect, translate_db_error
from hradvisor.store.errors import VaultExists, VaultNotFound, WrongPassphrase
from hradvisor.store.files import make_private_dir, remove_stale_temps
from hradvisor.store.keyfile import (
    KdfParams,
    build_header,
    read_header,
    unwrap_data_key,
    write_header,
)
from hradvisor.store.schema import migrate
from hradvisor.store.subkeys import derive_subkey
from hradvisor.store.throttle import UnlockThrottle
from hradvisor.store.witness import VaultState, Witnesses

DB_FILE = "hq.db"
KEY_FILE = "hq.key"
THROTTLE_FILE = "unlock-attempts.json"
BUNDLE_FILE = "hq-bundle.hrpub"
QR_FILE = "hq-bundle.png"
STATE_FILE = "hq.state"
DATA_KEY_BYTES = 32


def utc_now() -> str:
    """Now as ISO 8601 UTC with milliseconds: what every HQ table records."""
    now = dt.datetime.now(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def create_store(path: Path, passphrase: str, *, kdf: KdfParams | None = None) -> None:
    """Create an empty HQ store in *path*; the key header is written last (no half-made store)."""
    path = Path(path)
    if (path / KEY_FILE).exists() or (path / DB_FILE).exists():
        raise VaultExists(f"an HQ store already exists in {path}")
    make_private_dir(path)
    os.close(os.open(path / DB_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    data_key = bytearray(os.urandom(DATA_KEY_BYTES))
    try:
        conn = connect(path / DB_FILE, data_key)
        try:
            migrate(conn, MIGRATIONS)
            conn.execute("INSERT INTO meta (key, value) VALUES ('hq_id', ?)", (new_id(),))
        finally:
            conn.close()
        write_header(path / KEY_FILE, build_header(bytes(data_key), passphrase, kdf or KdfParams()))
        with HQStore(path, data_key) as store:
            store.witnesses.record(store.state())
    finally:
        _wipe(data_key)


def require_store(path: Path) -> None:
    """Say "no HQ store here" before anyone types a passphrase."""
    if not (Path(path) / KEY_FILE).is_file():
        raise VaultNotFound(f"no HQ store in {path} (run 'hradvisor-hq init --dir {path}')")
    if not (Path(path) / DB_FILE).is_file():
        raise HQError(f"{DB_FILE} is missing from the HQ store in {path}")


class HQStore:
    """An unlocked HQ store; ``db`` is the serialised SQLCipher database."""

    def __init__(self, path: Path, data_key: bytearray, *, accept_rollback: bool = False) -> None:
        self.path = Path(path)
        try:
            conn = connect(self.path / DB_FILE, data_key)
        except DBError as exc:
            raise translate_db_error(exc) from exc
        mac_key = derive_subkey(data_key, "state-mac")
        try:
            migrate(conn, MIGRATIONS)
            self.db = Database(conn)
            hq_id = conn.execute("SELECT value FROM meta WHERE key = 'hq_id'").fetchone()
            if hq_id is None:
                raise HQError(f"{DB_FILE} has no HQ identity: it is not a complete HQ store")
            self.witnesses = Witnesses(self.path, f"hq-{hq_id[0]}", mac_key)
            self.witnesses.paths = (self.path / STATE_FILE, self.witnesses.paths[1])
            self._check_rollback(accept_rollback)
        except BaseException:
            conn.close()
            raise
        self._pending: VaultState | None = None
        self.db.on_commit.append(self._record_pending)
        remove_stale_temps(self.path)

    def state(self) -> VaultState:
        with self.db.read() as conn:
            counter, head = conn.execute(
                "SELECT write_counter, head_hash FROM hq_state WHERE id = 1"
            ).fetchone()
        return VaultState(counter, head)

    def _check_rollback(self, accept: bool) -> None:
        self.witnesses.check(
            self.state(),
            accept=accept,
            refused=(
                f"possible rollback: {DB_FILE} is older than the one last used (a backup "
                "may have been restored): packages devices hold receipts for, or device "
                "revocations, may be missing. If this copy is the one to keep, run again "
                "with --accept-rollback"
            ),
        )

    def advance(self, conn: Any, head: str | None = None) -> None:
        """Inside a write that matters (ingest, device status): one more on the witness counter."""
        counter, current = conn.execute(
            "UPDATE hq_state SET write_counter = write_counter + 1,"
            " head_hash = coalesce(?, head_hash) WHERE id = 1"
            " RETURNING write_counter, head_hash",
            (head,),
        ).fetchone()
        self._pending = VaultState(counter, current)

    def _record_pending(self) -> None:
        if self._pending is not None:
            self.witnesses.record(self._pending)
            self._pending = None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> HQStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_store(path: Path, passphrase: str, *, accept_rollback: bool = False) -> HQStore:
    """Unlock the HQ store in *path* (WrongPassphrase, throttled, on a wrong passphrase).

    RollbackDetected (exit 4) if ``hq.db`` is older than the witnesses say,
    unless *accept_rollback* (a person decided this copy is the one to keep).
    """
    path = Path(path)
    require_store(path)
    header = read_header(path / KEY_FILE)
    throttle = UnlockThrottle(path / THROTTLE_FILE)
    throttle.check()
    try:
        data_key = unwrap_data_key(header, passphrase)
    except WrongPassphrase:
        wait = throttle.record_failure()
        suffix = f"; wait {wait:.0f} s before the next attempt" if wait else ""
        raise WrongPassphrase(f"wrong passphrase{suffix}") from None
    throttle.record_success()
    try:
        return HQStore(path, data_key, accept_rollback=accept_rollback)
    finally:
        _wipe(data_key)


def _wipe(buffer: bytearray) -> None:
    for index in range(len(buffer)):
        buffer[index] = 0
