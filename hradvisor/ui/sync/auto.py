"""Sending by itself "when connectivity allows" (DESIGN §8), without busy polling.

While the vault is unlocked and automatic sending is on, a single-shot timer
wakes now and then: if anything waits for HQ, one quick worker asks whether
the pinned HQ answers at its address and, if it does, sends. Failures double
the wait (up to an hour), a success returns to the normal interval. Nothing
runs while another send is in progress, and stopping (lock, manual-only)
cancels the timer; a worker already running finishes on its own and its
answer is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal

from hradvisor.store import Vault
from hradvisor.sync import actions
from hradvisor.ui.workers import run_in_background

FIRST_TRY_MS = 20_000
INTERVAL_MS = 15 * 60_000
MAX_BACKOFF_MS = 60 * 60_000


class Outcome(Enum):
    NOTHING_TO_SEND = "nothing"
    UNREACHABLE = "unreachable"
    SENT = "sent"


def attempt(vault: Vault) -> Outcome:
    """On a worker: send if there is work and HQ answers; never raises for "offline"."""
    if not actions.has_work(vault):
        return Outcome.NOTHING_TO_SEND
    if not actions.hq_reachable(vault):
        return Outcome.UNREACHABLE
    actions.send_now(vault)
    return Outcome.SENT


class AutoSender(QObject):
    """Emits ``finished(outcome_or_error)`` after each background attempt."""

    finished = Signal(object)

    def __init__(
        self,
        vault: Vault,
        *,
        first_try_ms: int = FIRST_TRY_MS,
        interval_ms: int = INTERVAL_MS,
        max_backoff_ms: int = MAX_BACKOFF_MS,
        attempt_fn: Callable[[Vault], Outcome] = attempt,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._interval = interval_ms
        self._max = max_backoff_ms
        self._first = first_try_ms
        self._attempt = attempt_fn
        self._wait = interval_ms
        self._generation = 0
        self.busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._wake)

    @property
    def next_wait_ms(self) -> int:
        return self._wait

    def is_active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._wait = self._interval
        self._timer.start(self._first)

    def stop(self) -> None:
        """Cancel the timer; an attempt under way finishes but its answer is dropped."""
        self._timer.stop()
        self._generation += 1
        self.busy = False

    def forget(self) -> None:
        self.stop()
        self._vault = None

    def _wake(self) -> None:
        vault = self._vault
        if vault is None or not vault.is_open:
            return
        if self.busy:
            self._timer.start(self._wait)
            return
        self.busy = True
        generation = self._generation
        run_in_background(
            lambda: self._attempt(vault),
            lambda outcome: self._done(generation, outcome),
            lambda exc: self._done(generation, exc),
        )

    def _done(self, generation: int, outcome: object) -> None:
        if generation != self._generation:
            return
        self.busy = False
        if outcome in (Outcome.SENT, Outcome.NOTHING_TO_SEND):
            self._wait = self._interval
        else:
            self._wait = min(self._wait * 2, self._max)
        self._timer.start(self._wait)
        self.finished.emit(outcome)
