"""The consolidated HQ store: one SQLCipher database unlocked by the operator's passphrase.

It reuses the vault's machinery rather than new crypto: the same key header
(``hq.key``: a random data key wrapped by Argon2id + AES-256-GCM), the same
connection settings, the same serialised write transactions and the same
unlock throttle. An HQ directory holds:

* ``hq.db`` – SQLCipher 4: devices, packages, receipts, revisions, conflicts,
  gaps, rejections, partial uploads (so upload bytes never sit outside it);
* ``hq.key`` – the key header;
* ``hq-bundle.hrpub`` and ``hq-bundle.png`` – HQ's public bundle and a QR of
  its fingerprint, for field devices (public by design).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from types import TracebackType

from hradvisor.hq.errors import HQError
from hradvisor.hq.schema import MIGRATIONS
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
from hradvisor.store.throttle import UnlockThrottle

DB_FILE = "hq.db"
KEY_FILE = "hq.key"
THROTTLE_FILE = "unlock-attempts.json"
BUNDLE_FILE = "hq-bundle.hrpub"
QR_FILE = "hq-bundle.png"
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
        finally:
            conn.close()
        write_header(path / KEY_FILE, build_header(bytes(data_key), passphrase, kdf or KdfParams()))
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

    def __init__(self, path: Path, data_key: bytearray) -> None:
        self.path = Path(path)
        try:
            conn = connect(self.path / DB_FILE, data_key)
        except DBError as exc:
            raise translate_db_error(exc) from exc
        finally:
            _wipe(data_key)
        try:
            migrate(conn, MIGRATIONS)
        except BaseException:
            conn.close()
            raise
        self.db = Database(conn)
        remove_stale_temps(self.path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> HQStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_store(path: Path, passphrase: str) -> HQStore:
    """Unlock the HQ store in *path* (WrongPassphrase, throttled, on a wrong passphrase)."""
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
    return HQStore(path, data_key)


def _wipe(buffer: bytearray) -> None:
    for index in range(len(buffer)):
        buffer[index] = 0
