"""The saved definition of a summary analysis, and the PDFs made from it.

A definition holds everything that decides a report's content besides the
vault's incidents: period, scope, classification, audience, language, the
adviser's own text and choices. The same vault state and the same definition
give the same PDF bytes, so each PDF made is recorded by its SHA-256: anyone
can later prove which document was sent.

Validated like the other records (``report_from_json`` names every bad field).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from hradvisor.model.checks import Checker, join
from hradvisor.model.errors import FieldError, ValidationError
from hradvisor.model.ids import new_id
from hradvisor.model.places import is_valid_admin1, is_valid_country

REPORT_KEYS = (
    "id", "title", "period_start", "period_end", "country", "areas", "classification",
    "audience", "language", "issued", "author_role", "author_name", "overview",
    "recommendations", "concerns", "signals", "include_annex", "exact_locations",
    "suppress_small_counts", "outputs",
)  # fmt: skip
CHOICE_KEYS = ("pinned", "hidden", "order")
OUTPUT_KEYS = ("sha256", "made_at", "pages", "bytes")
LANGUAGES = ("en", "fr")
AUDIENCES = ("ohchr", "un", "public")
CLASSIFICATIONS = ("strictly-confidential", "confidential", "unclassified")
DEFAULT_TITLE = {
    "en": "Summary analysis of principal human rights concerns and of risks of serious violations",
    "fr": "Analyse succincte des principales préoccupations en matière de droits de l'homme "
    "et des risques de violations graves",
}
TITLE_MAX = 300
ROLE_MAX = 200
TEXT_MAX = 50_000
KEY_MAX = 200
MAX_OUTPUTS = 1_000
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")


@dataclass(frozen=True)
class Choices:
    """The adviser's say over ranked items (concerns or signals), by key.

    ``pinned`` always appear, ``hidden`` never do, ``order`` puts keys first in
    that order; everything else follows in the engine's ranking.
    """

    pinned: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportOutput:
    """One PDF made from the definition: its hash, when, pages and size."""

    sha256: str
    made_at: str
    pages: int
    bytes: int


@dataclass(frozen=True)
class ReportDefinition:
    """A summary analysis as the adviser set it up. ``issued`` is the date printed on it."""

    id: str
    period_start: str
    period_end: str
    issued: str
    title: str | None = None
    country: str | None = None
    areas: tuple[str, ...] = ()
    classification: str = "confidential"
    audience: str = "un"
    language: str = "en"
    author_role: str = "Human Rights Adviser"
    author_name: str | None = None
    overview: str | None = None
    recommendations: str | None = None
    concerns: Choices = Choices()
    signals: Choices = Choices()
    include_annex: bool = False
    exact_locations: bool = False
    suppress_small_counts: bool = False
    outputs: tuple[ReportOutput, ...] = ()

    @property
    def start(self) -> dt.date:
        return dt.date.fromisoformat(self.period_start)

    @property
    def end(self) -> dt.date:
        return dt.date.fromisoformat(self.period_end)

    def display_title(self) -> str:
        return self.title or DEFAULT_TITLE[self.language]


def _choices_to_json(choices: Choices) -> dict[str, list[str]]:
    return {
        "pinned": list(choices.pinned),
        "hidden": list(choices.hidden),
        "order": list(choices.order),
    }


def report_to_json(report: ReportDefinition) -> dict[str, Any]:
    """The full JSON form (every key present) of *report*."""
    return {
        "id": report.id,
        "title": report.title,
        "period_start": report.period_start,
        "period_end": report.period_end,
        "country": report.country,
        "areas": list(report.areas),
        "classification": report.classification,
        "audience": report.audience,
        "language": report.language,
        "issued": report.issued,
        "author_role": report.author_role,
        "author_name": report.author_name,
        "overview": report.overview,
        "recommendations": report.recommendations,
        "concerns": _choices_to_json(report.concerns),
        "signals": _choices_to_json(report.signals),
        "include_annex": report.include_annex,
        "exact_locations": report.exact_locations,
        "suppress_small_counts": report.suppress_small_counts,
        "outputs": [
            {"sha256": o.sha256, "made_at": o.made_at, "pages": o.pages, "bytes": o.bytes}
            for o in report.outputs
        ],
    }


def report_from_json(data: Any) -> ReportDefinition:
    """Validate a report definition; raises ValidationError naming every bad field."""
    if not isinstance(data, dict):
        raise ValidationError([FieldError("", "a report definition must be a JSON object")])
    check = Checker()
    obj = check.obj(data, "", ("period_start", "period_end", "issued"), REPORT_KEYS)
    start = _date(check, obj.get("period_start"), "period_start")
    end = _date(check, obj.get("period_end"), "period_end")
    issued = _date(check, obj.get("issued"), "issued")
    if start and end and end < start:
        check.fail("period_end", "must not be before period_start")
    country = obj.get("country")
    if country is not None and (not isinstance(country, str) or not is_valid_country(country)):
        check.fail("country", "must be an ISO 3166-1 alpha-2 code (or XA–XZ for fictional data)")
        country = None
    areas = _areas(check, obj.get("areas", []), country)
    classification = _one_of(check, obj, "classification", CLASSIFICATIONS, "confidential")
    audience = _one_of(check, obj, "audience", AUDIENCES, "un")
    if audience == "public" and classification != "unclassified":
        check.fail("audience", "a report for the public must be unclassified")
    exact = _flag(check, obj, "exact_locations")
    if exact and classification == "unclassified":
        check.fail("exact_locations", "an unclassified report never gives exact places")
    report = ReportDefinition(
        id=check.record_id(obj["id"], "id") or "" if "id" in obj else new_id(),
        period_start=start.isoformat() if start else "",
        period_end=end.isoformat() if end else "",
        issued=issued.isoformat() if issued else "",
        title=check.text(obj.get("title"), "title", max_len=TITLE_MAX, optional=True),
        country=country,
        areas=areas,
        classification=classification,
        audience=audience,
        language=_one_of(check, obj, "language", LANGUAGES, "en"),
        author_role=check.text(
            obj.get("author_role", "Human Rights Adviser"), "author_role", max_len=ROLE_MAX
        )
        or "",
        author_name=check.text(
            obj.get("author_name"), "author_name", max_len=ROLE_MAX, optional=True
        ),
        overview=check.text(
            obj.get("overview"), "overview", max_len=TEXT_MAX, multiline=True, optional=True
        ),
        recommendations=check.text(
            obj.get("recommendations"),
            "recommendations",
            max_len=TEXT_MAX,
            multiline=True,
            optional=True,
        ),
        concerns=_choices(check, obj.get("concerns", {}), "concerns"),
        signals=_choices(check, obj.get("signals", {}), "signals"),
        include_annex=_flag(check, obj, "include_annex"),
        exact_locations=exact,
        suppress_small_counts=_flag(check, obj, "suppress_small_counts"),
        outputs=_outputs(check, obj.get("outputs", [])),
    )
    check.raise_if_failed()
    return report


def _date(check: Checker, value: Any, path: str) -> dt.date | None:
    if not isinstance(value, str):
        check.fail(path, "must be a date written YYYY-MM-DD")
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        check.fail(path, "must be a real date written YYYY-MM-DD")
        return None
    if len(value) != 10 or day.year < 1900:
        check.fail(path, "must be a real date written YYYY-MM-DD, in 1900 or later")
        return None
    return day


def _areas(check: Checker, value: Any, country: str | None) -> tuple[str, ...]:
    areas: list[str] = []
    for index, item in enumerate(check.array(value, "areas")):
        path = join("areas", index)
        if not isinstance(item, str) or not country or not is_valid_admin1(country, item):
            check.fail(path, "must be a first-level area code of the report's country")
        elif item in areas:
            check.fail(path, "listed twice")
        else:
            areas.append(item)
    return tuple(areas)


def _one_of(
    check: Checker, obj: dict[str, Any], key: str, allowed: tuple[str, ...], default: str
) -> str:
    value = obj.get(key, default)
    if value not in allowed:
        check.fail(key, f"must be one of {', '.join(allowed)}")
        return default
    return str(value)


def _flag(check: Checker, obj: dict[str, Any], key: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        check.fail(key, "must be true or false")
        return False
    return value


def _choices(check: Checker, value: Any, path: str) -> Choices:
    obj = check.obj(value, path, (), CHOICE_KEYS)
    lists = {
        key: check.text_list(obj.get(key, []), join(path, key), max_len=KEY_MAX)
        for key in CHOICE_KEYS
    }
    both = set(lists["pinned"]) & set(lists["hidden"])
    if both:
        check.fail(join(path, "hidden"), "an item cannot be both pinned and hidden")
    return Choices(pinned=lists["pinned"], hidden=lists["hidden"], order=lists["order"])


def _outputs(check: Checker, value: Any) -> tuple[ReportOutput, ...]:
    if not isinstance(value, list):
        check.fail("outputs", "must be a list")
        return ()
    if len(value) > MAX_OUTPUTS:
        check.fail("outputs", f"must have at most {MAX_OUTPUTS} items")
        return ()
    outputs = []
    for index, item in enumerate(value):
        path = join("outputs", index)
        obj = check.obj(item, path, OUTPUT_KEYS, ())
        sha = obj.get("sha256")
        made_at = obj.get("made_at")
        if not isinstance(sha, str) or not _SHA256.match(sha):
            check.fail(join(path, "sha256"), "must be 64 lower-case hex digits")
            continue
        if not isinstance(made_at, str) or not _TIMESTAMP.match(made_at):
            check.fail(join(path, "made_at"), "must be a UTC time written YYYY-MM-DDTHH:MM:SSZ")
            continue
        outputs.append(
            ReportOutput(
                sha256=sha,
                made_at=made_at,
                pages=check.count(obj.get("pages"), join(path, "pages")),
                bytes=check.count(obj.get("bytes"), join(path, "bytes")),
            )
        )
    return tuple(outputs)
