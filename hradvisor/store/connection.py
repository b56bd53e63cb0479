"""Opening the SQLCipher database with the settings DESIGN §5 requires.

Every database call in the store goes through ``Database`` so that (a) errors
from the SQLite layer become vault errors with exit codes (a failed page
HMAC is tampering, exit 4; a full disk says so), (b) writes are serialised and
transactional, and (c) nothing runs on a SQLite build without encryption.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3

from hradvisor.store.errors import IntegrityError, VaultError

DBError = (sqlcipher3.dbapi2.Error, sqlite3.Error)
ConstraintViolation = (sqlcipher3.dbapi2.IntegrityError, sqlite3.IntegrityError)
_TAMPER_MESSAGES = ("file is not a database", "malformed", "hmac check failed")
# Attempts at catching two connections on the same committed state while another
# process keeps writing, before both jobs run on one connection instead.
_SNAPSHOT_ATTEMPTS = 3

Here = TypeVar("Here")
There = TypeVar("There")


def translate_db_error(exc: BaseException) -> VaultError:
    """The vault error a user should see for a SQLite-level failure."""
    message = str(exc).lower()
    if any(text in message for text in _TAMPER_MESSAGES):
        return IntegrityError("vault.db is damaged or was modified (page authentication failed)")
    if "disk is full" in message or "disk i/o error" in message:
        return VaultError("the disk is full or failing: the last change was not saved")
    if "locked" in message or "busy" in message:
        return VaultError("the vault is in use by another hradvisor process")
    return VaultError(f"database error: {type(exc).__name__}")


@contextlib.contextmanager
def db_errors() -> Iterator[None]:
    """Turn SQLite exceptions raised in the block into VaultError subclasses."""
    try:
        yield
    except DBError as exc:
        raise translate_db_error(exc) from exc


def connect(path: Path, key: bytes | bytearray | None) -> Any:
    """A configured connection; *key* None opens plain SQLite (benchmark baseline only)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            require_sqlcipher(conn)
            conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        with db_errors():
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            for pragma in (
                "journal_mode = WAL",
                "synchronous = FULL",
                "foreign_keys = ON",
                "temp_store = MEMORY",
                "secure_delete = ON",
                # 64 MiB of decrypted pages: filtered counts over 100k incidents
                # otherwise re-decrypt the table on every query (make bench).
                "cache_size = -65536",
            ):
                conn.execute(f"PRAGMA {pragma}")
    except BaseException:
        conn.close()
        raise
    return conn


def require_sqlcipher(conn: Any) -> None:
    """Refuse to store anything through a SQLite that would write it in clear."""
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if not row or not row[0]:
        raise VaultError("this SQLite has no SQLCipher encryption: refusing to open the vault")


class Database:
    """One connection, serialised by a lock, with atomic write transactions.

    ``before_commit`` hooks run inside each outermost write transaction just
    before COMMIT (the write counter uses it); ``on_commit`` hooks run after a
    successful commit (the rollback witness uses it) and never for a
    transaction that was rolled back.

    *open_reader* opens a second, read-only connection on first need, and
    *state_sql* selects a value every commit changes: together they let
    ``read_concurrently`` split one long read over two cores.
    """

    def __init__(
        self,
        conn: Any,
        *,
        open_reader: Callable[[], Any] | None = None,
        state_sql: str | None = None,
    ) -> None:
        self.conn = conn
        self._lock = threading.RLock()
        self._depth = 0
        self._open_reader = open_reader if state_sql else None
        self._state_sql = state_sql or ""
        self._reader: Any = None
        self._closed = False
        self.before_commit: list[Callable[[Any], None]] = []
        self.on_commit: list[Callable[[], None]] = []

    @contextlib.contextmanager
    def read(self) -> Iterator[Any]:
        with self._lock, db_errors():
            yield self.conn

    @contextlib.contextmanager
    def write(self) -> Iterator[Any]:
        """A write transaction (BEGIN IMMEDIATE … COMMIT); nested calls join the outer one."""
        with self._lock, db_errors():
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
                for prepare in self.before_commit:
                    prepare(self.conn)
                self.conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(*DBError):
                    self.conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
            self._run_commit_hooks()

    def _run_commit_hooks(self) -> None:
        """Run after-commit hooks while still holding the lock, so they see commits in order."""
        for hook in self.on_commit:
            try:
                hook()
            except OSError as exc:
                raise VaultError(
                    f"the change was saved, but the rollback witness could not be updated "
                    f"({exc.strerror or 'input/output error'})"
                ) from exc

    def read_concurrently(
        self, here: Callable[[Any], Here], there: Callable[[Any], There]
    ) -> tuple[Here, There]:
        """Run two read-only jobs at once, each on its own connection, both seeing the
        same committed state; ``here`` runs on the calling thread.

        A large aggregate is CPU-bound inside SQLite, which uses one core per
        statement: split in two halves it takes the time of the longer half
        (make bench). Without a second connection, inside a write transaction
        (whose changes only this connection sees) or while another process
        keeps committing, both jobs run on this connection in one transaction.
        """
        with self._lock, db_errors():
            if self._closed:
                raise VaultError("the vault is locked")
            reader = None if self._depth else self._second_connection()
            if reader is not None:
                for _ in range(_SNAPSHOT_ATTEMPTS):
                    with self._read_transaction(self.conn), self._read_transaction(reader):
                        if self._state(self.conn) == self._state(reader):
                            return _in_parallel(here, self.conn, there, reader)
            if self._depth:
                return here(self.conn), there(self.conn)
            with self._read_transaction(self.conn):
                return here(self.conn), there(self.conn)

    def _second_connection(self) -> Any:
        """The read-only second connection, opened once; None if it cannot be."""
        if self._reader is None and self._open_reader is not None:
            try:
                reader = self._open_reader()
                reader.execute("PRAGMA query_only = ON")
            except (*DBError, OSError, VaultError):
                self._open_reader = None  # not worth retrying on every query
                return None
            self._reader = reader
        return self._reader

    @contextlib.contextmanager
    def _read_transaction(self, conn: Any) -> Iterator[None]:
        """A read transaction: its statements all see the state its first one saw."""
        conn.execute("BEGIN")
        try:
            yield
        finally:
            with contextlib.suppress(*DBError):
                conn.execute("COMMIT")

    def _state(self, conn: Any) -> Any:
        return conn.execute(self._state_sql).fetchone()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            self.conn.close()


def _in_parallel(
    here: Callable[[Any], Here], here_conn: Any, there: Callable[[Any], There], there_conn: Any
) -> tuple[Here, There]:
    """``there`` on a helper thread while ``here`` runs on this one; the first error wins.

    sqlcipher3 releases the GIL while SQLite steps, so the two statements
    really run at the same time.
    """
    answer: list[There] = []
    failure: list[BaseException] = []

    def run_there() -> None:
        try:
            answer.append(there(there_conn))
        except BaseException as exc:  # re-raised on the calling thread
            failure.append(exc)

    helper = threading.Thread(target=run_there, name="hradvisor-read", daemon=True)
    helper.start()
    try:
        result = here(here_conn)
    finally:
        helper.join()
    if failure:
        raise failure[0]
    return result, answer[0]
