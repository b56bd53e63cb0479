"""Field devices known to HQ: enrollment requests, approval and revocation.

A device becomes able to deliver only after an operator approves it, having
compared its fingerprint with the adviser (by phone, or the QR code). A
revoked device stays in the table — its past packages keep their provenance —
but nothing it signs afterwards is accepted, and its request tokens are refused.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from hradvisor.hq.errors import HQUsageError
from hradvisor.hq.store import utc_now
from hradvisor.store.connection import Database
from hradvisor.sync import normalise_fingerprint

Status = Literal["pending", "approved", "revoked"]
_COLUMNS = "device_id, fingerprint, label, status, requested_at, approved_at, revoked_at"
MAX_LABEL = 200


@dataclass(frozen=True)
class Device:
    """One enrolled (or enrolling) device, without its key bundle."""

    device_id: str
    fingerprint: str
    label: str
    status: Status
    requested_at: str
    approved_at: str | None
    revoked_at: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "fingerprint": self.fingerprint,
            "label": self.label,
            "status": self.status,
            "requested_at": self.requested_at,
            "approved_at": self.approved_at,
            "revoked_at": self.revoked_at,
        }


def printable_label(label: str) -> str:
    """The device's label without control or format characters, on one line, bounded.

    The label comes from the device and is printed on the operator's terminal
    and in reports: an escape sequence or a bidi override in it must not be
    able to rewrite what the operator sees (another device's fingerprint, say).
    """
    visible = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in label)
    return " ".join(visible.split())[:MAX_LABEL] or "(no label)"


class DeviceAlreadyEnrolled(HQUsageError):
    """A request for a device id that is already bound to another key."""


class Devices:
    """The devices table; every change is one transaction."""

    def __init__(self, db: Database, on_change: Callable[[Any], None] | None = None) -> None:
        """*on_change* runs inside each transaction that changes a device (the rollback witness)."""
        self._db = db
        self._on_change = on_change or (lambda _conn: None)

    def request(self, device_id: str, fingerprint: str, bundle: bytes, label: str) -> Device:
        """Record a verified enrollment request as pending; idempotent for the same key.

        A second request naming the same device id with a different key is
        refused: otherwise anyone could re-enroll a device under their own key.
        """
        label = printable_label(label)
        with self._db.write() as conn:
            existing = self._get(conn, device_id)
            if existing is not None:
                if existing.fingerprint != fingerprint:
                    raise DeviceAlreadyEnrolled(
                        f"device {device_id} is already enrolled with another key"
                    )
                return existing
            clash = conn.execute(
                "SELECT device_id FROM devices WHERE fingerprint = ?", (fingerprint,)
            ).fetchone()
            if clash is not None:
                raise DeviceAlreadyEnrolled("that key is already enrolled under another device id")
            conn.execute(
                "INSERT INTO devices (device_id, fingerprint, bundle, label, status, requested_at)"
                " VALUES (?, ?, ?, ?, 'pending', ?)",
                (device_id, fingerprint, bundle, label, utc_now()),
            )
            self._on_change(conn)
            found = self._get(conn, device_id)
        assert found is not None  # noqa: S101 - inserted just above, same transaction
        return found

    def list(self) -> list[Device]:
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM devices ORDER BY requested_at, device_id"  # noqa: S608
            ).fetchall()
        return [Device(*row) for row in rows]

    def get(self, device_id: str) -> Device | None:
        with self._db.read() as conn:
            return self._get(conn, device_id)

    def find(self, reference: str) -> Device:
        """The device named by its id or its fingerprint (as typed, spaces allowed)."""
        with self._db.read() as conn:
            device = self._get(conn, reference.strip())
            if device is None:
                row = conn.execute(
                    f"SELECT {_COLUMNS} FROM devices WHERE fingerprint = ?",  # noqa: S608
                    (normalise_fingerprint(reference),),
                ).fetchone()
                device = Device(*row) if row else None
        if device is None:
            raise HQUsageError("no device with that id or fingerprint")
        return device

    def bundle(self, device_id: str) -> tuple[Status, bytes] | None:
        """The device's status and public bundle bytes, or None if unknown."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT status, bundle FROM devices WHERE device_id = ?", (device_id,)
            ).fetchone()
        return (row[0], bytes(row[1])) if row else None

    def approve(self, reference: str) -> Device:
        """Allow the device to deliver. A revoked device cannot be approved again."""
        device = self.find(reference)
        if device.status == "revoked":
            raise HQUsageError(
                f"device {device.device_id} was revoked; it must enroll again with a new key"
            )
        if device.status == "pending":
            with self._db.write() as conn:
                conn.execute(
                    "UPDATE devices SET status = 'approved', approved_at = ?"
                    " WHERE device_id = ? AND status = 'pending'",
                    (utc_now(), device.device_id),
                )
                self._on_change(conn)
        return self.find(device.device_id)

    def revoke(self, reference: str) -> Device:
        """Refuse everything the device signs from now on; its past data stays."""
        device = self.find(reference)
        if device.status != "revoked":
            with self._db.write() as conn:
                conn.execute(
                    "UPDATE devices SET status = 'revoked', revoked_at = ? WHERE device_id = ?",
                    (utc_now(), device.device_id),
                )
                self._on_change(conn)
        return self.find(device.device_id)

    @staticmethod
    def _get(conn: Any, device_id: str) -> Device | None:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM devices WHERE device_id = ?",  # noqa: S608
            (device_id,),
        ).fetchone()
        return Device(*row) if row else None
