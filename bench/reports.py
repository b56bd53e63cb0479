"""Reports and exports: the summary PDF of a quarter (~10,000 incidents) and a CSV export
of the whole vault, each against the same code on the plain twin (DESIGN §11)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.fixtures import CACHE, Fixture
from bench.measure import compare
from bench.report import Budget, Row
from bench.stores import open_encrypted, open_plain
from hradvisor.model import report_from_json
from hradvisor.reports.exports import ExportScope, export_incidents
from hradvisor.reports.protection import Policy
from hradvisor.reports.summary import build_summary
from hradvisor.store import Vault

REPORT_RUNS = 3
EXPORT_RUNS = 3
# The last quarter of the demo data (bench/fixtures.py UNTIL), everything admitted:
# OHCHR's own strictly confidential copy, so the figure covers every incident of the period.
QUARTER = {
    "period_start": "2025-04-01",
    "period_end": "2025-06-30",
    "issued": "2025-07-03",
    "country": "XA",
    "classification": "strictly-confidential",
    "audience": "ohchr",
    "include_annex": True,
}
EVERYTHING = Policy(
    classification="strictly-confidential", audience="ohchr", include_discounted=True
)


def report_rows(fixture: Fixture) -> list[Row]:
    definition = report_from_json(QUARTER)
    with (
        open_encrypted(fixture.vault) as vault,
        open_plain(fixture.plain) as plain,
        tempfile.TemporaryDirectory(prefix=".export-", dir=CACHE) as folder,
    ):
        counted = build_summary(vault, definition).manifest.included
        pdf, pdf_plain = compare(
            lambda: build_summary(vault, definition),
            lambda: build_summary(plain, definition),
            runs=REPORT_RUNS,
        )

        def export(store: Vault, name: str) -> int:
            out = Path(folder) / name
            return export_incidents(store, out, "csv", ExportScope(), EVERYTHING).included

        rows = export(vault, "warm.csv")
        csv_time, csv_plain = compare(
            lambda: export(vault, "vault.csv"), lambda: export(plain, "plain.csv"), runs=EXPORT_RUNS
        )
    return [
        Row(
            f"summary PDF, {counted:,} incidents in the quarter, annex of the 500 most serious",
            "s",
            pdf.median,
            worst=pdf.worst,
            baseline=pdf_plain.median,
            baseline_name="plain",
            budget=Budget(at_most=3.0),
        ),
        Row(
            f"CSV export of {rows:,} incidents (protected, with manifest)",
            "s",
            csv_time.median,
            worst=csv_time.worst,
            baseline=csv_plain.median,
            baseline_name="plain",
            budget=Budget(at_most=5.0),
        ),
    ]
