"""Tests of the encrypted attachment store (hradvisor.store.blobs).

Offsets and the file-name formula are written out here from the documented
format (docs/vault-format.md), so a silent layout change fails these tests.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import os
import random
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from hradvisor.store import blobs, files
from hradvisor.store.blobs import BlobInfo, BlobStore
from hradvisor.store.errors import IntegrityError, NotFound, TooLarge
from hradvisor.store.subkeys import derive_subkey

CHUNK = 65536
HEADER = 72
SEALED = CHUNK + 16
FOUR_CHUNKS = 3 * CHUNK + 5  # frame padded to 200704 bytes: 3 full chunks + 4096


def padme(length: int) -> int:
    """Reference Padmé (Nikitin et al. 2019, Algorithm 1), written independently."""
    exponent = length.bit_length() - 1
    size_bits = exponent.bit_length()
    last_bits = exponent - size_bits
    mask = (1 << last_bits) - 1
    return (length + mask) & ~mask


def frame_size(framed: int) -> int:
    """Padmé with the 4 KiB floor the store applies."""
    return padme(max(framed, 4096))


def expected_stored_size(size: int) -> int:
    padded = frame_size(8 + size)
    return HEADER + padded + 16 * -(-padded // CHUNK)


def blob_path(directory: Path, key: bytes, blob_id: str) -> Path:
    name = hmac.new(derive_subkey(key, "blob-name"), blob_id.encode(), "sha256").hexdigest()
    return directory / name[:2] / name


def files_under(directory: Path) -> list[Path]:
    return sorted(path for path in directory.rglob("*") if path.is_file())


def seal_file(key: bytes, blob_id: str, frame: bytes) -> bytes:
    """An independent writer of the documented format, for reading-side tests."""
    fixed = b"HRAB\x01" + os.urandom(7) + os.urandom(12)
    file_key = os.urandom(32)
    wrap = AESGCM(derive_subkey(key, "blob-key-wrap"))
    header = fixed + wrap.encrypt(fixed[12:24], file_key, fixed + blob_id.encode())
    pieces = [frame[i : i + CHUNK] for i in range(0, len(frame), CHUNK)]
    out = [header]
    for index, piece in enumerate(pieces):
        last = b"\x01" if index == len(pieces) - 1 else b"\x00"
        nonce = fixed[5:12] + index.to_bytes(4, "big") + last
        out.append(AESGCM(file_key).encrypt(nonce, piece, header))
    return b"".join(out)


class TrickleSource(io.RawIOBase):
    """A source that returns short reads and records every request size."""

    def __init__(self, data: bytes, step: int = 1000) -> None:
        self._data = io.BytesIO(data)
        self._step = step
        self.requests: list[int] = []

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        self.requests.append(size)
        return self._data.read(min(self._step, size) if size >= 0 else size)


class VanishingSource(io.RawIOBase):
    """A file that disappears after *good* bytes have been read."""

    def __init__(self, good: int) -> None:
        self._left = good

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._left <= 0:
            raise OSError("file vanished")
        step = min(size, self._left)
        self._left -= step
        return os.urandom(step)


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault" / "blobs"


@pytest.fixture
def store(store_dir: Path, key: bytes) -> BlobStore:
    return BlobStore(store_dir, key)


# --- round trips -------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, FOUR_CHUNKS, CHUNK - 8, 2 * CHUNK - 8])
def test_round_trip(store: BlobStore, size: int) -> None:
    data = os.urandom(size)
    info = store.put(data)
    assert info.size == size
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert store.read(info.blob_id) == data
    assert b"".join(store.iter_chunks(info.blob_id)) == data
    assert store.verify(info.blob_id) == info
    [path] = store.stored_files()
    assert info.stored_size == path.stat().st_size == expected_stored_size(size)


@pytest.mark.parametrize("size", [0, 5, CHUNK - 8, FOUR_CHUNKS])
def test_round_trip_from_a_stream_with_short_reads(store: BlobStore, size: int) -> None:
    data = os.urandom(size)
    source = TrickleSource(data)
    info = store.put(source)  # type: ignore[arg-type]
    assert store.read(info.blob_id) == data
    assert info == store.verify(info.blob_id)
    assert max(source.requests) <= CHUNK  # streamed, never read whole
    assert all(request >= 0 for request in source.requests)


def test_iter_chunks_yields_bounded_pieces(store: BlobStore) -> None:
    data = os.urandom(FOUR_CHUNKS)
    pieces = list(store.iter_chunks(store.put(data).blob_id))
    assert len(pieces) > 1
    assert all(0 < len(piece) <= CHUNK for piece in pieces)
    assert b"".join(pieces) == data


@settings(max_examples=25, deadline=None)
@given(size=st.integers(min_value=0, max_value=300_000), seed=st.integers(0, 2**32))
def test_round_trip_property(
    tmp_path_factory: pytest.TempPathFactory, size: int, seed: int
) -> None:
    key = random.Random(seed).randbytes(32)
    store = BlobStore(tmp_path_factory.getbasetemp() / f"prop-{seed}", key)
    data = random.Random(seed + 1).randbytes(size)
    info = store.put(io.BytesIO(data))
    assert store.read(info.blob_id) == data
    assert info.stored_size == expected_stored_size(size)
    store.delete(info.blob_id)


# --- nothing leaks -----------------------------------------------------------------------


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Everything the store writes through atomic_writer."""
    chunks: list[bytes] = []
    real = files.atomic_writer

    class Spy:
        def __init__(self, handle: BinaryIO) -> None:
            self._handle = handle

        def write(self, data: bytes) -> int:
            chunks.append(bytes(data))
            return self._handle.write(data)

        def __getattr__(self, name: str) -> object:
            return getattr(self._handle, name)

    @contextlib.contextmanager
    def spying(path: Path) -> Iterator[Spy]:
        with real(path) as handle:
            yield Spy(handle)

    monkeypatch.setattr(blobs, "atomic_writer", spying)
    return chunks


