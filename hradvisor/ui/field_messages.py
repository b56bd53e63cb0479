"""The model's validation messages in the window's language.

The model (no Qt, shared with the command line) writes each FieldError in
English, naming the rule but never the value. The screens put these messages
next to fields, so in a French window they must be French too: each known
message, or message template with its numbers, maps to a translatable string
here. A message not listed (a new rule) still shows, in English, rather than
being lost; tests/ui/test_field_messages.py checks that every message the
model's validators can write is listed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from hradvisor.model import FieldError

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

_CONTEXT = "FieldMessage"

# Messages written as they are, whole.
_FIXED = (
    QT_TRANSLATE_NOOP("FieldMessage", "required"),
    QT_TRANSLATE_NOOP("FieldMessage", "unknown field"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be an object"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a list"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a string"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a number"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a whole number"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a whole number from 1 to 6"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be true or false"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be ≥ 0"),
    QT_TRANSLATE_NOOP("FieldMessage", "must not be empty"),
    QT_TRANSLATE_NOOP("FieldMessage", "must not contain control characters"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be valid Unicode text"),
    QT_TRANSLATE_NOOP("FieldMessage", "listed twice"),
    QT_TRANSLATE_NOOP("FieldMessage", "factor listed twice"),
    QT_TRANSLATE_NOOP("FieldMessage", "must not be in the future"),
    QT_TRANSLATE_NOOP("FieldMessage", "must not be before date"),
    QT_TRANSLATE_NOOP("FieldMessage", "must not be before period_start"),
    QT_TRANSLATE_NOOP("FieldMessage", "must differ from date (leave it empty for a single date)"),
    QT_TRANSLATE_NOOP("FieldMessage", "must list at least one violation"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be one of day, month, year"),
    QT_TRANSLATE_NOOP("FieldMessage", "is not a real calendar date"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a real date written YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a real date written YYYY-MM-DD, in 1900 or later"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a past or present date written YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a UTC time written YYYY-MM-DDTHH:MM:SSZ"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a lower-case UUID"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be 64 lower-case hex digits"),
    QT_TRANSLATE_NOOP(
        "FieldMessage", "must be an ISO 3166-1 alpha-2 code (or XA–XZ for fictional data)"
    ),
    QT_TRANSLATE_NOOP(
        "FieldMessage", "must be an area code of the country (ISO 3166-2, or XA-01 style)"
    ),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a first-level area code of the country"),
    QT_TRANSLATE_NOOP("FieldMessage", "must be a first-level area code of the report's country"),
    QT_TRANSLATE_NOOP("FieldMessage", "give both lat and lon, or neither"),
    QT_TRANSLATE_NOOP(
        "FieldMessage", "must look like V-0042 (1–4 capital letters, a dash, digits)"
    ),
    QT_TRANSLATE_NOOP("FieldMessage", "must be one of the risk framework's factor codes"),
    QT_TRANSLATE_NOOP("FieldMessage", "an item cannot be both pinned and hidden"),
    QT_TRANSLATE_NOOP("FieldMessage", "a report for the public must be unclassified"),
    QT_TRANSLATE_NOOP("FieldMessage", "an unclassified report never gives exact places"),
)


def _number(text: str) -> str:
    """A number the model wrote in English ("2,000", "0.5") in the window's locale."""
    plain = text.replace(",", "")
    try:
        value = float(plain)
    except ValueError:
        return text
    if value.is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(value, "g", 6)


def _date_format(hint: str) -> str:
    """YYYY-MM-DD as the window's language writes the pattern (AAAA-MM-JJ in French)."""
    return (
        hint.replace("YYYY", translate("FieldMessage", "YYYY"))
        .replace("MM", translate("FieldMessage", "MM"))
        .replace("DD", translate("FieldMessage", "DD"))
    )


