"""The risk framework over time: which assessment applies, what changed, what it says.

Pure functions over the vault's assessments and incidents, no Qt. The desktop
Risk page, the summary-analysis PDF and the command line all read the
framework table from here, so a rating, a count or a direction of change is
worked out once and tested once.

Direction of change for a factor (``compare``):

- ``new``: no earlier assessment of the scope, or the factor was "unknown" and
  now has a rating (unknown to unknown is ``same``);
- ``up`` / ``down``: the rating moved up or down the scale absent < low <
  moderate < high;
- ``same``: the same rating (indicators or evidence may still have changed);
- ``unclear``: the factor had a rating and is now "unknown" — not an
  improvement, a loss of sight, and reports should say so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from hradvisor.model import (
    RATINGS,
    Incident,
    RiskAssessment,
    admin1_name,
    blank_factors,
    country_name,
    new_id,
    rating_label,
    rating_level,
    risk_framework,
)
from hradvisor.store import IncidentFilter, NotFound, Page, Vault

UP, DOWN, SAME, NEW, UNCLEAR = "up", "down", "same", "new", "unclear"
DIRECTIONS = (UP, DOWN, SAME, NEW, UNCLEAR)
# Incidents offered as evidence: only those someone has judged at least credible.
EVIDENCE_VERIFICATION = ("verified", "credible")


# -- which assessment ----------------------------------------------------------------


def chronological_key(assessment: RiskAssessment) -> tuple[str, str, str, str]:
    """Latest period last; the same period assessed twice: the later writing last."""
    return (
        assessment.period_end,
        assessment.period_start,
        assessment.assessed_on,
        assessment.id,
    )


def latest_assessment(
    vault: Vault,
    country: str,
    areas: Sequence[str] = (),
    before: dt.date | None = None,
) -> RiskAssessment | None:
    """The assessment of this exact scope covering the latest period, or None.

    With *before*, only assessments written (``assessed_on``) before that day
    count: "what did we judge as of the start of the reporting period".
    """
    candidates = vault.assessments.for_scope(country, tuple(areas))
    if before is not None:
        candidates = [a for a in candidates if dt.date.fromisoformat(a.assessed_on) < before]
    return max(candidates, key=chronological_key, default=None)


def previous_assessment(vault: Vault, current: RiskAssessment) -> RiskAssessment | None:
    """The assessment of the same scope that comes just before *current*, or None."""
    earlier = [
        a
        for a in vault.assessments.for_scope(current.country, current.areas)
        if a.id != current.id and chronological_key(a) < chronological_key(current)
    ]
    return max(earlier, key=chronological_key, default=None)


def next_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period that follows [start, end] and is as long.

    Whole calendar months stay whole months (a quarter is followed by the next
    quarter, whatever the month lengths); any other period keeps its length in days.
    """
    following = end + dt.timedelta(days=1)
    if start.day == 1 and following.day == 1:
        months = (following.year - start.year) * 12 + following.month - start.month
        after = _add_months(following, months)
        return following, after - dt.timedelta(days=1)
    return following, following + (end - start)


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month *months* after *day* (which is a first of month)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def last_full_months(today: dt.date, months: int = 3) -> tuple[dt.date, dt.date]:
    """The *months* whole calendar months before the current one."""
    this_month = today.replace(day=1)
    return _add_months(this_month, -months), this_month - dt.timedelta(days=1)


def draft_assessment(
    previous: RiskAssessment | None,
    *,
    country: str,
    areas: Sequence[str] = (),
    today: dt.date,
) -> RiskAssessment:
    """A new, unsaved assessment to start from.

    After a *previous* assessment it copies the scope and every judgement
    (ratings, indicators, narratives, evidence) for the next period, so the
    adviser changes only what moved and "changes since previous" shows just
    that. Without one: *country* and *areas*, the last three full months,
    every factor unknown.
    """
    if previous is not None:
        start, end = next_period(*previous.period())
        return dataclasses.replace(
            previous,
            id=new_id(),
            period_start=start.isoformat(),
            period_end=end.isoformat(),
            assessed_on=today.isoformat(),
        )
    start, end = last_full_months(today)
    return RiskAssessment(
        id=new_id(),
        country=country,
        areas=tuple(sorted(set(areas))),
        period_start=start.isoformat(),
        period_end=end.isoformat(),
        assessed_on=today.isoformat(),
        factors=blank_factors(),
    )


