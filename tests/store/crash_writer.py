"""Subprocess for the crash-torture test: add incidents one per transaction until killed.

After each commit returns it prints the incident id, so every printed id is
one the writer was told is durable.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hradvisor.store import open_vault
from tests.conftest import PASSPHRASE, make_incident


def main() -> None:
    vault = open_vault(Path(sys.argv[1]), PASSPHRASE)
    round_number = sys.argv[2]
    n = 0
    while True:
        n += 1
        incident = make_incident(
            title=f"Round {round_number} incident {n}", narrative="x" * (n % 3000)
        )
        vault.incidents.add(incident)
        print(incident.id, flush=True)


if __name__ == "__main__":
    main()
