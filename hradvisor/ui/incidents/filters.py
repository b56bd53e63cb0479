"""The filter bar above the incident list: period, area, violation, perpetrator and more.

Controls show labels, never codes; each "Any"/"All" choice means "do not
filter". The bar only describes a filter: the page decides when to query.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from hradvisor.model import admin1_areas, vocabulary
from hradvisor.store.queries import IncidentFilter
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.widgets import name_parts

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

COUNTRIES = ("XA",)  # the fictional gazetteer until the vault records its countries
ANY_DATE = QDate(1900, 1, 1)  # the minimum of the date fields, shown as "Any"


def _date_edit(accessible: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(ANY_DATE)
    edit.setSpecialValueText(translate("IncidentList", "Any"))
    edit.setDate(ANY_DATE)
    edit.setAccessibleName(accessible)
    name_parts(edit, accessible)
    return edit


def _combo(accessible: str, everything: str, choices: list[tuple[str, str]]) -> QComboBox:
    """A filter combo: "All …" (no filter) first, then labels with codes as item data."""
    combo = QComboBox()
    combo.setAccessibleName(accessible)
    combo.addItem(everything, None)
    for code, text in choices:
        combo.addItem(text, code)
    # Compact in the bar (long labels are elided), full width in the open list.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # share the row
    combo.setMinimumContentsLength(min(11, max(len(text) for _, text in choices)))
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    return combo


def _vocabulary_choices(name: str) -> list[tuple[str, str]]:
    words, lang = vocabulary(name), ui_language()
    return [(code, words.label(code, lang)) for code in words.codes]


def _date_value(edit: QDateEdit) -> dt.date | None:
    date = edit.date()
    if date == ANY_DATE:
        return None
    return dt.date(date.year(), date.month(), date.day())


def _chosen(combo: QComboBox) -> tuple[str, ...]:
    code = combo.currentData()
    return (str(code),) if code else ()


class FilterBar(QWidget):
    """One row of filter controls; emits ``changed()`` when any of them changes."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.date_from = _date_edit(translate("IncidentList", "Period from"))
        self.date_to = _date_edit(translate("IncidentList", "Period to"))
        areas = [area for country in COUNTRIES for area in admin1_areas(country)]
        self.area = _combo(
            translate("IncidentList", "Area"), translate("IncidentList", "All areas"), areas
        )
        self.violation = _combo(
            translate("IncidentList", "Violation"),
            translate("IncidentList", "All violations"),
            _vocabulary_choices("violations"),
        )
        self.perpetrator = _combo(
            translate("IncidentList", "Perpetrator"),
            translate("IncidentList", "All perpetrators"),
            _vocabulary_choices("perpetrators"),
        )
        self.verification = _combo(
            translate("IncidentList", "Verification"),
            translate("IncidentList", "Any verification"),
            _vocabulary_choices("verification"),
        )
        self.sensitivity = _combo(
            translate("IncidentList", "Sensitivity"),
            translate("IncidentList", "Any sensitivity"),
            _vocabulary_choices("sensitivity"),
        )
        row.addWidget(QLabel(translate("IncidentList", "From")))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(translate("IncidentList", "to")))
        row.addWidget(self.date_to)
        for combo in self.combos():
            row.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _date: self.changed.emit())

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.area, self.violation, self.perpetrator, self.verification, self.sensitivity)

    def current(self, text: str | None = None) -> IncidentFilter:
        """The filter the controls describe, with search *text* added."""
        return IncidentFilter(
            date_from=_date_value(self.date_from),
            date_to=_date_value(self.date_to),
            admin1=_chosen(self.area),
            violations=_chosen(self.violation),
            perpetrators=_chosen(self.perpetrator),
            verification=_chosen(self.verification),
            sensitivity=_chosen(self.sensitivity),
            text=text or None,
        )

    def set_filter(self, wanted: IncidentFilter) -> None:
        """Set the controls to *wanted* (one value per control: the first of each), quietly.

        Used when another screen (the dashboard) opens the list on a filter;
        the caller applies it once afterwards.
        """
        self.reset()
        self.blockSignals(True)
        for edit, day in ((self.date_from, wanted.date_from), (self.date_to, wanted.date_to)):
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
        for combo, values in (
            (self.area, wanted.admin1),
            (self.violation, wanted.violations),
            (self.perpetrator, wanted.perpetrators),
            (self.verification, wanted.verification),
            (self.sensitivity, wanted.sensitivity),
        ):
            if values:
                combo.setCurrentIndex(max(0, combo.findData(values[0])))
        self.blockSignals(False)

    def reset(self) -> None:
        """Every control back to "Any" without emitting ``changed`` once per control."""
        self.blockSignals(True)
        for edit in (self.date_from, self.date_to):
            edit.setDate(ANY_DATE)
        for combo in self.combos():
            combo.setCurrentIndex(0)
        self.blockSignals(False)
