"""What an adviser does with sync, as plain functions: the desktop app runs them in workers.

Each opens nothing and keeps nothing: it takes the open Vault, does one job
through the Outbox (which keeps every state change in a vault transaction)
and returns a small answer. HQ is reached only through HQClient, so the
address must be https and the server must prove it is the pinned HQ before
anything is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hradvisor.store import Vault
from hradvisor.store.files import make_private_dir, write_atomic
from hradvisor.sync.enrollment import make_enrollment_request
from hradvisor.sync.errors import PackageRejected, SyncError
from hradvisor.sync.identity import PublicBundle
from hradvisor.sync.outbox import Outbox, SyncStatus
from hradvisor.sync.push import PushResult, push
from hradvisor.sync.receipt import Receipt
from hradvisor.sync.transport import HQClient, RetryPolicy

PACKAGE_SUFFIX = ".hrpkg"
MAX_BUNDLE_FILE = 64 * 1024
MAX_CA_FILE = 256 * 1024
MAX_RECEIPT_FILE = 64 * 1024
# A background check must give up quickly and quietly: the next try comes later anyway.
_PROBE_RETRY = RetryPolicy(attempts=1)
_PROBE_TIMEOUT = 10.0


@dataclass(frozen=True)
class Enrolled:
    hq_fingerprint: str
    device_fingerprint: str
    request_file: Path | None  # None when the request was sent to HQ over the network


def read_capped(path: Path, cap: int, what: str, *, error: type[Exception] = SyncError) -> bytes:
    """A small file HQ gave us (bundle, certificate, receipt); refuse anything larger.

    *error* is what a failure raises: the command line passes its usage error
    (exit 2), the desktop app keeps SyncError; the message is the same.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(cap + 1)
    except OSError as exc:
        raise error(f"cannot read the {what} {path}: {exc.strerror}") from None
    if len(data) > cap:
        raise error(f"{path} is too large to be a {what}")
    return data


def read_bundle(path: Path, *, error: type[Exception] = SyncError) -> PublicBundle:
    """HQ's public bundle from a file; *error* naming the file if it is not one."""
    raw = read_capped(path, MAX_BUNDLE_FILE, "HQ bundle", error=error)
    try:
        return PublicBundle.from_bytes(raw)
    except PackageRejected:
        raise error(f"{path} is not an HQ public bundle") from None


def read_ca(path: Path, *, error: type[Exception] = SyncError) -> str:
    """The PEM certificate HQ's TLS chains to; *error* if the file is not one."""
    text = read_capped(path, MAX_CA_FILE, "CA certificate", error=error).decode("ascii", "replace")
    if "-----BEGIN CERTIFICATE-----" not in text:
        raise error(f"{path} is not a PEM certificate")
    return text


def status(vault: Vault) -> SyncStatus:
    return Outbox(vault).status()


def enroll(
    vault: Vault,
    bundle: PublicBundle,
    *,
    label: str,
    url: str | None = None,
    ca_pem: str | None = None,
    out: Path | None = None,
) -> Enrolled:
    """Pin *bundle* as HQ and send (to *url*) or write (to *out*) a signed enrollment request.

    The caller has had the adviser compare the HQ fingerprint first: pinning
    a wrong bundle would send every package to someone else.
    """
    if (url is None) == (out is None):
        raise SyncError("give either HQ's address or a file to write the request to")
    outbox = Outbox(vault)
    identity = outbox.identity()
    request = make_enrollment_request(identity, outbox.device_id, label, hq_bundle=bundle)
    if url is not None:
        with HQClient(url, ca_pem=ca_pem) as client:
            client.check_hq(bundle.fingerprint)  # pin only an HQ that answers as itself
            outbox.pin_hq(bundle, url=url, ca_pem=ca_pem)
            client.enroll(request)
    else:
        assert out is not None  # noqa: S101 (checked above)
        outbox.pin_hq(bundle, url=None, ca_pem=ca_pem)
        write_atomic(out, request)
    return Enrolled(bundle.fingerprint, identity.fingerprint, out)


def client_for(
    outbox: Outbox, *, retry: RetryPolicy | None = None, timeout: float = 30.0
) -> HQClient:
    """A client for the pinned HQ at its remembered address, signing as this device."""
    hq = outbox.hq()
    if hq is None:
        outbox.hq_bundle()  # raises the "not enrolled" SyncError
        raise SyncError("this vault is not enrolled with HQ")
    if not hq.url:
        raise SyncError("no HQ address is known: enrol over the network or send by USB")
    return HQClient(
        hq.url,
        identity=outbox.identity(),
        device_id=outbox.device_id,
        ca_pem=hq.ca_pem,
        retry=retry,
        timeout=timeout,
    )


def send_now(
    vault: Vault,
    *,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> PushResult:
    """Seal what is new and upload every pending package; delivered only on a valid receipt."""
    outbox = Outbox(vault)
    with client_for(outbox) as client:
        return push(outbox, client, progress=progress, on_total=on_total)


def hq_reachable(vault: Vault) -> bool:
    """One quick, quiet look: does the pinned HQ answer at its address with its fingerprint?"""
    outbox = Outbox(vault)
    try:
        with client_for(outbox, retry=_PROBE_RETRY, timeout=_PROBE_TIMEOUT) as client:
            client.check_hq(outbox.hq_bundle().fingerprint)
    except SyncError:
        return False
    return True


def has_work(vault: Vault) -> bool:
    """Anything not yet acknowledged by HQ (changes not packaged, or packages waiting)."""
    counts = Outbox(vault).status().counts
    return bool(
        counts["revisions_not_packaged"]
        or counts["attachments_not_packaged"]
        or counts["packages_pending"]
    )


def package_dir(folder: Path) -> None:
    """Create the target folder; a USB stick's file system may refuse permissions (vfat):
    the package files are ciphertext, so that is not a reason to fail."""
    try:
        make_private_dir(folder)
    except PermissionError:
        folder.mkdir(parents=True, exist_ok=True)


def write_packages(
    vault: Vault, folder: Path, *, progress: Callable[[int], None] | None = None
) -> list[Path]:
    """Seal what is new and write every pending package into *folder* (a USB stick)."""
    package_dir(folder)
    outbox = Outbox(vault)
    outbox.prepare(progress=progress)
    written = []
    for package in outbox.pending():
        target = folder / f"{package.sequence:06d}{PACKAGE_SUFFIX}"
        write_atomic(target, outbox.package_bytes(package.sequence))
        written.append(target)
    return written


def import_receipts(vault: Vault, paths: list[Path]) -> list[tuple[Receipt, bool]]:
    """Verify receipts carried back from HQ; each marks its package delivered."""
    receipts = [read_capped(path, MAX_RECEIPT_FILE, "receipt") for path in paths]
    outbox = Outbox(vault)
    return [outbox.accept_receipt(raw) for raw in receipts]
