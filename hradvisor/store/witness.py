"""Rollback detection.

SQLCipher authenticates each page, but an older copy of the whole file still
opens: someone could restore yesterday's vault to make an entry disappear, or
to replay old data to HQ. The database keeps a write counter and the hash of
its latest revision; after every commit we record the same pair, MAC'd with a
key derived from the data key, in two witnesses:

* ``vault.state`` beside the database, and
* a copy in the user's state directory (outside the vault folder), so that
  restoring an old copy of the whole folder is caught as well.

A witness ahead of the database means rollback. A witness behind it is the
harmless trace of a crash between commit and witness update, and is refreshed.
(Comparison with HQ's last receipt at sync is the third witness, see DESIGN §8.)
"""

from __future__ import annotations

import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from hradvisor.model.canonical import canonical_json
from hradvisor.store.errors import IntegrityError, RollbackDetected
from hradvisor.store.files import make_private_dir, write_atomic

SIDE_FILE = "vault.state"


def state_directory() -> Path:
    """Per-user directory for witnesses (``HRADVISOR_STATE_DIR`` overrides, for tests)."""
    override = os.environ.get("HRADVISOR_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir("hradvisor"))


@dataclass(frozen=True)
class VaultState:
    """What the database says its latest committed write was."""

    counter: int
    head: str | None


class Witnesses:
    """Reads and writes the MAC'd witnesses of one vault."""

    def __init__(self, vault_dir: Path, vault_id: str, mac_key: bytes) -> None:
        self._mac_key = mac_key
        self._vault_id = vault_id
        self.paths = (
            vault_dir / SIDE_FILE,
            state_directory() / "witnesses" / f"{vault_id}.json",
        )

    def _mac(self, state: VaultState) -> str:
        message = canonical_json(
            {"vault_id": self._vault_id, "counter": state.counter, "head": state.head}
        )
        return hmac.new(self._mac_key, message, "sha256").hexdigest()

    def _read(self, path: Path) -> VaultState | None:
        try:
            record: Any = json.loads(path.read_text(encoding="ascii"))
        except FileNotFoundError:
            return None
        except (ValueError, UnicodeDecodeError):
            raise IntegrityError(f"{path.name} is damaged or was modified") from None
        try:
            state = VaultState(int(record["counter"]), record["head"])
            valid = hmac.compare_digest(self._mac(state), str(record["mac"]))
        except (KeyError, TypeError, ValueError):
            valid = False
        if not valid:
            raise IntegrityError(f"{path.name} is damaged or was modified (bad MAC)")
        return state

    def verify(self, current: VaultState) -> None:
        """Raise RollbackDetected if any witness has seen a later state than *current*."""
        for path in self.paths:
            seen = self._read(path)
            if seen is None or seen.counter < current.counter:
                continue
            if seen.counter > current.counter or seen.head != current.head:
                raise RollbackDetected(
                    f"possible rollback: this vault.db is older than the one last used "
                    f"(write {current.counter}, but write {seen.counter} was recorded); "
                    "a backup copy may have been restored or the file replaced. If this "
                    "older copy is the one to keep, run 'hradvisor vault check --accept-rollback'"
                )

    def check(self, current: VaultState, *, accept: bool, refused: str | None = None) -> None:
        """On open: ``verify``, then record *current* (a rollback is recorded only if *accept*).

        *refused* replaces the message of the RollbackDetected raised when the
        rollback is not accepted (the HQ store names its own file and remedy).
        """
        try:
            self.verify(current)
        except RollbackDetected as exc:
            if not accept:
                if refused is None:
                    raise
                raise RollbackDetected(refused) from exc
        self.record(current)

    def record(self, current: VaultState) -> None:
        """Record *current* in every witness (after a commit, or to accept a rollback)."""
        record = {"counter": current.counter, "head": current.head, "mac": self._mac(current)}
        data = json.dumps(record).encode("ascii")
        for path in self.paths:
            make_private_dir(path.parent)
            write_atomic(path, data)
