"""A risk assessment: the 14 factors of the risk framework, rated for one scope and period.

The scope is a country, optionally narrowed to some first-level areas (none
means the whole country). Each factor gets a rating, a narrative, the
indicators observed and the incidents that back the judgement; an overall
judgement closes it. ``assessment_from_json`` is the only way in: it checks
every code against the shipped framework and names each bad field, and it
normalises (every factor present, in framework order; areas sorted) so that
``assessment_from_json(assessment_to_json(x)) == x`` and two assessments of
the same scope compare factor by factor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from hradvisor.model.checks import Checker, join
from hradvisor.model.dates import period, utc_today
from hradvisor.model.errors import FieldError, ValidationError
from hradvisor.model.ids import new_id
from hradvisor.model.places import is_valid_admin1, is_valid_country
from hradvisor.model.risk_framework import RATINGS, risk_framework

ASSESSMENT_KEYS = (
    "id", "country", "areas", "period_start", "period_end", "factors", "overall",
    "author_role", "assessed_on",
)  # fmt: skip
FACTOR_KEYS = ("code", "rating", "narrative", "indicators", "evidence")
OVERALL_KEYS = ("rating", "narrative")
FACTOR_NARRATIVE_MAX = 20_000
OVERALL_NARRATIVE_MAX = 50_000
AUTHOR_ROLE_MAX = 200


@dataclass(frozen=True)
class FactorRating:
    """The judgement on one risk factor: rating, reasons, signs seen and incidents as evidence."""

    code: str
    rating: str = "unknown"
    narrative: str | None = None
    indicators: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class OverallJudgement:
    """The adviser's overall rating of the risk of atrocity crimes, and why."""

    rating: str = "unknown"
    narrative: str | None = None


@dataclass(frozen=True)
class RiskAssessment:
    """A dated judgement of the risk of atrocity crimes for one scope and period.

    ``author_role`` is a role ("Human rights adviser"), never a name: the
    assessment travels to headquarters and may be quoted in reports.
    """

    id: str
    country: str
    period_start: str
    period_end: str
    assessed_on: str
    factors: tuple[FactorRating, ...]
    overall: OverallJudgement = field(default_factory=OverallJudgement)
    areas: tuple[str, ...] = ()
    author_role: str | None = None

    def factor(self, code: str) -> FactorRating:
        """The rating of factor *code* (every framework factor is present)."""
        for item in self.factors:
            if item.code == code:
                return item
        raise KeyError(f"no risk factor {code!r}")

    @property
    def scope(self) -> tuple[str, tuple[str, ...]]:
        """(country, areas): assessments of the same scope follow each other."""
        return self.country, self.areas

    def period(self) -> tuple[dt.date, dt.date]:
        return dt.date.fromisoformat(self.period_start), dt.date.fromisoformat(self.period_end)

    def evidence_ids(self) -> tuple[str, ...]:
        """Every incident cited as evidence, once, in factor order."""
        seen: dict[str, None] = {}
        for item in self.factors:
            seen.update(dict.fromkeys(item.evidence))
        return tuple(seen)


def blank_factors() -> tuple[FactorRating, ...]:
    """Every factor of the framework, unrated: the start of a first assessment."""
    return tuple(FactorRating(code) for code in risk_framework().factor_codes)


def assessment_to_json(assessment: RiskAssessment) -> dict[str, Any]:
    """The full JSON form (every key present) of *assessment*."""
    return {
        "id": assessment.id,
        "country": assessment.country,
        "areas": list(assessment.areas),
        "period_start": assessment.period_start,
        "period_end": assessment.period_end,
        "factors": [
            {
                "code": item.code,
                "rating": item.rating,
                "narrative": item.narrative,
                "indicators": list(item.indicators),
                "evidence": list(item.evidence),
            }
            for item in assessment.factors
        ],
        "overall": {"rating": assessment.overall.rating, "narrative": assessment.overall.narrative},
        "author_role": assessment.author_role,
        "assessed_on": assessment.assessed_on,
    }


def assessment_from_json(data: Any, *, today: dt.date | None = None) -> RiskAssessment:
    """Validate JSON input and build a RiskAssessment; ValidationError names each bad field.

    ``id`` may be omitted for a new assessment, ``assessed_on`` defaults to
    today, factors left out are "unknown" and ``overall`` defaults to
    "unknown". ``assessed_on`` may not be in the future; the period may be
    (an assessment can look ahead).
    """
    if not isinstance(data, dict):
        raise ValidationError([FieldError("", "a risk assessment must be a JSON object")])
    check = Checker()
    obj = check.obj(data, "", ("country", "period_start", "period_end"), ASSESSMENT_KEYS)
    country = _country(check, obj.get("country"))
    start = _day(check, obj.get("period_start"), "period_start")
    end = _day(check, obj.get("period_end"), "period_end")
    if start and end and end < start:
        check.fail("period_end", "must not be before period_start")
    today = today or utc_today()
    assessed_on = _day(check, obj.get("assessed_on", today.isoformat()), "assessed_on")
    if assessed_on and assessed_on > today:
        check.fail("assessed_on", "must not be in the future")
    assessment = RiskAssessment(
        id=_id_or_new(check, obj),
        country=country,
        areas=_areas(check, obj.get("areas", []), country),
        period_start=start.isoformat() if start else "",
        period_end=end.isoformat() if end else "",
        assessed_on=assessed_on.isoformat() if assessed_on else "",
        factors=_factors(check, obj.get("factors", [])),
        overall=_overall(check, obj.get("overall", {})),
        author_role=check.text(
            obj.get("author_role"), "author_role", max_len=AUTHOR_ROLE_MAX, optional=True
        ),
    )
    check.raise_if_failed()
    return assessment


