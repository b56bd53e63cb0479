"""Domain model: incidents, victims, sources, notes, persons, vocabularies.

Pure values and validation, no I/O beyond reading shipped vocabularies. The
rest of the application builds records only through the ``*_from_json``
functions, so every record in the vault has passed the same checks.
"""

from hradvisor.model.canonical import canonical_json, content_hash
from hradvisor.model.dates import period
from hradvisor.model.diff import FieldChange, WordRun, incident_changes
from hradvisor.model.errors import FieldError, ValidationError
from hradvisor.model.ids import is_valid_id, new_id, uuid7
from hradvisor.model.incident import (
    Incident,
    Location,
    Source,
    incident_from_json,
    incident_to_json,
)
from hradvisor.model.places import admin1_areas, admin1_name, area_name, country_name
from hradvisor.model.records import (
    PROTECTED_PERSON_FIELDS,
    FieldNote,
    Person,
    note_from_json,
    note_to_json,
    person_from_json,
    person_to_json,
)
from hradvisor.model.victims import SEX_AGE, VictimCounts
from hradvisor.model.vocabularies import VOCABULARY_NAMES, Vocabulary, codes, vocabulary

__all__ = [
    "PROTECTED_PERSON_FIELDS",
    "SEX_AGE",
    "VOCABULARY_NAMES",
    "FieldChange",
    "FieldError",
    "FieldNote",
    "Incident",
    "Location",
    "Person",
    "Source",
    "ValidationError",
    "VictimCounts",
    "Vocabulary",
    "WordRun",
    "admin1_areas",
    "admin1_name",
    "area_name",
    "canonical_json",
    "codes",
    "content_hash",
    "country_name",
    "incident_changes",
    "incident_from_json",
    "incident_to_json",
    "is_valid_id",
    "new_id",
    "note_from_json",
    "note_to_json",
    "period",
    "person_from_json",
    "person_to_json",
    "uuid7",
    "vocabulary",
]
