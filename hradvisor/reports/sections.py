"""The sections of the summary analysis, each a list of flowables.

Numbers come from the analysis (``ReportInput``); wording from texts.py;
anything a person typed goes through styles.user_text/para (escaped). No
section reads the vault, so what is printed is exactly what was gathered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from hradvisor.model import ReportDefinition, admin1_name, codes, vocabulary
from hradvisor.reports import charts
from hradvisor.reports.fonts import SANS
from hradvisor.reports.inputs import BucketLike, ChangeLike, FiguresLike, ReportInput
from hradvisor.reports.page import MARGIN_X, PAGE_WIDTH
from hradvisor.reports.protection import SMALL_COUNT_LIMIT, Policy
from hradvisor.reports.styles import (
    BLUE,
    GRID,
    PALE,
    RATING_TINT,
    clip,
    para,
    user_text,
)
from hradvisor.reports.texts import (
    TEXTS,
    counted,
    long_date,
    month_label,
    number,
    percent,
    period_text,
    short_date,
    text,
)

CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
DEFAULT_ROLE = "Human Rights Adviser"  # the model's default, printed in the report's language
MAX_SIGNALS = 12
ANNEX_COLUMNS = (
    "date", "area", "incident", "violations", "perpetrators", "killed", "victims", "status",
)  # fmt: skip


@dataclass(frozen=True)
class Context:
    """What every section needs: the definition, the gathered numbers, the policy."""

    definition: ReportDefinition
    data: ReportInput
    policy: Policy
    scope_label: str

    @property
    def lang(self) -> str:
        return self.definition.language

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def n(self, value: int | float) -> str:
        return number(value, self.lang)

    def small(self, count: int) -> str:
        shown = self.policy.small(count)
        return shown if isinstance(shown, str) else self.n(shown)


def _grid(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 7),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), BLUE))
    for row in range(1 if header else 0, len(rows)):
        if row % 2 == 0:
            commands.append(("BACKGROUND", (0, row), (-1, row), PALE))
    table.setStyle(TableStyle(commands))
    return table


def _head(*labels: str, right: Sequence[int] = ()) -> list[Any]:
    """Header cells; the columns in *right* hold numbers and are right-aligned."""
    return [para(label, "head_right" if i in right else "head") for i, label in enumerate(labels)]


def change_text(ctx: Context, change: ChangeLike | None) -> str:
    """▲ +5 (+25%), ▼ −3 (−20%), no change, new."""
    if change is None:
        return ""
    if change.direction == "new":
        return ctx.t("change.new")
    if change.delta == 0:
        return ctx.t("change.flat")
    if ctx.policy.suppress_small_counts and any(
        0 < value < SMALL_COUNT_LIMIT for value in (change.current, change.previous)
    ):
        return "▲" if change.delta > 0 else "▼"  # the size would give a small count away
    sign = "+" if change.delta > 0 else "−"
    delta = f"{sign}{ctx.n(abs(change.delta))}"
    share = (
        f"{sign}{percent(abs(change.delta) / change.previous, ctx.lang)}"
        if change.previous
        else "—"
    )
    key = "change.up" if change.delta > 0 else "change.down"
    return ctx.t(key, delta=delta, percent=share)


@dataclass(frozen=True)
class _SimpleChange:
    current: float
    previous: float
    delta: float
    ratio: float | None
    direction: str


def _change(ctx: Context, key: str, current: int, previous: int) -> ChangeLike:
    """The engine's change for *key*, or the plain difference of the two engine figures."""
    found = ctx.data.analysis.changes.get(key)
    if found is not None:
        return found
    delta = current - previous
    direction = (
        "new" if previous == 0 and current else ("up" if delta > 0 else "down" if delta else "flat")
    )
    return _SimpleChange(
        current, previous, delta, current / previous if previous else None, direction
    )


# -- title block ---------------------------------------------------------------------------


