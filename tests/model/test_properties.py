"""Property-based tests: canonical JSON and incident round trips."""

from __future__ import annotations

import json
import random
from typing import Any

import rfc8785
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hradvisor.model import canonical_json, content_hash, incident_from_json, incident_to_json
from hradvisor.store import Vault
from tests.strategies import TODAY, incident_json, json_values


@given(json_values)
def test_canonical_json_is_rfc8785(value: Any) -> None:
    assert canonical_json(value) == rfc8785.dumps(value)


@given(incident_json())
def test_valid_incidents_round_trip_through_json(data: dict[str, Any]) -> None:
    incident = incident_from_json(data, today=TODAY)
    again = incident_from_json(json.loads(json.dumps(incident_to_json(incident))), today=TODAY)
    assert again == incident
    assert incident_to_json(again) == incident_to_json(incident)


@given(incident_json(), st.randoms())
def test_content_hash_ignores_key_order_and_formatting(
    data: dict[str, Any], rnd: random.Random
) -> None:
    body = incident_to_json(incident_from_json(data, today=TODAY))
    keys = list(body)
    rnd.shuffle(keys)
    shuffled = json.loads(json.dumps({k: body[k] for k in keys}, indent=rnd.randint(0, 3)))
    assert content_hash(shuffled) == content_hash(body)


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(data=incident_json())
def test_any_valid_incident_round_trips_through_the_vault(
    vault: Vault, data: dict[str, Any]
) -> None:
    incident = incident_from_json(data, today=TODAY)
    vault.incidents.add(incident)
    stored = vault.incidents.get(incident.id)
    assert incident_to_json(stored) == incident_to_json(incident)
    [revision] = vault.incidents.history(incident.id)
    assert revision.body == incident_to_json(incident)


@given(st.floats(allow_nan=False, allow_infinity=False) | st.floats(-180, 180))
def test_every_float_is_canonical_as_rfc8785(value: float) -> None:
    for wrapped in (value, [value], {"lat": value, "n": 3}):
        assert canonical_json(wrapped) == rfc8785.dumps(wrapped)
