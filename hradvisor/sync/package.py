"""The sync package (``.hrpkg``): the security boundary between a device and HQ.

A package is a 48-byte plaintext header and one HPKE ciphertext (RFC 9180,
ML-KEM-768+X25519, HKDF-SHA256, AES-256-GCM) whose ``info`` is bound to the
header. Inside: who sent it, its place in the device's chain, the revisions
and attachment chunks, and a hybrid signature over the header and all of
that. Every transport (HTTPS, USB, a shared folder) only moves these bytes.

``open_package`` checks in an order that does the least work for an attacker:
sizes and header first, then decryption, then the signature of an enrolled
device, and only then decompresses and parses the manifest (with its
declared size as a hard cap). The byte layout is in docs/package-format.md.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke

from hradvisor.sync.envelope import domain
from hradvisor.sync.errors import PackageRejected
from hradvisor.sync.identity import SIGNATURE_BYTES, Identity, PublicBundle
from hradvisor.sync.manifest import ID_PATTERN as _DEVICE_ID
from hradvisor.sync.manifest import (  # re-exported: the package API names them
    MANIFEST_FORMAT,
    MAX_ATTACHMENT,
    MAX_CHUNK,
    AttachmentChunk,
    check_revision,
    encode_manifest,
    parse_manifest,
)

MAGIC = b"HRPK"
FORMAT_VERSION = 1
SUITE_ID = 1
SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
HEADER = struct.Struct(">4sBBH32sII")
HEADER_BYTES = HEADER.size
HPKE_OVERHEAD = 1120 + 16  # encapsulated key (ML-KEM-768 1,088 + X25519 32) + GCM tag
BUCKETS: tuple[int, ...] = tuple(
    2**power for power in range(14, 25)
)  # 16 KiB … 16 MiB of plaintext
MAX_PLAINTEXT = BUCKETS[-1]
MAX_PACKAGE_BYTES = HEADER_BYTES + MAX_PLAINTEXT + HPKE_OVERHEAD
INFO_PREFIX = domain("package")  # b"hradvisor/v1/package\x00"
HASH_PREFIX = domain("package-hash")
SIGNATURE_PREFIX = domain("package-signature")
ZERO_HASH = bytes(32)
MAX_DEVICE_ID = 64
# Plaintext that is not content: its length prefix and the signature.
FRAME_OVERHEAD = 4 + SIGNATURE_BYTES
MAX_CONTENT = MAX_PLAINTEXT - FRAME_OVERHEAD


@dataclass(frozen=True)
class OpenedPackage:
    """A package that decrypted, verified and parsed: safe to ingest."""

    device_id: str
    sequence: int
    previous_hash: str | None
    package_hash: str
    revisions: list[dict[str, Any]]
    attachments: list[AttachmentChunk]


@dataclass(frozen=True)
class BuiltPackage:
    """A sealed package and the hash that chains it and that its receipt will name."""

    data: bytes
    package_hash: str
    sequence: int


def bucket_for(plaintext_length: int) -> int:
    """The smallest padding bucket holding *plaintext_length* bytes."""
    for bucket in BUCKETS:
        if plaintext_length <= bucket:
            return bucket
    raise ValueError("package content exceeds the largest bucket; split the backlog")


def encode_content(
    *,
    device_id: str,
    sequence: int,
    previous_hash: str | None,
    revisions: Sequence[dict[str, Any] | bytes],
    attachments: list[AttachmentChunk],
) -> bytes:
    """The signed content: deterministic, so the same data gives the same bytes."""
    return b"".join(
        content_parts(
            device_id=device_id,
            sequence=sequence,
            previous_hash=previous_hash,
            revisions=revisions,
            attachments=attachments,
        )
    )


def content_parts(
    *,
    device_id: str,
    sequence: int,
    previous_hash: str | None,
    revisions: Sequence[dict[str, Any] | bytes],
    attachments: list[AttachmentChunk],
) -> list[bytes]:
    """``encode_content`` as pieces, so sealing copies the attachment bytes only once."""
    if not _DEVICE_ID.match(device_id) or sequence < 1:
        raise ValueError("bad device id or sequence")
    if (sequence == 1) != (previous_hash is None):
        raise ValueError("only the first package has no previous hash")
    manifest = encode_manifest(revisions, attachments)
    if len(manifest) + sum(len(chunk.data) for chunk in attachments) > MAX_CONTENT:
        # Checked before compression, so what HQ inflates never exceeds a package either.
        raise ValueError("package content exceeds the size limit; split the backlog")
    compressed = zlib.compress(manifest, 6)
    fixed = b"".join(
        (
            bytes([len(device_id)]),
            device_id.encode("ascii"),
            struct.pack(">Q", sequence),
            bytes.fromhex(previous_hash) if previous_hash else ZERO_HASH,
            struct.pack(">II", len(manifest), len(compressed)),
            compressed,
        )
    )
    return [fixed, *(chunk.data for chunk in attachments)]


def package_header(recipient: PublicBundle, bucket: int) -> bytes:
    return HEADER.pack(
        MAGIC, FORMAT_VERSION, SUITE_ID, 0, recipient.bundle_id, bucket, bucket + HPKE_OVERHEAD
    )


def hash_package(header: bytes, content: bytes | memoryview) -> bytes:
    """SHA-256 of the prefix, header and content, without joining them (16 MiB copies)."""
    return _hash_parts(header, [content])


def _hash_parts(header: bytes, parts: list[bytes] | list[bytes | memoryview]) -> bytes:
    digest = hashlib.sha256(HASH_PREFIX)
    digest.update(header)
    for part in parts:
        digest.update(part)
    return digest.digest()


def seal_content(device: Identity, recipient: PublicBundle, content: bytes) -> BuiltPackage:
    """Sign, pad and encrypt already-encoded *content* (tests use it to craft attacks)."""
    return _seal_parts(device, recipient, [content])


def _seal_parts(device: Identity, recipient: PublicBundle, parts: list[bytes]) -> BuiltPackage:
    length = sum(len(part) for part in parts)
    bucket = bucket_for(FRAME_OVERHEAD + length)
    header = package_header(recipient, bucket)
    digest = _hash_parts(header, parts)
    signature = device.sign(SIGNATURE_PREFIX + digest)
    padding = bytes(bucket - FRAME_OVERHEAD - length)
    plaintext = b"".join((struct.pack(">I", length), *parts, signature, padding))
    ciphertext = SUITE.encrypt(plaintext, recipient.kem, info=INFO_PREFIX + header)
    del plaintext  # free 16 MiB before the file bytes are built (peak memory)
    sequence = int(struct.unpack_from(">Q", parts[0], 1 + parts[0][0])[0])
    return BuiltPackage(header + ciphertext, digest.hex(), sequence)


def make_package(
    *,
    device: Identity,
    device_id: str,
    recipient: PublicBundle,
    sequence: int,
    previous_hash: str | None,
    revisions: Sequence[dict[str, Any] | bytes],
    attachments: list[AttachmentChunk],
) -> BuiltPackage:
    """Build one package; ValueError if it would exceed ``MAX_CONTENT`` (split first)."""
    parts = content_parts(
        device_id=device_id,
        sequence=sequence,
        previous_hash=previous_hash,
        revisions=revisions,
        attachments=attachments,
    )
    if sum(len(part) for part in parts) > MAX_CONTENT:
        raise ValueError("package content exceeds the size limit; split the backlog")
    return _seal_parts(device, recipient, parts)


def build_package(**kwargs: Any) -> bytes:
    """``make_package(...).data``: the sealed bytes only."""
    return make_package(**kwargs).data


def open_package(
    data: bytes,
    recipient: Identity,
    lookup_device: Callable[[str], PublicBundle | None],
) -> OpenedPackage:
    """Decrypt and verify a package for *recipient*; PackageRejected (exit 5) otherwise.

    ``lookup_device`` returns the enrolled bundle of a device id, or None if the
    device is unknown or revoked.
    """
    data = bytes(data)
    header, bucket = _check_header(data, recipient.public_bundle())
    try:
        plaintext = SUITE.decrypt(
            memoryview(data)[HEADER_BYTES:], recipient.kem_private_key, info=INFO_PREFIX + header
        )
    except (InvalidTag, ValueError):
        raise PackageRejected("decryption failed (damaged, or not for this recipient)") from None
    if len(plaintext) != bucket:
        raise PackageRejected("padding does not match the header")
    content, signature = _unframe(plaintext)
    device_id, sequence, previous, manifest_len, compressed_len, rest = _split_content(content)
    bundle = lookup_device(device_id)
    if bundle is None:
        raise PackageRejected("unknown or revoked device")
    digest = hash_package(header, content)
    try:
        bundle.verify(SIGNATURE_PREFIX + digest, signature)
    except PackageRejected as exc:
        raise PackageRejected(exc.reason) from None
    manifest = _inflate(rest[:compressed_len], manifest_len)
    revisions, chunks = parse_manifest(manifest, rest[compressed_len:])
    return OpenedPackage(
        device_id=device_id,
        sequence=sequence,
        previous_hash=previous,
        package_hash=digest.hex(),
        revisions=revisions,
        attachments=chunks,
    )


def _check_header(data: bytes, recipient: PublicBundle) -> tuple[bytes, int]:
    if len(data) < HEADER_BYTES + HPKE_OVERHEAD:
        raise PackageRejected("truncated")
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageRejected("too large")
    magic, version, suite, flags, recipient_id, bucket, sealed = HEADER.unpack_from(data)
    if magic != MAGIC:
        raise PackageRejected("not a hradvisor package")
    if version != FORMAT_VERSION or suite != SUITE_ID or flags != 0:
        raise PackageRejected("unsupported package version")
    if recipient_id != recipient.bundle_id:
        raise PackageRejected("wrong recipient")
    if bucket not in BUCKETS or sealed != bucket + HPKE_OVERHEAD:
        raise PackageRejected("bad size fields")
    if len(data) != HEADER_BYTES + sealed:
        raise PackageRejected("truncated" if len(data) < HEADER_BYTES + sealed else "trailing data")
    return data[:HEADER_BYTES], bucket


def _unframe(plaintext: bytes) -> tuple[memoryview, bytes]:
    """Content (a view, not a 16 MiB copy) and signature; the padding must be zero bytes."""
    (length,) = struct.unpack_from(">I", plaintext)
    end = 4 + length + SIGNATURE_BYTES
    if end > len(plaintext):
        raise PackageRejected("bad content length")
    if plaintext.count(0, end) != len(plaintext) - end:
        raise PackageRejected("padding is not zero")
    view = memoryview(plaintext)
    return view[4 : 4 + length], bytes(view[4 + length : end])


def _split_content(content: memoryview) -> tuple[str, int, str | None, int, int, memoryview]:
    if not content:
        raise PackageRejected("empty content")
    id_length = content[0]
    fixed_at = 1 + id_length
    if len(content) < fixed_at + 8 + 32 + 8:
        raise PackageRejected("content truncated")
    try:
        device_id = bytes(content[1:fixed_at]).decode("ascii")
    except UnicodeDecodeError:
        raise PackageRejected("bad device id") from None
    if not _DEVICE_ID.match(device_id):
        raise PackageRejected("bad device id")
    (sequence,) = struct.unpack_from(">Q", content, fixed_at)
    previous = bytes(content[fixed_at + 8 : fixed_at + 40])
    manifest_len, compressed_len = struct.unpack_from(">II", content, fixed_at + 40)
    if sequence < 1 or sequence >= 2**53:
        raise PackageRejected("bad sequence")
    if (sequence == 1) != (previous == ZERO_HASH):
        raise PackageRejected("bad previous hash")
    rest = content[fixed_at + 48 :]
    if compressed_len > len(rest) or manifest_len > MAX_PLAINTEXT:
        raise PackageRejected("bad manifest length")
    return (
        device_id,
        sequence,
        previous.hex() if sequence > 1 else None,
        manifest_len,
        (compressed_len),
        rest,
    )


def _inflate(compressed: memoryview, declared: int) -> bytes:
    """Decompress at most *declared* bytes (never more: a bomb stops at the cap)."""
    inflater = zlib.decompressobj()
    try:
        manifest = inflater.decompress(compressed, declared + 1)
    except zlib.error:
        raise PackageRejected("manifest does not decompress") from None
    if len(manifest) != declared or inflater.unconsumed_tail or not inflater.eof:
        raise PackageRejected("manifest size does not match")
    if inflater.unused_data:
        raise PackageRejected("trailing data after the manifest")
    return manifest


__all__ = [
    "BUCKETS",
    "MANIFEST_FORMAT",
    "MAX_ATTACHMENT",
    "MAX_CHUNK",
    "MAX_CONTENT",
    "MAX_PACKAGE_BYTES",
    "AttachmentChunk",
    "BuiltPackage",
    "OpenedPackage",
    "build_package",
    "check_revision",
    "encode_content",
    "encode_manifest",
    "make_package",
    "open_package",
    "parse_manifest",
]
