"""What changed between two versions of an incident, in words a person reads.

The history view shows each revision as the fields it changed: a title from
one text to another, violations added or removed (by their labels, not their
codes), a victim cell moving ("Killed · Girls: 1 → 2"), a narrative with a
compact word diff. This module is pure (no Qt, no I/O), so the rules are
unit-tested, and it never raises on an unexpected body shape: revisions
written by an older or newer format still get a generic "before → after".
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hradvisor.model.incident import INCIDENT_KEYS
from hradvisor.model.places import admin1_name, country_name
from hradvisor.model.victims import SEX_AGE
from hradvisor.model.vocabularies import vocabulary

# Field names for people, by language; a key missing here is shown as itself.
_FIELD_LABELS: dict[str, dict[str, str]] = {
    "id": {"en": "Identifier", "fr": "Identifiant"},
    "title": {"en": "Title", "fr": "Titre"},
    "date": {"en": "Date", "fr": "Date"},
    "date_end": {"en": "End date", "fr": "Date de fin"},
    "date_precision": {"en": "Date precision", "fr": "Précision de la date"},
    "location": {"en": "Location", "fr": "Lieu"},
    "violations": {"en": "Violations", "fr": "Violations"},
    "rights": {"en": "Rights affected", "fr": "Droits atteints"},
    "perpetrators": {"en": "Perpetrators", "fr": "Auteurs"},
    "victims": {"en": "Victims", "fr": "Victimes"},
    "victim_groups": {"en": "Victim groups", "fr": "Groupes de victimes"},
    "narrative": {"en": "Narrative", "fr": "Récit"},
    "sources": {"en": "Sources", "fr": "Sources"},
    "verification": {"en": "Verification", "fr": "Vérification"},
    "sensitivity": {"en": "Sensitivity", "fr": "Sensibilité"},
    "consent": {"en": "Consent", "fr": "Consentement"},
    "tags": {"en": "Tags", "fr": "Mots-clés"},
    "follow_up": {"en": "Follow-up", "fr": "Suivi"},
    # location parts
    "country": {"en": "country", "fr": "pays"},
    "admin1": {"en": "area", "fr": "région"},
    "admin2": {"en": "district", "fr": "district"},
    "place": {"en": "place", "fr": "localité"},
    "lat": {"en": "latitude", "fr": "latitude"},
    "lon": {"en": "longitude", "fr": "longitude"},
    # source parts
    "type": {"en": "type", "fr": "type"},
    "reliability": {"en": "reliability", "fr": "fiabilité"},
    "credibility": {"en": "credibility", "fr": "crédibilité"},
    "note": {"en": "note", "fr": "note"},
}
_CODE_LISTS = {
    "violations": "violations",
    "rights": "rights",
    "perpetrators": "perpetrators",
    "victim_groups": "victim-groups",
}
_CODES = {
    "verification": "verification",
    "sensitivity": "sensitivity",
    "consent": "consent",
    "date_precision": "date-precision",
}
_PHRASES = {
    "order": {"en": "order changed", "fr": "ordre modifié"},
    "changed": {"en": "changed", "fr": "modifié"},
    "words": {"en": "words", "fr": "mots"},
}
_EMPTY = "—"
_CONTEXT_WORDS = 4
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class WordRun:
    """A run of words in a narrative diff: kept ("="), inserted ("+"), deleted ("-") or elided."""

    op: str  # "=", "+", "-", or "…" for a long unchanged stretch left out
    text: str


@dataclass(frozen=True)
class FieldChange:
    """How one top-level field of an incident changed between two versions.

    ``lines`` always describes the change in plain text. The structured parts
    let a view do better: ``before``/``after`` for a single value, ``added``
    and ``removed`` for lists, ``words`` for the narrative.
    """

    key: str
    label: str
    lines: tuple[str, ...]
    before: str | None = None
    after: str | None = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    words: tuple[WordRun, ...] = ()


def field_label(key: str, lang: str = "en") -> str:
    """The name of an incident field (or a location/source part) for people."""
    labels = _FIELD_LABELS.get(key)
    if labels is None:
        return key
    return labels.get(lang) or labels["en"]


def incident_changes(old: Any, new: Any, lang: str = "en") -> list[FieldChange]:
    """The field-level differences from *old* to *new* (incident JSON bodies).

    Fields come in the order of the incident form (title first), then any
    unknown keys; a key absent on one side counts as empty. An equal pair of bodies
    gives an empty list. Bodies that are not objects compare as a whole.
    """
    if not isinstance(old, dict) or not isinstance(new, dict):
        if old == new:
            return []
        return [_plain("", "", old, new)]
    present = list(new) + [key for key in old if key not in new]
    keys = [key for key in INCIDENT_KEYS if key in present]
    keys += [key for key in present if key not in INCIDENT_KEYS]
    changes = []
    for key in keys:
        before, after = old.get(key), new.get(key)
        if _same(before, after):
            continue
        changes.append(_describe(key, before, after, lang))
    return changes


def _same(before: Any, after: Any) -> bool:
    """Equal, treating a missing value, null and an empty list or object alike."""
    return before == after or (_is_empty(before) and _is_empty(after))


def _is_empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or value == ""


def _describe(key: str, before: Any, after: Any, lang: str) -> FieldChange:
    """One field's change, by the most specific rule that fits its shape."""
    label = field_label(key, lang)
    try:
        change = _specific(key, label, before, after, lang)
    except (TypeError, AttributeError, ValueError, KeyError):
        change = None  # an unexpected shape: fall back to the generic form
    return change if change is not None else _plain(key, label, before, after)


