"""The manifest inside a package: which revisions and attachment chunks it carries.

Canonical JSON (RFC 8785), so the same data always gives the same bytes and a
decoder can insist on exactly one encoding. Parsing checks every field's type
and bound and recomputes each revision's hash; the chunk bytes themselves
follow the manifest in the package content (docs/package-format.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from hradvisor.model.canonical import canonical_json
from hradvisor.store.revisions import revision_hash
from hradvisor.sync.envelope import decode_canonical_object
from hradvisor.sync.errors import PackageRejected

MANIFEST_FORMAT = "hradvisor-package-manifest"
MAX_CHUNK = 4 * 1024 * 1024
MAX_ATTACHMENT = 2**40
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_REVISION_KEYS = {
    "hash", "entity_type", "entity_id", "parents", "device_id", "device_seq",
    "created_at", "deleted", "body",
}  # fmt: skip
_CHUNK_KEYS = {"attachment_id", "sha256", "size", "offset", "length"}


@dataclass(frozen=True)
class AttachmentChunk:
    """Bytes ``offset … offset+len(data)`` of an attachment whose whole content is *sha256*."""

    attachment_id: str
    sha256: str
    size: int
    offset: int
    data: bytes = field(repr=False)

    def manifest_entry(self) -> dict[str, Any]:
        return {
            "attachment_id": self.attachment_id,
            "sha256": self.sha256,
            "size": self.size,
            "offset": self.offset,
            "length": len(self.data),
        }


def encode_manifest(
    revisions: Sequence[dict[str, Any] | bytes], chunks: list[AttachmentChunk]
) -> bytes:
    """Canonical JSON of what the package carries (attachment bytes follow it, in order).

    A revision may come already encoded (its canonical JSON bytes, as the
    outbox makes them without re-parsing bodies); the result is the same bytes
    as ``canonical_json`` of the whole object, because canonical JSON of a list
    is its items' canonical JSON joined by commas and the keys below are in
    sorted order.
    """
    encoded = [item if isinstance(item, bytes) else canonical_json(item) for item in revisions]
    attachments = canonical_json([chunk.manifest_entry() for chunk in chunks])
    return b"".join(
        (
            b'{"attachments":',
            attachments,
            b',"format":',
            canonical_json(MANIFEST_FORMAT),
            b',"revisions":[',
            b",".join(encoded),
            b'],"version":1}',
        )
    )


def parse_manifest(
    manifest: bytes, attachment_data: memoryview
) -> tuple[list[dict[str, Any]], list[AttachmentChunk]]:
    body = decode_canonical_object(manifest, what="package")
    if set(body) != {"format", "version", "revisions", "attachments"}:
        raise PackageRejected("bad manifest")
    if body["format"] != MANIFEST_FORMAT or body["version"] != 1:
        raise PackageRejected("unsupported manifest version")
    revisions, entries = body["revisions"], body["attachments"]
    if not isinstance(revisions, list) or not isinstance(entries, list):
        raise PackageRejected("bad manifest")
    for revision in revisions:
        check_revision(revision)
    return revisions, _chunks(entries, attachment_data)


def _chunks(entries: list[Any], data: memoryview) -> list[AttachmentChunk]:
    chunks, offset = [], 0
    for entry in entries:
        if not isinstance(entry, dict) or set(entry) != _CHUNK_KEYS:
            raise PackageRejected("bad attachment entry")
        numbers = [entry[key] for key in ("size", "offset", "length")]
        if not all(_is_count(value) for value in numbers):
            raise PackageRejected("bad attachment entry")
        size, start, length = numbers
        if size > MAX_ATTACHMENT or length > MAX_CHUNK or start + length > size:
            raise PackageRejected("bad attachment entry")
        if not _is_id(entry["attachment_id"]) or not _is_hex64(entry["sha256"]):
            raise PackageRejected("bad attachment entry")
        if offset + length > len(data):
            raise PackageRejected("attachment data truncated")
        chunk = bytes(data[offset : offset + length])
        chunks.append(AttachmentChunk(entry["attachment_id"], entry["sha256"], size, start, chunk))
        offset += length
    if offset != len(data):
        raise PackageRejected("unlisted attachment data")
    return chunks


def check_revision(revision: Any) -> None:
    """A revision entry is well-formed and, unless redacted, matches its hash."""
    if not isinstance(revision, dict):
        raise PackageRejected("bad revision")
    keys = set(revision)
    redacted = revision.get("redacted")
    if keys not in (_REVISION_KEYS, _REVISION_KEYS | {"redacted"}):
        raise PackageRejected("bad revision")
    good = (
        _is_hex64(revision["hash"])
        and isinstance(revision["entity_type"], str)
        and _is_id(revision["entity_id"])
        and isinstance(revision["parents"], list)
        and all(_is_hex64(parent) for parent in revision["parents"])
        and _is_id(revision["device_id"])
        and _is_count(revision["device_seq"])
        and isinstance(revision["created_at"], str)
        and isinstance(revision["deleted"], bool)
        and isinstance(revision["body"], dict)
    )
    if not good:
        raise PackageRejected("bad revision")
    if redacted is not None:
        if (
            not isinstance(redacted, list)
            or not redacted
            or redacted != sorted(set(redacted))
            or not all(isinstance(name, str) and revision["body"].get(name, 0) is None
                       for name in redacted)
        ):  # fmt: skip
            raise PackageRejected("bad redaction list")
        return
    expected = revision_hash(
        entity_type=revision["entity_type"],
        entity_id=revision["entity_id"],
        parents=tuple(revision["parents"]),
        device_id=revision["device_id"],
        device_seq=revision["device_seq"],
        created_at=revision["created_at"],
        deleted=revision["deleted"],
        body_bytes=canonical_json(revision["body"]),
    )
    if expected != revision["hash"]:
        raise PackageRejected("revision does not match its hash")


def _is_hex64(value: Any) -> bool:
    return isinstance(value, str) and bool(_HEX64.match(value))


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(ID_PATTERN.match(value))


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**53
