"""Incident revisions, conflicts, history and restore."""

from __future__ import annotations

import dataclasses

import pytest

from hradvisor.model import VictimCounts, incident_to_json
from hradvisor.store import ConflictError, NotFound, Vault, VaultError
from tests.conftest import make_incident


def test_add_and_get_round_trip(vault: Vault) -> None:
    incident = make_incident()
    revision = vault.incidents.add(incident)
    assert vault.incidents.get(incident.id) == incident
    assert revision.parents == ()
    assert revision.body == incident_to_json(incident)
    assert revision.device_id == vault.device_id


def test_device_sequence_numbers_increase_by_one(vault: Vault) -> None:
    revisions = vault.incidents.add_many([make_incident() for _ in range(3)])
    assert [r.device_seq for r in revisions] == [1, 2, 3]


def test_adding_an_existing_id_is_refused_and_the_batch_is_atomic(vault: Vault) -> None:
    first = make_incident()
    vault.incidents.add(first)
    fresh = make_incident()
    with pytest.raises(VaultError, match="already exists"):
        vault.incidents.add_many([fresh, dataclasses.replace(first, title="Overwrite attempt")])
    assert not vault.incidents.exists(fresh.id)
    assert vault.incidents.get(first.id) == first


def test_edit_keeps_every_old_revision(vault: Vault) -> None:
    incident = make_incident()
    first = vault.incidents.add(incident)
    edited = dataclasses.replace(incident, verification="verified")
    second = vault.incidents.update(edited, based_on=first.hash)
    history = vault.incidents.history(incident.id)
    assert [r.hash for r in history] == [first.hash, second.hash]
    assert second.parents == (first.hash,)
    assert history[0].body["verification"] == "credible"
    assert vault.incidents.get(incident.id) == edited


def test_edit_based_on_a_stale_revision_is_a_conflict_and_writes_nothing(vault: Vault) -> None:
    incident = make_incident()
    first = vault.incidents.add(incident)
    vault.incidents.update(dataclasses.replace(incident, title="Their edit"), based_on=first.hash)
    with pytest.raises(ConflictError):
        vault.incidents.update(dataclasses.replace(incident, title="My edit"), based_on=first.hash)
    assert vault.incidents.get(incident.id).title == "Their edit"
    assert len(vault.incidents.history(incident.id)) == 2


def test_saving_unchanged_content_writes_no_revision(vault: Vault) -> None:
    incident = make_incident()
    first = vault.incidents.add(incident)
    again = vault.incidents.update(incident, based_on=first.hash)
    assert again.hash == first.hash
    assert len(vault.incidents.history(incident.id)) == 1


def test_restore_makes_an_old_version_current_as_a_new_revision(vault: Vault) -> None:
    incident = make_incident()
    first = vault.incidents.add(incident)
    vault.incidents.update(dataclasses.replace(incident, title="Wrong title"), based_on=first.hash)
    restored = vault.incidents.restore(incident.id, first.hash)
    assert vault.incidents.get(incident.id) == incident
    assert len(vault.incidents.history(incident.id)) == 3
    assert restored.hash != first.hash


def test_unknown_ids_are_not_found(vault: Vault) -> None:
    missing = make_incident()
    with pytest.raises(NotFound):
        vault.incidents.get(missing.id)
    with pytest.raises(NotFound):
        vault.incidents.history(missing.id)
    with pytest.raises(NotFound):
        vault.incidents.update(missing)


def test_derived_rows_follow_the_head(vault: Vault) -> None:
    incident = make_incident()
    first = vault.incidents.add(incident)
    vault.incidents.update(
        dataclasses.replace(incident, violations=("killing",), perpetrators=()), based_on=first.hash
    )
    with vault.database.read() as conn:
        codes = conn.execute("SELECT kind, code FROM incident_codes ORDER BY kind, code").fetchall()
        total = conn.execute("SELECT victims_total FROM incidents").fetchone()[0]
    assert codes == [("violation", "killing")]
    assert total == incident.victims.total() == 7


def test_killed_and_cell_numbers_follow_the_head(vault: Vault) -> None:
    incident = make_incident(victims={"killed": {"women": 2, "boys": 1}, "injured": {"men": 3}})
    first = vault.incidents.add(incident)

    def stored() -> tuple[int, list[tuple[str, str, int, int]]]:
        with vault.database.read() as conn:
            killed = conn.execute("SELECT victims_killed FROM incidents").fetchone()[0]
            cells = conn.execute(
                "SELECT outcome, sex_age, count, cell FROM incident_victims ORDER BY cell"
            ).fetchall()
        return killed, cells

    assert stored() == (
        3,
        [("killed", "women", 2, 0), ("killed", "boys", 1, 3), ("injured", "men", 3, 9)],
    )
    no_deaths = VictimCounts({"detained": {"unknown": 4}})
    vault.incidents.update(dataclasses.replace(incident, victims=no_deaths), based_on=first.hash)
    assert stored() == (0, [("detained", "unknown", 4, 20)])
