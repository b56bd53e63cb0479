"""A fixed workload that uses none of our code: how fast the machine is right now.

Every figure in the table depends on the machine, and a shared virtual machine's
speed drifts from hour to hour (seen here: the same aggregate query 290 ms in one
hour and 500 ms in the next, with nothing else running). This figure is an
in-memory SQLite table from the standard library, grouped and sorted, timed at
the start and at the end of the run: when it is slow, every figure is slow, and
a budget missed by the margin it moved says more about the hour than the code.
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
