"""``hradvisor analyse``: figures, concerns and signals as a table or JSON; bad options refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analysis.test_analyse_vault import FIXTURE
from tests.cli.conftest import Cli, add_incidents

APRIL = ("--from", "2025-04-01", "--to", "2025-04-30")


@pytest.fixture
def filled(unlocked: Path) -> Path:
    add_incidents(unlocked, FIXTURE.values())
    return unlocked


def test_json_carries_the_hand_worked_figures(cli: Cli, filled: Path) -> None:
    document = cli("analyse", *APRIL, "--baseline", "2", "--json").ok().json()
    assert document["scope"]["start"] == "2025-04-01"
    assert document["figures"]["incidents"] == 4
    assert document["figures"]["verified_share"] == 0.5
    assert document["imprecise"] == 2
    assert document["changes"]["killed"]["baseline"] == 1.5
    assert [b["key"] for b in document["by_month"]] == ["2025-04"]
    assert document["concerns"][0]["key"] == "killing@*"
    assert document["concerns"][0]["incident_ids"] == [FIXTURE["A"].id]
    assert document["signals"] == []


def test_table_is_labelled_and_says_what_is_left_out(cli: Cli, filled: Path) -> None:
    out = cli("analyse", *APRIL).ok().out
    assert "Analysis of 2025-04-01 to 2025-04-30 (30 days)" in out
    assert "Dated imprecisely, overlapping the period (not counted above): 2" in out
    assert "Too coarsely dated for a single week: 1" in out
    assert "Arcadia (fictional) (area not recorded)" in out
    assert "Killing  [killing@*]" in out


def test_french_labels(cli: Cli, filled: Path) -> None:
    out = cli("analyse", *APRIL, "--lang", "fr").ok().out
    assert "Analyse du 2025-04-01 au 2025-04-30" in out
    assert "avril 2025" in out
    assert "Principales préoccupations" in out


def test_filters_apply(cli: Cli, filled: Path) -> None:
    document = cli("analyse", *APRIL, "--area", "XA-07", "--country", "XA", "--json").ok().json()
    assert document["figures"]["incidents"] == 2
    verified = cli("analyse", *APRIL, "--verification", "verified", "--json").ok().json()
    assert verified["figures"]["incidents"] == 2


def test_empty_vault_prints_zeros_not_errors(cli: Cli, unlocked: Path) -> None:
    out = cli("analyse", *APRIL).ok().out
    assert "Principal concerns\n  None." in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--from", "2025-04-31", "--to", "2025-05-01"), "--from: must be a date"),
        (("--from", "2025-05-01", "--to", "2025-04-01"), "--from: must not be after --to"),
        ((*APRIL, "--area", "Duskwater"), "--area: 'Duskwater' is not a first-level area"),
        ((*APRIL, "--country", "Arcadia"), "--country: 'Arcadia' is not"),
        ((*APRIL, "--violation", "murder"), "--violation: 'murder' is not a violations code"),
        ((*APRIL, "--baseline", "-1"), "--baseline: must be between 0 and 52"),
        (("--to", "2025-05-01"), "the following arguments are required: --from"),
    ],
)
def test_bad_options_are_usage_errors(
    cli: Cli, unlocked: Path, argv: tuple[str, ...], message: str
) -> None:
    assert message in cli("analyse", *argv).error(2)
