"""Sync identities: who may send to whom, and who signed what (DESIGN §8).

Every device and HQ hold the same two kinds of key:

* an HPKE recipient key, ML-KEM-768 + X25519 (so traffic recorded today stays
  secret if either the lattice or the elliptic-curve problem falls), and
* a hybrid signing key, Ed25519 + ML-DSA-65. A hybrid signature is valid only
  when BOTH halves verify, so forging one needs breaking both schemes.

The public half travels as a fixed-size ``PublicBundle`` whose fingerprint is
short enough to read aloud over a phone. Byte layouts are in
docs/package-format.md.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import ed25519, mldsa, mlkem, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hradvisor.model.canonical import canonical_json
from hradvisor.store.errors import IntegrityError, WrongPassphrase
from hradvisor.store.files import write_atomic
from hradvisor.store.keyfile import KdfParams, derive_kek
from hradvisor.sync.errors import BadSignature, PackageRejected

BUNDLE_MAGIC = b"HRPB"
SECRET_MAGIC = b"HRSK"
KEY_FORMAT_VERSION = 1
MLKEM_PUBLIC_BYTES = 1184
X25519_BYTES = 32
ED25519_BYTES = 32
MLDSA_PUBLIC_BYTES = 1952
MLKEM_SEED_BYTES = 64
MLDSA_SEED_BYTES = 32
BUNDLE_BYTES = 5 + MLKEM_PUBLIC_BYTES + X25519_BYTES + ED25519_BYTES + MLDSA_PUBLIC_BYTES
SECRET_BYTES = 5 + MLKEM_SEED_BYTES + X25519_BYTES + ED25519_BYTES + MLDSA_SEED_BYTES
ED25519_SIGNATURE_BYTES = 64
MLDSA_SIGNATURE_BYTES = 3309
SIGNATURE_BYTES = ED25519_SIGNATURE_BYTES + MLDSA_SIGNATURE_BYTES
FINGERPRINT_BYTES = 20
IDENTITY_FILE_FORMAT = "hradvisor-sync-identity"
_MAX_IDENTITY_FILE = 64 * 1024


def fingerprint_of(bundle_id: bytes) -> str:
    """The first 160 bits of a bundle id in base32, in groups of four for reading aloud."""
    text = base64.b32encode(bundle_id[:FINGERPRINT_BYTES]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, spaces or dashes) in the canonical grouped form."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


@dataclass(frozen=True)
class PublicBundle:
    """The public keys of one identity: what HQ and a device exchange at enrollment."""

    kem: hpke.MLKEM768X25519PublicKey
    ed25519: ed25519.Ed25519PublicKey
    mldsa: mldsa.MLDSA65PublicKey
    raw: bytes

    @classmethod
    def from_bytes(cls, data: bytes) -> PublicBundle:
        """Parse a bundle; PackageRejected("bad public bundle") for anything malformed."""
        data = bytes(data)
        if len(data) != BUNDLE_BYTES or data[:4] != BUNDLE_MAGIC:
            raise PackageRejected("bad public bundle", what="public bundle")
        if data[4] != KEY_FORMAT_VERSION:
            raise PackageRejected("unsupported bundle version", what="public bundle")
        parts = _split(data[5:], (MLKEM_PUBLIC_BYTES, X25519_BYTES, ED25519_BYTES))
        try:
            kem = hpke.MLKEM768X25519PublicKey(
                mlkem.MLKEM768PublicKey.from_public_bytes(parts[0]),
                x25519.X25519PublicKey.from_public_bytes(parts[1]),
            )
            signer = ed25519.Ed25519PublicKey.from_public_bytes(parts[2])
            lattice = mldsa.MLDSA65PublicKey.from_public_bytes(parts[3])
        except ValueError:
            raise PackageRejected("bad public bundle", what="public bundle") from None
        return cls(kem=kem, ed25519=signer, mldsa=lattice, raw=data)

    def to_bytes(self) -> bytes:
        return self.raw

    @property
    def bundle_id(self) -> bytes:
        """SHA-256 of the bundle bytes: the recipient id in package headers."""
        return hashlib.sha256(self.raw).digest()

    @property
    def fingerprint(self) -> str:
        """Short base32 form of ``bundle_id`` (32 letters in 8 groups) for checking by phone."""
        return fingerprint_of(self.bundle_id)

    def verify(self, data: bytes, signature: bytes) -> Literal[True]:
        """True if BOTH Ed25519 and ML-DSA-65 signed *data*; raises BadSignature otherwise.

        Returning True and raising on failure makes both ``if bundle.verify(...)``
        and a bare call safe.
        """
        if len(signature) != SIGNATURE_BYTES:
            raise BadSignature("bad signature length")
        classic, lattice = signature[:ED25519_SIGNATURE_BYTES], signature[ED25519_SIGNATURE_BYTES:]
        try:
            self.ed25519.verify(classic, data)
        except InvalidSignature:
            raise BadSignature("Ed25519 signature does not verify") from None
        try:
            self.mldsa.verify(lattice, data)
        except InvalidSignature:
            raise BadSignature("ML-DSA-65 signature does not verify") from None
        return True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PublicBundle) and other.raw == self.raw

    def __hash__(self) -> int:
        return hash(self.raw)

    def __repr__(self) -> str:
        return f"PublicBundle({self.fingerprint})"


class Identity:
    """A private identity: HPKE recipient key and hybrid signing key. Never log one."""

    def __init__(
        self,
        kem_seed: bytes,
        x25519_key: x25519.X25519PrivateKey,
        ed25519_key: ed25519.Ed25519PrivateKey,
        mldsa_seed: bytes,
    ) -> None:
        self._kem_seed = bytes(kem_seed)
        self._mldsa_seed = bytes(mldsa_seed)
        self._x25519 = x25519_key
        self._ed25519 = ed25519_key
        self._mldsa = mldsa.MLDSA65PrivateKey.from_seed_bytes(self._mldsa_seed)
        self.kem_private_key = hpke.MLKEM768X25519PrivateKey(
            mlkem.MLKEM768PrivateKey.from_seed_bytes(self._kem_seed), x25519_key
        )
        self._bundle = self._make_bundle()

    def _make_bundle(self) -> PublicBundle:
        kem = mlkem.MLKEM768PrivateKey.from_seed_bytes(self._kem_seed).public_key()
        raw = b"".join(
            (
                BUNDLE_MAGIC,
                bytes([KEY_FORMAT_VERSION]),
                kem.public_bytes_raw(),
                self._x25519.public_key().public_bytes_raw(),
                self._ed25519.public_key().public_bytes_raw(),
                self._mldsa.public_key().public_bytes_raw(),
            )
        )
        return PublicBundle.from_bytes(raw)

    def public_bundle(self) -> PublicBundle:
        return self._bundle

    @property
    def fingerprint(self) -> str:
        return self._bundle.fingerprint

    def sign(self, data: bytes) -> bytes:
        """Hybrid signature: Ed25519 (64 bytes) then ML-DSA-65 (3,309 bytes), same message."""
        return self._ed25519.sign(data) + self._mldsa.sign(data)

    def secret_bytes(self) -> bytes:
        """The private keys in the fixed layout of docs/package-format.md. Keep encrypted."""
        return b"".join(
            (
                SECRET_MAGIC,
                bytes([KEY_FORMAT_VERSION]),
                self._kem_seed,
                self._x25519.private_bytes_raw(),
                self._ed25519.private_bytes_raw(),
                self._mldsa_seed,
            )
        )

    @classmethod
    def from_secret_bytes(cls, data: bytes) -> Identity:
        data = bytes(data)
        if len(data) != SECRET_BYTES or data[:4] != SECRET_MAGIC or data[4] != KEY_FORMAT_VERSION:
            raise IntegrityError("the sync identity is damaged (not a private key set)")
        kem_seed, x_raw, ed_raw, mldsa_seed = _split(
            data[5:], (MLKEM_SEED_BYTES, X25519_BYTES, ED25519_BYTES)
        )
        return cls(
            kem_seed,
            x25519.X25519PrivateKey.from_private_bytes(x_raw),
            ed25519.Ed25519PrivateKey.from_private_bytes(ed_raw),
            mldsa_seed,
        )

    def __repr__(self) -> str:
        return f"Identity({self.fingerprint})"


def generate_identity() -> Identity:
    """A fresh identity from the operating system's random generator."""
    return Identity(
        os.urandom(MLKEM_SEED_BYTES),
        x25519.X25519PrivateKey.generate(),
        ed25519.Ed25519PrivateKey.generate(),
        os.urandom(MLDSA_SEED_BYTES),
    )


