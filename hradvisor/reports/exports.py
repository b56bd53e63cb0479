"""CSV, JSON and HXL exports of incidents, filtered and redacted by a protection Policy.

Rows are streamed from one read transaction straight into a temporary file
in the target directory, which is renamed into place only when complete: an
unwritable target fails before anything is read, and a failure part-way
leaves no partial export. A manifest of what was left out and why (counts
only) is written beside the export as ``<name>.manifest.json``.

Columns and HXL hashtags are listed in docs/reports.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import functools
import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from hradvisor.model import SEX_AGE, admin1_name, codes, country_name
from hradvisor.reports.protection import Manifest, Policy, protect_incident, tally
from hradvisor.store import IncidentFilter, Vault
from hradvisor.store.files import atomic_writer

FORMATS = ("csv", "json", "hxl")
MANIFEST_SUFFIX = ".manifest.json"
PROGRESS_EVERY = 1_000
LIST_SEPARATOR = ";"
# Spreadsheets run a cell beginning with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SEX_AGE_HXL = {
    "women": "+f+adults",
    "men": "+m+adults",
    "girls": "+f+children",
    "boys": "+m+children",
    "unknown": "+unspecified",
}

Progress = Callable[[int], None]


class ExportError(OSError):
    """The export could not be written (the message names the file and the reason)."""


@dataclass(frozen=True)
class ExportScope:
    """Which incidents: those whose possible dates overlap the period, in the country/areas."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    areas: tuple[str, ...] = ()

    def filter(self, sensitivity: tuple[str, ...] = ()) -> IncidentFilter:
        return IncidentFilter(
            date_from=self.date_from,
            date_to=self.date_to,
            country=self.country,
            admin1=self.areas,
            sensitivity=sensitivity,
        )


@dataclass(frozen=True)
class Column:
    """One exported column: its header, its HXL hashtag and how to read it from incident JSON."""

    header: str
    hashtag: str
    value: Callable[[dict[str, Any]], Any]
    typed: bool = False  # text a person typed (or a name): checked for formula characters


