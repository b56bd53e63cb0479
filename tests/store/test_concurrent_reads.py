"""Database.read_concurrently: two jobs on two connections, one committed state.

The analysis splits its largest aggregate in two halves run at once; these
tests pin down what makes that safe: both halves see the same state (even when
another process commits in between), the second connection can never write,
and every situation where two connections would disagree falls back to one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hradvisor.store import Vault, VaultError, open_vault
from hradvisor.store.connection import Database
from hradvisor.store.vault import STATE_SQL
from tests.conftest import PASSPHRASE, make_incident

Job = Callable[[Any], tuple[Any, Any, str]]


def state_job(conn: Any) -> tuple[Any, Any, str]:
    """What a job saw: the vault's state, its connection and its thread."""
    return conn.execute(STATE_SQL).fetchone(), conn, threading.current_thread().name


class ForeignWrites:
    """Another hradvisor process on the same vault, committing when told to."""

    def __init__(self, vault_dir: Path) -> None:
        self.vault = open_vault(vault_dir, PASSPHRASE)

    def commit(self) -> None:
        self.vault.incidents.add(make_incident())


class RacingReader:
    """The second connection, with a foreign commit landing just before its snapshot
    is taken (after the first connection took its own): the one window for a race."""

    def __init__(self, conn: Any, foreign: ForeignWrites, times: int) -> None:
        self._conn = conn
        self._foreign = foreign
        self.races_left = times

    def execute(self, sql: str, *args: Any) -> Any:
        if sql == STATE_SQL and self.races_left:
            self.races_left -= 1
            self._foreign.commit()
        return self._conn.execute(sql, *args)

    def close(self) -> None:
        self._conn.close()


@pytest.fixture
def foreign(vault_dir: Path) -> Iterator[ForeignWrites]:
    writer = ForeignWrites(vault_dir)
    yield writer
    writer.vault.close()


def committed(vault: Vault) -> tuple[int, str | None]:
    state = vault.state()
    return state.counter, state.head


def racing(vault: Vault, foreign: ForeignWrites, times: int) -> RacingReader:
    """Make the vault's second connection race *times* foreign commits."""
    db = vault.database
    opened = db._second_connection()
    assert opened is not None
    reader = RacingReader(opened, foreign, times)
    db._reader = reader
    return reader


def test_the_two_jobs_run_on_two_connections_at_once(vault: Vault) -> None:
    vault.incidents.add(make_incident())
    both_running = threading.Barrier(2, timeout=10)

    def meet(conn: Any) -> tuple[Any, Any, str]:
        both_running.wait()  # would time out if the jobs ran one after the other
        return state_job(conn)

    (state_here, conn_here, thread_here), (state_there, conn_there, thread_there) = (
        vault.database.read_concurrently(meet, meet)
    )
    assert state_here == state_there == committed(vault)
    assert conn_here is not conn_there
    assert thread_here != thread_there


def test_a_commit_between_the_two_snapshots_is_caught_and_read_again(
    vault: Vault, foreign: ForeignWrites
) -> None:
    reader = racing(vault, foreign, times=1)
    here, there = vault.database.read_concurrently(state_job, state_job)
    assert reader.races_left == 0
    assert here[0] == there[0] == committed(vault)
    assert here[1] is not there[1]


def test_a_writer_that_never_pauses_leaves_both_jobs_on_one_connection(
    vault: Vault, foreign: ForeignWrites
) -> None:
    racing(vault, foreign, times=100)
    here, there = vault.database.read_concurrently(state_job, state_job)
    assert here[1] is there[1] is vault.database.conn
    assert here[0] == there[0]


def test_inside_a_write_transaction_both_jobs_see_the_uncommitted_change(vault: Vault) -> None:
    db = vault.database
    with db.write() as conn:
        conn.execute("UPDATE vault_state SET write_counter = write_counter + 100")
        here, there = db.read_concurrently(state_job, state_job)
        assert here[1] is there[1] is conn
        assert here[0] == there[0]
        assert here[0][0] >= 100


def test_the_second_connection_cannot_write(vault: Vault) -> None:
    def write(conn: Any) -> None:
        conn.execute("UPDATE vault_state SET write_counter = 0")

    before = committed(vault)
    with pytest.raises(VaultError):
        vault.database.read_concurrently(state_job, write)
    assert committed(vault) == before


def test_an_error_in_either_job_reaches_the_caller_as_a_vault_error(vault: Vault) -> None:
    def broken(conn: Any) -> None:
        conn.execute("SELECT * FROM no_such_table")

    with pytest.raises(VaultError, match="database error"):
        vault.database.read_concurrently(state_job, broken)
    with pytest.raises(VaultError, match="database error"):
        vault.database.read_concurrently(broken, state_job)
    # The connections are usable again afterwards: no transaction was left open.
    vault.incidents.add(make_incident())
    here, there = vault.database.read_concurrently(state_job, state_job)
    assert here[0] == there[0] == committed(vault)


def test_without_a_second_connection_both_jobs_share_one(vault: Vault) -> None:
    db = vault.database
    attempts = []

    def cannot_open() -> Any:
        attempts.append(1)
        raise OSError("too many open files")

    db._open_reader = cannot_open
    for _ in range(2):
        here, there = db.read_concurrently(state_job, state_job)
        assert here[1] is there[1] is db.conn
    assert len(attempts) == 1  # not tried again on every query


def test_a_database_without_a_state_query_reads_on_one_connection(tmp_path: Path) -> None:
    import sqlite3

    db = Database(sqlite3.connect(tmp_path / "plain.db", isolation_level=None))
    here, there = db.read_concurrently(lambda c: c, lambda c: c)
    assert here is there is db.conn
    db.close()


def test_locking_closes_the_second_connection_too(vault: Vault) -> None:
    _, (_, reader, _) = vault.database.read_concurrently(state_job, state_job)
    vault.close()
    with pytest.raises(Exception, match="closed"):
        reader.execute("SELECT 1")
    with pytest.raises(VaultError, match="locked"):
        vault.database.read_concurrently(state_job, state_job)
