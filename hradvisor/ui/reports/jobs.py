"""Worker answers for the Reports page: tagged with the generation that asked, never raising.

A report preview or an analysis can take seconds; the adviser may change the
scope, open another definition or lock meanwhile. Each request carries the
page's generation number and the answer is dropped if the page has moved on.
Exceptions are kept without their tracebacks: a traceback holds the worker's
frames, and a cycle through them could be collected on a worker thread,
destroying a Qt object there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Slot

from hradvisor.ui.answers import without_frames


@dataclass(frozen=True)
class Answer:
    """What a worker found for one request: the value, or the error."""

    generation: int
    value: Any = None
    error: Exception | None = None


def tagged(generation: int, fn: Callable[[], Any]) -> Callable[[], Answer]:
    """*fn* wrapped for ``run_in_background``: its outcome as an Answer; it never raises."""

    def run() -> Answer:
        try:
            return Answer(generation, fn())
        except Exception as exc:
            return Answer(generation, None, without_frames(exc))

    return run


class Delivery(QObject):
    """Hands one Answer to *callback*, unless *parent* (the page) was destroyed meanwhile.

    A closure given straight to ``run_in_background`` would outlive the page
    (after a lock the shell deletes it) and touch deleted widgets. A child
    QObject dies with its parent, and Qt then never calls its slot.
    """

    def __init__(self, parent: QObject, callback: Callable[[Answer], None]) -> None:
        super().__init__(parent)
        self._callback: Callable[[Answer], None] | None = callback

    @Slot(object)
    def deliver(self, answer: Answer) -> None:
        callback, self._callback = self._callback, None
        self.deleteLater()
        if callback is not None:
            callback(answer)
