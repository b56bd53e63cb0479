"""Tampering, rollback, append-only history, migrations and the SQLCipher guard."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from hradvisor.store import (
    IntegrityError,
    RollbackDetected,
    VaultError,
    VaultTooNew,
    check_vault,
    open_vault,
)
from hradvisor.store.connection import connect, require_sqlcipher
from hradvisor.store.schema import LATEST_VERSION, MIGRATIONS, Migration, migrate, schema_version
from tests.conftest import PASSPHRASE, make_incident

PAGE = 4096


def _fill(vault_dir: Path, count: int) -> list[str]:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        incidents = [
            make_incident(title=f"Incident number {n} in Quillon Coast") for n in range(count)
        ]
        vault.incidents.add_many(incidents)
    return [i.id for i in incidents]


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_flipped_byte_in_a_data_page_is_caught_on_read_and_by_check(vault_dir: Path) -> None:
    ids = _fill(vault_dir, 300)
    db = vault_dir / "vault.db"
    assert not (vault_dir / "vault.db-wal").exists()  # checkpointed on close
    pages = db.stat().st_size // PAGE
    _flip(db, (pages - 2) * PAGE + 700)
    with open_vault(vault_dir, PASSPHRASE) as vault:
        with pytest.raises(IntegrityError):
            for incident_id in ids:
                vault.incidents.get(incident_id)
            vault.queries.page(limit=1000)
            vault.queries.count()
        report = check_vault(vault)
    assert not report.ok
    assert any("authentication" in p or "damaged" in p for p in report.problems)


def test_flipped_byte_in_the_first_page_is_an_integrity_error_not_a_wrong_passphrase(
    vault_dir: Path,
) -> None:
    _fill(vault_dir, 5)
    _flip(vault_dir / "vault.db", 100)
    with pytest.raises(IntegrityError):
        open_vault(vault_dir, PASSPHRASE)


def test_clean_vault_checks_clean(vault: object) -> None:
    from hradvisor.store import Vault

    assert isinstance(vault, Vault)
    vault.incidents.add(make_incident())
    report = check_vault(vault)
    assert report.ok, report.problems
    assert report.revisions_checked == 1


def test_restoring_an_older_database_is_detected(vault_dir: Path, tmp_path: Path) -> None:
    _fill(vault_dir, 2)
    shutil.copy(vault_dir / "vault.db", tmp_path / "old.db")
    _fill(vault_dir, 2)
    shutil.copy(tmp_path / "old.db", vault_dir / "vault.db")
    with pytest.raises(RollbackDetected):
        open_vault(vault_dir, PASSPHRASE)


def test_restoring_an_older_copy_of_the_whole_folder_is_detected(
    vault_dir: Path, tmp_path: Path
) -> None:
    _fill(vault_dir, 2)
    shutil.copytree(vault_dir, tmp_path / "backup")
    _fill(vault_dir, 2)
    shutil.rmtree(vault_dir)
    shutil.copytree(tmp_path / "backup", vault_dir)  # database and its side file, both old
    with pytest.raises(RollbackDetected):
        open_vault(vault_dir, PASSPHRASE)


def test_a_person_can_accept_a_restored_copy(vault_dir: Path, tmp_path: Path) -> None:
    ids = _fill(vault_dir, 2)
    shutil.copy(vault_dir / "vault.db", tmp_path / "old.db")
    _fill(vault_dir, 2)
    shutil.copy(tmp_path / "old.db", vault_dir / "vault.db")
    with open_vault(vault_dir, PASSPHRASE, accept_rollback=True) as vault:
        assert vault.queries.count() == len(ids)
    with open_vault(vault_dir, PASSPHRASE) as vault:  # accepted once, then normal again
        vault.incidents.add(make_incident())


def test_same_counter_different_content_is_detected(vault_dir: Path, tmp_path: Path) -> None:
    shutil.copy(vault_dir / "vault.db", tmp_path / "fork.db")
    _fill(vault_dir, 1)
    forked = tmp_path / "forked"
    forked.mkdir()
    shutil.copy(vault_dir / "vault.key", forked / "vault.key")
    shutil.copy(tmp_path / "fork.db", vault_dir / "vault.db")
    state = json.loads((vault_dir / "vault.state").read_text())
    with open_vault(vault_dir, PASSPHRASE, accept_rollback=True) as vault:
        vault.record_state()
        vault.incidents.add(make_incident(title="A different history"))
        assert vault.state().counter == state["counter"]
    (vault_dir / "vault.state").write_text(json.dumps(state))
    with pytest.raises(RollbackDetected):
        open_vault(vault_dir, PASSPHRASE)


def test_edited_witness_is_an_integrity_error(vault_dir: Path) -> None:
    _fill(vault_dir, 1)
    side = vault_dir / "vault.state"
    record = json.loads(side.read_text())
    record["counter"] += 5
    side.write_text(json.dumps(record))
    with pytest.raises(IntegrityError, match=r"vault\.state"):
        open_vault(vault_dir, PASSPHRASE)


def test_missing_side_file_is_recreated(vault_dir: Path) -> None:
    _fill(vault_dir, 1)
    (vault_dir / "vault.state").unlink()
    with open_vault(vault_dir, PASSPHRASE):
        pass
    assert (vault_dir / "vault.state").exists()


def test_revisions_cannot_be_changed_or_deleted(vault: object) -> None:
    from hradvisor.store import Vault

    assert isinstance(vault, Vault)
    vault.incidents.add(make_incident())
    for statement in ("UPDATE revisions SET body = '{}'", "DELETE FROM revisions"):
        with pytest.raises(VaultError), vault.database.write() as conn:
            conn.execute(statement)
    with vault.database.read() as conn:
        assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 1


def test_plain_sqlite_is_refused() -> None:
    conn = sqlite3.connect(":memory:")
    with pytest.raises(VaultError, match="SQLCipher"):
        require_sqlcipher(conn)


def test_failed_migration_leaves_the_vault_unchanged(tmp_path: Path) -> None:
    conn = connect(tmp_path / "m.db", b"k" * 32)
    migrate(conn)

    def broken(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        db.execute("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(VaultError, match="left unchanged"):
        migrate(conn, (*MIGRATIONS, Migration(LATEST_VERSION + 1, "broken", broken)))
    assert schema_version(conn) == LATEST_VERSION
    assert "half_done" not in sqlite_utils.Database(conn).table_names()


def test_a_later_migration_applies_with_existing_data(tmp_path: Path) -> None:
    conn = connect(tmp_path / "m.db", b"k" * 32)
    migrate(conn)
    conn.execute("INSERT INTO meta (key, value) VALUES ('kept', 'yes')")

    def add_column(db: sqlite_utils.Database) -> None:
        db.execute("ALTER TABLE meta ADD COLUMN note TEXT")

    migrate(conn, (*MIGRATIONS, Migration(LATEST_VERSION + 1, "note column", add_column)))
    assert schema_version(conn) == LATEST_VERSION + 1
    assert conn.execute("SELECT value, note FROM meta WHERE key = 'kept'").fetchone() == (
        "yes",
        None,
    )


def test_vault_from_a_newer_version_refuses_to_open(vault_dir: Path) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault, vault.database.write() as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(VaultTooNew, match="newer hradvisor"):
        open_vault(vault_dir, PASSPHRASE)


def test_full_disk_says_so_and_keeps_the_vault_as_it_was(vault_dir: Path) -> None:
    ids = _fill(vault_dir, 3)
    with open_vault(vault_dir, PASSPHRASE) as vault:
        with vault.database.read() as conn:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own "disk is full"
        big = [make_incident(narrative="n" * 50_000) for _ in range(20)]
        with pytest.raises(VaultError, match="disk is full"):
            vault.incidents.add_many(big)
        assert vault.queries.count() == len(ids)
        assert not any(vault.incidents.exists(i.id) for i in big)
    with open_vault(vault_dir, PASSPHRASE) as vault:
        assert check_vault(vault).ok
        assert vault.queries.count() == len(ids)


def test_check_finds_a_revision_edited_behind_the_triggers(vault_dir: Path) -> None:
    """Someone holding the key could drop the append-only trigger; the hashes still tell."""
    _fill(vault_dir, 3)
    with open_vault(vault_dir, PASSPHRASE) as vault:
        with vault.database.write() as conn:
            conn.execute("DROP TRIGGER revisions_append_only_update")
            conn.execute("UPDATE revisions SET body = replace(body, 'number 1', 'number 9')")
        problems = check_vault(vault).problems
    assert len(problems) == 2
    assert "does not match its content" in problems[0]
    assert problems[1] == "1 incident row(s) differ from their current revision"


def test_check_finds_a_derived_row_that_disagrees_with_its_revision(vault_dir: Path) -> None:
    _fill(vault_dir, 3)
    with open_vault(vault_dir, PASSPHRASE) as vault:
        assert check_vault(vault).ok
        with vault.database.write() as conn:
            conn.execute("UPDATE incidents SET verification = 'verified' WHERE key = 2")
        problems = check_vault(vault).problems
    assert problems == ["1 incident row(s) differ from their current revision"]
