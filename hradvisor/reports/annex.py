"""The annex: the most serious incidents of the period, protected, at most ANNEX_LIMIT.

"Most serious" is an explicit, stable order so two runs list the same rows:
people killed, then other grave harm (torture, disappearance, sexual
violence), then all victims, then the stronger verification, then the
earlier date, then the id.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import Any

from hradvisor.model import area_name, vocabulary
from hradvisor.reports.inputs import AnnexRow
from hradvisor.reports.protection import Policy

ANNEX_LIMIT = 500
GRAVE_HARM = ("tortured", "disappeared", "sexual-violence")
_VERIFICATION_RANK = {"verified": 3, "credible": 2, "reported": 1}


def _count(data: dict[str, Any], outcome: str) -> int:
    return sum(int(v) for v in (data.get("victims") or {}).get(outcome, {}).values())


def seriousness(data: dict[str, Any]) -> tuple[int, int, int, int, str, str]:
    """Sort key, larger = more serious (dates and ids negated through their ordering below)."""
    victims = data.get("victims") or {}
    total = sum(int(v) for by_group in victims.values() for v in by_group.values())
    return (
        _count(data, "killed"),
        sum(_count(data, outcome) for outcome in GRAVE_HARM),
        total,
        _VERIFICATION_RANK.get(str(data.get("verification")), 0),
        _inverted(str(data.get("date", ""))),
        _inverted(str(data.get("id", ""))),
    )


def _inverted(value: str) -> str:
    """A string that sorts in the reverse order of *value* (earlier dates rank higher)."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in value)


def most_serious(
    bodies: Iterable[dict[str, Any]], policy: Policy, lang: str, *, limit: int = ANNEX_LIMIT
) -> tuple[list[AnnexRow], int]:
    """The *limit* most serious incidents as annex rows, and how many there were in all.

    *bodies* are incident JSON the policy already admits; only a bounded heap
    is kept, so 100,000 incidents cost no more memory than 500.
    """
    total = 0
    heap: list[tuple[tuple[int, int, int, int, str, str], int, dict[str, Any]]] = []
    for data in bodies:
        total += 1
        item = (seriousness(data), total, data)
        if len(heap) < limit:
            heapq.heappush(heap, item)
        elif item[0] > heap[0][0]:
            heapq.heapreplace(heap, item)
    ranked = sorted(heap, key=lambda entry: entry[0], reverse=True)
    return [annex_row(data, policy, lang) for _, _, data in ranked], total


def annex_row(data: dict[str, Any], policy: Policy, lang: str) -> AnnexRow:
    """One protected row: area (or place, if exact locations are allowed), codes as labels."""
    location = data.get("location") or {}
    area = area_name(str(location.get("country", "")), location.get("admin1"))
    if policy.exact_locations and location.get("place"):
        area = f"{location['place']}, {area}"
    violations, perpetrators = vocabulary("violations"), vocabulary("perpetrators")
    victims = data.get("victims") or {}
    return AnnexRow(
        date=str(data.get("date", "")),
        area=area,
        title=str(data.get("title", "")),
        violations="; ".join(violations.label(c, lang) for c in data.get("violations") or ()),
        perpetrators="; ".join(perpetrators.label(c, lang) for c in data.get("perpetrators") or ()),
        killed=_count(data, "killed"),
        victims=sum(int(v) for by_group in victims.values() for v in by_group.values()),
        verification=str(data.get("verification", "")),
    )
