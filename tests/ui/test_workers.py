"""The one way off the GUI thread: results and errors come back on the GUI thread."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from hradvisor.model import FieldError, ValidationError
from hradvisor.store import WrongPassphrase
from hradvisor.ui.workers import BackgroundOp, run_in_background, user_message


def test_the_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(value: object) -> None:
        seen["value"], seen["callback"] = value, threading.current_thread()

    run_in_background(work, done, seen.setdefault)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()
    assert not BackgroundOp._running  # let go once delivered


def test_an_exception_arrives_as_the_failure(qtbot: QtBot) -> None:
    failures: list[BaseException] = []

    def work() -> None:
        raise WrongPassphrase("wrong passphrase")

    op = run_in_background(work, lambda _value: None, failures.append)
    with qtbot.waitSignal(op.failed):
        pass
    assert isinstance(failures[0], WrongPassphrase)


def test_user_messages_come_from_our_errors_and_never_from_anything_else() -> None:
    assert user_message(WrongPassphrase("wrong passphrase")) == "Wrong passphrase."
    error = ValidationError([FieldError("title", "required")])
    assert user_message(error) == "title: required."  # field names keep their case
    assert user_message(OSError(28, "No space left on device")) == "No space left on device."
    assert user_message(KeyError("secret narrative")) == "Unexpected error (KeyError)."
