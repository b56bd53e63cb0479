"""The risk framework over time: latest and previous assessments, changes, summary, evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from hradvisor.analysis.risk import (
    DOWN,
    NEW,
    SAME,
    UNCLEAR,
    UP,
    compare,
    direction,
    draft_assessment,
    last_full_months,
    latest_assessment,
    linked_evidence,
    next_period,
    previous_assessment,
    previous_in,
    scope_label,
    suggest_evidence,
    summary,
)
from hradvisor.model import RiskAssessment, assessment_from_json
from hradvisor.store import Vault
from tests.conftest import make_incident

A = "01930000-0000-7000-8000-00000000000a"
B = "01930000-0000-7000-8000-00000000000b"
C = "01930000-0000-7000-8000-00000000000c"


def _assessment(factors: list[dict[str, Any]] | None = None, **overrides: Any) -> RiskAssessment:
    data: dict[str, Any] = {
        "country": "XA",
        "period_start": "2026-04-01",
        "period_end": "2026-06-30",
        "assessed_on": "2026-07-03",
        "factors": factors or [],
        "overall": {"rating": "low"},
    }
    data.update(overrides)
    return assessment_from_json(data)


# -- direction and compare --------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (None, "high", NEW),
        (None, "unknown", NEW),
        ("unknown", "low", NEW),
        ("unknown", "unknown", SAME),
        ("low", "low", SAME),
        ("absent", "high", UP),
        ("moderate", "low", DOWN),
        ("high", "absent", DOWN),
        ("high", "unknown", UNCLEAR),
    ],
)
def test_direction(old: str | None, new: str, expected: str) -> None:
    assert direction(old, new) == expected


def test_compare_hand_made_pair() -> None:
    previous = _assessment(
        [
            {
                "code": "serious-violations",
                "rating": "moderate",
                "indicators": ["serious-violations.impunity", "serious-violations.denial"],
                "evidence": [A, B],
            },
            {"code": "triggering-factors", "rating": "high"},
            {"code": "capacity", "rating": "low", "evidence": [C]},
        ]
    )
    current = _assessment(
        [
            {
                "code": "serious-violations",
                "rating": "high",
                "indicators": ["serious-violations.impunity", "serious-violations.mistrust"],
                "evidence": [B, C],
            },
            {"code": "triggering-factors", "rating": "low"},
            {"code": "capacity", "rating": "low", "evidence": [C]},
            {"code": "intergroup-tensions", "rating": "moderate"},
        ],
        period_start="2026-07-01",
        period_end="2026-09-30",
    )
    changes = {c.code: c for c in compare(current, previous)}
    assert len(changes) == 14
    violations = changes["serious-violations"]
    assert (violations.old_rating, violations.new_rating, violations.direction) == (
        "moderate",
        "high",
        UP,
    )
    assert violations.indicators_added == ("serious-violations.mistrust",)
    assert violations.indicators_removed == ("serious-violations.denial",)
    assert violations.evidence_added == (C,)
    assert violations.evidence_removed == (A,)
    assert changes["triggering-factors"].direction == DOWN
    assert changes["capacity"].direction == SAME
    assert not changes["capacity"].changed
    assert changes["intergroup-tensions"].direction == NEW
    assert changes["armed-conflict"].direction == SAME  # unknown both times
    assert [c.code for c in compare(current, previous) if c.changed] == [
        "serious-violations",
        "triggering-factors",
        "intergroup-tensions",
    ]


def test_compare_without_a_previous_assessment_is_all_new() -> None:
    current = _assessment([{"code": "capacity", "rating": "low", "evidence": [A]}])
    changes = compare(current, None)
    assert {c.direction for c in changes} == {NEW}
    assert changes[4].code == "capacity"
    assert changes[4].old_rating is None
    assert changes[4].evidence_added == (A,)


# -- latest and previous ---------------------------------------------------------------------


def test_latest_and_previous_follow_the_period_within_one_scope(vault: Vault) -> None:
    q1 = _assessment(period_start="2026-01-01", period_end="2026-03-31", assessed_on="2026-04-02")
    q2 = _assessment()
    q2_revised = _assessment(assessed_on="2026-07-20")  # same period, written later
    north = _assessment(areas=["XA-07"], period_end="2026-10-31", assessed_on="2026-11-01")
    for item in (q2, north, q1, q2_revised):
        vault.assessments.save(item)
    assert latest_assessment(vault, "XA") == q2_revised
    assert latest_assessment(vault, "XA", before=dt.date(2026, 7, 10)) == q2
    assert latest_assessment(vault, "XA", before=dt.date(2026, 4, 2)) is None
    assert latest_assessment(vault, "XA", ["XA-07"]) == north
    assert latest_assessment(vault, "XB") is None
    assert previous_assessment(vault, q2_revised) == q2
    assert previous_assessment(vault, q2) == q1
    assert previous_assessment(vault, q1) is None
    assert previous_assessment(vault, north) is None


# -- summary ----------------------------------------------------------------------------------


def test_summary_counts_labels_highest_and_changes() -> None:
    previous = _assessment([{"code": "armed-conflict", "rating": "moderate"}])
    current = _assessment(
        [
            {
                "code": "armed-conflict",
                "rating": "high",
                "indicators": ["armed-conflict.social-unrest"],
                "evidence": [A, B],
            },
            {"code": "triggering-factors", "rating": "high"},
            {"code": "capacity", "rating": "moderate"},
            {"code": "motives", "rating": "absent"},
        ],
        areas=["XA-01"],
        overall={"rating": "high", "narrative": "Deteriorating."},
        period_end="2026-09-30",
    )
    result = summary(current, "fr", previous=previous)
    assert result.counts == {"absent": 1, "low": 0, "moderate": 1, "high": 2, "unknown": 10}
    assert sum(result.counts.values()) == 14
    assert [row.code for row in result.highest] == ["armed-conflict", "triggering-factors"]
    first = result.factors[0]
    assert first.title == "Conflit armé ou autre forme d'instabilité"
    assert first.rating_label == "Élevé"
    assert first.group_label == "Facteurs de risque communs"
    assert first.indicators == (
        "Troubles sociaux : manifestations de masse, émeutes ou défiance ouverte envers l'autorité",
    )
    assert first.evidence_count == 2
    assert first.change is not None and first.change.direction == UP
    assert result.overall_label == "Élevé"
    assert result.overall_direction == UP
    assert result.scope == "Arcadie (fictive): Varnholt"
    assert [row.number for row in result.factors] == list(range(1, 15))


def test_summary_without_ratings_has_no_highest_and_no_changes() -> None:
    result = summary(_assessment(), "en")
    assert result.highest == ()
    assert result.counts["unknown"] == 14
    assert all(row.change is None for row in result.factors)
    assert result.overall_direction is None
    absent_only = summary(_assessment([{"code": "capacity", "rating": "absent"}]))
    assert absent_only.highest == ()  # nothing above "absent" is not a highest factor


def test_scope_label() -> None:
    assert scope_label("XA", ()) == "Arcadia (fictional)"
    assert scope_label("XA", ("XA-01",)) == "Arcadia (fictional): Varnholt"


# -- evidence ----------------------------------------------------------------------------------


def _incident(**overrides: Any) -> Any:
    data: dict[str, Any] = {"date": "2026-05-10", "verification": "verified"}
    data.update(overrides)
    return make_incident(**data)


def test_suggest_evidence_finds_relevant_credible_incidents_in_scope(vault: Vault) -> None:
    killing = _incident(
        title="Killing near the ford",
        violations=["killing"],
        victims={"killed": {"men": 3}},
        location={"country": "XA", "admin1": "XA-07"},
    )
    small = _incident(
        title="Detention",
        violations=["arbitrary-detention"],
        victims={"detained": {"men": 1}},
        location={"country": "XA", "admin1": "XA-07"},
    )
    credible = _incident(
        title="Torture report",
        violations=["torture-ill-treatment"],
        verification="credible",
        victims={"tortured": {"men": 9}},
        location={"country": "XA", "admin1": "XA-07"},
    )
    reported = _incident(
        title="Unverified killing",
        violations=["killing"],
        verification="reported",
        location={"country": "XA", "admin1": "XA-07"},
    )
    elsewhere = _incident(
        title="Killing elsewhere",
        violations=["killing"],
        location={"country": "XA", "admin1": "XA-02"},
    )
    too_late = _incident(
        title="Killing later",
        violations=["killing"],
        date="2026-08-01",
        location={"country": "XA", "admin1": "XA-07"},
    )
    unrelated = _incident(
        title="Blocked aid convoy",
        violations=["denial-of-humanitarian-access"],
        location={"country": "XA", "admin1": "XA-07"},
    )
    for item in (killing, small, credible, reported, elsewhere, too_late, unrelated):
        vault.incidents.add(item)
    found = suggest_evidence(
        vault.queries,
        "serious-violations",
        country="XA",
        areas=["XA-07"],
        start=dt.date(2026, 4, 1),
        end=dt.date(2026, 6, 30),
    )
    # verified first (most victims first), then credible
    assert [i.title for i in found] == ["Killing near the ford", "Detention", "Torture report"]
    without_linked = suggest_evidence(
        vault.queries,
        "serious-violations",
        country="XA",
        areas=["XA-07"],
        start=dt.date(2026, 4, 1),
        end=dt.date(2026, 6, 30),
        exclude=[killing.id],
        limit=1,
    )
    assert [i.title for i in without_linked] == ["Detention"]
    humanitarian = suggest_evidence(
        vault.queries,
        "threats-to-humanitarian-operations",
        country="XA",
        start=dt.date(2026, 4, 1),
        end=dt.date(2026, 6, 30),
    )
    assert [i.title for i in humanitarian] == ["Blocked aid convoy"]


def test_suggest_evidence_also_matches_victim_groups(vault: Vault) -> None:
    aid_worker = _incident(
        title="Aid worker beaten",
        violations=["torture-ill-treatment"],
        victim_groups=["humanitarian-workers"],
    )
    vault.incidents.add(aid_worker)
    found = suggest_evidence(
        vault.queries,
        "threats-to-humanitarian-operations",
        country="XA",
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
    )
    assert [i.id for i in found] == [aid_worker.id]


def test_linked_evidence_reports_missing_incidents(vault: Vault) -> None:
    present = _incident()
    vault.incidents.add(present)
    result = linked_evidence(vault, [present.id, A, present.id])
    assert [i.id for i in result.incidents] == [present.id]
    assert result.missing == (A,)


def test_summary_is_pure(vault: Vault) -> None:
    assessment = _assessment([{"code": "capacity", "rating": "high"}])
    before = dataclasses.replace(assessment)
    summary(assessment, "en", previous=assessment)
    assert assessment == before


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-07-01", "2026-09-30", ("2026-10-01", "2026-12-31")),  # a quarter
        ("2026-11-01", "2027-01-31", ("2027-02-01", "2027-04-30")),  # across a year
        ("2026-01-01", "2026-01-31", ("2026-02-01", "2026-02-28")),  # one month
        ("2026-03-10", "2026-03-23", ("2026-03-24", "2026-04-06")),  # two weeks
    ],
)
def test_next_period(start: str, end: str, expected: tuple[str, str]) -> None:
    following = next_period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert tuple(d.isoformat() for d in following) == expected


def test_last_full_months() -> None:
    assert last_full_months(dt.date(2026, 11, 23)) == (dt.date(2026, 8, 1), dt.date(2026, 10, 31))
    assert last_full_months(dt.date(2026, 2, 1), 1) == (dt.date(2026, 1, 1), dt.date(2026, 1, 31))


def test_draft_assessment_continues_the_previous_one() -> None:
    previous = _assessment(
        [{"code": "capacity", "rating": "high", "narrative": "Recruiting.", "evidence": [A]}],
        areas=["XA-12"],
    )
    draft = draft_assessment(previous, country="XB", today=dt.date(2026, 7, 5))
    assert draft.id != previous.id
    assert (draft.country, draft.areas) == ("XA", ("XA-12",))
    assert (draft.period_start, draft.period_end) == ("2026-07-01", "2026-09-30")
    assert draft.assessed_on == "2026-07-05"
    assert draft.factors == previous.factors
    fresh = draft_assessment(None, country="XA", areas=["XA-02"], today=dt.date(2026, 7, 5))
    assert (fresh.period_start, fresh.period_end) == ("2026-04-01", "2026-06-30")
    assert fresh.areas == ("XA-02",)
    assert {f.rating for f in fresh.factors} == {"unknown"}


def test_previous_in_pairs_assessments_of_each_scope_in_order() -> None:
    q1 = _assessment(period_start="2026-01-01", period_end="2026-03-31")
    q2 = _assessment()
    q3 = _assessment(period_start="2026-07-01", period_end="2026-09-30")
    north = _assessment(areas=["XA-07"])
    found = previous_in([q3, north, q1, q2])
    assert found == {q2.id: q1, q3.id: q2}
