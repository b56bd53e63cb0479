"""Encrypted drafts (unsaved editor work): round trip, binding, ordering, no plaintext."""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

import pytest

from hradvisor.store import IntegrityError, Vault, open_vault
from hradvisor.store.drafts import SUFFIX, DraftStore
from tests.conftest import PASSPHRASE
from tests.store.test_no_plaintext import _files_containing

SAVED_AT = "2026-11-23T11:00:00Z"


def _files(vault: Vault) -> list[Path]:
    return sorted((vault.path / "drafts").glob(f"*{SUFFIX}"))


def test_a_draft_comes_back_as_saved(vault: Vault) -> None:
    data = {"incident": {"title": "Half-typed títle", "victims": {"killed": {"men": 2}}}}
    assert vault.drafts.load("incident-1") is None
    vault.drafts.save("incident-1", data, saved_at=SAVED_AT)
    draft = vault.drafts.load("incident-1")
    assert draft is not None
    assert (draft.name, draft.data, draft.saved_at) == ("incident-1", data, SAVED_AT)
    assert [d.name for d in vault.drafts.list()] == ["incident-1"]
    vault.drafts.discard("incident-1")
    assert vault.drafts.load("incident-1") is None
    assert vault.drafts.list() == []
    vault.drafts.discard("incident-1")  # discarding twice is harmless


def test_drafts_survive_a_lock_and_belong_to_their_vault(vault_dir: Path) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.drafts.save("a", {"n": 1}, saved_at="2026-11-23T10:00:00Z")
        vault.drafts.save("b", {"n": 2}, saved_at="2026-11-23T09:00:00Z")
    with open_vault(vault_dir, PASSPHRASE) as vault:
        assert [(d.name, d.data) for d in vault.drafts.list()] == [("b", {"n": 2}), ("a", {"n": 1})]
    other = DraftStore(vault_dir / "drafts", b"\x01" * 32)  # another vault's key
    assert other.list() == []
    assert other.load("a") is None  # its name token differs: no such draft for that key


def test_file_names_do_not_reveal_the_draft_name(vault: Vault) -> None:
    vault.drafts.save("0193f0aa-0000-7000-8000-000000000001", {}, saved_at=SAVED_AT)
    (path,) = _files(vault)
    assert "0193f0aa" not in path.name
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct((vault.path / "drafts").stat().st_mode & 0o777) == "0o700"


def test_a_draft_moved_onto_another_name_does_not_open(vault: Vault) -> None:
    vault.drafts.save("first", {"text": "mine"}, saved_at=SAVED_AT)
    (first,) = _files(vault)
    vault.drafts.save("second", {"text": "theirs"}, saved_at=SAVED_AT)
    (second,) = [p for p in _files(vault) if p != first]
    shutil.copy(first, second)
    with pytest.raises(IntegrityError):
        vault.drafts.load("second")
    assert [d.name for d in vault.drafts.list()] == ["first"]


def test_a_damaged_draft_is_reported_not_guessed(vault: Vault) -> None:
    vault.drafts.save("one", {"text": "x"}, saved_at=SAVED_AT)
    (path,) = _files(vault)
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(IntegrityError):
        vault.drafts.load("one")
    assert vault.drafts.list() == []


def test_an_older_call_never_overrides_a_newer_one(vault: Vault) -> None:
    assert vault.drafts.save("one", {"v": 2}, saved_at=SAVED_AT, seq=2)
    assert not vault.drafts.save("one", {"v": 1}, saved_at=SAVED_AT, seq=1)
    assert vault.drafts.discard("one", seq=3)
    assert not vault.drafts.save("one", {"v": 2}, saved_at=SAVED_AT, seq=2)  # a late autosave
    assert vault.drafts.load("one") is None


def test_a_draft_discarded_while_it_is_being_loaded_is_simply_gone(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor discards drafts on worker threads while others load them: the file
    can vanish between finding it and reading it (seen as a flaky editor test)."""
    vault.drafts.save("one", {"v": 1}, saved_at=SAVED_AT)
    found = Path.is_file

    def found_then_discarded(path: Path) -> bool:
        answer = found(path)
        if path.suffix == SUFFIX:
            vault.drafts.discard("one")
        return answer

    monkeypatch.setattr(Path, "is_file", found_then_discarded)
    assert vault.drafts.load("one") is None


def test_a_crash_mid_write_leaves_no_temp_behind_after_unlock(vault_dir: Path) -> None:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.drafts.save("one", {"v": 1}, saved_at=SAVED_AT)
    stale = vault_dir / "drafts" / ".x.draft.abcdef.partial"
    stale.write_bytes(os.urandom(64))
    with open_vault(vault_dir, PASSPHRASE) as vault:
        assert not stale.exists()
        assert [d.name for d in vault.drafts.list()] == ["one"]


def test_a_draft_holds_no_plaintext(vault_dir: Path, private_tmp: Path) -> None:
    canary = f"CANARY{secrets.token_hex(8)}"
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.drafts.save(
            f"name-{canary}",
            {"title": f"Title {canary}", "narrative": f"Narrative {canary} " * 40},
            saved_at=SAVED_AT,
        )
        vault.drafts.save(f"name-{canary}", {"title": f"Again {canary}"}, saved_at=SAVED_AT)
        assert vault.drafts.load(f"name-{canary}") is not None
    state_dir = Path(os.environ["HRADVISOR_STATE_DIR"])
    assert _files_containing([vault_dir, private_tmp, state_dir], canary) == []


def test_the_documented_format_opens_a_draft_by_hand(vault: Vault) -> None:
    import hashlib
    import hmac
    import json

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    from hradvisor.store.subkeys import derive_subkey

    vault.drafts.save("incident-7", {"title": "By hand"}, saved_at=SAVED_AT)
    root = derive_subkey(vault.data_key, "drafts")

    def hkdf(info: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(root)

    name = hmac.new(hkdf(b"drafts/name"), b"incident-7", hashlib.sha256).hexdigest()[:32]
    sealed = (vault.path / "drafts" / f"{name}.draft").read_bytes()
    assert sealed[:8] == b"HRDRAFT1"
    aad = b"HRDRAFT1" + f"{name}.draft".encode("ascii")
    body = AESGCM(hkdf(b"drafts/encrypt")).decrypt(sealed[8:20], sealed[20:], aad)
    assert json.loads(body) == {
        "name": "incident-7",
        "saved_at": SAVED_AT,
        "data": {"title": "By hand"},
    }
