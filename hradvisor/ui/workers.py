"""The one way to run work off the GUI thread (STYLE practice 2, DESIGN §9).

In the spirit of Anki's ``QueryOp``: ``run_in_background(fn)`` runs *fn* on
``QThreadPool.globalInstance()`` and reports through the ``succeeded`` or
``failed`` signal of the returned ``BackgroundOp``, always on the GUI thread.
The worker never touches a widget: it only calls *fn* and hands the result
(or the exception) to a queued connection. Connect to methods of the widget
that wants the answer, so a widget destroyed meanwhile (after a lock) simply
never hears back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from hradvisor.model import ValidationError
from hradvisor.store import VaultError


class BackgroundOp(QObject):
    """One call of a function on the thread pool, with its outcome as signals."""

    succeeded = Signal(object)
    failed = Signal(object)
    _finished = Signal(bool, object)  # emitted on the worker thread, delivered queued

    # Ops in flight are kept alive here until they deliver: nothing else may own them.
    _running: ClassVar[set[BackgroundOp]] = set()

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> BackgroundOp:
        """Queue the call; returns self so callers can chain ``.start()``."""
        BackgroundOp._running.add(self)
        QThreadPool.globalInstance().start(_Runnable(self))
        return self

    def _work(self) -> None:
        """On a worker thread: call the function, hand over the outcome, touch nothing else."""
        try:
            result = self._fn()
        except Exception as exc:
            self._finished.emit(False, exc)
        else:
            self._finished.emit(True, result)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        """On the GUI thread: tell whoever listens, then let go of this op."""
        BackgroundOp._running.discard(self)
        (self.succeeded if ok else self.failed).emit(value)
        self._fn = _done


def _done() -> None:
    """Placeholder once an op has run: drops the closure (and any vault it held)."""


class _Runnable(QRunnable):
    def __init__(self, op: BackgroundOp) -> None:
        super().__init__()
        self._op = op

    def run(self) -> None:
        self._op._work()
        del self._op


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Any], None],
) -> BackgroundOp:
    """Run *fn* off the GUI thread; call *on_success(result)* or *on_failure(exc)* on it."""
    op = BackgroundOp(fn)
    op.succeeded.connect(_unless_gone(on_success))
    op.failed.connect(_unless_gone(on_failure))
    return op.start()


def _unless_gone(callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """*callback*, but an answer for a widget Qt has already destroyed is dropped.

    A lambda wrapping a widget method outlives the widget (a lock destroys
    every screen while workers may still be answering); calling into it then
    raises "already deleted". That answer has nobody left to show it to.
    """

    def deliver(value: Any) -> None:
        try:
            callback(value)
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise

    return deliver


def user_message(exc: BaseException) -> str:
    """What to tell the user about a failure: the vault's own words, never a traceback.

    VaultError and ValidationError messages are written to name the problem and
    never the data (DESIGN §5); anything else is described only by its type.
    """
    if isinstance(exc, VaultError | ValidationError):
        return _sentence(str(exc))
    if isinstance(exc, OSError):
        return _sentence(
            exc.strerror or QCoreApplication.translate("workers", "input/output error")
        )
    return QCoreApplication.translate("workers", "Unexpected error ({name}).").format(
        name=type(exc).__name__
    )


def _sentence(text: str) -> str:
    """The store's one-line messages, capitalised and ended, for a label in a window."""
    text = text.strip()
    first = text.split(" ", 1)[0]
    if first.isalpha():  # "wrong passphrase" → "Wrong passphrase"; "vault.db …" stays
        text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."
