"""The two stores every figure compares: the vault, and the same code on plain SQLite.

The baseline is the real ``Vault`` class (``create_vault`` / ``open_vault``)
with one difference: while it is created or opened, the vault module's
``connect`` is replaced by ``connect(path, key=None)``, which opens plain
SQLite from the same sqlcipher3 build with the same pragmas. Everything else
is the store's own code: schema (``migrate``), ``Database``, ``IncidentStore``,
``IncidentQueries``, and the per-commit write counter and rollback witnesses.
Reusing the class rather than copying its wiring keeps the baseline honest as
the store changes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

from hradvisor.store import KdfParams, Vault, create_vault, open_vault
from hradvisor.store import vault as vault_module
from hradvisor.store.connection import connect

PASSPHRASE = "bench-only passphrase for fictional demo data"
# The plain side's key header wraps a key nothing uses: a cheap KDF keeps it out of the way.
_CHEAP_KDF = KdfParams(memory_kib=8, iterations=1, lanes=1)
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _connect_plain(path: Path, key: Any) -> Any:
    return connect(path, None)


@contextlib.contextmanager
def _unencrypted() -> Iterator[None]:
    with mock.patch.object(vault_module, "connect", _connect_plain):
        yield


def create_encrypted(path: Path) -> None:
    """A new, empty vault with the default (real) KDF."""
    create_vault(path, PASSPHRASE)


def create_plain(path: Path) -> None:
    """A new, empty vault whose database is plain SQLite; refuses if it came out encrypted."""
    with _unencrypted():
        create_vault(path, PASSPHRASE, kdf=_CHEAP_KDF)
    with (path / vault_module.DB_FILE).open("rb") as handle:
        if handle.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
            raise RuntimeError("the plain baseline is encrypted: bench/stores.py needs updating")


def open_encrypted(path: Path) -> Vault:
    return open_vault(path, PASSPHRASE)


def open_plain(path: Path) -> Vault:
    with _unencrypted():
        return open_vault(path, PASSPHRASE)
