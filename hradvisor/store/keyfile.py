"""The key header (``vault.key``): the data key wrapped by the passphrase.

The database is encrypted with a random 256-bit data key (DEK). The
passphrase never touches the database: Argon2id turns it into a key-encryption
key that wraps the DEK with AES-256-GCM. Changing the passphrase rewrites only
this small file; recovery shares restore the DEK itself.

The file is JSON so a user can read it with any tool (docs/vault-format.md).
The KDF parameters are bound to the wrapped key as AES-GCM associated data, so
editing them makes unwrapping fail; a SHA-256 checksum over the rest lets us
tell a damaged or edited header (exit 4) from a wrong passphrase (exit 3).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from hradvisor.model.canonical import canonical_json
from hradvisor.store.errors import IntegrityError, VaultNotFound, WrongPassphrase
from hradvisor.store.files import write_atomic

FORMAT = "hradvisor-vault-key"
VERSION = 1
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
MAX_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Stored in the header so a later version can raise it."""

    memory_kib: int = 256 * 1024
    iterations: int = 3
    lanes: int = 4

    MINIMUM_MEMORY_KIB = 256 * 1024
    MINIMUM_ITERATIONS = 3

    def meets_policy(self) -> bool:
        """True if this cost is at least what DESIGN §5 requires for real vaults."""
        return (
            self.memory_kib >= self.MINIMUM_MEMORY_KIB
            and self.iterations >= self.MINIMUM_ITERATIONS
        )


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC-normalised UTF-8, so the same words typed on any keyboard unlock the vault."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """The key-encryption key: Argon2id(passphrase, salt) with *params*."""
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalise_passphrase(passphrase))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _associated_data(header: dict[str, Any]) -> bytes:
    return canonical_json(
        {"format": header["format"], "version": header["version"], "kdf": header["kdf"]}
    )


def _checksum(header: dict[str, Any]) -> str:
    unsigned = {key: value for key, value in header.items() if key != "checksum"}
    return hashlib.sha256(canonical_json(unsigned)).hexdigest()


def build_header(data_key: bytes, passphrase: str, params: KdfParams) -> dict[str, Any]:
    """A new header wrapping *data_key* under *passphrase* (fresh salt and nonce)."""
    salt = os.urandom(SALT_BYTES)
    header: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": {
            "algorithm": "argon2id",
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
            "salt": _b64(salt),
        },
    }
    nonce = os.urandom(NONCE_BYTES)
    kek = derive_kek(passphrase, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, bytes(data_key), _associated_data(header))
    header["wrap"] = {"algorithm": "AES-256-GCM", "nonce": _b64(nonce), "ciphertext": _b64(wrapped)}
    header["checksum"] = _checksum(header)
    return header


def write_header(path: Path, header: dict[str, Any]) -> None:
    """Atomically replace the key header at *path*."""
    write_atomic(path, json.dumps(header, indent=2, sort_keys=True).encode("ascii") + b"\n")


def read_header(path: Path) -> dict[str, Any]:
    """Parse and structurally check the header; IntegrityError if damaged or edited."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if (path.parent / "vault.db").exists():
            raise IntegrityError(
                f"{path.name} is missing beside vault.db in {path.parent} (erased?): "
                "regain access with 'hradvisor vault recover' and two recovery shares"
            ) from None
        raise VaultNotFound(f"no vault here: {path.name} is missing in {path.parent}") from None
    problem = "vault.key is damaged or was modified"
    if len(raw) > MAX_HEADER_BYTES:
        raise IntegrityError(f"{problem} (too large)")
    try:
        header = json.loads(raw.decode("ascii"))
        _check_structure(header)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise IntegrityError(f"{problem} (not a valid key header)") from None
    if header["checksum"] != _checksum(header):
        raise IntegrityError(f"{problem} (checksum mismatch)")
    return dict(header)


def _check_structure(header: Any) -> None:
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValueError("not a key header")
    if header.get("version") != VERSION:
        raise ValueError("unsupported header version")
    kdf, wrap = header["kdf"], header["wrap"]
    if kdf["algorithm"] != "argon2id" or wrap["algorithm"] != "AES-256-GCM":
        raise ValueError("unsupported algorithm")
    for name in ("memory_kib", "iterations", "lanes"):
        if not isinstance(kdf[name], int) or isinstance(kdf[name], bool) or kdf[name] < 1:
            raise ValueError("bad KDF parameter")
    if kdf["memory_kib"] > 4 * 1024 * 1024 or kdf["iterations"] > 64 or kdf["lanes"] > 64:
        raise ValueError("KDF parameter out of range")
    if len(_unb64(kdf["salt"])) != SALT_BYTES or len(_unb64(wrap["nonce"])) != NONCE_BYTES:
        raise ValueError("bad salt or nonce")
    if len(_unb64(wrap["ciphertext"])) != KEY_BYTES + 16:
        raise ValueError("bad wrapped key")
    if not isinstance(header["checksum"], str):
        raise ValueError("bad checksum")


def kdf_params(header: dict[str, Any]) -> KdfParams:
    kdf = header["kdf"]
    return KdfParams(memory_kib=kdf["memory_kib"], iterations=kdf["iterations"], lanes=kdf["lanes"])


def unwrap_data_key(header: dict[str, Any], passphrase: str) -> bytearray:
    """The DEK, or WrongPassphrase. Costs one Argon2id derivation."""
    kek = derive_kek(passphrase, _unb64(header["kdf"]["salt"]), kdf_params(header))
    wrap = header["wrap"]
    try:
        key = AESGCM(kek).decrypt(
            _unb64(wrap["nonce"]), _unb64(wrap["ciphertext"]), _associated_data(header)
        )
    except InvalidTag:
        raise WrongPassphrase("wrong passphrase") from None
    return bytearray(key)
