"""Test doubles and factories for the HQ tests (fictional data only)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hradvisor.hq.errors import Rejected
from hradvisor.hq.ingest import ReceiptRequest, VerifiedPackage
from hradvisor.hq.service import EnrollmentRequest, HQService
from hradvisor.model.canonical import canonical_json
from hradvisor.store.revisions import revision_hash
from hradvisor.sync import normalise_fingerprint


def make_revision(
    entity_id: str,
    *,
    device_id: str = "dev-a",
    device_seq: int = 1,
    parents: tuple[str, ...] = (),
    country: str = "XA",
    title: str = "Detention of traders in Elsenmoor",
    created_at: str = "2026-11-01T10:00:00.000Z",
) -> dict[str, Any]:
    body = {"title": title, "location": {"country": country, "admin1": "XA-02"}}
    digest = revision_hash(
        entity_type="incident",
        entity_id=entity_id,
        parents=parents,
        device_id=device_id,
        device_seq=device_seq,
        created_at=created_at,
        deleted=False,
        body_bytes=canonical_json(body),
    )
    return {
        "hash": digest,
        "entity_type": "incident",
        "entity_id": entity_id,
        "parents": list(parents),
        "device_id": device_id,
        "device_seq": device_seq,
        "created_at": created_at,
        "deleted": False,
        "body": body,
    }


@dataclass(frozen=True)
class FakePackage:
    device_id: str
    sequence: int
    previous_hash: str | None
    package_hash: str
    revisions: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[Any] = field(default_factory=list)


def chain(device_id: str, revision_lists: list[list[dict[str, Any]]]) -> list[FakePackage]:
    """Packages 1..n of one device, each linked to the one before by hash."""
    packages: list[FakePackage] = []
    previous: str | None = None
    for index, revisions in enumerate(revision_lists, start=1):
        digest = hashlib.sha256(f"{device_id}/{index}/{json.dumps(revisions)}".encode()).hexdigest()
        packages.append(FakePackage(device_id, index, previous, digest, revisions))
        previous = digest
    return packages


def fake_receipt(request: ReceiptRequest) -> bytes:
    return json.dumps(
        {
            "device_id": request.device_id,
            "sequence": request.sequence,
            "package_hash": request.package_hash,
            "counts": request.counts,
            "received_at": request.received_at,
        },
        sort_keys=True,
    ).encode()


@dataclass
class FakeKeys:
    """HQKeys stand-in for protocol tests: packages are looked up by their bytes.

    Not a package format: the bytes are opaque keys into a dict the test fills.
    Tokens are "device-id" strings. Real crypto is covered by the tests built
    on hradvisor.sync.
    """

    known: dict[bytes, FakePackage] = field(default_factory=dict)
    fingerprint: str = "TESTHQFINGERPRINT"
    public_bundle: bytes = b"test bundle"
    max_package: int = 1024 * 1024

    def open_package(self, data: bytes, lookup: Callable[[str], bytes | None]) -> VerifiedPackage:
        package = self.known.get(data)
        if package is None:
            raise Rejected("not a package")
        if lookup(package.device_id) is None:
            raise Rejected("unknown device")
        return package

    def sign_receipt(self, request: ReceiptRequest) -> bytes:
        return fake_receipt(request)

    def verify_enrollment(self, data: bytes) -> EnrollmentRequest:
        device_id = data.decode()
        fingerprint = normalise_fingerprint("FP" + device_id.upper().replace("-", ""))
        return EnrollmentRequest(device_id, fingerprint, data, "laptop")

    def verify_token(
        self,
        token: str,
        method: str,
        path: str,
        body_sha256: str,
        lookup: Callable[[str], bytes | None],
    ) -> str:
        if lookup(token) is None:
            raise Rejected("unknown device")
        return token


def approve(service: HQService, *device_ids: str) -> None:
    """Enroll and approve fake devices (FakeKeys: the request bytes are the device id)."""
    for device_id in device_ids:
        service.enroll(device_id.encode())
        service.devices.approve(device_id)
