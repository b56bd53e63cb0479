"""Risk assessments in the vault: revisioned, listed by scope, never silently overwritten."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from hradvisor.model import RiskAssessment, assessment_from_json
from hradvisor.store import ConflictError, NotFound, Vault, check_vault, open_vault
from tests.conftest import PASSPHRASE


def _assessment(**overrides: Any) -> RiskAssessment:
    data: dict[str, Any] = {
        "country": "XA",
        "period_start": "2026-04-01",
        "period_end": "2026-06-30",
        "assessed_on": "2026-07-03",
        "factors": [{"code": "armed-conflict", "rating": "moderate"}],
        "overall": {"rating": "low"},
    }
    data.update(overrides)
    return assessment_from_json(data)


def test_saved_assessment_survives_lock_and_unlock(vault_dir: Path) -> None:
    assessment = _assessment(
        areas=["XA-07"], overall={"rating": "high", "narrative": "Escalation in the north."}
    )
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.assessments.save(assessment)
    with open_vault(vault_dir, PASSPHRASE) as vault:
        assert vault.assessments.get(assessment.id) == assessment
        assert check_vault(vault).ok


def test_history_and_conflicting_edits(vault: Vault) -> None:
    assessment = _assessment()
    first = vault.assessments.save(assessment)
    edited = dataclasses.replace(
        assessment, overall=dataclasses.replace(assessment.overall, rating="moderate")
    )
    second = vault.assessments.save(edited, based_on=first.hash)
    assert second.parents == (first.hash,)
    stale = dataclasses.replace(assessment, author_role="Human rights officer")
    with pytest.raises(ConflictError):
        vault.assessments.save(stale, based_on=first.hash)
    history = vault.assessments.history(assessment.id)
    assert [r.hash for r in history] == [first.hash, second.hash]
    assert [r.body["overall"]["rating"] for r in history] == ["low", "moderate"]
    current, head = vault.assessments.get_with_head(assessment.id)
    assert current.overall.rating == "moderate"
    assert head == second.hash


def test_for_scope_matches_country_and_exact_areas_oldest_first(vault: Vault) -> None:
    q3 = _assessment(period_start="2026-07-01", period_end="2026-09-30", assessed_on="2026-10-02")
    q2 = _assessment()
    north = _assessment(areas=["XA-08", "XA-07"])
    north_reordered = _assessment(areas=["XA-07", "XA-08"], period_end="2026-07-31")
    other_country = _assessment(country="XB")
    for item in (q3, q2, north, north_reordered, other_country):
        vault.assessments.save(item)
    assert vault.assessments.for_scope("XA") == [q2, q3]
    assert vault.assessments.for_scope("XA", ["XA-07", "XA-08"]) == [north, north_reordered]
    assert vault.assessments.for_scope("XA", ("XA-07",)) == []
    assert vault.assessments.for_scope("XB") == [other_country]
    assert vault.assessments.recent()[0] == q3  # the latest period first


def test_missing_assessment_is_not_found(vault: Vault) -> None:
    with pytest.raises(NotFound):
        vault.assessments.get("01930000-0000-7000-8000-0000000000ff")
    with pytest.raises(NotFound):
        vault.assessments.get_with_head("01930000-0000-7000-8000-0000000000ff")


def test_assessment_text_is_not_readable_on_disk(vault_dir: Path) -> None:
    canary = "canary-risk-narrative-7f3a9c"
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.assessments.save(_assessment(overall={"rating": "high", "narrative": canary}))
    for path in vault_dir.rglob("*"):
        if path.is_file():
            assert canary.encode() not in path.read_bytes(), path.name
