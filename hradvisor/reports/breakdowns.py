"""Trends, breakdowns by violation, perpetrator and area, and early-warning signals.

Charts when counts may be shown as they are; tables with "<3" when small
counts are suppressed (a bar's length would give a small number away).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from hradvisor.model import admin1_name, vocabulary
from hradvisor.reports import charts
from hradvisor.reports.fonts import SANS
from hradvisor.reports.inputs import BucketLike
from hradvisor.reports.layout import CONTENT_WIDTH, MAX_SIGNALS, Context, grid, head
from hradvisor.reports.styles import clip, para
from hradvisor.reports.texts import TEXTS, month_label, short_date


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
            head(ctx.t(heading), ctx.t("fig.incidents"), ctx.t("fig.victims"), right=(1, 2))
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
        story += [grid(rows, widths), Spacer(1, 0.25 * cm)]
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
        head(
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
        grid(rows, [CONTENT_WIDTH - 3 * number_width, number_width, number_width, number_width])
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
        head(
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
    return [*story, grid(rows, [*widths, CONTENT_WIDTH - sum(widths)])]
