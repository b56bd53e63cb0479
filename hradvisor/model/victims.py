"""Victim counts disaggregated by outcome and by sex/age.

Gender-integrated monitoring asks for every count split into women, men,
girls, boys and unknown. We store only the cells; every total is derived, so
a total can never disagree with its parts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from hradvisor.model.checks import Checker, join
from hradvisor.model.vocabularies import codes

SEX_AGE = ("women", "men", "girls", "boys", "unknown")


@dataclass(frozen=True)
class VictimCounts:
    """Counts per outcome code, each a mapping of the five sex/age groups.

    Outcomes whose cells are all zero are dropped, so equal counts always
    compare and serialise equal.
    """

    cells: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        normal = {
            outcome: {group: int(by_group.get(group, 0)) for group in SEX_AGE}
            for outcome, by_group in self.cells.items()
            if any(by_group.get(group, 0) for group in SEX_AGE)
        }
        ordered = {o: normal[o] for o in codes("outcomes") if o in normal}
        object.__setattr__(self, "cells", ordered)

    def __hash__(self) -> int:
        return hash(tuple((o, tuple(g.items())) for o, g in self.cells.items()))

    def count(self, outcome: str, group: str | None = None) -> int:
        """Victims with *outcome*, for one sex/age *group* or all of them."""
        by_group = self.cells.get(outcome, {})
        if group is None:
            return sum(by_group.values())
        return by_group.get(group, 0)

    def total(self) -> int:
        """All victims over every outcome (a person harmed twice counts twice)."""
        return sum(sum(by_group.values()) for by_group in self.cells.values())

    def items(self) -> Iterator[tuple[str, Mapping[str, int]]]:
        return iter(self.cells.items())

    def to_json(self) -> dict[str, dict[str, int]]:
        return {outcome: dict(by_group) for outcome, by_group in self.cells.items()}


def victims_from_json(check: Checker, value: Any, path: str) -> VictimCounts:
    """Validate ``{outcome: {women, men, girls, boys, unknown}}``; missing cells are 0."""
    obj = check.obj(value, path, (), codes("outcomes"))
    cells: dict[str, dict[str, int]] = {}
    for outcome, by_group in obj.items():
        if outcome not in codes("outcomes"):
            continue
        group_path = join(path, outcome)
        groups = check.obj(by_group, group_path, (), SEX_AGE)
        cells[outcome] = {
            group: check.count(groups[group], join(group_path, group))
            for group in SEX_AGE
            if group in groups
        }
    return VictimCounts(cells)
