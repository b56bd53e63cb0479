"""The risk-framework table and the annex of incidents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, TableStyle

from hradvisor.reports.layout import ANNEX_COLUMNS, CONTENT_WIDTH, Context, grid, head
from hradvisor.reports.styles import RATING_TINT, clip, para, user_text
from hradvisor.reports.texts import long_date


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
        head(
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
    table = grid(rows, widths)
    table.setStyle(TableStyle(tints))
    return [*story, table]


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
    rows: list[list[Any]] = [head(*(ctx.t(f"annex.{key}") for key in ANNEX_COLUMNS), right=(5, 6))]
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
    table = grid(rows, widths)
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