def _split(data: bytes, sizes: tuple[int, ...]) -> list[bytes]:
    """Cut *data* at *sizes*; the remainder is the last part."""
    parts, offset = [], 0
    for size in sizes:
        parts.append(data[offset : offset + size])
        offset += size
    parts.append(data[offset:])
    return parts


def _identity_aad(document: dict[str, Any]) -> bytes:
    return canonical_json(
        {"format": document["format"], "version": document["version"], "kdf": document["kdf"]}
    )


def save_identity(
    identity: Identity, path: Path, passphrase: str, *, kdf: KdfParams | None = None
) -> None:
    """Write *identity* to *path* wrapped like ``vault.key``: Argon2id KEK, AES-256-GCM.

    For HQ, whose keys live outside any vault. The KDF parameters are the
    associated data, so they cannot be edited down.
    """
    params = kdf or KdfParams()
    salt, nonce = os.urandom(16), os.urandom(12)
    document: dict[str, Any] = {
        "format": IDENTITY_FILE_FORMAT,
        "version": KEY_FORMAT_VERSION,
        "kdf": {
            "algorithm": "argon2id",
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
            "salt": base64.b64encode(salt).decode("ascii"),
        },
    }
    sealed = AESGCM(derive_kek(passphrase, salt, params)).encrypt(
        nonce, identity.secret_bytes(), _identity_aad(document)
    )
    document["wrap"] = {
        "algorithm": "AES-256-GCM",
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "ciphertext": base64.b64encode(sealed).decode("ascii"),
    }
    write_atomic(Path(path), json.dumps(document, indent=2, sort_keys=True).encode() + b"\n")


