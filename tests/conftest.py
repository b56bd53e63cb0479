"""Shared fixtures: isolated per-test state, fast-KDF vaults, fictional incidents."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from hradvisor.model import Incident, incident_from_json
from hradvisor.store import KdfParams, Vault, create_vault, open_vault

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Real vaults use Argon2id with 256 MiB (DESIGN §5). Tests that are not about
# the KDF use a cheap setting so the suite stays fast; tests through the CLI
# use the real one.
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "mauve-otter-lantern-quarry-velvet"  # test-only, fictional


@pytest.fixture(autouse=True)
def _isolated_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep witnesses, vault defaults and temp files of each test in its own directories."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("HRADVISOR_STATE_DIR", str(state))
    monkeypatch.setenv("XDG_DATA_HOME", str(state / "data"))
    monkeypatch.setenv("HRADVISOR_CONFIG_DIR", str(state / "config"))
    for name in ("HRADVISOR_PASSPHRASE", "HRADVISOR_NEW_PASSPHRASE", "HRADVISOR_VAULT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp directory of this test's own, for proving nothing plaintext lands in TMPDIR."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    path = tmp_path / "vault"
    create_vault(path, PASSPHRASE, kdf=FAST_KDF)
    return path


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    with open_vault(vault_dir, PASSPHRASE) as opened:
        yield opened


def make_incident(**overrides: object) -> Incident:
    """A valid fictional incident; keyword arguments replace JSON fields."""
    data: dict[str, object] = {
        "title": "Detention of market traders in Elsenmoor",
        "date": "2025-06-14",
        "location": {"country": "XA", "admin1": "XA-02", "place": "Fenwick Crossing"},
        "violations": ["arbitrary-detention", "torture-ill-treatment"],
        "perpetrators": ["state-police"],
        "victims": {"detained": {"men": 4, "women": 1}, "tortured": {"men": 2}},
        "narrative": "Police officers detained five traders at the market over a dispute.",
        "sources": [{"type": "direct-witness", "reliability": "B", "credibility": 2}],
        "verification": "credible",
        "tags": ["market"],
    }
    data.update(overrides)
    return incident_from_json(data)