def _specific(key: str, label: str, before: Any, after: Any, lang: str) -> FieldChange | None:
    """The rule for a known field, or None when no specific rule fits."""
    if key in _CODE_LISTS:
        return _list_change(key, label, before, after, lang, _code_label(_CODE_LISTS[key], lang))
    if key in ("tags", "follow_up"):
        return _list_change(key, label, before, after, lang, _show)
    if key in _CODES:
        return _plain(key, label, before, after, _code_label(_CODES[key], lang))
    if key == "victims":
        return _victims_change(label, before, after, lang)
    if key == "location":
        return _location_change(label, before, after, lang)
    if key == "narrative":
        return _narrative_change(label, before, after, lang)
    if key == "sources":
        return _sources_change(label, before, after, lang)
    return None


def _phrase(name: str, lang: str) -> str:
    """The few words the descriptions use, in English or French."""
    return _PHRASES[name].get(lang) or _PHRASES[name]["en"]


def _show(value: Any) -> str:
    """A value as short display text: strings as they are, others as compact JSON."""
    if _is_empty(value):
        return _EMPTY
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _plain(
    key: str,
    label: str,
    before: Any,
    after: Any,
    show: Callable[[Any], str] = _show,
) -> FieldChange:
    """A single value replaced: "Title: old → new"."""
    old_text = show(before) if not _is_empty(before) else _EMPTY
    new_text = show(after) if not _is_empty(after) else _EMPTY
    line = f"{label}: {old_text} → {new_text}" if label else f"{old_text} → {new_text}"
    return FieldChange(key, label, (line,), before=old_text, after=new_text)


def _code_label(vocab: str, lang: str) -> Callable[[Any], str]:
    def show(code: Any) -> str:
        return vocabulary(vocab).label(code, lang) if isinstance(code, str) else _show(code)

    return show


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


def _list_change(
    key: str, label: str, before: Any, after: Any, lang: str, show: Callable[[Any], str]
) -> FieldChange | None:
    """Items added and removed; a pure reordering is said as such."""
    old, new = _as_list(before), _as_list(after)
    added = tuple(show(item) for item in new if item not in old)
    removed = tuple(show(item) for item in old if item not in new)
    lines = [f"{label}: + {item}" for item in added] + [f"{label}: − {item}" for item in removed]
    if not lines:
        if sorted(map(_show, old)) != sorted(map(_show, new)):
            return None  # duplicates changed: say it plainly
        lines = [f"{label}: {_phrase('order', lang)}"]
    return FieldChange(key, label, tuple(lines), added=added, removed=removed)


def _victims_change(label: str, before: Any, after: Any, lang: str) -> FieldChange | None:
    """Each victim cell that moved: "Victims: Killed · Girls: 1 → 2"."""
    old, new = before or {}, after or {}
    if not isinstance(old, dict) or not isinstance(new, dict):
        return None
    outcomes = vocabulary("outcomes")
    groups = vocabulary("sex-age")
    known = list(outcomes.codes)
    ordered = [o for o in known if o in old or o in new]
    ordered += [o for o in list(new) + list(old) if o not in known and o not in ordered]
    lines = []
    for outcome in ordered:
        old_cells, new_cells = old.get(outcome) or {}, new.get(outcome) or {}
        cell_names = list(SEX_AGE) + [
            g for g in list(new_cells) + list(old_cells) if g not in SEX_AGE
        ]
        for group in dict.fromkeys(cell_names):
            was, now = old_cells.get(group, 0), new_cells.get(group, 0)
            if was != now:
                where = f"{outcomes.label(outcome, lang)} · {groups.label(group, lang)}"
                lines.append(f"{label}: {where}: {_show(was or 0)} → {_show(now or 0)}")
    return FieldChange("victims", label, tuple(lines)) if lines else None


