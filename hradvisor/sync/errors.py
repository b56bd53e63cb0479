"""Errors of the sync layer, each with the exit code of DESIGN §10.

They subclass the vault's error so the command line (and the HQ service)
maps them to exit codes in one place. Messages name the problem in a few
words and never quote the data, the key or the package contents.
"""

from __future__ import annotations

from hradvisor.store.errors import VaultError


class SyncError(VaultError):
    """A sync step failed for a reason a person can act on (not enrolled, HQ unreachable)."""


class PackageRejected(SyncError):
    """A package, receipt, enrollment request or token failed a check: nothing was accepted.

    ``reason`` is a short, stable phrase ("bad signature", "wrong recipient")
    that HQ can log and return to the device without revealing anything else.
    """

    exit_code = 5

    def __init__(self, reason: str, *, what: str = "package") -> None:
        self.reason = reason
        self.what = what
        super().__init__(f"{what} rejected: {reason}")


class ReceiptRejected(PackageRejected):
    """A receipt that HQ did not sign, or that does not match what this device sent."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, what="receipt")


class EnrollmentRejected(PackageRejected):
    """An enrollment request that is malformed or not signed by the key it presents."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, what="enrollment request")


class TokenRejected(PackageRejected):
    """A request token that is malformed, stale, replayed or not signed by an enrolled device."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, what="request token")


class BadSignature(PackageRejected):
    """A hybrid signature where the Ed25519 half, the ML-DSA-65 half, or both fail."""

    def __init__(self, reason: str = "bad signature") -> None:
        super().__init__(reason, what="signature")
