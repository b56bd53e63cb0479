"""Domain model: incidents, victims, sources, notes, persons, vocabularies.

Pure values and validation, no I/O beyond reading shipped vocabularies. The
rest of the application builds records only through the ``*_from_json``
functions, so every record in the vault has passed the same checks.
"""

from hradvisor.model.assessment import (
    FactorRating,
    OverallJudgement,
    RiskAssessment,
    assessment_from_json,
    assessment_to_json,
    blank_factors,
)
from hradvisor.model.bidi import has_bidi_controls, neutralise_bidi
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
from hradvisor.model.places import (
    admin1_areas,
    admin1_name,
    area_name,
    country_choices,
    country_name,
)
from hradvisor.model.records import (
    PROTECTED_PERSON_FIELDS,
    FieldNote,
    Person,
    note_from_json,
    note_to_json,
    person_from_json,
    person_to_json,
)
from hradvisor.model.report import (
    Choices,
    ReportDefinition,
    ReportOutput,
    report_from_json,
    report_to_json,
)
from hradvisor.model.risk_framework import (
    RATINGS,
    Framework,
    Indicator,
    RatingLevel,
    RiskFactor,
    rating_label,
    rating_level,
    risk_framework,
)
from hradvisor.model.victims import SEX_AGE, VictimCounts
from hradvisor.model.vocabularies import VOCABULARY_NAMES, Vocabulary, codes, vocabulary

__all__ = [
    "PROTECTED_PERSON_FIELDS",
    "RATINGS",
    "SEX_AGE",
    "VOCABULARY_NAMES",
    "Choices",
    "FactorRating",
    "FieldChange",
    "FieldError",
    "FieldNote",
    "Framework",
    "Incident",
    "Indicator",
    "Location",
    "OverallJudgement",
    "Person",
    "RatingLevel",
    "ReportDefinition",
    "ReportOutput",
    "RiskAssessment",
    "RiskFactor",
    "Source",
    "ValidationError",
    "VictimCounts",
    "Vocabulary",
    "WordRun",
    "admin1_areas",
    "admin1_name",
    "area_name",
    "assessment_from_json",
    "assessment_to_json",
    "blank_factors",
    "canonical_json",
    "codes",
    "content_hash",
    "country_choices",
    "country_name",
    "has_bidi_controls",
    "incident_changes",
    "incident_from_json",
    "incident_to_json",
    "is_valid_id",
    "neutralise_bidi",
    "new_id",
    "note_from_json",
    "note_to_json",
    "period",
    "person_from_json",
    "person_to_json",
    "rating_label",
    "rating_level",
    "report_from_json",
    "report_to_json",
    "risk_framework",
    "uuid7",
    "vocabulary",
]
