"""Identities: bundles round-trip, fingerprints read aloud, both signatures required."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519, mldsa

from hradvisor.store import IntegrityError, WrongPassphrase
from hradvisor.sync import (
    BadSignature,
    Identity,
    PackageRejected,
    PublicBundle,
    load_identity,
    normalise_fingerprint,
    save_identity,
)
from hradvisor.sync.identity import BUNDLE_BYTES, SIGNATURE_BYTES
from tests.conftest import FAST_KDF, PASSPHRASE


def test_bundle_round_trips_and_has_a_readable_fingerprint(device: Identity) -> None:
    bundle = device.public_bundle()
    raw = bundle.to_bytes()
    assert len(raw) == BUNDLE_BYTES
    again = PublicBundle.from_bytes(raw)
    assert again == bundle and again.fingerprint == bundle.fingerprint
    groups = bundle.fingerprint.split("-")
    assert len(groups) == 8 and all(len(g) == 4 and g.isalnum() for g in groups)
    assert normalise_fingerprint(bundle.fingerprint.lower().replace("-", " ")) == bundle.fingerprint


def test_different_identities_have_different_fingerprints(device: Identity, hq: Identity) -> None:
    assert device.fingerprint != hq.fingerprint


def test_secret_bytes_rebuild_the_same_identity(device: Identity) -> None:
    again = Identity.from_secret_bytes(device.secret_bytes())
    assert again.public_bundle() == device.public_bundle()
    signature = again.sign(b"message")
    assert device.public_bundle().verify(b"message", signature) is True


@pytest.mark.parametrize("cut", [0, 4, 5, BUNDLE_BYTES - 1, BUNDLE_BYTES + 1])
def test_malformed_bundle_is_rejected(device: Identity, cut: int) -> None:
    raw = device.public_bundle().to_bytes()
    data = raw[:cut] if cut <= len(raw) else raw + b"\x00"
    with pytest.raises(PackageRejected):
        PublicBundle.from_bytes(data)


def test_bad_magic_or_version_is_rejected(device: Identity) -> None:
    raw = bytearray(device.public_bundle().to_bytes())
    for index in (0, 4):
        broken = bytearray(raw)
        broken[index] ^= 1
        with pytest.raises(PackageRejected):
            PublicBundle.from_bytes(bytes(broken))


def test_signature_verifies_and_any_flip_fails(device: Identity) -> None:
    bundle = device.public_bundle()
    signature = device.sign(b"hello")
    assert len(signature) == SIGNATURE_BYTES
    assert bundle.verify(b"hello", signature)
    with pytest.raises(BadSignature):
        bundle.verify(b"hellp", signature)
    for index in (0, 63, 64, SIGNATURE_BYTES - 1):
        broken = bytearray(signature)
        broken[index] ^= 0x80
        with pytest.raises(BadSignature):
            bundle.verify(b"hello", bytes(broken))
    with pytest.raises(BadSignature):
        bundle.verify(b"hello", signature[:-1])


def test_one_valid_half_is_not_enough(device: Identity, stranger: Identity) -> None:
    """Forge each half in turn: a valid Ed25519 with a foreign ML-DSA, and the reverse."""
    bundle = device.public_bundle()
    mine, theirs = device.sign(b"msg"), stranger.sign(b"msg")
    with pytest.raises(BadSignature, match="ML-DSA"):
        bundle.verify(b"msg", mine[:64] + theirs[64:])
    with pytest.raises(BadSignature, match="Ed25519"):
        bundle.verify(b"msg", theirs[:64] + mine[64:])
    with pytest.raises(BadSignature):
        bundle.verify(b"msg", bytes(SIGNATURE_BYTES))


def test_halves_are_plain_ed25519_and_ml_dsa_65(device: Identity) -> None:
    """An independent verifier with only the raw public keys accepts each half."""
    raw = device.public_bundle().to_bytes()
    signature = device.sign(b"independent")
    ed25519.Ed25519PublicKey.from_public_bytes(raw[1221:1253]).verify(
        signature[:64], b"independent"
    )
    mldsa.MLDSA65PublicKey.from_public_bytes(raw[1253:]).verify(signature[64:], b"independent")


def test_identity_file_round_trips(tmp_path: Path, hq: Identity) -> None:
    path = tmp_path / "hq.identity"
    save_identity(hq, path, PASSPHRASE, kdf=FAST_KDF)
    assert path.stat().st_mode & 0o077 == 0
    assert hq.secret_bytes() not in path.read_bytes()
    assert load_identity(path, PASSPHRASE).public_bundle() == hq.public_bundle()
    with pytest.raises(WrongPassphrase):
        load_identity(path, "not the passphrase")


def test_identity_file_with_edited_kdf_is_refused(tmp_path: Path, hq: Identity) -> None:
    path = tmp_path / "hq.identity"
    save_identity(hq, path, PASSPHRASE, kdf=FAST_KDF)
    text = path.read_text().replace('"iterations": 1', '"iterations": 2')
    path.write_text(text)
    with pytest.raises(WrongPassphrase):
        load_identity(path, PASSPHRASE)
    path.write_text("{not json")
    with pytest.raises(IntegrityError):
        load_identity(path, PASSPHRASE)
