"""Fixtures for the desktop app tests: a themed window on a fast-KDF vault.

Every test waits for the thread pool to drain before its widgets go, so no
worker outlives the test that started it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hradvisor.ui.app import MainWindow
from hradvisor.ui.collector import GuiThreadCollector
from hradvisor.ui.incidents.editor import prompts
from hradvisor.ui.theme import apply_theme
from tests.conftest import FAST_KDF


@pytest.fixture(autouse=True)
def _drain_workers(qapp: QApplication) -> Iterator[None]:
    """Workers finish before the test's widgets go; cycles are collected on this thread only."""
    apply_theme(qapp)
    collector = GuiThreadCollector(qapp)
    yield
    QThreadPool.globalInstance().waitForDone(5000)
    collector.stop()
    collector.deleteLater()


@pytest.fixture(autouse=True)
def _keep_the_default_locale() -> Iterator[None]:
    """Tests in French set the default locale (install_translators): put it back."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real message box would wait forever offscreen: unsaved work is discarded at teardown.

    Tests about the question patch ``prompts.ask_unsaved`` themselves.
    """
    monkeypatch.setattr(prompts, "ask_unsaved", lambda _parent, _title: prompts.Choice.DISCARD)


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> MakeWindow:
    """A shown MainWindow on a vault directory; keyword arguments go to MainWindow."""

    def make(vault_dir: Path, **kwargs: object) -> MainWindow:
        kwargs.setdefault("kdf", FAST_KDF)
        window = MainWindow(vault_dir, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def copy_vault(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
