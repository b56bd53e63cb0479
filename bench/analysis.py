"""Analysis figures: the dashboard's aggregates for a quarter, and three years of early warning.

DESIGN §11 / issue 5 budgets: the full dashboard set of aggregates (what
``hradvisor analyse`` computes except signals) ≤ 300 ms, and signals over
three years × every area ≤ 1 s, on the 100,000-incident demo vault. Timed on
the encrypted vault and, alternating, on its plain twin.
"""

from __future__ import annotations

import datetime as dt

from bench.fixtures import UNTIL
from bench.measure import compare
from bench.report import Budget, Row
from hradvisor.analysis import AnalysisScope, analyse, early_warning
from hradvisor.store import Vault

QUARTER = AnalysisScope(dt.date(2025, 4, 1), dt.date(2025, 6, 30))
THREE_YEARS = AnalysisScope(UNTIL.replace(year=UNTIL.year - 3), UNTIL)
DASHBOARD_BUDGET = Budget(at_most=0.300)
SIGNALS_BUDGET = Budget(at_most=1.0)
DASHBOARD_RUNS = 10
SIGNALS_RUNS = 5


def analysis_rows(stores: tuple[Vault, Vault], runs: int) -> list[Row]:
    encrypted, plain = stores
    dashboard, dashboard_plain = compare(
        lambda: analyse(encrypted, QUARTER, with_signals=False),
        lambda: analyse(plain, QUARTER, with_signals=False),
        runs=min(runs, DASHBOARD_RUNS),
    )
    signals_found = len(early_warning(encrypted, THREE_YEARS))
    signals, signals_plain = compare(
        lambda: early_warning(encrypted, THREE_YEARS),
        lambda: early_warning(plain, THREE_YEARS),
        runs=min(runs, SIGNALS_RUNS),
    )
    return [
        Row(
            "analyse dashboard aggregates, one quarter + 4 baseline quarters",
            "s",
            dashboard.median,
            dashboard.worst,
            dashboard_plain.median,
            "plain",
            DASHBOARD_BUDGET,
        ),
        Row(
            f"early-warning signals, 3 years × all areas ({signals_found} signals)",
            "s",
            signals.median,
            signals.worst,
            signals_plain.median,
            "plain",
            SIGNALS_BUDGET,
        ),
    ]
