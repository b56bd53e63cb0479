"""No plaintext at rest: a canary written through every path appears in no file."""

from __future__ import annotations

import secrets
import subprocess
import sys
from pathlib import Path

from hradvisor.store import open_vault
from tests.conftest import PASSPHRASE, make_incident


def _files_containing(roots: list[Path], canary: str) -> list[Path]:
    needles = [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.encode("utf-16-be")]
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and any(n in path.read_bytes() for n in needles):
                found.append(path)
    return found


def test_canary_in_every_field_and_attachment_appears_nowhere(
    vault_dir: Path, private_tmp: Path
) -> None:
    canary = f"CANARY{secrets.token_hex(8)}"
    incident = make_incident(
        title=f"Title {canary}",
        narrative=f"Narrative {canary} " * 50,
        sources=[{"type": "victim", "note": f"Source note {canary}"}],
        tags=[f"t{canary}"[:60]],
        location={"country": "XA", "admin1": "XA-05", "place": f"Place {canary}"},
    )
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add(incident)
        vault.attachments.add(
            incident.id, f"attachment {canary}".encode() * 4000, filename="statement.txt"
        )
        edited = make_incident(id=incident.id, title=f"Edited {canary}")
        vault.incidents.update(edited)
        assert vault.queries.count() == 1
    import os

    state_dir = Path(os.environ["HRADVISOR_STATE_DIR"])
    assert _files_containing([vault_dir, private_tmp, state_dir], canary) == []


def test_canary_through_the_command_line_appears_nowhere(tmp_path: Path, private_tmp: Path) -> None:
    import json
    import os

    canary = f"CANARY{secrets.token_hex(8)}"
    vault_dir = tmp_path / "cli-vault"
    env = {**os.environ, "HRADVISOR_PASSPHRASE": PASSPHRASE, "HRADVISOR_VAULT": str(vault_dir)}
    run = [sys.executable, "-m", "hradvisor.cli"]
    subprocess.run([*run, "vault", "init"], env=env, check=True, capture_output=True)
    data = {
        "title": f"Title {canary}",
        "date": "2025-01-01",
        "location": {"country": "XA"},
        "violations": ["killing"],
        "narrative": canary,
        "sources": [{"type": "media", "note": canary}],
    }
    result = subprocess.run(
        [*run, "incident", "add"], env=env, input=json.dumps(data).encode(), capture_output=True
    )
    assert result.returncode == 0, result.stderr
    assert (
        _files_containing([vault_dir, private_tmp, Path(env["HRADVISOR_STATE_DIR"])], canary) == []
    )
