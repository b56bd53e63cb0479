"""Field notes and persons: the records that sit beside incidents.

A Person carries a pseudonym that is shown everywhere and a protected
identity (name, contact) that stays in the vault: reports, exports and sync
packages leave the protected fields out unless consent says otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from hradvisor.model.checks import Checker, join
from hradvisor.model.dates import period, utc_today
from hradvisor.model.errors import FieldError, ValidationError
from hradvisor.model.ids import new_id

NOTE_KEYS = ("id", "date", "title", "text", "incident_ids", "sensitivity", "tags")
PERSON_KEYS = ("id", "pseudonym", "name", "contact", "sex_age", "consent", "note")
PROTECTED_PERSON_FIELDS = ("name", "contact")
_PSEUDONYM = re.compile(r"^[A-Z]{1,4}-\d{1,6}$")


@dataclass(frozen=True)
class FieldNote:
    """Free text from a meeting or a visit, optionally linked to incidents."""

    id: str
    date: str
    title: str
    text: str
    incident_ids: tuple[str, ...] = ()
    sensitivity: str = "confidential"
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """An individual victim or witness, known everywhere by a pseudonym such as ``V-0042``."""

    id: str
    pseudonym: str
    name: str | None = None
    contact: str | None = None
    sex_age: str = "unknown"
    consent: str = "internal-only"
    note: str | None = None


def note_to_json(note: FieldNote) -> dict[str, Any]:
    return {
        "id": note.id,
        "date": note.date,
        "title": note.title,
        "text": note.text,
        "incident_ids": list(note.incident_ids),
        "sensitivity": note.sensitivity,
        "tags": list(note.tags),
    }


def note_from_json(data: Any, *, today: dt.date | None = None) -> FieldNote:
    """Validate a field note; raises ValidationError naming every bad field."""
    _require_object(data, "a field note")
    check = Checker()
    obj = check.obj(data, "", ("date", "title", "text"), NOTE_KEYS)
    date = obj.get("date")
    try:
        if not isinstance(date, str) or period(date, "day")[0] > (today or utc_today()):
            check.fail("date", "must be a past or present date written YYYY-MM-DD")
    except ValueError as exc:
        check.fail("date", str(exc))
    incident_ids = []
    for index, item in enumerate(check.array(obj.get("incident_ids", []), "incident_ids")):
        linked = check.record_id(item, join("incident_ids", index))
        if linked is not None and linked not in incident_ids:
            incident_ids.append(linked)
    note = FieldNote(
        id=_id_or_new(check, obj),
        date=date if isinstance(date, str) else "",
        title=check.text(obj.get("title"), "title", max_len=300) or "",
        text=check.text(obj.get("text"), "text", max_len=200_000, multiline=True) or "",
        incident_ids=tuple(incident_ids),
        sensitivity=check.code(obj.get("sensitivity", "confidential"), "sensitivity", "sensitivity")
        or "",
        tags=check.text_list(obj.get("tags", []), "tags", max_len=60),
    )
    check.raise_if_failed()
    return note


def person_to_json(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "pseudonym": person.pseudonym,
        "name": person.name,
        "contact": person.contact,
        "sex_age": person.sex_age,
        "consent": person.consent,
        "note": person.note,
    }


def person_from_json(data: Any) -> Person:
    """Validate a person record; raises ValidationError naming every bad field."""
    _require_object(data, "a person")
    check = Checker()
    obj = check.obj(data, "", ("pseudonym",), PERSON_KEYS)
    pseudonym = obj.get("pseudonym")
    if not isinstance(pseudonym, str) or not _PSEUDONYM.match(pseudonym):
        check.fail("pseudonym", "must look like V-0042 (1–4 capital letters, a dash, digits)")
    person = Person(
        id=_id_or_new(check, obj),
        pseudonym=pseudonym if isinstance(pseudonym, str) else "",
        name=check.text(obj.get("name"), "name", max_len=300, optional=True),
        contact=check.text(
            obj.get("contact"), "contact", max_len=1_000, multiline=True, optional=True
        ),
        sex_age=check.code(obj.get("sex_age", "unknown"), "sex_age", "sex-age") or "",
        consent=check.code(obj.get("consent", "internal-only"), "consent", "consent") or "",
        note=check.text(obj.get("note"), "note", max_len=10_000, multiline=True, optional=True),
    )
    check.raise_if_failed()
    return person


def _require_object(data: Any, what: str) -> None:
    if not isinstance(data, dict):
        raise ValidationError([FieldError("", f"{what} must be a JSON object")])


def _id_or_new(check: Checker, obj: dict[str, Any]) -> str:
    if "id" not in obj:
        return new_id()
    return check.record_id(obj["id"], "id") or ""
