"""The real command, as a user runs it: ``hradvisor incident list --json --limit 200``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.fixtures import Fixture
from bench.measure import compare
from bench.report import Row
from bench.stores import PASSPHRASE

CLI_RUNS = 3


def _command() -> list[str]:
    script = Path(sys.executable).with_name("hradvisor")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from hradvisor.cli import main; sys.exit(main())"]


def cli_rows(fixture: Fixture) -> list[Row]:
    """Wall time of the process (interpreter, imports, unlock, page, count, JSON).

    The baseline is an interpreter that only imports the command line, so the
    difference is the work done for this one command. Informative: no budget.
    """
    env = {**os.environ, "HRADVISOR_PASSPHRASE": PASSPHRASE}
    listing = [*_command(), "incident", "list", "--json", "--limit", "200"]
    listing += ["--vault", str(fixture.vault)]
    imports = [sys.executable, "-c", "import hradvisor.cli"]

    def run(command: list[str]) -> None:
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)

    process, baseline = compare(lambda: run(listing), lambda: run(imports), runs=CLI_RUNS)
    return [
        Row(
            "process: hradvisor incident list --json --limit 200",
            "s",
            process.median,
            worst=process.worst,
            baseline=baseline.median,
            baseline_name="imports only",
        )
    ]
