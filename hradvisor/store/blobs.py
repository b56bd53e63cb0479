"""The encrypted attachment store: photos, audio and documents in a vault's ``blobs/``.

A seized laptop must reveal nothing, so an attachment only ever reaches disk as
ciphertext (the one exception is :meth:`BlobStore.export_to`, which the user
asks for). Each file is sealed under its own random key, so a file never shares
a key or nonce with another; its name is a keyed hash of the blob id, so names
link nothing to the database; and its size is padded (Padmé), so the stored
size tells little about the content. Layout (see docs/vault-format.md)::

    header, 72 bytes, the AAD of every chunk
       0   4  magic b"HRAB"
       4   1  format version, 1
       5   7  STREAM nonce prefix (random)
      12  12  key-wrap nonce (random)
      24  48  AES-256-GCM(wrap subkey, file key), AAD = header[0:24] || blob id
    chunks, from offset 72
      AES-256-GCM(file key, nonce = prefix || index (4, BE) || last (1), AAD = header),
      every chunk but the last 64 KiB of plaintext + 16-byte tag, the last 1..64 KiB + tag
    plaintext frame, across the chunks
      true length (8, BE) || data || zeros up to padme(max(8 + length, 4096))
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import os
import re
import secrets
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hmac import HMAC

from hradvisor.store.errors import IntegrityError, NotFound, TooLarge
from hradvisor.store.files import (
    atomic_writer,
    fsync_directory,
    make_private_dir,
    remove_stale_temps,
)
from hradvisor.store.subkeys import derive_subkey

_MAGIC = b"HRAB"
_VERSION = 1
_CHUNK = 64 * 1024
_TAG = 16
_SEALED = _CHUNK + _TAG
_PREFIX_AT = len(_MAGIC) + 1
_PREFIX_LEN = 7
_WRAP_NONCE_LEN = 12
_KEY_LEN = 32
_FIXED_LEN = _PREFIX_AT + _PREFIX_LEN + _WRAP_NONCE_LEN
_HEADER_LEN = _FIXED_LEN + _KEY_LEN + _TAG
_LENGTH = struct.Struct(">Q")
_MAX_CHUNKS = 2**32
_ID_RE = re.compile(r"[0-9a-f]{32}")
_NAME_RE = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class BlobInfo:
    """What the database records about a stored attachment."""

    blob_id: str
    size: int
    sha256: str
    stored_size: int


def _padme(length: int) -> int:
    """Round *length* up the Padmé way (PURBs, Nikitin et al. 2019).

    At most ~12% overhead, and the padded size leaks only O(log log L) bits.
    """
    if length < 2:
        return length
    exponent = length.bit_length() - 1
    mask = (1 << (exponent - exponent.bit_length())) - 1
    return (length + mask) & ~mask


MIN_FRAME = 4096


def _frame_size(framed: int) -> int:
    """Padded frame size: Padmé, but never below 4 KiB so small files all look alike."""
    return _padme(max(framed, MIN_FRAME))


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    """STREAM nonce: the index stops reordering, the flag stops truncation and extension."""
    if index >= _MAX_CHUNKS:
        raise TooLarge("attachment has more chunks than the format can number")
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


class _Stream:
    """One file's STREAM state: its key, nonce prefix and header (the AAD)."""

    def __init__(self, file_key: bytes, header: bytes) -> None:
        self._aead = AESGCM(file_key)
        self._prefix = header[_PREFIX_AT : _PREFIX_AT + _PREFIX_LEN]
        self._header = header

    def seal(self, index: int, plaintext: bytes, last: bool) -> bytes:
        return self._aead.encrypt(_nonce(self._prefix, index, last), plaintext, self._header)

    def open(self, index: int, sealed: bytes, last: bool) -> bytes:
        """Decrypt one chunk; raises InvalidTag unless it is this file's chunk *index*."""
        return self._aead.decrypt(_nonce(self._prefix, index, last), sealed, self._header)


class _Source:
    """The caller's stream, read in bounded pieces, counted, hashed and capped."""

    def __init__(self, stream: BinaryIO, max_size: int) -> None:
        self._stream = stream
        self._max_size = max_size
        self.hash = hashlib.sha256()
        self.size = 0

    def read(self, count: int) -> bytes:
        """Return *count* bytes, fewer only at the end of the source."""
        parts: list[bytes] = []
        missing = count
        while missing and (piece := self._stream.read(missing)):
            parts.append(piece)
            missing -= len(piece)
        data = b"".join(parts)
        self.size += len(data)
        if self.size > self._max_size:
            raise TooLarge(f"attachment exceeds the size limit of {self._max_size} bytes")
        self.hash.update(data)
        return data


