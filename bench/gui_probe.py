"""Drive the real window on a big vault, in its own process, and print what it measured.

``python -m bench.gui_probe VAULT_DIR`` with the passphrase in
``HRADVISOR_PASSPHRASE``; prints one JSON object. A separate process keeps
the bench's own memory out of the RSS figure and Qt out of the bench.

Stalls are measured with a heartbeat: a 5 ms timer on the GUI thread records
the longest gap between two ticks while the scripted user scrolls or types.
A gap is time the GUI thread could not react to anything.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from hradvisor.ui.app import MainWindow
from hradvisor.ui.theme import apply_theme

HEARTBEAT_MS = 5
SEARCH_TEXT = "police station"
KEY_INTERVAL_MS = 90  # a quick typist
SCROLL_STEPS = 120
SCROLL_INTERVAL_MS = 16  # a fast flick: one step per frame
TIMEOUT_S = 120


class Heartbeat(QObject):
    """Longest gap between ticks since the last ``reset``."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._tick)
        self._last = time.perf_counter()
        self.longest = 0.0

    def start(self) -> None:
        self.reset()
        self._timer.start()

    def reset(self) -> None:
        self._last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last - HEARTBEAT_MS / 1000)
        self._last = now


class FirstPaint(QObject):
    """Time of the first paint of the list's viewport once it has rows."""

    def __init__(self, has_rows: Callable[[], bool]) -> None:
        super().__init__()
        self._has_rows = has_rows
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() == QEvent.Type.Paint and self._has_rows():
            self.at = time.perf_counter()
        return False


def resident_mb() -> float:
    """Memory the process holds now (VmRSS). The peak includes Argon2id's 256 MiB,
    which is returned once the key is derived, so it is shown for information."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def wait(app: QApplication, done: Callable[[], bool], what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        app.processEvents()
        time.sleep(0.001)


def scripted(app: QApplication, steps: list[Callable[[], None]], interval_ms: int) -> None:
    """Run *steps* one per *interval_ms* from the event loop, as a person would."""
    remaining = list(steps)
    timer = QTimer()
    timer.setInterval(interval_ms)

    def step() -> None:
        if remaining:
            remaining.pop(0)()
        else:
            timer.stop()

    timer.timeout.connect(step)
    timer.start()
    wait(app, lambda: not remaining and not timer.isActive(), "the scripted steps")


def main(vault_dir: Path) -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    window = MainWindow(vault_dir)
    window.resize(1280, 800)
    window.show()
    heartbeat = Heartbeat()
    heartbeat.start()
    screen = window.unlock_screen
    screen.passphrase.setText(os.environ["HRADVISOR_PASSPHRASE"])
    opened: list[float] = []
    screen.unlocked.connect(lambda _vault: opened.append(time.perf_counter()))
    pressed = time.perf_counter()
    screen.unlock_button.click()
    wait(app, lambda: window.shell is not None and window.shell.incidents is not None, "unlock")
    shell = window.shell
    assert shell is not None and shell.incidents is not None
    page = shell.incidents
    painted = FirstPaint(lambda: page.model.rowCount() > 0)
    page.table.viewport().installEventFilter(painted)
    wait(app, lambda: painted.at is not None, "the first painted page")
    assert painted.at is not None
    first_paint = painted.at - opened[0]
    unlock_to_paint = painted.at - pressed
    wait(app, lambda: "counting" not in shell.status.currentMessage(), "the count")

    heartbeat.reset()
    bar = page.table.verticalScrollBar()
    scripted(app, [lambda: bar.setValue(bar.maximum())] * SCROLL_STEPS, SCROLL_INTERVAL_MS)
    rows_scrolled = page.model.rowCount()
    scroll_stall = heartbeat.longest

    heartbeat.reset()
    typing = [(lambda ch=ch: page.search.setText(page.search.text() + ch)) for ch in SEARCH_TEXT]
    scripted(app, typing, KEY_INTERVAL_MS)
    wait(app, lambda: page.model.rowCount() > 0 and "…" not in page.count_label.text(), "results")
    search_stall = heartbeat.longest
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.lock()
    return {
        "first_paint_s": first_paint,
        "unlock_to_paint_s": unlock_to_paint,
        "scroll_stall_s": scroll_stall,
        "rows_scrolled": rows_scrolled,
        "search_stall_s": search_stall,
        "rss_mb": resident_mb(),
        "peak_rss_mb": peak_mb,
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
