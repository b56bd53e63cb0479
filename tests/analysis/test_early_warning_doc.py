"""docs/early-warning.md states the parameters the code uses: a doc that lies is worse than none."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from hradvisor.analysis import SignalParams
from hradvisor.analysis.concerns import AREA_MIN_INCIDENTS, DEFAULT_LIMIT, SEVERITY

DOC = (Path(__file__).resolve().parents[2] / "docs" / "early-warning.md").read_text()


def test_every_signal_parameter_is_documented_with_its_default() -> None:
    table = dict(re.findall(r"^\| `(\w+)` \| (.+?) \|", DOC, re.M))
    for field in dataclasses.fields(SignalParams):
        assert field.name in table, field.name
        assert table[field.name] == str(field.default), field.name
    assert set(table) == {field.name for field in dataclasses.fields(SignalParams)}


def test_concern_constants_match_the_text() -> None:
    assert f"The top {DEFAULT_LIMIT} are listed" in DOC
    assert f"at least {AREA_MIN_INCIDENTS} of its incidents" in DOC
    assert SEVERITY["killing"] == 3.0 and SEVERITY["arbitrary-detention"] == 1.5
