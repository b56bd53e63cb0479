"""Hypothesis strategies for valid incidents (fictional by construction)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from hradvisor.model import SEX_AGE, codes

TODAY = dt.date(2026, 11, 23)

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80
).filter(lambda s: s.strip())
_multiline = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f",
    ),
    min_size=1,
    max_size=400,
).filter(lambda s: s.strip())


def _distinct(vocab: str, min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(codes(vocab)), min_size=min_size, max_size=4, unique=True)


@st.composite
def _dates(draw: st.DrawFn) -> dict[str, Any]:
    precision = draw(st.sampled_from(["day", "month", "year"]))
    start = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=TODAY))
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[precision]
    out: dict[str, Any] = {"date": start.strftime(fmt), "date_precision": precision}
    if draw(st.booleans()):
        end = draw(st.dates(min_value=start, max_value=TODAY))
        if end.strftime(fmt) != out["date"]:
            out["date_end"] = end.strftime(fmt)
    return out


_counts = st.dictionaries(
    st.sampled_from(codes("outcomes")),
    st.fixed_dictionaries({}, optional={g: st.integers(0, 5000) for g in SEX_AGE}),
    max_size=4,
)
_sources = st.lists(
    st.fixed_dictionaries(
        {"type": st.sampled_from(codes("source-types"))},
        optional={
            "reliability": st.sampled_from(codes("reliability")),
            "credibility": st.integers(1, 6),
            "consent": st.sampled_from(codes("consent")),
            "note": _multiline,
        },
    ),
    max_size=3,
)
_location = st.fixed_dictionaries(
    {"country": st.just("XA")},
    optional={
        "admin1": st.integers(1, 99).map(lambda n: f"XA-{n:02d}"),
        "admin2": st.from_regex(r"XA[0-9]{4}", fullmatch=True),
        "place": _text,
    },
)
_geo = st.tuples(
    st.floats(-90, 90, allow_nan=False, allow_infinity=False),
    st.floats(-180, 180, allow_nan=False, allow_infinity=False),
)


@st.composite
def incident_json(draw: st.DrawFn) -> dict[str, Any]:
    """A JSON incident that must validate: any subset of optional keys, any valid values."""
    location = draw(_location)
    if draw(st.booleans()):
        location["lat"], location["lon"] = draw(_geo)
    data: dict[str, Any] = {
        "title": draw(_text),
        "location": location,
        "violations": draw(_distinct("violations", 1)),
        **draw(_dates()),
    }
    optional = {
        "rights": _distinct("rights"),
        "perpetrators": _distinct("perpetrators"),
        "victim_groups": _distinct("victim-groups"),
        "victims": _counts,
        "narrative": _multiline,
        "sources": _sources,
        "verification": st.sampled_from(codes("verification")),
        "sensitivity": st.sampled_from(codes("sensitivity")),
        "consent": st.sampled_from(codes("consent")),
        "tags": st.lists(_text.map(lambda s: s[:60]), max_size=3, unique=True),
        "follow_up": st.lists(_text, max_size=3, unique=True),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            data[key] = draw(strategy)
    return data


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",))),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=30,
)
