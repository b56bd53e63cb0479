"""The Dashboard section: key figures, trend, areas, breakdowns, signals and concerns.

Every number comes from ``hradvisor.analysis.analyse`` run in a worker; the
page only lays the answer out. Each run carries a generation, so a slow answer
for a scope the adviser has already left is dropped rather than shown over
the current one. Clicking or pressing Enter on a signal, concern, bar, point
or area emits the incident-list filter that shows its incidents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from hradvisor.analysis import Analysis, AnalysisScope, Bucket, Concern, analyse
from hradvisor.analysis import Signal as EarlyWarning
from hradvisor.model import admin1_name
from hradvisor.store import Vault
from hradvisor.store.queries import IncidentFilter
from hradvisor.ui.dashboard import drill
from hradvisor.ui.dashboard.areas import KEY_ROLE, AreaHeatModel, area_rows, area_table
from hradvisor.ui.dashboard.charts import OTHER_KEY, TOP, BarChart, TrendChart, top_buckets
from hradvisor.ui.dashboard.concerns import Choices, ConcernList
from hradvisor.ui.dashboard.layout import card, grid_rows
from hradvisor.ui.dashboard.scope_bar import ScopeBar
from hradvisor.ui.dashboard.signals_view import SignalList
from hradvisor.ui.dashboard.tiles import TileRow
from hradvisor.ui.widgets import button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

DEBOUNCE_MS = 200
WEEKLY_UP_TO_DAYS = 92  # shorter periods trend by week, longer by month
MONTHLY_UP_TO_DAYS = 550  # longer still (more months than the axis can name): by quarter


@dataclass(frozen=True)
class DashboardData:
    """One worker's answer: the analysis, and whether the vault holds no incident at all."""

    analysis: Analysis
    vault_empty: bool


def compute(vault: Vault, scope: AnalysisScope, lang: str) -> DashboardData:
    """On a worker: everything the dashboard shows for *scope* but the areas' change."""
    analysis = analyse(vault, scope, lang=lang)
    empty = analysis.figures.incidents == 0 and vault.queries.count(IncidentFilter()) == 0
    return DashboardData(analysis, empty)


def previous_areas(vault: Vault, scope: AnalysisScope, lang: str) -> list[Bucket]:
    """On a worker: the areas of the period of equal length just before *scope*.

    The engine gives areas for the analysed period only, so the heat list's
    change column asks for the previous period separately, after the rest of
    the page is on screen (it costs about half an analysis).
    """
    length = dt.timedelta(days=scope.days)
    before = AnalysisScope(
        start=scope.start - length,
        end=scope.start - dt.timedelta(days=1),
        country=scope.country,
        areas=scope.areas,
    )
    return analyse(vault, before, lang=lang, baseline_periods=0, with_signals=False).by_area


def trend_buckets(analysis: Analysis) -> tuple[list[Bucket], str]:
    """The trend's buckets and the chart's heading: weeks, months or quarters by period length."""
    days = analysis.scope.days
    if days <= WEEKLY_UP_TO_DAYS:
        return analysis.by_week, translate("Dashboard", "Incidents and killed per week")
    if days <= MONTHLY_UP_TO_DAYS:
        return analysis.by_month, translate("Dashboard", "Incidents and killed per month")
    return analysis.by_quarter, translate("Dashboard", "Incidents and killed per quarter")


