"""Numbers for the outcome × sex/age cells of ``incident_victims``.

SQLite groups rows by sorting them, and sorting on one integer is much
cheaper than sorting on two strings: the analysis groups every victim row of
a quarter and its baseline by cell, so each stored cell carries its number
(make bench). Numbers are part of the vault format (docs/vault-format.md):
an outcome keeps its number for ever, and a new outcome takes the next one.
"""

from __future__ import annotations

# Never reorder or reuse a number: a new outcome or group takes the next one.
OUTCOME_NUMBERS: dict[str, int] = {
    "killed": 0,
    "injured": 1,
    "detained": 2,
    "disappeared": 3,
    "displaced": 4,
    "sexual-violence": 5,
    "tortured": 6,
    "other": 7,
}
SEX_AGE_NUMBERS: dict[str, int] = {"women": 0, "men": 1, "girls": 2, "boys": 3, "unknown": 4}
# Room for eight sex/age groups per outcome.
GROUPS_PER_OUTCOME = 8
_NAMES = {
    outcome_number * GROUPS_PER_OUTCOME + group_number: (outcome, group)
    for outcome, outcome_number in OUTCOME_NUMBERS.items()
    for group, group_number in SEX_AGE_NUMBERS.items()
}


def cell_number(outcome: str, sex_age: str) -> int:
    """The stored number of one cell; KeyError for an outcome without a number."""
    return OUTCOME_NUMBERS[outcome] * GROUPS_PER_OUTCOME + SEX_AGE_NUMBERS[sex_age]


def cell_names(number: int) -> tuple[str, str]:
    """(outcome, sex/age) of a stored cell number."""
    return _NAMES[number]


def cell_number_sql(outcome: str, sex_age: str) -> str:
    """A SQL expression computing the cell number from the two named text columns."""
    outcomes = " ".join(f"WHEN '{o}' THEN {n}" for o, n in OUTCOME_NUMBERS.items())
    groups = " ".join(f"WHEN '{g}' THEN {n}" for g, n in SEX_AGE_NUMBERS.items())
    return f"(CASE {outcome} {outcomes} END) * {GROUPS_PER_OUTCOME} + (CASE {sex_age} {groups} END)"