def _location_change(label: str, before: Any, after: Any, lang: str) -> FieldChange | None:
    """Each part of the location that changed, areas by their names."""
    old, new = before or {}, after or {}
    if not isinstance(old, dict) or not isinstance(new, dict):
        return None

    def show(part: str, value: Any) -> str:
        if _is_empty(value):
            return _EMPTY
        if part == "country" and isinstance(value, str):
            return country_name(value, lang)
        if part == "admin1" and isinstance(value, str):
            return admin1_name(value)
        return _show(value)

    lines = []
    for part in dict.fromkeys(list(new) + list(old)):
        if not _same(old.get(part), new.get(part)):
            was, now = show(part, old.get(part)), show(part, new.get(part))
            lines.append(f"{label}: {field_label(part, lang)} {was} → {now}")
    return FieldChange("location", label, tuple(lines)) if lines else None


def _sources_change(label: str, before: Any, after: Any, lang: str) -> FieldChange | None:
    """Sources compared by position: added, removed, or which of their parts changed."""
    old, new = _as_list(before), _as_list(after)
    types = vocabulary("source-types")
    lines = []
    for index in range(max(len(old), len(new))):
        was = old[index] if index < len(old) else None
        now = new[index] if index < len(new) else None
        if was == now:
            continue
        name = f"{label} {index + 1}"
        if was is None or now is None:
            sign, item = ("+", now) if was is None else ("−", was)
            kind = types.label(item["type"], lang) if isinstance(item, dict) else _show(item)
            lines.append(f"{name}: {sign} {kind}")
            continue
        if not isinstance(was, dict) or not isinstance(now, dict):
            return None
        for part in dict.fromkeys(list(now) + list(was)):
            if _same(was.get(part), now.get(part)):
                continue
            if part == "note":
                lines.append(f"{name}: {field_label(part, lang)} {_phrase('changed', lang)}")
            else:
                show = _code_label("source-types", lang) if part == "type" else _show
                lines.append(
                    f"{name}: {field_label(part, lang)} "
                    f"{show(was.get(part))} → {show(now.get(part))}"
                )
    return FieldChange("sources", label, tuple(lines)) if lines else None


def _narrative_change(label: str, before: Any, after: Any, lang: str) -> FieldChange | None:
    """A compact word diff and the number of words changed (never the whole text twice)."""
    if not isinstance(before, str | None) or not isinstance(after, str | None):
        return None
    runs = word_diff(before or "", after or "")
    changed = sum(len(run.text.split()) for run in runs if run.op in "+-")
    summary = f"{label}: {_phrase('changed', lang)} ({changed} {_phrase('words', lang)})"
    return FieldChange("narrative", label, (summary,), words=tuple(runs))


def word_diff(before: str, after: str, context: int = _CONTEXT_WORDS) -> list[WordRun]:
    """Words kept, deleted and inserted, with long unchanged stretches cut to *context* words.

    Whitespace changes alone are not differences: the comparison is by words.
    """
    old, new = _WORD.findall(before), _WORD.findall(after)
    runs: list[WordRun] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    opcodes = matcher.get_opcodes()
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            runs.extend(
                _kept(old[i1:i2], context, first=number == 0, last=number == len(opcodes) - 1)
            )
            continue
        if tag in ("delete", "replace"):
            runs.append(WordRun("-", " ".join(old[i1:i2])))
        if tag in ("insert", "replace"):
            runs.append(WordRun("+", " ".join(new[j1:j2])))
    return runs


def _kept(words: Sequence[str], context: int, *, first: bool, last: bool) -> list[WordRun]:
    """An unchanged stretch: whole if short, else its edges beside the changes and "…"."""
    head = 0 if first else context
    tail = 0 if last else context
    if len(words) <= head + tail + 1:
        return [WordRun("=", " ".join(words))] if words else []
    runs = []
    if head:
        runs.append(WordRun("=", " ".join(words[:head])))
    runs.append(WordRun("…", "…"))
    if tail:
        runs.append(WordRun("=", " ".join(words[-tail:])))
    return runs