def test_canary_never_reaches_disk(
    store: BlobStore, store_dir: Path, tmp_path: Path, private_tmp: Path, written: list[bytes]
) -> None:
    canary = f"canary-{secrets.token_hex(16)}"
    forms = [canary.encode(), canary.encode("utf-16-le")]
    middle = os.urandom(CHUNK - 3) + forms[0] + os.urandom(CHUNK) + forms[1]
    data = forms[0] + forms[1] + middle + forms[0] + os.urandom(99)  # in first/middle/last chunk
    source_file = tmp_path / "outside" / "photo.jpg"
    source_file.parent.mkdir()
    source_file.write_bytes(data)
    infos = [store.put(data), store.put(data[:100] + forms[0])]
    with source_file.open("rb") as handle:
        infos.append(store.put(handle))
    for info in infos:
        assert store.verify(info.blob_id).size == info.size
        assert store.read(info.blob_id) in (data, data[:100] + forms[0])
        list(store.iter_chunks(info.blob_id))
    everything = b"".join(written)
    assert len(everything) >= sum(info.stored_size for info in infos)
    for path in files_under(store_dir) + files_under(private_tmp):
        content = path.read_bytes()
        for form in forms:
            assert form not in content
            assert form not in everything
        assert canary not in str(path)


def test_file_names_reveal_nothing(store: BlobStore, store_dir: Path, key: bytes) -> None:
    infos = [store.put(os.urandom(10)) for _ in range(5)]
    names = [str(path.relative_to(store_dir)) for path in store_dir.rglob("*")]
    for info in infos:
        assert blob_path(store_dir, key, info.blob_id).is_file()  # documented keyed name
        for name in names:
            assert info.blob_id not in name
            assert info.sha256 not in name
    assert len(store.stored_files()) == 5


def test_same_content_gives_unrelated_files(store: BlobStore) -> None:
    data = b"x" * 1000
    first, second = store.put(data), store.put(data)
    assert first.blob_id != second.blob_id
    a, b = (path.read_bytes() for path in store.stored_files())
    assert a[:4] == b[:4] == b"HRAB"
    assert a[4:] != b[4:] and a[HEADER : HEADER + 32] != b[HEADER : HEADER + 32]


