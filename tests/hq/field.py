"""A field device as the HQ tests need one: real sync keys, packages, tokens, uploads."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from hradvisor.model.canonical import canonical_json
from hradvisor.model.ids import new_id
from hradvisor.store.revisions import revision_hash
from hradvisor.sync import (
    AttachmentChunk,
    BuiltPackage,
    Identity,
    PublicBundle,
    generate_identity,
    make_enrollment_request,
    make_package,
    make_token,
)


def incident_revision(
    device_id: str,
    device_seq: int,
    *,
    entity_id: str | None = None,
    parents: tuple[str, ...] = (),
    country: str = "XA",
    title: str = "Detention of traders at Fenwick Crossing",
    narrative: str = "Fictional narrative for tests.",
) -> dict[str, Any]:
    body = {
        "title": title,
        "date": "2026-10-14",
        "location": {"country": country, "admin1": f"{country}-02", "place": "Fenwick Crossing"},
        "violations": ["arbitrary-detention"],
        "narrative": narrative,
    }
    fields: dict[str, Any] = {
        "entity_type": "incident",
        "entity_id": entity_id or new_id(),
        "parents": list(parents),
        "device_id": device_id,
        "device_seq": device_seq,
        "created_at": f"2026-11-23T10:{device_seq // 60 % 60:02d}:{device_seq % 60:02d}.000Z",
        "deleted": False,
    }
    digest = revision_hash(
        **{k: tuple(v) if k == "parents" else v for k, v in fields.items()},
        body_bytes=canonical_json(body),
    )
    return {"hash": digest, **fields, "body": body}


@dataclass
class FieldDevice:
    """One adviser's laptop: its identity, its chain of packages and its revision counter."""

    hq: PublicBundle
    identity: Identity = field(default_factory=generate_identity)
    device_id: str = field(default_factory=new_id)
    label: str = "Adviser laptop, Arcadia office"
    sequence: int = 0
    last_hash: str | None = None
    revision_seq: int = 0

    def enrollment(self) -> bytes:
        return make_enrollment_request(self.identity, self.device_id, self.label, hq_bundle=self.hq)

    def revisions(self, count: int, **kwargs: Any) -> list[dict[str, Any]]:
        made = []
        for _ in range(count):
            self.revision_seq += 1
            made.append(incident_revision(self.device_id, self.revision_seq, **kwargs))
        return made

    def package(
        self,
        revisions: list[dict[str, Any]] | None = None,
        attachments: list[AttachmentChunk] | None = None,
    ) -> BuiltPackage:
        """The next package in this device's chain."""
        built = make_package(
            device=self.identity,
            device_id=self.device_id,
            recipient=self.hq,
            sequence=self.sequence + 1,
            previous_hash=self.last_hash,
            revisions=self.revisions(3) if revisions is None else revisions,
            attachments=attachments or [],
        )
        self.sequence, self.last_hash = built.sequence, built.package_hash
        return built

    def auth(self, method: str, path: str, body: bytes = b"") -> dict[str, str]:
        digest = hashlib.sha256(body).hexdigest()
        token = make_token(self.identity, self.device_id, method, path, digest, time.time())
        return {"Authorization": f"HRDevice {token}"}

    def upload(self, client: httpx.Client, data: bytes, chunk: int = 256 * 1024) -> httpx.Response:
        """Send *data* with the resumable protocol, resuming from wherever HQ stands."""
        body = canonical_json({"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
        started = client.post(
            "/v1/uploads", content=body, headers=self.auth("POST", "/v1/uploads", body)
        )
        if started.status_code != 201:
            return started
        upload_id, offset = started.json()["upload_id"], started.json()["offset"]
        path = f"/v1/uploads/{upload_id}"
        while True:
            piece = data[offset : offset + chunk]
            headers = {**self.auth("PATCH", path, piece), "Upload-Offset": str(offset)}
            answer = client.patch(path, content=piece, headers=headers)
            if answer.status_code != 204:
                return answer
            offset = int(answer.headers["Upload-Offset"])
