"""Checking one revision from a package before HQ stores it.

The package signature proves who sent the revisions; this proves each one is
what its hash says, using the vault's own hash definition
(``hradvisor.store.revisions.revision_hash``), so that de-duplication by hash
can never merge two different contents. (The package layer checks the same;
HQ checks again because its idempotence rests on it.) A revision whose
device left fields out for consent reasons lists them in ``redacted``: its
hash names the full record on the device, so it cannot be recomputed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hradvisor.hq.errors import Rejected
from hradvisor.model.canonical import canonical_json
from hradvisor.store.revisions import revision_hash

MAX_ID = 100


@dataclass(frozen=True)
class IncomingRevision:
    hash: str
    entity_type: str
    entity_id: str
    parents: tuple[str, ...]
    device_id: str
    device_seq: int
    created_at: str
    deleted: bool
    body_text: str
    redacted: tuple[str, ...] | None = None


def _text(raw: Mapping[str, Any], key: str, limit: int = MAX_ID) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ValueError(key)
    return value


def _hex64(value: Any) -> bool:
    return (
        isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    )


def _redacted(raw: Mapping[str, Any], body: dict[str, Any]) -> tuple[str, ...] | None:
    """The fields the device left out (consent, DESIGN §2.4): listed, and null in the body."""
    if "redacted" not in raw:
        return None
    names = raw["redacted"]
    if (
        not isinstance(names, list)
        or not names
        or not all(isinstance(name, str) and body.get(name, 0) is None for name in names)
    ):
        raise ValueError("redacted")
    return tuple(names)


def parse_revision(raw: Mapping[str, Any], index: int) -> IncomingRevision:
    """An IncomingRevision, or Rejected naming the position of the bad one (never its content)."""
    try:
        if not isinstance(raw, Mapping):
            raise ValueError("not an object")
        parents = raw.get("parents")
        if not isinstance(parents, list | tuple) or not all(_hex64(p) for p in parents):
            raise ValueError("parents")
        seq = raw.get("device_seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError("device_seq")
        deleted = raw.get("deleted")
        if not isinstance(deleted, bool):
            raise ValueError("deleted")
        body = raw.get("body")
        if not isinstance(body, dict):
            raise ValueError("body")
        body_bytes = canonical_json(body)
        redacted = _redacted(raw, body)
        revision = IncomingRevision(
            hash=_text(raw, "hash"),
            entity_type=_text(raw, "entity_type"),
            entity_id=_text(raw, "entity_id"),
            parents=tuple(parents),
            device_id=_text(raw, "device_id"),
            device_seq=seq,
            created_at=_text(raw, "created_at", 40),
            deleted=deleted,
            body_text=body_bytes.decode("utf-8"),
            redacted=redacted,
        )
    except (ValueError, TypeError):
        raise Rejected(f"revision {index} is malformed") from None
    if redacted is not None:
        return revision  # the hash names the full record, which stayed on the device
    expected = revision_hash(
        entity_type=revision.entity_type,
        entity_id=revision.entity_id,
        parents=revision.parents,
        device_id=revision.device_id,
        device_seq=revision.device_seq,
        created_at=revision.created_at,
        deleted=revision.deleted,
        body_bytes=body_bytes,
    )
    if expected != revision.hash:
        raise Rejected(f"revision {index} does not match its hash")
    return revision
