"""Protection by default: what a report or an export may contain, decided before it is drawn.

Three questions, answered the same way for the PDF, CSV, JSON and HXL:

1. **Which incidents.** An incident is left out if its sensitivity is above the
   document's classification (a page is marked with the highest level it holds,
   ST/SGB/2007/6, so a CONFIDENTIAL page cannot carry STRICTLY CONFIDENTIAL
   information), or if its consent does not reach the document's audience, or
   (for reports) if it was discounted.
2. **Which fields.** Names and contacts of persons, source notes and follow-up
   actions never leave; narratives only on request and never unclassified;
   places finer than the first-level area only on request and never unclassified.
3. **Which numbers.** Counts of 1 or 2 can point to a person in a small place;
   when asked, they are shown as "<3".

Every rule is a pure function of codes, so it is tested as a table
(tests/reports/test_protection.py) and written down in docs/reports.md.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hradvisor.model import area_name, vocabulary

# Both orders are ascending: later means more protected (classification) or more open (consent).
CLASSIFICATIONS = ("unclassified", "confidential", "strictly-confidential")
CONSENTS = ("internal-only", "share-within-un", "public-anonymised")
AUDIENCES = ("ohchr", "un", "public")
VERIFICATIONS = ("reported", "credible", "verified", "discounted")

# Why an incident was left out, in the order the rules are tried: each incident is
# counted once, under the first rule it fails.
SENSITIVITY_ABOVE_CLASSIFICATION = "sensitivity-above-classification"
CONSENT_DOES_NOT_REACH_AUDIENCE = "consent-does-not-reach-audience"
DISCOUNTED = "discounted"
REASONS = (SENSITIVITY_ABOVE_CLASSIFICATION, CONSENT_DOES_NOT_REACH_AUDIENCE, DISCOUNTED)

SMALL_COUNT_LIMIT = 3  # counts below this (but above 0) may be suppressed
SMALL_COUNT_TEXT = "<3"

# Fields that never leave the vault in a report or an export, whatever the policy.
ALWAYS_WITHHELD = (
    "names and contacts of persons",
    "notes on sources",
    "follow-up actions",
    "attachments",
    "field notes",
)


class ProtectionError(ValueError):
    """A policy that would contradict itself (e.g. a public audience for a classified report)."""


@dataclass(frozen=True)
class Policy:
    """Who will read the document, and what the adviser chose to allow.

    ``audience``: ``ohchr`` (the adviser's own office and OHCHR), ``un`` (the
    Resident Coordinator, the UN Country Team and other UN entities) or
    ``public`` (anyone outside the UN).
    """

    classification: str = "confidential"
    audience: str = "un"
    exact_locations: bool = False
    suppress_small_counts: bool = False
    include_narratives: bool = False
    include_discounted: bool = False

    def __post_init__(self) -> None:
        if self.classification not in CLASSIFICATIONS:
            raise ProtectionError(f"classification must be one of {', '.join(CLASSIFICATIONS)}")
        if self.audience not in AUDIENCES:
            raise ProtectionError(f"audience must be one of {', '.join(AUDIENCES)}")
        if self.audience == "public" and self.classification != "unclassified":
            raise ProtectionError(
                "a document for the public must be unclassified; choose the 'un' or 'ohchr' "
                "audience for a classified one"
            )
        if self.classification == "unclassified" and self.exact_locations:
            raise ProtectionError(
                "an unclassified document never gives places finer than the first-level area"
            )
        if self.classification == "unclassified" and self.include_narratives:
            raise ProtectionError("an unclassified document never includes narratives")

    @property
    def open(self) -> bool:
        """True if the document may travel beyond the UN (anything unclassified may)."""
        return self.classification == "unclassified" or self.audience == "public"

    def allowed_sensitivity(self) -> tuple[str, ...]:
        """Sensitivity levels at or below the classification."""
        return CLASSIFICATIONS[: CLASSIFICATIONS.index(self.classification) + 1]

    def allowed_consent(self) -> tuple[str, ...]:
        """Consent levels that reach the audience.

        Anything unclassified can end up public, so it needs public consent
        whatever audience was named; the UN audience needs at least
        share-within-UN; only OHCHR itself may count internal-only incidents.
        """
        if self.open:
            least = "public-anonymised"
        elif self.audience == "un":
            least = "share-within-un"
        else:
            least = "internal-only"
        return CONSENTS[CONSENTS.index(least) :]

    def allowed_verification(self) -> tuple[str, ...]:
        return VERIFICATIONS if self.include_discounted else VERIFICATIONS[:-1]

    def exclusion(self, sensitivity: str, consent: str, verification: str) -> str | None:
        """Why an incident with these codes is left out (one of REASONS), or None."""
        if sensitivity not in self.allowed_sensitivity():
            return SENSITIVITY_ABOVE_CLASSIFICATION
        if consent not in self.allowed_consent():
            return CONSENT_DOES_NOT_REACH_AUDIENCE
        if verification not in self.allowed_verification():
            return DISCOUNTED
        return None

    def withheld_fields(self) -> tuple[str, ...]:
        """What the document leaves out of every incident it includes (for the manifest)."""
        withheld = list(ALWAYS_WITHHELD)
        if not self.include_narratives:
            withheld.append("narratives")
        if not self.exact_locations:
            withheld.append(
                "places, second-level areas and coordinates (shown by first-level area)"
            )
            withheld.append("titles (they can name places and people; see docs/reports.md)")
        if self.open:
            withheld.append("tags")
        return tuple(withheld)

    def small(self, count: int) -> int | str:
        """*count*, or "<3" when small counts are suppressed and it is 1 or 2."""
        if self.suppress_small_counts and 0 < count < SMALL_COUNT_LIMIT:
            return SMALL_COUNT_TEXT
        return count


@dataclass
class Manifest:
    """What a document left out and why: counts only, never content.

    Returned to the caller (the CLI writes it beside an export; the report
    builder shows it) and never printed in the document itself.
    """

    document: str
    classification: str
    audience: str
    in_scope: int = 0
    included: int = 0
    left_out: dict[str, int] = field(default_factory=dict)
    withheld_fields: tuple[str, ...] = ()
    locations_generalised: int = 0
    small_counts_suppressed: int = 0
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "hradvisor-manifest/1",
            "document": self.document,
            "classification": self.classification,
            "audience": self.audience,
            "incidents_in_scope": self.in_scope,
            "incidents_included": self.included,
            "incidents_left_out": {reason: self.left_out.get(reason, 0) for reason in REASONS},
            "fields_withheld": list(self.withheld_fields),
            "locations_generalised": self.locations_generalised,
            "small_counts_suppressed": self.small_counts_suppressed,
            "notes": list(self.notes),
        }


def tally(
    groups: Iterable[tuple[str, str, str, int]], policy: Policy, *, document: str
) -> Manifest:
    """A manifest from counts of incidents grouped by (sensitivity, consent, verification)."""
    left_out: Counter[str] = Counter()
    included = total = 0
    for sensitivity, consent, verification, count in groups:
        total += count
        reason = policy.exclusion(sensitivity, consent, verification)
        if reason is None:
            included += count
        else:
            left_out[reason] += count
    return Manifest(
        document=document,
        classification=policy.classification,
        audience=policy.audience,
        in_scope=total,
        included=included,
        left_out=dict(left_out),
        withheld_fields=policy.withheld_fields(),
    )


def protect_incident(data: Mapping[str, Any], policy: Policy) -> tuple[dict[str, Any], bool]:
    """The incident JSON (DESIGN §4 form) as the document may show it, and whether its
    location was generalised.

    The caller has already checked ``policy.exclusion`` for this incident. The
    result keeps every key of the incident JSON, so it still reads as one.
    Titles are free text that often name a village, an age or a profession
    ("Killing of a 61-year-old nurse near …"), so unless exact locations are
    allowed a title is replaced by the first violation and the area.
    """
    location = dict(data.get("location") or {})
    finer = ("admin2", "place", "lat", "lon")
    generalised = False
    if not policy.exact_locations:
        generalised = any(location.get(key) is not None for key in finer)
        for key in finer:
            location[key] = None
    sources = [
        {
            "type": source.get("type"),
            "reliability": source.get("reliability"),
            "credibility": source.get("credibility"),
            "consent": source.get("consent"),
            "note": None,
        }
        for source in data.get("sources") or ()
    ]
    protected = dict(data)
    protected.update(
        title=data.get("title") if policy.exact_locations else neutral_title(data),
        location=location,
        sources=sources,
        narrative=data.get("narrative") if policy.include_narratives else None,
        follow_up=[],
        tags=[] if policy.open else list(data.get("tags") or ()),
    )
    return protected, generalised


def neutral_title(data: Mapping[str, Any]) -> str:
    """A title that says only what and where at area level: "Killing — Elsenmoor"."""
    violations = list(data.get("violations") or ())
    what = vocabulary("violations").label(violations[0]) if violations else "Incident"
    if len(violations) > 1:
        what += f" (+{len(violations) - 1})"
    location = data.get("location") or {}
    return f"{what} — {_area(str(location.get('country', '')), location.get('admin1'))}"


@functools.lru_cache(maxsize=4_096)
def _area(country: str, admin1: str | None) -> str:
    return area_name(country, admin1)
