"""What HQ holds, per device and per country: the figures the report and export show.

Read-only queries over the HQ store. Per device: status, last sequence and
receipt time, open gaps, rejections. Consolidated: incidents (current, not
deleted) and open conflicts by country. No record content leaves here except
the country code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from hradvisor.hq.ingest import Gap
from hradvisor.hq.store import HQStore, utc_now
from hradvisor.model.places import country_name

RECENT_REJECTIONS = 20


@dataclass(frozen=True)
class DeviceStatus:
    device_id: str
    label: str
    fingerprint: str
    status: str
    packages: int
    last_sequence: int | None
    last_receipt_at: str | None
    gaps: list[Gap]
    rejections: int

    @property
    def missing(self) -> int:
        return sum(gap.last - gap.first + 1 for gap in self.gaps)


@dataclass(frozen=True)
class CountryCount:
    country: str
    name: str
    incidents: int
    conflicts: int


@dataclass(frozen=True)
class RejectionEntry:
    at: str
    via: str
    device_id: str | None
    size: int
    reason: str


@dataclass(frozen=True)
class Summary:
    generated_at: str
    hq_fingerprint: str
    devices: list[DeviceStatus]
    countries: list[CountryCount]
    packages: int
    revisions: int
    incidents: int
    conflicts: int
    rejections: int
    rejections_unattributed: int
    recent_rejections: list[RejectionEntry]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for device, status in zip(data["devices"], self.devices, strict=True):
            device["gaps"] = [[gap.first, gap.last] for gap in status.gaps]
            device["missing_packages"] = status.missing
        return data


def _name(code: str) -> str:
    try:
        return country_name(code)
    except (KeyError, LookupError, ValueError):
        return code


def summarise(store: HQStore, hq_fingerprint: str) -> Summary:
    """Everything the report shows, read in one transaction (a consistent snapshot)."""
    with store.db.read() as conn:
        conn.execute("BEGIN")
        try:
            return _summarise(conn, hq_fingerprint)
        finally:
            conn.execute("COMMIT")


def _summarise(conn: Any, hq_fingerprint: str) -> Summary:
    gaps: dict[str, list[Gap]] = {}
    for device_id, first, last in conn.execute(
        "SELECT device_id, first_seq, last_seq FROM gaps ORDER BY device_id, first_seq"
    ):
        gaps.setdefault(device_id, []).append(Gap(first, last))
    rejected = dict(
        conn.execute(
            "SELECT device_id, count(*) FROM rejections WHERE device_id IS NOT NULL"
            " GROUP BY device_id"
        ).fetchall()
    )
    devices = [
        DeviceStatus(
            device_id=row[0],
            label=row[1],
            fingerprint=row[2],
            status=row[3],
            packages=row[4],
            last_sequence=row[5],
            last_receipt_at=row[6],
            gaps=gaps.get(row[0], []),
            rejections=rejected.get(row[0], 0),
        )
        for row in conn.execute(
            "SELECT d.device_id, d.label, d.fingerprint, d.status, count(p.sequence),"
            " max(p.sequence), max(p.received_at) FROM devices d"
            " LEFT JOIN packages p ON p.device_id = d.device_id"
            " GROUP BY d.device_id ORDER BY d.label, d.device_id"
        )
    ]
    countries = [
        CountryCount(code, _name(code), incidents, conflicts)
        for code, incidents, conflicts in conn.execute(
            "SELECT coalesce(country, '??'), sum(deleted = 0), sum(heads > 1) FROM entities"
            " WHERE entity_type = 'incident' GROUP BY coalesce(country, '??') ORDER BY 1"
        )
    ]

    def scalar(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0] or 0)

    return Summary(
        generated_at=utc_now(),
        hq_fingerprint=hq_fingerprint,
        devices=devices,
        countries=countries,
        packages=scalar("SELECT count(*) FROM packages"),
        revisions=scalar("SELECT count(*) FROM revisions"),
        incidents=sum(country.incidents for country in countries),
        conflicts=scalar("SELECT count(*) FROM entities WHERE heads > 1"),
        rejections=scalar("SELECT count(*) FROM rejections"),
        rejections_unattributed=scalar("SELECT count(*) FROM rejections WHERE device_id IS NULL"),
        recent_rejections=[
            RejectionEntry(*row)
            for row in conn.execute(
                "SELECT at, via, device_id, size, reason FROM rejections ORDER BY id DESC LIMIT ?",
                (RECENT_REJECTIONS,),
            )
        ],
    )
