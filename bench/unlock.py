"""Figure 1: unlock with the real KDF, open, and the first page, against the KDF alone."""

from __future__ import annotations

import base64

from bench.fixtures import Fixture
from bench.measure import compare
from bench.report import Budget, Row
from bench.stores import PASSPHRASE
from hradvisor.store import open_vault
from hradvisor.store.keyfile import derive_kek, kdf_params, read_header

UNLOCK_RUNS = 7


def unlock_rows(fixture: Fixture) -> list[Row]:
    header = read_header(fixture.vault / "vault.key")
    salt = base64.b64decode(header["kdf"]["salt"])
    params = kdf_params(header)

    def unlock_and_list() -> None:
        with open_vault(fixture.vault, PASSPHRASE) as vault:
            vault.queries.page(limit=200)

    opened, kdf = compare(
        unlock_and_list, lambda: derive_kek(PASSPHRASE, salt, params), runs=UNLOCK_RUNS
    )
    return [
        Row(
            f"unlock (Argon2id {params.memory_kib // 1024} MiB, t={params.iterations},"
            f" p={params.lanes}) + open + first page of 200",
            "s",
            opened.median,
            worst=opened.worst,
            baseline=kdf.median,
            baseline_name="KDF alone",
            budget=Budget(at_most=1.0),
        )
    ]
