"""Format 1 → 2: revisions and records accept assessments and report definitions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hradvisor.store.connection import DBError, connect
from hradvisor.store.schema import LATEST_VERSION, MIGRATIONS, migrate, schema_version

_HASH = "ab" * 32


def _revision(conn: Any, entity_type: str, seq: int) -> None:
    conn.execute(
        "INSERT INTO revisions (hash, entity_type, entity_id, parents, device_id, device_seq,"
        " created_at, deleted, body) VALUES (?, ?, ?, '[]', 'dev', ?, '2026-01-01', 0, '{}')",
        (f"{seq:02x}" * 32, entity_type, f"id-{seq}", seq),
    )


def _format_1(tmp_path: Path) -> Any:
    conn = connect(tmp_path / "v1.db", b"k" * 32)
    migrate(conn, MIGRATIONS[:1])
    assert schema_version(conn) == 1
    _revision(conn, "note", 1)
    conn.execute(
        "INSERT INTO records (entity_type, id, head, sort_key, updated_at)"
        " VALUES ('note', 'id-1', ?, '2026-01-01', '2026-01-01')",
        ("01" * 32,),
    )
    return conn


def test_format_1_refuses_assessments(tmp_path: Path) -> None:
    conn = _format_1(tmp_path)
    with pytest.raises(DBError, match="CHECK"):
        _revision(conn, "assessment", 2)


def test_upgrade_keeps_rows_and_admits_the_new_kinds_only(tmp_path: Path) -> None:
    conn = _format_1(tmp_path)
    migrate(conn)
    assert schema_version(conn) == LATEST_VERSION
    assert conn.execute("SELECT entity_type, id FROM records").fetchall() == [("note", "id-1")]
    _revision(conn, "assessment", 2)
    _revision(conn, "report", 3)
    conn.execute(
        "INSERT INTO records (entity_type, id, head, sort_key, updated_at)"
        " VALUES ('assessment', 'id-2', ?, 'k', 't')",
        ("02" * 32,),
    )
    with pytest.raises(DBError, match="CHECK"):
        _revision(conn, "bogus", 4)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_upgraded_and_new_vaults_have_the_same_schema(tmp_path: Path) -> None:
    upgraded = _format_1(tmp_path)
    migrate(upgraded)
    fresh = connect(tmp_path / "new.db", b"k" * 32)
    migrate(fresh)
    query = "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"
    assert upgraded.execute(query).fetchall() == fresh.execute(query).fetchall()


def test_upgrade_survives_reopening(tmp_path: Path) -> None:
    conn = _format_1(tmp_path)
    migrate(conn)
    conn.close()
    again = connect(tmp_path / "v1.db", b"k" * 32)
    migrate(again)
    _revision(again, "report", 5)
    assert again.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
