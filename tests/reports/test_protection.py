"""The protection rules, as a table: what each classification and audience may contain."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hradvisor.model import incident_to_json
from hradvisor.reports.protection import (
    AUDIENCES,
    CLASSIFICATIONS,
    CONSENT_DOES_NOT_REACH_AUDIENCE,
    CONSENTS,
    DISCOUNTED,
    SENSITIVITY_ABOVE_CLASSIFICATION,
    VERIFICATIONS,
    Policy,
    ProtectionError,
    protect_incident,
    tally,
)
from tests.conftest import make_incident

S, C, SC = "unclassified", "confidential", "strictly-confidential"
INTERNAL, UN, PUBLIC = "internal-only", "share-within-un", "public-anonymised"

# (classification, audience) -> (sensitivity levels allowed, consent levels allowed)
RULES = {
    (S, "public"): ({S}, {PUBLIC}),
    (S, "un"): ({S}, {PUBLIC}),  # unclassified can travel anywhere: public consent only
    (S, "ohchr"): ({S}, {PUBLIC}),
    (C, "un"): ({S, C}, {UN, PUBLIC}),
    (C, "ohchr"): ({S, C}, {INTERNAL, UN, PUBLIC}),
    (SC, "un"): ({S, C, SC}, {UN, PUBLIC}),
    (SC, "ohchr"): ({S, C, SC}, {INTERNAL, UN, PUBLIC}),
}


@pytest.mark.parametrize(("classification", "audience"), sorted(RULES))
def test_rule_table(classification: str, audience: str) -> None:
    policy = Policy(classification=classification, audience=audience)
    sensitivities, consents = RULES[(classification, audience)]
    for sensitivity, consent in itertools.product(CLASSIFICATIONS, CONSENTS):
        reason = policy.exclusion(sensitivity, consent, "verified")
        if sensitivity not in sensitivities:
            assert reason == SENSITIVITY_ABOVE_CLASSIFICATION
        elif consent not in consents:
            assert reason == CONSENT_DOES_NOT_REACH_AUDIENCE
        else:
            assert reason is None
    assert set(policy.allowed_sensitivity()) == sensitivities
    assert set(policy.allowed_consent()) == consents


def test_internal_only_never_reaches_the_un_or_the_public() -> None:
    for classification, audience in RULES:
        if audience != "ohchr":
            policy = Policy(classification=classification, audience=audience)
            assert INTERNAL not in policy.allowed_consent()


def test_discounted_incidents_are_left_out_unless_asked_for() -> None:
    assert Policy().exclusion(C, UN, "discounted") == DISCOUNTED
    assert Policy(include_discounted=True).exclusion(C, UN, "discounted") is None
    for verification in ("reported", "credible", "verified"):
        assert Policy().exclusion(C, UN, verification) is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"classification": C, "audience": "public"},
        {"classification": SC, "audience": "public"},
        {"classification": S, "exact_locations": True},
        {"classification": S, "include_narratives": True},
        {"classification": "secret"},
        {"audience": "press"},
    ],
)
def test_contradictory_policies_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ProtectionError):
        Policy(**kwargs)  # type: ignore[arg-type]


@given(
    classification=st.sampled_from(CLASSIFICATIONS),
    audience=st.sampled_from(AUDIENCES),
    sensitivity=st.sampled_from(CLASSIFICATIONS),
    consent=st.sampled_from(CONSENTS),
    verification=st.sampled_from(VERIFICATIONS),
)
def test_never_more_open_than_the_marking(
    classification: str, audience: str, sensitivity: str, consent: str, verification: str
) -> None:
    try:
        policy = Policy(classification=classification, audience=audience)
    except ProtectionError:
        return
    if policy.exclusion(sensitivity, consent, verification) is None:
        assert CLASSIFICATIONS.index(sensitivity) <= CLASSIFICATIONS.index(classification)
        assert consent != INTERNAL or audience == "ohchr"
        assert verification != "discounted"
        if classification == S:
            assert consent == PUBLIC


def test_withheld_fields_follow_the_policy() -> None:
    default = Policy().withheld_fields()
    assert "narratives" in default and "notes on sources" in default
    assert any(f.startswith("titles") for f in default)
    assert any(f.startswith("places") for f in default)
    exact = Policy(exact_locations=True, include_narratives=True).withheld_fields()
    assert not any(f.startswith(("titles", "places", "narratives")) for f in exact)
    assert "tags" in Policy(classification=S, audience="public").withheld_fields()


def test_tally_counts_each_incident_once_under_its_first_reason() -> None:
    groups = [(SC, INTERNAL, "verified", 3), (C, INTERNAL, "discounted", 2), (C, UN, "verified", 5)]
    manifest = tally(groups, Policy(classification=C, audience="un"), document="test")
    assert manifest.in_scope == 10
    assert manifest.included == 5
    assert manifest.left_out == {
        SENSITIVITY_ABOVE_CLASSIFICATION: 3,
        CONSENT_DOES_NOT_REACH_AUDIENCE: 2,
    }
    assert manifest.to_json()["incidents_left_out"][DISCOUNTED] == 0


def test_protect_incident_strips_what_never_leaves() -> None:
    data = incident_to_json(
        make_incident(
            location={
                "country": "XA",
                "admin1": "XA-02",
                "admin2": "XA0201",
                "place": "Fenwick",
                "lat": -46.0,
                "lon": -137.0,
            },
            sources=[{"type": "family", "note": "Spoke to the cousin, Name Canary"}],
            follow_up=["call back"],
            tags=["market"],
        )
    )
    protected, generalised = protect_incident(data, Policy())
    assert generalised
    assert protected["location"] == {
        "country": "XA",
        "admin1": "XA-02",
        "admin2": None,
        "place": None,
        "lat": None,
        "lon": None,
    }
    assert protected["sources"][0]["note"] is None
    assert protected["sources"][0]["type"] == "family"
    assert protected["narrative"] is None
    assert protected["follow_up"] == []
    assert protected["tags"] == ["market"]
    assert protected["title"] == "Arbitrary detention (+1) — Elsenmoor"
    assert set(protected) == set(data)
    assert data["sources"][0]["note"]  # the input is not changed
    public, _ = protect_incident(data, Policy(classification=S, audience="public"))
    assert public["tags"] == []
    exact, generalised = protect_incident(
        data, Policy(exact_locations=True, include_narratives=True)
    )
    assert not generalised
    assert exact["location"]["place"] == "Fenwick"
    assert exact["narrative"] == data["narrative"]
    assert exact["title"] == data["title"]
    assert exact["sources"][0]["note"] is None  # source notes never leave


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, "<3"), (2, "<3"), (3, 3), (40, 40)])
def test_small_counts(count: int, shown: int | str) -> None:
    assert Policy(suppress_small_counts=True).small(count) == shown
    assert Policy().small(count) == count
