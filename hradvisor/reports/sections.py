"""The front of the summary analysis: title block, overview, key figures, concerns,
recommendations and the methodology note.

Numbers come from the analysis (``ReportInput``); wording from texts.py;
anything a person typed goes through styles.user_text/para (escaped). No
section reads the vault, so what is printed is exactly what was gathered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from hradvisor.model import codes, vocabulary
from hradvisor.reports.fonts import SANS
from hradvisor.reports.inputs import FiguresLike
from hradvisor.reports.layout import (
    CONTENT_WIDTH,
    DEFAULT_ROLE,
    Context,
    change_text,
    figure_change,
    grid,
    head,
)
from hradvisor.reports.styles import BLUE, GRID, PALE, clip, para, user_text
from hradvisor.reports.texts import TEXTS, counted, long_date, percent, period_text

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
        change = change_text(ctx, figure_change(ctx, key, current, previous))
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
        head(
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
                para(change_text(ctx, figure_change(ctx, outcome, current, previous)), "cell"),
            ]
        )
    first, change = 3.9 * cm, 3.1 * cm
    rest = (CONTENT_WIDTH - first - change) / (len(groups) + 1)
    table = grid(rows, [first, *([rest] * (len(groups) + 1)), change])
    return [para(ctx.t("fig.outcome"), "h2"), table]


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
