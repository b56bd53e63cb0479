"""GUI figures (issue 4): first paint after unlock, longest GUI-thread stall, peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bench.fixtures import Fixture
from bench.report import Budget, Row
from bench.stores import PASSPHRASE

GUI_RUNS = 3


def _probe(fixture: Fixture) -> dict[str, float]:
    env = {**os.environ, "HRADVISOR_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.gui_probe", str(fixture.vault)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def gui_rows(fixture: Fixture) -> list[Row]:
    """Each run is a new process (a cold window); the median run is reported."""
    runs = [_probe(fixture) for _ in range(GUI_RUNS)]

    def figure(name: str) -> tuple[float, float]:
        values = sorted(run[name] for run in runs)
        return values[len(values) // 2], values[-1]

    paint, paint_worst = figure("first_paint_s")
    whole, whole_worst = figure("unlock_to_paint_s")
    scroll, scroll_worst = figure("scroll_stall_s")
    search, search_worst = figure("search_stall_s")
    rss, rss_worst = figure("rss_mb")
    peak, peak_worst = figure("peak_rss_mb")
    rows = int(min(run["rows_scrolled"] for run in runs))
    return [
        Row(
            "GUI: vault open → first painted list",
            "s",
            paint,
            worst=paint_worst,
            budget=Budget(at_most=0.5),
        ),
        Row(
            "GUI: Enter on unlock (incl. Argon2id) → first painted list",
            "s",
            whole,
            worst=whole_worst,
        ),
        Row(
            f"GUI: longest stall while scrolling {rows:,} rows",
            "s",
            scroll,
            worst=scroll_worst,
            budget=Budget(at_most=0.05),
        ),
        Row(
            "GUI: longest stall while typing a search",
            "s",
            search,
            worst=search_worst,
            budget=Budget(at_most=0.05),
        ),
        Row(
            "GUI: peak RSS (incl. Argon2id's 256 MiB while unlocking)",
            "MB",
            peak,
            worst=peak_worst,
        ),
        Row(
            "GUI: RSS after unlock, scrolling and searching",
            "MB",
            rss,
            worst=rss_worst,
            budget=Budget(at_most=400),
        ),
    ]
