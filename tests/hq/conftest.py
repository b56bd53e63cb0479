from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme

from hradvisor.hq.keys import SyncKeys, install_identity
from hradvisor.hq.server import create_app, make_server
from hradvisor.hq.service import HQService
from hradvisor.hq.store import HQStore, create_store, open_store
from hradvisor.sync import PublicBundle
from tests.cli.conftest import _template_vault, cli, unlocked, vault_dir  # noqa: F401 (fixtures)
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.hq.field import FieldDevice
from tests.hq.helpers import FakeKeys


@dataclass(frozen=True)
class TLSFiles:
    cert: Path
    key: Path
    ca: Path


@pytest.fixture
def hq_dir(tmp_path: Path) -> Path:
    path = tmp_path / "hq"
    create_store(path, PASSPHRASE, kdf=FAST_KDF)
    return path


@pytest.fixture
def hq_store(hq_dir: Path) -> Iterator[HQStore]:
    with open_store(hq_dir, PASSPHRASE) as store:
        yield store


@pytest.fixture
def fake_service(hq_store: HQStore) -> HQService:
    return HQService(hq_store, FakeKeys())


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TLSFiles:
    """A throwaway CA and a certificate for 127.0.0.1 (trustme)."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    folder = tmp_path_factory.mktemp("tls")
    files = TLSFiles(folder / "cert.pem", folder / "key.pem", folder / "ca.pem")
    cert.cert_chain_pems[0].write_to_path(str(files.cert))
    cert.private_key_pem.write_to_path(str(files.key))
    ca.cert_pem.write_to_path(str(files.ca))
    return files


@contextlib.contextmanager
def running(service: HQService, tls: TLSFiles) -> Iterator[str]:
    """The real HQ server on an ephemeral 127.0.0.1 port, in a thread; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = make_server(
        create_app(service),
        host="127.0.0.1",
        port=port,
        certfile=str(tls.cert),
        keyfile=str(tls.key),
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the HQ server did not start")
            time.sleep(0.01)
        yield f"https://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


def tls_client(tls: TLSFiles, base_url: str, **kwargs: Any) -> httpx.Client:
    context = ssl.create_default_context(cafile=str(tls.ca))
    return httpx.Client(base_url=base_url, verify=context, timeout=30, **kwargs)


@pytest.fixture
def fake_server(fake_service: HQService, tls: TLSFiles) -> Iterator[str]:
    with running(fake_service, tls) as url:
        yield url


@pytest.fixture
def service(hq_store: HQStore) -> HQService:
    """The HQ service with a real identity and the real package layer (hradvisor.sync)."""
    return HQService(hq_store, SyncKeys(install_identity(hq_store)))


@pytest.fixture
def hq_bundle(service: HQService) -> PublicBundle:
    return PublicBundle.from_bytes(service.keys.public_bundle)


@pytest.fixture
def device(service: HQService, hq_bundle: PublicBundle) -> FieldDevice:
    """An enrolled and approved field device."""
    laptop = FieldDevice(hq_bundle)
    service.enroll(laptop.enrollment())
    service.devices.approve(laptop.device_id)
    return laptop
