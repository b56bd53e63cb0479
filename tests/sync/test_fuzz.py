"""Parsers meet arbitrary bytes: they reject cleanly (PackageRejected), never crash or hang."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hradvisor.sync import (
    Identity,
    PackageRejected,
    PublicBundle,
    generate_identity,
    open_package,
    verify_enrollment_request,
    verify_receipt,
    verify_token,
)
from tests.sync.packages import build, lookup_for

DEVICE = generate_identity()
HQ = generate_identity()
PACKAGE = build(DEVICE, HQ.public_bundle()).data
RECEIPT_PREFIX = b"HRRC\x01"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mutations(original: bytes) -> st.SearchStrategy[bytes]:
    """Truncations, flips, insertions and splices of a genuine document."""

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        data = bytearray(original)
        for _ in range(draw(st.integers(1, 4))):
            if not data:
                break
            index = draw(st.integers(0, len(data) - 1))
            kind = draw(st.sampled_from(["flip", "cut", "insert", "splice"]))
            if kind == "flip":
                data[index] ^= draw(st.integers(1, 255))
            elif kind == "cut":
                del data[index:]
            elif kind == "insert":
                data[index:index] = draw(st.binary(min_size=1, max_size=16))
            else:
                data[index:] = draw(st.binary(max_size=64))
        return bytes(data)

    return mutate()


@SETTINGS
@given(st.one_of(st.binary(max_size=4096), _mutations(PACKAGE)))
def test_open_package_only_rejects(data: bytes) -> None:
    try:
        open_package(data, HQ, lookup_for(DEVICE))
    except PackageRejected:
        return
    assert data == PACKAGE


@SETTINGS
@given(st.binary(max_size=8192))
def test_random_prefixed_package_is_rejected(tail: bytes) -> None:
    data = PACKAGE[:48] + tail
    try:
        open_package(data, HQ, lookup_for(DEVICE))
    except PackageRejected:
        return
    raise AssertionError("accepted random bytes")


def _receipt(identity: Identity) -> bytes:
    from hradvisor.sync import make_receipt

    return make_receipt(
        identity,
        device_id="dev",
        sequence=1,
        package_hash="0" * 64,
        counts={"revisions": 1},
        received_at="2026-11-23T12:00:00.000Z",
    )


RECEIPT = _receipt(HQ)


@SETTINGS
@given(st.one_of(st.binary(max_size=4096), _mutations(RECEIPT)))
def test_verify_receipt_only_rejects(data: bytes) -> None:
    try:
        verify_receipt(data, HQ.public_bundle())
    except PackageRejected:
        return
    assert data == RECEIPT


ENROLLMENT = __import__("hradvisor.sync", fromlist=["x"]).make_enrollment_request(
    DEVICE, "dev", "laptop"
)


@SETTINGS
@given(st.one_of(st.binary(max_size=4096), _mutations(ENROLLMENT)))
def test_verify_enrollment_only_rejects(data: bytes) -> None:
    try:
        verify_enrollment_request(data)
    except PackageRejected:
        return
    assert data == ENROLLMENT


@SETTINGS
@given(
    st.one_of(st.binary(max_size=8192), _mutations(PublicBundle.to_bytes(DEVICE.public_bundle())))
)
def test_bundle_parser_only_rejects(data: bytes) -> None:
    """Any well-formed key bytes are a bundle (keys have no checksum); the rest is rejected."""
    try:
        bundle = PublicBundle.from_bytes(data)
    except PackageRejected:
        return
    assert bundle.to_bytes() == data and len(data) == len(DEVICE.public_bundle().to_bytes())


TOKEN = __import__("hradvisor.sync", fromlist=["x"]).make_token(
    DEVICE, "dev", "GET", "/v1/health", "0" * 64, 1_800_000_000
)


@SETTINGS
@given(
    st.one_of(
        st.text(max_size=9000),
        _mutations(TOKEN.encode()).map(lambda b: b.decode("latin-1")),
    )
)
def test_verify_token_only_rejects(token: str) -> None:
    try:
        verify_token(
            token,
            "GET",
            "/v1/health",
            "0" * 64,
            lambda _: DEVICE.public_bundle(),
            1_800_000_000,
            lambda _: False,
        )
    except PackageRejected:
        return
    assert token == TOKEN
