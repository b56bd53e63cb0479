"""Packages: round trip, determinism, and every attack of DESIGN §12 rejected."""

from __future__ import annotations

import hashlib
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hradvisor.model.canonical import canonical_json
from hradvisor.sync import Identity, PackageRejected, open_package
from hradvisor.sync.package import (
    BUCKETS,
    HEADER_BYTES,
    HPKE_OVERHEAD,
    MAX_CONTENT,
    MAX_PACKAGE_BYTES,
    ZERO_HASH,
    encode_content,
    encode_manifest,
    make_package,
    seal_content,
)
from tests.sync.packages import DEVICE_ID, build, chunk, lookup_for, revision, sample_revisions


def test_round_trip(device: Identity, hq: Identity) -> None:
    revisions = sample_revisions(5)
    built = build(device, hq.public_bundle(), revisions=revisions, attachments=[chunk(b"abc")])
    opened = open_package(built.data, hq, lookup_for(device))
    assert opened.device_id == DEVICE_ID
    assert opened.sequence == 1 and opened.previous_hash is None
    assert opened.package_hash == built.package_hash
    assert opened.revisions == revisions
    assert [(c.attachment_id, c.offset, c.data) for c in opened.attachments] == [
        (chunk().attachment_id, 0, b"abc")
    ]


def test_chain_fields_round_trip(device: Identity, hq: Identity) -> None:
    first = build(device, hq.public_bundle())
    second = build(device, hq.public_bundle(), sequence=2, previous_hash=first.package_hash)
    opened = open_package(second.data, hq, lookup_for(device))
    assert opened.sequence == 2 and opened.previous_hash == first.package_hash


def test_size_is_a_padding_bucket(device: Identity, hq: Identity) -> None:
    small = build(device, hq.public_bundle(), revisions=sample_revisions(1))
    larger = build(device, hq.public_bundle(), revisions=sample_revisions(60))
    assert len(small.data) == HEADER_BYTES + BUCKETS[0] + HPKE_OVERHEAD
    assert len(small.data) == len(build(device, hq.public_bundle(), revisions=[]).data)
    assert len(larger.data) - HEADER_BYTES - HPKE_OVERHEAD in BUCKETS


def test_same_data_same_content_and_hash(device: Identity, hq: Identity) -> None:
    """Deterministic plaintext: only the HPKE encapsulation and ML-DSA's hedge differ."""
    kwargs = {
        "device_id": DEVICE_ID,
        "sequence": 1,
        "previous_hash": None,
        "revisions": sample_revisions(4),
        "attachments": [chunk()],
    }
    assert encode_content(**kwargs) == encode_content(**kwargs)  # type: ignore[arg-type]
    one = make_package(device=device, recipient=hq.public_bundle(), **kwargs)  # type: ignore[arg-type]
    two = make_package(device=device, recipient=hq.public_bundle(), **kwargs)  # type: ignore[arg-type]
    assert one.package_hash == two.package_hash
    assert one.data != two.data  # fresh HPKE encapsulation each time


def test_no_plaintext_in_package_bytes(device: Identity, hq: Identity) -> None:
    canary = "CANARY-Zephyrine-Quillfeather-7731"
    revisions = [revision("0193a0a0-0000-7000-8000-000000000009", {"narrative": canary})]
    built = build(
        device, hq.public_bundle(), revisions=revisions, attachments=[chunk(canary.encode())]
    )
    assert canary.encode() not in built.data
    assert DEVICE_ID.encode() not in built.data


def test_wrong_recipient(device: Identity, hq: Identity, stranger: Identity) -> None:
    built = build(device, hq.public_bundle())
    with pytest.raises(PackageRejected, match="wrong recipient"):
        open_package(built.data, stranger, lookup_for(device))


def test_recipient_id_swapped_in_header_fails_decryption(
    device: Identity, hq: Identity, stranger: Identity
) -> None:
    built = build(device, stranger.public_bundle())
    data = bytearray(built.data)
    data[8:40] = hq.public_bundle().bundle_id
    with pytest.raises(PackageRejected, match="decryption failed"):
        open_package(bytes(data), hq, lookup_for(device))


def test_unknown_device(device: Identity, hq: Identity, stranger: Identity) -> None:
    built = build(stranger, hq.public_bundle(), device_id="someone-else")
    with pytest.raises(PackageRejected, match="unknown or revoked device"):
        open_package(built.data, hq, lookup_for(device))


