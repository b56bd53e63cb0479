"""Human-readable incident output for a terminal (``--json`` gives the machine form)."""

from __future__ import annotations

import shutil
from collections.abc import Sequence

from hradvisor.model import Incident, area_name, country_name, vocabulary
from hradvisor.store import Attachment, Page, Revision


def _area(incident: Incident) -> str:
    loc = incident.location
    return area_name(loc.country, loc.admin1)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_page(page: Page, total: int) -> None:
    """A table of one page and how to get the next."""
    if not page.items:
        print("No incidents match." if total == 0 else "No more incidents.")
        return
    width = shutil.get_terminal_size((120, 20)).columns
    title_width = max(20, width - 80)
    print(
        f"{'date':<10}  {'title':<{title_width}}  {'area':<16}  "
        f"{'violations':<24}  {'victims':>7}  {'status':<10}"
    )
    for incident in page.items:
        violations = ", ".join(incident.violations)
        print(
            f"{incident.date:<10}  {_clip(incident.title, title_width):<{title_width}}  "
            f"{_clip(_area(incident), 16):<16}  {_clip(violations, 24):<24}  "
            f"{incident.victims.total():>7}  {incident.verification:<10}"
        )
    print(f"\n{len(page.items)} shown of {total:,} matching.", end="")
    print(f" Next page: --after {page.next_cursor}" if page.next_cursor else "")


def print_incident(incident: Incident, head: str, attachments: Sequence[Attachment]) -> None:
    """Every field of one incident, with labels instead of codes."""
    loc = incident.location

    def labels(vocab: str, values: Sequence[str]) -> str:
        return ", ".join(vocabulary(vocab).label(v) for v in values) or "—"

    when = incident.date + (f" to {incident.date_end}" if incident.date_end else "")
    place = ", ".join(
        p for p in (loc.place, loc.admin2, _area(incident), country_name(loc.country)) if p
    )
    rows = [
        ("Title", incident.title),
        ("Id", incident.id),
        ("Date", f"{when} (precision: {incident.date_precision})"),
        ("Location", place + (f" ({loc.lat}, {loc.lon})" if loc.lat is not None else "")),
        ("Violations", labels("violations", incident.violations)),
        ("Rights", labels("rights", incident.rights)),
        ("Perpetrators", labels("perpetrators", incident.perpetrators)),
        ("Victim groups", labels("victim-groups", incident.victim_groups)),
        ("Verification", vocabulary("verification").label(incident.verification)),
        ("Sensitivity", vocabulary("sensitivity").label(incident.sensitivity)),
        ("Consent", vocabulary("consent").label(incident.consent)),
        ("Tags", ", ".join(incident.tags) or "—"),
        ("Revision", head),
    ]
    for label, value in rows:
        print(f"{label + ':':<15}{value}")
    print(f"\nVictims ({incident.victims.total()}):")
    for outcome, by_group in incident.victims.items():
        cells = ", ".join(f"{group} {count}" for group, count in by_group.items() if count)
        print(f"  {vocabulary('outcomes').label(outcome)}: {cells}")
    print(f"\nSources ({len(incident.sources)}):")
    for source in incident.sources:
        print(
            f"  {vocabulary('source-types').label(source.type)} — "
            f"{source.reliability}{source.credibility}"
        )
    if incident.narrative:
        print(f"\nNarrative:\n{incident.narrative}")
    for action in incident.follow_up:
        print(f"Follow-up: {action}")
    for attachment in attachments:
        print(
            f"Attachment: {attachment.filename} "
            f"({attachment.size:,} bytes, {attachment.media_type})"
        )


def changed_fields(before: dict[str, object] | None, after: dict[str, object]) -> list[str]:
    """Top-level fields that differ between two revision bodies."""
    if before is None:
        return []
    return sorted(key for key in after.keys() | before.keys() if before.get(key) != after.get(key))


def print_history(revisions: Sequence[Revision]) -> None:
    """One line per revision, oldest first, naming the fields each one changed."""
    by_hash = {r.hash: r for r in revisions}
    for revision in revisions:
        parent = by_hash.get(revision.parents[0]) if revision.parents else None
        fields = changed_fields(parent.body if parent else None, revision.body)
        what = "created" if not revision.parents else f"changed {', '.join(fields) or 'nothing'}"
        print(
            f"{revision.created_at}  {revision.hash[:16]}  "
            f"device …{revision.device_id[-6:]} #{revision.device_seq}  {what}"
        )
