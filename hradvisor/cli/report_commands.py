"""``hradvisor export`` and ``hradvisor report summary``: documents that leave the vault.

Both apply the same protection policy (hradvisor.reports.protection): what
the classification and audience allow, nothing more. What was left out is
reported as counts on stderr (and, for an export, in a manifest file beside it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from tqdm import tqdm

from hradvisor.cli.context import unlock
from hradvisor.cli.errors import UsageError
from hradvisor.model.places import is_valid_admin1, is_valid_country
from hradvisor.reports.exports import FORMATS, ExportScope, export_incidents, manifest_path
from hradvisor.reports.protection import (
    AUDIENCES,
    CLASSIFICATIONS,
    Manifest,
    Policy,
    ProtectionError,
)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write incidents to CSV, JSON or HXL, filtered by classification and audience",
    )
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--out", metavar="FILE", required=True, help="file to write")
    _scope_options(export)
    _policy_options(export, default_classification="confidential")
    export.add_argument(
        "--include-narratives",
        action="store_true",
        help="include narratives (never in an unclassified export)",
    )
    export.add_argument(
        "--include-discounted", action="store_true", help="include discounted incidents"
    )
    export.set_defaults(handler=cmd_export)


def _scope_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day")
    parser.add_argument("--country", metavar="CODE", help="ISO 3166-1 alpha-2 (or XA–XZ)")
    parser.add_argument(
        "--area", dest="areas", action="append", default=[], metavar="CODE",
        help="first-level area, e.g. XA-03 (repeatable)",
    )  # fmt: skip


def _policy_options(parser: argparse.ArgumentParser, *, default_classification: str) -> None:
    parser.add_argument(
        "--classification",
        choices=CLASSIFICATIONS,
        default=None,
        help=f"marking of the document (default {default_classification}); only incidents "
        "at or below it are included",
    )
    parser.add_argument(
        "--audience",
        choices=AUDIENCES,
        default=None,
        help="who will read it: ohchr, un (RC/UNCT, the default) or public; "
        "decides which consent levels are included",
    )
    parser.add_argument(
        "--exact-locations",
        action="store_true",
        default=None,
        help="keep places and coordinates (default: first-level area only)",
    )
    parser.add_argument(
        "--suppress-small-counts",
        action="store_true",
        default=None,
        help='show counts of 1 and 2 as "<3"',
    )


def date_option(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag}: must be a date written YYYY-MM-DD") from None


def scope_from_args(args: argparse.Namespace) -> ExportScope:
    """The period and places asked for; place codes must be exact (a typo is an error)."""
    date_from = date_option(args.date_from, "--from")
    date_to = date_option(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise UsageError("--from: must not be after --to")
    if args.country is not None and not is_valid_country(args.country):
        raise UsageError("--country: not an ISO 3166-1 alpha-2 code (or XA–XZ)")
    for area in args.areas:
        if not args.country or not is_valid_admin1(args.country, area):
            raise UsageError("--area: must be a first-level area code of --country")
    return ExportScope(date_from, date_to, args.country, tuple(dict.fromkeys(args.areas)))


def policy_from_args(args: argparse.Namespace) -> Policy:
    try:
        return Policy(
            classification=args.classification or "confidential",
            audience=args.audience or "un",
            exact_locations=bool(args.exact_locations),
            suppress_small_counts=bool(args.suppress_small_counts),
            include_narratives=bool(getattr(args, "include_narratives", False)),
            include_discounted=bool(getattr(args, "include_discounted", False)),
        )
    except ProtectionError as exc:
        raise UsageError(str(exc)) from None


def describe_manifest(manifest: Manifest) -> str:
    """One short paragraph for stderr: what went in, what stayed out and why (counts only)."""
    left = ", ".join(
        f"{count:,} {reason.replace('-', ' ')}"
        for reason, count in manifest.left_out.items()
        if count
    )
    lines = [
        f"{manifest.included:,} of {manifest.in_scope:,} incidents in scope included"
        + (f"; left out: {left}" if left else "")
        + "."
    ]
    if manifest.locations_generalised:
        lines.append(f"{manifest.locations_generalised:,} locations shown by first-level area.")
    if manifest.small_counts_suppressed:
        lines.append(f'{manifest.small_counts_suppressed:,} small counts shown as "<3".')
    return "\n".join(lines)


def cmd_export(args: argparse.Namespace) -> int:
    scope = scope_from_args(args)
    policy = policy_from_args(args)
    out = Path(args.out)
    with unlock(args) as vault:
        bar = tqdm(unit=" incidents", disable=not sys.stderr.isatty(), file=sys.stderr)
        with bar:

            def set_total(total: int) -> None:
                bar.total = total
                bar.refresh()

            manifest = export_incidents(
                vault, out, args.format, scope, policy, progress=bar.update, on_total=set_total
            )
    print(describe_manifest(manifest), file=sys.stderr)
    print(f"Wrote {out} and {manifest_path(out).name}.", file=sys.stderr)
    return 0
