"""Cycles are collected by the GUI-thread timer, never automatically on a worker."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from hradvisor.ui.collector import GuiThreadCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_automatic_collection_is_off_and_the_timer_collects(qtbot: QtBot) -> None:
    collector = GuiThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        node = _Node()
        gone = weakref.ref(node)
        del node
        qtbot.waitUntil(lambda: gone() is None)
    finally:
        collector.stop()
    assert gc.isenabled() is True
    gc.disable()  # the suite's own collector (tests/ui/conftest.py) keeps it off


def test_stop_collects_what_is_left() -> None:
    collector = GuiThreadCollector(interval_ms=60_000)
    node = _Node()
    gone = weakref.ref(node)
    del node
    collector.stop()
    gc.disable()
    assert gone() is None
