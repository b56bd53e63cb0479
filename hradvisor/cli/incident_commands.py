"""``hradvisor incident add|list|show|edit|history``: incidents as JSON in and out."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from hradvisor.cli.context import unlock
from hradvisor.cli.errors import UsageError
from hradvisor.cli.incident_text import print_history, print_incident, print_page
from hradvisor.cli.jsonio import print_json, read_json_input
from hradvisor.model import (
    FieldError,
    Incident,
    ValidationError,
    incident_from_json,
    incident_to_json,
    vocabulary,
)
from hradvisor.model.places import is_valid_admin1, is_valid_country
from hradvisor.store import IncidentFilter, InvalidCursor, Revision

_LIST_FILTERS = (
    ("--admin1", "admin1", None, "area code, e.g. XA-03"),
    ("--violation", "violations", "violations", "violation code"),
    ("--perpetrator", "perpetrators", "perpetrators", "perpetrator code"),
    ("--victim-group", "victim_groups", "victim-groups", "victim group code"),
    ("--verification", "verification", "verification", "verification status"),
    ("--sensitivity", "sensitivity", "sensitivity", "sensitivity level"),
)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    incident = commands.add_parser(
        "incident", help="add, list, show, edit incidents and their history"
    )
    sub = incident.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser(
        "add", parents=[common], help="add incidents from JSON (one object or a list)"
    )
    add.add_argument("input", nargs="?", default="-", help="JSON file, or - for stdin (default)")
    add.add_argument("--json", action="store_true", help="print the stored incidents as JSON")
    add.set_defaults(handler=cmd_add)
    listing = sub.add_parser(
        "list", parents=[common], help="list incidents, newest first, a page at a time"
    )
    _list_options(listing)
    listing.set_defaults(handler=cmd_list)
    show = sub.add_parser("show", parents=[common], help="show one incident")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)
    edit = sub.add_parser(
        "edit", parents=[common], help="save a new version of an incident from JSON"
    )
    edit.add_argument("id")
    edit.add_argument("input", nargs="?", default="-", help="JSON file, or - for stdin (default)")
    edit.add_argument(
        "--merge",
        action="store_true",
        help="input is a JSON merge patch (RFC 7396) of the fields to change",
    )
    edit.add_argument(
        "--expect-head",
        metavar="REVISION",
        help="refuse if the incident changed since this revision",
    )
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(handler=cmd_edit)
    history = sub.add_parser("history", parents=[common], help="every revision of an incident")
    history.add_argument("id")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=cmd_history)


def _list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="on or after this day"
    )
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="on or before this day")
    parser.add_argument("--country", metavar="CODE", help="ISO 3166-1 alpha-2 (or XA–XZ)")
    for flag, dest, _, what in _LIST_FILTERS:
        parser.add_argument(
            flag,
            dest=dest,
            action="append",
            default=[],
            metavar="CODE",
            help=f"{what} (repeatable)",
        )
    parser.add_argument("--text", help="full-text search in title, narrative, place and tags")
    parser.add_argument("--sort", choices=("date", "title", "victims", "updated"), default="date")
    parser.add_argument("--asc", action="store_true", help="ascending order (default: descending)")
    parser.add_argument(
        "--limit", type=int, default=200, help="rows per page (1–1000, default 200)"
    )
    parser.add_argument("--after", metavar="CURSOR", help="continue after this page cursor")
    parser.add_argument("--json", action="store_true")


def _date_option(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag}: must be a date written YYYY-MM-DD") from None


def filters_from_args(args: argparse.Namespace) -> IncidentFilter:
    """An IncidentFilter from list options; unknown codes are usage errors, not empty results."""
    for flag, dest, vocab, _ in _LIST_FILTERS:
        for code in getattr(args, dest):
            if vocab and code not in vocabulary(vocab):
                raise UsageError(f"{flag}: {code!r} is not a {vocab} code")
    _check_places(args)
    date_from = _date_option(args.date_from, "--from")
    date_to = _date_option(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise UsageError("--from: must not be after --to")
    return IncidentFilter(
        date_from=date_from,
        date_to=date_to,
        country=args.country,
        admin1=tuple(args.admin1),
        violations=tuple(args.violations),
        perpetrators=tuple(args.perpetrators),
        victim_groups=tuple(args.victim_groups),
        verification=tuple(args.verification),
        sensitivity=tuple(args.sensitivity),
        text=args.text,
    )


def _check_places(args: argparse.Namespace) -> None:
    """Place codes are exact (XA, XA-02): a typo must not silently list nothing."""
    if args.country is not None and not is_valid_country(args.country):
        raise UsageError(
            f"--country: {args.country!r} is not an ISO 3166-1 alpha-2 code (or XA–XZ)"
        )
    for code in args.admin1:
        country = args.country or code.split("-")[0]
        if not is_valid_admin1(country, code):
            raise UsageError(f"--admin1: {code!r} is not an area code such as XA-02 or FR-IDF")


def _parse_many(data: Any) -> list[Incident]:
    """One incident or a list of them; errors are prefixed with the list index."""
    if not isinstance(data, list):
        return [incident_from_json(data)]
    incidents, errors = [], []
    for index, item in enumerate(data):
        try:
            incidents.append(incident_from_json(item))
        except ValidationError as exc:
            errors += [
                FieldError(f"[{index}]{'.' if e.path else ''}{e.path}", e.message)
                for e in exc.errors
            ]
    if errors:
        raise ValidationError(errors)
    if not incidents:
        raise ValidationError([FieldError("", "the input list holds no incidents")])
    return incidents


def cmd_add(args: argparse.Namespace) -> int:
    incidents = _parse_many(read_json_input(args.input))
    with unlock(args) as vault:
        revisions = vault.incidents.add_many(incidents)
    if args.json:
        print_json([_with_head(i, r) for i, r in zip(incidents, revisions, strict=True)])
    else:
        for incident in incidents:
            print(incident.id)
    return 0


def _with_head(incident: Incident, revision: Revision) -> dict[str, Any]:
    return {"incident": incident_to_json(incident), "head": revision.hash}


def cmd_list(args: argparse.Namespace) -> int:
    filters = filters_from_args(args)
    if not 1 <= args.limit <= 1000:
        raise UsageError("--limit: must be between 1 and 1000")
    with unlock(args) as vault:
        try:
            page = vault.queries.page(
                filters, sort=args.sort, descending=not args.asc, after=args.after, limit=args.limit
            )
        except InvalidCursor as exc:
            raise UsageError(f"--after: {exc}") from None
        total = vault.queries.count(filters)
    if args.json:
        print_json(
            {
                "total": total,
                "next": page.next_cursor,
                "incidents": [incident_to_json(i) for i in page.items],
            }
        )
    else:
        print_page(page, total)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        incident, head = vault.incidents.get_with_head(args.id)
        attachments = vault.attachments.for_incident(args.id)
    if args.json:
        print_json({"incident": incident_to_json(incident), "head": head})
    else:
        print_incident(incident, head, attachments)
    return 0


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396 JSON merge patch: objects merge, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def cmd_edit(args: argparse.Namespace) -> int:
    data = read_json_input(args.input)
    with unlock(args) as vault:
        current, head = vault.incidents.get_with_head(args.id)
        if args.merge:
            data = merge_patch(incident_to_json(current), data)
        incident = _edited(data, args.id)
        revision = vault.incidents.update(incident, based_on=args.expect_head or head)
    if args.json:
        print_json(_with_head(incident, revision))
    else:
        print(revision.hash if revision.hash != head else f"{head} (no change)")
    return 0


def _edited(data: Any, incident_id: str) -> Incident:
    if isinstance(data, dict):
        if data.get("id", incident_id) != incident_id:
            raise ValidationError([FieldError("id", "does not match the incident being edited")])
        data = {**data, "id": incident_id}
    return incident_from_json(data)


def cmd_history(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        revisions = vault.incidents.history(args.id)
    if args.json:
        print_json([_revision_json(r) for r in revisions])
    else:
        print_history(revisions)
    return 0


def _revision_json(revision: Revision) -> dict[str, Any]:
    return {
        "hash": revision.hash,
        "parents": list(revision.parents),
        "device_id": revision.device_id,
        "device_seq": revision.device_seq,
        "created_at": revision.created_at,
        "deleted": revision.deleted,
        "incident": revision.body,
    }
