"""Validation: every bad input is refused with the path of the field at fault."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from hradvisor.model import (
    ValidationError,
    codes,
    incident_from_json,
    incident_to_json,
    note_from_json,
    person_from_json,
    vocabulary,
)
from hradvisor.model.vocabularies import VOCABULARY_NAMES

TODAY = dt.date(2026, 11, 23)
VALID: dict[str, Any] = {
    "title": "Arrests at the Corvane market",
    "date": "2026-10-02",
    "location": {"country": "XA", "admin1": "XA-05"},
    "violations": ["arbitrary-detention"],
}


def _error(data: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        incident_from_json(data, today=TODAY)
    return str(caught.value)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"victims": {"killed": {"girls": -1}}}, "victims.killed.girls: must be ≥ 0"),
        ({"victims": {"killed": {"girls": 1.5}}}, "victims.killed.girls: must be a whole number"),
        ({"victims": {"killed": {"girls": True}}}, "victims.killed.girls: must be a whole number"),
        ({"victims": {"eaten": {"men": 1}}}, "victims.eaten: unknown field"),
        ({"victims": {"killed": {"adults": 1}}}, "victims.killed.adults: unknown field"),
        ({"colour": "red"}, "colour: unknown field"),
        (
            {"violations": ["genocidal-intent"]},
            "violations[0]: must be one of the violations codes",
        ),
        ({"violations": []}, "violations: must list at least one violation"),
        ({"violations": ["killing", "killing"]}, "violations[1]: listed twice"),
        ({"perpetrators": ["aliens"]}, "perpetrators[0]: must be one of the perpetrators codes"),
        ({"date": "2026-02-30"}, "date: is not a real calendar date"),
        ({"date": "02/10/2026"}, "date: must be written YYYY-MM-DD"),
        ({"date": "2026-11-25"}, "date: must not be in the future"),
        ({"date_end": "2026-10-01"}, "date_end: must not be before date"),
        ({"date_precision": "week"}, "date_precision: must be one of day, month, year"),
        ({"date": "2026-10", "date_precision": "day"}, "date: must be written YYYY-MM-DD"),
        ({"title": ""}, "title: must not be empty"),
        ({"title": "a\nb"}, "title: must not contain control characters"),
        ({"title": "x" * 301}, "title: must be at most 300 characters"),
        ({"title": "\ud800"}, "title: must be valid Unicode text"),
        ({"location": {"country": "Arcadia"}}, "location.country: must be an ISO 3166-1"),
        (
            {"location": {"country": "XA", "admin1": "XB-01"}},
            "location.admin1: must be an area code",
        ),
        ({"location": {"country": "XA", "lat": 10}}, "location.lon: give both lat and lon"),
        (
            {"location": {"country": "XA", "lat": 91, "lon": 0}},
            "location.lat: must be between -90 and 90",
        ),
        (
            {"sources": [{"type": "victim", "credibility": 7}]},
            "sources[0].credibility: must be a whole number from 1 to 6",
        ),
        (
            {"sources": [{"type": "rumour"}]},
            "sources[0].type: must be one of the source-types codes",
        ),
        ({"sources": [{"reliability": "A"}]}, "sources[0].type: required"),
        ({"sensitivity": "secret"}, "sensitivity: must be one of the sensitivity codes"),
        ({"tags": "demo"}, "tags: must be a list"),
        ({"id": "not-a-uuid"}, "id: must be a lower-case UUID"),
    ],
)
def test_invalid_input_names_the_field(change: dict[str, Any], expected: str) -> None:
    assert _error({**VALID, **change}).startswith(expected)


def test_missing_required_fields_are_each_named() -> None:
    with pytest.raises(ValidationError) as caught:
        incident_from_json({}, today=TODAY)
    assert {e.path for e in caught.value.errors} == {"title", "date", "location", "violations"}


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        incident_from_json({**VALID, "title": "", "colour": 1, "sensitivity": "x"}, today=TODAY)
    assert len(caught.value.errors) == 3
    assert "(and 2 more)" in str(caught.value)


def test_not_an_object() -> None:
    assert _error([1, 2]) == "an incident must be a JSON object"


def test_error_messages_never_echo_the_value() -> None:
    secret = "Name Of A Witness"
    message = _error({**VALID, "sensitivity": secret, "tags": [secret, secret]})
    assert secret not in message


def test_dates_at_month_and_year_precision_and_tomorrow() -> None:
    incident = incident_from_json(
        {**VALID, "date": "2026-10", "date_precision": "month"}, today=TODAY
    )
    assert incident.period() == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    incident = incident_from_json(
        {**VALID, "date": "2024", "date_end": "2025", "date_precision": "year"}, today=TODAY
    )
    assert incident.period() == (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    incident_from_json({**VALID, "date": "2026-11-24"}, today=TODAY)  # tomorrow: time zones


def test_real_places_use_iso_codes() -> None:
    incident = incident_from_json(
        {**VALID, "location": {"country": "FR", "admin1": "FR-IDF"}}, today=TODAY
    )
    assert incident.location.admin1 == "FR-IDF"
    assert "location.admin1" in _error({**VALID, "location": {"country": "FR", "admin1": "DE-BY"}})


def test_defaults_are_protective() -> None:
    incident = incident_from_json(VALID, today=TODAY)
    assert (incident.verification, incident.sensitivity, incident.consent) == (
        "reported",
        "confidential",
        "internal-only",
    )
    source = incident_from_json({**VALID, "sources": [{"type": "victim"}]}, today=TODAY).sources[0]
    assert (source.reliability, source.credibility, source.consent) == ("F", 6, "internal-only")


def test_victim_totals_are_derived() -> None:
    incident = incident_from_json(
        {
            **VALID,
            "victims": {
                "killed": {"men": 2, "girls": 1},
                "injured": {"unknown": 4},
                "displaced": {},
            },
        },
        today=TODAY,
    )
    assert incident.victims.total() == 7
    assert incident.victims.count("killed") == 3
    assert incident.victims.count("killed", "girls") == 1
    assert "displaced" not in incident_to_json(incident)["victims"]


def test_vocabularies_have_the_design_codes_and_french_labels() -> None:
    required = {
        "violations": {
            "killing",
            "enforced-disappearance",
            "torture-ill-treatment",
            "arbitrary-detention",
            "sexual-violence",
            "forced-displacement",
            "attack-on-civilians",
            "destruction-of-property",
            "freedom-of-expression",
            "freedom-of-assembly",
            "attack-on-hrd",
            "discrimination",
            "child-recruitment",
            "denial-of-humanitarian-access",
            "attack-on-education-health",
            "incitement",
            "fair-trial",
            "economic-social-rights",
        },
        "perpetrators": {
            "state-armed-forces",
            "state-police",
            "state-intelligence",
            "state-officials",
            "pro-government-militia",
            "non-state-armed-group",
            "criminal-group",
            "private-actor",
            "unknown",
        },
        "sensitivity": {"strictly-confidential", "confidential", "unclassified"},
        "verification": {"reported", "credible", "verified", "discounted"},
    }
    for name, expected in required.items():
        assert expected <= set(codes(name))
    for name in VOCABULARY_NAMES:
        vocab = vocabulary(name)
        assert vocab.codes and len(set(vocab.codes)) == len(vocab.codes)
        for code in vocab.codes:
            assert vocab.label(code, "en") and vocab.label(code, "fr")
            assert vocab.labels[code]["fr"], f"{name}:{code} lacks French"


def test_note_and_person_validation() -> None:
    note = note_from_json(
        {"date": "2026-11-01", "title": "Visit", "text": "Met the council."}, today=TODAY
    )
    assert note.sensitivity == "confidential"
    with pytest.raises(ValidationError, match="incident_ids\\[0\\]"):
        note_from_json(
            {"date": "2026-11-01", "title": "V", "text": "t", "incident_ids": ["x"]}, today=TODAY
        )
    person = person_from_json({"pseudonym": "V-0042", "name": "Fictional Person"})
    assert person.consent == "internal-only"
    with pytest.raises(ValidationError, match="pseudonym"):
        person_from_json({"pseudonym": "Jane"})
