"""Consolidated counts and device status as JSON or CSV, for other HQ tools.

Only figures, country codes and device metadata: never record content.
"""

from __future__ import annotations

import csv
import io
import json

from hradvisor.hq.summary import Summary

COUNTRY_COLUMNS = ("country", "name", "incidents", "conflicts")
DEVICE_COLUMNS = (
    "device_id",
    "label",
    "fingerprint",
    "status",
    "packages",
    "last_sequence",
    "last_receipt_at",
    "missing_packages",
    "gaps",
    "rejections",
)


def to_json(summary: Summary) -> bytes:
    return json.dumps(summary.as_json(), indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


def to_csv(summary: Summary) -> bytes:
    """Two tables in one file: countries, a blank line, then devices (each with its header)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COUNTRY_COLUMNS)
    for country in summary.countries:
        writer.writerow((country.country, country.name, country.incidents, country.conflicts))
    writer.writerow(())
    writer.writerow(DEVICE_COLUMNS)
    for device in summary.devices:
        writer.writerow(
            (
                device.device_id,
                _safe(device.label),
                device.fingerprint,
                device.status,
                device.packages,
                "" if device.last_sequence is None else device.last_sequence,
                device.last_receipt_at or "",
                device.missing,
                " ".join(f"{gap.first}-{gap.last}" for gap in device.gaps),
                device.rejections,
            )
        )
    return out.getvalue().encode("utf-8")


def _safe(text: str) -> str:
    """Defuse spreadsheet formulas in text a device chose (its label)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
