"""Creating, unlocking and locking a vault (DESIGN §5).

A vault is a directory: ``vault.db`` (SQLCipher 4), ``vault.key`` (the key
header), ``vault.state`` (rollback witness), ``blobs/`` (encrypted
attachments) and, after a failed unlock, ``unlock-attempts.json``.
``open_vault`` is the only way to a ``Vault``; ``Vault.close`` locks it again.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from types import TracebackType
from typing import Any

from hradvisor.model.ids import new_id
from hradvisor.store.aggregates import Aggregates
from hradvisor.store.assessments import AssessmentStore
from hradvisor.store.attachments import AttachmentStore
from hradvisor.store.blobs import BlobStore
from hradvisor.store.connection import Database, DBError, connect, translate_db_error
from hradvisor.store.drafts import DraftStore
from hradvisor.store.errors import IntegrityError, VaultExists, WrongPassphrase
from hradvisor.store.files import make_private_dir, remove_stale_temps
from hradvisor.store.incidents import IncidentStore
from hradvisor.store.keyfile import (
    KdfParams,
    build_header,
    read_header,
    unwrap_data_key,
    write_header,
)
from hradvisor.store.queries import IncidentQueries
from hradvisor.store.records import NoteStore, PersonStore
from hradvisor.store.reports import ReportStore
from hradvisor.store.revisions import latest_revision_hash
from hradvisor.store.schema import migrate
from hradvisor.store.subkeys import derive_subkey
from hradvisor.store.throttle import UnlockThrottle
from hradvisor.store.witness import VaultState, Witnesses

DB_FILE = "vault.db"
KEY_FILE = "vault.key"
# Every commit advances the write counter: two connections reading the same
# counter see the same committed state.
STATE_SQL = "SELECT write_counter, head_hash FROM vault_state WHERE id = 1"
THROTTLE_FILE = "unlock-attempts.json"
BLOB_DIR = "blobs"
DATA_KEY_BYTES = 32


def create_vault(path: Path, passphrase: str, *, kdf: KdfParams | None = None) -> None:
    """Create an empty vault in *path* (which must not already hold one).

    The database is created first and the key header written last, so a crash
    part-way leaves no half-made vault that looks usable.
    """
    path = Path(path)
    if (path / KEY_FILE).exists() or (path / DB_FILE).exists():
        raise VaultExists(f"a vault already exists in {path}")
    make_private_dir(path)
    # SQLite creates files with the umask and gives -wal/-shm the database's mode: start at 0600.
    os.close(os.open(path / DB_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    data_key = bytearray(os.urandom(DATA_KEY_BYTES))
    try:
        conn = connect(path / DB_FILE, data_key)
        try:
            migrate(conn)
            _write_identity(conn)
        finally:
            conn.close()
        write_header(path / KEY_FILE, build_header(bytes(data_key), passphrase, kdf or KdfParams()))
        with Vault(path, data_key) as vault:
            vault.record_state()
    finally:
        _wipe(data_key)


def _write_identity(conn: Any) -> None:
    created = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("vault_id", new_id()), ("device_id", new_id()), ("created_at", created)],
    )
    conn.execute("COMMIT")


def require_vault(path: Path) -> dict[str, Any]:
    """The key header of the vault in *path*, or the error opening it would give.

    Lets a front end say "no vault here" before anyone types a passphrase.
    """
    header = read_header(Path(path) / KEY_FILE)
    if not (Path(path) / DB_FILE).is_file():
        raise IntegrityError(f"{DB_FILE} is missing from the vault in {path}")
    return header


def open_vault(path: Path, passphrase: str, *, accept_rollback: bool = False) -> Vault:
    """Unlock the vault in *path*.

    Raises WrongPassphrase (or UnlockThrottled, which is one) for a wrong
    passphrase, IntegrityError for a damaged or modified file, and
    RollbackDetected if the database is older than the one last used — unless
    *accept_rollback*, after a person has decided the older copy is right.
    """
    path = Path(path)
    header = require_vault(path)
    throttle = UnlockThrottle(path / THROTTLE_FILE)
    throttle.check()
    try:
        data_key = unwrap_data_key(header, passphrase)
    except WrongPassphrase:
        wait = throttle.record_failure()
        suffix = f"; wait {wait:.0f} s before the next attempt" if wait else ""
        raise WrongPassphrase(f"wrong passphrase{suffix}") from None
    throttle.record_success()
    return Vault(path, data_key, accept_rollback=accept_rollback)


class Vault:
    """An unlocked vault. Use as a context manager, or call close() to lock it."""

    def __init__(self, path: Path, data_key: bytearray, *, accept_rollback: bool = False) -> None:
        self.path = Path(path)
        self._data_key = data_key
        try:
            conn = connect(self.path / DB_FILE, data_key)
        except DBError as exc:
            raise translate_db_error(exc) from exc
        try:
            migrate(conn)
            # The reader opens as this connection did (the benchmark's plain twin
            # replaces ``connect`` while it opens a vault).
            opener = connect
            self._db = Database(
                conn,
                open_reader=lambda: opener(self.path / DB_FILE, self._data_key),
                state_sql=STATE_SQL,
            )
            self.vault_id, self.device_id = self._identity()
            self._witnesses = Witnesses(
                self.path, self.vault_id, derive_subkey(data_key, "state-mac")
            )
            self._check_rollback(accept_rollback)
        except BaseException:
            conn.close()
            raise
        self._pending_state: VaultState | None = None
        self._db.before_commit.append(self._advance_counter)
        self._db.on_commit.append(self._record_pending)
        remove_stale_temps(self.path)
        self.incidents = IncidentStore(self._db, self.device_id)
        self.queries = IncidentQueries(self._db)
        self.aggregates = Aggregates(self._db)
        self.notes = NoteStore(self._db, self.device_id)
        self.persons = PersonStore(self._db, self.device_id)
        self.reports = ReportStore(self._db, self.device_id)
        self.assessments = AssessmentStore(self._db, self.device_id)
        self.attachments = AttachmentStore(
            self._db, self.device_id, BlobStore(self.path / BLOB_DIR, bytes(data_key))
        )
        self.drafts = DraftStore(self.path / "drafts", derive_subkey(data_key, "drafts"))

    def _identity(self) -> tuple[str, str]:
        with self._db.read() as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if "vault_id" not in meta or "device_id" not in meta:
            raise IntegrityError("vault.db has no vault identity: it is not a complete vault")
        return meta["vault_id"], meta["device_id"]

    def state(self) -> VaultState:
        """The write counter and head revision the database records."""
        with self._db.read() as conn:
            counter, head = conn.execute(STATE_SQL).fetchone()
        return VaultState(counter, head)

    def _check_rollback(self, accept: bool) -> None:
        self._witnesses.check(self.state(), accept=accept)

    def record_state(self) -> None:
        """Write the current state to the witnesses (also how a rollback is accepted)."""
        self._witnesses.record(self.state())

    def _advance_counter(self, conn: Any) -> None:
        """Inside each write transaction: one more write, and the head is the last revision."""
        row = conn.execute(
            "UPDATE vault_state SET write_counter = write_counter + 1, head_hash = ?"
            " WHERE id = 1 RETURNING write_counter, head_hash",
            (latest_revision_hash(conn),),
        ).fetchone()
        self._pending_state = VaultState(row[0], row[1])

    def _record_pending(self) -> None:
        if self._pending_state is not None:
            self._witnesses.record(self._pending_state)
            self._pending_state = None

    @property
    def database(self) -> Database:
        """The open database (for the store's own modules: check, info, recovery)."""
        return self._db

    @property
    def data_key(self) -> bytes:
        """The data key, for recovery shares only. Never log or display it."""
        if not self._data_key:
            raise IntegrityError("the vault is locked")
        return bytes(self._data_key)

    @property
    def is_open(self) -> bool:
        return bool(self._data_key)

    def close(self) -> None:
        """Lock: close the database and overwrite the key held in memory (best effort)."""
        if self._data_key:
            self._db.close()
            _wipe(self._data_key)
            self._data_key = bytearray()

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _wipe(buffer: bytearray) -> None:
    """Overwrite a key buffer. Python may hold other copies; this removes the one we own."""
    for index in range(len(buffer)):
        buffer[index] = 0
