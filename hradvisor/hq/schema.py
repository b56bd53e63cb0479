"""The HQ store's schema (DESIGN §8): what HQ received, from whom, and what it made of it.

Migrations run through the vault's own ``migrate`` (one transaction per step,
``PRAGMA user_version``). States are CHECK constraints so an impossible state
(an approved device with no approval time, a package without its receipt)
cannot be written. Revisions are append-only, as in the vault.
"""

from __future__ import annotations

import sqlite_utils

from hradvisor.store.schema import Migration


def _initial_schema(db: sqlite_utils.Database) -> None:
    db.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE hq_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            write_counter INTEGER NOT NULL CHECK (write_counter >= 0),
            head_hash TEXT
        );
        INSERT INTO hq_state (id, write_counter, head_hash) VALUES (1, 0, NULL);
        CREATE TABLE identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            private_bundle BLOB NOT NULL,
            public_bundle BLOB NOT NULL,
            fingerprint TEXT NOT NULL
        );
        CREATE TABLE devices (
            device_id TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,
            bundle BLOB NOT NULL,
            label TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
            requested_at TEXT NOT NULL,
            approved_at TEXT,
            revoked_at TEXT,
            CHECK (status != 'approved' OR approved_at IS NOT NULL),
            CHECK (status != 'revoked' OR revoked_at IS NOT NULL)
        ) WITHOUT ROWID;
        CREATE TABLE packages (
            device_id TEXT NOT NULL REFERENCES devices (device_id),
            sequence INTEGER NOT NULL CHECK (sequence > 0),
            package_hash TEXT NOT NULL UNIQUE,
            previous_hash TEXT CHECK ((sequence = 1) = (previous_hash IS NULL)),
            received_at TEXT NOT NULL,
            via TEXT NOT NULL CHECK (via IN ('https', 'file')),
            revisions INTEGER NOT NULL CHECK (revisions >= 0),
            new_revisions INTEGER NOT NULL CHECK (new_revisions >= 0),
            attachments INTEGER NOT NULL CHECK (attachments >= 0),
            PRIMARY KEY (device_id, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE receipts (
            device_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            receipt BLOB NOT NULL,
            issued_at TEXT NOT NULL,
            PRIMARY KEY (device_id, sequence),
            FOREIGN KEY (device_id, sequence) REFERENCES packages (device_id, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE gaps (
            device_id TEXT NOT NULL REFERENCES devices (device_id),
            first_seq INTEGER NOT NULL CHECK (first_seq > 0),
            last_seq INTEGER NOT NULL CHECK (last_seq >= first_seq),
            detected_at TEXT NOT NULL,
            PRIMARY KEY (device_id, first_seq)
        ) WITHOUT ROWID;
        CREATE TABLE revisions (
            seq INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            parents TEXT NOT NULL,
            author_device_id TEXT NOT NULL,
            author_seq INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
            body TEXT NOT NULL,
            redacted TEXT,
            country TEXT,
            from_device_id TEXT NOT NULL,
            from_sequence INTEGER NOT NULL,
            FOREIGN KEY (from_device_id, from_sequence) REFERENCES packages (device_id, sequence)
                DEFERRABLE INITIALLY DEFERRED
        );
        CREATE INDEX revisions_by_entity ON revisions (entity_type, entity_id);
        CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
            BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
        CREATE TRIGGER revisions_append_only_delete BEFORE DELETE ON revisions
            BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
        CREATE TABLE revision_parents (
            child TEXT NOT NULL,
            parent TEXT NOT NULL,
            PRIMARY KEY (parent, child)
        ) WITHOUT ROWID;
        CREATE TABLE heads (
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (entity_type, entity_id, hash)
        ) WITHOUT ROWID;
        CREATE TABLE entities (
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            head_hash TEXT NOT NULL,
            country TEXT,
            deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
            heads INTEGER NOT NULL CHECK (heads >= 1),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (entity_type, entity_id)
        ) WITHOUT ROWID;
        CREATE INDEX entities_by_country ON entities (entity_type, country);
        CREATE TABLE conflicts (
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            heads TEXT NOT NULL,
            devices TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            PRIMARY KEY (entity_type, entity_id, heads)
        ) WITHOUT ROWID;
        CREATE TABLE attachment_chunks (
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            start INTEGER NOT NULL CHECK (start >= 0),
            attachment_id TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            data BLOB NOT NULL,
            from_device_id TEXT NOT NULL,
            from_sequence INTEGER NOT NULL,
            PRIMARY KEY (sha256, start),
            CHECK (start + length(data) <= size),
            FOREIGN KEY (from_device_id, from_sequence) REFERENCES packages (device_id, sequence)
                DEFERRABLE INITIALLY DEFERRED
        ) WITHOUT ROWID;
        CREATE TABLE rejections (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            via TEXT NOT NULL,
            device_id TEXT,
            size INTEGER NOT NULL CHECK (size >= 0),
            reason TEXT NOT NULL
        );
        CREATE TABLE uploads (
            upload_id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL REFERENCES devices (device_id),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            size INTEGER NOT NULL CHECK (size > 0),
            received INTEGER NOT NULL CHECK (received >= 0 AND received <= size),
            status TEXT NOT NULL CHECK (status IN ('receiving', 'done')),
            created_at TEXT NOT NULL,
            sequence INTEGER,
            CHECK ((status = 'done') = (sequence IS NOT NULL)),
            UNIQUE (device_id, sha256)
        ) WITHOUT ROWID;
        CREATE TABLE upload_chunks (
            upload_id TEXT NOT NULL REFERENCES uploads (upload_id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            data BLOB NOT NULL,
            PRIMARY KEY (upload_id, start)
        ) WITHOUT ROWID;
    """)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "devices, packages, receipts, revisions, conflicts, uploads", _initial_schema),
)