def title_block(ctx: Context) -> list[Flowable]:
    d = ctx.definition
    role = ctx.t("role.default") if d.author_role == DEFAULT_ROLE else d.author_role
    author = role + (f" — {d.author_name}" if d.author_name else "")
    rows = [
        (ctx.t("period"), period_text(d.start, d.end, ctx.lang)),
        (ctx.t("scope"), ctx.scope_label),
        (ctx.t("issued"), long_date(dt.date.fromisoformat(d.issued), ctx.lang)),
        (ctx.t("prepared_by"), author),
        (ctx.t("for"), ctx.t(f"audience.{d.audience}")),
    ]
    table = Table(
        [[para(label, "cell_bold"), para(clip(value, 400), "cell")] for label, value in rows],
        colWidths=[3.2 * cm, CONTENT_WIDTH - 3.2 * cm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 8),
                ("BACKGROUND", (0, 0), (-1, -1), PALE),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, BLUE),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, BLUE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story: list[Flowable] = [
        para(ctx.t("org"), "org"),
        para(clip(d.display_title(), 300), "title"),
        table,
        Spacer(1, 0.3 * cm),
    ]
    if ctx.data.analysis.figures.incidents == 0:
        story.append(para(ctx.t("empty"), "note"))
    return story


def overview(ctx: Context) -> list[Flowable]:
    paragraphs = user_text(ctx.definition.overview)
    return [para(ctx.t("h.overview"), "h1"), *paragraphs] if paragraphs else []


# -- key figures -----------------------------------------------------------------------------


def _tile(ctx: Context, value: str, label: str, detail: str) -> list[Flowable]:
    return [para(value, "tile_number"), para(label, "tile_label"), para(detail, "tile_change")]


def key_figures(ctx: Context) -> list[Flowable]:
    now, before = ctx.data.analysis.figures, ctx.data.analysis.previous
    killed_now, killed_before = (
        now.victims_by_outcome.get("killed", 0),
        before.victims_by_outcome.get("killed", 0),
    )

    def detail(key: str, current: int, previous: int) -> str:
        change = change_text(ctx, _change(ctx, key, current, previous))
        return f"{change}; {ctx.t('fig.previous', value=ctx.small(previous))}"

    tiles = [
        _tile(
            ctx,
            ctx.small(now.incidents),
            ctx.t("fig.incidents"),
            detail("incidents", now.incidents, before.incidents),
        ),
        _tile(
            ctx,
            ctx.small(now.victims_total),
            ctx.t("fig.victims"),
            detail("victims", now.victims_total, before.victims_total),
        ),
        _tile(
            ctx,
            ctx.small(killed_now),
            ctx.t("fig.killed"),
            detail("killed", killed_now, killed_before),
        ),
        _tile(
            ctx,
            percent(now.verified_share, ctx.lang),
            ctx.t("fig.verified"),
            f"{ctx.small(now.verified)} / {ctx.small(now.incidents)}; "
            + ctx.t("fig.previous", value=percent(before.verified_share, ctx.lang)),
        ),
    ]
    width = CONTENT_WIDTH / 4
    table = Table([tiles], colWidths=[width] * 4)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 8),
                ("BOX", (0, 0), (-1, -1), 0.6, GRID),
                ("INNERGRID", (0, 0), (-1, -1), 0.6, GRID),
                ("BACKGROUND", (0, 0), (-1, -1), PALE),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [
        para(ctx.t("h.figures"), "h1"),
        table,
        Spacer(1, 0.35 * cm),
        *victims_table(ctx, now, before),
    ]


def victims_table(ctx: Context, now: FiguresLike, before: FiguresLike) -> list[Flowable]:
    outcomes = [
        o
        for o in codes("outcomes")
        if now.victims_by_outcome.get(o) or before.victims_by_outcome.get(o)
    ]
    if not outcomes:
        return [para(ctx.t("fig.no_victims"), "note")]
    groups = codes("sex-age")
    outcome_vocab, group_vocab = vocabulary("outcomes"), vocabulary("sex-age")
    rows: list[list[Any]] = [
        _head(
            ctx.t("fig.harm"),
            *(group_vocab.label(g, ctx.lang) for g in groups),
            ctx.t("fig.total"),
            ctx.t("fig.change"),
            right=range(1, len(groups) + 2),
        )
    ]
    for outcome in outcomes:
        cells = now.victims.get(outcome, {})
        current, previous = (
            now.victims_by_outcome.get(outcome, 0),
            before.victims_by_outcome.get(outcome, 0),
        )
        rows.append(
            [
                para(outcome_vocab.label(outcome, ctx.lang), "cell"),
                *(para(ctx.small(cells.get(g, 0)), "cell_right") for g in groups),
                para(ctx.small(current), "cell_right"),
                para(change_text(ctx, _change(ctx, outcome, current, previous)), "cell"),
            ]
        )
    first, change = 3.9 * cm, 3.1 * cm
    rest = (CONTENT_WIDTH - first - change) / (len(groups) + 1)
    table = _grid(rows, [first, *([rest] * (len(groups) + 1)), change])
    return [para(ctx.t("fig.outcome"), "h2"), table]


