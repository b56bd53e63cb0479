"""The model's validation messages in the window's language (ui/field_messages.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import hradvisor.model
from hradvisor.model import FieldError
from hradvisor.ui.field_messages import error_text, known, message_text
from hradvisor.ui.i18n import install_translators
from hradvisor.ui.incidents.editor.form import IncidentForm

MODEL = Path(hradvisor.model.__file__).parent
# Whole-document errors ("an incident must be a JSON object"): input that is not
# even an object never comes from a screen, only from files and the command line.
WHOLE_DOCUMENT = ("must be a JSON object",)
# A sample for each kind of value the model puts in its messages.
SAMPLES = {
    "join": "day, month",
    "vocab": "violations",
    "format_hint": "YYYY-MM",
    "code": "F1",
    "MIN_YEAR": "1900",
}


def _sample(value: ast.FormattedValue) -> str:
    source = ast.unparse(value.value)
    for key, sample in SAMPLES.items():
        if key in source:
            return sample
    return "2,000"


def _text(node: ast.expr) -> str | None:
    """A message as the model would write it (f-strings with sample values)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else _sample(part)  # type: ignore[arg-type]
            for part in node.values
        )
    return None


def model_messages() -> set[str]:
    """Every message the model's validators write: fail() and FieldError() arguments,
    text problems, and the date parser's ValueErrors (shown as field messages)."""
    found: set[str] = set()
    for path in MODEL.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            message: ast.expr | None = None
            if isinstance(node, ast.Call) and len(node.args) >= 2:
                name = ast.unparse(node.func)
                if name.endswith(".fail") or name == "FieldError":
                    message = node.args[1]
            elif isinstance(node, ast.Raise) and path.name == "dates.py":
                call = node.exc
                if isinstance(call, ast.Call) and ast.unparse(call.func) == "ValueError":
                    message = call.args[0] if call.args else None
            elif isinstance(node, ast.FunctionDef) and "problem" in node.name:
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        text = _text(inner.value)
                        if text:
                            found.add(text)
            text = _text(message) if message is not None else None
            if text:
                found.add(text)
    return found


def test_the_scan_finds_the_model_messages() -> None:
    messages = model_messages()
    assert len(messages) > 40
    assert "must not be in the future" in messages
    assert "must be at most 2,000 characters" in messages
    assert "must be one of the violations codes" in messages


def test_every_message_the_model_writes_has_a_translation() -> None:
    missing = [m for m in model_messages() if not known(m) and not m.endswith(WHOLE_DOCUMENT)]
    assert missing == [], "add these to hradvisor/ui/field_messages.py"


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "fr")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.usefixtures("french")
def test_in_french_messages_and_their_numbers_are_french() -> None:
    assert message_text("must not be in the future") == "ne doit pas être dans le futur"
    long = message_text("must be at most 2,000 characters")
    assert long.startswith("doit compter au plus 2") and long.endswith("000 caractères")
    assert "," not in long  # French groups digits with a space, not a comma
    assert message_text("must be a date written YYYY-MM") == "doit être une date écrite AAAA-MM"
    assert message_text("must be one of the victim-groups codes") == (
        "doit être un des codes de la liste « groupes de victimes »"
    )
    assert error_text(FieldError("areas[0]", "required")) == "areas[0]: obligatoire"


def test_in_english_and_for_unknown_messages_the_text_is_unchanged(qapp: QApplication) -> None:
    install_translators(qapp, "en")
    assert message_text("must be at most 2,000 characters") == "must be at most 2,000 characters"
    assert message_text("a rule added later") == "a rule added later"


@pytest.mark.usefixtures("french")
def test_the_incident_form_shows_a_french_message_next_to_its_field(qtbot: QtBot) -> None:
    form = IncidentForm()
    qtbot.addWidget(form)
    form.ensure_built()
    unplaced = form.show_errors([FieldError("date", "must not be in the future")])
    assert unplaced == []
    box = form.box_for("date")
    assert box is not None
    assert box.error.text() == "Ne doit pas être dans le futur"
