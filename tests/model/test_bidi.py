"""Bidirectional control characters cannot make a list show something else than the record."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hradvisor.model import has_bidi_controls, neutralise_bidi
from hradvisor.model.bidi import BIDI_CONTROLS


def test_an_override_is_removed_and_the_rest_kept() -> None:
    spoofed = "Invoice \u202eexe.txt\u202c for Fenwick"
    assert has_bidi_controls(spoofed)
    assert neutralise_bidi(spoofed) == "Invoice exe.txt for Fenwick"


def test_every_listed_control_goes() -> None:
    for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f":
        assert neutralise_bidi(f"a{char}b") == "ab"


def test_right_to_left_letters_themselves_are_kept() -> None:
    text = "Réunion à Orsavel — اجتماع — פגישה"
    assert neutralise_bidi(text) == text
    assert not has_bidi_controls(text)


@given(st.text())
def test_the_result_never_holds_a_control_and_is_stable(text: str) -> None:
    clean = neutralise_bidi(text)
    assert not set(clean) & BIDI_CONTROLS
    assert neutralise_bidi(clean) == clean
    assert len(clean) == len(text) - sum(char in BIDI_CONTROLS for char in text)
