"""Country names in the reader's language, and the order of a country picker."""

from __future__ import annotations

from hradvisor.model import country_choices, country_name


def test_real_country_names_follow_the_language() -> None:
    assert country_name("DE") == "Germany"
    assert country_name("DE", "fr") == "Allemagne"
    assert country_name("CD", "fr") == "République démocratique du Congo"


def test_fictional_and_unknown_countries() -> None:
    assert country_name("XA") not in ("", "XA")  # named by the gazetteer
    assert country_name("QQ", "fr") == "QQ"  # unknown: the code itself


def test_a_language_without_a_catalogue_falls_back_to_english() -> None:
    assert country_name("DE", "zz") == "Germany"


def test_picker_lists_fictional_countries_first_then_alphabetical_ignoring_accents() -> None:
    choices = country_choices("fr")
    codes = [code for code, _ in choices]
    assert codes[0] == "XA"
    assert len(codes) == len(set(codes)) > 240
    names = [name for code, name in choices if not code.startswith("X")]
    # « Égypte » among the E, not after « Zimbabwe » as a plain string sort would put it.
    egypt = names.index("Égypte")
    assert names[egypt - 1][0] in "DE"
    assert names[egypt + 1][0] in "EÉ"
    assert names[-1] == "Zimbabwe"
    assert dict(choices)["DE"] == "Allemagne"
    assert dict(country_choices("en"))["DE"] == "Germany"
