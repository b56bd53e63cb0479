"""The field outbox: packages from a real vault, consent, backlogs, receipts, nothing at rest."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from hradvisor.model import Person
from hradvisor.store import Vault, open_vault
from hradvisor.sync import Identity, ReceiptRejected, SyncError, make_receipt, open_package
from hradvisor.sync.outbox import CHUNK_SIZE, Outbox
from tests.conftest import PASSPHRASE, make_incident

NAME_CANARY = "Quillon Marbrevast"
CONTACT_CANARY = "+999-CANARY-5550142"
NARRATIVE_CANARY = "CANARY-narrative-Thessaly-Brightwater"


def _enrolled(vault: Vault, hq: Identity) -> Outbox:
    outbox = Outbox(vault)
    outbox.pin_hq(hq.public_bundle(), url="https://127.0.0.1:1")
    return outbox


def _open_all(outbox: Outbox, hq: Identity) -> list:
    device = outbox.identity().public_bundle()
    lookup = lambda device_id: device if device_id == outbox.device_id else None  # noqa: E731
    return [open_package(outbox.package_bytes(p.sequence), hq, lookup) for p in outbox.pending()]


def test_identity_is_made_once_and_kept_in_the_vault(vault_dir: Path) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        first = Outbox(vault).identity().fingerprint
    with open_vault(vault_dir, PASSPHRASE) as vault:
        assert Outbox(vault).identity().fingerprint == first


def test_not_enrolled_is_a_clear_error(vault: Vault) -> None:
    with pytest.raises(SyncError, match="not enrolled"):
        Outbox(vault).prepare()


def test_packages_carry_every_revision_and_chain(vault: Vault, hq: Identity) -> None:
    outbox = _enrolled(vault, hq)
    first = vault.incidents.add(make_incident(title="First fictional incident"))
    made = outbox.prepare()
    assert [p.sequence for p in made] == [1] and made[0].previous_hash is None
    vault.incidents.add(make_incident(title="Second fictional incident"))
    again = outbox.prepare()
    assert [p.sequence for p in again] == [2]
    assert again[0].previous_hash == made[0].package_hash
    opened = _open_all(outbox, hq)
    assert [r["hash"] for r in opened[0].revisions] == [first.hash]
    assert opened[1].previous_hash == opened[0].package_hash
    assert outbox.prepare() == []  # nothing new: no empty package


def test_same_vault_data_gives_the_same_package_hash(tmp_path: Path, hq: Identity) -> None:
    """Deterministic content: rebuilding from the same revisions reproduces the hash."""
    from hradvisor.store import create_vault
    from hradvisor.sync.package import encode_content
    from tests.conftest import FAST_KDF

    create_vault(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    with open_vault(tmp_path / "v", PASSPHRASE) as vault:
        vault.incidents.add(make_incident())
        outbox = _enrolled(vault, hq)
        outbox.prepare()
        opened = _open_all(outbox, hq)[0]
        kwargs = {
            "device_id": outbox.device_id,
            "sequence": 1,
            "previous_hash": None,
            "revisions": opened.revisions,
            "attachments": [],
        }
        assert encode_content(**kwargs) == encode_content(**kwargs)  # type: ignore[arg-type]


def _person(consent: str) -> Person:
    return Person(
        id=f"0193a0a0-0000-7000-8000-00000000{'1' if consent == 'internal-only' else '2'}000",
        pseudonym="V-0042" if consent == "internal-only" else "W-0007",
        name=NAME_CANARY,
        contact=CONTACT_CANARY,
        consent=consent,
    )


def test_names_travel_only_with_consent(vault: Vault, hq: Identity) -> None:
    vault.persons.save(_person("internal-only"))
    vault.persons.save(_person("share-within-un"))
    outbox = _enrolled(vault, hq)
    outbox.prepare()
    revisions = _open_all(outbox, hq)[0].revisions
    by_pseudonym = {r["body"]["pseudonym"]: r for r in revisions}
    withheld, shared = by_pseudonym["V-0042"], by_pseudonym["W-0007"]
    assert withheld["body"]["name"] is None and withheld["body"]["contact"] is None
    assert withheld["redacted"] == ["contact", "name"]
    assert NAME_CANARY not in str(withheld) and CONTACT_CANARY not in str(withheld)
    assert shared["body"]["name"] == NAME_CANARY and "redacted" not in shared


def test_attachments_travel_in_chunks_after_their_record(vault: Vault, hq: Identity) -> None:
    incident = make_incident()
    vault.incidents.add(incident)
    content = os.urandom(CHUNK_SIZE * 2 + 123)
    attachment = vault.attachments.add(incident.id, content, filename="photo.jpg")
    outbox = _enrolled(vault, hq)
    outbox.prepare()
    opened = _open_all(outbox, hq)
    chunks = [c for p in opened for c in p.attachments]
    assert [c.offset for c in chunks] == [0, CHUNK_SIZE, 2 * CHUNK_SIZE]
    assert b"".join(c.data for c in chunks) == content
    assert {c.attachment_id for c in chunks} == {attachment.id}
    assert outbox.prepare() == []


def test_backlog_splits_into_chained_packages(vault: Vault, hq: Identity) -> None:
    vault.incidents.add_many(
        make_incident(id=f"0193a0a0-0000-7000-8000-{i:012d}", title=f"Backlog incident {i}")
        for i in range(1, 61)
    )
    outbox = _enrolled(vault, hq)
    made = outbox.prepare(limit=24 * 1024)
    assert len(made) > 2
    opened = _open_all(outbox, hq)
    assert sum(len(p.revisions) for p in opened) == 60
    for before, after in itertools.pairwise(opened):
        assert after.previous_hash == before.package_hash
        assert after.sequence == before.sequence + 1
    ranges = [(p.first_seq, p.last_seq) for p in made]
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(ranges))


def _receipt_for(hq: Identity, outbox: Outbox, number: int, **overrides: object) -> bytes:
    package = next(p for p in outbox.packages() if p.sequence == number)
    fields: dict[str, object] = {
        "device_id": outbox.device_id,
        "sequence": number,
        "package_hash": package.package_hash,
        "counts": {"revisions": package.revisions},
        "received_at": "2026-11-23T12:00:00.000Z",
    }
    fields.update(overrides)
    return make_receipt(hq, **fields)  # type: ignore[arg-type]


def test_delivered_only_on_a_valid_receipt(vault: Vault, hq: Identity, stranger: Identity) -> None:
    vault.incidents.add(make_incident())
    outbox = _enrolled(vault, hq)
    outbox.prepare()
    with pytest.raises(ReceiptRejected):
        outbox.accept_receipt(_receipt_for(stranger, outbox, 1))
    with pytest.raises(ReceiptRejected, match="another device"):
        outbox.accept_receipt(_receipt_for(hq, outbox, 1, device_id="someone-else"))
    with pytest.raises(ReceiptRejected, match="does not match"):
        outbox.accept_receipt(_receipt_for(hq, outbox, 1, package_hash="0" * 64))
    with pytest.raises(ReceiptRejected, match="never wrote"):
        outbox.accept_receipt(_receipt_for(hq, outbox, 1, sequence=9))
    assert len(outbox.pending()) == 1
    assert outbox.status().counts["revisions_delivered"] == 0
    receipt, new = outbox.accept_receipt(_receipt_for(hq, outbox, 1))
    assert new and receipt.sequence == 1
    assert outbox.pending() == []
    assert outbox.status().counts["revisions_delivered"] == 1
    _, again = outbox.accept_receipt(_receipt_for(hq, outbox, 1))
    assert not again


def test_changing_hq_with_packages_waiting_is_refused(
    vault: Vault, hq: Identity, stranger: Identity
) -> None:
    vault.incidents.add(make_incident())
    outbox = _enrolled(vault, hq)
    outbox.prepare()
    with pytest.raises(SyncError, match="waiting"):
        outbox.pin_hq(stranger.public_bundle())


def test_no_plaintext_at_rest(vault_dir: Path, hq: Identity, private_tmp: Path) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        incident = make_incident(narrative=NARRATIVE_CANARY)
        vault.incidents.add(incident)
        vault.persons.save(_person("share-within-un"))
        vault.attachments.add(incident.id, NARRATIVE_CANARY.encode() * 100, filename="note.txt")
        outbox = _enrolled(vault, hq)
        outbox.prepare()
        secret = outbox.identity().secret_bytes()
        package = outbox.package_bytes(1)
    for text in (NARRATIVE_CANARY, NAME_CANARY):
        assert text.encode() not in package
    files = [p for root in (vault_dir, private_tmp) for p in root.rglob("*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        for needle in (NARRATIVE_CANARY.encode(), NAME_CANARY.encode(), secret[5:37]):
            assert needle not in data, path.name


def test_fast_entry_encoding_matches_the_canonical_form(vault: Vault) -> None:
    """The outbox splices stored bodies instead of re-encoding them: same bytes either way."""
    from hradvisor.model.canonical import canonical_json
    from hradvisor.store.sync_state import SyncState
    from hradvisor.sync.outbox import encoded_entry, revision_entry

    incident = make_incident(narrative="Ünïcode narrative — «quoted», 東京")
    vault.incidents.add(incident)
    vault.incidents.update(make_incident(id=incident.id, title="Edited"))
    vault.persons.save(_person("internal-only"))
    vault.attachments.add(incident.id, b"bytes", filename="a.txt")
    state = SyncState(vault.database)
    rows = state.revision_rows_after(0, 100)
    revisions = dict(state.revisions_after(0, 100))
    assert len(rows) == 4
    for row in rows:
        assert encoded_entry(row) == canonical_json(revision_entry(revisions[row[0]]))