def test_small_files_all_look_identical(store: BlobStore) -> None:
    sizes = {store.put(os.urandom(n)).stored_size for n in (0, 1, 100, 4000)}
    assert len(sizes) == 1


def test_sizes_in_one_padme_bucket_look_identical(store: BlobStore) -> None:
    sizes = [100_000, 100_100, 100_300]  # frames 100008..100308 all pad to 100352
    stored = {store.put(os.urandom(size)).stored_size for size in sizes}
    assert stored == {expected_stored_size(100_000)}
    assert store.put(os.urandom(100_400)).stored_size > stored.pop()  # next bucket


def test_padding_overhead_is_bounded(store: BlobStore) -> None:
    for size in (5000, 70_000, 1_000_000):
        info = store.put(os.urandom(size))
        assert info.stored_size <= size * 1.13 + HEADER + 64
    assert store.put(os.urandom(1000)).stored_size == HEADER + 4096 + 16  # the 4 KiB floor


# --- tampering ---------------------------------------------------------------------------


def flip(offset: int) -> Callable[[bytes], bytes]:
    def mutate(content: bytes) -> bytes:
        return content[:offset] + bytes([content[offset] ^ 0x01]) + content[offset + 1 :]

    return mutate


def chunk(content: bytes, index: int) -> bytes:
    return content[HEADER + index * SEALED : HEADER + (index + 1) * SEALED]


TAMPERS: dict[str, Callable[[bytes], bytes]] = {
    "header magic": flip(0),
    "header version": flip(4),
    "header nonce prefix": flip(8),
    "header wrap nonce": flip(15),
    "header wrapped key": flip(30),
    "header key tag": flip(HEADER - 1),
    "first chunk body": flip(HEADER + 3),
    "middle chunk body": flip(HEADER + SEALED + 1000),
    "first chunk tag": flip(HEADER + SEALED - 1),
    "last chunk tag": flip(-1),
    "truncate header": lambda c: c[:40],
    "no chunks": lambda c: c[:HEADER],
    "empty file": lambda c: b"",
    "truncate last chunk": lambda c: c[:-100],
    "truncate one byte": lambda c: c[:-1],
    "drop last chunk": lambda c: c[: HEADER + 3 * SEALED],
    "drop middle chunk": lambda c: c[: HEADER + SEALED] + c[HEADER + 2 * SEALED :],
    "swap chunks": lambda c: c[:HEADER] + chunk(c, 0) + chunk(c, 2) + chunk(c, 1) + chunk(c, 3),
    "append a chunk": lambda c: c + chunk(c, 1),
    "append a byte": lambda c: c + b"\x00",
}


@pytest.mark.parametrize("tamper", TAMPERS.values(), ids=TAMPERS.keys())
def test_tampering_is_detected(store: BlobStore, tamper: Callable[[bytes], bytes]) -> None:
    info = store.put(os.urandom(FOUR_CHUNKS))
    [path] = store.stored_files()
    path.write_bytes(tamper(path.read_bytes()))
    with pytest.raises(IntegrityError, match=r"^attachment file [0-9a-f]{2}/[0-9a-f]{64}: "):
        store.read(info.blob_id)
    with pytest.raises(IntegrityError):
        store.verify(info.blob_id)
    with pytest.raises(IntegrityError):
        list(store.iter_chunks(info.blob_id))


def test_tampering_a_single_chunk_blob(store: BlobStore) -> None:
    info = store.put(b"short note")
    [path] = store.stored_files()
    content = path.read_bytes()
    for mutate in (flip(HEADER), flip(-1), lambda c: c[:-1], lambda c: c + c[HEADER:]):
        path.write_bytes(mutate(content))
        with pytest.raises(IntegrityError):
            store.verify(info.blob_id)


