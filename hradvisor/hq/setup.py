"""Setting up an HQ directory and opening it for work.

``init_hq`` makes the encrypted store, HQ's identity inside it, and the
public files field devices need: ``hq-bundle.hrpub`` and a QR code of the
fingerprint. ``open_service`` unlocks it for the web service or the CLI.
"""

from __future__ import annotations

import io
from pathlib import Path

import segno

from hradvisor.hq.keys import SyncKeys, install_identity, load_identity
from hradvisor.hq.service import HQService
from hradvisor.hq.store import (
    BUNDLE_FILE,
    DB_FILE,
    KEY_FILE,
    QR_FILE,
    HQStore,
    create_store,
    open_store,
)
from hradvisor.store.errors import VaultExists
from hradvisor.store.files import write_atomic
from hradvisor.store.keyfile import KdfParams
from hradvisor.sync import Identity


def init_hq(path: Path, passphrase: str, *, kdf: KdfParams | None = None) -> Identity:
    """Create the HQ store and identity in *path*; finishes an init a crash interrupted."""
    path = Path(path)
    if not ((path / KEY_FILE).exists() and (path / DB_FILE).exists()):
        create_store(path, passphrase, kdf=kdf)
    with open_store(path, passphrase) as store:
        if _has_identity(store):
            raise VaultExists(f"an HQ store with an identity already exists in {path}")
        identity = install_identity(store)
    write_public_files(path, identity)
    return identity


def _has_identity(store: HQStore) -> bool:
    with store.db.read() as conn:
        return conn.execute("SELECT 1 FROM identity").fetchone() is not None


def write_public_files(path: Path, identity: Identity) -> None:
    """HQ's public bundle and a QR code of its fingerprint (public by design)."""
    write_atomic(path / BUNDLE_FILE, identity.public_bundle().to_bytes())
    image = io.BytesIO()
    segno.make_qr(identity.fingerprint, error="m").save(image, kind="png", scale=8, border=4)
    write_atomic(path / QR_FILE, image.getvalue())


def open_service(path: Path, passphrase: str, *, accept_rollback: bool = False) -> HQService:
    """The HQ service over the unlocked store in *path* (close ``service.store`` when done)."""
    store = open_store(path, passphrase, accept_rollback=accept_rollback)
    try:
        return HQService(store, SyncKeys(load_identity(store)))
    except BaseException:
        store.close()
        raise