def _country(check: Checker, value: Any) -> str:
    if not isinstance(value, str) or not is_valid_country(value):
        check.fail("country", "must be an ISO 3166-1 alpha-2 code (or XA–XZ for fictional data)")
        return ""
    return value


def _day(check: Checker, value: Any, path: str) -> dt.date | None:
    if not isinstance(value, str):
        check.fail(path, "must be a date written YYYY-MM-DD")
        return None
    try:
        return period(value, "day")[0]
    except ValueError as exc:
        check.fail(path, str(exc))
        return None


def _areas(check: Checker, value: Any, country: str) -> tuple[str, ...]:
    """Distinct first-level areas of *country*, sorted so a scope has one spelling."""
    found: set[str] = set()
    for index, item in enumerate(check.array(value, "areas")):
        path = join("areas", index)
        if not isinstance(item, str) or not (country and is_valid_admin1(country, item)):
            check.fail(path, "must be a first-level area code of the country")
        elif item in found:
            check.fail(path, "listed twice")
        else:
            found.add(item)
    return tuple(sorted(found))


def _factors(check: Checker, value: Any) -> tuple[FactorRating, ...]:
    """Every framework factor, in framework order; those not given are unrated."""
    framework = risk_framework()
    given: dict[str, FactorRating] = {}
    for index, item in enumerate(check.array(value, "factors")):
        path = join("factors", index)
        rating = _factor(check, item, path)
        if rating is None:
            continue
        if rating.code in given:
            check.fail(join(path, "code"), "factor listed twice")
        given[rating.code] = rating
    return tuple(given.get(code, FactorRating(code)) for code in framework.factor_codes)


def _factor(check: Checker, value: Any, path: str) -> FactorRating | None:
    obj = check.obj(value, path, ("code",), FACTOR_KEYS)
    if not obj:
        return None
    code = obj.get("code")
    framework = risk_framework()
    if not isinstance(code, str) or code not in framework.factor_codes:
        check.fail(join(path, "code"), "must be one of the risk framework's factor codes")
        return None
    known = framework.factor(code).indicator_codes
    indicators: list[str] = []
    for index, item in enumerate(check.array(obj.get("indicators", []), join(path, "indicators"))):
        item_path = join(join(path, "indicators"), index)
        if not isinstance(item, str) or item not in known:
            check.fail(item_path, f"must be one of the indicators of factor {code}")
        elif item in indicators:
            check.fail(item_path, "listed twice")
        else:
            indicators.append(item)
    return FactorRating(
        code=code,
        rating=_rating(check, obj.get("rating", "unknown"), join(path, "rating")),
        narrative=check.text(
            obj.get("narrative"),
            join(path, "narrative"),
            max_len=FACTOR_NARRATIVE_MAX,
            multiline=True,
            optional=True,
        ),
        indicators=tuple(sorted(indicators, key=known.index)),
        evidence=_evidence(check, obj.get("evidence", []), join(path, "evidence")),
    )


def _evidence(check: Checker, value: Any, path: str) -> tuple[str, ...]:
    ids: list[str] = []
    for index, item in enumerate(check.array(value, path)):
        record_id = check.record_id(item, join(path, index))
        if record_id is None:
            continue
        if record_id in ids:
            check.fail(join(path, index), "listed twice")
        else:
            ids.append(record_id)
    return tuple(ids)


def _rating(check: Checker, value: Any, path: str) -> str:
    if not isinstance(value, str) or value not in RATINGS:
        check.fail(path, f"must be one of {', '.join(RATINGS)}")
        return "unknown"
    return value


def _overall(check: Checker, value: Any) -> OverallJudgement:
    obj = check.obj(value, "overall", (), OVERALL_KEYS)
    return OverallJudgement(
        rating=_rating(check, obj.get("rating", "unknown"), "overall.rating"),
        narrative=check.text(
            obj.get("narrative"),
            "overall.narrative",
            max_len=OVERALL_NARRATIVE_MAX,
            multiline=True,
            optional=True,
        ),
    )


def _id_or_new(check: Checker, obj: dict[str, Any]) -> str:
    if "id" not in obj:
        return new_id()
    return check.record_id(obj["id"], "id") or ""
