"""Encrypted drafts: an editor's unsaved work, kept safe across a crash or a lock.

An edit in progress is not a revision yet (it may be half-typed or invalid),
but losing it loses a testimony. The editor autosaves its form here every few
seconds while it has unsaved changes, and the app offers the draft back after
the next unlock. Nothing here is ever plaintext on disk:

* one file per draft in ``drafts/``, named by an HMAC of the draft name (so a
  directory listing does not even tell which incident is being edited);
* AES-256-GCM with a random 96-bit nonce, under a key derived from the vault's
  data key (``derive_subkey(DEK, "drafts")``, then HKDF per use);
* the associated data binds the format version and the file's name token, and
  the plaintext repeats the draft name, so a draft copied over another's file
  fails to open instead of restoring the wrong text;
* written to a temp file, fsynced, renamed (``files.write_atomic``).

Writers run on worker threads in any order; each call may carry a ``seq``
(increasing per editor session) and a call older than the last one applied to
the same draft is ignored, so a slow autosave can never resurrect a draft that
a later save already discarded.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import hmac
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from hradvisor.store.errors import IntegrityError, TooLarge
from hradvisor.store.files import (
    fsync_directory,
    make_private_dir,
    remove_stale_temps,
    write_atomic,
)

MAGIC = b"HRDRAFT1"
SUFFIX = ".draft"
NONCE_BYTES = 12
MAX_DRAFT_BYTES = 4 * 1024 * 1024  # a form is a few KiB; a narrative at most ~400 KiB
NAME_MAX = 200


@dataclass(frozen=True)
class Draft:
    """One saved draft: its name, what the editor saved, and when (UTC, ISO 8601)."""

    name: str
    data: dict[str, Any]
    saved_at: str


def _subkey(key: bytes, use: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"drafts/" + use.encode())
    return hkdf.derive(key)


class DraftStore:
    """The drafts of one vault. *key* is ``derive_subkey(data_key, "drafts")``."""

    def __init__(self, directory: Path, key: bytes) -> None:
        self._dir = Path(directory)
        self._aead = AESGCM(_subkey(key, "encrypt"))
        self._name_key = _subkey(key, "name")
        self._lock = threading.Lock()
        self._applied: dict[str, int] = {}
        if self._dir.is_dir():
            remove_stale_temps(self._dir)

    def _token(self, name: str) -> str:
        return hmac.new(self._name_key, name.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def _path(self, name: str) -> Path:
        if not name or len(name) > NAME_MAX:
            raise ValueError("a draft name must have 1 to 200 characters")
        return self._dir / f"{self._token(name)}{SUFFIX}"

    def _fresh(self, name: str, seq: int | None) -> bool:
        """Under the lock: True (and remember *seq*) unless a later call already ran."""
        if seq is None:
            return True
        if seq < self._applied.get(name, -1):
            return False
        self._applied[name] = seq
        return True

    def save(
        self, name: str, data: dict[str, Any], *, saved_at: str, seq: int | None = None
    ) -> bool:
        """Encrypt and store *data* as draft *name*, replacing any earlier one.

        Returns False if a later call (by *seq*) for this name already ran.
        """
        path = self._path(name)
        body = json.dumps(
            {"name": name, "saved_at": saved_at, "data": data}, ensure_ascii=False
        ).encode("utf-8")
        if len(body) > MAX_DRAFT_BYTES:
            raise TooLarge("the draft is larger than 4 MiB")
        nonce = os.urandom(NONCE_BYTES)
        sealed = MAGIC + nonce + self._aead.encrypt(nonce, body, self._aad(path))
        with self._lock:
            if not self._fresh(name, seq):
                return False
            make_private_dir(self._dir)
            write_atomic(path, sealed)
        return True

    def load(self, name: str) -> Draft | None:
        """The draft called *name*, or None if there is none.

        IntegrityError if the file exists but does not open (damaged, or not this vault's).
        """
        path = self._path(name)
        if not path.is_file():
            return None
        try:
            return self._open(path, expected=name)
        except FileNotFoundError:
            return None  # discarded meanwhile: discards run on worker threads

    def list(self) -> builtins.list[Draft]:
        """Every draft that opens, oldest first. Files that do not open are left alone."""
        drafts = []
        for path in sorted(self._dir.glob(f"*{SUFFIX}")) if self._dir.is_dir() else []:
            with contextlib.suppress(IntegrityError, OSError):
                drafts.append(self._open(path, expected=None))
        return sorted(drafts, key=lambda draft: draft.saved_at)

    def discard(self, name: str, *, seq: int | None = None) -> bool:
        """Remove draft *name* (no error if there is none). False if a later call already ran."""
        path = self._path(name)
        with self._lock:
            if not self._fresh(name, seq):
                return False
            try:
                path.unlink()
            except FileNotFoundError:
                return True
            fsync_directory(self._dir)
        return True

    @staticmethod
    def _aad(path: Path) -> bytes:
        return MAGIC + path.name.encode("ascii")

    def _open(self, path: Path, *, expected: str | None) -> Draft:
        sealed = path.read_bytes()
        if len(sealed) > MAX_DRAFT_BYTES + 64 or not sealed.startswith(MAGIC):
            raise IntegrityError("a draft file is damaged")
        nonce = sealed[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            body = self._aead.decrypt(nonce, sealed[len(MAGIC) + NONCE_BYTES :], self._aad(path))
            doc = json.loads(body)
        except (InvalidTag, ValueError):
            raise IntegrityError("a draft file is damaged or belongs to another vault") from None
        name = doc.get("name") if isinstance(doc, dict) else None
        if not isinstance(name, str) or self._path(name) != path:
            raise IntegrityError("a draft file was moved from another draft's place")
        if expected is not None and name != expected:
            raise IntegrityError("a draft file was moved from another draft's place")
        data, saved_at = doc.get("data"), doc.get("saved_at")
        if not isinstance(data, dict) or not isinstance(saved_at, str):
            raise IntegrityError("a draft file is damaged")
        return Draft(name, data, saved_at)
