"""Every HQ-side attack of DESIGN §12: refused whole, reason logged, nothing stored.

Packages are built with the real package layer (hradvisor.sync), and the
malicious ones crafted the way an attacker holding some (not all) keys could.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hradvisor.hq.errors import Rejected
from hradvisor.hq.service import HQService
from hradvisor.sync import Identity, PublicBundle, generate_identity
from hradvisor.sync.package import (
    FRAME_OVERHEAD,
    INFO_PREFIX,
    MAX_PACKAGE_BYTES,
    SIGNATURE_PREFIX,
    SUITE,
    ZERO_HASH,
    bucket_for,
    encode_content,
    hash_package,
    package_header,
    seal_content,
)
from tests.hq.field import FieldDevice

STORED = ("packages", "receipts", "revisions", "attachment_chunks", "entities", "gaps")


def stored(service: HQService) -> dict[str, int]:
    with service.store.db.read() as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in STORED}


def rejections(service: HQService) -> list[tuple[str, str | None]]:
    with service.store.db.read() as conn:
        return conn.execute("SELECT reason, device_id FROM rejections ORDER BY id").fetchall()


def refused(service: HQService, data: bytes, reason: str | None) -> str:
    """Ingest *data*, expect a rejection matching *reason*, and check nothing changed."""
    before = stored(service)
    logged = len(rejections(service))
    with pytest.raises(Rejected, match=reason) as caught:
        service.ingest(data, via="file")
    assert stored(service) == before
    log = rejections(service)
    assert len(log) == logged + 1 and log[-1][0] == caught.value.reason
    assert "Fictional narrative" not in log[-1][0] and "Fenwick" not in log[-1][0]
    return caught.value.reason


def resealed(
    device: FieldDevice, hq: PublicBundle, mutate: Callable[[bytes], bytes], signer: Identity
) -> bytes:
    """A correctly encrypted package whose signature *mutate* changed (an attacker's reseal)."""
    content = encode_content(
        device_id=device.device_id,
        sequence=1,
        previous_hash=None,
        revisions=device.revisions(2),
        attachments=[],
    )
    bucket = bucket_for(FRAME_OVERHEAD + len(content))
    header = package_header(hq, bucket)
    signature = mutate(signer.sign(SIGNATURE_PREFIX + hash_package(header, content)))
    plaintext = struct.pack(">I", len(content)) + content + signature
    plaintext += bytes(bucket - len(plaintext))
    return header + SUITE.encrypt(plaintext, hq.kem, info=INFO_PREFIX + header)


def test_the_reseal_helper_makes_valid_packages(
    service: HQService, device: FieldDevice, hq_bundle: PublicBundle
) -> None:
    """So each attack below differs from an accepted package in one thing only."""
    data = resealed(device, hq_bundle, lambda sig: sig, device.identity)
    assert service.ingest(data, via="file").counts["revisions"] == 2


def test_truncated(service: HQService, device: FieldDevice) -> None:
    data = device.package().data
    for keep in (10, len(data) // 2, len(data) - 1):
        refused(service, data[:keep], "truncated|decryption")


@pytest.mark.parametrize("where", [0.001, 0.1, 0.5, 0.9, 0.999])
def test_bit_flipped(service: HQService, device: FieldDevice, where: float) -> None:
    data = bytearray(device.package().data)
    data[int(len(data) * where)] ^= 0x10
    refused(service, bytes(data), None)


def test_oversized(service: HQService) -> None:
    refused(service, bytes(MAX_PACKAGE_BYTES + 1), "too large")


def test_wrong_recipient(service: HQService, device: FieldDevice) -> None:
    other_hq = generate_identity().public_bundle()
    device.hq = other_hq
    refused(service, device.package().data, "wrong recipient")


def test_replayed_package_changes_nothing(service: HQService, device: FieldDevice) -> None:
    data = device.package().data
    first = service.ingest(data, via="file")
    before = stored(service)
    again = service.ingest(data, via="https")
    assert again.replay and again.receipt == first.receipt and stored(service) == before


def test_replay_from_a_device_revoked_since_is_refused(
    service: HQService, device: FieldDevice
) -> None:
    data = device.package().data
    service.ingest(data, via="file")
    service.devices.revoke(device.device_id)
    refused(service, data, "device revoked")


def test_reordered_delivery_loses_and_duplicates_nothing(
    service: HQService, device: FieldDevice
) -> None:
    first, second, third = (device.package().data for _ in range(3))
    assert service.ingest(third, via="file").counts["missing_packages"] == 2
    service.ingest(first, via="file")
    assert service.ingest(second, via="file").gaps == []
    service.ingest(first, via="file")  # and a stale copy again: idempotent
    assert stored(service)["packages"] == 3 and stored(service)["revisions"] == 9


def test_forked_same_sequence(service: HQService, device: FieldDevice) -> None:
    """A cloned laptop signs a different package 1: the first one HQ stored stands."""
    original = device.package()
    device.sequence, device.last_hash = 0, None
    fork = device.package()
    assert fork.package_hash != original.package_hash
    service.ingest(original.data, via="file")
    refused(service, fork.data, "fork")


def test_forked_chain(service: HQService, device: FieldDevice) -> None:
    service.ingest(device.package().data, via="file")
    device.last_hash = "ab" * 32  # package 2 claims another predecessor
    refused(service, device.package().data, "fork")


def test_unsigned(service: HQService, device: FieldDevice, hq_bundle: PublicBundle) -> None:
    data = resealed(device, hq_bundle, lambda sig: bytes(len(sig)), device.identity)
    refused(service, data, "Ed25519")


def test_only_ed25519_valid(
    service: HQService, device: FieldDevice, hq_bundle: PublicBundle
) -> None:
    foreign = generate_identity().sign(b"x")
    data = resealed(device, hq_bundle, lambda sig: sig[:64] + foreign[64:], device.identity)
    refused(service, data, "ML-DSA")


def test_only_ml_dsa_valid(
    service: HQService, device: FieldDevice, hq_bundle: PublicBundle
) -> None:
    foreign = generate_identity().sign(b"x")
    data = resealed(device, hq_bundle, lambda sig: foreign[:64] + sig[64:], device.identity)
    refused(service, data, "Ed25519")


def test_signed_by_another_key_under_an_enrolled_id(
    service: HQService, device: FieldDevice, hq_bundle: PublicBundle
) -> None:
    refused(service, resealed(device, hq_bundle, lambda sig: sig, generate_identity()), "signature")


def test_unknown_device(service: HQService, hq_bundle: PublicBundle) -> None:
    stranger = FieldDevice(hq_bundle)
    reason = refused(service, stranger.package().data, "unknown")
    assert rejections(service)[-1] == (reason, None)


@pytest.mark.parametrize("status", ["pending", "revoked"])
def test_device_not_approved(service: HQService, hq_bundle: PublicBundle, status: str) -> None:
    laptop = FieldDevice(hq_bundle)
    service.enroll(laptop.enrollment())
    if status == "revoked":
        service.devices.approve(laptop.device_id)
        service.devices.revoke(laptop.device_id)
    refused(service, laptop.package().data, "revoked" if status == "revoked" else "not approved")
    assert rejections(service)[-1][1] == laptop.device_id


def test_decompression_bomb(
    service: HQService, device: FieldDevice, hq_bundle: PublicBundle
) -> None:
    deflater = zlib.compressobj(9)
    bomb = b"".join(deflater.compress(bytes(1 << 20)) for _ in range(512)) + deflater.flush()
    content = (
        bytes([len(device.device_id)])
        + device.device_id.encode()
        + struct.pack(">Q", 1)
        + ZERO_HASH
        + struct.pack(">II", 1024, len(bomb))
        + bomb
    )
    data = seal_content(device.identity, hq_bundle, content).data
    refused(service, data, "manifest")


def test_a_refused_package_can_be_sent_again_once_the_device_is_approved(
    service: HQService, hq_bundle: PublicBundle
) -> None:
    laptop = FieldDevice(hq_bundle)
    service.enroll(laptop.enrollment())
    data = laptop.package().data
    refused(service, data, "not approved")
    service.devices.approve(laptop.device_id)
    assert service.ingest(data, via="file").counts["revisions"] == 3


def test_a_signed_revision_that_does_not_match_its_hash(
    service: HQService, device: FieldDevice
) -> None:
    """De-duplication by hash must never merge two contents: a lying hash rejects the package."""
    honest, forged = device.revisions(2)
    forged["body"] = {**forged["body"], "title": "Altered after hashing"}
    reason = refused(service, device.package([honest, forged]).data, "hash")
    assert "Altered" not in reason


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=4096), keep_header=st.booleans())
def test_any_bytes_are_rejected_cleanly(
    service: HQService, device: FieldDevice, data: bytes, keep_header: bool
) -> None:
    """Fuzz: whatever arrives, the answer is a logged rejection, never a crash or a write."""
    if keep_header:
        data = device.package().data[:48] + data
    refused(service, data, None)
