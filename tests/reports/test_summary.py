"""The summary analysis from a real vault: numbers from the engine, protection, canaries,
reproducible bytes, the definition recording each PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from hradvisor.analysis import AnalysisScope, analyse
from hradvisor.model import ReportDefinition, assessment_from_json, note_from_json, report_from_json
from hradvisor.reports.exports import ExportError
from hradvisor.reports.summary import build_summary, policy_for, write_summary
from hradvisor.reports.texts import number
from hradvisor.store import Vault
from tests.conftest import make_incident
from tests.reports.conftest import CANARIES, CANARY_NARRATIVE, GRID_IDS
from tests.reports.pdftools import metadata, pages_text

MAY = {"period_start": "2025-05-01", "period_end": "2025-05-31", "issued": "2025-06-05"}


def _definition(**changes: object) -> ReportDefinition:
    return report_from_json({**MAY, "country": "XA", "include_annex": True, **changes})


def _flat(pdf: bytes) -> str:
    return " ".join(" ".join(pages_text(pdf)).split())


def test_figures_are_the_engines_for_the_allowed_incidents(grid_vault: Vault) -> None:
    definition = _definition()
    result = build_summary(grid_vault, definition)
    policy = policy_for(definition)
    engine = analyse(
        grid_vault,
        AnalysisScope(
            start=definition.start,
            end=definition.end,
            country="XA",
            verification=policy.allowed_verification(),
            sensitivity=policy.allowed_sensitivity(),
            consent=policy.allowed_consent(),
        ),
    )
    # Confidential for the UN: sensitivity ≤ confidential, consent share-within-UN or public.
    assert engine.figures.incidents == 4
    killed = engine.figures.victims_by_outcome["killed"]
    assert killed == (1 + 20) + (1 + 30) + (2 + 20) + (2 + 30)
    text = _flat(result.pdf)
    assert f"{number(killed, 'en')} Killed" in text
    assert f"{engine.figures.incidents} Incidents" in text
    assert result.manifest.included == 4 and result.manifest.in_scope == 10
    assert result.manifest.left_out == {
        "sensitivity-above-classification": 3,
        "consent-does-not-reach-audience": 2,
        "discounted": 1,
    }


def test_no_name_ever_reaches_the_pdf(grid_vault: Vault) -> None:
    grid_vault.notes.save(
        note_from_json({"date": "2025-05-20", "title": "Visit", "text": f"Met {CANARIES[0]}."})
    )
    for classification, audience in (
        ("strictly-confidential", "ohchr"),
        ("confidential", "un"),
        ("unclassified", "public"),
    ):
        definition = _definition(classification=classification, audience=audience)
        pdf = build_summary(grid_vault, definition).pdf
        text = _flat(pdf)
        raw = pdf.decode("latin-1")
        for canary in CANARIES:
            assert canary not in text and canary not in raw
        assert "Fenwick Crossing" not in text  # places generalised to the area
        if audience != "ohchr":
            assert "internal-only" not in text  # their titles are not in the annex either


def test_internal_only_counts_only_for_ohchr(grid_vault: Vault) -> None:
    internal = build_summary(
        grid_vault, _definition(classification="strictly-confidential", audience="ohchr")
    )
    assert internal.manifest.included == 9
    text = _flat(internal.pdf)
    assert "#" + GRID_IDS["Raid strictly-confidential internal-only"][:8] in text
    assert "Raid" not in text  # titles are not printed unless exact locations are allowed
    assert CANARY_NARRATIVE not in text  # narratives are never printed
    detailed = build_summary(
        grid_vault,
        _definition(classification="strictly-confidential", audience="ohchr", exact_locations=True),
    )
    text = _flat(detailed.pdf)
    assert "Raid strictly-confidential internal-only" in text
    assert "Fenwick Crossing" in text and CANARY_NARRATIVE not in text


def test_every_page_is_marked(grid_vault: Vault) -> None:
    pages = pages_text(build_summary(grid_vault, _definition()).pdf)
    assert len(pages) >= 2
    for number_, page in enumerate(pages, start=1):
        assert page.count("CONFIDENTIAL") >= 2
        assert f"Page {number_} of {len(pages)}" in page


def test_same_vault_same_definition_same_bytes(grid_vault: Vault) -> None:
    definition = _definition()
    assert build_summary(grid_vault, definition).pdf == build_summary(grid_vault, definition).pdf


def test_metadata_is_clean(grid_vault: Vault) -> None:
    info = metadata(build_summary(grid_vault, _definition()).pdf)
    assert info["/CreationDate"].startswith("D:20250605")
    assert str(grid_vault.path) not in str(info)
    assert grid_vault.device_id not in str(info) and grid_vault.vault_id not in str(info)


def test_an_empty_period_is_a_valid_report(grid_vault: Vault) -> None:
    definition = report_from_json(
        {"period_start": "2024-01-01", "period_end": "2024-01-31", "issued": "2024-02-01"}
    )
    result = build_summary(grid_vault, definition)
    text = _flat(result.pdf)
    assert "No incident that may be shown" in text
    assert result.manifest.in_scope == 0


def test_risk_table_from_the_latest_assessment(grid_vault: Vault) -> None:
    grid_vault.assessments.save(
        assessment_from_json(
            {
                "country": "XA",
                "period_start": "2025-01-01",
                "period_end": "2025-03-31",
                "assessed_on": "2025-04-02",
                "factors": [{"code": "armed-conflict", "rating": "moderate"}],
                "overall": {"rating": "moderate"},
            }
        )
    )
    grid_vault.assessments.save(
        assessment_from_json(
            {
                "country": "XA",
                "period_start": "2025-04-01",
                "period_end": "2025-05-31",
                "assessed_on": "2025-06-01",
                "factors": [{"code": "armed-conflict", "rating": "high"}],
                "overall": {"rating": "high", "narrative": "Deteriorating quickly."},
            }
        )
    )
    text = _flat(build_summary(grid_vault, _definition()).pdf)
    assert "Overall risk: High (▲ higher)" in text
    assert "Deteriorating quickly." in text
    assert "assessed on 1 June 2025" in text
    assert "No risk assessment" not in text


def test_write_records_the_hash_and_refuses_unwritable_targets(
    grid_vault: Vault, tmp_path: Path
) -> None:
    definition = _definition()
    out = tmp_path / "report.pdf"
    result, saved = write_summary(grid_vault, definition, out)
    assert out.read_bytes() == result.pdf
    stored = grid_vault.reports.get(definition.id)
    assert stored == saved
    assert [o.sha256 for o in stored.outputs] == [result.sha256]
    assert stored.outputs[0].pages == result.pages and stored.outputs[0].bytes == len(result.pdf)
    again, saved_again = write_summary(grid_vault, stored, out)
    assert again.sha256 == result.sha256  # outputs are not an input of the document
    assert len(saved_again.outputs) == 2
    with pytest.raises(ExportError, match="no such folder"):
        write_summary(grid_vault, saved_again, tmp_path / "missing" / "r.pdf")
    assert len(grid_vault.reports.get(definition.id).outputs) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf", "vault"]


def test_annex_is_capped_at_the_most_serious(
    grid_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("hradvisor.reports.summary.ANNEX_LIMIT", 2)
    massacre = make_incident(
        title="Massacre at the ford",
        date="2025-05-21",
        victims={"killed": {"men": 90}},
        consent="share-within-un",
    )
    grid_vault.incidents.add(massacre)
    text = _flat(build_summary(grid_vault, _definition()).pdf)
    assert "The 2 most serious of 5 incidents counted" in text
    assert "#" + massacre.id[:8] in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_poppler_reads_the_report(grid_vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    write_summary(grid_vault, _definition(language="fr"), out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout
    pages = text.decode("utf-8").split("\f")[:-1]
    assert pages and all(page.count("CONFIDENTIEL") >= 2 for page in pages)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, check=True).stdout.decode()
    assert "Producer:        hradvisor" in info and str(tmp_path) not in info
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, check=True).stdout
    rows = fonts.decode().splitlines()[2:]
    assert rows and all(" yes yes yes " in row for row in rows)


def _concern_titles(pdf: bytes) -> list[str]:
    text = _flat(pdf)
    section = text.split("Principal human rights concerns", 1)[1].split("Trends", 1)[0]
    return [t for t in ("Torture or ill-treatment", "Arbitrary detention") if t in section]


def test_definition_choices_hide_and_order_concerns(grid_vault: Vault) -> None:
    ranked = _concern_titles(build_summary(grid_vault, _definition()).pdf)
    assert ranked == ["Torture or ill-treatment", "Arbitrary detention"]
    ordered = _definition(concerns={"order": ["arbitrary-detention@*"]})
    text = _flat(build_summary(grid_vault, ordered).pdf)
    assert text.index("1. Arbitrary detention") < text.index("2. Torture or ill-treatment")
    hidden = _definition(concerns={"hidden": ["torture-ill-treatment@*"]})
    assert _concern_titles(build_summary(grid_vault, hidden).pdf) == ["Arbitrary detention"]


def test_nothing_is_written_to_the_temp_folder(
    grid_vault: Vault, tmp_path: Path, private_tmp: Path
) -> None:
    from hradvisor.reports.exports import ExportScope, export_incidents
    from hradvisor.reports.protection import Policy

    out = tmp_path / "out"
    out.mkdir()
    write_summary(grid_vault, _definition(), out / "r.pdf")
    for fmt in ("csv", "json", "hxl"):
        export_incidents(grid_vault, out / f"x.{fmt}", fmt, ExportScope(), Policy())
    assert list(private_tmp.rglob("*")) == []
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp left behind
