"""One revision from a verified package, in the form HQ stores it.

The package layer (``hradvisor.sync.package.check_revision``) has already
checked every revision's shape and recomputed its hash with the vault's own
definition before HQ sees the package; HQ's de-duplication by hash rests on
that check. Here HQ only takes what it needs, defensively typed: the fields,
the body as compact sorted JSON, and the country it consolidates by.

A revision whose device left fields out for consent reasons lists them in
``redacted`` (DESIGN §2.4): its hash names the full record that stayed on
the device.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hradvisor.hq.errors import Rejected

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
    country: str | None = None
    redacted: tuple[str, ...] | None = None


def _text(raw: Mapping[str, Any], key: str, limit: int = MAX_ID) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ValueError(key)
    return value


def _redacted(raw: Mapping[str, Any]) -> tuple[str, ...] | None:
    names = raw.get("redacted")
    if names is None:
        return None
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ValueError("redacted")
    return tuple(names)


def _country(body: dict[str, Any]) -> str | None:
    """The ISO country code of an incident body (what HQ consolidates by), if any."""
    location = body.get("location")
    country = location.get("country") if isinstance(location, dict) else None
    return country if isinstance(country, str) and 0 < len(country) <= 3 else None


def parse_revision(raw: Mapping[str, Any], index: int) -> IncomingRevision:
    """An IncomingRevision, or Rejected naming the position of a bad one (never its content)."""
    try:
        if not isinstance(raw, Mapping):
            raise ValueError("not an object")
        parents, seq, body = raw.get("parents"), raw.get("device_seq"), raw.get("body")
        if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
            raise ValueError("parents")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError("device_seq")
        if not isinstance(raw.get("deleted"), bool) or not isinstance(body, dict):
            raise ValueError("deleted or body")
        entity_type = _text(raw, "entity_type")
        return IncomingRevision(
            hash=_text(raw, "hash"),
            entity_type=entity_type,
            entity_id=_text(raw, "entity_id"),
            parents=tuple(parents),
            device_id=_text(raw, "device_id"),
            device_seq=seq,
            created_at=_text(raw, "created_at", 40),
            deleted=bool(raw["deleted"]),
            body_text=json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
            country=_country(body) if entity_type == "incident" else None,
            redacted=_redacted(raw),
        )
    except (ValueError, TypeError):
        raise Rejected(f"revision {index} is malformed") from None
