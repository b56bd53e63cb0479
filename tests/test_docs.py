"""The documentation's recipes work: a doc that lies to a user in trouble is worse than none."""

from __future__ import annotations

import re
from pathlib import Path

from hradvisor.store import open_vault
from tests.conftest import PASSPHRASE, make_incident

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_vault_format_recipe_opens_a_real_vault(vault_dir: Path, capsys: object) -> None:
    incident = make_incident(title="Opened without hradvisor")
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add(incident)
    text = (DOCS / "vault-format.md").read_text()
    recipe = re.search(r"## Opening your vault by hand.*?```python\n(.*?)```", text, re.S)
    assert recipe is not None
    scope: dict[str, object] = {"VAULT_DIR": str(vault_dir), "PASSPHRASE": PASSPHRASE}
    exec(recipe.group(1), scope)  # our own documentation
    assert scope["incident"]["title"] == "Opened without hradvisor"  # type: ignore[index]
