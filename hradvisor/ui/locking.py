"""Idle detection for auto-lock: any key or mouse event anywhere resets the timer.

An application-wide event filter sees input to every window and dialog, so a
person typing in a dialog is not locked out mid-sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

DEFAULT_IDLE_MS = 10 * 60 * 1000

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` after *idle_ms* without input, while armed."""

    idle = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self.idle)

    def arm(self) -> None:
        self._timer.start()

    def disarm(self) -> None:
        self._timer.stop()

    def set_interval(self, idle_ms: int) -> None:
        """A new delay (from Settings); a running countdown restarts with it."""
        self._timer.setInterval(idle_ms)
        if self._timer.isActive():
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._timer.isActive() and event.type() in _ACTIVITY:
            self._timer.start()
        return False
