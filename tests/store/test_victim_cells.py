"""Cell numbers of incident_victims: one per outcome × sex/age, stable, and the same in SQL."""

from __future__ import annotations

import sqlite3

import pytest

from hradvisor.model import SEX_AGE, codes
from hradvisor.store.victim_cells import (
    OUTCOME_NUMBERS,
    SEX_AGE_NUMBERS,
    cell_names,
    cell_number,
    cell_number_sql,
)


def test_every_outcome_and_group_the_model_accepts_has_a_number() -> None:
    assert set(codes("outcomes")) <= set(OUTCOME_NUMBERS)
    assert set(SEX_AGE) <= set(SEX_AGE_NUMBERS)


def test_numbers_are_written_into_vaults_and_never_change() -> None:
    # Stored in every vault since format 4: changing one needs a migration.
    assert cell_number("killed", "women") == 0
    assert cell_number("injured", "men") == 9
    assert cell_number("other", "unknown") == 60


def test_every_cell_has_its_own_number_and_back() -> None:
    cells = [(o, g) for o in OUTCOME_NUMBERS for g in SEX_AGE_NUMBERS]
    numbers = [cell_number(o, g) for o, g in cells]
    assert len(set(numbers)) == len(cells)
    assert [cell_names(n) for n in numbers] == cells


def test_the_sql_expression_agrees_with_python() -> None:
    conn = sqlite3.connect(":memory:")
    for outcome in OUTCOME_NUMBERS:
        for group in SEX_AGE_NUMBERS:
            sql = f"SELECT {cell_number_sql('?1', '?2')}"
            assert conn.execute(sql, (outcome, group)).fetchone()[0] == cell_number(outcome, group)
    unknown = conn.execute(f"SELECT {cell_number_sql('?1', '?2')}", ("hunger", "women"))
    assert unknown.fetchone()[0] is None


def test_an_unknown_cell_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        cell_number("hunger", "women")
