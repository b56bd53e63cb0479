"""docs/package-format.md tells the truth: its constants match the code, and a decoder
written from the text alone (plain ``cryptography`` and ``zlib``) opens a real package."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import struct
import zlib
from pathlib import Path

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import ed25519, mldsa

from hradvisor.sync import Identity, envelope, identity, package, receipt, token
from hradvisor.sync import enrollment as enrollment_module
from tests.sync.packages import build, chunk, sample_revisions

DOC = Path(__file__).resolve().parents[2] / "docs" / "package-format.md"
MODULES = (identity, package, receipt, enrollment_module, token, envelope)


def _doc() -> str:
    return DOC.read_text()


def test_constants_table_matches_the_code() -> None:
    rows = re.findall(r"^\| `([A-Z_]+)` \| (\d+) \|", _doc(), re.M)
    assert len(rows) >= 12
    for name, value in rows:
        found = [getattr(m, name) for m in MODULES if hasattr(m, name)]
        assert found, f"{name} is documented but not in the code"
        assert found[0] == int(value), name


def test_buckets_and_prefixes_match() -> None:
    text = _doc()
    listed = re.search(r"2\^24 \(16 MiB\):\s([\d,\s]+)\.", text)
    assert listed is not None
    assert tuple(int(x) for x in listed.group(1).split(",")) == package.BUCKETS
    for purpose in (
        "package",
        "package-hash",
        "package-signature",
        "receipt",
        "enrollment",
        "token",
    ):
        assert f"`hradvisor/v1/{purpose}\\x00`" in text
        assert envelope.domain(purpose) == f"hradvisor/v1/{purpose}\x00".encode()


def test_fingerprint_example_has_the_documented_shape(device: Identity) -> None:
    example = re.search(r"e\.g\.\s+`([A-Z2-7-]+)`", _doc())
    assert example is not None
    assert re.fullmatch(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", example.group(1))
    assert re.fullmatch(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", device.fingerprint)
    digest = hashlib.sha256(device.public_bundle().to_bytes()).digest()
    assert device.fingerprint.replace("-", "") == base64.b32encode(digest[:20]).decode()


def _independent_open(data: bytes, hq: Identity, device_bundle: bytes) -> dict[str, object]:
    """Decode following the document only (no hradvisor.sync parsing code)."""
    header = data[:48]
    magic, version, suite, flags, recipient_id, bucket, sealed = struct.unpack(
        ">4sBBH32sII", header
    )
    assert (magic, version, suite, flags) == (b"HRPK", 1, 1, 0)
    assert recipient_id == hashlib.sha256(hq.public_bundle().to_bytes()).digest()
    assert sealed == bucket + 1136 == len(data) - 48
    hpke_suite = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    plaintext = hpke_suite.decrypt(
        data[48:], hq.kem_private_key, info=b"hradvisor/v1/package\x00" + header
    )
    (length,) = struct.unpack_from(">I", plaintext)
    content = plaintext[4 : 4 + length]
    signature = plaintext[4 + length : 4 + length + 3373]
    assert not any(plaintext[4 + length + 3373 :])
    digest = hashlib.sha256(b"hradvisor/v1/package-hash\x00" + header + content).digest()
    message = b"hradvisor/v1/package-signature\x00" + digest
    ed25519.Ed25519PublicKey.from_public_bytes(device_bundle[1221:1253]).verify(
        signature[:64], message
    )
    mldsa.MLDSA65PublicKey.from_public_bytes(device_bundle[1253:]).verify(signature[64:], message)
    n = content[0]
    device_id = content[1 : 1 + n].decode()
    (sequence,) = struct.unpack_from(">Q", content, 1 + n)
    previous = content[9 + n : 41 + n]
    m, c = struct.unpack_from(">II", content, 41 + n)
    manifest = zlib.decompress(content[49 + n : 49 + n + c])
    assert len(manifest) == m
    return {
        "device_id": device_id,
        "sequence": sequence,
        "previous": previous,
        "manifest": json.loads(manifest),
        "attachment_bytes": content[49 + n + c :],
        "package_hash": digest.hex(),
    }


def test_independent_decoder_opens_a_real_package(device: Identity, hq: Identity) -> None:
    revisions = sample_revisions(2)
    built = build(device, hq.public_bundle(), revisions=revisions, attachments=[chunk(b"xyz")])
    decoded = _independent_open(built.data, hq, device.public_bundle().to_bytes())
    assert decoded["sequence"] == 1 and decoded["previous"] == bytes(32)
    assert decoded["package_hash"] == built.package_hash
    manifest = decoded["manifest"]
    assert isinstance(manifest, dict) and manifest["revisions"] == revisions
    assert manifest["attachments"][0]["length"] == 3
    assert decoded["attachment_bytes"] == b"xyz"


def test_independent_receipt_check(hq: Identity) -> None:
    data = receipt.make_receipt(
        hq, device_id="d", sequence=1, package_hash="0" * 64, counts={}, received_at="t"
    )
    magic, version, length = struct.unpack_from(">4sBI", data)
    assert (magic, version) == (b"HRRC", 1)
    signed, signature = data[: 9 + length], data[9 + length :]
    bundle = hq.public_bundle().to_bytes()
    message = b"hradvisor/v1/receipt\x00" + signed
    ed25519.Ed25519PublicKey.from_public_bytes(bundle[1221:1253]).verify(signature[:64], message)
    mldsa.MLDSA65PublicKey.from_public_bytes(bundle[1253:]).verify(signature[64:], message)
    assert json.loads(data[9 : 9 + length])["format"] == "hradvisor-receipt"
