"""Errors the HQ side raises, each carrying the exit code the command line uses (DESIGN §10).

They subclass the vault's errors so one handler maps every failure to a code;
messages name the problem, never package content.
"""

from __future__ import annotations

from hradvisor.store.errors import VaultError


class HQError(VaultError):
    """A failure an HQ operator should read (exit 1)."""


class HQUsageError(HQError):
    """The operator asked for something that cannot be (unknown device, bad state): exit 2."""

    exit_code = 2


class Rejected(HQError):
    """A package HQ refuses: nothing of it was stored, the reason was logged (exit 5)."""

    exit_code = 5

    def __init__(self, reason: str, *, device_id: str | None = None) -> None:
        self.reason = reason
        self.device_id = device_id
        super().__init__(f"package rejected: {reason}")


class UploadError(HQError):
    """A resumable-upload request that cannot be honoured; *status* is the HTTP answer."""

    def __init__(self, status: int, message: str, *, offset: int | None = None) -> None:
        self.status = status
        self.offset = offset  # where the upload stands, for a 409
        super().__init__(message)
