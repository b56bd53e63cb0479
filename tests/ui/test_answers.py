"""Tagged worker answers: errors arrive without frames, so no cycle keeps a QObject alive."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hradvisor.ui.answers import Answer, no_failure, tagged
from hradvisor.ui.workers import BackgroundOp, run_in_background


def _fails() -> None:
    try:
        raise KeyError("inner")
    except KeyError as inner:
        raise ValueError("outer") from inner


def test_a_value_is_tagged_with_generation_and_request() -> None:
    assert tagged(3, "asked", lambda: 42)() == Answer(3, "asked", 42)


def test_an_error_keeps_no_traceback_anywhere_in_its_chain() -> None:
    answer = tagged(1, None, _fails)()
    assert isinstance(answer.error, ValueError) and answer.value is None
    assert answer.error.__traceback__ is None
    assert isinstance(answer.error.__cause__, KeyError)
    assert answer.error.__cause__.__traceback__ is None


def test_a_failed_answer_leaves_no_operation_in_cyclic_garbage(qtbot: QtBot) -> None:
    answers: list[Answer] = []
    gc.collect()
    gc.disable()  # so nothing is collected before we look
    try:
        run_in_background(tagged(1, None, _fails), answers.append, no_failure)
        qtbot.waitUntil(lambda: bool(answers))
        QThreadPool.globalInstance().waitForDone(5000)
        QApplication.processEvents()
        answers.clear()
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        leaked = [o for o in gc.garbage if isinstance(o, BackgroundOp)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert leaked == []


@pytest.mark.parametrize("exc", [OSError(5, "Input/output error"), RuntimeError("x")])
def test_no_failure_accepts_anything(exc: Exception) -> None:
    assert no_failure(exc) is None
