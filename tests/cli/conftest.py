"""Helpers for the command-line contract tests (DESIGN §10).

``cli(*argv, stdin=...)`` runs ``hradvisor.cli.main`` in this process, with a
stdin that is never a terminal (so nothing can hang on a prompt), and returns
the exit code and what was written to stdout and stderr. ``run_process`` runs
the real console script, for the few things only a real process shows.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from hradvisor.cli import main
from hradvisor.model import Incident, incident_to_json
from hradvisor.store import create_vault, open_vault
from tests.conftest import FAST_KDF, PASSPHRASE, make_incident

HRADVISOR = Path(sys.executable).parent / "hradvisor"
ERROR_PREFIX = "hradvisor: error: "


@dataclass(frozen=True)
class Result:
    """What one run of the command line did."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def error(self, code: int) -> str:
        """Assert the run failed with *code* and exactly one error line; return its text."""
        assert self.code == code, (self.code, self.out, self.err)
        lines = self.err.splitlines()
        assert len(lines) == 1, self.err
        assert lines[0].startswith(ERROR_PREFIX), self.err
        assert "Traceback" not in self.err
        return lines[0][len(ERROR_PREFIX) :]

    def ok(self) -> Result:
        assert self.code == 0, (self.code, self.out, self.err)
        return self


def as_bytes(data: str | bytes | Any) -> bytes:
    """Stdin content: bytes as given, str as UTF-8, anything else as JSON."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8")
    return json.dumps(data).encode("utf-8")


Cli = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run the command line in-process: ``cli("incident", "list", stdin=...)``."""

    def run(*argv: str | Path, stdin: str | bytes | Any = b"") -> Result:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(as_bytes(stdin))))
        capsys.readouterr()
        code = main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def _template_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One empty fast-KDF vault per worker; each test gets a copy (much cheaper than creating)."""
    base = tmp_path_factory.mktemp("template")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HRADVISOR_STATE_DIR", str(base / "state"))  # keep its witness here
        create_vault(base / "vault", PASSPHRASE, kdf=FAST_KDF)
    return base / "vault"


@pytest.fixture
def vault_dir(tmp_path: Path, _template_vault: Path) -> Path:
    """Same as tests/conftest.py's fixture (fast KDF, PASSPHRASE), copied from a template."""
    path = tmp_path / "vault"
    shutil.copytree(_template_vault, path)
    return path


@pytest.fixture
def unlocked(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fast-KDF test vault, named by HRADVISOR_VAULT and unlocked by HRADVISOR_PASSPHRASE."""
    monkeypatch.setenv("HRADVISOR_VAULT", str(vault_dir))
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", PASSPHRASE)
    return vault_dir


@pytest.fixture
def fast_new_vaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """Vaults the CLI creates in this process use the cheap test KDF (for demo tests)."""
    monkeypatch.setattr("hradvisor.store.vault.KdfParams", lambda: FAST_KDF)


def incident_json(**overrides: Any) -> dict[str, Any]:
    """JSON input for ``incident add``: a valid fictional incident without an id (so the CLI
    makes one), with *overrides* replacing fields as given (not validated: may be invalid)."""
    data = incident_to_json(make_incident())
    del data["id"]
    data.update(overrides)
    return data


def add_incidents(vault_dir: Path, incidents: Iterable[Incident]) -> list[str]:
    """Store incidents directly (fast set-up); returns their ids."""
    stored = list(incidents)
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add_many(stored)
    return [i.id for i in stored]


def count_incidents(vault_dir: Path, passphrase: str = PASSPHRASE) -> int:
    with open_vault(vault_dir, passphrase) as vault:
        return vault.queries.count()


def vault_bytes(vault_dir: Path) -> dict[str, bytes]:
    """Every file of a vault and its content, to show a command changed nothing."""
    return {
        str(p.relative_to(vault_dir)): p.read_bytes() for p in vault_dir.rglob("*") if p.is_file()
    }


def write_secret(path: Path, secret: str) -> Path:
    path.write_text(secret + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def run_process(
    *argv: str | Path,
    passphrase: str | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    **kwargs: Any,
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed ``hradvisor`` console script as a user would."""
    full_env = {**os.environ, **(env or {})}
    if passphrase is not None:
        full_env["HRADVISOR_PASSPHRASE"] = passphrase
    if stdin is None:
        kwargs.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run(
        [str(HRADVISOR), *map(str, argv)],
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=120,
        check=False,
        **kwargs,
    )


def one_error_line(err: bytes) -> str:
    """The single ``hradvisor: error:`` line a real process wrote on stderr."""
    text = err.decode("utf-8")
    assert "Traceback" not in text, text
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith(ERROR_PREFIX), text
    return lines[0]
