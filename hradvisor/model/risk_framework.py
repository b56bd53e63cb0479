"""The risk framework for atrocity crimes: 14 factors, their indicators and the rating scale.

Structured after the UN Framework of Analysis for Atrocity Crimes (2014), in
our own words (resources/risk-framework/framework.json). Eight factors are
common to all atrocity crimes; six are specific to genocide, crimes against
humanity or war crimes. Codes are stable: saved assessments keep only codes,
so a label can be reworded, or translated, without touching a record.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from hradvisor.resources import read_json_resource

FRAMEWORK_FILE = ("risk-framework", "framework.json")
# The scale every factor (and the overall judgement) is rated on, in display order.
RATINGS = ("absent", "low", "moderate", "high", "unknown")
FACTOR_GROUPS = ("common", "specific")


def _pick(labels: dict[str, str], lang: str) -> str:
    """The text in *lang*, falling back to English."""
    return labels.get(lang) or labels["en"]


@dataclass(frozen=True)
class Indicator:
    """One observable sign of a factor, e.g. ``triggering-factors.elections-census``."""

    code: str
    labels: dict[str, str]

    def label(self, lang: str = "en") -> str:
        return _pick(self.labels, lang)


@dataclass(frozen=True)
class RiskFactor:
    """One of the 14 risk factors, with what it means and the signs that show it."""

    code: str
    number: int
    group: str
    crimes: tuple[str, ...]
    titles: dict[str, str]
    explanations: dict[str, str]
    indicators: tuple[Indicator, ...]
    hint_violations: tuple[str, ...]
    hint_victim_groups: tuple[str, ...]

    def title(self, lang: str = "en") -> str:
        return _pick(self.titles, lang)

    def explanation(self, lang: str = "en") -> str:
        return _pick(self.explanations, lang)

    def indicator(self, code: str) -> Indicator:
        for item in self.indicators:
            if item.code == code:
                return item
        raise KeyError(f"no indicator {code!r} in factor {self.code!r}")

    @property
    def indicator_codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.indicators)


@dataclass(frozen=True)
class RatingLevel:
    """A point of the rating scale. ``level`` orders the scale; None for "unknown"."""

    code: str
    level: int | None
    labels: dict[str, str]
    descriptions: dict[str, str]

    def label(self, lang: str = "en") -> str:
        return _pick(self.labels, lang)

    def description(self, lang: str = "en") -> str:
        return _pick(self.descriptions, lang)


@dataclass(frozen=True)
class Framework:
    """The whole framework as shipped: factors in order, groups, crimes and ratings."""

    version: int
    factors: tuple[RiskFactor, ...]
    ratings: tuple[RatingLevel, ...]
    group_labels: dict[str, dict[str, str]]
    crime_labels: dict[str, dict[str, str]]

    @property
    def factor_codes(self) -> tuple[str, ...]:
        return tuple(factor.code for factor in self.factors)

    def factor(self, code: str) -> RiskFactor:
        for factor in self.factors:
            if factor.code == code:
                return factor
        raise KeyError(f"no risk factor {code!r}")

    def rating(self, code: str) -> RatingLevel:
        for rating in self.ratings:
            if rating.code == code:
                return rating
        raise KeyError(f"no rating {code!r}")

    def group_label(self, code: str, lang: str = "en") -> str:
        return _pick(self.group_labels[code], lang)

    def crime_label(self, code: str, lang: str = "en") -> str:
        return _pick(self.crime_labels[code], lang)


@functools.cache
def risk_framework() -> Framework:
    """The shipped framework, loaded once."""
    doc = read_json_resource(*FRAMEWORK_FILE)
    return Framework(
        version=int(doc["version"]),
        factors=tuple(_factor(item) for item in doc["factors"]),
        ratings=tuple(
            RatingLevel(
                code=item["code"],
                level=item["level"],
                labels=dict(item["label"]),
                descriptions=dict(item["description"]),
            )
            for item in doc["ratings"]
        ),
        group_labels={item["code"]: dict(item["label"]) for item in doc["groups"]},
        crime_labels={item["code"]: dict(item["label"]) for item in doc["crimes"]},
    )


def _factor(item: dict[str, Any]) -> RiskFactor:
    hint = item.get("evidence_hint", {})
    return RiskFactor(
        code=item["code"],
        number=int(item["number"]),
        group=item["group"],
        crimes=tuple(item.get("crimes", ())),
        titles=dict(item["title"]),
        explanations=dict(item["explanation"]),
        indicators=tuple(Indicator(i["code"], dict(i["label"])) for i in item["indicators"]),
        hint_violations=tuple(hint.get("violations", ())),
        hint_victim_groups=tuple(hint.get("victim_groups", ())),
    )


def rating_label(code: str, lang: str = "en") -> str:
    """Label of a rating code in *lang* (English fallback)."""
    return risk_framework().rating(code).label(lang)


def rating_level(code: str) -> int | None:
    """Where a rating sits on the scale (absent 0 … high 3); None for "unknown"."""
    return risk_framework().rating(code).level
