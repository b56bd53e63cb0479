"""Filters, full-text search and keyset paging."""

from __future__ import annotations

import datetime as dt

import pytest

from hradvisor.store import IncidentFilter, Vault, VaultError, fts_query
from tests.conftest import make_incident


@pytest.fixture
def filled(vault: Vault) -> Vault:
    vault.incidents.add_many(
        [
            make_incident(
                title="Shelling near the school",
                date="2025-01-10",
                violations=["attack-on-civilians"],
                location={"country": "XA", "admin1": "XA-01"},
                narrative="Shells hit the courtyard.",
            ),
            make_incident(
                title="Journalist beaten at checkpoint",
                date="2025-02-03",
                violations=["attack-on-hrd"],
                perpetrators=["state-armed-forces"],
                victim_groups=["journalists"],
                location={"country": "XA", "admin1": "XA-02"},
                sensitivity="strictly-confidential",
            ),
            make_incident(
                title="Detentions after protest",
                date="2025-03",
                date_precision="month",
                violations=["arbitrary-detention", "freedom-of-assembly"],
                location={"country": "XA", "admin1": "XA-02"},
                verification="verified",
            ),
            make_incident(
                title="Élection: arrestations à Brenmark",
                date="2024",
                date_precision="year",
                violations=["arbitrary-detention"],
                location={"country": "XA", "admin1": "XA-04"},
                narrative="Les arrestations ont eu lieu avant l'élection.",
            ),
        ]
    )
    return vault


def _titles(vault: Vault, **filters: object) -> set[str]:
    page = vault.queries.page(IncidentFilter(**filters), limit=100)  # type: ignore[arg-type]
    return {i.title for i in page.items}


def test_filters(filled: Vault) -> None:
    assert _titles(filled, admin1=("XA-02",)) == {
        "Journalist beaten at checkpoint",
        "Detentions after protest",
    }
    assert _titles(filled, violations=("arbitrary-detention",)) == {
        "Detentions after protest",
        "Élection: arrestations à Brenmark",
    }
    assert _titles(filled, perpetrators=("state-armed-forces",)) == {
        "Journalist beaten at checkpoint"
    }
    assert _titles(filled, victim_groups=("journalists",)) == {"Journalist beaten at checkpoint"}
    assert _titles(filled, verification=("verified",)) == {"Detentions after protest"}
    assert _titles(filled, sensitivity=("strictly-confidential",)) == {
        "Journalist beaten at checkpoint"
    }
    assert _titles(filled, country="FR") == set()


def test_date_ranges_respect_precision(filled: Vault) -> None:
    march = _titles(filled, date_from=dt.date(2025, 3, 20), date_to=dt.date(2025, 3, 21))
    assert march == {"Detentions after protest"}  # a month-precision date may be any day of March
    assert _titles(filled, date_from=dt.date(2024, 6, 1), date_to=dt.date(2024, 6, 1)) == {
        "Élection: arrestations à Brenmark"
    }
    assert _titles(filled, date_from=dt.date(2025, 1, 11), date_to=dt.date(2025, 2, 2)) == set()


def test_full_text_search_with_prefix_and_diacritics(filled: Vault) -> None:
    assert _titles(filled, text="checkp") == {"Journalist beaten at checkpoint"}
    assert _titles(filled, text="courtyard") == {"Shelling near the school"}
    assert _titles(filled, text="election") == {"Élection: arrestations à Brenmark"}
    assert _titles(filled, text="protest detentions") == {"Detentions after protest"}
    assert _titles(filled, text="school", admin1=("XA-02",)) == set()


@pytest.mark.parametrize(
    "typed", ['"', "school*", "NEAR(a b)", "-school", "a OR", "(", "col:val", "^", "'"]
)
def test_anything_typed_is_a_safe_query(filled: Vault, typed: str) -> None:
    filled.queries.page(IncidentFilter(text=typed))  # never a syntax error


def test_fts_query_quotes_words() -> None:
    assert fts_query('school" OR x') == '"school" "OR" "x"*'
    assert fts_query("  ") == ""


