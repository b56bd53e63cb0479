"""HQ intake (DESIGN §8): the consolidated store, the web service and the admin CLI.

Public surface: ``create_store`` / ``open_store`` (the SQLCipher HQ store),
``HQService`` (enrollment, authentication, resumable uploads, ingest with
signed receipts), ``create_app`` / ``make_server`` (FastAPI over TLS), and the
``hradvisor-hq`` command line in ``hradvisor.hq.cli``. Errors carry the exit
codes of DESIGN §10; ``Rejected`` (exit 5) means nothing of a package was kept.
"""

from hradvisor.hq.devices import Device, Devices
from hradvisor.hq.errors import HQError, HQUsageError, Rejected, UploadError
from hradvisor.hq.ingest import Gap, IngestOutcome
from hradvisor.hq.service import HQService
from hradvisor.hq.store import HQStore, create_store, open_store

__all__ = [
    "Device",
    "Devices",
    "Gap",
    "HQError",
    "HQService",
    "HQStore",
    "HQUsageError",
    "IngestOutcome",
    "Rejected",
    "UploadError",
    "create_store",
    "open_store",
]
