"""Errors raised by the vault.

Each class maps to one exit code of the command line (DESIGN §10), so callers
can tell a mistyped passphrase from a tampered file without parsing messages.
Messages name the problem, never the data: no passphrase, key, name or
narrative ever appears in one.
"""

from __future__ import annotations


class VaultError(Exception):
    """Base class for every failure the vault reports to a user."""

    exit_code = 1


class VaultNotFound(VaultError):
    """The directory holds no vault (or no such directory)."""


class VaultExists(VaultError):
    """Creating a vault where one already is would destroy it."""


class WrongPassphrase(VaultError):
    """The passphrase (or recovery shares) did not unwrap the data key."""

    exit_code = 3


class UnlockThrottled(WrongPassphrase):
    """Too many failed unlocks: the next attempt must wait."""

    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(
            f"too many failed unlock attempts: try again in {max(1, round(wait_seconds))} s"
        )


class IntegrityError(VaultError):
    """Something on disk was damaged or modified: the vault refuses to guess."""

    exit_code = 4


class RollbackDetected(IntegrityError):
    """The database is older than the vault last recorded: a copy was restored."""


class VaultTooNew(VaultError):
    """The vault was written by a newer hradvisor; opening it could damage it."""


class ConflictError(VaultError):
    """An edit was based on an old revision: saving would silently overwrite a newer one."""


class DuplicateRecord(VaultError):
    """A record with that id is already in the vault: adding it again would overwrite it."""


class NotFound(VaultError):
    """No record with that id."""


class InvalidCursor(VaultError):
    """A page cursor that this listing did not hand out (mistyped, truncated, forged)."""

    exit_code = 2


class TooLarge(VaultError):
    """An input exceeded a configured size cap and was refused before it was stored."""

    exit_code = 2
