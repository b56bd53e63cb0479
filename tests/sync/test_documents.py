"""Receipts, enrollment requests and request tokens: genuine ones pass, forged ones never."""

from __future__ import annotations

import datetime as dt

import pytest

from hradvisor.sync import (
    EnrollmentRejected,
    Identity,
    ReceiptRejected,
    TokenRejected,
    make_enrollment_request,
    make_receipt,
    make_token,
    verify_enrollment_request,
    verify_receipt,
    verify_token,
)
from hradvisor.sync.token import EMPTY_SHA256, MAX_CLOCK_SKEW
from tests.sync.packages import DEVICE_ID

HASH = "ab" * 32
NOW = 1_795_000_000.0


def _receipt(hq: Identity, **overrides: object) -> bytes:
    fields: dict[str, object] = {
        "device_id": DEVICE_ID,
        "sequence": 3,
        "package_hash": HASH,
        "counts": {"revisions": 12, "attachments": 1},
        "received_at": dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC),
    }
    fields.update(overrides)
    return make_receipt(hq, **fields)  # type: ignore[arg-type]


def test_receipt_round_trip(hq: Identity) -> None:
    receipt = verify_receipt(_receipt(hq), hq.public_bundle())
    assert (receipt.device_id, receipt.sequence, receipt.package_hash) == (DEVICE_ID, 3, HASH)
    assert receipt.counts == {"revisions": 12, "attachments": 1}
    assert receipt.received_at == "2026-11-23T12:00:00.000Z"


def test_receipt_forged_by_anyone_but_hq_is_rejected(hq: Identity, device: Identity) -> None:
    with pytest.raises(ReceiptRejected) as caught:
        verify_receipt(_receipt(device), hq.public_bundle())
    assert caught.value.exit_code == 5


def test_receipt_with_any_byte_changed_is_rejected(hq: Identity) -> None:
    data = _receipt(hq)
    for index in range(0, len(data), 97):
        broken = bytearray(data)
        broken[index] ^= 0x01
        with pytest.raises(ReceiptRejected):
            verify_receipt(bytes(broken), hq.public_bundle())


def test_receipt_signature_cannot_be_reused_as_enrollment(hq: Identity) -> None:
    data = bytearray(_receipt(hq))
    data[:4] = b"HREN"
    with pytest.raises(EnrollmentRejected):
        verify_enrollment_request(bytes(data))


def test_receipt_builder_refuses_bad_fields(hq: Identity) -> None:
    with pytest.raises(ReceiptRejected):
        _receipt(hq, package_hash="nothex")
    with pytest.raises(ReceiptRejected):
        _receipt(hq, counts={"Bad Name": 1})
    with pytest.raises(ReceiptRejected):
        _receipt(hq, sequence=0)


def test_enrollment_round_trip(device: Identity, hq: Identity) -> None:
    data = make_enrollment_request(
        device, DEVICE_ID, "Field laptop, Elsenmoor office", hq_bundle=hq.public_bundle()
    )
    request = verify_enrollment_request(data)
    assert request.device_id == DEVICE_ID
    assert request.bundle == device.public_bundle()
    assert request.fingerprint == device.fingerprint
    assert request.hq_fingerprint == hq.fingerprint
    assert request.label == "Field laptop, Elsenmoor office"


def test_enrollment_with_swapped_bundle_is_rejected(device: Identity, stranger: Identity) -> None:
    """Someone presenting another device's bundle cannot sign for it."""
    genuine = make_enrollment_request(device, DEVICE_ID, "laptop")
    forged = genuine.replace(
        __import__("base64").b64encode(device.public_bundle().to_bytes()),
        __import__("base64").b64encode(stranger.public_bundle().to_bytes()),
    )
    assert forged != genuine
    with pytest.raises(EnrollmentRejected):
        verify_enrollment_request(forged)


@pytest.mark.parametrize("label", ["", "x" * 201, "line\nbreak"])
def test_enrollment_label_rules(device: Identity, label: str) -> None:
    with pytest.raises(EnrollmentRejected):
        make_enrollment_request(device, DEVICE_ID, label)


class _Nonces:
    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, nonce: str) -> bool:
        known = nonce in self.seen
        self.seen.add(nonce)
        return known


def _verify(token: str, device: Identity, *, now: float = NOW, **overrides: str) -> str:
    request = {"method": "PATCH", "path": "/v1/uploads/u1", "body_sha256": HASH}
    request.update(overrides)
    return verify_token(
        token,
        request["method"],
        request["path"],
        request["body_sha256"],
        lambda device_id: device.public_bundle() if device_id == DEVICE_ID else None,
        now,
        _Nonces(),
    )


def _token(device: Identity, **overrides: object) -> str:
    fields: dict[str, object] = {
        "device_id": DEVICE_ID,
        "method": "PATCH",
        "path": "/v1/uploads/u1",
        "body_sha256": HASH,
        "now": NOW,
    }
    fields.update(overrides)
    return make_token(device, **fields)  # type: ignore[arg-type]


def test_token_round_trip(device: Identity) -> None:
    assert _verify(_token(device), device) == DEVICE_ID


def test_replayed_token_is_rejected(device: Identity) -> None:
    token, nonces = _token(device), _Nonces()

    def check() -> str:
        return verify_token(
            token, "PATCH", "/v1/uploads/u1", HASH, lambda _: device.public_bundle(), NOW, nonces
        )

    assert check() == DEVICE_ID
    with pytest.raises(TokenRejected, match="replayed"):
        check()


@pytest.mark.parametrize(
    "override",
    [{"method": "POST"}, {"path": "/v1/uploads/u2"}, {"body_sha256": EMPTY_SHA256}],
)
def test_token_for_another_request_is_rejected(device: Identity, override: dict[str, str]) -> None:
    with pytest.raises(TokenRejected, match="does not match"):
        _verify(_token(device), device, **override)


@pytest.mark.parametrize("skew", [-MAX_CLOCK_SKEW - 1, MAX_CLOCK_SKEW + 1])
def test_stale_or_future_token_is_rejected(device: Identity, skew: int) -> None:
    with pytest.raises(TokenRejected, match="clock"):
        _verify(_token(device), device, now=NOW + skew)


def test_token_within_skew_is_accepted(device: Identity) -> None:
    assert _verify(_token(device), device, now=NOW + MAX_CLOCK_SKEW) == DEVICE_ID


def test_token_from_unknown_device_or_wrong_key(device: Identity, stranger: Identity) -> None:
    with pytest.raises(TokenRejected, match="unknown"):
        _verify(_token(device, device_id="another-device"), device)
    with pytest.raises(TokenRejected, match="signature"):
        _verify(_token(stranger), device)


def test_token_nonce_is_recorded_only_after_the_signature(
    device: Identity, stranger: Identity
) -> None:
    nonces = _Nonces()
    forged = _token(stranger, nonce="0" * 32)
    with pytest.raises(TokenRejected):
        verify_token(
            forged, "PATCH", "/v1/uploads/u1", HASH, lambda _: device.public_bundle(), NOW, nonces
        )
    assert nonces.seen == set()


@pytest.mark.parametrize("token", ["", "v1", "v1..", "v2.a.b", "v1.!!.xx", "x" * 9000])
def test_malformed_tokens_are_rejected(device: Identity, token: str) -> None:
    with pytest.raises(TokenRejected):
        _verify(token, device)
