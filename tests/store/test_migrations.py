"""Schema upgrades: format 1 → 2 (assessments and reports), 3 → 4 (analysis columns)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hradvisor.store.connection import DBError, connect
from hradvisor.store.errors import VaultError
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


def _format_3_with_victims(tmp_path: Path, cells: list[tuple[str, str, int]]) -> Any:
    """A format 3 database holding one incident with *cells* (outcome, sex/age, count)."""
    conn = connect(tmp_path / "v3.db", b"k" * 32)
    migrate(conn, MIGRATIONS[:3])
    _revision(conn, "incident", 1)
    conn.execute(
        "INSERT INTO incidents (key, id, head, title, date_first, date_last, date_precision,"
        " country, verification, sensitivity, consent, victims_total, updated_at)"
        " VALUES (7, 'id-1', ?, 'Fictional', '2025-01-02', '2025-01-02', 'day', 'XA',"
        " 'reported', 'confidential', 'internal', ?, '2026-01-01')",
        ("01" * 32, sum(n for _, _, n in cells)),
    )
    conn.executemany(
        "INSERT INTO incident_victims (incident_key, outcome, sex_age, count) VALUES (7, ?, ?, ?)",
        cells,
    )
    return conn


def test_format_4_fills_killed_and_cell_numbers_from_the_derived_rows(tmp_path: Path) -> None:
    conn = _format_3_with_victims(
        tmp_path, [("killed", "men", 2), ("killed", "girls", 1), ("displaced", "unknown", 30)]
    )
    migrate(conn)
    assert schema_version(conn) == LATEST_VERSION
    assert conn.execute("SELECT victims_killed FROM incidents").fetchone()[0] == 3
    cells = conn.execute("SELECT outcome, sex_age, count, cell FROM incident_victims ORDER BY cell")
    assert cells.fetchall() == [
        ("killed", "men", 2, 1),
        ("killed", "girls", 1, 2),
        ("displaced", "unknown", 30, 36),
    ]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_format_4_reads_a_period_from_the_date_index_alone(tmp_path: Path) -> None:
    conn = _format_3_with_victims(tmp_path, [])
    migrate(conn)
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT key, country, admin1, admin2, verification, sensitivity,"
        " consent, victims_total, victims_killed FROM incidents"
        " WHERE date_first >= '2025-01-01' AND date_last <= '2025-03-31'"
    ).fetchall()
    assert any("COVERING INDEX incidents_by_date" in row[-1] for row in plan)


def test_format_4_stops_on_a_cell_without_a_number_and_changes_nothing(tmp_path: Path) -> None:
    conn = _format_3_with_victims(tmp_path, [("killed", "men", 1), ("hunger", "women", 2)])
    with pytest.raises(VaultError, match="format 4 failed"):
        migrate(conn)
    assert schema_version(conn) == 3
    assert conn.execute("SELECT count(*) FROM incident_victims").fetchone()[0] == 2
    columns = [row[1] for row in conn.execute("PRAGMA table_info(incidents)")]
    assert "victims_killed" not in columns