def test_signed_by_another_key_under_an_enrolled_id(
    device: Identity, hq: Identity, stranger: Identity
) -> None:
    built = build(stranger, hq.public_bundle())
    with pytest.raises(PackageRejected, match="signature"):
        open_package(built.data, hq, lookup_for(device))


def _reseal_with_signature(device: Identity, hq: Identity, mutate: object) -> bytes:
    """Encrypt a correct content with a signature changed by *mutate*, as an attacker could."""
    from hradvisor.sync.package import (
        FRAME_OVERHEAD,
        INFO_PREFIX,
        SIGNATURE_PREFIX,
        SUITE,
        bucket_for,
        hash_package,
        package_header,
    )

    content = encode_content(
        device_id=DEVICE_ID, sequence=1, previous_hash=None, revisions=[], attachments=[]
    )
    bucket = bucket_for(FRAME_OVERHEAD + len(content))
    header = package_header(hq.public_bundle(), bucket)
    signature = mutate(device.sign(SIGNATURE_PREFIX + hash_package(header, content)))  # type: ignore[operator]
    plaintext = struct.pack(">I", len(content)) + content + signature
    plaintext += bytes(bucket - len(plaintext))
    return header + SUITE.encrypt(plaintext, hq.public_bundle().kem, info=INFO_PREFIX + header)


def test_unsigned_package_is_rejected(device: Identity, hq: Identity) -> None:
    data = _reseal_with_signature(device, hq, lambda sig: bytes(len(sig)))
    with pytest.raises(PackageRejected, match="Ed25519"):
        open_package(data, hq, lookup_for(device))


def test_only_ed25519_valid_is_rejected(device: Identity, hq: Identity, stranger: Identity) -> None:
    foreign = stranger.sign(b"x")
    data = _reseal_with_signature(device, hq, lambda sig: sig[:64] + foreign[64:])
    with pytest.raises(PackageRejected, match="ML-DSA"):
        open_package(data, hq, lookup_for(device))


def test_only_ml_dsa_valid_is_rejected(device: Identity, hq: Identity, stranger: Identity) -> None:
    foreign = stranger.sign(b"x")
    data = _reseal_with_signature(device, hq, lambda sig: foreign[:64] + sig[64:])
    with pytest.raises(PackageRejected, match="Ed25519"):
        open_package(data, hq, lookup_for(device))


def test_honest_reseal_helper_is_accepted(device: Identity, hq: Identity) -> None:
    """The attack helper itself builds valid packages, so the tests above test one thing."""
    data = _reseal_with_signature(device, hq, lambda sig: sig)
    assert open_package(data, hq, lookup_for(device)).revisions == []


@pytest.mark.parametrize("fraction", [0.0, 0.001, 0.01, 0.2, 0.5, 0.9, 0.999])
def test_bit_flip_anywhere_is_rejected(device: Identity, hq: Identity, fraction: float) -> None:
    data = bytearray(build(device, hq.public_bundle()).data)
    index = min(len(data) - 1, int(len(data) * fraction))
    data[index] ^= 0x01
    with pytest.raises(PackageRejected):
        open_package(bytes(data), hq, lookup_for(device))


def test_every_header_byte_is_checked(device: Identity, hq: Identity) -> None:
    original = build(device, hq.public_bundle()).data
    for index in range(HEADER_BYTES):
        data = bytearray(original)
        data[index] ^= 0x40
        with pytest.raises(PackageRejected):
            open_package(bytes(data), hq, lookup_for(device))


@pytest.mark.parametrize("keep", [0, 10, HEADER_BYTES, HEADER_BYTES + 100, -1])
def test_truncated_is_rejected(device: Identity, hq: Identity, keep: int) -> None:
    data = build(device, hq.public_bundle()).data
    with pytest.raises(PackageRejected):
        open_package(data[:keep], hq, lookup_for(device))


def test_trailing_bytes_are_rejected(device: Identity, hq: Identity) -> None:
    data = build(device, hq.public_bundle()).data
    with pytest.raises(PackageRejected, match="trailing"):
        open_package(data + b"\x00", hq, lookup_for(device))


def test_oversized_is_rejected_before_any_work(hq: Identity) -> None:
    data = b"HRPK" + bytes(MAX_PACKAGE_BYTES)
    with pytest.raises(PackageRejected, match="too large"):
        open_package(data, hq, lambda _id: None)


def test_builder_refuses_content_over_the_limit(device: Identity, hq: Identity) -> None:
    big = chunk(b"\x00" * 4, size=4)
    huge_revisions = [revision("0193a0a0-0000-7000-8000-000000000001", {"blob": "x" * MAX_CONTENT})]
    with pytest.raises(ValueError, match="split"):
        build(device, hq.public_bundle(), revisions=huge_revisions, attachments=[big])


