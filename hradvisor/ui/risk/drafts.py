"""The Risk page's kept draft (ui/kept_drafts.py) back as a RiskAssessment.

A draft may break a rule that saving enforces (a narrative too long, a period
ending before it starts): it was unsaved work, not a checked record. It comes
back anyway, built without those checks, so the person can fix it and save.
"""

from __future__ import annotations

from typing import Any

from hradvisor.model import (
    FactorRating,
    OverallJudgement,
    RiskAssessment,
    ValidationError,
    assessment_from_json,
)

RISK_DRAFT = "risk-assessment"


def drafted_assessment(data: dict[str, Any]) -> RiskAssessment:
    """The assessment a draft holds; ValueError if it is not one the editor wrote."""
    raw = data.get("assessment")
    if not isinstance(raw, dict):
        raise ValueError("not a risk assessment draft")
    try:
        return assessment_from_json(raw)
    except ValidationError:
        pass  # unsaved work may break a rule: bring it back to be fixed
    try:
        factors = tuple(
            FactorRating(
                code=str(f["code"]),
                rating=str(f.get("rating") or "unknown"),
                narrative=_text(f.get("narrative")),
                indicators=tuple(str(i) for i in f.get("indicators") or ()),
                evidence=tuple(str(e) for e in f.get("evidence") or ()),
            )
            for f in raw["factors"]
        )
        overall = raw.get("overall") or {}
        return RiskAssessment(
            id=str(raw["id"]),
            country=str(raw["country"]),
            period_start=str(raw["period_start"]),
            period_end=str(raw["period_end"]),
            assessed_on=str(raw["assessed_on"]),
            factors=factors,
            overall=OverallJudgement(
                rating=str(overall.get("rating") or "unknown"),
                narrative=_text(overall.get("narrative")),
            ),
            areas=tuple(str(a) for a in raw.get("areas") or ()),
            author_role=_text(raw.get("author_role")),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError("the draft is not a risk assessment the editor wrote") from exc


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
