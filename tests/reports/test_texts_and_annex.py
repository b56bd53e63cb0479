"""Fixed wording in both languages; the annex's order of seriousness and its cap."""

from __future__ import annotations

import datetime as dt

from hradvisor.model import incident_to_json
from hradvisor.reports.annex import most_serious
from hradvisor.reports.protection import Policy
from hradvisor.reports.texts import TEXTS, long_date, number, percent
from tests.conftest import make_incident


def test_every_text_exists_in_english_and_french() -> None:
    for key, by_lang in TEXTS.items():
        assert set(by_lang) == {"en", "fr"}, key
        assert all(value.strip() for value in by_lang.values()), key


def test_formats() -> None:
    assert number(12345, "en") == "12,345"
    assert number(12345, "fr") == "12\u202f345"
    assert percent(0.456, "en") == "46%" and percent(0.456, "fr") == "46\u202f%"
    assert percent(None, "en") == "n/a"
    assert long_date(dt.date(2025, 7, 1), "fr") == "1er juillet 2025"
    assert long_date(dt.date(2025, 7, 3), "en") == "3 July 2025"


def _incident(title: str, killed: int, tortured: int, detained: int, date: str) -> dict:
    victims = {
        "killed": {"men": killed},
        "tortured": {"women": tortured},
        "detained": {"men": detained},
    }
    victims = {k: v for k, v in victims.items() if any(v.values())}
    return incident_to_json(make_incident(title=title, victims=victims, date=date))


def test_annex_keeps_the_most_serious_in_a_stable_order() -> None:
    bodies = [
        _incident("detained many", 0, 0, 40, "2025-05-01"),
        _incident("one killed late", 1, 0, 0, "2025-05-20"),
        _incident("one killed early", 1, 0, 0, "2025-05-02"),
        _incident("tortured", 0, 2, 0, "2025-05-03"),
        _incident("three killed", 3, 0, 0, "2025-05-04"),
    ]
    rows, total = most_serious(iter(bodies), Policy(), "en", limit=4)
    assert total == 5
    assert [r.title for r in rows] == [
        "three killed",
        "one killed early",
        "one killed late",
        "tortured",
    ]
    again, _ = most_serious(reversed(bodies), Policy(), "en", limit=4)
    assert again == rows


def test_annex_rows_are_protected_and_labelled() -> None:
    data = incident_to_json(make_incident())
    (row,), _ = most_serious([data], Policy(), "fr")
    assert row.area == "Elsenmoor"  # the first-level area, never the place
    assert "Fenwick" not in repr(row)
    assert row.violations == "Détention arbitraire; Torture ou mauvais traitements"
    assert row.victims == 7 and row.killed == 0
    (exact,), _ = most_serious([data], Policy(exact_locations=True), "en")
    assert exact.area == "Fenwick Crossing, Elsenmoor"
