"""Field-level differences between incident versions (what the history view shows)."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from hradvisor.model import incident_changes, incident_from_json, incident_to_json
from hradvisor.model.diff import word_diff
from tests.conftest import make_incident
from tests.strategies import TODAY, incident_json, json_values

_ID = "019a0000-0000-7000-8000-000000000001"


def _body(**overrides: object) -> dict[str, Any]:
    """The same fictional incident (same id) with *overrides*."""
    return incident_to_json(make_incident(id=_ID, **overrides))


def _full(data: dict[str, Any]) -> dict[str, Any]:
    return incident_to_json(incident_from_json(data, today=TODAY))


def test_identical_bodies_have_no_changes() -> None:
    body = _body()
    assert incident_changes(body, copy.deepcopy(body)) == []


def test_title_change_shows_old_and_new() -> None:
    old = _body()
    new = {**old, "title": "Detention of traders at Fenwick Crossing"}
    [change] = incident_changes(old, new)
    assert change.key == "title"
    assert change.before == "Detention of market traders in Elsenmoor"
    assert change.after == "Detention of traders at Fenwick Crossing"
    assert change.lines == (f"Title: {change.before} → {change.after}",)


def test_violations_are_named_by_label_not_code() -> None:
    old = _body(violations=["arbitrary-detention", "torture-ill-treatment"])
    new = _body(violations=["arbitrary-detention", "killing"])
    [change] = incident_changes(old, new)
    assert change.added == ("Killing",)
    assert change.removed == ("Torture or ill-treatment",)
    assert "Violations: + Killing" in change.lines
    assert "Violations: − Torture or ill-treatment" in change.lines
    assert not any("torture-ill-treatment" in line for line in change.lines)


def test_labels_follow_the_language() -> None:
    old = _body(violations=["killing"])
    new = _body(violations=["killing", "arbitrary-detention"])
    [change] = incident_changes(old, new, lang="fr")
    assert change.label == "Violations"
    assert change.added and change.added[0] != "Arbitrary detention"


def test_victim_cells_show_outcome_group_and_counts() -> None:
    old = _body(victims={"killed": {"girls": 1}})
    new = _body(victims={"killed": {"girls": 2}, "injured": {"men": 3}})
    [change] = incident_changes(old, new)
    assert change.key == "victims"
    assert change.lines == (
        "Victims: Killed · Girls: 1 → 2",
        "Victims: Injured · Men: 0 → 3",
    )


def test_location_names_the_area_not_its_code() -> None:
    old = _body(location={"country": "XA", "admin1": "XA-02", "place": "Fenwick Crossing"})
    new = _body(location={"country": "XA", "admin1": "XA-03", "place": "Fenwick Crossing"})
    [change] = incident_changes(old, new)
    assert change.key == "location"
    [line] = change.lines
    assert line.startswith("Location: area ")
    assert "XA-02" not in line and "XA-03" not in line


def test_narrative_gets_a_compact_word_diff() -> None:
    words = " ".join(f"w{n}" for n in range(40))
    old = _body(narrative=words)
    new = _body(narrative=words.replace("w20", "twenty"))
    [change] = incident_changes(old, new)
    assert change.lines == ("Narrative: changed (2 words)",)
    ops = [(run.op, run.text) for run in change.words]
    assert ("-", "w20") in ops and ("+", "twenty") in ops
    assert ops.count(("…", "…")) == 2  # the long unchanged stretches are elided
    shown = " ".join(text for _op, text in ops)
    assert "w16 w17 w18 w19" in shown and "w21 w22 w23 w24" in shown
    assert "w5 " not in shown


def test_word_diff_ignores_whitespace_only_changes() -> None:
    assert all(run.op in "=…" for run in word_diff("one  two\nthree", "one two three"))


def test_code_values_and_sources_are_described() -> None:
    old = _body(verification="reported", sources=[{"type": "victim", "reliability": "B"}])
    new = _body(
        verification="verified",
        sources=[{"type": "victim", "reliability": "C"}, {"type": "media"}],
    )
    changes = {change.key: change for change in incident_changes(old, new)}
    assert changes["verification"].after == "Verified (reasonable grounds to believe)"
    assert changes["sources"].lines == ("Sources 1: reliability B → C", "Sources 2: + Media")


def test_unknown_shapes_fall_back_to_before_and_after() -> None:
    old = {"victims": "many", "extra": 1}
    new = {"victims": {"killed": {"men": 1}}}
    changes = {change.key: change for change in incident_changes(old, new)}
    assert set(changes) == {"victims", "extra"}
    assert changes["extra"].before == "1" and changes["extra"].after == "—"


@given(incident_json())
def test_a_body_compared_with_itself_has_no_changes(data: dict[str, Any]) -> None:
    body = _full(data)
    assert incident_changes(body, copy.deepcopy(body)) == []


@given(incident_json(), incident_json())
def test_every_changed_top_level_key_is_reported(
    first: dict[str, Any], second: dict[str, Any]
) -> None:
    old, new = _full(first), _full(second)
    new["id"] = old["id"]
    reported = [change.key for change in incident_changes(old, new)]
    changed = [key for key in new if old[key] != new[key]]
    assert sorted(reported) == sorted(changed)
    assert all(change.lines for change in incident_changes(old, new))


@given(
    st.dictionaries(
        st.sampled_from(["title", "victims", "location", "sources", "narrative", "x"]), json_values
    ),
    st.dictionaries(
        st.sampled_from(["title", "victims", "location", "sources", "narrative", "x"]), json_values
    ),
)
def test_any_json_shape_is_described_without_error(
    old: dict[str, Any], new: dict[str, Any]
) -> None:
    changes = incident_changes(old, new)
    assert all(change.lines for change in changes)
    if old == new:
        assert changes == []
