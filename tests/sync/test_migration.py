"""Format 2 → 3 (sync state): existing data kept, the sync tables' rules enforced."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hradvisor.store.connection import DBError, connect
from hradvisor.store.schema import LATEST_VERSION, MIGRATIONS, migrate, schema_version


def _format_2(tmp_path: Path) -> Any:
    conn = connect(tmp_path / "v2.db", b"k" * 32)
    migrate(conn, MIGRATIONS[:2])
    assert schema_version(conn) == 2
    conn.execute(
        "INSERT INTO revisions (hash, entity_type, entity_id, parents, device_id, device_seq,"
        " created_at, deleted, body) VALUES (?, 'note', 'n1', '[]', 'dev', 1, 't', 0, '{}')",
        ("01" * 32,),
    )
    return conn


def _package(conn: Any, sequence: int, previous: str | None, **extra: Any) -> None:
    values = {"receipt": None, "delivered_at": None, **extra}
    conn.execute(
        "INSERT INTO sync_packages (sequence, package_hash, previous_hash, hq_fingerprint, data,"
        " first_seq, last_seq, revisions, chunks, created_at, receipt, delivered_at)"
        " VALUES (?, ?, ?, 'FP', x'00', 1, 1, 1, 0, 't', ?, ?)",
        (sequence, f"{sequence:02x}" * 32, previous, values["receipt"], values["delivered_at"]),
    )


def test_upgrade_keeps_revisions_and_adds_empty_sync_state(tmp_path: Path) -> None:
    conn = _format_2(tmp_path)
    migrate(conn)
    assert schema_version(conn) == LATEST_VERSION >= 3
    assert conn.execute("SELECT hash FROM revisions").fetchall() == [("01" * 32,)]
    for table in ("sync_identity", "sync_hq", "sync_packages", "sync_chunks"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_delivered_without_a_receipt_is_unrepresentable(tmp_path: Path) -> None:
    conn = _format_2(tmp_path)
    migrate(conn)
    with pytest.raises(DBError, match="CHECK"):
        _package(conn, 1, None, delivered_at="2026-11-23")
    with pytest.raises(DBError, match="CHECK"):
        _package(conn, 1, None, receipt=b"r")
    _package(conn, 1, None, receipt=b"r", delivered_at="2026-11-23")


def test_only_the_first_package_has_no_previous_hash(tmp_path: Path) -> None:
    conn = _format_2(tmp_path)
    migrate(conn)
    with pytest.raises(DBError, match="CHECK"):
        _package(conn, 2, None)
    with pytest.raises(DBError, match="CHECK"):
        _package(conn, 1, "aa" * 32)


def test_one_identity_and_one_pinned_hq(tmp_path: Path) -> None:
    conn = _format_2(tmp_path)
    migrate(conn)
    conn.execute("INSERT INTO sync_identity VALUES (1, x'00', 'FP', 't')")
    with pytest.raises(DBError, match="CHECK"):
        conn.execute("INSERT INTO sync_identity VALUES (2, x'00', 'FP', 't')")
