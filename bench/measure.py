"""Timing helpers: warm-up, alternating runs, medians."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Seconds per run: the median and the slowest of several runs."""

    median: float
    worst: float
    runs: int


def summarise(samples: list[float]) -> Timing:
    return Timing(statistics.median(samples), max(samples), len(samples))


def timed(action: Callable[[], object]) -> float:
    """Seconds one call of *action* takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def compare(
    subject: Callable[[], object],
    baseline: Callable[[], object],
    *,
    runs: int,
    warmup: int = 1,
) -> tuple[Timing, Timing]:
    """Time *subject* and *baseline* after a warm-up, alternating which goes first.

    Alternating means a burst of load from elsewhere on the machine, or a slow
    drift, hits both sides alike, so their ratio stays meaningful.
    """
    for _ in range(warmup):
        subject()
        baseline()
    first: list[float] = []
    second: list[float] = []
    for run in range(runs):
        pairs = [(subject, first), (baseline, second)]
        for action, samples in pairs if run % 2 == 0 else reversed(pairs):
            samples.append(timed(action))
    return summarise(first), summarise(second)
