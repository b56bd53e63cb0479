"""Demo risk assessments: two fictional assessments of Arcadia that record the demo episodes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hradvisor.analysis.risk import UP, compare, previous_assessment
from hradvisor.demo import demo_episodes, generate_incidents
from hradvisor.demo_risk import add_demo_assessments
from hradvisor.store import Vault, open_vault
from tests.cli.conftest import Cli
from tests.conftest import PASSPHRASE

UNTIL = dt.date(2026, 11, 1)


def test_demo_assessments_show_the_deterioration_and_cite_real_incidents(vault: Vault) -> None:
    vault.incidents.add_many(generate_incidents(3_000, seed=3, until=UNTIL))
    assert add_demo_assessments(vault, seed=3, until=UNTIL) == 2
    assert add_demo_assessments(vault, seed=4, until=UNTIL) == 0  # never piles up copies
    recent, older = vault.assessments.recent()
    assert older.period_end < recent.period_start
    assert previous_assessment(vault, recent) == older
    changes = {c.code: c for c in compare(recent, older)}
    assert changes["threats-to-protected-persons"].direction == UP
    assert changes["capacity"].direction == UP
    assert (older.overall.rating, recent.overall.rating) == ("moderate", "high")
    # The current episode (child recruitment in Iron Delta) falls in the recent period …
    current = demo_episodes(UNTIL)[-1]
    assert recent.period()[0] <= current.start <= recent.period()[1]
    # … and its incidents are cited as evidence of capacity.
    cited = [vault.incidents.get(i) for i in recent.factor("capacity").evidence]
    assert cited and all("child-recruitment" in i.violations for i in cited)
    for incident_id in recent.evidence_ids() + older.evidence_ids():
        vault.incidents.get(incident_id)  # every link opens a real record


def test_the_demo_command_adds_them(cli: Cli, unlocked: Path) -> None:
    cli("demo", "--incidents", "400", "--seed", "2", "--until", "2026-11-01").ok()
    with open_vault(unlocked, PASSPHRASE) as vault:
        assert len(vault.assessments.for_scope("XA")) == 2