def _signed_content(device: Identity, hq: Identity, content: bytes) -> bytes:
    return seal_content(device, hq.public_bundle(), content).data


def _content_with_manifest(compressed: bytes, declared: int, tail: bytes = b"") -> bytes:
    return (
        bytes([len(DEVICE_ID)])
        + DEVICE_ID.encode()
        + struct.pack(">Q", 1)
        + ZERO_HASH
        + struct.pack(">II", declared, len(compressed))
        + compressed
        + tail
    )


def test_decompression_bomb_stops_at_the_declared_size(device: Identity, hq: Identity) -> None:
    """A signed manifest that inflates to 1 GiB while declaring 1 KiB: rejected at the cap."""
    inflater = zlib.compressobj(9)
    bomb = b"".join(inflater.compress(bytes(1 << 20)) for _ in range(1024)) + inflater.flush()
    assert len(bomb) < 2 * 1024 * 1024
    data = _signed_content(device, hq, _content_with_manifest(bomb, 1024))
    with pytest.raises(PackageRejected, match="manifest size"):
        open_package(data, hq, lookup_for(device))


def test_declared_manifest_size_over_the_cap_is_rejected(device: Identity, hq: Identity) -> None:
    manifest = encode_manifest([], [])
    content = _content_with_manifest(zlib.compress(manifest), 64 * 1024 * 1024)
    with pytest.raises(PackageRejected, match="manifest length"):
        open_package(_signed_content(device, hq, content), hq, lookup_for(device))


def test_non_canonical_manifest_is_rejected(device: Identity, hq: Identity) -> None:
    manifest = (
        b'{"format": "hradvisor-package-manifest", "version": 1, '
        b'"revisions": [], "attachments": []}'
    )
    content = _content_with_manifest(zlib.compress(manifest), len(manifest))
    with pytest.raises(PackageRejected, match="canonical"):
        open_package(_signed_content(device, hq, content), hq, lookup_for(device))


def test_revision_not_matching_its_hash_is_rejected(device: Identity, hq: Identity) -> None:
    bad = sample_revisions(1)
    bad[0]["body"] = {"title": "changed after hashing"}
    manifest = encode_manifest(bad, [])
    content = _content_with_manifest(zlib.compress(manifest), len(manifest))
    with pytest.raises(PackageRejected, match="hash"):
        open_package(_signed_content(device, hq, content), hq, lookup_for(device))


def test_unlisted_attachment_bytes_are_rejected(device: Identity, hq: Identity) -> None:
    manifest = encode_manifest([], [])
    content = _content_with_manifest(zlib.compress(manifest), len(manifest), tail=b"smuggled")
    with pytest.raises(PackageRejected, match="unlisted"):
        open_package(_signed_content(device, hq, content), hq, lookup_for(device))


def test_chunk_beyond_its_file_is_rejected(device: Identity, hq: Identity) -> None:
    bad = chunk(b"abcdef", offset=4, size=8)
    manifest = canonical_json(
        {
            "format": "hradvisor-package-manifest",
            "version": 1,
            "revisions": [],
            "attachments": [bad.manifest_entry()],
        }
    )
    content = _content_with_manifest(zlib.compress(manifest), len(manifest), tail=bad.data)
    with pytest.raises(PackageRejected, match="attachment"):
        open_package(_signed_content(device, hq, content), hq, lookup_for(device))


def test_first_package_must_not_claim_a_previous_hash(device: Identity, hq: Identity) -> None:
    content = bytearray(_content_with_manifest(zlib.compress(encode_manifest([], [])), 0))
    start = 1 + len(DEVICE_ID) + 8
    content[start : start + 32] = hashlib.sha256(b"x").digest()
    with pytest.raises(PackageRejected, match="previous"):
        open_package(_signed_content(device, hq, bytes(content)), hq, lookup_for(device))


_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
_json = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(st.text(max_size=10), _json, max_size=5), max_size=5), st.data())
def test_assembled_manifest_is_canonical_json(revisions: list[dict], data: st.DataObject) -> None:
    """Pre-encoded revisions give exactly the canonical JSON of the whole manifest."""
    mixed = [canonical_json(r) if data.draw(st.booleans()) else r for r in revisions]
    expected = canonical_json(
        {
            "format": "hradvisor-package-manifest",
            "version": 1,
            "revisions": revisions,
            "attachments": [chunk().manifest_entry()],
        }
    )
    assert encode_manifest(mixed, [chunk()]) == expected