def previous_in(assessments: Iterable[RiskAssessment]) -> dict[str, RiskAssessment]:
    """For each assessment of *assessments*, the one before it of the same scope (by id).

    Works on a list already in memory, so a screen listing assessments can
    show how each moved without a query per row.
    """
    by_scope: dict[tuple[str, tuple[str, ...]], list[RiskAssessment]] = {}
    for assessment in assessments:
        by_scope.setdefault(assessment.scope, []).append(assessment)
    previous: dict[str, RiskAssessment] = {}
    for group in by_scope.values():
        group.sort(key=chronological_key)
        for before, after in itertools.pairwise(group):
            previous[after.id] = before
    return previous


# -- what changed --------------------------------------------------------------------


@dataclass(frozen=True)
class FactorChange:
    """How one factor moved between two assessments of the same scope."""

    code: str
    old_rating: str | None
    new_rating: str
    direction: str
    indicators_added: tuple[str, ...] = ()
    indicators_removed: tuple[str, ...] = ()
    evidence_added: tuple[str, ...] = ()
    evidence_removed: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """True if anything about the factor differs (rating, indicators or evidence)."""
        return self.direction != SAME or bool(
            self.indicators_added
            or self.indicators_removed
            or self.evidence_added
            or self.evidence_removed
        )


def direction(old: str | None, new: str) -> str:
    """Direction of change from rating *old* (None: not assessed before) to *new*."""
    if old is None:
        return NEW
    if old == new:
        return SAME
    old_level, new_level = rating_level(old), rating_level(new)
    if new_level is None:
        return UNCLEAR
    if old_level is None:
        return NEW
    return UP if new_level > old_level else DOWN


def _minus(left: Iterable[str], right: Iterable[str]) -> tuple[str, ...]:
    exclude = set(right)
    return tuple(item for item in left if item not in exclude)


def compare(current: RiskAssessment, previous: RiskAssessment | None) -> list[FactorChange]:
    """Per factor, in framework order: old and new rating, direction, what was added or removed."""
    changes = []
    for factor in current.factors:
        before = previous.factor(factor.code) if previous is not None else None
        old_rating = before.rating if before is not None else None
        old_indicators = before.indicators if before is not None else ()
        old_evidence = before.evidence if before is not None else ()
        changes.append(
            FactorChange(
                code=factor.code,
                old_rating=old_rating,
                new_rating=factor.rating,
                direction=direction(old_rating, factor.rating),
                indicators_added=_minus(factor.indicators, old_indicators),
                indicators_removed=_minus(old_indicators, factor.indicators),
                evidence_added=_minus(factor.evidence, old_evidence),
                evidence_removed=_minus(old_evidence, factor.evidence),
            )
        )
    return changes


# -- what it says ----------------------------------------------------------------------


@dataclass(frozen=True)
class FactorSummary:
    """One row of the framework table, with labels in the report's language."""

    code: str
    number: int
    group: str
    group_label: str
    title: str
    rating: str
    rating_label: str
    level: int | None
    narrative: str | None
    indicators: tuple[str, ...]
    evidence_count: int
    change: FactorChange | None = None


@dataclass(frozen=True)
class RiskSummary:
    """An assessment ready to be shown or printed: the table, the counts, the worst factors."""

    assessment_id: str
    scope: str
    period_start: str
    period_end: str
    assessed_on: str
    author_role: str | None
    factors: tuple[FactorSummary, ...]
    counts: dict[str, int]
    highest: tuple[FactorSummary, ...]
    overall_rating: str
    overall_label: str
    overall_narrative: str | None
    overall_direction: str | None = None


def scope_label(country: str, areas: Sequence[str], lang: str = "en") -> str:
    """How a scope is named: "Arcadia (fictional)" or "Arcadia (fictional): Varnholt, Duskwater"."""
    name = country_name(country, lang)
    if not areas:
        return name
    return f"{name}: {', '.join(admin1_name(code) for code in areas)}"


