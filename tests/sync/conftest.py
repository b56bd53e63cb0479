"""Identities are slow-ish to make (ML-KEM, ML-DSA): share a few per session."""

from __future__ import annotations

import pytest

from hradvisor.sync import Identity, generate_identity
from tests.cli.conftest import _template_vault, cli, unlocked, vault_dir  # noqa: F401 (fixtures)
from tests.hq.conftest import hq_bundle, hq_dir, hq_store, service, tls  # noqa: F401 (fixtures)


@pytest.fixture(scope="session")
def device() -> Identity:
    return generate_identity()


@pytest.fixture(scope="session")
def hq() -> Identity:
    return generate_identity()


@pytest.fixture(scope="session")
def stranger() -> Identity:
    return generate_identity()