def _framed_chunks(source: _Source) -> Iterator[bytes]:
    """Yield each chunk's plaintext: the data, then the Padmé zero padding.

    Chunk 0 comes without its 8-byte length prefix, which only the end of the
    source reveals. Every chunk but the last is exactly 64 KiB of the frame.
    """
    want = _CHUNK - _LENGTH.size
    while len(data := source.read(want)) == want:
        yield data
        want = _CHUNK
    framed = _LENGTH.size + source.size
    padding = _frame_size(framed) - framed
    room = min(padding, want - len(data))
    if data or room or want != _CHUNK:  # chunk 0 exists even for an empty attachment
        yield data + bytes(room)
    padding -= room
    while padding > 0:
        step = min(padding, _CHUNK)
        yield bytes(step)
        padding -= step


def _write_chunks(out: BinaryIO, stream: _Stream, source: _Source) -> None:
    """Seal and write every chunk, chunk 0 last, once the true length is known.

    Until then chunk 0's place holds zeros (never plaintext); it is sealed once,
    so no nonce is ever used twice, and only 64 KiB is kept in memory for it.
    """
    chunks = _framed_chunks(source)
    start = out.tell()
    first = pending = next(chunks)
    index = 0
    for piece in chunks:
        if index == 0:
            out.write(bytes(_LENGTH.size + len(first) + _TAG))
        else:
            out.write(stream.seal(index, pending, last=False))
        pending, index = piece, index + 1
    head = _LENGTH.pack(source.size) + first
    if index == 0:
        out.write(stream.seal(0, head, last=True))
        return
    out.write(stream.seal(index, pending, last=True))
    out.seek(start)
    out.write(stream.seal(0, head, last=False))
    out.seek(0, os.SEEK_END)