def _location(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda data: data["location"].get(key)


def _joined(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda data: LIST_SEPARATOR.join(data.get(key) or ())


@functools.lru_cache(maxsize=4_096)
def _area_name(code: str) -> str:
    return admin1_name(code)


@functools.lru_cache(maxsize=512)
def _country_name(code: str) -> str:
    return country_name(code)


def _admin1_name(data: dict[str, Any]) -> str | None:
    code = data["location"].get("admin1")
    return _area_name(code) if code else None


def _base_columns() -> list[Column]:
    return [
        Column("id", "#event+id", lambda d: d["id"]),
        Column("title", "#event+name", lambda d: d["title"], typed=True),
        Column("date", "#date+start", lambda d: d["date"]),
        Column("date_end", "#date+end", lambda d: d.get("date_end")),
        Column("date_precision", "#date+precision", lambda d: d["date_precision"]),
        Column("country", "#country+code", _location("country")),
        Column(
            "country_name",
            "#country+name",
            lambda d: _country_name(d["location"]["country"]),
            typed=True,
        ),
        Column("admin1", "#adm1+code", _location("admin1")),
        Column("admin1_name", "#adm1+name", _admin1_name, typed=True),
        Column("admin2", "#adm2+code", _location("admin2"), typed=True),
        Column("place", "#loc+name", _location("place"), typed=True),
        Column("lat", "#geo+lat", _location("lat")),
        Column("lon", "#geo+lon", _location("lon")),
        Column("violations", "#event+type+violation", _joined("violations")),
        Column("rights", "#event+rights", _joined("rights")),
        Column("perpetrators", "#group+perpetrator", _joined("perpetrators")),
        Column("victim_groups", "#group+victims", _joined("victim_groups")),
        Column("verification", "#status+verification", lambda d: d["verification"]),
        Column("sensitivity", "#meta+sensitivity", lambda d: d["sensitivity"]),
        Column("consent", "#meta+consent", lambda d: d["consent"]),
        Column("sources", "#meta+sources+num", lambda d: len(d.get("sources") or ())),
        Column(
            "source_types",
            "#meta+sources+type",
            lambda d: LIST_SEPARATOR.join(s["type"] for s in d.get("sources") or ()),
        ),
    ]


def victim_columns() -> list[tuple[str, str, str, str]]:
    """(header, hashtag, outcome, sex/age) of each victim-count column, outcome by outcome."""
    columns = []
    for outcome in codes("outcomes"):
        tag = outcome.replace("-", "_")
        for group in SEX_AGE:
            columns.append(
                (f"{tag}_{group}", f"#affected+{tag}{_SEX_AGE_HXL[group]}", outcome, group)
            )
    return columns


def columns_for(policy: Policy) -> list[Column]:
    """Every non-victim column the policy allows, in export order."""
    columns = _base_columns()
    if policy.include_narratives:
        columns.append(
            Column("narrative", "#description+narrative", lambda d: d.get("narrative"), typed=True)
        )
    if not policy.open:
        columns.append(Column("tags", "#meta+tags", _joined("tags"), typed=True))
    return columns


def safe_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet will run as a formula.

    Text beginning with = + - @ tab or carriage return gets a leading
    apostrophe (OWASP's advice). Numbers are written as numbers: they come
    from us, not from a person's typing, and a negative latitude must stay one.
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class _Counts:
    """What the writers changed while protecting rows, for the manifest."""

    def __init__(self) -> None:
        self.generalised = 0
        self.suppressed = 0
        self.written = 0


def _protected_rows(
    rows: Iterator[dict[str, Any]], policy: Policy, counts: _Counts, progress: Progress | None
) -> Iterator[dict[str, Any]]:
    for data in rows:
        protected, generalised = protect_incident(data, policy)
        counts.generalised += generalised
        counts.written += 1
        if progress is not None and counts.written % PROGRESS_EVERY == 0:
            progress(PROGRESS_EVERY)
        yield protected
    if progress is not None and counts.written % PROGRESS_EVERY:
        progress(counts.written % PROGRESS_EVERY)


_NO_VICTIMS: dict[str, Any] = {}


@functools.cache
def _cell_offsets() -> dict[str, int]:
    """Where each outcome's five cells start in a row of victim cells."""
    return {outcome: index * len(SEX_AGE) for index, outcome in enumerate(codes("outcomes"))}


def _victim_cells(victims: dict[str, Any]) -> list[Any]:
    """The outcome × sex/age cells, outcome by outcome (as victim_columns), then the total.

    Only the outcomes an incident has are visited: most have one or two of eight.
    """
    offsets = _cell_offsets()
    cells: list[Any] = [0] * (len(offsets) * len(SEX_AGE))
    total = 0
    for outcome, by_group in victims.items():
        base = offsets[outcome]
        for index, group in enumerate(SEX_AGE):
            count = by_group.get(group, 0)
            cells[base + index] = count
            total += count
    cells.append(total)
    return cells


def _suppress(cells: list[Any], policy: Policy, counts: _Counts) -> list[Any]:
    shown = [policy.small(cell) for cell in cells]
    counts.suppressed += sum(1 for a, b in zip(cells, shown, strict=True) if a != b)
    return shown


def _write_table(
    handle: TextIO,
    rows: Iterator[dict[str, Any]],
    policy: Policy,
    counts: _Counts,
    *,
    hxl: bool,
) -> None:
    columns = columns_for(policy)
    layout = victim_columns()
    typed = [index for index, column in enumerate(columns) if column.typed]
    getters = [column.value for column in columns]
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow([c.header for c in columns] + [h for h, _, _, _ in layout] + ["victims_total"])
    if hxl:
        writer.writerow(
            [c.hashtag for c in columns] + [t for _, t, _, _ in layout] + ["#affected+total"]
        )
    suppress = policy.suppress_small_counts
    for data in rows:
        cells = [get(data) for get in getters]
        for index in typed:
            cells[index] = safe_cell(cells[index])
        victims = _victim_cells(data.get("victims") or _NO_VICTIMS)
        writer.writerow(cells + (_suppress(victims, policy, counts) if suppress else victims))


def _write_json(
    handle: TextIO, rows: Iterator[dict[str, Any]], policy: Policy, counts: _Counts
) -> None:
    handle.write("[")
    first = True
    for data in rows:
        if policy.suppress_small_counts:
            data = _suppress_json_counts(data, policy, counts)
        handle.write("\n" if first else ",\n")
        handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        first = False
    handle.write("\n]\n")


def _suppress_json_counts(data: dict[str, Any], policy: Policy, counts: _Counts) -> dict[str, Any]:
    victims: dict[str, dict[str, Any]] = {}
    for outcome, by_group in (data.get("victims") or {}).items():
        victims[outcome] = {}
        for group, count in by_group.items():
            shown = policy.small(int(count))
            counts.suppressed += shown != count
            victims[outcome][group] = shown
    return {**data, "victims": victims}


def manifest_path(out: Path) -> Path:
    return out.with_name(out.name + MANIFEST_SUFFIX)


def export_incidents(
    vault: Vault,
    out: Path,
    fmt: str,
    scope: ExportScope,
    policy: Policy,
    *,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
) -> Manifest:
    """Write the incidents of *scope* that *policy* allows to *out* in *fmt*, and the
    manifest beside it; return the manifest.

    ``on_total`` is told how many incidents will be written before the first
    one is (for a progress bar); ``progress`` then receives row counts as they go.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    out = Path(out)
    check_target(out)
    counts = _Counts()
    try:
        with (
            vault.reports.snapshot() as snapshot,
            atomic_writer(out) as raw,
            atomic_writer(manifest_path(out)) as raw_manifest,
        ):
            manifest = tally(snapshot.groups(scope.filter()), policy, document=f"{fmt} export")
            if on_total is not None:
                on_total(manifest.included)
            bodies = snapshot.bodies(
                scope.filter(policy.allowed_sensitivity()),
                consent=policy.allowed_consent(),
                verification=policy.allowed_verification(),
            )
            rows = _protected_rows(bodies, policy, counts, progress)
            handle = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=False)
            if fmt == "json":
                _write_json(handle, rows, policy, counts)
            else:
                _write_table(handle, rows, policy, counts, hxl=fmt == "hxl")
            handle.flush()
            handle.detach()
            manifest.locations_generalised = counts.generalised
            manifest.small_counts_suppressed = counts.suppressed
            if counts.written != manifest.included:
                # The read transaction makes this impossible; if it ever happens, say so.
                manifest.notes.append(
                    f"{counts.written} incidents were written, {manifest.included} expected"
                )
            raw_manifest.write(json.dumps(manifest.to_json(), indent=1).encode("utf-8") + b"\n")
    except PermissionError as exc:
        raise ExportError(exc.errno, f"cannot write the export: {exc.strerror}", str(out)) from exc
    return manifest


def check_target(out: Path, *, what: str = "export") -> None:
    """Fail before reading anything if *out* cannot be written (ExportError names why)."""
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(errno.ENOENT, f"cannot write the {what}: no such folder", str(parent))
    if out.is_dir():
        raise ExportError(errno.EISDIR, f"cannot write the {what}: it is a folder", str(out))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportError(errno.EACCES, f"cannot write the {what}: permission denied", str(parent))
