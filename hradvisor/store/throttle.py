"""Unlock throttling: each failed unlock doubles the wait before the next one.

This slows someone guessing at the keyboard of a seized laptop; it cannot stop
an attacker who copies the files and runs Argon2id themselves — the KDF cost
and the passphrase strength do that. The record is persisted beside the vault
so that restarting the app does not reset it.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hradvisor.store.errors import UnlockThrottled
from hradvisor.store.files import write_atomic

FREE_ATTEMPTS = 2
MAX_DELAY_SECONDS = 15 * 60


@dataclass
class UnlockThrottle:
    """Persisted count of consecutive failures and the time of the last one."""

    path: Path
    clock: Callable[[], float] = time.time

    def _load(self) -> tuple[int, float]:
        try:
            record = json.loads(self.path.read_text(encoding="ascii"))
            return int(record["failures"]), float(record["last_failure"])
        except FileNotFoundError:
            return 0, 0.0
        except (ValueError, KeyError, TypeError):
            # A damaged record must not lock the owner out, nor reset silently to zero.
            return FREE_ATTEMPTS + 1, self.clock()

    @staticmethod
    def delay_after(failures: int) -> float:
        """Seconds to wait after *failures* consecutive failures: 0, 0, 1, 2, 4, … up to 15 min."""
        if failures <= FREE_ATTEMPTS:
            return 0.0
        return float(min(2 ** (failures - FREE_ATTEMPTS - 1), MAX_DELAY_SECONDS))

    def wait_remaining(self) -> float:
        """Seconds before another attempt is allowed (0 if allowed now)."""
        failures, last = self._load()
        return max(0.0, last + self.delay_after(failures) - self.clock())

    def check(self) -> None:
        """Raise UnlockThrottled if an attempt now is too early."""
        remaining = self.wait_remaining()
        if remaining > 0:
            raise UnlockThrottled(remaining)

    def record_failure(self) -> float:
        """Count a failed attempt; return the wait before the next one."""
        failures, _ = self._load()
        failures += 1
        record = {"failures": failures, "last_failure": self.clock()}
        write_atomic(self.path, json.dumps(record).encode("ascii"))
        return self.delay_after(failures)

    def record_success(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
