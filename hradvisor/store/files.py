"""The one way the vault writes a file: private, atomic and durable.

Every file the vault writes (key header, state witness, blobs) goes through
here so that a crash leaves either the old file or the new one, never a torn
mix, and nothing is ever readable by other users of the machine.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".partial"


def fsync_directory(directory: Path) -> None:
    """Make a rename or unlink in *directory* durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(path: Path) -> None:
    """Create *path* (and parents) readable only by the owner."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces *path* atomically when the block ends.

    The temporary file lives in the same directory (so rename is atomic), is
    created 0600, is fsynced before the rename and removed if the block fails.
    Callers write only ciphertext or non-secret metadata through it, except an
    explicit user export (a crash mid-export can leave a ``.partial`` file in
    the folder the user chose).
    """
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        fsync_directory(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Replace *path* with *data* atomically and durably (see atomic_writer)."""
    with atomic_writer(path) as handle:
        handle.write(data)


def remove_stale_temps(directory: Path) -> None:
    """Delete temp files a crash left behind; they never hold plaintext."""
    for stale in directory.glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
