"""Attachments: encrypted, linked by revisions, never half-stored."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from hradvisor.store import NotFound, TooLarge, Vault, VaultError, check_vault
from tests.conftest import make_incident


@pytest.fixture
def incident_id(vault: Vault) -> str:
    incident = make_incident()
    vault.incidents.add(incident)
    return incident.id


def test_add_list_read_export_delete(vault: Vault, incident_id: str, tmp_path: Path) -> None:
    photo = b"\x89PNG fictional image bytes" * 1000
    attachment = vault.attachments.add(
        incident_id, io.BytesIO(photo), filename="../../etc/scene.png"
    )
    assert attachment.filename == "scene.png"  # never a path
    assert attachment.media_type == "image/png"
    assert vault.attachments.for_incident(incident_id) == [attachment]
    assert vault.attachments.read(attachment.id) == photo
    vault.attachments.export(attachment.id, tmp_path / "copy.png")
    assert (tmp_path / "copy.png").read_bytes() == photo
    deletion = vault.attachments.delete(attachment.id)
    assert deletion.deleted
    assert vault.attachments.for_incident(incident_id) == []
    assert vault.attachments.blobs.stored_files() == []
    with pytest.raises(NotFound):
        vault.attachments.read(attachment.id)
    with vault.database.read() as conn:  # history keeps the record that it existed
        assert (
            conn.execute(
                "SELECT count(*) FROM revisions WHERE entity_type = 'attachment'"
            ).fetchone()[0]
            == 2
        )


def test_attachment_to_unknown_incident_stores_nothing(vault: Vault) -> None:
    with pytest.raises(NotFound):
        vault.attachments.add(make_incident().id, b"data", filename="a.pdf")
    assert vault.attachments.blobs.stored_files() == []


def test_too_large_leaves_nothing(vault: Vault, incident_id: str) -> None:
    with pytest.raises(TooLarge):
        vault.attachments.add(
            incident_id, io.BytesIO(b"x" * 5000), filename="big.mp3", max_size=4096
        )
    assert vault.attachments.blobs.stored_files() == []
    assert vault.attachments.for_incident(incident_id) == []


def test_file_vanishing_mid_read_leaves_nothing(vault: Vault, incident_id: str) -> None:
    class Vanishing(io.RawIOBase):
        def __init__(self) -> None:
            self.calls = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            self.calls += 1
            if self.calls > 2:
                raise FileNotFoundError("gone")
            buffer[: len(buffer)] = b"a" * len(buffer)
            return len(buffer)

    with pytest.raises(OSError):
        vault.attachments.add(incident_id, io.BufferedReader(Vanishing()), filename="audio.ogg")
    assert vault.attachments.blobs.stored_files() == []
    assert vault.attachments.for_incident(incident_id) == []


def test_bad_file_names_are_refused(vault: Vault, incident_id: str) -> None:
    for name in ("", "..", "/", "a\x00b"):
        with pytest.raises(VaultError):
            vault.attachments.add(incident_id, b"x", filename=name)


def test_check_finds_missing_and_damaged_attachment_files(vault: Vault, incident_id: str) -> None:
    first = vault.attachments.add(incident_id, b"first" * 100, filename="one.pdf")
    vault.attachments.add(incident_id, b"second" * 100, filename="two.pdf")
    assert check_vault(vault).ok
    files = vault.attachments.blobs.stored_files()
    data = bytearray(files[0].read_bytes())
    data[-1] ^= 1
    files[0].write_bytes(bytes(data))
    files[1].unlink()
    problems = check_vault(vault).problems
    assert any("damaged" in p for p in problems) and any("missing" in p for p in problems)
    assert first.id in " ".join(problems) or len(problems) == 2
