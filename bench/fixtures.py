"""The benchmark's data: demo incidents, and the vault pair cached under bench/.cache.

A cache entry holds an encrypted vault (real KDF) and its plain twin (stores.py) filled
with the same incidents. It is keyed by the incident count, the seed, the last
day and a hash of the code and resources that shape what is stored, so any
change to the store, the model or the demo data builds it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import hradvisor
from bench.stores import create_encrypted, create_plain, open_encrypted, open_plain
from hradvisor.demo import generate_incidents
from hradvisor.model import Incident
from hradvisor.resources import resource_root

SEED = 1
UNTIL = dt.date(2025, 6, 30)  # fixed, so the data does not change with the calendar
BATCH = 2_000  # as ``hradvisor demo`` writes
CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass(frozen=True)
class Fixture:
    """A directory holding an encrypted vault and its plain twin."""

    root: Path

    @property
    def vault(self) -> Path:
        return self.root / "vault"

    @property
    def plain(self) -> Path:
        return self.root / "plain"


def code_version() -> str:
    """Hash of the store, model and demo code, the JSON resources and this layout."""
    package = Path(hradvisor.__file__).resolve().parent
    files = [
        *sorted(package.glob("store/*.py")),
        *sorted(package.glob("model/*.py")),
        package / "demo.py",
        *sorted(resource_root().rglob("*.json")),
        *(Path(__file__).with_name(name) for name in ("fixtures.py", "stores.py")),
    ]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def cache_entry(count: int) -> Fixture:
    return Fixture(CACHE / f"{count}-seed{SEED}-{UNTIL}-{code_version()}")


def demo_incidents(count: int) -> list[Incident]:
    return list(generate_incidents(count, seed=SEED, until=UNTIL))


def batches(incidents: list[Incident]) -> Iterator[list[Incident]]:
    iterator = iter(incidents)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch


def new_fixture(root: Path) -> Fixture:
    """An empty encrypted vault (default, real KDF) and an empty plain twin."""
    fixture = Fixture(root)
    create_encrypted(fixture.vault)
    create_plain(fixture.plain)
    return fixture


def fill(fixture: Fixture, incidents: list[Incident]) -> None:
    """Add *incidents* to both sides of *fixture* (untimed)."""
    with open_encrypted(fixture.vault) as vault, open_plain(fixture.plain) as plain:
        for batch in batches(incidents):
            vault.incidents.add_many(batch)
            plain.incidents.add_many(batch)


def keep(fixture: Fixture, entry: Fixture) -> None:
    """Move a complete *fixture* into the cache as *entry*, dropping stale ones of its count."""
    count = entry.root.name.split("-", 1)[0]
    for stale in CACHE.glob(f"{count}-seed*"):
        shutil.rmtree(stale)
    fixture.root.rename(entry.root)
