"""CSV, JSON and HXL exports: protected, parseable, atomic, safe in a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import hxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hradvisor.model import incident_from_json, incident_to_json
from hradvisor.reports import exports
from hradvisor.reports.exports import (
    ExportError,
    ExportScope,
    export_incidents,
    manifest_path,
    safe_cell,
)
from hradvisor.reports.protection import Policy
from hradvisor.store import Vault
from tests.conftest import make_incident
from tests.reports.conftest import CANARIES, GRID_IDS

FORMATS = ("csv", "json", "hxl")


def _everything_in(directory: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(directory.iterdir()))


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_hold_only_what_the_policy_allows(
    grid_vault: Vault, tmp_path: Path, fmt: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / f"incidents.{fmt}"
    manifest = export_incidents(grid_vault, out, fmt, ExportScope(), Policy())
    text = _everything_in(out_dir)
    for canary in CANARIES:
        assert canary not in text
    assert "Fenwick Crossing" not in text  # generalised to the first-level area
    for title, incident_id in GRID_IDS.items():
        left_out = any(w in title for w in ("strictly-confidential", "internal-only", "Discounted"))
        assert (incident_id in text) != left_out, title
    assert "Raid" not in text  # titles can name places and people: replaced by violation and area
    assert manifest.included == 4
    assert json.loads(manifest_path(out).read_text())["incidents_left_out"] == {
        "sensitivity-above-classification": 3,
        "consent-does-not-reach-audience": 2,
        "discounted": 1,
    }
    assert sorted(p.name for p in out_dir.iterdir()) == [out.name, manifest_path(out).name]


def test_json_export_is_a_list_of_valid_incidents(grid_vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "incidents.json"
    export_incidents(
        grid_vault,
        out,
        "json",
        ExportScope(),
        Policy(classification="strictly-confidential", audience="ohchr"),
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data) == 9  # everything but the discounted one
    for item in data:
        incident = incident_from_json(item)
        assert incident.location.place is None
        assert all(s.note is None for s in incident.sources)
        assert incident.narrative is None


def test_csv_has_one_column_per_outcome_and_sex_age(grid_vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "incidents.csv"
    export_incidents(
        grid_vault,
        out,
        "csv",
        ExportScope(),
        Policy(classification="unclassified", audience="public"),
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [r["id"] for r in rows] == [GRID_IDS["Raid unclassified public-anonymised"]]
    row = rows[0]
    assert row["title"] == f"Arbitrary detention (+1) — {row['admin1_name']}"
    assert row["killed_women"] == "30" and row["killed_men"] == "1" and row["victims_total"] == "31"
    assert row["injured_girls"] == "0"
    assert row["admin1_name"] and row["place"] == "" and row["lat"] == ""
    assert "tags" not in row  # never in an open document
    assert len([k for k in row if k.startswith(("killed_", "sexual_violence_"))]) == 10


def test_formula_cells_are_neutralised(grid_vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "incidents.csv"
    export_incidents(grid_vault, out, "csv", ExportScope(), Policy())
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert rows and all(r["tags"] == "'=cmd|' /C calc'!A0" for r in rows)


def test_hxl_export_reads_back_with_libhxl(grid_vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "incidents.hxl.csv"
    export_incidents(grid_vault, out, "hxl", ExportScope(), Policy(suppress_small_counts=True))
    source = hxl.data(str(out), hxl.InputOptions(allow_local=True))
    rows = list(source)
    tags = [c.display_tag for c in source.columns]
    assert "#affected+killed+f+adults" in tags and "#adm1+code" in tags and "#event+id" in tags
    assert len(set(tags)) == len(tags)
    assert len(rows) == 4
    assert {r.get("#affected+killed+m+adults") for r in rows} == {"<3"}
    assert {r.get("#country+code") for r in rows} == {"XA"}
    assert source.columns[0].header == "id"


def test_scope_filters_period_and_area(grid_vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    policy = Policy(classification="strictly-confidential", audience="ohchr")
    manifest = export_incidents(
        grid_vault, out, "json", ExportScope(country="XA", areas=("XA-01",)), policy
    )
    assert manifest.in_scope == 3 and manifest.included == 3  # internal-only consent → XA-01
    export_incidents(grid_vault, out, "json", ExportScope(date_from=dt.date(2025, 6, 1)), policy)
    assert json.loads(out.read_text()) == []


def test_missing_folder_is_a_clear_error_and_writes_nothing(
    grid_vault: Vault, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="no such folder"):
        export_incidents(grid_vault, tmp_path / "nope" / "x.csv", "csv", ExportScope(), Policy())
    assert not (tmp_path / "nope").exists()
    target = tmp_path / "out" / "a-folder"
    target.mkdir(parents=True)
    with pytest.raises(ExportError, match="is a folder"):
        export_incidents(grid_vault, target, "csv", ExportScope(), Policy())
    assert list(target.parent.iterdir()) == [target]


def test_failure_part_way_leaves_no_partial_file(
    grid_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    seen = []

    def failing(data: dict, policy: Policy) -> tuple[dict, bool]:
        seen.append(data)
        if len(seen) > 2:
            raise OSError(28, "No space left on device")
        return data, False

    monkeypatch.setattr(exports, "protect_incident", failing)
    with pytest.raises(OSError, match="No space"):
        export_incidents(grid_vault, out_dir / "x.csv", "csv", ExportScope(), Policy())
    assert list(out_dir.iterdir()) == []


@given(st.text(max_size=40))
def test_safe_cell_never_starts_a_formula(text: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([safe_cell(text)])
    (cell,) = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")), [""]) or [""]
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell == text or cell == "'" + text


@pytest.mark.parametrize(
    ("value", "shown"),
    [("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2", "'-2"), ("@x", "'@x"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), (-46.5, -46.5), (None, "")],
)  # fmt: skip
def test_safe_cell_cases(value: object, shown: object) -> None:
    assert safe_cell(value) == shown


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("=+-@\t\r\n\"',;"),
    min_size=1,
    max_size=30,
).filter(lambda t: t.strip() and not any(c in t for c in "\t\r\n"))


@given(title=_TEXT, place=_TEXT, tag=_TEXT)
def test_no_exported_cell_starts_a_formula(title: str, place: str, tag: str) -> None:
    data = incident_to_json(
        make_incident(
            title=title,
            location={
                "country": "XA",
                "admin1": "XA-02",
                "place": place,
                "lat": -46.5,
                "lon": -1.5,
            },
            tags=[tag],
        )
    )
    buffer = io.StringIO(newline="")
    policy = Policy(exact_locations=True)
    exports._write_table(buffer, iter([data]), policy, exports._Counts(), hxl=True)
    header, hashtags, row = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    cells = dict(zip(header, row, strict=True))
    for cell in row:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")) and not (
            cell.startswith("-") and cell not in ("-46.5", "-1.5")
        )
    assert cells["title"] in (title, "'" + title)
    assert cells["place"] in (place, "'" + place)
    assert cells["lat"] == "-46.5"  # numbers stay numbers
    assert len(hashtags) == len(header)
