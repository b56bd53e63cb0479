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
from hradvisor.cli.jsonio import print_json
from hradvisor.model import ReportDefinition, report_from_json, report_to_json
from hradvisor.model.places import is_valid_admin1, is_valid_country
from hradvisor.reports.exports import (
    FORMATS,
    ExportScope,
    check_target,
    export_incidents,
    manifest_path,
)
from hradvisor.reports.protection import (
    AUDIENCES,
    CLASSIFICATIONS,
    REASONS,
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
    report = commands.add_parser(
        "report", help="the summary analysis PDF and its saved definitions"
    )
    sub = report.add_subparsers(dest="action", required=True, metavar="ACTION")
    summary = sub.add_parser(
        "summary",
        parents=[common],
        help="write the summary analysis of principal concerns and risks as a PDF",
    )
    summary.add_argument("--out", metavar="FILE.pdf", required=True, help="PDF file to write")
    summary.add_argument(
        "--definition", metavar="ID", help="start from this saved definition (options change it)"
    )
    _scope_options(summary)
    _policy_options(summary, default_classification="confidential")
    summary.add_argument("--lang", choices=LANGUAGES, default=None, help="en (default) or fr")
    summary.add_argument("--title", help="title (default: the standard one in the language)")
    summary.add_argument("--issued", metavar="YYYY-MM-DD", help="date printed (default: today)")
    summary.add_argument("--author-role", metavar="TEXT", help='default "Human Rights Adviser"')
    summary.add_argument("--author-name", metavar="TEXT", help="printed only if given")
    summary.add_argument("--overview-file", metavar="FILE", help="the overview, as UTF-8 text")
    summary.add_argument(
        "--recommendations-file", metavar="FILE", help="the recommendations, as UTF-8 text"
    )
    summary.add_argument(
        "--annex",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="include the annex of incidents (the 500 most serious)",
    )
    summary.add_argument("--json", action="store_true", help="print the result as JSON")
    summary.set_defaults(handler=cmd_summary)
    listing = sub.add_parser("list", parents=[common], help="saved report definitions")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)


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
        action=argparse.BooleanOptionalAction,
        default=None,
        help="keep places, coordinates and titles (default: first-level area; never unclassified)",
    )
    parser.add_argument(
        "--suppress-small-counts",
        action=argparse.BooleanOptionalAction,
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
        f"{manifest.left_out[reason]:,} {reason.replace('-', ' ')}"
        for reason in REASONS
        if manifest.left_out.get(reason)
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


LANGUAGES = ("en", "fr")
# Option -> definition field, for options whose value is stored as given.
_DIRECT = (
    ("classification", "classification"),
    ("audience", "audience"),
    ("lang", "language"),
    ("title", "title"),
    ("issued", "issued"),
    ("author_role", "author_role"),
    ("author_name", "author_name"),
    ("annex", "include_annex"),
    ("exact_locations", "exact_locations"),
    ("suppress_small_counts", "suppress_small_counts"),
    ("country", "country"),
    ("date_from", "period_start"),
    ("date_to", "period_end"),
)


def _read_text(path: str | None, flag: str) -> str | None:
    if path is None:
        return None
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{flag}: the file is not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"{flag}: {exc.strerror or 'cannot read the file'}") from None


def definition_from_args(
    args: argparse.Namespace, base: ReportDefinition | None
) -> ReportDefinition:
    """The saved definition (if any) with every option given on the command line applied."""
    data: dict[str, Any] = report_to_json(base) if base else {}
    if base is None:
        if not args.date_from or not args.date_to:
            raise UsageError("--from and --to are required for a new report (or give --definition)")
        data["issued"] = dt.datetime.now(dt.UTC).date().isoformat()
    for option, key in _DIRECT:
        value = getattr(args, option, None)
        if value is not None:
            data[key] = value
    if args.areas:
        data["areas"] = list(dict.fromkeys(args.areas))
    for option, key, flag in (
        ("overview_file", "overview", "--overview-file"),
        ("recommendations_file", "recommendations", "--recommendations-file"),
    ):
        text = _read_text(getattr(args, option), flag)
        if text is not None:
            data[key] = text.strip() or None
    return report_from_json(data)


def cmd_summary(args: argparse.Namespace) -> int:
    # Loaded here: reportlab and the analysis engine would slow every other command's start.
    from hradvisor.reports.summary import write_summary

    out = Path(args.out)
    check_target(out, what="report")
    with unlock(args) as vault:
        base, head = None, None
        if args.definition:
            base = vault.reports.get(args.definition)
            head = vault.reports.history(args.definition)[-1].hash
        definition = definition_from_args(args, base)
        result, saved = write_summary(vault, definition, out, based_on=head)
    if args.json:
        print_json(
            {
                "definition": saved.id,
                "file": str(out),
                "sha256": result.sha256,
                "pages": result.pages,
                "manifest": result.manifest.to_json(),
            }
        )
    else:
        print(saved.id)
    print(describe_manifest(result.manifest), file=sys.stderr)
    print(
        f"Wrote {out} ({result.pages} pages, SHA-256 {result.sha256[:16]}…); "
        f"definition {saved.id} saved.",
        file=sys.stderr,
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        reports = vault.reports.recent()
    if args.json:
        print_json([report_to_json(r) for r in reports])
        return 0
    for r in reports:
        scope = r.country or "-"
        print(
            f"{r.id}  {r.period_start}..{r.period_end}  {scope:<4} {r.classification:<21}"
            f" {r.language}  {len(r.outputs)} PDF(s)"
        )
    return 0
