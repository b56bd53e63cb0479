"""``python -m bench [--incidents N]``: run every figure and print the table.

Exit status 0 whatever the budgets say; 1 if a benchmark crashed (its
traceback is printed, and the figures that did run are still shown).
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from unittest import mock

from bench.analysis import analysis_rows
from bench.cli_process import CLI_RUNS, cli_rows
from bench.fixtures import (
    BATCH,
    CACHE,
    SEED,
    UNTIL,
    Fixture,
    cache_entry,
    demo_incidents,
    fill,
    keep,
    new_fixture,
)
from bench.gui import gui_rows
from bench.hq import hq_rows
from bench.machine import machine_row
from bench.reads import count_rows, list_rows, search_rows
from bench.report import Row, render, verdict
from bench.reports import report_rows
from bench.stores import open_encrypted, open_plain
from bench.sync import sync_rows
from bench.unlock import UNLOCK_RUNS, unlock_rows
from bench.writes import write_rows


class Run:
    """The rows gathered so far and the benchmarks that crashed."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rows: list[Row] = []
        self.crashed: list[str] = []
        self.started = time.perf_counter()
        self.entry = cache_entry(args.incidents)  # once: the code may change while we run
        self.load_before = os.getloadavg()[0]

    def attempt(self, name: str, benchmark: Callable[[], list[Row]]) -> bool:
        self.progress(name)
        try:
            self.rows += benchmark()
        except Exception:
            traceback.print_exc()
            self.crashed.append(name)
            return False
        return True

    def progress(self, what: str) -> None:
        print(f"[{time.perf_counter() - self.started:6.1f} s] {what}…", file=sys.stderr)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--incidents", type=int, default=100_000, metavar="N")
    parser.add_argument(
        "--runs", type=int, default=20, metavar="R", help="timed runs per read figure"
    )
    parser.add_argument(
        "--write-incidents",
        type=int,
        metavar="W",
        help="incidents written for the write-path figure (default: N)",
    )
    args = parser.parse_args(argv)
    if args.incidents < BATCH or args.runs < 1:
        parser.error(f"--incidents must be ≥ {BATCH} and --runs ≥ 1")
    args.write_incidents = min(args.write_incidents or args.incidents, args.incidents)
    return args


def prepare(run: Run, work: Path) -> Fixture | None:
    """Measure the write path on a new vault; return the cached fixture (built if missing)."""
    count, writes = run.args.incidents, run.args.write_incidents
    entry = run.entry
    cached = entry.root.is_dir()
    run.progress(f"generating {count if not cached else writes:,} demo incidents")
    incidents = demo_incidents(count if not cached else writes)
    gc.freeze()  # the collector need not walk the pre-built incidents while timing
    try:
        fresh = new_fixture(work / "fixture")
        wrote = run.attempt("write path", lambda: write_rows(fresh, incidents[:writes]))
        if cached:
            return entry
        if not wrote:
            return None
        run.progress(f"building the cached vaults {entry.root.name}")
        fill(fresh, incidents[writes:])
        keep(fresh, entry)
        return entry
    finally:
        gc.unfreeze()


def measure_reads(run: Run, fixture: Fixture) -> None:
    run.attempt("unlock", lambda: unlock_rows(fixture))
    runs = run.args.runs
    with open_encrypted(fixture.vault) as vault, open_plain(fixture.plain) as plain:
        for name, group in (("search", search_rows), ("list", list_rows), ("count", count_rows)):
            run.attempt(name, functools.partial(group, (vault, plain), runs))
        run.attempt("analysis", functools.partial(analysis_rows, (vault, plain), runs))
    run.attempt("process", lambda: cli_rows(fixture))
    run.attempt("reports", lambda: report_rows(fixture))
    run.attempt("sync", lambda: sync_rows(fixture, runs))
    run.attempt("desktop app", lambda: gui_rows(fixture))


def notes(run: Run) -> str:
    args = run.args
    entry = run.entry.root
    return "\n".join(
        [
            f"Data: {args.incidents:,} fictional demo incidents (seed {SEED}, up to {UNTIL});"
            f" cached vaults in {entry.relative_to(CACHE.parent.parent)}; load average"
            f" {run.load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
            f" ({os.cpu_count()} cores; other work on the machine slows every figure).",
            f"Median of {args.runs} runs after a warm-up (unlock {UNLOCK_RUNS}, process"
            f" {CLI_RUNS}), alternating run by run with the baseline; worst = slowest run;"
            " budgets are checked on the median.",
            f"Write path: {args.write_incidents:,} incidents written each run into a new vault"
            f" and a new plain twin, batches alternating; worst = slowest batch.",
            "Ratio = figure ÷ baseline. plain = the same Vault code (migrate, Database,"
            " IncidentStore, IncidentQueries, write counter, rollback witnesses) opened with"
            " connect(key=None): unencrypted SQLite from the same sqlcipher3 build, same"
            " pragmas, same incidents.",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    run = Run(parse(argv))
    CACHE.mkdir(parents=True, exist_ok=True)
    try:
        with (
            tempfile.TemporaryDirectory(prefix="hradvisor-bench-state-") as state,
            tempfile.TemporaryDirectory(prefix=".run-", dir=CACHE) as work,
            mock.patch.dict(os.environ, {"HRADVISOR_STATE_DIR": state}),  # witnesses, not ~
        ):
            run.attempt("machine check", lambda: [machine_row("before")])
            fixture = prepare(run, Path(work))
            if fixture is not None:
                measure_reads(run, fixture)
            run.attempt("HQ intake", hq_rows)
            run.attempt("machine check", lambda: [machine_row("after")])
    except Exception:
        traceback.print_exc()
        run.crashed.append("setup")
    print(render(run.rows))
    print()
    print(notes(run))
    crashed = f"; CRASHED: {', '.join(run.crashed)} (tracebacks above)" if run.crashed else ""
    print(verdict(run.rows) + crashed)
    return 1 if run.crashed else 0


if __name__ == "__main__":
    sys.exit(main())
