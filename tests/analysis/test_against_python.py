"""The vault's figures equal the same figures counted by brute force over Incident objects.

Demo incidents (every date precision, end dates, missing areas and districts)
plus the hand-worked fixture, under several scopes: any disagreement between
the SQL and the rule in docs/early-warning.md shows up here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from hradvisor.analysis import Analysis, AnalysisScope, analyse
from hradvisor.demo import generate_incidents
from hradvisor.model import Incident
from hradvisor.store import Vault
from tests.analysis.test_analyse_vault import FIXTURE

UNTIL = dt.date(2025, 6, 30)
INCIDENTS = [*generate_incidents(1_500, seed=11, until=UNTIL), *FIXTURE.values()]
SCOPES = [
    AnalysisScope(dt.date(2025, 4, 1), dt.date(2025, 4, 30)),
    AnalysisScope(dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
    AnalysisScope(dt.date(2024, 1, 1), dt.date(2024, 12, 31), areas=("XA-01", "XA-07")),
    AnalysisScope(dt.date(2024, 7, 15), dt.date(2024, 9, 3), violations=("killing",)),
    AnalysisScope(dt.date(2023, 3, 1), dt.date(2024, 2, 29), verification=("verified",)),
    AnalysisScope(dt.date(2024, 5, 1), dt.date(2025, 4, 30), consent=("public-anonymised",)),
]


def matches(incident: Incident, scope: AnalysisScope) -> bool:
    loc = incident.location
    return (
        (not scope.areas or loc.admin1 in scope.areas)
        and (not scope.violations or bool(set(scope.violations) & set(incident.violations)))
        and (not scope.verification or incident.verification in scope.verification)
        and (not scope.consent or incident.consent in scope.consent)
    )


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[AnalysisScope, Analysis]]:
    from hradvisor.store import create_vault, open_vault
    from tests.conftest import FAST_KDF, PASSPHRASE

    path = tmp_path_factory.mktemp("python") / "vault"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HRADVISOR_STATE_DIR", str(path.parent / "state"))
        create_vault(path, PASSPHRASE, kdf=FAST_KDF)
        vault: Vault
        with open_vault(path, PASSPHRASE) as vault:
            vault.incidents.add_many(INCIDENTS)
            return [(scope, analyse(vault, scope, with_signals=False)) for scope in SCOPES]


@pytest.mark.parametrize("index", range(len(SCOPES)))
def test_figures_equal_brute_force(
    analysed: list[tuple[AnalysisScope, Analysis]], index: int
) -> None:
    scope, result = analysed[index]
    chosen = [i for i in INCIDENTS if matches(i, scope)]
    inside = [i for i in chosen if scope.start <= i.period()[0] and i.period()[1] <= scope.end]
    overlapping = [i for i in chosen if i.period()[0] <= scope.end and i.period()[1] >= scope.start]
    assert result.figures.incidents == len(inside)
    assert result.imprecise == len(overlapping) - len(inside)
    assert result.figures.verified == sum(i.verification == "verified" for i in inside)
    outcomes: Counter[str] = Counter()
    for incident in inside:
        for outcome, by_sex in incident.victims.items():
            outcomes[outcome] += sum(by_sex.values())
    assert result.figures.victims_by_outcome == {k: v for k, v in outcomes.items() if v}
    violations = Counter(code for i in inside for code in i.violations)
    assert {b.key: b.incidents for b in result.by_violation} == dict(violations)
    perpetrators = Counter(code for i in inside for code in i.perpetrators)
    assert {b.key: b.incidents for b in result.by_perpetrator} == dict(perpetrators)
    groups = Counter(code for i in inside for code in i.victim_groups)
    assert {b.key: b.incidents for b in result.by_victim_group} == dict(groups)
    killed: Counter[str] = Counter()
    for incident in inside:
        for code in incident.violations:
            killed[code] += incident.victims.count("killed")
    assert {b.key: b.killed for b in result.by_violation} == {k: killed[k] for k in violations}
    areas = Counter(i.location.admin1 or i.location.country for i in inside)
    assert {b.key: b.incidents for b in result.by_area} == dict(areas)
    months = Counter(
        i.period()[0].strftime("%Y-%m")
        for i in inside
        if i.period()[0].strftime("%Y-%m") == i.period()[1].strftime("%Y-%m")
    )
    assert {b.key: b.incidents for b in result.by_month if b.incidents} == dict(months)
    assert sum(b.incidents for b in result.by_month) + result.undated_in_buckets["month"] == len(
        inside
    )
    weeks = sum(i.period()[0].isocalendar()[:2] == i.period()[1].isocalendar()[:2] for i in inside)
    assert sum(b.incidents for b in result.by_week) == weeks


def test_a_year_dated_incident_is_in_no_month_or_quarter_of_its_year(vault: Vault) -> None:
    vault.incidents.add(FIXTURE["G"])  # dated "2025"
    year = analyse(vault, AnalysisScope(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    assert year.figures.incidents == 1 and year.imprecise == 0
    assert sum(b.incidents for b in year.by_month) == 0
    assert sum(b.incidents for b in year.by_quarter) == 0
    assert year.undated_in_buckets == {"week": 1, "month": 1, "quarter": 1}


def test_every_scope_holds_something(analysed: list[tuple[AnalysisScope, Analysis]]) -> None:
    """Otherwise the comparisons above would prove little."""
    for _scope, result in analysed:
        assert result.figures.incidents >= 5 and result.by_violation
