"""HQ intake figures (DESIGN §11): ingest rate, and 50 concurrent uploads with none lost.

Packages are built beforehand (not timed) with the real package layer from
fictional demo incidents, 100 per package (a typical delta), from five
devices. Ingest is timed end to end: decrypt, verify both signatures, check
the chain, store revisions, sign and store the receipt, one transaction each.
The concurrent figure runs the real HTTPS service on 127.0.0.1 with a
throwaway self-signed certificate and sends 50 packages at once.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import hashlib
import ipaddress
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from bench.fixtures import demo_incidents
from bench.report import Budget, Row
from hradvisor.hq.keys import SyncKeys, install_identity
from hradvisor.hq.server import create_app, make_server
from hradvisor.hq.service import HQService
from hradvisor.hq.store import create_store, open_store
from hradvisor.model import incident_to_json
from hradvisor.model.canonical import canonical_json
from hradvisor.store import KdfParams
from hradvisor.store.revisions import revision_hash
from hradvisor.sync import (
    Identity,
    PublicBundle,
    generate_identity,
    make_enrollment_request,
    make_package,
    make_token,
)

INGEST_BUDGET = Budget(at_least=2_000)
PER_PACKAGE = 100
DEVICES = 5
INGEST_PACKAGES = 50
CONCURRENT = 50
PASSPHRASE = "bench-only-operator-passphrase"
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # unlock is not measured here


class Device:
    def __init__(self, number: int, hq: PublicBundle) -> None:
        self.identity: Identity = generate_identity()
        self.device_id = f"bench-device-{number}"
        self.hq = hq
        self.sequence, self.last_hash, self.revision_seq = 0, None, 0

    def package(self, incidents: list) -> bytes:
        revisions = []
        for incident in incidents:
            self.revision_seq += 1
            body = incident_to_json(incident)
            fields = {
                "entity_type": "incident",
                "entity_id": incident.id,
                "parents": [],
                "device_id": self.device_id,
                "device_seq": self.revision_seq,
                "created_at": "2026-11-23T10:00:00.000Z",
                "deleted": False,
            }
            digest = revision_hash(
                **{k: tuple(v) if k == "parents" else v for k, v in fields.items()},
                body_bytes=canonical_json(body),
            )
            revisions.append({"hash": digest, **fields, "body": body})
        built = make_package(
            device=self.identity,
            device_id=self.device_id,
            recipient=self.hq,
            sequence=self.sequence + 1,
            previous_hash=self.last_hash,
            revisions=revisions,
            attachments=[],
        )
        self.sequence, self.last_hash = built.sequence, built.package_hash
        return built.data

    def auth(self, method: str, path: str, body: bytes) -> dict[str, str]:
        digest = hashlib.sha256(body).hexdigest()
        token = make_token(self.identity, self.device_id, method, path, digest, time.time())
        return {"Authorization": f"HRDevice {token}"}


@contextmanager
def hq_service(root: Path) -> Iterator[tuple[HQService, list[Device]]]:
    create_store(root, PASSPHRASE, kdf=FAST_KDF)
    with open_store(root, PASSPHRASE) as store:
        service = HQService(store, SyncKeys(install_identity(store)))
        bundle = PublicBundle.from_bytes(service.keys.public_bundle)
        devices = [Device(n, bundle) for n in range(DEVICES)]
        for device in devices:
            service.enroll(make_enrollment_request(device.identity, device.device_id, "bench"))
            service.devices.approve(device.device_id)
        yield service, devices


def build(devices: list[Device], count: int, offset: int) -> list[bytes]:
    incidents = demo_incidents(offset + count * PER_PACKAGE)[offset:]
    return [
        devices[n % len(devices)].package(incidents[n * PER_PACKAGE : (n + 1) * PER_PACKAGE])
        for n in range(count)
    ]


def ingest_rows(service: HQService, packages: list[bytes]) -> list[Row]:
    """Wall-clock rate (the budget), and the rate per CPU-second of this process.

    The second figure is information: on a machine shared with other work it
    shows what the code costs, apart from waiting for a core (or the disk).
    """
    seconds = []
    cpu_start = time.process_time()
    for data in packages:
        start = time.perf_counter()
        service.ingest(data, via="file")
        seconds.append(time.perf_counter() - start)
    cpu = time.process_time() - cpu_start
    count = len(packages) * PER_PACKAGE
    return [
        Row(
            f"HQ ingest: {len(packages)} packages × {PER_PACKAGE} incidents (verify, store,"
            " receipt)",
            "/s",
            count / sum(seconds),
            worst=PER_PACKAGE / max(seconds),
            budget=INGEST_BUDGET,
        ),
        Row("HQ ingest, same run, per CPU-second of this process", "/s", count / cpu),
    ]


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def upload(url: str, context: ssl.SSLContext, device: Device, data: bytes) -> bool:
    """One package over the resumable protocol; True if a receipt came back."""
    with httpx.Client(base_url=url, verify=context, timeout=120) as client:
        body = canonical_json({"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
        started = client.post(
            "/v1/uploads", content=body, headers=device.auth("POST", "/v1/uploads", body)
        )
        upload_id = started.json()["upload_id"]
        path = f"/v1/uploads/{upload_id}"
        headers = {**device.auth("PATCH", path, data), "Upload-Offset": "0"}
        return client.patch(path, content=data, headers=headers).status_code == 200


def concurrent_row(service: HQService, devices: list[Device], packages: list[bytes]) -> Row:
    with tempfile.TemporaryDirectory(prefix="hradvisor-bench-tls-") as folder:
        cert, key = self_signed(Path(folder))
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        url = f"https://127.0.0.1:{sock.getsockname()[1]}"
        server = make_server(
            create_app(service), host="127.0.0.1", port=0, certfile=str(cert), keyfile=str(key)
        )
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.01)
        context = ssl.create_default_context(cafile=str(cert))
        senders = [devices[n % len(devices)] for n in range(len(packages))]
        try:
            start = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(max_workers=CONCURRENT) as pool:
                answered = list(
                    pool.map(
                        upload, [url] * len(packages), [context] * len(packages), senders, packages
                    )
                )
            elapsed = time.perf_counter() - start
        finally:
            server.should_exit = True
            thread.join(timeout=60)
    with service.store.db.read() as conn:
        stored = conn.execute("SELECT count(*) FROM packages").fetchone()[0]
    lost = len(packages) - sum(answered)
    expected = INGEST_PACKAGES + len(packages)
    if lost or stored != expected:
        raise AssertionError(f"{lost} uploads without a receipt; {stored} of {expected} stored")
    return Row(
        f"HQ: {len(packages)} concurrent HTTPS uploads, {len(packages)} receipts, none lost",
        "/s",
        len(packages) * PER_PACKAGE / elapsed,
    )


def hq_rows() -> list[Row]:
    with (
        tempfile.TemporaryDirectory(prefix="hradvisor-bench-hq-") as folder,
        hq_service(Path(folder) / "hq") as (service, devices),
    ):
        ingest = build(devices, INGEST_PACKAGES, 0)
        rows = ingest_rows(service, ingest)
        racing = build(devices, CONCURRENT, INGEST_PACKAGES * PER_PACKAGE)
        rows.append(concurrent_row(service, devices, racing))
    return rows


if __name__ == "__main__":
    from bench.report import render

    print(render(hq_rows()))