_VOCABULARY_NAMES = {
    "violations": QT_TRANSLATE_NOOP("FieldMessage", "violations"),
    "perpetrators": QT_TRANSLATE_NOOP("FieldMessage", "perpetrators"),
    "victim-groups": QT_TRANSLATE_NOOP("FieldMessage", "victim groups"),
    "rights": QT_TRANSLATE_NOOP("FieldMessage", "rights"),
    "outcomes": QT_TRANSLATE_NOOP("FieldMessage", "outcomes"),
    "sex-age": QT_TRANSLATE_NOOP("FieldMessage", "sex and age"),
    "source-types": QT_TRANSLATE_NOOP("FieldMessage", "source types"),
    "reliability": QT_TRANSLATE_NOOP("FieldMessage", "reliability"),
    "credibility": QT_TRANSLATE_NOOP("FieldMessage", "credibility"),
    "verification": QT_TRANSLATE_NOOP("FieldMessage", "verification"),
    "sensitivity": QT_TRANSLATE_NOOP("FieldMessage", "sensitivity"),
    "consent": QT_TRANSLATE_NOOP("FieldMessage", "consent"),
    "date-precision": QT_TRANSLATE_NOOP("FieldMessage", "date precisions"),
}


def _vocabulary(name: str) -> str:
    source = _VOCABULARY_NAMES.get(name)
    return translate(_CONTEXT, str(source)) if source else name


_Fill = Callable[[str], str]

# Templates: the model's message as a pattern, the translatable text, and how each
# captured part is shown.
_TEMPLATES: tuple[tuple[re.Pattern[str], str, dict[str, _Fill]], ...] = (
    (
        re.compile(r"must be at most (?P<n>[\d,]+) characters"),
        str(QT_TRANSLATE_NOOP("FieldMessage", "must be at most {n} characters")),
        {"n": _number},
    ),
    (
        re.compile(r"must have at most (?P<n>[\d,]+) items"),
        str(QT_TRANSLATE_NOOP("FieldMessage", "must have at most {n} items")),
        {"n": _number},
    ),
    (
        re.compile(r"must be ≤ (?P<n>[\d,]+)"),
        str(QT_TRANSLATE_NOOP("FieldMessage", "must be ≤ {n}")),
        {"n": _number},
    ),
    (
        re.compile(r"must be between (?P<low>[-\d.,e+]+) and (?P<high>[-\d.,e+]+)"),
        str(QT_TRANSLATE_NOOP("FieldMessage", "must be between {low} and {high}")),
        {"low": _number, "high": _number},
    ),
    (
        re.compile(r"must be in (?P<year>\d{4}) or later"),
        str(QT_TRANSLATE_NOOP("FieldMessage", "must be in {year} or later")),
        {},
    ),
    (
        re.compile(r"must be a date written (?P<format>[YMD-]+)"),
        str(QT_TRANSLATE_NOOP("FieldMessage", "must be a date written {format}")),
        {"format": _date_format},
    ),
    (
        re.compile(r"must be written (?P<format>[YMD-]+)"),
        str(QT_TRANSLATE_NOOP("FieldMessage", "must be written {format}")),
        {"format": _date_format},
    ),
    (
        re.compile(r"must be one of the (?P<list>[a-z-]+) codes"),
        str(QT_TRANSLATE_NOOP("FieldMessage", "must be one of the {list} codes")),
        {"list": _vocabulary},
    ),
    (
        re.compile(r"must be one of the indicators of factor (?P<code>\S+)"),
        str(QT_TRANSLATE_NOOP("FieldMessage", "must be one of the indicators of factor {code}")),
        {},
    ),
    (
        re.compile(r"must be one of (?P<values>[\w-]+(?:, [\w-]+)+)"),
        str(QT_TRANSLATE_NOOP("FieldMessage", "must be one of {values}")),
        {},
    ),
)


def known(message: str) -> bool:
    """Whether *message* has a translation here (the test of completeness uses it)."""
    return message in _FIXED or any(p.fullmatch(message) for p, _, _ in _TEMPLATES)


def message_text(message: str) -> str:
    """*message* (a FieldError's) in the window's language; as written if unknown."""
    if message in _FIXED:
        return translate(_CONTEXT, message)
    for pattern, source, fills in _TEMPLATES:
        match = pattern.fullmatch(message)
        if match:
            parts = {name: fills.get(name, str)(value) for name, value in match.groupdict().items()}
            return translate(_CONTEXT, source).format(**parts)
    return message


def error_text(error: FieldError) -> str:
    """A FieldError as one line: its field path (as stored) and its message translated."""
    text = message_text(error.message)
    return f"{error.path}: {text}" if error.path else text
