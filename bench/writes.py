"""Figure 2: the write path, encrypted vault against the same code on plain SQLite."""

from __future__ import annotations

import functools

from bench.fixtures import BATCH, Fixture, batches
from bench.measure import timed
from bench.report import Budget, Row
from bench.stores import open_encrypted, open_plain
from hradvisor.model import Incident
from hradvisor.store import Vault

WRITE_BUDGET = Budget(at_least=5_000, min_ratio=0.6)


def write_rows(fixture: Fixture, incidents: list[Incident]) -> list[Row]:
    """Incidents/s of ``add_many`` filling the new, empty *fixture* with *incidents*.

    Each batch goes to both stores, alternating which goes first, so the two
    databases grow alike and machine noise hits both. The rate is over all
    incidents; "worst" is the slowest batch.
    """
    encrypted: list[float] = []
    plain: list[float] = []
    with open_encrypted(fixture.vault) as vault, open_plain(fixture.plain) as base:
        for index, batch in enumerate(batches(incidents)):
            sides: list[tuple[Vault, list[float]]] = [(vault, encrypted), (base, plain)]
            for store, seconds in sides if index % 2 == 0 else reversed(sides):
                seconds.append(timed(functools.partial(store.incidents.add_many, batch)))
    count = len(incidents)
    return [
        Row(
            f"write path: add_many, {count:,} into a new vault ({BATCH:,}/batch)",
            "/s",
            count / sum(encrypted),
            worst=min(len(b) / s for b, s in zip(batches(incidents), encrypted, strict=True)),
            baseline=count / sum(plain),
            baseline_name="plain",
            budget=WRITE_BUDGET,
        )
    ]
