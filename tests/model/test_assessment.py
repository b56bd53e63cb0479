"""Risk assessments and the shipped framework: every code checked, every bad field named."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hradvisor.model import (
    RATINGS,
    FactorRating,
    RiskAssessment,
    ValidationError,
    assessment_from_json,
    assessment_to_json,
    rating_label,
    rating_level,
    risk_framework,
)
from hradvisor.model.assessment import ASSESSMENT_KEYS
from hradvisor.resources import resource_path
from tests.strategies import json_values

TODAY = dt.date(2026, 11, 20)
INCIDENT_A = "01930000-0000-7000-8000-00000000000a"
INCIDENT_B = "01930000-0000-7000-8000-00000000000b"


def _data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "country": "XA",
        "areas": ["XA-07", "XA-01"],
        "period_start": "2026-07-01",
        "period_end": "2026-09-30",
        "assessed_on": "2026-10-04",
        "author_role": "Human rights adviser",
        "factors": [
            {
                "code": "serious-violations",
                "rating": "high",
                "narrative": "Killings in the north corridor continue without investigation.",
                "indicators": [
                    "serious-violations.impunity",
                    "serious-violations.pattern-of-violations",
                ],
                "evidence": [INCIDENT_A, INCIDENT_B],
            },
            {"code": "triggering-factors", "rating": "moderate"},
        ],
        "overall": {"rating": "moderate", "narrative": "Risk rising in two areas."},
    }
    data.update(overrides)
    return data


def _paths(data: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        assessment_from_json(data, today=TODAY)
    return [error.path for error in caught.value.errors]


# -- the shipped framework ----------------------------------------------------------


def test_framework_has_eight_common_and_six_specific_factors() -> None:
    framework = risk_framework()
    groups = [factor.group for factor in framework.factors]
    assert len(framework.factors) == 14
    assert groups == ["common"] * 8 + ["specific"] * 6
    assert [factor.number for factor in framework.factors] == list(range(1, 15))
    assert {c for f in framework.factors for c in f.crimes} == {
        "genocide",
        "crimes-against-humanity",
        "war-crimes",
    }


def test_framework_codes_are_unique_stable_and_prefixed_by_their_factor() -> None:
    framework = risk_framework()
    codes = framework.factor_codes
    assert len(set(codes)) == 14
    indicator_codes = [i.code for f in framework.factors for i in f.indicators]
    assert len(indicator_codes) == len(set(indicator_codes))
    for factor in framework.factors:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", factor.code)
        assert len(factor.indicators) >= 5, factor.code
        for indicator in factor.indicators:
            assert re.fullmatch(rf"{factor.code}\.[a-z]+(-[a-z]+)*", indicator.code)


def test_every_text_exists_in_english_and_french_and_they_differ() -> None:
    doc = json.loads(resource_path("risk-framework", "framework.json").read_text("utf-8"))
    texts: list[dict[str, str]] = [doc["title"]]
    for factor in doc["factors"]:
        texts += [factor["title"], factor["explanation"]]
        texts += [indicator["label"] for indicator in factor["indicators"]]
    for rating in doc["ratings"]:
        texts += [rating["label"], rating["description"]]
    texts += [g["label"] for g in doc["groups"]] + [c["label"] for c in doc["crimes"]]
    for text in texts:
        assert set(text) == {"en", "fr"}
        assert text["en"].strip() and text["fr"].strip()
    # A French text identical to the English one is an untranslated copy (short labels aside).
    assert not [t for t in texts if len(t["en"]) > 12 and t["en"] == t["fr"]]


def test_evidence_hints_use_real_vocabulary_codes() -> None:
    from hradvisor.model import codes

    for factor in risk_framework().factors:
        assert set(factor.hint_violations) <= set(codes("violations")), factor.code
        assert set(factor.hint_victim_groups) <= set(codes("victim-groups")), factor.code
        assert factor.hint_violations or factor.hint_victim_groups


def test_rating_scale_is_ordered_with_unknown_outside_it() -> None:
    assert RATINGS == ("absent", "low", "moderate", "high", "unknown")
    assert [rating_level(code) for code in RATINGS] == [0, 1, 2, 3, None]
    assert rating_label("high", "fr") == "Élevé"
    assert rating_label("moderate", "xx") == "Moderate"  # unknown language: English


# -- validation ---------------------------------------------------------------------


def test_a_valid_assessment_is_normalised_and_round_trips() -> None:
    assessment = assessment_from_json(_data(), today=TODAY)
    assert assessment.areas == ("XA-01", "XA-07")
    assert [f.code for f in assessment.factors] == list(risk_framework().factor_codes)
    violations = assessment.factor("serious-violations")
    # indicators come back in framework order whatever order they were given in
    assert violations.indicators == (
        "serious-violations.pattern-of-violations",
        "serious-violations.impunity",
    )
    assert violations.evidence == (INCIDENT_A, INCIDENT_B)
    assert assessment.factor("capacity") == FactorRating("capacity")  # not given: unknown
    assert assessment.overall.rating == "moderate"
    again = assessment_from_json(assessment_to_json(assessment), today=TODAY)
    assert again == assessment
    assert json.loads(json.dumps(assessment_to_json(assessment))) == assessment_to_json(assessment)


def test_defaults_for_a_minimal_assessment() -> None:
    minimal = assessment_from_json(
        {"country": "XA", "period_start": "2026-01-01", "period_end": "2026-03-31"}, today=TODAY
    )
    assert isinstance(minimal, RiskAssessment)
    assert minimal.assessed_on == TODAY.isoformat()
    assert minimal.areas == ()
    assert {f.rating for f in minimal.factors} == {"unknown"}
    assert minimal.overall.rating == "unknown"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"factors": [{"code": "capacity", "rating": "severe"}]}, "factors[0].rating"),
        ({"factors": [{"code": "capacity", "rating": None}]}, "factors[0].rating"),
        ({"factors": [{"code": "weather", "rating": "low"}]}, "factors[0].code"),
        ({"factors": [{"rating": "low"}]}, "factors[0].code"),
        (
            {
                "factors": [
                    {"code": "capacity", "indicators": ["triggering-factors.elections-census"]}
                ]
            },
            "factors[0].indicators[0]",
        ),
        (
            {"factors": [{"code": "capacity", "indicators": ["capacity.nonsense"]}]},
            "factors[0].indicators[0]",
        ),
        (
            {
                "factors": [
                    {"code": "capacity", "indicators": ["capacity.logistics", "capacity.logistics"]}
                ]
            },
            "factors[0].indicators[1]",
        ),
        ({"factors": [{"code": "capacity", "evidence": ["not-an-id"]}]}, "factors[0].evidence[0]"),
        (
            {"factors": [{"code": "capacity", "evidence": [INCIDENT_A, INCIDENT_A]}]},
            "factors[0].evidence[1]",
        ),
        ({"factors": [{"code": "capacity", "colour": "red"}]}, "factors[0].colour"),
        ({"factors": [{"code": "capacity"}, {"code": "capacity"}]}, "factors[1].code"),
        ({"factors": [{"code": "capacity", "narrative": "   "}]}, "factors[0].narrative"),
        ({"factors": "capacity"}, "factors"),
        ({"overall": {"rating": "critical"}}, "overall.rating"),
        ({"overall": {"rating": "low", "mood": "calm"}}, "overall.mood"),
        ({"overall": "high"}, "overall"),
        ({"likelihood": "high"}, "likelihood"),
        ({"country": "Arcadia"}, "country"),
        ({"areas": ["XB-01"]}, "areas[0]"),
        ({"areas": ["XA-01", "XA-01"]}, "areas[1]"),
        ({"period_start": "2026-02-30"}, "period_start"),
        ({"period_end": "2026-06-30"}, "period_end"),  # before the start
        ({"assessed_on": "2026-11-21"}, "assessed_on"),  # the day after TODAY
        ({"author_role": "line one\nline two"}, "author_role"),
        ({"id": "ABC"}, "id"),
    ],
)
def test_bad_fields_are_named(change: dict[str, Any], path: str) -> None:
    assert path in _paths(_data(**change))


@pytest.mark.parametrize("missing", ["country", "period_start", "period_end"])
def test_missing_required_fields_are_named(missing: str) -> None:
    data = _data()
    del data[missing]
    assert missing in _paths(data)


def test_every_problem_is_reported_at_once_without_echoing_values() -> None:
    secret = "Witness said the commander named X"
    data = _data(
        country="ZZZ",
        overall={"rating": "catastrophic", "narrative": secret},
        factors=[{"code": "capacity", "rating": secret}],
    )
    with pytest.raises(ValidationError) as caught:
        assessment_from_json(data, today=TODAY)
    assert {"country", "overall.rating", "factors[0].rating"} <= {
        e.path for e in caught.value.errors
    }
    assert secret not in str(caught.value)
    assert all(secret not in str(e) for e in caught.value.errors)


def test_not_an_object_is_refused() -> None:
    assert _paths(["XA"]) == [""]


def test_a_future_period_is_allowed_for_a_forward_looking_assessment() -> None:
    ahead = assessment_from_json(
        _data(period_start="2026-12-01", period_end="2027-05-31"), today=TODAY
    )
    assert ahead.period() == (dt.date(2026, 12, 1), dt.date(2027, 5, 31))


def test_evidence_ids_lists_each_incident_once() -> None:
    data = _data(
        factors=[
            {"code": "armed-conflict", "evidence": [INCIDENT_B]},
            {"code": "serious-violations", "evidence": [INCIDENT_A, INCIDENT_B]},
        ]
    )
    assert assessment_from_json(data, today=TODAY).evidence_ids() == (INCIDENT_B, INCIDENT_A)


# -- properties -----------------------------------------------------------------------------

_FACTORS = risk_framework().factors
_narrative = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200
).filter(lambda s: s.strip())
_ids = st.uuids(version=4).map(str)


@st.composite
def assessment_json(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)))
    end = draw(st.dates(min_value=start, max_value=dt.date(2031, 12, 31)))
    chosen = draw(st.lists(st.sampled_from(_FACTORS), unique_by=lambda f: f.code, max_size=14))
    factors = []
    for factor in chosen:
        item: dict[str, Any] = {"code": factor.code}
        if draw(st.booleans()):
            item["rating"] = draw(st.sampled_from(RATINGS))
        if draw(st.booleans()):
            item["narrative"] = draw(_narrative)
        item["indicators"] = draw(
            st.lists(st.sampled_from(factor.indicator_codes), unique=True, max_size=4)
        )
        item["evidence"] = draw(st.lists(_ids, unique=True, max_size=3))
        factors.append(item)
    areas = draw(st.lists(st.sampled_from([f"XA-{n:02d}" for n in range(1, 13)]), unique=True))
    return {
        "country": "XA",
        "areas": areas,
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "assessed_on": draw(st.dates(max_value=TODAY, min_value=dt.date(2000, 1, 1))).isoformat(),
        "factors": factors,
        "overall": {"rating": draw(st.sampled_from(RATINGS))},
    }


@given(assessment_json())
def test_valid_assessments_round_trip_through_json(data: dict[str, Any]) -> None:
    assessment = assessment_from_json(data, today=TODAY)
    text = json.dumps(assessment_to_json(assessment))
    assert assessment_from_json(json.loads(text), today=TODAY) == assessment
    given_codes = {item["code"] for item in data["factors"]}
    assert {f.code for f in assessment.factors if f.code not in given_codes} <= {
        f.code for f in assessment.factors if f == FactorRating(f.code)
    }


@given(st.dictionaries(st.sampled_from(ASSESSMENT_KEYS), json_values, max_size=9) | json_values)
def test_any_json_gives_an_assessment_or_a_validation_error(data: Any) -> None:
    try:
        assessment_from_json(data, today=TODAY)
    except ValidationError as exc:
        assert exc.errors
