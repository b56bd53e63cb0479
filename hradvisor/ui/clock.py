"""Times of encrypted drafts: written in UTC, shown in local time (any section's drafts)."""

from __future__ import annotations

import datetime as dt


def utc_now() -> str:
    """Now in UTC, to the second, as a draft's ``saved_at``."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def local_time(saved_at: str) -> str:
    """A draft's UTC time as local date and time, to the minute."""
    try:
        moment = dt.datetime.fromisoformat(saved_at.replace("Z", "+00:00"))
    except ValueError:
        return saved_at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
