"""Fictional risk assessments for the demo vault: Arcadia (XA), two quarters apart.

The older assessment covers three months around the attacks on defenders in
Varnholt; the recent one covers the last three full months, when child
recruitment appears in Iron Delta (see ``hradvisor.demo.demo_episodes``), and
shows the deterioration an adviser would record: capacity, threats to people
protected by humanitarian law and the record of violations rated higher, and
the overall judgement raised. Evidence is taken from the vault's own demo
incidents (``suggest_evidence``), so every link opens a real record.

Everything here is invented. Ids are derived from the seed and the dates, and
nothing is added if the vault already holds an assessment of XA, so running
the demo command again never piles up copies.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from hradvisor.analysis.risk import last_full_months, suggest_evidence
from hradvisor.demo import COUNTRY
from hradvisor.model import RiskAssessment, assessment_from_json, uuid7
from hradvisor.store import Vault

AUTHOR_ROLE = "Human rights adviser (demo)"
EVIDENCE_PER_FACTOR = 4

# factor → (older rating, recent rating, indicators older, indicators recent)
_RATINGS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    "armed-conflict": ("moderate", "moderate", ("armed-conflict",), ("armed-conflict",)),
    "serious-violations": (
        "moderate",
        "high",
        ("pattern-of-violations", "impunity"),
        ("pattern-of-violations", "impunity", "failure-to-stop"),
    ),
    "weak-state-structures": ("moderate", "moderate", ("no-oversight",), ("no-oversight",)),
    "motives": ("low", "moderate", ("political",), ("political", "strategic")),
    "capacity": ("low", "moderate", (), ("mobilisation", "links-to-armed-groups")),
    "absence-of-mitigation": (
        "moderate",
        "moderate",
        ("weak-civil-society-media",),
        ("weak-civil-society-media", "limited-international-presence"),
    ),
    "enabling-circumstances": ("low", "moderate", ("hate-speech",), ("hate-speech", "militias")),
    "triggering-factors": ("low", "low", (), ("sudden-deployment",)),
    "intergroup-tensions": ("low", "low", ("intergroup-conflict",), ("intergroup-conflict",)),
    "intent-to-destroy": ("absent", "absent", (), ()),
    "widespread-attack": ("low", "moderate", (), ("spreading",)),
    "plan-or-policy": ("absent", "unknown", (), ()),
    "threats-to-protected-persons": (
        "low",
        "high",
        ("attacks-on-civilians",),
        ("attacks-on-civilians", "child-soldiers"),
    ),
    "threats-to-humanitarian-operations": ("low", "low", ("obstruction",), ("obstruction",)),
}
_NARRATIVES = {
    "serious-violations": (
        "Killings and arbitrary detentions continue at their usual level; no investigation "
        "of the defenders attacked in Varnholt has been opened.",
        "Verified killings and detentions rose in the north corridor and Iron Delta. "
        "Authorities took no visible step to stop them or to investigate.",
    ),
    "capacity": (
        "Armed groups in the north corridor are small and poorly supplied.",
        "Reports of children recruited by an armed group in Iron Delta show it can mobilise "
        "new fighters quickly; links with groups across the river are alleged.",
    ),
    "threats-to-protected-persons": (
        "Occasional attacks affecting civilians near the front line.",
        "Recruitment and use of children in Iron Delta, verified in several cases, and "
        "continued attacks on civilians near the delta front.",
    ),
    "absence-of-mitigation": (
        "Attacks on human rights defenders in Varnholt have silenced several local organisations.",
        "Local organisations remain weakened; international presence in Iron Delta is "
        "limited to short visits.",
    ),
}
_OVERALL = (
    "moderate",
    "Risk is contained but real: a pattern of serious violations with impunity, and civil "
    "society weakened by the attacks on defenders in Varnholt.",
    "high",
    "Risk has risen. Child recruitment in Iron Delta and more violations in the north "
    "corridor, with no accountability, point to an armed group building capacity. Watch the "
    "delta front and the coming months closely.",
)


def demo_assessments(vault: Vault, *, seed: int, until: dt.date) -> list[RiskAssessment]:
    """The two demo assessments for data generated up to *until* (not saved)."""
    rng = random.Random(f"risk-{seed}")  # noqa: S311 -- reproducible fiction, not a secret
    recent_period = last_full_months(until)
    older_period = last_full_months(recent_period[0] - dt.timedelta(days=61))
    made = []
    for index, (start, end) in enumerate((older_period, recent_period)):
        assessed_on = min(until, end + dt.timedelta(days=4))
        factors = []
        for code, ratings in _RATINGS.items():
            factors.append(_factor(vault, code, ratings, index, start, end))
        data: dict[str, Any] = {
            "id": uuid7(
                unix_ms=(assessed_on - dt.date(1970, 1, 1)).days * 86_400_000,
                random_bits=rng.getrandbits(74),
            ),
            "country": COUNTRY,
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "assessed_on": assessed_on.isoformat(),
            "author_role": AUTHOR_ROLE,
            "factors": factors,
            "overall": {"rating": _OVERALL[2 * index], "narrative": _OVERALL[2 * index + 1]},
        }
        made.append(assessment_from_json(data, today=until))
    return made


def _factor(
    vault: Vault,
    code: str,
    ratings: tuple[str, str, tuple[str, ...], tuple[str, ...]],
    index: int,
    start: dt.date,
    end: dt.date,
) -> dict[str, Any]:
    rating = ratings[index]
    indicators = ratings[2 + index]
    evidence: list[str] = []
    if rating in ("moderate", "high"):
        found = suggest_evidence(
            vault.queries,
            code,
            country=COUNTRY,
            start=start,
            end=end,
            limit=EVIDENCE_PER_FACTOR,
        )
        evidence = [incident.id for incident in found]
    narrative = _NARRATIVES.get(code, (None, None))[index]
    return {
        "code": code,
        "rating": rating,
        "narrative": narrative,
        "indicators": [f"{code}.{slug}" for slug in indicators],
        "evidence": evidence,
    }


def add_demo_assessments(vault: Vault, *, seed: int, until: dt.date) -> int:
    """Save the demo assessments unless the vault already has one for XA; returns how many."""
    if vault.assessments.for_scope(COUNTRY):
        return 0
    made = demo_assessments(vault, seed=seed, until=until)
    for assessment in made:
        vault.assessments.save(assessment)
    return len(made)
