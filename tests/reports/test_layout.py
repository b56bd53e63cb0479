"""The summary-analysis PDF from hand-made analysis results: marking, figures, metadata,
reproducible bytes, embedded fonts, hostile text."""

from __future__ import annotations

import dataclasses
import getpass
import os
import re
from pathlib import Path

import pytest

from hradvisor.model import ReportDefinition, report_from_json
from hradvisor.reports.document import render_pdf
from hradvisor.reports.protection import Policy
from tests.reports.fakes import empty_input, sample_input
from tests.reports.pdftools import fonts, metadata, pages_text

BASE = {
    "period_start": "2025-04-01",
    "period_end": "2025-06-30",
    "issued": "2025-07-03",
    "country": "XA",
    "include_annex": True,
}


def _definition(**changes: object) -> ReportDefinition:
    return report_from_json({**BASE, **changes})


def _render(definition: ReportDefinition | None = None, **kwargs: object) -> bytes:
    definition = definition or _definition()
    data = kwargs.pop("data", None) or sample_input()
    policy = kwargs.pop("policy", None) or Policy(classification=definition.classification)
    return render_pdf(definition, data, policy, "Arcadia (fictional)").data  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("classification", "marking"),
    [
        ("confidential", "CONFIDENTIAL"),
        ("strictly-confidential", "STRICTLY CONFIDENTIAL"),
        ("unclassified", "UNCLASSIFIED"),
    ],
)
def test_every_page_is_marked_and_numbered(classification: str, marking: str) -> None:
    pdf = _render(_definition(classification=classification))
    pages = pages_text(pdf)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert page.count(marking) >= 2, f"page {number} lacks top and bottom marking"
        assert f"Page {number} of {len(pages)}" in page
        assert "1 April 2025 – 30 June 2025" in page  # running header


def _flat(pages: list[str]) -> str:
    """All pages as one line of words (line breaks depend on the layout, not the content)."""
    return " ".join(" ".join(pages).split())


def test_figures_from_the_analysis_are_printed() -> None:
    text = _flat(pages_text(_render()))
    for expected in ("42", "459", "17", "64%", "27 / 42", "▲ +11 (+35%)"):
        assert expected in text
    assert "Killings by State armed forces in Elsenmoor" in text
    assert "reasonable grounds to believe" in text
    assert "Unusual rise" in text
    assert "3 incidents with imprecise dates" in text


def test_same_input_same_bytes() -> None:
    assert _render() == _render()


def test_metadata_names_no_one_and_no_machine() -> None:
    pdf = _render()
    info = metadata(pdf)
    assert info["/CreationDate"].startswith("D:20250703")
    assert info["/Producer"].startswith("hradvisor")
    assert info["/Author"] == "Human Rights Adviser"
    everything = pdf.decode("latin-1")
    for leak in (getpass.getuser(), str(Path.home()), os.getcwd(), "ReportLab", "anonymous"):
        assert leak not in " ".join(info.values())
    assert "/tmp" not in everything and str(Path.home()) not in everything


def test_author_name_only_when_chosen() -> None:
    info = metadata(_render(_definition(author_name="A. Adviser")))
    assert info["/Author"] == "Human Rights Adviser (A. Adviser)"


def test_fonts_are_embedded_and_nothing_falls_back_to_helvetica() -> None:
    used = fonts(_render())
    assert used and all(used.values()), used
    assert not any("Helvetica" in name or "Times" in name for name in used)


def test_french_report() -> None:
    pages = pages_text(_render(_definition(language="fr")))
    assert all("CONFIDENTIEL" in page for page in pages)
    assert f"Page 1 sur {len(pages)}" in pages[0]
    text = _flat(pages)
    assert "Chiffres clés" in text and "motifs raisonnables de croire" in text
    assert "du 1er avril 2025 au 30 juin 2025" in text


def test_an_empty_period_gives_a_valid_report_that_says_so() -> None:
    pages = pages_text(_render(data=empty_input()))
    text = _flat(pages)
    assert "No incident that may be shown" in text
    assert "No principal concern" in text and "No early-warning signal" in text
    assert all("CONFIDENTIAL" in page for page in pages)


def test_hostile_text_is_escaped_wrapped_and_kept() -> None:
    unbroken = "x" * 5000
    definition = _definition(
        title="<b>Bold?</b> & <font size=40>big</font> " + "y" * 250,
        overview=f"{unbroken}\n\nمرحبا بالعالم — שלום עולם — Привет, мир — ¿Qué tal? Ça va.",
        recommendations="<para>not markup</para> & \"quotes\" 'single' <br/>",
        author_role="Adviser " + "z" * 190,
    )
    pages = pages_text(_render(definition))
    text = "".join(pages).replace("\n", "")
    assert text.count("x") >= 5000  # nothing cut or run off the page
    assert "<b>Bold?</b> & <font size=40>big</font>" in "\n".join(pages).replace("\n", " ")
    assert "<para>not markup</para>" in text
    assert "Привет, мир" in text and "¿Qué tal? Ça va." in text
    assert all("CONFIDENTIAL" in page for page in pages)


def test_small_counts_are_hidden_in_area_tables_and_annex_when_asked() -> None:
    pdf = _render(
        _definition(suppress_small_counts=True), policy=Policy(suppress_small_counts=True)
    )
    text = _flat(pages_text(pdf))
    assert "<3" in text
    area_rows = re.findall(r"Quillon Coast\s+(\S+)\s+(\S+)\s+(\S+)", text)
    assert area_rows and area_rows[0] == ("<3", "8", "<3")
    assert "counts of one or two are shown as <3" in text
    assert "Incidents by area" not in text and "Incidents by type of violation" not in text
    assert "Type of violation" in text  # the breakdowns became tables
    # the victim table: girls killed (1) and injured (2) are hidden, larger cells are not
    killed_row = re.search(r"Killed 3 11 (\S+) (\S+) 0 17", text)
    assert killed_row is not None and killed_row.groups() == ("<3", "<3")


def test_one_is_singular() -> None:
    text = _flat(pages_text(_render()))
    assert "9 incidents, 11 victims (11 killed)" in text
    assert "1 incident, 1 victim (0 killed)" in text


def test_annex_is_optional() -> None:
    without = "\n".join(pages_text(_render(_definition(include_annex=False))))
    assert "Annex: incidents" not in without
    assert "Annex: incidents" in "\n".join(pages_text(_render()))


def test_no_risk_assessment_is_said_plainly() -> None:
    text = _flat(pages_text(_render()))
    assert "No risk assessment under the Framework of Analysis" in text


def test_outputs_do_not_change_the_document() -> None:
    definition = _definition()
    made = dataclasses.replace(definition, outputs=())
    assert _render(definition) == _render(made)
