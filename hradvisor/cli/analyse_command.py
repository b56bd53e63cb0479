"""``hradvisor analyse``: the figures, principal concerns and early-warning signals of a period.

A thin layer over hradvisor.analysis: the same numbers the dashboard and the
summary-analysis PDF show, as a table for a person or JSON for a program.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from typing import Any

from hradvisor.analysis import Analysis, AnalysisScope, Bucket, Change, analyse
from hradvisor.analysis.jsonable import analysis_to_json
from hradvisor.cli.context import unlock
from hradvisor.cli.errors import UsageError
from hradvisor.cli.jsonio import print_json
from hradvisor.model import vocabulary
from hradvisor.model.places import is_valid_admin1, is_valid_country

_CODE_FILTERS = (
    ("--violation", "violations", "violations"),
    ("--perpetrator", "perpetrators", "perpetrators"),
    ("--victim-group", "victim_groups", "victim-groups"),
    ("--verification", "verification", "verification"),
    ("--sensitivity", "sensitivity", "sensitivity"),
    ("--consent", "consent", "consent"),
)
TOP = 10
_HEAD: dict[str, dict[str, Any]] = {
    "en": {
        "period": "Analysis of {start} to {end} ({days} days)",
        "compared": "Compared with {start} to {end}, and a baseline of {n} period(s) before.",
        "no_baseline": "Compared with {start} to {end}; no full period of data before it"
        " for a baseline.",
        "key": "Key figures",
        "incidents": "Incidents",
        "victims": "Victims",
        "verified_share": "Verified share",
        "imprecise": "Dated imprecisely, overlapping the period (not counted above): {n:,}",
        "undated": "Too coarsely dated for a single week: {week:,}; month: {month:,};"
        " quarter: {quarter:,}",
        "by_month": "By month",
        "by_area": "By area",
        "by_violation": "By violation (an incident counts under each of its violations)",
        "by_perpetrator": "By perpetrator",
        "by_victim_group": "By victim group",
        "concerns": "Principal concerns",
        "signals": "Early-warning signals",
        "none": "None.",
        "columns": ("incidents", "victims", "killed", "verified"),
        "figure_columns": ("period", "previous", "baseline", "change"),
    },
    "fr": {
        "period": "Analyse du {start} au {end} ({days} jours)",
        "compared": "Comparée au {start} – {end}, et à une référence de {n} période(s)"
        " antérieure(s).",
        "no_baseline": "Comparée au {start} – {end} ; pas de période complète antérieure"
        " pour une référence.",
        "key": "Chiffres clés",
        "incidents": "Incidents",
        "victims": "Victimes",
        "verified_share": "Part vérifiée",
        "imprecise": "Datés imprécisément, chevauchant la période (non comptés ci-dessus) : {n:,}",
        "undated": "Datés trop largement pour une semaine : {week:,} ; un mois : {month:,} ;"
        " un trimestre : {quarter:,}",
        "by_month": "Par mois",
        "by_area": "Par zone",
        "by_violation": "Par violation (un incident compte sous chacune de ses violations)",
        "by_perpetrator": "Par auteur",
        "by_victim_group": "Par groupe de victimes",
        "concerns": "Principales préoccupations",
        "signals": "Signaux d’alerte précoce",
        "none": "Aucun.",
        "columns": ("incidents", "victimes", "tués", "vérifiés"),
        "figure_columns": ("période", "précédente", "référence", "évolution"),
    },
}


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "analyse",
        parents=[common],
        help="figures, principal concerns and early-warning signals for a period",
    )
    parser.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--country", metavar="CODE", help="ISO 3166-1 alpha-2 (or XA–XZ)")
    parser.add_argument(
        "--area", dest="areas", action="append", default=[], metavar="CODE",
        help="first-level area, e.g. XA-07 (repeatable)",
    )  # fmt: skip
    for flag, dest, vocab in _CODE_FILTERS:
        parser.add_argument(
            flag, dest=dest, action="append", default=[], metavar="CODE",
            help=f"{vocab} code (repeatable)",
        )  # fmt: skip
    parser.add_argument(
        "--baseline", type=int, default=4, metavar="N",
        help="periods of equal length averaged as the baseline (default 4)",
    )  # fmt: skip
    parser.add_argument("--no-signals", action="store_true", help="skip early warning")
    parser.add_argument("--lang", choices=("en", "fr"), default="en")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=cmd_analyse)


def scope_from_args(args: argparse.Namespace) -> AnalysisScope:
    """The scope the options describe; unknown codes and bad dates are usage errors."""
    start, end = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if start > end:
        raise UsageError("--from: must not be after --to")
    if args.country is not None and not is_valid_country(args.country):
        raise UsageError(
            f"--country: {args.country!r} is not an ISO 3166-1 alpha-2 code (or XA–XZ)"
        )
    for area in args.areas:
        country = args.country or area.split("-")[0]
        if not is_valid_admin1(country, area):
            raise UsageError(f"--area: {area!r} is not a first-level area code like XA-07")
    for flag, dest, vocab in _CODE_FILTERS:
        for code in getattr(args, dest):
            if code not in vocabulary(vocab):
                raise UsageError(f"{flag}: {code!r} is not a {vocab} code")
    if not 0 <= args.baseline <= 52:
        raise UsageError("--baseline: must be between 0 and 52")
    return AnalysisScope(
        start=start,
        end=end,
        country=args.country,
        areas=tuple(args.areas),
        **{dest: tuple(getattr(args, dest)) for _, dest, _ in _CODE_FILTERS},
    )


def _date(value: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag}: must be a date written YYYY-MM-DD") from None


def cmd_analyse(args: argparse.Namespace) -> int:
    scope = scope_from_args(args)
    with unlock(args) as vault:
        result = analyse(
            vault,
            scope,
            lang=args.lang,
            baseline_periods=args.baseline,
            with_signals=not args.no_signals,
        )
    if args.json:
        print_json(analysis_to_json(result))
    else:
        print_analysis(result)
    return 0


def print_analysis(analysis: Analysis) -> None:
    """The analysis as a few plain-text tables."""
    head = _HEAD.get(analysis.lang, _HEAD["en"])
    scope = analysis.scope
    print(head["period"].format(start=scope.start, end=scope.end, days=scope.days))
    previous_start, previous_end = analysis.previous_period or (scope.start, scope.start)
    key = "compared" if analysis.baseline_periods else "no_baseline"
    print(head[key].format(start=previous_start, end=previous_end, n=analysis.baseline_periods))
    _print_figures(analysis, head)
    _print_buckets(head["by_month"], analysis.by_month, head, limit=None)
    _print_buckets(head["by_area"], analysis.by_area, head)
    _print_buckets(head["by_violation"], analysis.by_violation, head)
    _print_buckets(head["by_perpetrator"], analysis.by_perpetrator, head)
    _print_buckets(head["by_victim_group"], analysis.by_victim_group, head)
    _print_concerns(analysis, head)
    _print_signals(analysis, head)


def _print_figures(analysis: Analysis, head: dict[str, Any]) -> None:
    print(f"\n{head['key']}")
    columns = head["figure_columns"]
    print(f"  {'':<30}{columns[0]:>10}{columns[1]:>12}{columns[2]:>12}  {columns[3]}")
    outcomes = vocabulary("outcomes")
    rows = [("incidents", head["incidents"]), ("victims", head["victims"])]
    rows += [
        (code, "  " + outcomes.label(code, analysis.lang))
        for code in outcomes.codes
        if code in analysis.changes
    ]
    for name, label in rows:
        change = analysis.changes[name]
        print(
            f"  {label[:30]:<30}{change.current:>10,.0f}{change.previous:>12,.0f}"
            f"{_maybe(change.baseline, '{:,.1f}'):>12}  {_describe(change)}"
        )
    share = analysis.changes.get("verified_share")
    if share is not None:
        baseline = _maybe(share.baseline, "{:.0%}")
        print(
            f"  {head['verified_share']:<30}{share.current:>10.0%}{share.previous:>12.0%}"
            f"{baseline:>12}  {share.delta * 100:+.0f} pts {share.direction}"
        )
    print(f"  {head['imprecise'].format(n=analysis.imprecise)}")
    if any(analysis.undated_in_buckets.values()):
        print(f"  {head['undated'].format(**analysis.undated_in_buckets)}")


def _maybe(value: float | None, pattern: str) -> str:
    return "—" if value is None else pattern.format(value)


def _describe(change: Change) -> str:
    if change.ratio is None or change.band in ("low-count", "new"):
        return f"{change.delta:+,.0f} {change.direction} ({change.band})"
    return f"{change.ratio - 1:+.0%} {change.direction} ({change.band})"


def _print_buckets(
    title: str, buckets: Sequence[Bucket], head: dict[str, Any], *, limit: int | None = TOP
) -> None:
    shown = list(buckets if limit is None else buckets[:limit])
    more = len(buckets) - len(shown)
    print(f"\n{title}")
    if not shown:
        print(f"  {head['none']}")
        return
    names = head["columns"]
    print(f"  {'':<40}{names[0]:>10}{names[1]:>10}{names[2]:>9}{names[3]:>10}")
    for bucket in shown:
        print(
            f"  {bucket.label[:40]:<40}{bucket.incidents:>10,}{bucket.victims:>10,}"
            f"{bucket.killed:>9,}{bucket.verified:>10,}"
        )
    if more > 0:
        print(f"  … {more} more (--json lists all)")


def _print_concerns(analysis: Analysis, head: dict[str, Any]) -> None:
    print(f"\n{head['concerns']}")
    if not analysis.concerns:
        print(f"  {head['none']}")
    for rank, concern in enumerate(analysis.concerns, 1):
        figures = concern.figures
        verified = _maybe(concern.verified_share, "{:.0%}")
        print(
            f"  {rank:>2}. {concern.title}  [{concern.key}]  score {concern.score:.1f}\n"
            f"      {figures.incidents:,} incidents, {figures.victims_total:,} victims,"
            f" {figures.killed:,} killed; {_describe(concern.change)}; verified {verified}"
        )


def _print_signals(analysis: Analysis, head: dict[str, Any]) -> None:
    print(f"\n{head['signals']}")
    if not analysis.signals:
        print(f"  {head['none']}")
    for signal in analysis.signals:
        print(
            f"  [{signal.kind}] {signal.summary}"
            f" (score {signal.score:.1f}; {len(signal.incident_ids):,} incidents)"
        )
