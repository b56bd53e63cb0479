"""``hradvisor sync enroll|export|push|status|import-receipt`` (DESIGN §8, §10).

A thin layer over hradvisor.sync: it reads files, asks the adviser to check
the HQ fingerprint, shows progress on a terminal, and prints what happened.
Exit codes: 5 when a package or receipt is rejected, 4 when the vault looks
older than what HQ holds, 1 when HQ cannot be reached.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import segno
from tqdm import tqdm

from hradvisor.cli.context import unlock
from hradvisor.cli.errors import UsageError
from hradvisor.cli.jsonio import print_json
from hradvisor.sync import actions
from hradvisor.sync.identity import PublicBundle
from hradvisor.sync.outbox import Outbox
from hradvisor.sync.push import push
from hradvisor.sync.transport import HQClient


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    sync = commands.add_parser("sync", help="send incidents to HQ, signed and encrypted")
    sub = sync.add_subparsers(dest="action", required=True, metavar="ACTION")

    enroll = sub.add_parser(
        "enroll", parents=[common], help="pin HQ and ask it to accept this vault"
    )
    enroll.add_argument("--hq-bundle", metavar="FILE", required=True, help="HQ's public bundle")
    enroll.add_argument("--label", default="field device", help="how HQ will see this device")
    where = enroll.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="send the request to HQ at this https:// address")
    where.add_argument("--out", metavar="FILE", help="write the request to FILE (USB, email)")
    enroll.add_argument("--ca", metavar="FILE", help="CA certificate (PEM) HQ's TLS chains to")
    enroll.add_argument("--yes", action="store_true", help="the fingerprint was checked already")
    enroll.set_defaults(handler=cmd_enroll)

    export = sub.add_parser("export", parents=[common], help="write pending packages to a folder")
    export.add_argument("--out", metavar="DIR", required=True)
    export.set_defaults(handler=cmd_export)

    send = sub.add_parser("push", parents=[common], help="upload pending packages to HQ now")
    send.add_argument("--url", help="HQ address (default: the one given at enrollment)")
    send.add_argument("--ca", metavar="FILE", help="CA certificate (PEM) HQ's TLS chains to")
    send.set_defaults(handler=cmd_push)

    status = sub.add_parser("status", parents=[common], help="what is pending and delivered")
    status.add_argument("--json", action="store_true")
    status.add_argument(
        "--qr", action="store_true", help="also show the device fingerprint as a QR code"
    )
    status.set_defaults(handler=cmd_status)

    receipt = sub.add_parser(
        "import-receipt",
        aliases=["import"],
        parents=[common],
        help="load receipts HQ returned on a USB stick or by email",
    )
    receipt.add_argument("files", metavar="FILE", nargs="+")
    receipt.set_defaults(handler=cmd_import_receipt)


def _ca_pem(path: str | None) -> str | None:
    return None if path is None else actions.read_ca(Path(path), error=UsageError)


def _confirm_fingerprint(bundle: PublicBundle, assume_yes: bool) -> None:
    """Show HQ's fingerprint; on a terminal, ask whether it matches what HQ said."""
    if not assume_yes and not sys.stdin.isatty():
        raise UsageError(
            f"check the HQ fingerprint ({bundle.fingerprint}), then confirm with --yes "
            "(not on a terminal)"
        )
    print(f"HQ fingerprint: {bundle.fingerprint}", file=sys.stderr)
    print("Compare it with the fingerprint HQ gave you by phone or in person.", file=sys.stderr)
    if assume_yes:
        return
    answer = input("Does it match exactly? [y/N] ").strip().lower()
    if answer not in ("y", "yes"):
        raise UsageError("enrollment cancelled: the HQ fingerprint was not confirmed")


def cmd_enroll(args: argparse.Namespace) -> int:
    bundle = actions.read_bundle(Path(args.hq_bundle), error=UsageError)
    ca_pem = _ca_pem(args.ca)
    _confirm_fingerprint(bundle, args.yes)
    out = Path(args.out) if args.out else None
    with unlock(args) as vault:
        enrolled = actions.enroll(
            vault, bundle, label=args.label, url=None if out else args.url, ca_pem=ca_pem, out=out
        )
    where = f"written to {args.out}: give it to HQ" if out else f"sent to {args.url}"
    print(f"Enrollment request {where}.", file=sys.stderr)
    print(f"This device's fingerprint: {enrolled.device_fingerprint}")
    print("HQ approves the device after checking this fingerprint with you.", file=sys.stderr)
    return 0


