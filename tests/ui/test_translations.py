"""The French catalogue: complete, up to date with the code, compiled, and used."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hradvisor.resources import resource_path
from hradvisor.ui.i18n import chosen_language, install_translators, ui_language
from hradvisor.ui.incidents.editor.location import LocationFields

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = resource_path("translations", "hradvisor_fr.ts")
_PLACEHOLDER = re.compile(r"\{\w*\}")


def _messages(path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) → (translation, type attribute)."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = (
                translation.text or "",
                translation.get("type"),
            )
    return found


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def test_every_string_is_translated_with_its_placeholders() -> None:
    messages = _messages(CATALOGUE)
    assert len(messages) > 100
    for (context, source), (translation, kind) in messages.items():
        assert kind is None and translation.strip(), f"{context}: {source!r} is not translated"
        assert sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(translation)), (
            f"{context}: {source!r} and its translation name different placeholders"
        )


def test_catalogue_has_every_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "hradvisor" / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    missing = set(_messages(fresh)) - set(_messages(CATALOGUE))
    assert not missing, f"run 'make translations' and translate: {sorted(missing)[:5]}"


def test_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    copy = tmp_path / "hradvisor_fr.ts"
    shutil.copy(CATALOGUE, copy)
    compiled = tmp_path / "hradvisor_fr.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(copy), "-qm", str(compiled)], check=True
    )
    assert compiled.read_bytes() == resource_path("translations", "hradvisor_fr.qm").read_bytes(), (
        "run 'make translations' to compile the catalogue"
    )


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "fr")
    assert len(translators) == 2  # ours and Qt's own (standard buttons)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.usefixtures("french")
def test_installed_catalogue_translates_the_shell() -> None:
    assert QCoreApplication.translate("Shell", "Lock") == "Verrouiller"
    assert QCoreApplication.translate("Shell", "Dashboard") == "Tableau de bord"


@pytest.mark.usefixtures("french")
def test_country_pickers_name_real_countries_in_french(qtbot: QtBot) -> None:
    assert ui_language() == "fr"
    fields = LocationFields()
    qtbot.addWidget(fields)
    names = [fields.country.itemText(i) for i in range(fields.country.count())]
    assert "Allemagne" in names
    assert "Germany" not in names


def test_english_installs_nothing(qapp: QApplication) -> None:
    assert install_translators(qapp, "en") == []
    assert ui_language() == "en"
    assert QCoreApplication.translate("Shell", "Lock") == "Lock"


@pytest.mark.parametrize(
    ("preference", "system", "expected"),
    [
        ("fr", "en_GB", "fr"),
        ("en", "fr_FR", "en"),
        ("auto", "fr_CA", "fr"),
        ("auto", "ar_SA", "en"),
    ],
)
def test_language_choice(preference: str, system: str, expected: str) -> None:
    assert chosen_language(preference, system) == expected
