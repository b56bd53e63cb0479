"""Crash torture: SIGKILL a writer at random moments; nothing committed may be lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hradvisor.store import check_vault, open_vault
from tests.conftest import PASSPHRASE

ROUNDS = 55
ROOT = Path(__file__).resolve().parents[2]


def _run_and_kill(vault_dir: Path, round_number: int, rng: random.Random) -> list[str]:
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.store.crash_writer", str(vault_dir), str(round_number)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert writer.stdout is not None
    committed = []
    wanted = rng.randint(0, 25)
    while len(committed) < wanted:
        line = writer.stdout.readline()
        if not line:
            break
        committed.append(line.decode().strip())
    time.sleep(rng.uniform(0, 0.004))  # land the kill anywhere inside the next transaction
    writer.send_signal(signal.SIGKILL)
    rest, _ = writer.communicate()
    committed += [line for line in rest.decode().split() if line]
    return committed


@pytest.mark.slow
def test_every_committed_incident_survives_sigkill(vault_dir: Path) -> None:
    rng = random.Random(20261123)
    committed: list[str] = []
    for round_number in range(ROUNDS):
        committed += _run_and_kill(vault_dir, round_number, rng)
    assert len(committed) > ROUNDS  # the writer really wrote
    with open_vault(vault_dir, PASSPHRASE) as vault:
        report = check_vault(vault)
        assert report.ok, report.problems
        missing = [i for i in committed if not vault.incidents.exists(i)]
        assert missing == []
        assert vault.queries.count() >= len(committed)
