"""Field notes and persons: revisioned, linked, never silently overwritten."""

from __future__ import annotations

import dataclasses

import pytest

from hradvisor.model import FieldNote, note_from_json, person_from_json
from hradvisor.store import ConflictError, NotFound, Vault, check_vault
from tests.conftest import make_incident


def _note(**overrides: object) -> FieldNote:
    data: dict[str, object] = {
        "date": "2026-10-02",
        "title": "Visit to the Corvane council",
        "text": "Met two council members about the evictions.",
    }
    data.update(overrides)
    return note_from_json(data)


def test_notes_are_saved_listed_and_linked(vault: Vault) -> None:
    incident = make_incident()
    vault.incidents.add(incident)
    older = _note(date="2026-09-01", incident_ids=[incident.id])
    newer = _note(date="2026-10-05")
    vault.notes.save(older)
    vault.notes.save(newer)
    assert vault.notes.recent() == [newer, older]
    assert vault.notes.for_incident(incident.id) == [older]
    assert vault.notes.get(older.id) == older
    assert check_vault(vault).ok


def test_editing_a_note_keeps_history_and_refuses_stale_edits(vault: Vault) -> None:
    note = _note()
    first = vault.notes.save(note)
    edited = dataclasses.replace(note, text="Corrected account of the meeting.")
    second = vault.notes.save(edited, based_on=first.hash)
    assert second.parents == (first.hash,)
    with pytest.raises(ConflictError):
        vault.notes.save(dataclasses.replace(note, text="Stale edit"), based_on=first.hash)
    assert [r.hash for r in vault.notes.history(note.id)] == [first.hash, second.hash]
    assert vault.notes.get(note.id).text == "Corrected account of the meeting."


def test_unlinking_a_note_removes_the_link(vault: Vault) -> None:
    incident = make_incident()
    vault.incidents.add(incident)
    note = _note(incident_ids=[incident.id])
    vault.notes.save(note)
    vault.notes.save(dataclasses.replace(note, incident_ids=()))
    assert vault.notes.for_incident(incident.id) == []


def test_persons_keep_their_protected_identity_in_the_vault(vault: Vault) -> None:
    person = person_from_json(
        {"pseudonym": "W-0007", "name": "Fictional Witness", "contact": "+000 000"}
    )
    vault.persons.save(person)
    assert vault.persons.get(person.id) == person
    assert vault.persons.recent() == [person]
    with pytest.raises(NotFound):
        vault.persons.get(_note().id)
