"""Report definitions: validated like every record, saved as revisions."""

from __future__ import annotations

import dataclasses

import pytest

from hradvisor.model import ReportOutput, ValidationError, report_from_json, report_to_json
from hradvisor.store import Vault, check_vault

BASE = {"period_start": "2025-04-01", "period_end": "2025-06-30", "issued": "2025-07-03"}


def test_round_trip_and_defaults() -> None:
    report = report_from_json({**BASE, "country": "XA", "areas": ["XA-02"],
                               "concerns": {"pinned": ["killing:XA-02"]}})  # fmt: skip
    assert report.classification == "confidential" and report.audience == "un"
    assert report.language == "en" and not report.include_annex
    assert report_from_json(report_to_json(report)) == report
    assert report.display_title().startswith("Summary analysis")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"period_end": "2025-03-01"}, "period_end"),
        ({"period_start": "2025-02-30"}, "period_start"),
        ({"classification": "secret"}, "classification"),
        ({"audience": "public"}, "audience"),  # a public report must be unclassified
        ({"language": "de"}, "language"),
        ({"areas": ["XA-02"]}, "areas[0]"),  # no country
        ({"country": "XA", "areas": ["XB-02"]}, "areas[0]"),
        ({"concerns": {"pinned": ["a"], "hidden": ["a"]}}, "concerns.hidden"),
        ({"classification": "unclassified", "exact_locations": True}, "exact_locations"),
        ({"include_annex": "yes"}, "include_annex"),
        (
            {"outputs": [{"sha256": "x", "made_at": "now", "pages": 1, "bytes": 1}]},
            "outputs[0].sha256",
        ),
        ({"colour": "blue"}, "colour"),
        ({"title": "a\nb"}, "title"),
    ],
)
def test_bad_definitions_name_the_field(change: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        report_from_json({**BASE, **change})
    assert field in [e.path for e in caught.value.errors]


def test_definitions_are_revisioned_in_the_vault(vault: Vault) -> None:
    report = report_from_json({**BASE, "overview": "First draft."})
    first = vault.reports.save(report)
    made = ReportOutput(sha256="a" * 64, made_at="2025-07-03T10:00:00Z", pages=4, bytes=1234)
    second = vault.reports.save(dataclasses.replace(report, outputs=(made,)), based_on=first.hash)
    assert vault.reports.get(report.id).outputs == (made,)
    assert [r.hash for r in vault.reports.history(report.id)] == [first.hash, second.hash]
    assert vault.reports.recent() == [vault.reports.get(report.id)]
    assert check_vault(vault).ok
