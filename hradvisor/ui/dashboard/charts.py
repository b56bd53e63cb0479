"""The dashboard's charts (QtCharts): the trend line and the horizontal bars.

Charts take their colours from the widget's palette plus the one accent, so
they follow the light or dark look. Each chart also writes what it shows into
its accessible description ("March 2026: 41 incidents, 6 killed; …"): a
screen reader gets the numbers, not a picture. Axis labels are vocabulary
labels, never codes.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QToolTip

from hradvisor.analysis import Bucket
from hradvisor.ui.theme import ACCENT

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

GRID = "#E4E7EB"
OTHER_BAR = "#9AA5B1"
MARKED_POINT = "#F59E0B"  # amber: the keyboard's point, distinct from both lines
TOP = 8
OTHER_KEY = "*other*"
_ACTIVATE = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
_MONTH_KEY = re.compile(r"^(\d{4})-(\d{2})$")
_DAY_KEY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK_KEY = re.compile(r"^(\d{4})-W(\d{2})$")


def short_label(bucket: Bucket, *, with_year: bool = True) -> str:
    """A label short enough for an axis: "Mar" (over "2026" if *with_year*), "14 Apr"."""
    locale = QLocale()
    month = _MONTH_KEY.match(bucket.key)
    if month:
        name = locale.monthName(int(month.group(2)), QLocale.FormatType.ShortFormat)
        return f"{name}<br>{month.group(1)}" if with_year else name
    day = _DAY_KEY.match(bucket.key)
    week = _WEEK_KEY.match(bucket.key)
    start: dt.date | None = None
    if day:
        start = dt.date.fromisoformat(bucket.key)
    elif week:
        start = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
    if start is not None:
        name = locale.monthName(start.month, QLocale.FormatType.ShortFormat)
        return f"{start.day} {name}"
    return html.escape(bucket.label)


def top_buckets(buckets: Sequence[Bucket], top: int = TOP) -> list[Bucket]:
    """The *top* largest buckets by incidents, the rest folded into one "other" bucket.

    An incident can carry several violations or perpetrators, so the "other"
    bar adds up incident counts of several categories; its label says how
    many categories it holds.
    """
    ranked = sorted(buckets, key=lambda b: (-b.incidents, b.label))
    if len(ranked) <= top + 1:
        return [b for b in ranked if b.incidents > 0]
    kept, rest = ranked[:top], [b for b in ranked[top:] if b.incidents > 0]
    if not rest:
        return kept
    other = Bucket(
        key=OTHER_KEY,
        label=translate("Dashboard", "{count} other categories").format(count=len(rest)),
        incidents=sum(b.incidents for b in rest),
        victims=sum(b.victims for b in rest),
        killed=sum(b.killed for b in rest),
        incident_ids=(),
    )
    return [*kept, other]


class _ChartView(QChartView):
    """A chart view with the app's look: no animation, palette colours, small margins."""

    def __init__(self, accessible: str) -> None:
        chart = QChart()
        super().__init__(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(accessible)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        chart.legend().setFont(self.font())
        self._follow_palette()
        self.setMinimumHeight(220)

    def _follow_palette(self) -> None:
        """Chart colours from the palette, again whenever the look changes (light/dark)."""
        chart, palette = self.chart(), self.palette()
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))
        for axis in chart.axes():
            axis.setLabelsColor(palette.color(QPalette.ColorRole.Text))
        for series in chart.series():
            if isinstance(series, QLineSeries) and series.pen().style() == Qt.PenStyle.DashLine:
                series.setPen(self._second_pen())

    def _second_pen(self) -> QPen:
        """The second line (killed): the text colour (dark slate in the light look, light
        grey in the dark one), dashed, so the two lines differ without relying on colour."""
        return QPen(self.palette().color(QPalette.ColorRole.Text), 2, Qt.PenStyle.DashLine)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()
        super().changeEvent(event)

    def reset(self) -> None:
        """Drop every series and axis, and the description built from them."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.setAccessibleDescription("")

    def _axis_look(self, axis: QBarCategoryAxis | QValueAxis) -> None:
        text = self.palette().color(QPalette.ColorRole.Text)
        axis.setLabelsColor(text)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        axis.setLabelsFont(font)
        axis.setGridLineColor(QColor(GRID))
        axis.setLinePenColor(QColor(GRID))

    def _value_axis(self, largest: int, *, room: float = 1.0) -> QValueAxis:
        axis = QValueAxis()
        axis.setLabelFormat("%d")
        axis.setRange(0, max(4, largest * room))
        axis.applyNiceNumbers()
        axis.setMinorTickCount(0)
        self._axis_look(axis)
        return axis


class TrendChart(_ChartView):
    """Incidents and killed per week or month.

    Emits ``bucket_activated(index)`` on a click on a point, or from the
    keyboard: Left/Right mark a week or month (its points grow and its
    figures show as a tool tip), Enter opens it.
    """

    bucket_activated = Signal(int)

    def __init__(self) -> None:
        super().__init__(translate("Dashboard", "Trend of incidents and killed"))
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.buckets: list[Bucket] = []
        self.marked: int | None = None
        self._lines: list[QLineSeries] = []

    def show_buckets(self, buckets: Sequence[Bucket]) -> None:
        self.reset()
        self.buckets = list(buckets)
        chart = self.chart()
        incidents = QLineSeries()
        incidents.setName(translate("Dashboard", "Incidents"))
        incidents.setPen(QPen(QColor(ACCENT), 2.5))
        killed = QLineSeries()
        killed.setName(translate("Dashboard", "Killed"))
        killed.setPen(self._second_pen())
        for index, bucket in enumerate(self.buckets):
            incidents.append(QPointF(index, bucket.incidents))
            killed.append(QPointF(index, bucket.killed))
        for series in (incidents, killed):
            series.setPointsVisible(len(self.buckets) <= 26)
            series.setSelectedColor(QColor(MARKED_POINT))
            series.clicked.connect(self._clicked)
            chart.addSeries(series)
        self._lines = [incidents, killed]
        x_axis = QBarCategoryAxis()
        x_axis.append(_thinned(_axis_labels(self.buckets)))
        self._axis_look(x_axis)
        x_axis.setGridLineVisible(False)
        largest = max((max(b.incidents, b.killed) for b in self.buckets), default=0)
        y_axis = self._value_axis(largest, room=1.1)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (incidents, killed):
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        spoken = translate("Dashboard", "{label}: {incidents} incidents, {killed} killed")
        self.setAccessibleDescription(
            "; ".join(
                spoken.format(label=b.label, incidents=b.incidents, killed=b.killed)
                for b in self.buckets
            )
        )

    def _clicked(self, point: QPointF) -> None:
        index = round(point.x())
        if 0 <= index < len(self.buckets):
            self.bucket_activated.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.buckets and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            here = len(self.buckets) if self.marked is None else self.marked
            self.mark(max(0, min(len(self.buckets) - 1, here + step)))
        elif self.marked is not None and key in _ACTIVATE:
            self.bucket_activated.emit(self.marked)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.buckets and self.marked is None:
            self.mark(len(self.buckets) - 1)  # the latest week or month first

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.mark(None)

    def mark(self, index: int | None) -> None:
        """Select the points of one week or month and say its figures in the tool tip."""
        self.marked = index
        for series in self._lines:
            series.deselectAllPoints()
            if index is not None:
                series.selectPoint(index)
        if index is None:
            self.setToolTip("")
            return
        bucket = self.buckets[index]
        text = translate("Dashboard", "{label}: {incidents} incidents, {killed} killed").format(
            label=bucket.label, incidents=bucket.incidents, killed=bucket.killed
        )
        self.setToolTip(text)
        point = self.chart().mapToPosition(QPointF(index, bucket.incidents), self._lines[0])
        QToolTip.showText(self.mapToGlobal(self.mapFromScene(point)), text, self)

    def reset(self) -> None:
        super().reset()
        self.buckets = []
        self.marked = None
        self._lines = []
        self.setToolTip("")


def _axis_labels(buckets: Sequence[Bucket]) -> list[str]:
    """Month names, with the year under the first month and under each January."""
    return [
        short_label(b, with_year=index == 0 or b.key.endswith("-01"))
        for index, b in enumerate(buckets)
    ]


def wrapped(text: str, width: int = 24) -> str:
    """A long category label on two lines (at the space nearest its middle): never elided."""
    text = html.escape(text)
    if len(text) <= width or " " not in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, char in enumerate(text) if char == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}<br>{text[cut + 1 :]}"


def _thinned(labels: list[str]) -> list[str]:
    """Axis categories must be unique and, past ~14, too many to read: keep every n-th.

    The others become distinct runs of spaces, which the axis shows as nothing.
    """
    step = max(1, -(-len(labels) // 14))
    return [text if index % step == 0 else " " * (index + 1) for index, text in enumerate(labels)]


class BarChart(_ChartView):
    """Horizontal bars of incidents per category, largest on top.

    Emits ``bucket_activated(Bucket)`` when a bar is clicked, or chosen with
    the keyboard (Up/Down mark a category, shown "▸ bold"; Enter opens it).
    The "other" bar carries the key ``OTHER_KEY`` and the page works out
    what it holds.
    """

    bucket_activated = Signal(object)

    def __init__(self, accessible: str) -> None:
        super().__init__(accessible)
        self.chart().legend().hide()
        self.buckets: list[Bucket] = []
        self.marked: int | None = None  # the bucket marked from the keyboard
        self._categories: QBarCategoryAxis | None = None

    def show_buckets(self, buckets: Sequence[Bucket]) -> None:
        self.reset()
        self.buckets = top_buckets(buckets)
        chart = self.chart()
        bars = QBarSet(translate("Dashboard", "Incidents"))
        bars.setColor(QColor(ACCENT))
        bars.setBorderColor(QColor(ACCENT))
        bars.setLabelColor(self.palette().color(QPalette.ColorRole.Text))
        bars.setLabelFont(self.font())
        shown = list(reversed(self.buckets))  # the axis draws its first category at the bottom
        for bucket in shown:
            bars.append(bucket.incidents)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        bars.clicked.connect(lambda index: self._clicked(len(shown) - 1 - index))
        if shown and shown[0].key == OTHER_KEY:  # the folded bar in grey: it is not a category
            bars.setSelectedColor(QColor(OTHER_BAR))
            bars.selectBar(0)
        chart.addSeries(series)
        y_axis = self._categories = QBarCategoryAxis()
        y_axis.append([wrapped(b.label) for b in shown])
        y_axis.setTruncateLabels(False)  # a category is only useful whole
        self._axis_look(y_axis)
        y_axis.setGridLineVisible(False)
        largest = max((b.incidents for b in self.buckets), default=0)
        x_axis = self._value_axis(largest, room=1.2)  # room for the number after the bar
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y_axis)
        series.attachAxis(x_axis)
        spoken = translate("Dashboard", "{label}: {incidents} incidents")
        self.setAccessibleDescription(
            "; ".join(spoken.format(label=b.label, incidents=b.incidents) for b in self.buckets)
        )

    def _clicked(self, index: int) -> None:
        if 0 <= index < len(self.buckets):
            self.bucket_activated.emit(self.buckets[index])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.buckets and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            here = -1 if self.marked is None and step > 0 else (self.marked or 0)
            self.mark(max(0, min(len(self.buckets) - 1, here + step)))
        elif self.marked is not None and key in _ACTIVATE:
            self._clicked(self.marked)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.buckets and self.marked is None:
            self.mark(0)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.mark(None)

    def mark(self, index: int | None) -> None:
        """Show which category the keyboard is on: "▸" and bold on its axis label."""
        self.marked = index
        if self._categories is None:
            return
        labels = []
        for position, bucket in enumerate(self.buckets):
            text = wrapped(bucket.label)
            labels.append(f"▸ <b>{text}</b>" if position == index else text)
        self._categories.setCategories(list(reversed(labels)))

    def reset(self) -> None:
        super().reset()
        self.buckets = []
        self.marked = None
        self._categories = None
