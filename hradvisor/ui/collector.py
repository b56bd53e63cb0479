"""Python's cycle collector, run on the GUI thread only.

Left automatic, the collector runs on whichever thread happens to allocate,
often a worker. When it frees a cycle holding a Qt wrapper there, Qt objects
are destroyed off the GUI thread, which can crash the app (seen in the panel
tests under gdb). Reference counting still frees almost everything at once;
only cycles wait for this timer, a fraction of a second.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
_FULL_EVERY = 60  # ticks: a full collection about every 30 s, young ones in between


class GuiThreadCollector(QObject):
    """While it exists, automatic collection is off and a GUI-thread timer collects."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        gc.disable()
        self._timer.start()

    def collect(self) -> None:
        self._ticks += 1
        gc.collect(2 if self._ticks % _FULL_EVERY == 0 else 0)

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        gc.enable()