# -- concerns, trends, signals -------------------------------------------------------------------


def concerns(ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [para(ctx.t("h.concerns"), "h1")]
    if not ctx.data.concerns:
        return [*story, para(ctx.t("concern.none"), "body")]
    for index, concern in enumerate(ctx.data.concerns, start=1):
        f = concern.figures
        block: list[Flowable] = [
            para(f"{index}. {clip(concern.title, 200)}", "h2"),
            para(
                ctx.t(
                    "concern.line",
                    incidents=counted(ctx.small(f.incidents), f.incidents, "incident", ctx.lang),
                    victims=counted(
                        ctx.small(f.victims_total), f.victims_total, "victim", ctx.lang
                    ),
                    killed=ctx.small(f.victims_by_outcome.get("killed", 0)),
                    verified=percent(concern.verified_share, ctx.lang),
                )
                + " "
                + ctx.t("concern.change", change=change_text(ctx, concern.change)),
            ),
        ]
        reasons = [
            ctx.t(f"reason.{code}")
            for code in getattr(concern, "reasons", ())
            if f"reason.{code}" in TEXTS
        ]
        if reasons:
            block.append(para(ctx.t("concern.why", reasons="; ".join(reasons)), "small"))
        story.append(KeepTogether(block))
    return story


def trends(ctx: Context) -> list[Flowable]:
    analysis = ctx.data.analysis
    if analysis.figures.incidents == 0:
        return []
    if ctx.policy.suppress_small_counts:
        return [para(ctx.t("h.trends"), "h1"), *count_tables(ctx), *areas(ctx)]
    months = list(analysis.by_month)
    story: list[Flowable] = [
        para(ctx.t("h.trends"), "h1"),
        charts.month_chart(
            [month_label(b.key, ctx.lang) if len(b.key) == 7 else b.label for b in months],
            [b.incidents for b in months],
            [b.victims for b in months],
            title=ctx.t("chart.month"),
            legend=(ctx.t("chart.legend_incidents"), ctx.t("chart.legend_victims")),
            width=CONTENT_WIDTH,
        ),
        Spacer(1, 0.3 * cm),
    ]
    half = (CONTENT_WIDTH - 0.6 * cm) / 2
    pair = [
        charts.bar_chart(
            [b.label for b in buckets], [b.incidents for b in buckets], title=ctx.t(key), width=half
        )
        for key, buckets in (
            ("chart.violation", analysis.by_violation),
            ("chart.perpetrator", analysis.by_perpetrator),
        )
    ]
    side_by_side = Table([pair], colWidths=[half + 0.3 * cm, half + 0.3 * cm])
    side_by_side.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story += [side_by_side, Spacer(1, 0.3 * cm), *areas(ctx)]
    return story


def _bucket_label(bucket: BucketLike, ctx: Context, *, month: bool) -> str:
    if month and len(bucket.key) == 7:
        return month_label(bucket.key, ctx.lang)
    return bucket.label


def count_tables(ctx: Context) -> list[Flowable]:
    """The breakdowns as tables with small counts shown as "<3" (instead of charts, whose
    bar lengths would give the small numbers away)."""
    analysis = ctx.data.analysis
    story: list[Flowable] = []
    number_width = 2.6 * cm
    for heading, buckets in (
        ("by.month", analysis.by_month),
        ("by.violation", analysis.by_violation),
        ("by.perpetrator", analysis.by_perpetrator),
    ):
        rows: list[list[Any]] = [
            _head(ctx.t(heading), ctx.t("fig.incidents"), ctx.t("fig.victims"), right=(1, 2))
        ]
        for bucket in buckets:
            rows.append(
                [
                    para(clip(_bucket_label(bucket, ctx, month=heading == "by.month"), 80), "cell"),
                    para(ctx.small(bucket.incidents), "cell_right"),
                    para(ctx.small(bucket.victims), "cell_right"),
                ]
            )
        widths = [CONTENT_WIDTH - 2 * number_width, number_width, number_width]
        story += [_grid(rows, widths), Spacer(1, 0.25 * cm)]
    return story


def areas(ctx: Context) -> list[Flowable]:
    """By area: a chart when counts may be shown as they are, and always the table."""
    buckets = list(ctx.data.analysis.by_area)
    if not buckets:
        return []
    story: list[Flowable] = []
    if not ctx.policy.suppress_small_counts:
        story.append(
            charts.bar_chart(
                [b.label for b in buckets],
                [b.incidents for b in buckets],
                title=ctx.t("chart.area"),
                width=CONTENT_WIDTH,
            )
        )
    rows: list[list[Any]] = [
        _head(
            ctx.t("area.table"),
            ctx.t("fig.incidents"),
            ctx.t("fig.victims"),
            ctx.t("fig.killed"),
            right=(1, 2, 3),
        )
    ]
    for bucket in buckets:
        rows.append(
            [
                para(clip(bucket.label, 80), "cell"),
                para(ctx.small(bucket.incidents), "cell_right"),
                para(ctx.small(bucket.victims), "cell_right"),
                para(ctx.small(bucket.killed), "cell_right"),
            ]
        )
    number_width = 2.6 * cm
    story.append(
        _grid(rows, [CONTENT_WIDTH - 3 * number_width, number_width, number_width, number_width])
    )
    return story


def _place(code: str | None, ctx: Context) -> str:
    return admin1_name(code) if code else ctx.scope_label


def _subject(code: str, ctx: Context) -> str:
    for name in ("violations", "victim-groups"):
        if code in vocabulary(name):
            return vocabulary(name).label(code, ctx.lang)
    return code


def _dates(start: dt.date, end: dt.date, ctx: Context) -> str:
    return f"{short_date(start, ctx.lang)} – {short_date(end, ctx.lang)}"


def signals(ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [para(ctx.t("h.signals"), "h1")]
    if not ctx.data.signals:
        return [*story, para(ctx.t("signal.none"), "body")]
    rows: list[list[Any]] = [
        _head(
            ctx.t("signal.kind"),
            ctx.t("signal.where"),
            ctx.t("signal.when"),
            ctx.t("signal.observed"),
            ctx.t("signal.summary"),
            right=(3,),
        )
    ]
    for signal in ctx.data.signals[:MAX_SIGNALS]:
        kind = ctx.t(f"signal.{signal.kind}") if f"signal.{signal.kind}" in TEXTS else signal.kind
        rows.append(
            [
                para(
                    ctx.t("signal.label", kind=kind, subject=_subject(signal.subject, ctx)),
                    "cell_bold",
                ),
                para(clip(_place(signal.area, ctx), 60), "cell"),
                para(_dates(signal.period_start, signal.period_end, ctx), "cell"),
                para(
                    f"{ctx.small(round(signal.observed))} / {ctx.n(round(signal.expected, 1))}",
                    "cell_right",
                ),
                para(clip(signal.summary, 300), "cell"),
            ]
        )
    widths = [3.6 * cm, 2.6 * cm, 2.6 * cm, 1.9 * cm]
    return [*story, _grid(rows, [*widths, CONTENT_WIDTH - sum(widths)])]


# -- risks, recommendations, method, annex ---------------------------------------------------------


def risks(ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [para(ctx.t("h.risks"), "h1")]
    risk = ctx.data.risk
    if risk is None:
        return [*story, para(ctx.t("risk.none"), "body")]
    story.append(
        para(
            ctx.t(
                "risk.intro",
                scope=risk.scope,
                start=long_date(dt.date.fromisoformat(risk.period_start), ctx.lang),
                end=long_date(dt.date.fromisoformat(risk.period_end), ctx.lang),
                assessed=long_date(dt.date.fromisoformat(risk.assessed_on), ctx.lang),
            )
        )
    )
    overall = ctx.t("risk.overall", rating=risk.overall_label)
    if risk.overall_direction:
        overall += f" ({ctx.t('risk.' + risk.overall_direction)})"
    story.append(para(overall, "h2"))
    story += user_text(risk.overall_narrative)
    rows: list[list[Any]] = [
        _head(
            "#",
            ctx.t("risk.factor"),
            ctx.t("risk.rating"),
            ctx.t("risk.change"),
            ctx.t("risk.evidence"),
            right=(0, 4),
        )
    ]
    tints: list[tuple[Any, ...]] = []
    for row, factor in enumerate(risk.factors, start=1):
        direction = factor.change.direction if factor.change is not None else None
        rows.append(
            [
                para(str(factor.number), "cell_right"),
                para(factor.title, "cell"),
                para(factor.rating_label, "cell_bold"),
                para(ctx.t(f"risk.{direction}") if direction else ctx.t("risk.first"), "cell"),
                para(ctx.n(factor.evidence_count), "cell_right"),
            ]
        )
        tints.append(
            (
                "BACKGROUND",
                (2, row),
                (2, row),
                RATING_TINT.get(factor.rating, RATING_TINT["unknown"]),
            )
        )
    widths = [0.8 * cm, 0, 2.4 * cm, 2.8 * cm, 2.0 * cm]
    widths[1] = CONTENT_WIDTH - sum(widths)
    table = _grid(rows, widths)
    table.setStyle(TableStyle(tints))
    return [*story, table]


def recommendations(ctx: Context) -> list[Flowable]:
    paragraphs = user_text(ctx.definition.recommendations)
    return [
        para(ctx.t("h.recommendations"), "h1"),
        *(paragraphs or [para(ctx.t("recommendations.none"), "note")]),
    ]


def methodology(ctx: Context) -> list[Flowable]:
    analysis = ctx.data.analysis
    marking = ctx.t(f"marking.{ctx.definition.classification}")
    story: list[Flowable] = [
        para(ctx.t("h.methodology"), "h1"),
        para(ctx.t("method.sources")),
        para(ctx.t("method.standard", share=percent(analysis.figures.verified_share, ctx.lang))),
        para(ctx.t("method.protection", marking=marking)),
        para(ctx.t("method.period", imprecise=ctx.n(analysis.imprecise))),
        para(ctx.t("method.limits")),
    ]
    if ctx.policy.suppress_small_counts:
        story.append(para(ctx.t("method.small")))
    return story


def annex(ctx: Context) -> list[Flowable]:
    rows_in = ctx.data.annex
    if not ctx.definition.include_annex or not rows_in:
        return []
    total = ctx.data.annex_total
    note = (
        ctx.t("annex.note_all", total=ctx.n(total))
        if len(rows_in) >= total
        else ctx.t("annex.note", shown=ctx.n(len(rows_in)), total=ctx.n(total))
    )
    rows: list[list[Any]] = [_head(*(ctx.t(f"annex.{key}") for key in ANNEX_COLUMNS), right=(5, 6))]
    for item in rows_in:
        rows.append(
            [
                item.date,
                para(clip(item.area, 40), "cell"),
                para(clip(item.title, 160), "cell"),
                para(clip(item.violations, 160), "cell"),
                para(clip(item.perpetrators, 120), "cell"),
                ctx.small(item.killed),
                ctx.small(item.victims),
                ctx.t(f"status.{item.verification}"),
            ]
        )
    widths = [1.75 * cm, 2.0 * cm, 0, 2.9 * cm, 2.7 * cm, 1.1 * cm, 1.4 * cm, 1.45 * cm]
    widths[2] = CONTENT_WIDTH - sum(widths)
    table = _grid(rows, widths)
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (5, 1), (6, -1), "RIGHT"),
            ]
        )
    )
    if not ctx.policy.exact_locations:
        note += " " + ctx.t("annex.refs")
    return [PageBreak(), para(ctx.t("h.annex"), "h1"), para(note, "note"), table]
