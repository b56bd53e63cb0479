"""The summary analysis from a vault and a saved definition: gather, render, write, record.

``build_summary`` reads the vault once (analysis with the protection filter
applied, the latest risk assessment, the annex rows, the manifest) and
renders the PDF in memory. ``write_summary`` writes it atomically and
records its SHA-256 in the definition, so the vault knows every version sent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from hradvisor.analysis import AnalysisScope, analyse, arrange_concerns
from hradvisor.analysis.risk import latest_assessment, previous_assessment, summary
from hradvisor.model import (
    Choices,
    ReportDefinition,
    ReportOutput,
    admin1_name,
    country_name,
)
from hradvisor.reports.annex import ANNEX_LIMIT, annex_row
from hradvisor.reports.document import render_pdf
from hradvisor.reports.exports import ExportError, ExportScope, check_target
from hradvisor.reports.inputs import AnnexRow, ReportInput, RiskLike, SignalLike
from hradvisor.reports.protection import Manifest, Policy, tally
from hradvisor.reports.texts import text
from hradvisor.store import Vault
from hradvisor.store.files import write_atomic

MAX_CONCERNS = 6

S = TypeVar("S", bound=SignalLike)


@dataclass(frozen=True)
class SummaryResult:
    """A rendered report: the bytes, their hash, the page count and what was left out."""

    pdf: bytes
    sha256: str
    pages: int
    manifest: Manifest


def policy_for(definition: ReportDefinition) -> Policy:
    """The protection policy a definition asks for (reports never show narratives)."""
    return Policy(
        classification=definition.classification,
        audience=definition.audience,
        exact_locations=definition.exact_locations,
        suppress_small_counts=definition.suppress_small_counts,
    )


def scope_label(definition: ReportDefinition) -> str:
    lang = definition.language
    if not definition.country:
        return text("all_countries", lang)
    name = country_name(definition.country, lang)
    if not definition.areas:
        return name
    return f"{name}: {', '.join(admin1_name(code) for code in definition.areas)}"


def arrange_signals(signals: Sequence[S], choices: Choices) -> list[S]:
    """The adviser's choices applied to signals as arrange_concerns applies them to concerns."""
    hidden, pinned = set(choices.hidden), set(choices.pinned)
    position = {key: index for index, key in enumerate(dict.fromkeys(choices.order))}
    kept = [(rank, s) for rank, s in enumerate(signals) if s.key not in hidden]
    kept.sort(
        key=lambda item: (
            item[1].key not in pinned,
            position.get(item[1].key, len(position)),
            item[0],
        )
    )
    return [signal for _, signal in kept]


def _risk(vault: Vault, definition: ReportDefinition) -> RiskLike | None:
    if not definition.country:
        return None
    issued = dt.date.fromisoformat(definition.issued)
    current = latest_assessment(
        vault, definition.country, definition.areas, before=issued + dt.timedelta(days=1)
    )
    if current is None:
        return None
    return summary(current, definition.language, previous_assessment(vault, current))


def _annex_and_manifest(
    vault: Vault, definition: ReportDefinition, policy: Policy
) -> tuple[list[AnnexRow], int, Manifest]:
    scope = ExportScope(country=definition.country, areas=definition.areas)
    within = (definition.start, definition.end)
    with vault.reports.snapshot() as snapshot:
        manifest = tally(
            snapshot.groups(scope.filter(), within=within), policy, document="summary analysis"
        )
        rows: list[AnnexRow] = []
        total = manifest.included
        if definition.include_annex:
            bodies = snapshot.most_serious(
                scope.filter(policy.allowed_sensitivity()),
                consent=policy.allowed_consent(),
                verification=policy.allowed_verification(),
                within=within,
                limit=ANNEX_LIMIT,
            )
            rows = [annex_row(data, policy, definition.language) for data in bodies]
    return rows, total, manifest


def gather(
    vault: Vault, definition: ReportDefinition, policy: Policy
) -> tuple[ReportInput, Manifest]:
    """Everything the report shows, computed from the incidents the policy admits."""
    scope = AnalysisScope(
        start=definition.start,
        end=definition.end,
        country=definition.country,
        areas=definition.areas,
        verification=policy.allowed_verification(),
        sensitivity=policy.allowed_sensitivity(),
        consent=policy.allowed_consent(),
    )
    analysis = analyse(vault, scope, lang=definition.language)
    choices = definition.concerns
    concerns = arrange_concerns(
        analysis.concerns, pinned=choices.pinned, hidden=choices.hidden, order=choices.order
    )
    shown = max(MAX_CONCERNS, len(choices.pinned))
    annex, annex_total, manifest = _annex_and_manifest(vault, definition, policy)
    data = ReportInput(
        analysis=analysis,
        concerns=concerns[:shown],
        signals=arrange_signals(analysis.signals, definition.signals),
        risk=_risk(vault, definition),
        annex=annex,
        annex_total=annex_total,
    )
    manifest.locations_generalised = 0 if policy.exact_locations else len(annex)
    manifest.small_counts_suppressed = _suppressed(data, policy)
    return data, manifest


def _suppressed(data: ReportInput, policy: Policy) -> int:
    """How many numbers the PDF shows as "<3" (area table and annex)."""
    if not policy.suppress_small_counts:
        return 0
    values = [v for b in data.analysis.by_area for v in (b.incidents, b.victims, b.killed)]
    values += [v for row in data.annex for v in (row.killed, row.victims)]
    return sum(1 for v in values if 0 < v < 3)


def build_summary(vault: Vault, definition: ReportDefinition) -> SummaryResult:
    """Render the summary analysis of *definition* from the vault, in memory."""
    policy = policy_for(definition)
    data, manifest = gather(vault, definition, policy)
    rendered = render_pdf(definition, data, policy, scope_label(definition))
    return SummaryResult(
        pdf=rendered.data,
        sha256=hashlib.sha256(rendered.data).hexdigest(),
        pages=rendered.pages,
        manifest=manifest,
    )


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_summary(
    vault: Vault, definition: ReportDefinition, out: Path, *, based_on: str | None = None
) -> tuple[SummaryResult, ReportDefinition]:
    """Render, write *out* atomically, and save the definition with this PDF's hash added.

    The PDF is written before the definition is saved: a failure to write
    records nothing, and an unwritable *out* fails before the vault is read.
    """
    out = Path(out)
    check_target(out, what="report")
    result = build_summary(vault, definition)
    try:
        write_atomic(out, result.pdf)
    except PermissionError as exc:
        raise ExportError(
            exc.errno, "cannot write the report: permission denied", str(out)
        ) from exc
    made = ReportOutput(
        sha256=result.sha256, made_at=utc_now(), pages=result.pages, bytes=len(result.pdf)
    )
    recorded = dataclasses.replace(definition, outputs=(*definition.outputs, made))
    vault.reports.save(recorded, based_on=based_on)
    return result, recorded
