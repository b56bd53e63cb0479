"""Controlled vocabularies: stable codes with English and French labels.

Codes are what the vault, packages and exports store; labels are for people.
Keeping codes stable lets HQ consolidate data from many devices and lets a
label be corrected without touching a single record.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from hradvisor.resources import read_json_resource

VOCABULARY_NAMES = (
    "violations",
    "perpetrators",
    "rights",
    "victim-groups",
    "outcomes",
    "sex-age",
    "source-types",
    "reliability",
    "credibility",
    "verification",
    "sensitivity",
    "consent",
    "date-precision",
)


@dataclass(frozen=True)
class Vocabulary:
    """One vocabulary: ordered codes and their labels by language."""

    name: str
    codes: tuple[str, ...]
    labels: dict[str, dict[str, str]]

    def __contains__(self, code: object) -> bool:
        return code in self.labels

    def label(self, code: str, lang: str = "en") -> str:
        """Label of *code* in *lang*, falling back to English, then to the code itself."""
        by_lang = self.labels.get(code)
        if by_lang is None:
            return code
        return by_lang.get(lang) or by_lang.get("en") or code


@functools.cache
def vocabulary(name: str) -> Vocabulary:
    """The vocabulary called *name* (one of VOCABULARY_NAMES), loaded once."""
    if name not in VOCABULARY_NAMES:
        raise KeyError(f"unknown vocabulary {name!r}")
    doc = read_json_resource("vocabularies", f"{name}.json")
    items = doc["items"]
    return Vocabulary(
        name=name,
        codes=tuple(item["code"] for item in items),
        labels={item["code"]: dict(item["label"]) for item in items},
    )


def codes(name: str) -> tuple[str, ...]:
    """Codes of vocabulary *name*, in display order."""
    return vocabulary(name).codes
