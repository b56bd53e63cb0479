"""Schema and migrations, tracked by ``PRAGMA user_version``.

Each migration runs in one transaction together with the version bump, so a
crash or error leaves the vault at the previous version with nothing half
applied. A vault newer than this code refuses to open rather than risk
damaging data it does not understand.

The revisions table is the source of truth and is append-only (enforced by
triggers). Every other table is derived from it in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from hradvisor.store.connection import DBError, translate_db_error
from hradvisor.store.errors import VaultError, VaultTooNew
from hradvisor.store.victim_cells import cell_number_sql

# Format 1 knew these; format 2 (below) widened both lists in place.
_V1_ENTITY_TYPES = ("incident", "note", "person", "attachment")
ENTITY_TYPES = (*_V1_ENTITY_TYPES, "assessment", "report")
# Entities kept in the generic ``records`` table (incidents and attachments have their own).
RECORD_TYPES = ("note", "person", "assessment", "report")
CODE_KINDS = ("violation", "perpetrator", "victim_group", "right")


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sqlite_utils.Database], None]


def _initial_schema(db: sqlite_utils.Database) -> None:
    entity_types = _sql_list(_V1_ENTITY_TYPES)
    code_kinds = ", ".join(f"'{k}'" for k in CODE_KINDS)
    db.executescript(f"""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE vault_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            write_counter INTEGER NOT NULL CHECK (write_counter >= 0),
            head_hash TEXT CHECK (head_hash IS NULL OR length(head_hash) = 64),
            device_seq INTEGER NOT NULL CHECK (device_seq >= 0)
        );
        INSERT INTO vault_state (id, write_counter, head_hash, device_seq) VALUES (1, 0, NULL, 0);
        CREATE TABLE revisions (
            seq INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
            entity_type TEXT NOT NULL CHECK (entity_type IN ({entity_types})),
            entity_id TEXT NOT NULL,
            parents TEXT NOT NULL,
            device_id TEXT NOT NULL,
            device_seq INTEGER NOT NULL CHECK (device_seq > 0),
            created_at TEXT NOT NULL,
            deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
            body TEXT NOT NULL,
            UNIQUE (device_id, device_seq)
        );
        CREATE INDEX revisions_by_entity ON revisions (entity_type, entity_id, seq);
        CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
            BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
        CREATE TRIGGER revisions_append_only_delete BEFORE DELETE ON revisions
            BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
        CREATE TABLE incidents (
            key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            head TEXT NOT NULL REFERENCES revisions (hash),
            title TEXT NOT NULL,
            narrative TEXT,
            place TEXT,
            tags TEXT,
            date_first TEXT NOT NULL,
            date_last TEXT NOT NULL CHECK (date_last >= date_first),
            date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
            country TEXT NOT NULL,
            admin1 TEXT,
            admin2 TEXT,
            verification TEXT NOT NULL,
            sensitivity TEXT NOT NULL,
            consent TEXT NOT NULL,
            victims_total INTEGER NOT NULL CHECK (victims_total >= 0),
            updated_at TEXT NOT NULL
        );
        CREATE INDEX incidents_by_date ON incidents (date_first, date_last);
        CREATE INDEX incidents_by_country ON incidents (country, date_first);
        CREATE INDEX incidents_by_area ON incidents (admin1, date_first, date_last);
        CREATE INDEX incidents_by_title ON incidents (title COLLATE NOCASE);
        CREATE INDEX incidents_by_victims ON incidents (victims_total);
        CREATE INDEX incidents_by_update ON incidents (updated_at);
        CREATE TABLE incident_codes (
            kind TEXT NOT NULL CHECK (kind IN ({code_kinds})),
            code TEXT NOT NULL,
            incident_key INTEGER NOT NULL REFERENCES incidents (key) ON DELETE CASCADE,
            PRIMARY KEY (kind, code, incident_key)
        ) WITHOUT ROWID;
        CREATE INDEX incident_codes_by_incident ON incident_codes (incident_key);
        CREATE TABLE incident_victims (
            incident_key INTEGER NOT NULL REFERENCES incidents (key) ON DELETE CASCADE,
            outcome TEXT NOT NULL,
            sex_age TEXT NOT NULL,
            count INTEGER NOT NULL CHECK (count > 0),
            PRIMARY KEY (incident_key, outcome, sex_age)
        ) WITHOUT ROWID;
        CREATE TABLE records (
            entity_type TEXT NOT NULL CHECK (entity_type IN ('note', 'person')),
            id TEXT NOT NULL,
            head TEXT NOT NULL REFERENCES revisions (hash),
            sort_key TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (entity_type, id)
        ) WITHOUT ROWID;
        CREATE INDEX records_by_sort ON records (entity_type, sort_key);
        CREATE TABLE record_links (
            note_id TEXT NOT NULL,
            incident_id TEXT NOT NULL,
            PRIMARY KEY (note_id, incident_id)
        ) WITHOUT ROWID;
        CREATE INDEX record_links_by_incident ON record_links (incident_id);
        CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            incident_id TEXT NOT NULL,
            head TEXT NOT NULL REFERENCES revisions (hash),
            blob_id TEXT NOT NULL UNIQUE,
            filename TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            added_at TEXT NOT NULL
        );
        CREATE INDEX attachments_by_incident ON attachments (incident_id);
    """)
    db.table("incidents").enable_fts(
        ["title", "narrative", "place", "tags"],
        fts_version="FTS5",
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )


def _sql_list(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


def _widen_entity_types(db: sqlite_utils.Database) -> None:
    """Let revisions and records hold risk assessments and report definitions.

    SQLite cannot alter a CHECK constraint, and rebuilding ``revisions`` is
    not possible inside the migration's transaction while foreign keys point
    at it. Widening an IN-list only admits more values, so every existing row
    stays valid: this is the documented in-place procedure for relaxing a
    constraint (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table
    Schema Changes"), done inside the migration's transaction and checked by
    ``PRAGMA integrity_check`` before the version bump commits.
    """
    conn = db.conn
    changes = (
        (
            "revisions",
            f"entity_type IN ({_sql_list(_V1_ENTITY_TYPES)})",
            f"entity_type IN ({_sql_list(ENTITY_TYPES)})",
        ),
        (
            "records",
            "entity_type IN ('note', 'person')",
            f"entity_type IN ({_sql_list(RECORD_TYPES)})",
        ),
    )
    version = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    conn.execute("PRAGMA writable_schema = ON")
    try:
        for table, old, new in changes:
            row = conn.execute(
                "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()
            if row is None or row[0].count(old) != 1:
                raise VaultError(f"the {table} table is not in the expected format 1 shape")
            conn.execute(
                "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?",
                (row[0].replace(old, new), table),
            )
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise VaultError("the widened schema did not pass the integrity check")


def _sync_state(db: sqlite_utils.Database) -> None:
    """Sync to HQ (docs/package-format.md): the device's keys, the pinned HQ, the outbox.

    Additive only. A package's revisions are the range ``first_seq … last_seq``
    of ``revisions.seq``; attachment chunks are listed in ``sync_chunks``.
    Data counts as delivered only through a package that holds a receipt: the
    CHECK makes "delivered without a receipt" unrepresentable.
    """
    db.executescript("""
        CREATE TABLE sync_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            secret BLOB NOT NULL,
            fingerprint TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE sync_hq (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            bundle BLOB NOT NULL,
            fingerprint TEXT NOT NULL,
            url TEXT,
            ca_pem TEXT,
            pinned_at TEXT NOT NULL
        );
        CREATE TABLE sync_packages (
            sequence INTEGER PRIMARY KEY CHECK (sequence > 0),
            package_hash TEXT NOT NULL UNIQUE CHECK (length(package_hash) = 64),
            previous_hash TEXT CHECK (previous_hash IS NULL OR length(previous_hash) = 64),
            hq_fingerprint TEXT NOT NULL,
            data BLOB NOT NULL,
            first_seq INTEGER NOT NULL,
            last_seq INTEGER NOT NULL CHECK (last_seq >= first_seq - 1),
            revisions INTEGER NOT NULL CHECK (revisions >= 0),
            chunks INTEGER NOT NULL CHECK (chunks >= 0),
            created_at TEXT NOT NULL,
            receipt BLOB,
            delivered_at TEXT,
            CHECK ((receipt IS NULL) = (delivered_at IS NULL)),
            CHECK ((sequence = 1) = (previous_hash IS NULL))
        );
        CREATE TABLE sync_chunks (
            attachment_id TEXT NOT NULL,
            offset INTEGER NOT NULL CHECK (offset >= 0),
            length INTEGER NOT NULL CHECK (length > 0),
            sequence INTEGER NOT NULL REFERENCES sync_packages (sequence),
            PRIMARY KEY (attachment_id, offset)
        ) WITHOUT ROWID;
        CREATE INDEX sync_chunks_by_package ON sync_chunks (sequence);
    """)


def _analysis_columns(db: sqlite_utils.Database) -> None:
    """What the analysis groups and filters on, readable without the wide rows (make bench).

    * ``incidents.victims_killed``: killed victims of the incident, which the
      dashboard charts and lists per area; summing them from incident_victims
      for every incident of a quarter cost a lookup each.
    * ``incidents_by_date`` now also holds every column the analysis reads, so
      a period's incidents are read from the index alone and never from the
      table, whose rows carry titles and narratives (and cost decryption).
    * ``incident_victims.cell``: outcome and sex/age as one number
      (store/victim_cells.py), so grouping victims sorts one integer instead
      of two strings. The table is rebuilt to add it as NOT NULL.

    Derived columns only: they are filled here from the rows already derived
    from revisions, and written with them from now on.
    """
    db.executescript(f"""
        ALTER TABLE incidents ADD COLUMN
            victims_killed INTEGER NOT NULL DEFAULT 0 CHECK (victims_killed >= 0);
        UPDATE incidents SET victims_killed = (
            SELECT sum(v.count) FROM incident_victims v
            WHERE v.incident_key = incidents.key AND v.outcome = 'killed'
        ) WHERE key IN (SELECT incident_key FROM incident_victims WHERE outcome = 'killed');
        DROP INDEX incidents_by_date;
        CREATE INDEX incidents_by_date ON incidents (
            date_first, date_last, country, admin1, admin2, verification, sensitivity,
            consent, victims_total, victims_killed
        );
        CREATE TABLE incident_victims_new (
            incident_key INTEGER NOT NULL REFERENCES incidents (key) ON DELETE CASCADE,
            outcome TEXT NOT NULL,
            sex_age TEXT NOT NULL,
            count INTEGER NOT NULL CHECK (count > 0),
            cell INTEGER NOT NULL CHECK (cell >= 0),
            PRIMARY KEY (incident_key, outcome, sex_age)
        ) WITHOUT ROWID;
        INSERT INTO incident_victims_new (incident_key, outcome, sex_age, count, cell)
            SELECT incident_key, outcome, sex_age, count, {cell_number_sql("outcome", "sex_age")}
            FROM incident_victims;
        DROP TABLE incident_victims;
        ALTER TABLE incident_victims_new RENAME TO incident_victims;
    """)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1, "revisions, incidents, full-text index, notes, persons, attachments", _initial_schema
    ),
    Migration(2, "risk assessments and report definitions", _widen_entity_types),
    Migration(3, "sync to HQ: device keys, pinned HQ, outbox and receipts", _sync_state),
    Migration(
        4,
        "analysis columns: killed per incident, covering date index, cell numbers",
        _analysis_columns,
    ),
)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Any, migrations: tuple[Migration, ...] = MIGRATIONS) -> None:
    """Bring the schema up to date, one atomic transaction per migration."""
    current = schema_version(conn)
    latest = migrations[-1].version
    if current > latest:
        raise VaultTooNew(
            f"this vault was written by a newer hradvisor (format {current}, this version reads "
            f"up to {latest}): update hradvisor before opening it"
        )
    db = sqlite_utils.Database(conn)
    for migration in migrations:
        if migration.version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration.apply(db)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException as exc:
            conn.execute("ROLLBACK")
            cause = translate_db_error(exc) if isinstance(exc, DBError) else exc
            raise VaultError(
                f"upgrading the vault to format {migration.version} failed ({cause}); "
                "the vault was left unchanged"
            ) from exc
