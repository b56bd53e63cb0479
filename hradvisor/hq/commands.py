"""The handlers behind ``hradvisor-hq``: thin layers over hradvisor.hq.

Each returns an exit code; errors are raised and turned into one line and a
code by ``hradvisor.hq.cli.main``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tqdm import tqdm

from hradvisor.hq.errors import Rejected
from hradvisor.hq.export import to_csv, to_json
from hradvisor.hq.passphrase import new_operator_passphrase, operator_passphrase
from hradvisor.hq.report import write_report
from hradvisor.hq.service import HQService
from hradvisor.hq.setup import init_hq, open_service
from hradvisor.hq.store import BUNDLE_FILE, QR_FILE, require_store
from hradvisor.hq.summary import summarise
from hradvisor.store.files import write_atomic

log = logging.getLogger("hradvisor.hq")
MAX_IMPORT_FILE = 64 * 1024 * 1024  # far above any package: refuse before reading
MAX_ENROLLMENT_FILE = 256 * 1024
RECEIPT_SUFFIX = ".hrrcpt"


def _passphrase_file(args: argparse.Namespace) -> Path | None:
    given = getattr(args, "passphrase_file", None)
    return Path(given) if given else None


@contextmanager
def _service(args: argparse.Namespace) -> Iterator[HQService]:
    path = Path(args.dir)
    require_store(path)  # "no HQ store here" before asking for a passphrase
    service = open_service(
        path,
        operator_passphrase(_passphrase_file(args)),
        accept_rollback=getattr(args, "accept_rollback", False),
    )
    try:
        yield service
    finally:
        service.store.close()


def init(args: argparse.Namespace) -> int:
    path = Path(args.dir)
    passphrase = new_operator_passphrase(_passphrase_file(args), allow_weak=args.allow_weak)
    identity = init_hq(path, passphrase)
    print(f"HQ store created in {path}")
    print(f"HQ fingerprint: {identity.fingerprint}")
    print(f"Give field devices {path / BUNDLE_FILE}; the QR code is {path / QR_FILE}.")
    print("Advisers must check the fingerprint with you (phone, in person) before enrolling.")
    return 0


def serve(args: argparse.Namespace) -> int:
    from hradvisor.hq.server import create_app, make_server  # FastAPI only when serving

    for option, value in (("--tls-cert", args.tls_cert), ("--tls-key", args.tls_key)):
        if not Path(value).is_file():
            raise FileNotFoundError(2, f"{option}: no such file", value)
    logging.basicConfig(level=logging.INFO, format="hradvisor-hq: %(message)s")
    with _service(args) as service:
        recovered = service.recover_uploads()
        if recovered:
            log.info("finished %d upload(s) interrupted by a previous stop", recovered)
        log.info("serving https://%s:%d/ as HQ %s", args.host, args.port, service.keys.fingerprint)
        server = make_server(
            create_app(service),
            host=args.host,
            port=args.port,
            certfile=args.tls_cert,
            keyfile=args.tls_key,
        )
        server.run()
    return 0


def devices_list(args: argparse.Namespace) -> int:
    with _service(args) as service:
        devices = service.devices.list()
    if args.json:
        print(json.dumps([device.as_json() for device in devices], indent=2, ensure_ascii=False))
        return 0
    if not devices:
        print("No devices have asked to enroll yet.")
    for device in devices:
        print(f"{device.device_id}  {device.status:<8}  {device.fingerprint}  {device.label}")
    return 0


def devices_enroll(args: argparse.Namespace) -> int:
    """An enrollment request that came on a USB stick or by email: verify, record as pending."""
    data = _read_capped(args.request, MAX_ENROLLMENT_FILE)
    with _service(args) as service:
        device = service.enroll(data)
    print(
        f"{device.device_id} ({device.label}) is {device.status}; fingerprint {device.fingerprint}"
    )
    print("Check the fingerprint with the adviser before 'hradvisor-hq devices approve'.")
    return 0


def devices_approve(args: argparse.Namespace) -> int:
    with _service(args) as service:
        device = service.devices.approve(args.device)
    print(f"approved {device.device_id} ({device.label}), fingerprint {device.fingerprint}")
    return 0


def devices_revoke(args: argparse.Namespace) -> int:
    with _service(args) as service:
        device = service.devices.revoke(args.device)
    print(f"revoked {device.device_id} ({device.label}): nothing it sends is accepted any more")
    return 0


def _read_capped(path: Path, cap: int) -> bytes:
    """The file's bytes, refusing (before reading) anything larger than *cap*."""
    size = path.stat().st_size
    if size > cap:
        raise Rejected(f"{path.name} is too large ({size} bytes)")
    with path.open("rb") as handle:
        return handle.read(cap + 1)


def _import_one(service: HQService, path: Path, receipts: Path | None) -> str:
    """Ingest one package file and write its receipt; the line that reports it."""
    outcome = service.ingest(_read_capped(path, MAX_IMPORT_FILE), via="file")
    receipt = (receipts or path.parent) / f"{outcome.device_id}-{outcome.sequence}{RECEIPT_SUFFIX}"
    write_atomic(receipt, outcome.receipt)
    state = "already received" if outcome.replay else "accepted"
    missing = ", ".join(f"{g.first}-{g.last}" for g in outcome.gaps)
    return (
        f"{path}: {state}, device {outcome.device_id} package {outcome.sequence} "
        f"({outcome.counts['revisions']} revisions); receipt {receipt}"
        + (f"; missing packages {missing}" if missing else "")
    )


def import_files(args: argparse.Namespace) -> int:
    """Ingest each file; write its receipt for carrying back. Exit 5 if any was rejected.

    A progress bar shows on a terminal; piped, only the per-file lines appear.
    """
    rejected = failed = 0
    with (
        _service(args) as service,
        tqdm(total=len(args.files), unit="package", disable=not sys.stderr.isatty()) as bar,
    ):
        for path in args.files:
            try:
                tqdm.write(_import_one(service, path, args.receipts), file=sys.stdout)
            except OSError as exc:
                tqdm.write(f"hradvisor-hq: error: {path}: {exc.strerror}", file=sys.stderr)
                failed += 1
            except Rejected as exc:
                if len(args.files) == 1:
                    raise
                tqdm.write(f"hradvisor-hq: error: {path}: {exc}", file=sys.stderr)
                rejected += 1
            bar.update(1)
    return 5 if rejected else 1 if failed else 0


def report(args: argparse.Namespace) -> int:
    with _service(args) as service:
        summary = summarise(service.store, service.keys.fingerprint)
    write_report(summary, args.out)
    print(f"report written to {args.out}")
    return 0


def export(args: argparse.Namespace) -> int:
    with _service(args) as service:
        summary = summarise(service.store, service.keys.fingerprint)
    data = to_json(summary) if args.format == "json" else to_csv(summary)
    if args.out is None:
        sys.stdout.buffer.write(data)
    else:
        write_atomic(args.out, data)
    return 0
