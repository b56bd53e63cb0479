"""Fixed wording in both languages; the annex's order of seriousness and its cap."""

from __future__ import annotations

import datetime as dt

from hradvisor.model import Incident, incident_to_json
from hradvisor.reports.annex import annex_row
from hradvisor.reports.protection import Policy
from hradvisor.reports.texts import TEXTS, long_date, number, percent
from hradvisor.store import IncidentFilter, Vault
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


def _incident(title: str, killed: int, tortured: int, detained: int, date: str) -> Incident:
    victims = {
        "killed": {"men": killed},
        "tortured": {"women": tortured},
        "detained": {"men": detained},
    }
    return make_incident(
        title=title,
        date=date,
        victims={k: v for k, v in victims.items() if any(v.values())},
        consent="share-within-un",
    )


def _ranked(vault: Vault, limit: int) -> list[str]:
    policy = Policy()
    with vault.reports.snapshot() as snapshot:
        bodies = snapshot.most_serious(
            IncidentFilter(sensitivity=policy.allowed_sensitivity()),
            consent=policy.allowed_consent(),
            verification=policy.allowed_verification(),
            limit=limit,
        )
    return [body["title"] for body in bodies]


def test_annex_keeps_the_most_serious_in_a_stable_order(vault: Vault) -> None:
    vault.incidents.add_many(
        [
            _incident("detained many", 0, 0, 40, "2025-05-01"),
            _incident("one killed late", 1, 0, 0, "2025-05-20"),
            _incident("one killed early", 1, 0, 0, "2025-05-02"),
            _incident("tortured", 0, 2, 0, "2025-05-03"),
            _incident("three killed", 3, 0, 0, "2025-05-04"),
            make_incident(title="not for the UN", victims={"killed": {"men": 50}}),
        ]
    )
    assert _ranked(vault, 4) == ["three killed", "one killed early", "one killed late", "tortured"]
    assert _ranked(vault, 10)[-1] == "detained many"


def test_annex_rows_are_protected_and_labelled() -> None:
    data = incident_to_json(make_incident())
    row = annex_row(data, Policy(), "fr")
    assert row.area == "Elsenmoor"  # the first-level area, never the place
    assert "Fenwick" not in repr(row)
    assert row.violations == "Détention arbitraire; Torture ou mauvais traitements"
    assert row.victims == 7 and row.killed == 0
    assert annex_row(data, Policy(exact_locations=True), "en").area == "Fenwick Crossing, Elsenmoor"
