"""Vector charts (reportlab.graphics) drawn from analysis buckets.

Vector, so they print sharp and stay small; every label uses the embedded
fonts. Charts show counts the tables and text also give: they help the eye,
they do not carry numbers of their own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from hradvisor.reports.fonts import SANS, SANS_BOLD
from hradvisor.reports.styles import GREY, GRID, INK, SERIES, clip

LABEL_SIZE = 7
TITLE_SIZE = 8.5
MAX_BARS = 10


def _nice_max(value: float) -> int:
    """A round upper bound for an axis (at least 1)."""
    if value <= 5:
        return max(1, math.ceil(value))
    magnitude = 10.0 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        bound = step * magnitude
        if bound >= value:
            return math.ceil(bound)
    return math.ceil(value)


def _step(top: int) -> int:
    """An axis step giving about five ticks of whole numbers."""
    return max(1, _nice_max(top / 5))


def _drawing(width: float, height: float) -> Drawing:
    """A Drawing whose initial font is ours (reportlab's default would pull in Helvetica)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = SANS
    drawing.initialFontSize = LABEL_SIZE
    return drawing


def _title(drawing: Drawing, title: str, height: float) -> None:
    drawing.add(
        String(
            0,
            height - TITLE_SIZE - 1,
            title,
            fontName=SANS_BOLD,
            fontSize=TITLE_SIZE,
            fillColor=INK,
        )
    )


def month_chart(
    labels: Sequence[str],
    incidents: Sequence[int],
    victims: Sequence[int],
    *,
    title: str,
    legend: tuple[str, str],
    width: float,
    height: float = 150,
) -> Drawing:
    """Incidents and victims side by side for each month of the period."""
    drawing = _drawing(width, height)
    _title(drawing, title, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 28
    chart.width, chart.height = width - 40, height - 62
    chart.data = [list(incidents) or [0], list(victims) or [0]]
    top = _nice_max(max([*incidents, *victims, 1]))
    _value_axis(chart.valueAxis, top)
    chart.categoryAxis.categoryNames = [clip(label, 14) for label in labels] or [""]
    _labels(chart.categoryAxis.labels)
    chart.categoryAxis.labels.angle = 0 if len(labels) <= 8 else 30
    chart.categoryAxis.labels.boxAnchor = "n" if len(labels) <= 8 else "ne"
    chart.categoryAxis.strokeColor = GRID
    chart.groupSpacing = 6
    chart.barSpacing = 1
    for index, colour in enumerate(SERIES[:2]):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    if len(labels) <= 12:
        _bar_labels(chart)
    drawing.add(chart)
    key = Legend()
    key.x, key.y = width - 150, height - 6
    key.alignment = "right"
    key.columnMaximum = 1
    key.dx = key.dy = 6
    key.deltax = 70
    key.fontName, key.fontSize = SANS, LABEL_SIZE
    key.colorNamePairs = list(zip(SERIES[:2], legend, strict=True))
    key.strokeColor = None
    drawing.add(key)
    return drawing


def bar_chart(labels: Sequence[str], values: Sequence[int], *, title: str, width: float) -> Drawing:
    """Horizontal bars, largest first (at most MAX_BARS), with the count at each bar's end."""
    labels, values = list(labels[:MAX_BARS]), list(values[:MAX_BARS])
    rows = max(1, len(values))
    bar_height = 14
    height = 34 + rows * bar_height
    drawing = _drawing(width, height)
    _title(drawing, title, height)
    chart = HorizontalBarChart()
    label_width = min(170, width * 0.42)
    chart.x, chart.y = label_width, 16
    chart.width, chart.height = width - label_width - 28, rows * bar_height
    # reportlab draws the first category at the bottom: reverse so the largest is on top.
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = [clip(label, 34) for label in reversed(labels)] or [""]
    _labels(chart.categoryAxis.labels)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = GRID
    _value_axis(chart.valueAxis, _nice_max(max([*values, 1])))
    chart.bars[0].fillColor = SERIES[0]
    chart.bars[0].strokeColor = None
    chart.barWidth = 9
    chart.groupSpacing = 5
    _bar_labels(chart, horizontal=True)
    drawing.add(chart)
    return drawing


def _value_axis(axis: Any, top: int) -> None:
    axis.valueMin = 0
    axis.valueMax = top
    axis.valueStep = _step(top)
    axis.labelTextFormat = "%d"
    axis.strokeColor = GRID
    axis.visibleGrid = 1
    axis.gridStrokeColor = colors.HexColor("#e4e9f0")
    axis.gridStrokeWidth = 0.4
    _labels(axis.labels)


def _labels(labels: Any) -> None:
    labels.fontName = SANS
    labels.fontSize = LABEL_SIZE
    labels.fillColor = GREY


def _bar_labels(chart: Any, *, horizontal: bool = False) -> None:
    labels = chart.barLabels
    chart.barLabelFormat = "%d"
    labels.fontName = SANS
    labels.fontSize = LABEL_SIZE - 0.5
    labels.fillColor = INK
    labels.boxAnchor = "w" if horizontal else "s"
    labels.dx = 3 if horizontal else 0
    labels.dy = 0 if horizontal else 2
