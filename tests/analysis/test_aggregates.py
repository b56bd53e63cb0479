"""The store's grouped counts agree with the same counts made in Python; signals via a vault."""

from __future__ import annotations

import datetime as dt

from hradvisor.analysis import AnalysisScope, analyse, early_warning
from hradvisor.demo import generate_incidents
from hradvisor.model import admin1_name
from hradvisor.store import Vault
from hradvisor.store.aggregates import Scope
from tests.analysis.test_analyse_vault import FIXTURE
from tests.analysis.weekly import weekly_from_incidents
from tests.conftest import make_incident


def test_weekly_matches_the_store(vault: Vault) -> None:
    incidents = [*generate_incidents(400, seed=7, until=dt.date(2025, 6, 30)), *FIXTURE.values()]
    vault.incidents.add_many(incidents)
    start, end = dt.date(2024, 1, 1), dt.date(2025, 6, 30)
    stored = vault.aggregates.weekly(Scope(), start, end)
    expected = weekly_from_incidents(incidents, start, end)
    assert sorted(stored.codes, key=repr) == sorted(expected.codes, key=repr)
    assert sorted(stored.areas, key=repr) == sorted(expected.areas, key=repr)


def _killing(day: dt.date, area: str) -> object:
    return make_incident(
        date=day.isoformat(),
        violations=["killing"],
        victims={"killed": {"men": 1}},
        location={"country": "XA", "admin1": area},
        victim_groups=[],
    )


def test_a_spike_in_the_vault_is_signalled_with_its_incidents(vault: Vault) -> None:
    first = dt.date(2024, 1, 1)  # a Monday
    steady = [_killing(first + dt.timedelta(weeks=w), "XA-03") for w in range(40)]
    steady += [_killing(first + dt.timedelta(weeks=w, days=2), "XA-05") for w in range(40)]
    burst_day = first + dt.timedelta(weeks=40)
    burst = [_killing(burst_day + dt.timedelta(days=d % 5), "XA-03") for d in range(12)]
    vault.incidents.add_many([*steady, *burst])  # type: ignore[list-item]
    scope = AnalysisScope(burst_day, burst_day + dt.timedelta(days=27))
    signals = early_warning(vault, scope)
    spikes = [s for s in signals if s.kind == "spike" and s.area == "XA-03"]
    assert len(spikes) == 1
    (spike,) = spikes
    assert spike.subject == "killing" and spike.period_start == burst_day
    assert set(spike.incident_ids) == {i.id for i in burst}  # type: ignore[attr-defined]
    assert len(spike.incident_ids) == spike.observed
    assert spike.summary.startswith(f"Killing in {admin1_name('XA-03')}: 12 incidents")
    assert analyse(vault, scope).signals == signals
    assert analyse(vault, scope, with_signals=False).signals == []


def test_week_numbers_start_at_the_models_earliest_date() -> None:
    from hradvisor.model.dates import MIN_YEAR
    from hradvisor.store.aggregates import WEEK_ZERO

    assert dt.date(MIN_YEAR, 1, 1) == WEEK_ZERO and WEEK_ZERO.weekday() == 0  # a Monday


def test_one_period_alone_gives_what_it_gives_among_others(vault: Vault) -> None:
    """Without other periods there is no trend statement: the detail alone must match."""
    vault.incidents.add_many(
        [*generate_incidents(400, seed=11, until=dt.date(2025, 6, 30)), *FIXTURE.values()]
    )
    quarter = (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    before = (dt.date(2024, 10, 1), dt.date(2024, 12, 31))
    alone = vault.aggregates.periods(Scope(), [quarter])
    among = vault.aggregates.periods(Scope(), [quarter, before])
    assert alone.totals and alone.detail and alone.codes and alone.code_victims
    assert sorted(alone.totals) == sorted(t for t in among.totals if t[0] <= 0)
    assert sorted(alone.victims) == sorted(v for v in among.victims if v[0] == 0)
    assert sorted(alone.detail, key=repr) == sorted(among.detail, key=repr)
    assert sorted(alone.codes) == sorted(c for c in among.codes if c[0] == 0)
    assert sorted(alone.code_victims) == sorted(among.code_victims)
    assert any(c[0] == 1 for c in among.codes) and any(t[0] == 1 for t in among.totals)