@pytest.mark.parametrize("sort", ["date", "title", "victims", "updated"])
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_cover_everything_once_in_order(
    vault: Vault, sort: str, descending: bool
) -> None:
    vault.incidents.add_many(
        [
            make_incident(
                title=f"{'case' if n % 2 else 'CASE'} {n % 7}",
                date=f"2025-0{1 + n % 9}-1{n % 10}",
                victims={"killed": {"men": n % 4}},
            )
            for n in range(53)
        ]
    )
    seen, cursor = [], None
    while True:
        page = vault.queries.page(sort=sort, descending=descending, after=cursor, limit=10)
        seen += page.items
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == 53 == len({i.id for i in seen}) == vault.queries.count()
    key = {
        "date": lambda i: i.period()[0],
        "title": lambda i: i.title.lower(),
        "victims": lambda i: i.victims.total(),
        "updated": lambda i: 0,
    }[sort]
    values = [key(i) for i in seen]
    assert values == sorted(values, reverse=descending)


def test_bad_cursor_and_sort_are_errors(vault: Vault) -> None:
    with pytest.raises(VaultError, match="cursor"):
        vault.queries.page(after="not-a-cursor")
    with pytest.raises(VaultError, match="sort"):
        vault.queries.page(sort="narrative")


def test_count_matches_filters(filled: Vault) -> None:
    assert filled.queries.count() == 4
    assert filled.queries.count(IncidentFilter(admin1=("XA-02",), text="protest")) == 1
    assert filled.queries.count(IncidentFilter(text="arrestations")) == 1
    assert (
        filled.queries.count(
            IncidentFilter(violations=("arbitrary-detention", "freedom-of-assembly"))
        )
        == 2
    )
    assert (
        filled.queries.count(IncidentFilter(violations=("attack-on-hrd",), text="checkpoint")) == 1
    )


@pytest.mark.parametrize("planned", [0, 10**9])
def test_results_do_not_depend_on_the_plan(
    filled: Vault, planned: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whichever condition leads the query, the same incidents come back."""
    monkeypatch.setattr("hradvisor.store.queries.SCAN_ABOVE_MATCHES", planned)
    query = IncidentFilter(violations=("arbitrary-detention",), text="arrestations OR protest")
    assert {i.title for i in filled.queries.page(query).items} == set()  # every word must match
    query = IncidentFilter(violations=("arbitrary-detention",), admin1=("XA-02", "XA-04"))
    assert len(filled.queries.page(query).items) == filled.queries.count(query) == 2


@pytest.mark.parametrize("sort", ["date", "title", "victims"])
def test_list_rows_agree_with_full_pages(vault: Vault, sort: str) -> None:
    """page_rows reads derived rows only; it must show exactly what the incidents say."""
    vault.incidents.add_many(
        [
            make_incident(
                title=f"Row {n}",
                date=["2025-03-1" + str(n % 10), "2025-04", "2024"][n % 3],
                date_precision=["day", "month", "year"][n % 3],
                violations=[["killing"], ["torture-ill-treatment", "arbitrary-detention"]][n % 2],
                victims={"killed": {"men": n % 4}, "injured": {"girls": n % 2}},
            )
            for n in range(31)
        ]
    )
    filters = IncidentFilter(date_from=dt.date(2024, 1, 1))
    rows, pages, cursor, row_cursor = [], [], None, None
    while True:
        page = vault.queries.page(filters, sort=sort, after=cursor, limit=7)
        listed = vault.queries.page_rows(filters, sort=sort, after=row_cursor, limit=7)
        pages += page.items
        rows += listed.rows
        cursor, row_cursor = page.next_cursor, listed.next_cursor
        assert cursor == row_cursor
        if cursor is None:
            break
    assert [r.id for r in rows] == [i.id for i in pages]
    for row, incident in zip(rows, pages, strict=True):
        assert row.title == incident.title and row.date == incident.date
        assert row.violations == tuple(sorted(incident.violations))
        assert row.victims_total == incident.victims.total()
        assert (row.country, row.admin1) == (incident.location.country, incident.location.admin1)
        assert (row.verification, row.sensitivity) == (
            incident.verification,
            incident.sensitivity,
        )
