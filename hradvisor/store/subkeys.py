"""Purpose-bound keys derived from the vault's data key.

One key per purpose means a flaw in one use (blob names, state MAC, blob key
wrapping) never exposes another, and the data key itself is only ever the
SQLCipher key and the HKDF input.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_PURPOSES = frozenset({"blob-name", "blob-key-wrap", "state-mac", "drafts"})


def derive_subkey(data_key: bytes | bytearray, purpose: str) -> bytes:
    """Return the 32-byte HKDF-SHA256 subkey of *data_key* for *purpose*.

    The info string is ``b"hradvisor/v1/" + purpose`` (see docs/vault-format.md).
    """
    if purpose not in _PURPOSES:
        raise ValueError(f"unknown key purpose {purpose!r}")
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"hradvisor/v1/" + purpose.encode("ascii"),
    )
    return hkdf.derive(bytes(data_key))