def test_another_blobs_file_under_this_name_is_rejected(
    store: BlobStore, store_dir: Path, key: bytes
) -> None:
    a, b = store.put(os.urandom(500)), store.put(os.urandom(500))
    shutil.copyfile(blob_path(store_dir, key, a.blob_id), blob_path(store_dir, key, b.blob_id))
    with pytest.raises(IntegrityError, match="file key"):
        store.read(b.blob_id)
    with pytest.raises(IntegrityError):
        store.verify(b.blob_id)
    assert store.verify(a.blob_id) == a


def test_wrong_data_key(store: BlobStore, store_dir: Path, key: bytes) -> None:
    info = store.put(os.urandom(1000))
    other_key = os.urandom(32)
    other = BlobStore(store_dir, other_key)
    assert not other.exists(info.blob_id)  # its names are keyed: nothing to find
    with pytest.raises(NotFound):
        other.read(info.blob_id)
    moved = blob_path(store_dir, other_key, info.blob_id)
    moved.parent.mkdir(exist_ok=True)
    blob_path(store_dir, key, info.blob_id).rename(moved)
    with pytest.raises(IntegrityError):
        other.read(info.blob_id)
    with pytest.raises(IntegrityError):
        other.verify(info.blob_id)


@pytest.mark.parametrize(
    ("offset", "value", "message"), [(0, b"X", "bad magic"), (4, b"\x02", "version 2")]
)
def test_bad_magic_or_version_is_named(
    store: BlobStore, offset: int, value: bytes, message: str
) -> None:
    info = store.put(b"data")
    [path] = store.stored_files()
    content = path.read_bytes()
    path.write_bytes(content[:offset] + value + content[offset + 1 :])
    with pytest.raises(IntegrityError, match=message):
        store.verify(info.blob_id)


# --- the frame, checked with an independent writer ---------------------------------------


def test_reads_an_independently_written_file(store: BlobStore, store_dir: Path, key: bytes) -> None:
    blob_id = secrets.token_hex(16)
    data = os.urandom(CHUNK + 10)
    frame = (len(data)).to_bytes(8, "big") + data
    frame += bytes(frame_size(len(frame)) - len(frame))
    path = blob_path(store_dir, key, blob_id)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(seal_file(key, blob_id, frame))
    assert store.read(blob_id) == data


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param(
            (1000).to_bytes(8, "big")
            + os.urandom(1000)
            + bytes(4096 - 1008 - 1)
            + b"\x01",  # frame_size(1008) = 4096
            id="nonzero padding",
        ),
        pytest.param((3).to_bytes(8, "big") + b"abc" + bytes(21), id="too much padding"),
        pytest.param((300).to_bytes(8, "big") + b"abc" + bytes(5), id="length beyond frame"),
        pytest.param((3000).to_bytes(8, "big") + os.urandom(3000), id="missing padding"),
        pytest.param(b"\x00\x00\x00", id="no length"),
    ],
)
def test_malformed_frames_are_rejected(
    store: BlobStore, store_dir: Path, key: bytes, frame: bytes
) -> None:
    blob_id = secrets.token_hex(16)
    path = blob_path(store_dir, key, blob_id)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(seal_file(key, blob_id, frame))
    with pytest.raises(IntegrityError):
        store.read(blob_id)


# --- failures leave nothing behind -------------------------------------------------------


def test_too_large_leaves_nothing(store: BlobStore, store_dir: Path) -> None:
    with pytest.raises(TooLarge):
        store.put(b"x" * 101, max_size=100)
    with pytest.raises(TooLarge):
        store.put(io.BytesIO(os.urandom(300_000)), max_size=200_000)
    with pytest.raises(TooLarge):
        store.put(TrickleSource(os.urandom(5000)), max_size=4999)  # type: ignore[arg-type]
    assert files_under(store_dir) == []
    assert store.put(b"x" * 100, max_size=100).size == 100


@pytest.mark.parametrize("good", [0, 10, CHUNK, 3 * CHUNK])
def test_vanishing_source_leaves_nothing(store: BlobStore, store_dir: Path, good: int) -> None:
    with pytest.raises(OSError, match="vanished"):
        store.put(VanishingSource(good))  # type: ignore[arg-type]
    assert files_under(store_dir) == []


