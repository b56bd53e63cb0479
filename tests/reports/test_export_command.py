"""``hradvisor export``: the command-line contract for exports."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli, add_incidents
from tests.reports.conftest import CANARIES, GRID, GRID_IDS


def test_export_writes_file_and_manifest(cli: Cli, unlocked: Path, tmp_path: Path) -> None:
    add_incidents(unlocked, GRID)
    out = tmp_path / "incidents.csv"
    result = cli(
        "export", "--format", "csv", "--out", out, "--from", "2025-05-01", "--to", "2025-05-31"
    ).ok()
    assert "4 of 10 incidents in scope included" in result.err
    assert result.out == "" and "\r" not in result.err and "it/s" not in result.err  # no bar
    assert len(result.err.splitlines()) == 3
    manifest = json.loads((tmp_path / "incidents.csv.manifest.json").read_text())
    assert manifest["incidents_included"] == 4
    text = out.read_text(encoding="utf-8")
    assert not any(canary in text for canary in CANARIES)
    assert not any(canary in result.err for canary in CANARIES)


def test_export_for_the_public(cli: Cli, unlocked: Path, tmp_path: Path) -> None:
    add_incidents(unlocked, GRID)
    out = tmp_path / "open.json"
    cli("export", "--format", "json", "--out", out, "--classification", "unclassified",
        "--audience", "public").ok()  # fmt: skip
    assert [i["id"] for i in json.loads(out.read_text())] == [
        GRID_IDS["Raid unclassified public-anonymised"]
    ]


def test_contradictory_or_bad_options_are_usage_errors(
    cli: Cli, unlocked: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.csv"
    message = cli("export", "--format", "csv", "--out", out, "--audience", "public").error(2)
    assert "unclassified" in message
    assert "--area" in cli("export", "--format", "csv", "--out", out, "--area", "XA-01").error(2)
    assert "--from" in cli("export", "--format", "csv", "--out", out, "--from", "May").error(2)
    assert not out.exists()


def test_unwritable_target_is_one_clear_line(cli: Cli, unlocked: Path, tmp_path: Path) -> None:
    message = cli("export", "--format", "hxl", "--out", tmp_path / "missing" / "x.csv").error(1)
    assert "cannot write the export" in message and "missing" in message