def _sealed_blocks(handle: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """Yield each sealed chunk and whether the file ends after it (one block lookahead)."""
    block = handle.read(_SEALED)
    while len(block) == _SEALED and (following := handle.read(_SEALED)):
        yield block, False
        block = following
    yield block, True


def _damaged(path: Path, problem: str) -> IntegrityError:
    return IntegrityError(f"attachment file {path.parent.name}/{path.name}: {problem}")


def _unframe(chunks: Iterator[bytes], path: Path) -> Iterator[bytes]:
    """Yield the true data of the frame; check the length and that the padding is zero."""
    first = next(chunks, b"")
    if len(first) < _LENGTH.size:
        raise _damaged(path, "first chunk is too short")
    remaining = _LENGTH.unpack_from(first)[0]
    expected = _frame_size(_LENGTH.size + remaining)
    framed = _LENGTH.size
    for body in itertools.chain([first[_LENGTH.size :]], chunks):
        framed += len(body)
        data, padding = body[:remaining], body[remaining:]
        remaining -= len(data)
        if framed > expected or padding.count(0) != len(padding):
            raise _damaged(path, "padding is malformed")
        if data:
            yield data
    if framed != expected:
        raise _damaged(path, "length does not match its padding")


class BlobStore:
    """Attachments of one vault, sealed under keys derived from its data key."""

    def __init__(self, directory: Path, data_key: bytes) -> None:
        """Open (creating 0700) *directory*, i.e. ``<vault>/blobs``.

        Stale temp files of an interrupted put are removed: they hold only
        ciphertext, but they are garbage and would confuse a vault check.
        """
        if len(data_key) != _KEY_LEN:
            raise ValueError("the data key must be 32 bytes")
        self._dir = directory
        self._name_key = derive_subkey(data_key, "blob-name")
        self._wrap = AESGCM(derive_subkey(data_key, "blob-key-wrap"))
        make_private_dir(directory)
        remove_stale_temps(directory)
        for fanout in directory.glob("??/"):
            remove_stale_temps(fanout)

    def put(self, source: bytes | BinaryIO, *, max_size: int = 256 * 1024 * 1024) -> BlobInfo:
        """Store *source* (bytes or a binary file) under a new random id.

        A file is streamed 64 KiB at a time, so big recordings never sit in
        memory. On TooLarge or a read error nothing is left on disk.
        """
        if isinstance(source, (bytes, bytearray)):
            if len(source) > max_size:
                raise TooLarge(f"attachment exceeds the size limit of {max_size} bytes")
            source = io.BytesIO(source)
        blob_id = secrets.token_hex(16)
        path = self._path(blob_id)
        make_private_dir(path.parent)
        file_key = AESGCM.generate_key(bit_length=256)
        header = self._header(blob_id, file_key)
        reader = _Source(source, max_size)
        with atomic_writer(path) as out:
            out.write(header)
            _write_chunks(out, _Stream(file_key, header), reader)
            stored_size = out.tell()
        return BlobInfo(blob_id, reader.size, reader.hash.hexdigest(), stored_size)

    def read(self, blob_id: str) -> bytes:
        """Return the whole attachment, only once every chunk has authenticated."""
        return b"".join(self.iter_chunks(blob_id))

    def iter_chunks(self, blob_id: str) -> Iterator[bytes]:
        """Yield the attachment piece by piece, each authenticated before it is yielded.

        NotFound is raised here, not at the first ``next``; damage (including a
        truncated, reordered or extended file) raises IntegrityError mid-way,
        so a consumer must discard what it got when that happens.
        """
        return self._decrypt(blob_id, self._existing(blob_id))

    def export_to(self, blob_id: str, destination: Path) -> None:
        """Write a plaintext copy to *destination* (atomic, 0600), because the user asked.

        This is the only place plaintext reaches disk; a failed export leaves
        no partial file behind.
        """
        chunks = self.iter_chunks(blob_id)
        with atomic_writer(destination) as out:
            for piece in chunks:
                out.write(piece)

    def delete(self, blob_id: str) -> None:
        """Remove the attachment; deleting a missing one is not an error (retries are safe)."""
        path = self._path(blob_id)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            fsync_directory(path.parent)

    def exists(self, blob_id: str) -> bool:
        return self._path(blob_id).is_file()

    def verify(self, blob_id: str) -> BlobInfo:
        """Authenticate the whole file without keeping the plaintext; IntegrityError on damage."""
        path = self._existing(blob_id)
        digest = hashlib.sha256()
        size = 0
        for piece in self._decrypt(blob_id, path):
            digest.update(piece)
            size += len(piece)
        return BlobInfo(blob_id, size, digest.hexdigest(), path.stat().st_size)

    def stored_files(self) -> list[Path]:
        """Every blob file on disk, so a vault check can find orphans and strays."""
        return sorted(
            path
            for path in self._dir.glob("??/*")
            if _NAME_RE.fullmatch(path.name) and path.name[:2] == path.parent.name
        )

    def _path(self, blob_id: str) -> Path:
        """Where *blob_id* lives: a keyed hash, so the name links nothing to the database."""
        if not _ID_RE.fullmatch(blob_id):
            raise ValueError("malformed attachment id")
        mac = HMAC(self._name_key, hashes.SHA256())
        mac.update(blob_id.encode("ascii"))
        name = mac.finalize().hex()
        return self._dir / name[:2] / name

    def _existing(self, blob_id: str) -> Path:
        path = self._path(blob_id)
        if not path.is_file():
            raise NotFound(f"no attachment {blob_id}")
        return path

    def _header(self, blob_id: str, file_key: bytes) -> bytes:
        """Build the header; the wrap's AAD binds the key to this id and this header."""
        fixed = _MAGIC + bytes([_VERSION]) + secrets.token_bytes(_PREFIX_LEN + _WRAP_NONCE_LEN)
        wrap_nonce = fixed[-_WRAP_NONCE_LEN:]
        return fixed + self._wrap.encrypt(wrap_nonce, file_key, fixed + blob_id.encode("ascii"))

    def _open_stream(self, blob_id: str, path: Path, handle: BinaryIO) -> _Stream:
        """Check the header and unwrap the file key; a copied file fails here."""
        header = handle.read(_HEADER_LEN)
        if len(header) < _HEADER_LEN:
            raise _damaged(path, "header is truncated")
        if header[: len(_MAGIC)] != _MAGIC:
            raise _damaged(path, "not an attachment file (bad magic)")
        if header[len(_MAGIC)] != _VERSION:
            raise _damaged(path, f"unsupported format version {header[len(_MAGIC)]}")
        fixed = header[:_FIXED_LEN]
        aad = fixed + blob_id.encode("ascii")
        try:
            file_key = self._wrap.decrypt(fixed[-_WRAP_NONCE_LEN:], header[_FIXED_LEN:], aad)
        except InvalidTag:
            raise _damaged(path, "file key failed authentication") from None
        return _Stream(file_key, header)

    def _decrypt(self, blob_id: str, path: Path) -> Iterator[bytes]:
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            raise NotFound(f"no attachment {blob_id}") from None
        with handle:
            stream = self._open_stream(blob_id, path, handle)
            yield from _unframe(_opened_chunks(stream, handle, path), path)


def _opened_chunks(stream: _Stream, handle: BinaryIO, path: Path) -> Iterator[bytes]:
    """Decrypt chunk after chunk; any failure is damage, named by chunk index only."""
    for index, (block, last) in enumerate(_sealed_blocks(handle)):
        try:
            plaintext = stream.open(index, block, last)
        except InvalidTag:
            raise _damaged(path, f"chunk {index} failed authentication") from None
        yield plaintext
