"""The dashboard's scope bar: which period and which area to analyse, and "Refresh".

Presets name periods the way an adviser reports on them (the last 30 days for
early warning, the last complete quarter for the quarterly review, the last 12
months for the annual picture); "Custom" opens the two date fields. The bar
only describes a scope: the page decides when to run the analysis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QProgressBar, QWidget

from hradvisor.analysis import AnalysisScope
from hradvisor.model import admin1_areas
from hradvisor.ui.incidents.filters import COUNTRIES
from hradvisor.ui.widgets import button, label, name_parts

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

LAST_30_DAYS = "30d"
LAST_QUARTER = "quarter"
LAST_12_MONTHS = "12m"
CUSTOM = "custom"
DEFAULT_PRESET = LAST_12_MONTHS


def preset_period(preset: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day (inclusive) of a preset period ending on or before *today*.

    "Last quarter" is the last complete calendar quarter, as in a quarterly
    review; "last 12 months" starts on the first of the month eleven months
    back, so the monthly trend shows twelve whole-month points (the last one
    running to *today*).
    """
    if preset == LAST_30_DAYS:
        return today - dt.timedelta(days=29), today
    if preset == LAST_QUARTER:
        this_quarter = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        end = this_quarter - dt.timedelta(days=1)
        return dt.date(end.year, end.month - 2, 1), end
    if preset == LAST_12_MONTHS:
        months = today.year * 12 + today.month - 1 - 11
        return dt.date(months // 12, months % 12 + 1, 1), today
    raise ValueError(f"unknown period preset {preset!r}")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ScopeBar(QWidget):
    """Period preset, custom dates, area, Refresh, a busy bar; emits ``scope_changed()``.

    The page connects ``refresh_button`` itself: a click analyses at once,
    while scope changes wait for a pause (dates typed digit by digit).

    *today* is asked each time a scope is built, so a window left open over
    midnight analyses the new day.
    """

    scope_changed = Signal()

    def __init__(self, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self._today = today
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.preset = self._preset_combo()
        self.date_from = self._date_edit(translate("Dashboard", "Period from"))
        self.date_to = self._date_edit(translate("Dashboard", "Period to"))
        self.area = self._area_combo()
        self.refresh_button = button(
            translate("Dashboard", "Refresh"),
            translate("Dashboard", "Refresh the dashboard (F5)"),
            "primary",
        )
        self.refresh_button.setShortcut("F5")
        self.refresh_button.setToolTip(translate("Dashboard", "Analyse again (F5)"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: the analysis reports no steps
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(translate("Dashboard", "Analysing"))
        self.busy.hide()
        self.status = label("", "muted")
        self.status.setWordWrap(False)
        period = QLabel(translate("Dashboard", "Period"))
        period.setBuddy(self.preset)
        row.addWidget(period)
        row.addWidget(self.preset)
        row.addWidget(self.date_from)
        self.to_label = QLabel(translate("Dashboard", "to"))
        row.addWidget(self.to_label)
        row.addWidget(self.date_to)
        area = QLabel(translate("Dashboard", "Area"))
        area.setBuddy(self.area)
        row.addSpacing(8)
        row.addWidget(area)
        row.addWidget(self.area)
        row.addWidget(self.refresh_button)
        row.addWidget(self.busy)
        row.addWidget(self.status, 1)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.area.currentIndexChanged.connect(lambda _index: self.scope_changed.emit())
        self.preset.setCurrentIndex(self.preset.findData(DEFAULT_PRESET))
        self._preset_changed()

    def _preset_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(translate("Dashboard", "Period"))
        combo.addItem(translate("Dashboard", "Last 30 days"), LAST_30_DAYS)
        combo.addItem(translate("Dashboard", "Last complete quarter"), LAST_QUARTER)
        combo.addItem(translate("Dashboard", "Last 12 months"), LAST_12_MONTHS)
        combo.addItem(translate("Dashboard", "Custom period"), CUSTOM)
        return combo

    def _date_edit(self, accessible: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(accessible)
        name_parts(edit, accessible)
        edit.dateChanged.connect(self._custom_date_changed)
        return edit

    def _area_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(translate("Dashboard", "Area"))
        combo.addItem(translate("Dashboard", "All areas"), None)
        for country in COUNTRIES:
            for code, name in admin1_areas(country):
                combo.addItem(name, code)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    # -- behaviour ----------------------------------------------------------------
    def _preset_changed(self) -> None:
        """Show the preset's dates in the fields; only "Custom" lets them be edited."""
        preset = str(self.preset.currentData())
        custom = preset == CUSTOM
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(custom)
        if not custom:
            start, end = preset_period(preset, self._today())
            self._set_dates(start, end)
        self.scope_changed.emit()

    def _set_dates(self, start: dt.date, end: dt.date) -> None:
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _custom_date_changed(self, _date: QDate) -> None:
        if self.preset.currentData() == CUSTOM:
            self.scope_changed.emit()

    def set_custom_period(self, start: dt.date, end: dt.date) -> None:
        """Switch to "Custom" with these dates (one change signal, not three)."""
        self.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
        self._set_dates(start, end)
        self.blockSignals(False)
        self.scope_changed.emit()

    def period(self) -> tuple[dt.date, dt.date]:
        """The period shown, ends swapped if the custom dates were entered backwards."""
        preset = str(self.preset.currentData())
        if preset != CUSTOM:
            return preset_period(preset, self._today())
        start, end = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        return (start, end) if start <= end else (end, start)

    def scope(self) -> AnalysisScope:
        """The analysis scope the controls describe."""
        start, end = self.period()
        code = self.area.currentData()
        return AnalysisScope(start=start, end=end, areas=(str(code),) if code else ())

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.busy.setVisible(busy)
        self.status.setText(text)
