"""The incident: one event of concern, in the JSON form of DESIGN §4.

``Incident`` is an immutable value. ``incident_from_json`` is the only way in
from outside (CLI, import, packages): it rejects unknown keys and invalid
codes with the field's path. ``incident_to_json`` gives the full normalised
form, so ``incident_from_json(incident_to_json(x)) == x`` always holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from hradvisor.model.checks import Checker, join
from hradvisor.model.dates import PRECISIONS, format_hint, period, utc_today
from hradvisor.model.errors import FieldError, ValidationError
from hradvisor.model.ids import new_id
from hradvisor.model.places import is_valid_admin1, is_valid_country
from hradvisor.model.victims import VictimCounts, victims_from_json

TITLE_MAX = 300
NARRATIVE_MAX = 100_000
PLACE_MAX = 200
TAG_MAX = 60
FOLLOW_UP_MAX = 1_000
SOURCE_NOTE_MAX = 10_000
ADMIN2_MAX = 40

INCIDENT_KEYS = (
    "id", "title", "date", "date_end", "date_precision", "location", "violations", "rights",
    "perpetrators", "victims", "victim_groups", "narrative", "sources", "verification",
    "sensitivity", "consent", "tags", "follow_up",
)  # fmt: skip
LOCATION_KEYS = ("country", "admin1", "admin2", "place", "lat", "lon")
SOURCE_KEYS = ("type", "reliability", "credibility", "consent", "note")


@dataclass(frozen=True)
class Location:
    """Where it happened, to the finest level known."""

    country: str
    admin1: str | None = None
    admin2: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Source:
    """Where the information came from, judged twice (Admiralty scale):

    reliability of the source (A–F) and credibility of the information (1–6).
    """

    type: str
    reliability: str = "F"
    credibility: int = 6
    consent: str = "internal-only"
    note: str | None = None


@dataclass(frozen=True)
class Incident:
    """One event of concern. Totals are derived from ``victims``, never stored."""

    id: str
    title: str
    date: str
    location: Location
    violations: tuple[str, ...]
    date_precision: str = "day"
    date_end: str | None = None
    rights: tuple[str, ...] = ()
    perpetrators: tuple[str, ...] = ()
    victims: VictimCounts = field(default_factory=VictimCounts)
    victim_groups: tuple[str, ...] = ()
    narrative: str | None = None
    sources: tuple[Source, ...] = ()
    verification: str = "reported"
    sensitivity: str = "confidential"
    consent: str = "internal-only"
    tags: tuple[str, ...] = ()
    follow_up: tuple[str, ...] = ()

    def period(self) -> tuple[dt.date, dt.date]:
        """First and last day the incident may have taken place on."""
        first, last = period(self.date, self.date_precision)
        if self.date_end is not None:
            last = period(self.date_end, self.date_precision)[1]
        return first, last


def incident_to_json(incident: Incident) -> dict[str, Any]:
    """The full JSON form (every key present) of *incident*."""
    loc = incident.location
    return {
        "id": incident.id,
        "title": incident.title,
        "date": incident.date,
        "date_end": incident.date_end,
        "date_precision": incident.date_precision,
        "location": {
            "country": loc.country,
            "admin1": loc.admin1,
            "admin2": loc.admin2,
            "place": loc.place,
            "lat": loc.lat,
            "lon": loc.lon,
        },
        "violations": list(incident.violations),
        "rights": list(incident.rights),
        "perpetrators": list(incident.perpetrators),
        "victims": incident.victims.to_json(),
        "victim_groups": list(incident.victim_groups),
        "narrative": incident.narrative,
        "sources": [
            {
                "type": s.type,
                "reliability": s.reliability,
                "credibility": s.credibility,
                "consent": s.consent,
                "note": s.note,
            }
            for s in incident.sources
        ],
        "verification": incident.verification,
        "sensitivity": incident.sensitivity,
        "consent": incident.consent,
        "tags": list(incident.tags),
        "follow_up": list(incident.follow_up),
    }


def incident_from_json(data: Any, *, today: dt.date | None = None) -> Incident:
    """Validate JSON input and build an Incident; raises ValidationError naming every bad field.

    ``id`` may be omitted for a new incident (one is generated). Optional keys
    take the protective defaults: verification "reported", sensitivity
    "confidential", consent "internal-only".
    """
    check = Checker()
    if not isinstance(data, dict):
        raise ValidationError([FieldError("", "an incident must be a JSON object")])
    obj = check.obj(data, "", ("title", "date", "location", "violations"), INCIDENT_KEYS)
    precision = obj.get("date_precision", "day")
    if precision not in PRECISIONS:
        check.fail("date_precision", "must be one of day, month, year")
        precision = "day"
    date, date_end = _dates(check, obj, precision, today or utc_today())
    incident_id = check.record_id(obj["id"], "id") if "id" in obj else new_id()
    incident = Incident(
        id=incident_id or "",
        title=check.text(obj["title"], "title", max_len=TITLE_MAX) or "" if "title" in obj else "",
        date=date,
        date_end=date_end,
        date_precision=precision,
        location=_location(check, obj["location"]) if "location" in obj else Location(""),
        violations=check.code_list(obj.get("violations", []), "violations", "violations"),
        rights=check.code_list(obj.get("rights", []), "rights", "rights"),
        perpetrators=check.code_list(obj.get("perpetrators", []), "perpetrators", "perpetrators"),
        victims=victims_from_json(check, obj.get("victims", {}), "victims"),
        victim_groups=check.code_list(
            obj.get("victim_groups", []), "victim_groups", "victim-groups"
        ),
        narrative=check.text(
            obj.get("narrative"), "narrative", max_len=NARRATIVE_MAX, multiline=True, optional=True
        ),
        sources=_sources(check, obj.get("sources", [])),
        verification=check.code(obj.get("verification", "reported"), "verification", "verification")
        or "",
        sensitivity=check.code(obj.get("sensitivity", "confidential"), "sensitivity", "sensitivity")
        or "",
        consent=check.code(obj.get("consent", "internal-only"), "consent", "consent") or "",
        tags=check.text_list(obj.get("tags", []), "tags", max_len=TAG_MAX),
        follow_up=check.text_list(obj.get("follow_up", []), "follow_up", max_len=FOLLOW_UP_MAX),
    )
    if "violations" in obj and not incident.violations and not check.errors:
        check.fail("violations", "must list at least one violation")
    check.raise_if_failed()
    return incident


def _dates(
    check: Checker, obj: dict[str, Any], precision: str, today: dt.date
) -> tuple[str, str | None]:
    """Validate date and date_end: real, in order, not after tomorrow."""
    latest = today + dt.timedelta(days=1)
    date, date_end = obj.get("date"), obj.get("date_end")
    first = _first_day(check, date, "date", precision, latest) if "date" in obj else None
    start = date if first and isinstance(date, str) else ""
    if date_end is None:
        return start, None
    end_first = _first_day(check, date_end, "date_end", precision, latest)
    if first and end_first:
        if period(date_end, precision)[1] < first:
            check.fail("date_end", "must not be before date")
        elif date_end == date:
            check.fail("date_end", "must differ from date (leave it empty for a single date)")
    return start, (date_end if end_first and isinstance(date_end, str) else None)


def _first_day(
    check: Checker, value: Any, path: str, precision: str, latest: dt.date
) -> dt.date | None:
    if not isinstance(value, str):
        check.fail(path, f"must be a date written {format_hint(precision)}")
        return None
    try:
        first = period(value, precision)[0]
    except ValueError as exc:
        check.fail(path, str(exc))
        return None
    if first > latest:
        check.fail(path, "must not be in the future")
        return None
    return first


def _location(check: Checker, value: Any) -> Location:
    obj = check.obj(value, "location", ("country",), LOCATION_KEYS)
    country = obj.get("country")
    if not isinstance(country, str) or not is_valid_country(country):
        check.fail(
            "location.country", "must be an ISO 3166-1 alpha-2 code (or XA–XZ for fictional data)"
        )
        country = None
    admin1 = obj.get("admin1")
    if admin1 is not None and (
        not isinstance(admin1, str) or (country and not is_valid_admin1(country, admin1))
    ):
        check.fail(
            "location.admin1", "must be an area code of the country (ISO 3166-2, or XA-01 style)"
        )
        admin1 = None
    admin2 = check.text(obj.get("admin2"), "location.admin2", max_len=ADMIN2_MAX, optional=True)
    lat = check.number(obj.get("lat"), "location.lat", -90, 90)
    lon = check.number(obj.get("lon"), "location.lon", -180, 180)
    if (obj.get("lat") is None) != (obj.get("lon") is None):
        check.fail(
            "location.lat" if obj.get("lat") is None else "location.lon",
            "give both lat and lon, or neither",
        )
    place = check.text(obj.get("place"), "location.place", max_len=PLACE_MAX, optional=True)
    return Location(
        country=country or "", admin1=admin1, admin2=admin2, place=place, lat=lat, lon=lon
    )


def _sources(check: Checker, value: Any) -> tuple[Source, ...]:
    sources = []
    for index, item in enumerate(check.array(value, "sources")):
        path = join("sources", index)
        obj = check.obj(item, path, ("type",), SOURCE_KEYS)
        credibility = obj.get("credibility", 6)
        if isinstance(credibility, bool) or credibility not in range(1, 7):
            check.fail(join(path, "credibility"), "must be a whole number from 1 to 6")
            credibility = 6
        sources.append(
            Source(
                type=check.code(obj.get("type"), join(path, "type"), "source-types") or "",
                reliability=check.code(
                    obj.get("reliability", "F"), join(path, "reliability"), "reliability"
                )
                or "F",
                credibility=credibility,
                consent=check.code(
                    obj.get("consent", "internal-only"), join(path, "consent"), "consent"
                )
                or "",
                note=check.text(
                    obj.get("note"),
                    join(path, "note"),
                    max_len=SOURCE_NOTE_MAX,
                    multiline=True,
                    optional=True,
                ),
            )
        )
    return tuple(sources)