class DashboardPage(QWidget):
    """The dashboard over *vault*. The lead connects the two drill-down signals to the list.

    ``show_incidents(IncidentFilter)`` is emitted for every drill-down;
    ``show_incident_ids(list[str])`` follows it when the exact incidents are
    known (signals and concerns). ``signals_changed(int)`` reports how many
    early-warning signals the latest analysis raised (for a badge).
    """

    show_incidents = Signal(object)
    show_incident_ids = Signal(list)
    signals_changed = Signal(int)

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        lang: str = "en",
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._lang = lang
        self._generation = 0
        self._loaded = False
        self.analysis: Analysis | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.setSpacing(8)
        self.scope_bar = ScopeBar(today)
        outer.addWidget(self.scope_bar)
        self.message = label("", "error")
        self.message.hide()
        outer.addWidget(self.message)
        self.stack = QStackedWidget()
        self.content = self._content()
        self.empty = self._empty_state()
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.empty)
        outer.addWidget(self.stack, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._connect()

    # -- layout -------------------------------------------------------------------
    def _content(self) -> QScrollArea:
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(0, 0, 4, 0)
        box.setSpacing(12)
        self.period_label = label("", "muted")
        box.addWidget(self.period_label)
        self.tiles = TileRow()
        box.addWidget(self.tiles)
        # Created in reading order, which is also the tab order.
        self.trend_heading = label("")
        self.trend = TrendChart()
        self.trend.setMinimumHeight(250)
        self.signals_heading = label(translate("Dashboard", "Early-warning signals"))
        self.signal_list = SignalList(self._lang)
        self.area_model = AreaHeatModel()
        self.areas = area_table(self.area_model)
        self.areas.setMinimumHeight(330)
        self.violations = BarChart(translate("Dashboard", "Incidents by violation"))
        self.perpetrators = BarChart(translate("Dashboard", "Incidents by alleged perpetrator"))
        self.groups = BarChart(translate("Dashboard", "Incidents by victim group"))
        for chart in (self.violations, self.perpetrators, self.groups):
            chart.setMinimumHeight(380)
        self.concerns = ConcernList()
        by_perpetrator = translate("Dashboard", "By alleged perpetrator")
        box.addLayout(
            grid_rows(
                [
                    [(card(self.trend_heading, self.trend), 1)],
                    [(card(self.signals_heading, self.signal_list), 1)],
                    [
                        (card(translate("Dashboard", "Areas"), self.areas), 1),
                        (card(translate("Dashboard", "By violation"), self.violations), 1),
                    ],
                    [
                        (card(by_perpetrator, self.perpetrators), 1),
                        (card(translate("Dashboard", "By victim group"), self.groups), 1),
                    ],
                    [(card(translate("Dashboard", "Principal concerns"), self.concerns), 1)],
                ]
            )
        )
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def _empty_state(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch(1)
        self.empty_title = label("", "title")
        self.empty_text = label("", "muted")
        for part in (self.empty_title, self.empty_text):
            part.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(part)
        self.longer_button = button(
            translate("Dashboard", "Show the last 12 months"),
            translate("Dashboard", "Show the last 12 months"),
        )
        self.longer_button.clicked.connect(self._show_last_year)
        box.addWidget(self.longer_button, 0, Qt.AlignmentFlag.AlignCenter)
        box.addStretch(2)
        return page

    def _connect(self) -> None:
        self.scope_bar.scope_changed.connect(self._debounce.start)
        self.scope_bar.refresh_button.clicked.connect(self.refresh)
        self.signal_list.signal_activated.connect(self._signal_activated)
        self.concerns.concern_activated.connect(self._concern_activated)
        self.areas.activated.connect(self._area_activated)
        self.violations.bucket_activated.connect(self._violation_activated)
        self.perpetrators.bucket_activated.connect(self._perpetrator_activated)
        self.groups.bucket_activated.connect(self._group_activated)
        self.trend.bucket_activated.connect(self._trend_activated)

    # -- running the analysis -----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Analyse the first time the page is shown, not at unlock: nobody may look."""
        super().showEvent(event)
        if not self._loaded and self._vault is not None:
            self.refresh()

    def refresh(self) -> None:
        """Analyse the scope the bar describes, in a worker; older answers will be dropped."""
        self._debounce.stop()
        if self._vault is None:
            return
        self._loaded = True
        self._generation += 1
        generation, vault, lang = self._generation, self._vault, self._lang
        scope = self.scope_bar.scope()
        self.scope_bar.set_busy(True, translate("Dashboard", "Analysing…"))
        self.message.hide()
        run_in_background(
            lambda: _tagged(generation, lambda: compute(vault, scope, lang)),
            self._answered,
            self._crashed,
        )

    def is_busy(self) -> bool:
        return self.scope_bar.busy.isVisible()

    def _answered(self, answer: tuple[int, object]) -> None:
        generation, data = answer
        if generation != self._generation:
            return  # an answer for a scope no longer shown
        self.scope_bar.set_busy(False)
        if isinstance(data, Exception):
            self._show_error(data)
            return
        assert isinstance(data, DashboardData)  # noqa: S101 (what compute returns)
        self._show(data)
        if data.analysis.figures.incidents and self._vault is not None:
            self._compare_areas(self._vault, data.analysis.scope)

    def _compare_areas(self, vault: Vault, scope: AnalysisScope) -> None:
        """Second step: the previous period's areas, for the heat list's change column."""
        generation, lang = self._generation, self._lang
        self.scope_bar.set_busy(True, translate("Dashboard", "Comparing areas…"))
        run_in_background(
            lambda: _tagged(generation, lambda: previous_areas(vault, scope, lang)),
            self._areas_answered,
            self._crashed,
        )

    def _areas_answered(self, answer: tuple[int, object]) -> None:
        generation, buckets = answer
        if generation != self._generation:
            return
        self.scope_bar.set_busy(False)
        if isinstance(buckets, Exception):
            self._show_error(buckets)
            return
        if self.analysis is not None and isinstance(buckets, list):
            self.area_model.set_rows(area_rows(self.analysis.by_area, buckets))

    def _crashed(self, exc: BaseException) -> None:
        self.scope_bar.set_busy(False)
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        text = translate("Dashboard", "The dashboard could not be computed: {why}")
        self.message.setText(text.format(why=user_message(exc)))
        self.message.show()

    # -- showing an answer ----------------------------------------------------------------
    def _show(self, data: DashboardData) -> None:
        analysis = self.analysis = data.analysis
        self.period_label.setText(self._period_text(analysis))
        self.signals_changed.emit(len(analysis.signals))
        if analysis.figures.incidents == 0:
            self._show_empty(analysis, data.vault_empty)
            return
        self.stack.setCurrentWidget(self.content)
        comparison = translate("Dashboard", "on the previous {days} days").format(
            days=analysis.scope.days
        )
        self.tiles.show_figures(analysis.figures, analysis.previous, comparison)
        buckets, heading = trend_buckets(analysis)
        self.trend_heading.setText(heading)
        self.trend.show_buckets(buckets)
        self.area_model.set_rows(area_rows(analysis.by_area, None))
        self.signals_heading.setText(
            translate("Dashboard", "Early-warning signals ({count})").format(
                count=len(analysis.signals)
            )
        )
        self.signal_list.show_signals(analysis.signals)
        if not analysis.signals:
            self.signal_list.show_nothing(translate("Dashboard", "No signal in this period."))
        self.violations.show_buckets(analysis.by_violation)
        self.perpetrators.show_buckets(analysis.by_perpetrator)
        self.groups.show_buckets(analysis.by_victim_group)
        self.concerns.show_concerns(analysis.concerns)

    def _period_text(self, analysis: Analysis) -> str:
        scope = analysis.scope
        where = ", ".join(admin1_name(code) for code in scope.areas) or translate(
            "Dashboard", "all areas"
        )
        text = translate("Dashboard", "{start} to {end} · {where} · {incidents:,} incidents")
        text = text.format(
            start=scope.start.isoformat(),
            end=scope.end.isoformat(),
            where=where,
            incidents=analysis.figures.incidents,
        )
        if analysis.imprecise:
            more = translate(
                "Dashboard", " · {count:,} more with dates too imprecise to place in the period"
            )
            text += more.format(count=analysis.imprecise)
        compared = translate("Dashboard", " · changes against the previous {days} days")
        return text + compared.format(days=scope.days)

    def _show_empty(self, analysis: Analysis, vault_empty: bool) -> None:
        self._clear_figures()
        if vault_empty:
            self.empty_title.setText(translate("Dashboard", "Nothing to analyse yet"))
            self.empty_text.setText(
                translate(
                    "Dashboard",
                    "Once incidents are recorded, this page shows their trend, the areas"
                    " most affected, early-warning signals and the principal concerns.",
                )
            )
        else:
            self.empty_title.setText(translate("Dashboard", "No incidents in this period"))
            self.empty_text.setText(
                translate(
                    "Dashboard",
                    "No incident recorded from {start} to {end} in the areas chosen."
                    " Choose a longer period or all areas.",
                ).format(start=analysis.scope.start.isoformat(), end=analysis.scope.end.isoformat())
            )
        self.longer_button.setVisible(not vault_empty)
        self.stack.setCurrentWidget(self.empty)

    def _show_last_year(self) -> None:
        self.scope_bar.area.setCurrentIndex(0)
        self.scope_bar.preset.setCurrentIndex(self.scope_bar.preset.findData("12m"))
        self.refresh()

    # -- drill-down ---------------------------------------------------------------------
    def _emit(self, filters: IncidentFilter, ids: tuple[str, ...] = ()) -> None:
        self.show_incidents.emit(filters)
        if ids:
            self.show_incident_ids.emit(list(ids))

    def _scope(self) -> AnalysisScope | None:
        return None if self.analysis is None else self.analysis.scope

    def _signal_activated(self, signal: EarlyWarning) -> None:
        if (scope := self._scope()) is not None:
            self._emit(drill.signal_filter(scope, signal), signal.incident_ids)

    def _concern_activated(self, concern: Concern) -> None:
        if (scope := self._scope()) is not None:
            self._emit(drill.concern_filter(scope, concern), concern.incident_ids)

    def _area_activated(self, index: QModelIndex) -> None:
        scope = self._scope()
        key = index.data(KEY_ROLE)
        if scope is not None and key:
            self._emit(drill.area_filter(scope, str(key)))

    def _folded(self, bucket: Bucket, everything: list[Bucket]) -> tuple[str, ...]:
        """The codes behind a bar: its own, or every category folded into "other"."""
        if bucket.key != OTHER_KEY:
            return (bucket.key,)
        kept = {b.key for b in top_buckets(everything, TOP)}
        return tuple(b.key for b in everything if b.key not in kept and b.incidents > 0)

    def _violation_activated(self, bucket: Bucket) -> None:
        if (scope := self._scope()) is not None and self.analysis is not None:
            codes = self._folded(bucket, self.analysis.by_violation)
            self._emit(drill.violation_filter(scope, codes), bucket.incident_ids)

    def _perpetrator_activated(self, bucket: Bucket) -> None:
        if (scope := self._scope()) is not None and self.analysis is not None:
            codes = self._folded(bucket, self.analysis.by_perpetrator)
            self._emit(drill.perpetrator_filter(scope, codes), bucket.incident_ids)

    def _group_activated(self, bucket: Bucket) -> None:
        if (scope := self._scope()) is not None and self.analysis is not None:
            codes = self._folded(bucket, self.analysis.by_victim_group)
            self._emit(drill.victim_group_filter(scope, codes), bucket.incident_ids)

    def _trend_activated(self, index: int) -> None:
        scope = self._scope()
        period = drill.bucket_period(self.trend.buckets[index].key)
        if scope is not None and period is not None:
            self._emit(drill.period_filter(scope, *period))

    # -- the adviser's choices and locking ------------------------------------------------------
    def concern_choices(self) -> Choices:
        """(pinned, hidden, order): concern keys as the adviser arranged them."""
        return self.concerns.choices()

    def clear(self) -> None:
        """On lock: drop every figure, label and chart built from data, and the vault."""
        self._debounce.stop()
        self._generation += 1  # any answer still on its way is dropped
        self._vault = None
        self.analysis = None
        self.scope_bar.set_busy(False)
        self.message.clear()
        self.message.hide()
        self.period_label.clear()
        self.empty_title.clear()
        self.empty_text.clear()
        self._clear_figures()
        self.concerns.clear()

    def _clear_figures(self) -> None:
        self.tiles.clear()
        self.trend.reset()
        self.violations.reset()
        self.perpetrators.reset()
        self.groups.reset()
        self.area_model.clear()
        self.signal_list.clear()
        self.signals_heading.setText(translate("Dashboard", "Early-warning signals"))
        self.concerns.show_concerns([])


def _tagged(generation: int, work: Callable[[], object]) -> tuple[int, object]:
    """On a worker: the answer or the error, tagged with the generation that asked."""
    try:
        return generation, work()
    except Exception as exc:
        return generation, exc
