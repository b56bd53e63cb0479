"""``hradvisor report summary`` and ``report list``: the command-line contract."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.cli.conftest import Cli, add_incidents, vault_bytes
from tests.reports.conftest import CANARIES, GRID
from tests.reports.pdftools import pages_text

PERIOD = ("--from", "2025-05-01", "--to", "2025-05-31", "--country", "XA", "--issued", "2025-06-05")


def test_summary_writes_the_pdf_and_saves_the_definition(
    cli: Cli, unlocked: Path, tmp_path: Path
) -> None:
    add_incidents(unlocked, GRID)
    overview = tmp_path / "overview.txt"
    overview.write_text("Raids <intensified> & spread.\n\nSecond paragraph.", encoding="utf-8")
    out = tmp_path / "may.pdf"
    result = cli(
        "report", "summary", *PERIOD, "--annex", "--overview-file", overview, "--out", out
    ).ok()
    definition_id = result.out.strip()
    assert "4 of 10 incidents in scope included" in result.err
    text = " ".join(" ".join(pages_text(out.read_bytes())).split())
    assert "Raids <intensified> & spread." in text
    assert not any(canary in text for canary in CANARIES)
    listed = cli("report", "list", "--json").ok().json()
    assert [d["id"] for d in listed] == [definition_id]
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert [o["sha256"] for o in listed[0]["outputs"]] == [digest]
    assert listed[0]["overview"].startswith("Raids <intensified>")

    again = tmp_path / "again.pdf"
    cli("report", "summary", "--definition", definition_id, "--out", again).ok()
    assert again.read_bytes() == out.read_bytes()  # same vault, same definition: same bytes
    french = tmp_path / "fr.pdf"
    data = (
        cli(
            "report",
            "summary",
            "--definition",
            definition_id,
            "--lang",
            "fr",
            "--out",
            french,
            "--json",
        )
        .ok()
        .json()
    )
    assert data["definition"] == definition_id and data["pages"] >= 2
    assert all("CONFIDENTIEL" in page for page in pages_text(french.read_bytes()))
    assert len(cli("report", "list", "--json").ok().json()[0]["outputs"]) == 3


def test_usage_errors(cli: Cli, unlocked: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    assert "--from and --to" in cli("report", "summary", "--out", out).error(2)
    assert "audience" in cli(
        "report", "summary", *PERIOD, "--audience", "public", "--out", out
    ).error(2)
    assert "period_end" in cli(
        "report", "summary", "--from", "2025-05-31", "--to", "2025-05-01", "--out", out
    ).error(2)
    assert "--overview-file" in cli(
        "report", "summary", *PERIOD, "--overview-file", tmp_path / "none.txt", "--out", out
    ).error(2)
    assert not out.exists()


def test_unwritable_output_changes_nothing(cli: Cli, unlocked: Path, tmp_path: Path) -> None:
    before = vault_bytes(unlocked)
    message = cli("report", "summary", *PERIOD, "--out", tmp_path / "missing" / "r.pdf").error(1)
    assert "cannot write the report" in message
    assert vault_bytes(unlocked) == before
    assert json.loads(cli("report", "list", "--json").ok().out) == []


def test_unknown_definition(cli: Cli, unlocked: Path, tmp_path: Path) -> None:
    message = cli(
        "report", "summary", "--definition", "01930000-0000-7000-8000-00000000000a",
        "--out", tmp_path / "x.pdf",
    ).error(1)  # fmt: skip
    assert "no report" in message


def test_missing_fonts_is_one_clear_line_and_no_file(
    cli: Cli, unlocked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hradvisor.reports.fonts as fonts

    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: empty.joinpath(*parts))
    monkeypatch.setattr(fonts, "register_fonts", fonts.register_fonts.__wrapped__)
    monkeypatch.setattr("hradvisor.reports.document.register_fonts", fonts.register_fonts)
    out = tmp_path / "r.pdf"
    message = cli("report", "summary", *PERIOD, "--out", out).error(1)
    assert "report font is missing" in message and "reinstall" in message
    assert not out.exists() and not list(tmp_path.glob(".r.pdf*"))
    assert json.loads(cli("report", "list", "--json").ok().out) == []
