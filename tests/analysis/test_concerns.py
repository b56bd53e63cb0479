"""Arranging the ranked concerns as the adviser decided, and storing those decisions."""

from __future__ import annotations

import pytest

from hradvisor.analysis import Concern, ConcernChoices, arrange_concerns
from hradvisor.analysis.figures import make_figures
from hradvisor.analysis.trends import count_change


def _concern(key: str, score: float) -> Concern:
    return Concern(
        key=key,
        title=key,
        violation=key.split("@")[0],
        area=None,
        score=score,
        figures=make_figures(1, 0, ()),
        change=count_change(1, 0, None),
        verified_share=0.0,
        incident_ids=(),
    )


RANKED = [_concern(key, score) for key, score in (("a@*", 4), ("b@*", 3), ("c@*", 2), ("d@*", 1))]


def keys(concerns: list[Concern]) -> list[str]:
    return [c.key for c in concerns]


def test_no_choices_keeps_the_ranking() -> None:
    assert keys(arrange_concerns(RANKED)) == ["a@*", "b@*", "c@*", "d@*"]


def test_hidden_are_dropped_and_pinned_come_first() -> None:
    arranged = arrange_concerns(RANKED, pinned=["d@*"], hidden=["b@*"])
    assert keys(arranged) == ["d@*", "a@*", "c@*"]


def test_order_places_named_keys_then_the_rest_by_rank() -> None:
    assert keys(arrange_concerns(RANKED, order=["c@*", "a@*"])) == ["c@*", "a@*", "b@*", "d@*"]


def test_pinned_follow_the_given_order_among_themselves() -> None:
    arranged = arrange_concerns(RANKED, pinned=["b@*", "d@*"], order=["d@*", "b@*"])
    assert keys(arranged) == ["d@*", "b@*", "a@*", "c@*"]


def test_hiding_wins_over_pinning_and_unknown_keys_are_ignored() -> None:
    arranged = arrange_concerns(RANKED, pinned=["a@*", "gone@*"], hidden=["a@*"], order=["x"])
    assert keys(arranged) == ["b@*", "c@*", "d@*"]


def test_choices_round_trip_and_reject_garbage() -> None:
    choices = ConcernChoices(pinned=("a@*",), hidden=("b@*",), order=("c@*", "a@*"))
    assert ConcernChoices.from_json(choices.to_json()) == choices
    assert ConcernChoices.from_json({}) == ConcernChoices()
    with pytest.raises(ValueError, match="pinned"):
        ConcernChoices.from_json({"pinned": "a@*"})