# --- housekeeping ------------------------------------------------------------------------


def test_delete_is_idempotent(store: BlobStore) -> None:
    keep, gone = store.put(b"keep"), store.put(b"gone")
    assert store.exists(gone.blob_id)
    store.delete(gone.blob_id)
    assert not store.exists(gone.blob_id)
    assert len(store.stored_files()) == 1
    with pytest.raises(NotFound):
        store.read(gone.blob_id)
    store.delete(gone.blob_id)
    store.delete(secrets.token_hex(16))
    assert store.read(keep.blob_id) == b"keep"


def test_missing_blob_is_not_found(store: BlobStore, tmp_path: Path) -> None:
    blob_id = secrets.token_hex(16)
    assert not store.exists(blob_id)
    for call in (store.read, store.verify, store.iter_chunks):
        with pytest.raises(NotFound):
            call(blob_id)
    with pytest.raises(NotFound):
        store.export_to(blob_id, tmp_path / "out.bin")
    assert not (tmp_path / "out.bin").exists()


def test_stored_files_lists_blobs_only(store: BlobStore, store_dir: Path, key: bytes) -> None:
    infos = [store.put(os.urandom(n)) for n in (0, 10, 70_000)]
    expected = sorted(blob_path(store_dir, key, info.blob_id) for info in infos)
    (expected[0].parent / f".{expected[0].name}.abc.partial").write_bytes(b"junk")
    (store_dir / "README").write_text("stray")
    assert store.stored_files() == expected
    assert all(store.exists(info.blob_id) for info in infos)


@pytest.mark.parametrize(
    "blob_id",
    ["", "../etc/passwd", "a/b", "A" * 32, "0" * 31, "0" * 33, "0" * 31 + "/", "0" * 32 + "\n"],
)
def test_malformed_ids_are_rejected(store: BlobStore, blob_id: str) -> None:
    for call in (store.read, store.verify, store.exists, store.delete, store.iter_chunks):
        with pytest.raises(ValueError, match="malformed"):
            call(blob_id)


def test_opening_creates_a_private_dir_and_clears_stale_temps(store_dir: Path, key: bytes) -> None:
    info = BlobStore(store_dir, key).put(b"data")
    assert stat.S_IMODE(store_dir.stat().st_mode) == 0o700
    blob = blob_path(store_dir, key, info.blob_id)
    stale = [store_dir / ".x.0123.partial", blob.parent / f".{blob.name}.4567.partial"]
    for path in stale:
        path.write_bytes(b"ciphertext")
    store = BlobStore(store_dir, key)
    assert files_under(store_dir) == [blob]
    assert store.read(info.blob_id) == b"data"


def test_rejects_a_short_data_key(store_dir: Path) -> None:
    with pytest.raises(ValueError):
        BlobStore(store_dir, b"short")


def test_export_to_writes_private_plaintext(store: BlobStore, tmp_path: Path) -> None:
    data = os.urandom(FOUR_CHUNKS)
    info = store.put(data)
    destination = tmp_path / "export" / "photo.jpg"
    destination.parent.mkdir()
    store.export_to(info.blob_id, destination)
    assert destination.read_bytes() == data
    assert stat.S_IMODE(destination.stat().st_mode) == 0o600
    assert os.listdir(destination.parent) == ["photo.jpg"]


def test_failed_export_leaves_nothing(store: BlobStore, tmp_path: Path) -> None:
    info = store.put(os.urandom(FOUR_CHUNKS))
    [path] = store.stored_files()
    path.write_bytes(flip(-1)(path.read_bytes()))
    destination = tmp_path / "export"
    destination.mkdir()
    with pytest.raises(IntegrityError):
        store.export_to(info.blob_id, destination / "photo.jpg")
    assert os.listdir(destination) == []


def test_blob_info_is_frozen() -> None:
    info = BlobInfo("0" * 32, 1, "00", 2)
    with pytest.raises(AttributeError):
        info.size = 5  # type: ignore[misc]