def summary(
    assessment: RiskAssessment, lang: str = "en", previous: RiskAssessment | None = None
) -> RiskSummary:
    """The framework table of *assessment* in *lang*; with *previous*, each row's change too.

    ``highest`` holds the factors at the highest rating reached, if that is
    low or above; "unknown" factors never count as highest.
    """
    framework = risk_framework()
    changes = {c.code: c for c in compare(assessment, previous)} if previous else {}
    rows = []
    for rated in assessment.factors:
        factor = framework.factor(rated.code)
        rows.append(
            FactorSummary(
                code=rated.code,
                number=factor.number,
                group=factor.group,
                group_label=framework.group_label(factor.group, lang),
                title=factor.title(lang),
                rating=rated.rating,
                rating_label=rating_label(rated.rating, lang),
                level=rating_level(rated.rating),
                narrative=rated.narrative,
                indicators=tuple(factor.indicator(code).label(lang) for code in rated.indicators),
                evidence_count=len(rated.evidence),
                change=changes.get(rated.code),
            )
        )
    counts = {code: sum(1 for row in rows if row.rating == code) for code in RATINGS}
    top = max((row.level for row in rows if row.level is not None), default=None)
    highest = tuple(row for row in rows if top and row.level == top)
    return RiskSummary(
        assessment_id=assessment.id,
        scope=scope_label(assessment.country, assessment.areas, lang),
        period_start=assessment.period_start,
        period_end=assessment.period_end,
        assessed_on=assessment.assessed_on,
        author_role=assessment.author_role,
        factors=tuple(rows),
        counts=counts,
        highest=highest,
        overall_rating=assessment.overall.rating,
        overall_label=rating_label(assessment.overall.rating, lang),
        overall_narrative=assessment.overall.narrative,
        overall_direction=(
            direction(previous.overall.rating, assessment.overall.rating) if previous else None
        ),
    )


# -- evidence ----------------------------------------------------------------------------


class IncidentPages(Protocol):
    """``vault.queries``: what suggesting evidence needs."""

    def page(
        self,
        filters: IncidentFilter | None = None,
        *,
        sort: str = "date",
        descending: bool = True,
        after: str | None = None,
        limit: int = 200,
    ) -> Page: ...


def suggest_evidence(
    queries: IncidentPages,
    factor_code: str,
    *,
    country: str,
    areas: Sequence[str] = (),
    start: dt.date,
    end: dt.date,
    exclude: Iterable[str] = (),
    limit: int = 20,
) -> list[Incident]:
    """Incidents in the scope and period that may evidence a factor, most serious first.

    Deliberately simple, and a suggestion only: the adviser decides what is
    evidence. An incident qualifies if it is credible or verified and has one
    of the violation types, or one of the victim groups, that the framework
    resource lists for the factor (``evidence_hint``; e.g. record of serious
    violations → killings, disappearances, torture, sexual violence, arbitrary
    detention). Verified come before credible, then more victims, then newer.
    Incidents in *exclude* (already linked) are left out.
    """
    factor = risk_framework().factor(factor_code)
    skip = set(exclude)
    found: dict[str, Incident] = {}
    for status in EVIDENCE_VERIFICATION:  # one level at a time, so a page is never all credible
        base = IncidentFilter(
            date_from=start,
            date_to=end,
            country=country,
            admin1=tuple(areas),
            verification=(status,),
        )
        for filters in (
            dataclasses.replace(base, violations=factor.hint_violations),
            dataclasses.replace(base, victim_groups=factor.hint_victim_groups),
        ):
            if not (filters.violations or filters.victim_groups):
                continue
            page = queries.page(filters, sort="victims", descending=True, limit=limit + len(skip))
            for incident in page.items:
                if incident.id not in skip:
                    found.setdefault(incident.id, incident)
    ranked = sorted(
        found.values(),
        key=lambda i: (i.verification != "verified", -i.victims.total(), _neg_date(i), i.id),
    )
    return ranked[:limit]


def _neg_date(incident: Incident) -> int:
    return -incident.period()[0].toordinal()


@dataclass(frozen=True)
class LinkedEvidence:
    """The incidents an assessment cites, and the ids no longer in this vault."""

    incidents: tuple[Incident, ...]
    missing: tuple[str, ...]


def linked_evidence(vault: Vault, incident_ids: Iterable[str]) -> LinkedEvidence:
    """Resolve cited incident ids, in the order given; missing ones are listed, not hidden."""
    incidents: list[Incident] = []
    missing: list[str] = []
    for incident_id in dict.fromkeys(incident_ids):
        try:
            incidents.append(vault.incidents.get(incident_id))
        except NotFound:
            missing.append(incident_id)
    return LinkedEvidence(tuple(incidents), tuple(missing))
