"""Sync figures (DESIGN §11): package crypto against raw AES-GCM, and a delta package.

* Package encryption: HPKE (ML-KEM-768+X25519, AES-256-GCM) of a full 16 MiB
  bucket, header bound through ``info``, against raw AES-256-GCM of the same
  bytes; budget ≥ 0.8×. The whole build (SHA-256 of the content, hybrid
  signature, encryption) and the whole open (decrypt, verify, inflate, parse)
  are shown beside it against the same baseline: hashing 16 MiB once for the
  signature is the price of sender authentication.
* Delta package: 100 new changes in a copy of the 100k vault whose backlog was
  already sent; ``Outbox.prepare`` finds, redacts, encodes, signs, encrypts and
  stores them in one package; budget ≤ 200 ms.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bench.fixtures import SEED, UNTIL, Fixture
from bench.measure import compare, summarise, timed
from bench.report import Budget, Row
from bench.stores import PASSPHRASE
from hradvisor.demo import generate_incidents
from hradvisor.store import open_vault
from hradvisor.store.sync_state import NewPackage, SyncState
from hradvisor.sync import generate_identity, open_package
from hradvisor.sync.outbox import Outbox
from hradvisor.sync.package import (
    HPKE_OVERHEAD,
    INFO_PREFIX,
    MAX_CHUNK,
    MAX_CONTENT,
    MAX_PLAINTEXT,
    SUITE,
    AttachmentChunk,
    encode_content,
    package_header,
    seal_content,
)

DELTA_CHANGES = 100
CRYPTO_RUNS = 25
MB = 1_000_000


def _full_content() -> bytes:
    """Content filling the largest bucket: random attachment bytes in 4 MiB chunks."""
    filler = os.urandom(MAX_CONTENT - 64 * 1024)
    chunks = [
        AttachmentChunk(
            "bench-attachment", "0" * 64, len(filler), start, filler[start : start + MAX_CHUNK]
        )
        for start in range(0, len(filler), MAX_CHUNK)
    ]
    return encode_content(
        device_id="bench", sequence=1, previous_hash=None, revisions=[], attachments=chunks
    )


def crypto_rows(runs: int) -> list[Row]:
    device, hq = generate_identity(), generate_identity()
    recipient, signer = hq.public_bundle(), device.public_bundle()
    content = _full_content()
    plaintext = os.urandom(MAX_PLAINTEXT)
    header = package_header(recipient, MAX_PLAINTEXT)
    aes, nonce = AESGCM(AESGCM.generate_key(bit_length=256)), os.urandom(12)

    def raw() -> object:
        return aes.encrypt(nonce, plaintext, None)

    def encrypt() -> object:
        return SUITE.encrypt(plaintext, recipient.kem, info=INFO_PREFIX + header)

    package = seal_content(device, recipient, content).data
    assert len(package) == len(header) + MAX_PLAINTEXT + HPKE_OVERHEAD

    def unpack() -> object:
        return open_package(package, hq, lambda _device_id: signer)

    sealed, baseline = compare(encrypt, raw, runs=runs)
    build, build_base = compare(lambda: seal_content(device, recipient, content), raw, runs=runs)
    opened, open_base = compare(unpack, raw, runs=runs)
    size = MAX_PLAINTEXT / MB
    rows = [
        ("package encryption, 16 MiB bucket (HPKE ML-KEM-768+X25519), MB", sealed, baseline),
        ("package build, 16 MiB (SHA-256, Ed25519 + ML-DSA-65, HPKE), MB", build, build_base),
        ("package open, 16 MiB (decrypt, verify both, parse), MB", opened, open_base),
    ]
    return [
        Row(
            figure,
            "/s",
            size / timing.median,
            worst=size / timing.worst,
            baseline=size / base.median,
            baseline_name="raw AES-GCM",
            budget=Budget(min_ratio=0.8) if index == 0 else None,
        )
        for index, (figure, timing, base) in enumerate(rows)
    ]


def delta_rows(fixture: Fixture, runs: int) -> list[Row]:
    """``Outbox.prepare`` for 100 new changes in a copy of the 100k vault, backlog sent."""
    with (
        tempfile.TemporaryDirectory(prefix="hradvisor-bench-sync-") as work,
        mock.patch.dict(os.environ, {"HRADVISOR_STATE_DIR": str(Path(work) / "state")}),
    ):
        copy = Path(work) / "vault"
        shutil.copytree(fixture.vault, copy)
        with open_vault(copy, PASSPHRASE) as vault:
            outbox = Outbox(vault)
            hq = generate_identity()
            outbox.pin_hq(hq.public_bundle())
            _mark_backlog_sent(vault, hq.public_bundle().fingerprint)
            count = vault.queries.count()  # the vault's size before the timed changes
            samples = []
            for run in range(runs + 1):
                batch = list(generate_incidents(DELTA_CHANGES, seed=SEED + 1000 + run, until=UNTIL))
                vault.incidents.add_many(batch)
                seconds = timed(outbox.prepare)
                if run:
                    samples.append(seconds)
            made = outbox.pending()
            assert made and made[-1].revisions == DELTA_CHANGES
    timing = summarise(samples)
    return [
        Row(
            f"delta package: {DELTA_CHANGES} changes in a {count // 1000}k vault (prepare)",
            "s",
            timing.median,
            worst=timing.worst,
            budget=Budget(at_most=0.2),
        )
    ]


def _mark_backlog_sent(vault: object, fingerprint: str) -> None:
    """Record the whole existing backlog as one delivered package (set-up, not timed)."""
    database = vault.database  # type: ignore[attr-defined]
    with database.read() as conn:
        last = int(conn.execute("SELECT coalesce(max(seq), 0) FROM revisions").fetchone()[0])
    SyncState(database).add_package(
        NewPackage(
            sequence=1,
            package_hash="0" * 64,
            previous_hash=None,
            hq_fingerprint=fingerprint,
            data=b"",
            first_seq=1,
            last_seq=last,
            revisions=last,
            chunks=(),
        )
    )


def sync_rows(fixture: Fixture, runs: int) -> list[Row]:
    # Crypto runs are cheap (tens of ms) and noisy on a shared machine: always take 25.
    return [*crypto_rows(CRYPTO_RUNS), *delta_rows(fixture, min(runs, 10))]
