"""Record identifiers: UUIDv7 strings (RFC 9562).

Time-ordered ids keep B-tree inserts local and let a person sort records by
creation without trusting a separate clock column; the 74 random bits make
collisions between devices negligible.
"""

from __future__ import annotations

import re
import secrets
import time
import uuid

_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def uuid7(unix_ms: int | None = None, random_bits: int | None = None) -> str:
    """A UUIDv7 string; both inputs may be fixed for reproducible (demo, test) data."""
    ms = time.time_ns() // 1_000_000 if unix_ms is None else unix_ms
    rand = secrets.randbits(74) if random_bits is None else random_bits & ((1 << 74) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= (rand >> 62) << 64  # 12 bits rand_a
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # 62 bits rand_b
    return str(uuid.UUID(int=value))


def new_id() -> str:
    """A fresh random record id."""
    return uuid7()


def is_valid_id(value: str) -> bool:
    """True for a lower-case canonical UUID string (any version)."""
    return bool(_UUID_RE.match(value))
