"""Tagged answers from workers, for widgets that must drop stale or orphaned replies.

``run_in_background`` delivers to whatever callables it is given; a lambda
that wraps a widget method outlives the widget (after a lock, or a closed
tab) and would touch a deleted object. So the panels pass only bound methods
of themselves (Qt disconnects those when the widget goes) and let the worker
tag its result instead: ``tagged(generation, request, fn)`` runs *fn* and
returns an ``Answer`` holding the generation that asked, what was asked, and
the value or the exception. The widget compares the generation with its own
and ignores an answer for something it no longer shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Answer:
    """What a worker found: for which generation and request, the value or the error."""

    generation: int
    request: Any
    value: Any = None
    error: Exception | None = None


def tagged(generation: int, request: Any, fn: Callable[[], Any]) -> Callable[[], Answer]:
    """A function for ``run_in_background``: *fn*'s outcome as an Answer; it never raises."""

    def run() -> Answer:
        try:
            return Answer(generation, request, fn())
        except Exception as exc:
            return Answer(generation, request, None, without_frames(exc))

    return run


def without_frames(exc: Exception) -> Exception:
    """Drop the tracebacks of *exc* and of the exceptions chained to it.

    A traceback keeps its frames alive, and a frame its callers up to the
    worker's BackgroundOp: an exception kept in an Answer would make a cycle
    holding a QObject, which the garbage collector may then destroy on a
    worker thread (a crash). The message and type are all a panel shows.
    """
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        current.__traceback__ = None
        pending += [current.__cause__, current.__context__]
    return exc


def no_failure(_exc: object) -> None:
    """The failure callback for a ``tagged`` function, which reports errors in its Answer."""
