"""Fixtures for reports and exports: a vault holding incidents of every protection level,
with canary names planted where only the vault may keep them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hradvisor.model import Incident, person_from_json
from hradvisor.store import Vault, open_vault
from tests.cli.conftest import (  # noqa: F401  (fixtures re-exported for tests/reports)
    _template_vault,
    cli,
    unlocked,
    vault_dir,
)
from tests.conftest import PASSPHRASE, make_incident

# Names that must never appear in any report or export.
CANARY_PERSON = "Zebulon Quartzfield"
CANARY_CONTACT = "+000 555 0199 canary"
CANARY_SOURCE = "Ottoline Brackenbury"
CANARY_NARRATIVE = "Ignatius Vellacourt"
CANARIES = (CANARY_PERSON, CANARY_CONTACT, CANARY_SOURCE, CANARY_NARRATIVE)

SENSITIVITIES = ("unclassified", "confidential", "strictly-confidential")
CONSENTS = ("internal-only", "share-within-un", "public-anonymised")


def protection_grid() -> list[Incident]:
    """One incident for every sensitivity × consent, in May 2025, plus one discounted.

    Every source note names the canary source; internal-only ones also carry the
    canary narrative. Victim counts differ per cell so sums identify which cells
    were counted.
    """
    incidents = []
    for s_index, sensitivity in enumerate(SENSITIVITIES):
        for c_index, consent in enumerate(CONSENTS):
            narrative = (
                f"Witness {CANARY_NARRATIVE} described the raid."
                if consent == "internal-only"
                else "Officers raided the market at dawn."
            )
            incidents.append(
                make_incident(
                    title=f"Raid {sensitivity} {consent}",
                    date=f"2025-05-{10 + s_index * 3 + c_index:02d}",
                    location={
                        "country": "XA",
                        "admin1": f"XA-0{1 + c_index}",
                        "admin2": "XA0101",
                        "place": "Fenwick Crossing",
                        "lat": -46.04,
                        "lon": -137.28,
                    },
                    victims={"killed": {"men": 1 + s_index, "women": 10 * (1 + c_index)}},
                    sensitivity=sensitivity,
                    consent=consent,
                    narrative=narrative,
                    sources=[
                        {
                            "type": "direct-witness",
                            "reliability": "B",
                            "credibility": 2,
                            "consent": consent,
                            "note": f"Met {CANARY_SOURCE} at the clinic.",
                        }
                    ],
                    follow_up=[f"Call {CANARY_PERSON}"],
                    tags=["=cmd|' /C calc'!A0"],
                )
            )
    incidents.append(
        make_incident(
            title="Discounted rumour",
            date="2025-05-30",
            sensitivity="unclassified",
            consent="public-anonymised",
            verification="discounted",
        )
    )
    return incidents


GRID = protection_grid()  # one set of ids for the whole test session
GRID_IDS = {incident.title: incident.id for incident in GRID}


@pytest.fixture
def grid_vault(vault_dir: Path) -> Iterator[Vault]:  # noqa: F811
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add_many(GRID)
        vault.persons.save(
            person_from_json(
                {"pseudonym": "V-0001", "name": CANARY_PERSON, "contact": CANARY_CONTACT}
            )
        )
        yield vault
