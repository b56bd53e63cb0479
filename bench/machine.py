"""A fixed workload that uses none of our code: how fast the machine is right now.

Every figure in the table depends on the machine, and a shared virtual machine's
speed is not constant (seen here: this very workload takes about 117 ms or about
210 ms, switching every few tens of seconds whatever else runs; the dashboard
aggregates move with it, 200–250 ms or 330–390 ms). This figure is an in-memory
SQLite table from the standard library, grouped and sorted, timed at the start
and at the end of the run: when it is slow, every figure is slow, and a budget
missed by the margin it moved says more about the machine than the code.
"""

from __future__ import annotations

import sqlite3

from bench.measure import summarise, timed
from bench.report import Row

ROWS = 300_000
RUNS = 7
_QUERY = "SELECT a, b, sum(c) FROM t GROUP BY b, a HAVING sum(c) < 0"


def machine_row(when: str) -> Row:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE t (a INTEGER, b TEXT, c INTEGER)")
        conn.executemany(
            "INSERT INTO t VALUES (?, ?, ?)", ((i % 97, str(i % 1013), i) for i in range(ROWS))
        )
        conn.execute(_QUERY).fetchall()  # warm-up
        timing = summarise([timed(lambda: conn.execute(_QUERY).fetchall()) for _ in range(RUNS)])
    finally:
        conn.close()
    return Row(
        f"machine check, {when}: SQLite (stdlib, in memory) groups {ROWS:,} rows",
        "s",
        timing.median,
        timing.worst,
    )
