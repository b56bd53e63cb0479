"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 drops a reference to None on every call

of a method returning void, so after a few thousand calls the interpreter aborts
("none_dealloc"). pyproject.toml excludes it; this test fails on any binding
that brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot


def test_void_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    before = sys.getrefcount(None)
    for _ in range(2000):
        edit.setText("x")
    assert sys.getrefcount(None) > before - 100
