"""Helpers to build packages for the format tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hradvisor.model.canonical import canonical_json
from hradvisor.store.revisions import revision_hash
from hradvisor.sync import AttachmentChunk, BuiltPackage, Identity, PublicBundle, make_package

DEVICE_ID = "0193a0a0-0000-7000-8000-000000000001"


def revision(
    entity_id: str, body: dict[str, Any], *, seq: int = 1, entity_type: str = "incident"
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "entity_type": entity_type,
        "entity_id": entity_id,
        "parents": [],
        "device_id": DEVICE_ID,
        "device_seq": seq,
        "created_at": "2026-11-23T10:00:00.000Z",
        "deleted": False,
    }
    digest = revision_hash(
        **{k: tuple(v) if k == "parents" else v for k, v in fields.items()},
        body_bytes=canonical_json(body),
    )
    return {"hash": digest, **fields, "body": body}


def sample_revisions(count: int = 3) -> list[dict[str, Any]]:
    return [
        revision(
            f"0193a0a0-0000-7000-8000-{index:012d}", {"title": f"Fictional {index}"}, seq=index
        )
        for index in range(1, count + 1)
    ]


def chunk(
    data: bytes = b"photo bytes", offset: int = 0, size: int | None = None
) -> AttachmentChunk:
    import hashlib

    return AttachmentChunk(
        "0193a0a0-0000-7000-8000-00000000aaaa",
        hashlib.sha256(data).hexdigest(),
        size if size is not None else len(data),
        offset,
        data,
    )


def build(
    device: Identity,
    recipient: PublicBundle,
    *,
    sequence: int = 1,
    previous_hash: str | None = None,
    revisions: list[dict[str, Any]] | None = None,
    attachments: list[AttachmentChunk] | None = None,
    device_id: str = DEVICE_ID,
) -> BuiltPackage:
    return make_package(
        device=device,
        device_id=device_id,
        recipient=recipient,
        sequence=sequence,
        previous_hash=previous_hash,
        revisions=sample_revisions() if revisions is None else revisions,
        attachments=[chunk()] if attachments is None else attachments,
    )


def lookup_for(device: Identity) -> Callable[[str], PublicBundle | None]:
    return lambda device_id: device.public_bundle() if device_id == DEVICE_ID else None
