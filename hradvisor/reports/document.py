"""Lay the sections out into PDF bytes: deterministic, marked, with clean metadata."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from hradvisor import __version__
from hradvisor.model import ReportDefinition
from hradvisor.reports import breakdowns, closing, sections
from hradvisor.reports.fonts import SANS, register_fonts
from hradvisor.reports.inputs import ReportInput
from hradvisor.reports.layout import Context
from hradvisor.reports.page import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PageFurniture,
    canvas_maker,
)
from hradvisor.reports.protection import Policy
from hradvisor.reports.texts import period_text, text


def story(ctx: Context) -> list[Flowable]:
    """The sections in the order a reader needs them: what, how bad, why, what next, how we know."""
    return [
        *sections.title_block(ctx),
        *sections.overview(ctx),
        *sections.key_figures(ctx),
        *sections.concerns(ctx),
        *breakdowns.trends(ctx),
        *breakdowns.signals(ctx),
        *closing.risks(ctx),
        *sections.recommendations(ctx),
        *sections.methodology(ctx),
        *closing.annex(ctx),
    ]


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


def render_pdf(
    definition: ReportDefinition, data: ReportInput, policy: Policy, scope_label: str
) -> RenderedPdf:
    """The PDF of the summary analysis. Same arguments, same bytes.

    Metadata: title, the classification as subject and keyword, the author's
    role (a name only if the definition gives one), hradvisor as creator, and
    the issue date as creation date. No user name, path or device id.
    """
    register_fonts()
    lang = definition.language
    marking = text(f"marking.{definition.classification}", lang)
    period = period_text(definition.start, definition.end, lang)
    furniture = PageFurniture(
        marking=marking,
        running_title=f"{text('running', lang)} · {scope_label}",
        period=period,
        page_label=text("page", lang),
        issued=dt.date.fromisoformat(definition.issued),
        lang=lang,
    )
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=definition.display_title(),
        author=definition.author_role
        + (f" ({definition.author_name})" if definition.author_name else ""),
        subject=f"{marking} · {scope_label} · {period}",
        creator="hradvisor",
        producer=f"hradvisor {__version__}",
        keywords=marking,
        invariant=1,
        initialFontName=SANS,
        lang=lang,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        PAGE_WIDTH - 2 * MARGIN_X,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    ctx = Context(definition, data, policy, scope_label)
    doc.build(story(ctx), canvasmaker=canvas_maker(furniture))
    return RenderedPdf(buffer.getvalue(), doc.page)
