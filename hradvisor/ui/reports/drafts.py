"""The Reports page's kept draft (ui/kept_drafts.py) back as a ReportDefinition.

A draft may break a rule that saving enforces (an overview too long): it was
unsaved work, not a checked definition. It comes back anyway, built without
those checks, so the adviser can fix it and save; the overview and the
recommendations are prose that would be hard to type again.
"""

from __future__ import annotations

from typing import Any

from hradvisor.model import ReportDefinition, ValidationError, report_from_json
from hradvisor.model.report import Choices, ReportOutput

REPORT_DRAFT = "report-definition"


def drafted_definition(data: dict[str, Any]) -> ReportDefinition:
    """The definition a draft holds; ValueError if it is not one the editor wrote."""
    raw = data.get("definition")
    if not isinstance(raw, dict):
        raise ValueError("not a report definition draft")
    try:
        return report_from_json(raw)
    except ValidationError:
        pass  # unsaved work may break a rule: bring it back to be fixed
    try:
        return ReportDefinition(
            id=str(raw["id"]),
            period_start=str(raw["period_start"]),
            period_end=str(raw["period_end"]),
            issued=str(raw["issued"]),
            title=_text(raw.get("title")),
            country=_text(raw.get("country")),
            areas=tuple(str(a) for a in raw.get("areas") or ()),
            classification=str(raw.get("classification") or "confidential"),
            audience=str(raw.get("audience") or "un"),
            language=str(raw.get("language") or "en"),
            author_role=str(raw.get("author_role") or ""),
            author_name=_text(raw.get("author_name")),
            overview=_text(raw.get("overview")),
            recommendations=_text(raw.get("recommendations")),
            concerns=_choices(raw.get("concerns")),
            signals=_choices(raw.get("signals")),
            include_annex=bool(raw.get("include_annex")),
            exact_locations=bool(raw.get("exact_locations")),
            suppress_small_counts=bool(raw.get("suppress_small_counts")),
            outputs=tuple(
                ReportOutput(
                    sha256=str(o["sha256"]),
                    made_at=str(o["made_at"]),
                    pages=int(o["pages"]),
                    bytes=int(o["bytes"]),
                )
                for o in raw.get("outputs") or ()
            ),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError("the draft is not a report definition the editor wrote") from exc


def _choices(value: Any) -> Choices:
    if not isinstance(value, dict):
        return Choices()
    return Choices(
        pinned=tuple(str(k) for k in value.get("pinned") or ()),
        hidden=tuple(str(k) for k in value.get("hidden") or ()),
        order=tuple(str(k) for k in value.get("order") or ()),
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
