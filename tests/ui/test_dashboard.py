"""The dashboard: engine figures, charts, heat list, drill-down, concerns, lock (DESIGN §9)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from hradvisor.analysis import (
    Analysis,
    AnalysisScope,
    Bucket,
    Change,
    Concern,
    Figures,
    Signal,
    analyse,
)
from hradvisor.demo import generate_incidents
from hradvisor.store import Vault, VaultError, open_vault
from hradvisor.store.queries import IncidentFilter
from hradvisor.ui.dashboard import DashboardPage
from hradvisor.ui.dashboard import page as page_module
from hradvisor.ui.dashboard.areas import AREA, CHANGE, INCIDENTS, KEY_ROLE, change_text
from hradvisor.ui.dashboard.charts import OTHER_KEY, top_buckets
from hradvisor.ui.dashboard.scope_bar import LAST_12_MONTHS, LAST_QUARTER, preset_period
from hradvisor.ui.workers import BackgroundOp
from tests.conftest import PASSPHRASE, make_incident

TODAY = dt.date(2026, 10, 31)
AREAS = ("XA-01", "XA-07", "XA-12")  # Varnholt, Duskwater, Iron Delta


def _incidents() -> list:
    """Ninety incidents over the eighteen months to TODAY, in three areas, some with killings."""
    incidents = []
    for number in range(90):
        day = TODAY - dt.timedelta(days=6 * number)
        killing = number % 4 == 0
        incidents.append(
            make_incident(
                title=f"Case {number:02d}",
                date=day.isoformat(),
                location={"country": "XA", "admin1": AREAS[number % 3], "place": "Fenwick"},
                violations=["killing"] if killing else ["arbitrary-detention"],
                perpetrators=["state-police"] if number % 2 else ["non-state-armed-group"],
                victims={"killed": {"men": 1 + number % 3}}
                if killing
                else {"detained": {"men": 2}},
            )
        )
    return incidents


@pytest.fixture
def filled(vault_dir: Path) -> Path:
    with open_vault(vault_dir, PASSPHRASE) as vault:
        vault.incidents.add_many(_incidents())
    return vault_dir


@pytest.fixture
def vault(filled: Path) -> Iterator[Vault]:
    with open_vault(filled, PASSPHRASE) as opened:
        yield opened
        QThreadPool.globalInstance().waitForDone(5000)


def _shown(qtbot: QtBot, vault: Vault) -> DashboardPage:
    page = DashboardPage(vault, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitUntil(lambda: page.analysis is not None and not page.is_busy())
    return page


@pytest.fixture
def page(vault: Vault, qtbot: QtBot) -> DashboardPage:
    return _shown(qtbot, vault)


# -- the real engine on a real vault ----------------------------------------------------------
def test_tiles_show_what_the_engine_computes(page: DashboardPage, vault: Vault) -> None:
    start, end = preset_period(LAST_12_MONTHS, TODAY)
    expected = analyse(vault, AnalysisScope(start=start, end=end))
    figures = expected.figures
    assert figures.incidents > 0
    tiles = page.tiles.tiles
    assert tiles["incidents"].value.text() == f"{figures.incidents:,}"
    assert tiles["killed"].value.text() == f"{figures.killed:,}"
    detained = figures.victims_by_outcome.get("detained", 0)
    detained += figures.victims_by_outcome.get("disappeared", 0)
    assert tiles["detained"].value.text() == f"{detained:,}"
    assert tiles["victims"].value.text() == f"{figures.victims_total:,}"
    assert tiles["verified"].value.text() == f"{round(100 * (figures.verified_share or 0))} %"
    change = tiles["incidents"].change.text()
    assert change[0] in "▲▼=" and any(char.isdigit() or char == "=" for char in change)


def test_the_trend_and_the_bars_plot_the_engine_buckets(page: DashboardPage) -> None:
    analysis = page.analysis
    assert analysis is not None
    lines = [s for s in page.trend.chart().series() if isinstance(s, QLineSeries)]
    assert [s.name() for s in lines] == ["Incidents", "Killed"]
    assert [p.y() for p in lines[0].points()] == [b.incidents for b in analysis.by_month]
    assert [p.y() for p in lines[1].points()] == [b.killed for b in analysis.by_month]
    assert len(analysis.by_month) == 12
    (bars,) = page.violations.chart().series()
    assert isinstance(bars, QHorizontalBarSeries)
    values = [bars.barSets()[0].at(i) for i in range(bars.barSets()[0].count())]
    ranked = top_buckets(analysis.by_violation)
    assert values == [b.incidents for b in reversed(ranked)]  # the largest on top
    axis = next(a for a in page.violations.chart().axes() if isinstance(a, QBarCategoryAxis))
    assert set(axis.categories()) == {"Killing", "Arbitrary detention"}  # labels, not codes


def test_the_area_heat_list_has_a_row_per_area_with_numbers(
    page: DashboardPage, vault: Vault
) -> None:
    model = page.area_model
    analysis = page.analysis
    assert analysis is not None
    assert model.rowCount() == 3
    names = {model.index(row, AREA).data() for row in range(3)}
    assert names == {"Varnholt", "Duskwater", "Iron Delta"}
    by_key = {b.key: b for b in analysis.by_area}
    before = {b.key: b.incidents for b in page_module.previous_areas(vault, analysis.scope, "en")}
    assert before  # the year before TODAY has incidents too
    for row in range(3):
        key = model.index(row, AREA).data(KEY_ROLE)
        assert model.index(row, INCIDENTS).data() == f"{by_key[key].incidents:,}"
        delta = by_key[key].incidents - before.get(key, 0)
        assert model.index(row, CHANGE).data() == change_text(delta, before.get(key, 0))


def test_activating_an_area_row_emits_its_filter(page: DashboardPage, qtbot: QtBot) -> None:
    table = page.areas
    index = table.model().index(0, AREA)
    key = index.data(KEY_ROLE)
    with qtbot.waitSignal(page.show_incidents) as caught:
        table.activated.emit(index)
    start, end = preset_period(LAST_12_MONTHS, TODAY)
    assert caught.args == [IncidentFilter(date_from=start, date_to=end, admin1=(key,))]


def test_a_bar_click_emits_the_violation_filter(page: DashboardPage, qtbot: QtBot) -> None:
    killing = next(b for b in page.violations.buckets if b.key == "killing")
    with qtbot.waitSignal(page.show_incidents) as caught:
        page.violations.bucket_activated.emit(killing)
    (emitted,) = caught.args
    assert emitted.violations == ("killing",)
    assert emitted.admin1 == ()


def test_an_area_chosen_in_the_bar_narrows_the_analysis(page: DashboardPage, qtbot: QtBot) -> None:
    combo = page.scope_bar.area
    combo.setCurrentIndex(combo.findData("XA-07"))
    qtbot.waitUntil(lambda: page.analysis is not None and page.analysis.scope.areas == ("XA-07",))
    qtbot.waitUntil(lambda: page.area_model.rowCount() == 1)
    assert "Duskwater" in page.period_label.text()


def test_a_period_without_incidents_says_so(page: DashboardPage, qtbot: QtBot) -> None:
    page.scope_bar.set_custom_period(dt.date(1990, 1, 1), dt.date(1990, 3, 31))
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
    assert page.empty_title.text() == "No incidents in this period"
    assert page.longer_button.isVisible()
    assert page.trend.chart().series() == []  # no empty axes behind the message
    page.longer_button.click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.content)


def test_an_empty_vault_explains_what_will_appear(vault_dir: Path, qtbot: QtBot) -> None:
    with open_vault(vault_dir, PASSPHRASE) as empty:
        page = _shown(qtbot, empty)
        qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
        assert page.empty_title.text() == "Nothing to analyse yet"
        assert not page.longer_button.isVisible()
        QThreadPool.globalInstance().waitForDone(5000)


def test_last_quarter_is_the_last_complete_calendar_quarter() -> None:
    assert preset_period(LAST_QUARTER, dt.date(2026, 10, 31)) == (
        dt.date(2026, 7, 1),
        dt.date(2026, 9, 30),
    )
    assert preset_period(LAST_QUARTER, dt.date(2026, 2, 1)) == (
        dt.date(2025, 10, 1),
        dt.date(2025, 12, 31),
    )
    assert preset_period(LAST_12_MONTHS, dt.date(2026, 10, 31))[0] == dt.date(2025, 11, 1)


def test_clear_leaves_no_figure_behind(page: DashboardPage, qtbot: QtBot) -> None:
    assert page.area_model.rowCount() > 0
    page.clear()
    assert page.analysis is None
    assert page.area_model.rowCount() == 0
    for chart in (page.trend, page.violations, page.perpetrators, page.groups):
        assert chart.chart().series() == []
        assert chart.chart().axes() == []
        assert chart.accessibleDescription() == ""
    assert page.signal_list.topLevelItemCount() == 0
    assert page.concerns.tree.topLevelItemCount() == 0
    assert page.concern_choices() == ((), (), ())
    for tile in page.tiles.tiles.values():
        assert tile.value.text() == "—"
        assert tile.change.text() == ""
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    for word in ("Varnholt", "Duskwater", "Iron Delta", "2025", "2026"):
        assert word not in texts
    page.refresh()  # after a lock the page has no vault to ask
    assert not page.is_busy()


# -- drill-down, concerns and worker behaviour on a known answer ------------------------------
def _figures(incidents: int, killed: int = 0) -> Figures:
    by_outcome = {"killed": killed}
    return Figures(
        incidents=incidents,
        victims={"killed": {"men": killed}},
        victims_by_outcome=by_outcome,
        victims_total=killed,
        verified=incidents // 2,
        verified_share=0.5 if incidents else None,
    )


def _concern(key: str, title: str, score: float) -> Concern:
    change = Change(current=6, previous=3, baseline=3, delta=3, ratio=2.0, direction="up")
    return Concern(
        key=key,
        title=title,
        violation="killing",
        area="XA-07",
        score=score,
        figures=_figures(6, 2),
        change=change,
        verified_share=0.5,
        incident_ids=(f"{key}-1", f"{key}-2"),
    )


SPIKE = Signal(
    key="spike:XA-07:killing",
    kind="spike",
    area="XA-07",
    subject="killing",
    period_start=dt.date(2026, 10, 5),
    period_end=dt.date(2026, 10, 25),
    observed=9,
    expected=2.5,
    score=4.2,
    summary="Killings in Duskwater well above the expected level.",
    incident_ids=("id-1", "id-2"),
)
CONCERNS = [_concern("a", "Killings in Duskwater", 3), _concern("b", "Detention", 2)]
CONCERNS.append(_concern("c", "Torture", 1))


def _known(scope: AnalysisScope) -> Analysis:
    bucket = Bucket(key="XA-07", label="Duskwater", incidents=6, victims=2, killed=2)
    return Analysis(
        scope=scope,
        figures=_figures(6, 2),
        previous=_figures(3, 1),
        baseline=None,
        changes={},
        by_month=[],
        by_week=[],
        by_quarter=[],
        by_violation=[Bucket("killing", "Killing", 6, 2, 2)],
        by_perpetrator=[],
        by_area=[bucket],
        by_admin2=[],
        by_victim_group=[],
        imprecise=0,
        concerns=list(CONCERNS),
        signals=[SPIKE],
    )


@pytest.fixture
def known(vault: Vault, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> DashboardPage:
    def compute(_vault: Vault, scope: AnalysisScope, _lang: str) -> page_module.DashboardData:
        return page_module.DashboardData(_known(scope), False)

    monkeypatch.setattr(page_module, "compute", compute)
    return _shown(qtbot, vault)


def test_activating_a_signal_emits_its_filter_and_incidents(
    known: DashboardPage, qtbot: QtBot
) -> None:
    signals = known.signal_list
    assert signals.topLevelItem(0).text(0) == "Spike"
    assert signals.topLevelItem(0).text(1) == "Duskwater"
    assert signals.topLevelItem(0).text(2) == "Killing"
    assert signals.topLevelItem(0).text(4) == "9 vs 2.5"
    signals.setFocus()
    signals.setCurrentItem(signals.topLevelItem(0))
    with (
        qtbot.waitSignal(known.show_incidents) as filtered,
        qtbot.waitSignal(known.show_incident_ids) as listed,
    ):
        signals.itemActivated.emit(signals.topLevelItem(0), 0)
    (emitted,) = filtered.args
    assert emitted.admin1 == ("XA-07",)
    assert emitted.violations == ("killing",)
    assert (emitted.date_from, emitted.date_to) == (SPIKE.period_start, SPIKE.period_end)
    assert listed.args == [["id-1", "id-2"]]


def _titles(page: DashboardPage) -> list[str]:
    tree = page.concerns.tree
    return [tree.topLevelItem(row).text(1) for row in range(tree.topLevelItemCount())]


def test_pin_hide_and_reorder_change_the_choices_and_the_list(
    known: DashboardPage, qtbot: QtBot
) -> None:
    concerns = known.concerns
    tree = concerns.tree
    assert _titles(known) == ["Killings in Duskwater", "Detention", "Torture"]
    tree.setCurrentItem(tree.topLevelItem(2))
    concerns.pin_button.click()  # Torture to the top
    assert known.concern_choices()[0] == ("c",)
    assert _titles(known)[0] == "Torture (pinned)"
    tree.setCurrentItem(tree.topLevelItem(2))  # Detention
    concerns.up_button.click()
    assert _titles(known) == ["Torture (pinned)", "Detention", "Killings in Duskwater"]
    _pinned, _hidden, order = known.concern_choices()
    assert order.index("b") < order.index("a")
    assert not concerns.up_button.isEnabled()  # pinned ones stay above the rest
    tree.setCurrentItem(tree.topLevelItem(2))
    concerns.hide_button.click()
    assert known.concern_choices()[1] == ("a",)
    assert _titles(known) == ["Torture (pinned)", "Detention"]
    concerns.show_hidden.setChecked(True)
    assert _titles(known)[-1] == "Killings in Duskwater (hidden)"
    assert tree.topLevelItem(2).text(0) == ""  # hidden ones have no rank
    assert "(1)" in concerns.show_hidden.text()


def test_concern_moves_by_keyboard_and_choices_survive_a_refresh(
    known: DashboardPage, qtbot: QtBot
) -> None:
    tree = known.concerns.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    with qtbot.waitSignal(known.concerns.choices_changed):
        qtbot.keyClick(tree, Qt.Key.Key_Down, modifier=Qt.KeyboardModifier.AltModifier)
    assert _titles(known)[:2] == ["Detention", "Killings in Duskwater"]
    assert tree.currentItem().text(1) == "Killings in Duskwater"  # the moved row stays current
    generation = known._generation
    known.refresh()
    qtbot.waitUntil(lambda: known._generation == generation + 1 and not known.is_busy())
    assert _titles(known)[:2] == ["Detention", "Killings in Duskwater"]


def test_activating_a_concern_emits_its_area_violation_and_ids(
    known: DashboardPage, qtbot: QtBot
) -> None:
    tree = known.concerns.tree
    with (
        qtbot.waitSignal(known.show_incidents) as filtered,
        qtbot.waitSignal(known.show_incident_ids) as listed,
    ):
        tree.itemActivated.emit(tree.topLevelItem(1), 0)
    (emitted,) = filtered.args
    assert (emitted.admin1, emitted.violations) == (("XA-07",), ("killing",))
    assert listed.args == [["b-1", "b-2"]]


def test_a_stale_answer_is_dropped(
    vault: Vault, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    calls: list[AnalysisScope] = []

    def compute(_vault: Vault, scope: AnalysisScope, _lang: str) -> page_module.DashboardData:
        calls.append(scope)
        if len(calls) == 1:
            release.wait(10)  # the first, slow answer arrives after the second
        return page_module.DashboardData(_known(scope), False)

    monkeypatch.setattr(page_module, "compute", compute)
    page = DashboardPage(vault, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: len(calls) == 1)
    page.scope_bar.set_custom_period(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    qtbot.waitUntil(lambda: page.analysis is not None)
    assert page.analysis is not None
    assert page.analysis.scope.start == dt.date(2026, 1, 1)
    release.set()
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.waitUntil(lambda: not BackgroundOp._running)  # the stale answer has been delivered
    assert page.analysis.scope.start == dt.date(2026, 1, 1)


def test_an_error_is_shown_plainly(
    vault: Vault, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def compute(_vault: Vault, _scope: AnalysisScope, _lang: str) -> page_module.DashboardData:
        raise VaultError("database disk image is malformed")

    monkeypatch.setattr(page_module, "compute", compute)
    page = DashboardPage(vault, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.message.isVisible())
    assert page.message.text() == (
        "The dashboard could not be computed: Database disk image is malformed."
    )
    assert not page.is_busy()


def test_other_bar_folds_the_tail_and_drills_into_it(known: DashboardPage, qtbot: QtBot) -> None:
    codes = [f"v{n}" for n in range(12)]
    buckets = [Bucket(code, code.upper(), 20 - n, 0, 0) for n, code in enumerate(codes)]
    folded = top_buckets(buckets)
    assert len(folded) == 9 and folded[-1].key == OTHER_KEY
    assert folded[-1].incidents == sum(b.incidents for b in buckets[8:])
    assert known._folded(folded[-1], buckets) == tuple(codes[8:])


def test_bars_can_be_chosen_with_the_keyboard(page: DashboardPage, qtbot: QtBot) -> None:
    chart = page.perpetrators
    chart.setFocus()
    qtbot.waitUntil(chart.hasFocus)
    assert chart.marked == 0
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.marked == 1
    axis = next(a for a in chart.chart().axes() if isinstance(a, QBarCategoryAxis))
    marked = [text for text in axis.categories() if text.startswith("▸")]
    assert marked == [f"▸ <b>{chart.buckets[1].label}</b>"]
    with qtbot.waitSignal(page.show_incidents) as caught:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert caught.args[0].perpetrators == (chart.buckets[1].key,)


def test_an_escalation_shows_shares_and_a_quiet_period_says_no_signal(
    known: DashboardPage, qtbot: QtBot
) -> None:
    from dataclasses import replace

    from hradvisor.ui.dashboard.signals_view import observed_text

    escalation = replace(SPIKE, kind="escalation", observed=0.5, expected=0.2)
    assert observed_text(escalation) == "50 % vs 20 %"
    known.signal_list.show_signals([])
    known.signal_list.show_nothing("No signal in this period.")
    item = known.signal_list.topLevelItem(0)
    assert item.text(0) == "No signal in this period."
    with qtbot.assertNotEmitted(known.show_incidents):
        known.signal_list.itemActivated.emit(item, 0)


def test_demo_episodes_show_as_signals_that_open_their_incidents(
    vault_dir: Path, qtbot: QtBot
) -> None:
    with open_vault(vault_dir, PASSPHRASE) as demo:
        demo.incidents.add_many(generate_incidents(1500, seed=11, until=TODAY))
        page = _shown(qtbot, demo)
        analysis = page.analysis
        assert analysis is not None and analysis.signals
        signals = page.signal_list
        assert signals.topLevelItemCount() == len(analysis.signals)
        first = signals.signals[0]
        with (
            qtbot.waitSignal(page.show_incidents) as filtered,
            qtbot.waitSignal(page.show_incident_ids) as listed,
        ):
            signals.itemActivated.emit(signals.topLevelItem(0), 0)
        (emitted,) = filtered.args
        assert (emitted.date_from, emitted.date_to) == (first.period_start, first.period_end)
        assert emitted.admin1 == ((first.area,) if first.area else ())
        assert first.subject in emitted.violations + emitted.victim_groups
        assert listed.args == [list(first.incident_ids)]
        QThreadPool.globalInstance().waitForDone(5000)


def test_a_point_on_the_trend_opens_its_month(page: DashboardPage, qtbot: QtBot) -> None:
    buckets = page.trend.buckets
    assert buckets[3].key == "2026-02"
    with qtbot.waitSignal(page.show_incidents) as caught:
        page.trend.bucket_activated.emit(3)
    (emitted,) = caught.args
    assert (emitted.date_from, emitted.date_to) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))


def test_every_control_that_takes_focus_has_an_accessible_name(page: DashboardPage) -> None:
    focusable = [
        widget
        for widget in page.findChildren(QWidget)
        if widget.isVisibleTo(page)
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not isinstance(widget, QScrollArea)  # the page's own scrolling
        and not isinstance(widget.parent(), QAbstractScrollArea)  # viewports
    ]
    assert {page.signal_list, page.areas, page.violations, page.concerns.tree} <= set(focusable)
    assert [type(w).__name__ for w in focusable if not w.accessibleName()] == []


def test_the_trend_can_be_read_and_opened_with_the_keyboard(
    page: DashboardPage, qtbot: QtBot
) -> None:
    trend = page.trend
    trend.setFocus()
    qtbot.waitUntil(trend.hasFocus)
    last = len(trend.buckets) - 1
    assert trend.marked == last  # the latest month first
    qtbot.keyClick(trend, Qt.Key.Key_Left)
    assert trend.marked == last - 1
    lines = [s for s in trend.chart().series() if isinstance(s, QLineSeries)]
    assert all(s.selectedPoints() == [last - 1] for s in lines)
    bucket = trend.buckets[last - 1]
    assert trend.toolTip().startswith(f"{bucket.label}: {bucket.incidents} incidents")
    with qtbot.waitSignal(page.show_incidents) as caught:
        qtbot.keyClick(trend, Qt.Key.Key_Return)
    assert caught.args[0].date_from == dt.date(2026, 9, 1)
