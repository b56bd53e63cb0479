"""Vault health and description: what ``vault check`` and ``vault info`` report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hradvisor.store.connection import DBError
from hradvisor.store.errors import VaultError
from hradvisor.store.incidents import stale_incident_rows
from hradvisor.store.keyfile import kdf_params, read_header
from hradvisor.store.revisions import verify_revision_hashes
from hradvisor.store.schema import schema_version
from hradvisor.store.vault import BLOB_DIR, DB_FILE, KEY_FILE, Vault


@dataclass
class CheckReport:
    """Every problem found; an empty list means the vault checks clean."""

    problems: list[str] = field(default_factory=list)
    revisions_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_vault(vault: Vault) -> CheckReport:
    """Authenticate every page, recompute every revision hash, check derived state and blobs."""
    report = CheckReport()
    steps = (_page_problems, verify_revision_hashes, _derived_state_problems)
    for step in steps:
        try:
            with vault.database.read() as conn:
                report.problems += step(conn)
        except VaultError as exc:
            report.problems.append(
                f"{exc} (while checking {step.__name__.strip('_').replace('_', ' ')})"
            )
    try:
        with vault.database.read() as conn:
            report.revisions_checked = conn.execute("SELECT count(*) FROM revisions").fetchone()[0]
        report.problems += vault.attachments.check()
    except VaultError as exc:
        report.problems.append(str(exc))
    return report


def _page_problems(conn: Any) -> list[str]:
    problems = [
        f"page authentication: {row[0]}" for row in conn.execute("PRAGMA cipher_integrity_check")
    ]
    if problems:
        return problems  # structure checks would only trip over the same damaged pages
    result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        problems += [f"database structure: {line}" for line in result[:10]]
    try:
        conn.execute("INSERT INTO incidents_fts (incidents_fts) VALUES ('integrity-check')")
    except DBError:
        problems.append("the full-text index does not match the incidents")
    return problems


def _derived_state_problems(conn: Any) -> list[str]:
    problems = []
    for table, entity_type in (
        ("incidents", "'incident'"),
        ("attachments", "'attachment'"),
        ("records", "t.entity_type"),
    ):
        bad = conn.execute(
            f"SELECT count(*) FROM {table} t LEFT JOIN revisions r ON r.hash = t.head"
            f" WHERE r.hash IS NULL OR NOT (r.entity_id = t.id AND r.entity_type = {entity_type})"
        ).fetchone()[0]
        if bad:
            problems.append(f"{bad} row(s) in {table} point at a missing or foreign revision")
    stale = stale_incident_rows(conn)
    if stale:
        problems.append(f"{stale} incident row(s) differ from their current revision")
    return problems


def vault_info(vault: Vault) -> dict[str, Any]:
    """A description of the vault with no content in it (safe to show or log)."""
    header = read_header(vault.path / KEY_FILE)
    params = kdf_params(header)
    state = vault.state()
    with vault.database.read() as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        counts = {
            name: conn.execute(sql).fetchone()[0]
            for name, sql in (
                ("incidents", "SELECT count(*) FROM incidents"),
                ("notes", "SELECT count(*) FROM records WHERE entity_type = 'note'"),
                ("persons", "SELECT count(*) FROM records WHERE entity_type = 'person'"),
                ("attachments", "SELECT count(*) FROM attachments"),
                ("revisions", "SELECT count(*) FROM revisions"),
            )
        }
        cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
        version = schema_version(conn)
    blob_bytes = sum(p.stat().st_size for p in vault.attachments.blobs.stored_files())
    return {
        "path": str(vault.path),
        "vault_id": vault.vault_id,
        "device_id": vault.device_id,
        "created_at": meta.get("created_at"),
        "format_version": version,
        "sqlcipher_version": cipher,
        "kdf": {"algorithm": "argon2id", "memory_mib": params.memory_kib // 1024,
                "iterations": params.iterations, "lanes": params.lanes},
        "counts": counts,
        "write_counter": state.counter,
        "head_revision": state.head,
        "database_bytes": (vault.path / DB_FILE).stat().st_size,
        "attachment_bytes": blob_bytes,
        "blob_dir": BLOB_DIR,
    }  # fmt: skip
