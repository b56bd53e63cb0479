"""Figures 3–5: search, list pages as ``incident list --json`` makes them, and counts.

Every figure is timed on the encrypted vault and, alternating run by run, on
the plain twin holding the same incidents (the baseline).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from bench.measure import compare
from bench.report import Budget, Row
from hradvisor.model import incident_to_json
from hradvisor.store import IncidentFilter, Vault

PAGE = 200
PAGE_BUDGET = Budget(at_most=0.050)
Q1_FROM, Q1_TO = dt.date(2025, 1, 1), dt.date(2025, 3, 31)

SEARCHES = (
    ("common word 'police'", IncidentFilter(text="police")),
    ("rare word 'university'", IncidentFilter(text="university")),
    ("prefix 'detai'", IncidentFilter(text="detai")),
    (
        "'checkpoint' + area XA-07 + killing",
        IncidentFilter(text="checkpoint", admin1=("XA-07",), violations=("killing",)),
    ),
    ("'market' + Jan–Mar 2025", IncidentFilter(text="market", date_from=Q1_FROM, date_to=Q1_TO)),
)
LISTS = (
    ("unfiltered", IncidentFilter()),
    (
        "XA-01 + arbitrary-detention + verified",
        IncidentFilter(
            admin1=("XA-01",), violations=("arbitrary-detention",), verification=("verified",)
        ),
    ),
)
COUNTS = (
    ("violation killing", IncidentFilter(violations=("killing",))),
    ("XA-07 + Jan–Mar 2025", IncidentFilter(admin1=("XA-07",), date_from=Q1_FROM, date_to=Q1_TO)),
    ("'police' + verified", IncidentFilter(text="police", verification=("verified",))),
)


def list_json(store: Vault, filters: IncidentFilter) -> str:
    """What ``hradvisor incident list --json`` does after unlocking, short of printing."""
    page = store.queries.page(filters, limit=PAGE)
    total = store.queries.count(filters)
    document = {
        "total": total,
        "next": page.next_cursor,
        "incidents": [incident_to_json(incident) for incident in page.items],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)


def _row(
    figure: str,
    query: Callable[[Vault], object],
    stores: tuple[Vault, Vault],
    runs: int,
    budget: Budget | None,
) -> Row:
    encrypted, plain = stores
    subject, baseline = compare(lambda: query(encrypted), lambda: query(plain), runs=runs)
    return Row(figure, "s", subject.median, subject.worst, baseline.median, "plain", budget)


def search_rows(stores: tuple[Vault, Vault], runs: int) -> list[Row]:
    rows = []
    for name, filters in SEARCHES:
        hits = stores[0].queries.count(filters)
        figure = f"search {name}, page of {PAGE} ({hits:,} hits)"

        def query(store: Vault, f: IncidentFilter = filters) -> object:
            return store.queries.page(f, limit=PAGE)

        rows.append(_row(figure, query, stores, runs, PAGE_BUDGET))
    return rows


def list_rows(stores: tuple[Vault, Vault], runs: int) -> list[Row]:
    rows = []
    for name, filters in LISTS:
        figure = f"list --json {name}: page + count + JSON"

        def query(store: Vault, f: IncidentFilter = filters) -> object:
            return list_json(store, f)

        rows.append(_row(figure, query, stores, runs, PAGE_BUDGET))
    return rows


def count_rows(stores: tuple[Vault, Vault], runs: int) -> list[Row]:
    rows = []
    for name, filters in COUNTS:
        hits = stores[0].queries.count(filters)
        figure = f"count {name} ({hits:,})"

        def query(store: Vault, f: IncidentFilter = filters) -> object:
            return store.queries.count(f)

        rows.append(_row(figure, query, stores, runs, None))
    return rows
