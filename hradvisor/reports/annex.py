"""The annex: the most serious incidents of the period, protected, at most ANNEX_LIMIT.

"Most serious" is an explicit, stable order so two runs list the same rows
(ranked in the store, ``IncidentSnapshot.most_serious``): people killed, then
victims of other grave harm (torture, disappearance, sexual violence), then
all victims, then the stronger verification, then the earlier date, then the id.
"""

from __future__ import annotations

from typing import Any

from hradvisor.model import area_name, vocabulary
from hradvisor.reports.inputs import AnnexRow
from hradvisor.reports.protection import Policy

ANNEX_LIMIT = 500


def _count(data: dict[str, Any], outcome: str) -> int:
    return sum(int(v) for v in (data.get("victims") or {}).get(outcome, {}).values())


def reference(data: dict[str, Any]) -> str:
    """A short handle for an incident ("#01a2083a") the reader can ask the adviser about.

    Titles are not printed unless exact locations are allowed: they often name
    places and people (see protection.protect_incident).
    """
    return "#" + str(data.get("id", ""))[:8]


def annex_row(data: dict[str, Any], policy: Policy, lang: str) -> AnnexRow:
    """One protected row: area (or place and title, if exact locations are allowed), labels."""
    location = data.get("location") or {}
    area = area_name(str(location.get("country", "")), location.get("admin1"))
    if policy.exact_locations and location.get("place"):
        area = f"{location['place']}, {area}"
    violations, perpetrators = vocabulary("violations"), vocabulary("perpetrators")
    victims = data.get("victims") or {}
    title = str(data.get("title", "")) if policy.exact_locations else reference(data)
    return AnnexRow(
        date=str(data.get("date", "")),
        area=area,
        title=title,
        violations="; ".join(violations.label(c, lang) for c in data.get("violations") or ()),
        perpetrators="; ".join(perpetrators.label(c, lang) for c in data.get("perpetrators") or ()),
        killed=_count(data, "killed"),
        victims=sum(int(v) for by_group in victims.values() for v in by_group.values()),
        verification=str(data.get("verification", "")),
    )
