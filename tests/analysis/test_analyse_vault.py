"""analyse() on a small vault whose every figure is worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt

import pytest

from hradvisor.analysis import Analysis, AnalysisScope, analyse
from hradvisor.model import Incident
from hradvisor.store import Vault
from tests.conftest import make_incident

APRIL = AnalysisScope(dt.date(2025, 4, 1), dt.date(2025, 4, 30))  # 30 days
# previous period: 2 – 31 March; the one before: 31 January – 1 March


def _incident(**fields: object) -> Incident:
    base: dict[str, object] = {
        "violations": ["killing"],
        "perpetrators": ["state-armed-forces"],
        "victims": {},
        "victim_groups": [],
        "verification": "reported",
        "location": {"country": "XA", "admin1": "XA-07", "admin2": "XA0701"},
    }
    return make_incident(**(base | fields))


FIXTURE = {
    # In April, day precision, Thursday of ISO week 14.
    "A": _incident(
        date="2025-04-03",
        victims={"killed": {"men": 2, "women": 1}},
        verification="verified",
        victim_groups=["children"],
    ),
    # In April, Monday of week 16; two violations, two outcomes.
    "B": _incident(
        date="2025-04-14",
        violations=["arbitrary-detention", "torture-ill-treatment"],
        perpetrators=["state-police"],
        victims={"detained": {"men": 3}, "tortured": {"men": 1}},
        verification="credible",
    ),
    # Dated to April only: in the month, in no week.
    "C": _incident(
        date="2025-04",
        date_precision="month",
        violations=["freedom-of-assembly"],
        location={"country": "XA", "admin1": "XA-01"},
        verification="verified",
    ),
    # 29 April – 2 May: overlaps April, not inside it.
    "D": _incident(date="2025-04-29", date_end="2025-05-02"),
    # Previous period.
    "E": _incident(date="2025-03-10", victims={"killed": {"men": 1}}),
    # No area recorded; Sunday of week 16.
    "F": _incident(
        date="2025-04-20",
        violations=["discrimination"],
        victims={"other": {"unknown": 5}},
        location={"country": "XA"},
    ),
    # Dated to 2025 only: overlaps April, not inside it.
    "G": _incident(date="2025", date_precision="year"),
    # The period before the previous one.
    "H": _incident(date="2025-02-10", victims={"killed": {"men": 2}}),
}


@pytest.fixture
def filled(vault: Vault) -> Vault:
    vault.incidents.add_many(list(FIXTURE.values()))
    return vault


@pytest.fixture
def april(filled: Vault) -> Analysis:
    return analyse(filled, APRIL, baseline_periods=2)


def test_figures_of_the_period(april: Analysis) -> None:
    figures = april.figures
    assert figures.incidents == 4  # A, B, C, F
    assert figures.verified == 2  # A, C
    assert figures.verified_share == 0.5
    assert figures.victims == {
        "killed": {"men": 2, "women": 1},
        "detained": {"men": 3},
        "tortured": {"men": 1},
        "other": {"unknown": 5},
    }
    assert figures.victims_by_outcome == {"killed": 3, "detained": 3, "tortured": 1, "other": 5}
    assert figures.victims_total == 12
    assert april.imprecise == 2  # D and G


def test_previous_period_baseline_and_changes(april: Analysis) -> None:
    assert april.previous.incidents == 1  # E
    assert april.previous.killed == 1
    assert april.baseline_periods == 2
    assert april.baseline is not None and april.baseline.incidents == 1  # (E + H) / 2
    incidents = april.changes["incidents"]
    assert (incidents.current, incidents.previous, incidents.baseline) == (4, 1, 1.0)
    assert incidents.delta == 3 and incidents.ratio == 4.0
    assert incidents.direction == "flat" and incidents.band == "low-count"  # too few to say
    killed = april.changes["killed"]
    assert (killed.current, killed.previous, killed.baseline) == (3, 1, 1.5)  # H killed 2
    assert april.changes["detained"].direction == "new"  # none in March
    assert april.changes["verified_share"].current == 0.5


def test_time_buckets_respect_date_precision(april: Analysis) -> None:
    weeks = {b.key: b for b in april.by_week}
    assert list(weeks) == ["2025-W14", "2025-W15", "2025-W16", "2025-W17", "2025-W18"]
    assert weeks["2025-W14"].incidents == 1 and weeks["2025-W14"].killed == 3
    assert weeks["2025-W16"].incidents == 2 and weeks["2025-W16"].victims == 9  # B and F
    assert sum(b.incidents for b in april.by_week) == 3  # C is dated to the month only
    assert april.undated_in_buckets == {"week": 1, "month": 0, "quarter": 0}
    assert [(b.key, b.label, b.incidents) for b in april.by_month] == [("2025-04", "April 2025", 4)]
    assert [(b.key, b.incidents) for b in april.by_quarter] == [("2025-Q2", 4)]


def test_places_including_unknown_area(april: Analysis) -> None:
    areas = {b.key: b for b in april.by_area}
    assert set(areas) == {"XA-07", "XA-01", "XA"}
    assert (areas["XA-07"].incidents, areas["XA-07"].victims, areas["XA-07"].killed) == (2, 7, 3)
    assert areas["XA-07"].label == "Duskwater"
    assert areas["XA"].label == "Arcadia (fictional) (area not recorded)"
    assert areas["XA"].victims == 5
    districts = {b.key: b.incidents for b in april.by_admin2}
    assert districts == {"XA0701": 2, "XA-01/-": 1, "XA/-": 1}


def test_codes(april: Analysis) -> None:
    violations = {b.key: (b.incidents, b.killed) for b in april.by_violation}
    assert violations == {
        "killing": (1, 3),
        "arbitrary-detention": (1, 0),
        "torture-ill-treatment": (1, 0),
        "freedom-of-assembly": (1, 0),
        "discrimination": (1, 0),
    }
    assert {b.key: b.incidents for b in april.by_perpetrator} == {
        "state-armed-forces": 3,
        "state-police": 1,
    }
    assert [(b.key, b.label) for b in april.by_victim_group] == [("children", "Children")]


def test_concerns_list_their_incidents(april: Analysis) -> None:
    by_key = {c.key: c for c in april.concerns}
    killing = by_key["killing@*"]
    assert killing.incident_ids == (FIXTURE["A"].id,)
    assert killing.figures.killed == 3 and killing.verified_share == 1.0
    assert april.concerns[0].key == "killing@*"  # gravest
    assert all(c.area is None for c in april.concerns)  # no area has 3 incidents of one kind


def test_filters_narrow_everything(filled: Vault) -> None:
    scoped = analyse(filled, AnalysisScope(APRIL.start, APRIL.end, areas=("XA-07",)))
    assert scoped.figures.incidents == 2
    assert scoped.imprecise == 2  # D and G are in XA-07
    verified = analyse(filled, AnalysisScope(APRIL.start, APRIL.end, verification=("verified",)))
    assert verified.figures.incidents == 2 and verified.figures.verified_share == 1.0
    killings = analyse(filled, AnalysisScope(APRIL.start, APRIL.end, violations=("killing",)))
    assert killings.figures.incidents == 1


def test_empty_period_divides_by_nothing(filled: Vault) -> None:
    empty = analyse(filled, AnalysisScope(dt.date(2030, 1, 1), dt.date(2030, 1, 31)))
    assert empty.figures.incidents == 0
    assert empty.figures.verified_share is None
    assert empty.changes["incidents"].ratio is None
    assert "verified_share" not in empty.changes
    assert empty.concerns == [] and empty.signals == []
    assert all(b.incidents == 0 for b in empty.by_week)


def test_empty_vault(vault: Vault) -> None:
    result = analyse(vault, APRIL)
    assert result.figures.incidents == 0 and result.baseline is None
    assert result.baseline_periods == 0


def test_single_incident(vault: Vault) -> None:
    vault.incidents.add(FIXTURE["A"])
    result = analyse(vault, APRIL)
    assert result.figures.incidents == 1
    assert result.changes["incidents"].direction == "new"
    assert result.baseline_periods == 0  # no full period before the first incident
    assert [c.key for c in result.concerns] == ["killing@*"]