def load_identity(path: Path, passphrase: str) -> Identity:
    """Read an identity file; WrongPassphrase (exit 3) or IntegrityError (exit 4)."""
    raw = Path(path).read_bytes()
    problem = f"{Path(path).name} is not a valid sync identity file"
    if len(raw) > _MAX_IDENTITY_FILE:
        raise IntegrityError(problem)
    try:
        document = json.loads(raw)
        kdf, wrap = document["kdf"], document["wrap"]
        if document["format"] != IDENTITY_FILE_FORMAT or document["version"] != 1:
            raise ValueError("format")
        params = KdfParams(
            memory_kib=_bounded(kdf["memory_kib"], 4 * 1024 * 1024),
            iterations=_bounded(kdf["iterations"], 64),
            lanes=_bounded(kdf["lanes"], 64),
        )
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(wrap["nonce"], validate=True)
        sealed = base64.b64decode(wrap["ciphertext"], validate=True)
        if kdf["algorithm"] != "argon2id" or wrap["algorithm"] != "AES-256-GCM" or len(salt) < 8:
            raise ValueError("algorithm")
        aad = _identity_aad(document)
    except (ValueError, KeyError, TypeError):
        raise IntegrityError(problem) from None
    try:
        secret = AESGCM(derive_kek(passphrase, salt, params)).decrypt(nonce, sealed, aad)
    except (InvalidTag, ValueError):
        raise WrongPassphrase("wrong passphrase for the sync identity") from None
    return Identity.from_secret_bytes(secret)


def _bounded(value: Any, maximum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= maximum:
        raise ValueError("out of range")
    return value