def _on_terminal() -> bool:
    return sys.stderr.isatty()


def _packing_bar(outbox: Outbox) -> Any:
    """A bar over the changes not yet in a package (sealing a big backlog takes a while)."""
    total = outbox.status().counts["revisions_not_packaged"]
    return tqdm(
        desc="Packing", total=total, unit=" changes", disable=not _on_terminal(), file=sys.stderr
    )


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    actions.package_dir(out)  # before the passphrase: a bad folder fails first
    with unlock(args) as vault, _packing_bar(Outbox(vault)) as packing:
        written = actions.write_packages(vault, out, progress=packing.update)
    print(f"Wrote {len(written)} package(s) to {out}.", file=sys.stderr)
    for path in written:
        print(path)
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    ca_pem = _ca_pem(args.ca)
    with unlock(args) as vault:
        outbox = Outbox(vault)
        hq = outbox.hq()
        if hq is None:
            outbox.hq_bundle()  # raises the "not enrolled" error
            return 1
        url = args.url or hq.url
        if not url:
            raise UsageError("no HQ address: give --url (it is remembered)")
        outbox.set_transport(url=args.url, ca_pem=ca_pem)
        packing = _packing_bar(outbox)
        bar = tqdm(
            desc="Uploading", unit="B", unit_scale=True, disable=not _on_terminal(), file=sys.stderr
        )
        client = HQClient(
            url, identity=outbox.identity(), device_id=outbox.device_id, ca_pem=ca_pem or hq.ca_pem
        )
        with packing, bar, client:

            def set_total(total: int) -> None:
                packing.close()
                bar.reset(total=total)

            result = push(
                outbox, client, progress=bar.update, on_total=set_total, packing=packing.update
            )
    for receipt in result.delivered:
        print(f"Package {receipt.sequence} delivered; HQ receipt {receipt.received_at}.")
    if result.recovered:
        print(f"{result.recovered} earlier package(s) confirmed by HQ.", file=sys.stderr)
    if not result.delivered:
        print("Nothing to send: HQ has everything.", file=sys.stderr)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        status = Outbox(vault).status()
    data = {
        "device_id": status.device_id,
        "device_fingerprint": status.device_fingerprint,
        "hq_fingerprint": status.hq_fingerprint,
        "hq_url": status.url,
        "last_sequence": status.last_sequence,
        "last_receipt_sequence": status.last_receipt_sequence,
        "last_receipt_at": status.last_receipt_at,
        **status.counts,
    }
    if args.json:
        print_json(data)
        return 0
    print(f"Device fingerprint:   {status.device_fingerprint}")
    print(f"HQ fingerprint:       {status.hq_fingerprint or 'not enrolled'}")
    print(f"HQ address:           {status.url or '-'}")
    print(f"Packages written:     {status.last_sequence}")
    last = (
        f"package {status.last_receipt_sequence} at {status.last_receipt_at}"
        if status.last_receipt_sequence
        else "none yet"
    )
    print(f"Last receipt:         {last}")
    counts = status.counts
    print(
        f"Pending:              {counts['packages_pending']} package(s) "
        f"({counts['revisions_pending']} changes) waiting for HQ, "
        f"{counts['revisions_not_packaged']} change(s) and "
        f"{counts['attachments_not_packaged']} attachment(s) not yet packaged"
    )
    print(f"Delivered:            {counts['revisions_delivered']} change(s)")
    if args.qr:
        print_fingerprint_qr(status.device_fingerprint)
    return 0


def print_fingerprint_qr(fingerprint: str) -> None:
    """The fingerprint as a terminal QR code, for HQ to scan with a phone when approving."""
    segno.make(fingerprint, error="m").terminal(out=sys.stdout, compact=True)


def cmd_import_receipt(args: argparse.Namespace) -> int:
    receipts = [
        actions.read_capped(Path(path), actions.MAX_RECEIPT_FILE, "receipt", error=UsageError)
        for path in args.files
    ]
    with unlock(args) as vault:
        outbox = Outbox(vault)
        for path, raw in zip(args.files, receipts, strict=True):
            receipt, new = outbox.accept_receipt(raw)
            state = "delivered" if new else "already recorded"
            print(f"{path}: package {receipt.sequence} {state}.")
    return 0
