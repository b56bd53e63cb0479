"""Where it happened: country and first-level area by name, district, place, coordinates.

Countries and areas are chosen by name (codes as item data). For a country
with a gazetteer (the fictional XA), districts (admin2 P-codes) and places are
offered too, and choosing a known place fills in its coordinates if none are
set. Coordinates are typed as text so a wrong value reaches the model's
validation and is explained next to the field instead of being swallowed.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QWidget

from hradvisor.model import admin1_areas, country_choices
from hradvisor.resources import read_json_resource, resource_path
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.incidents.filters import COUNTRIES

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


@functools.cache
def _gazetteer(country: str) -> dict[str, Any]:
    if not resource_path("gazetteers", f"{country}.json").is_file():
        return {}
    doc: dict[str, Any] = read_json_resource("gazetteers", f"{country}.json")
    return doc


def districts(country: str, admin1: str | None) -> list[dict[str, Any]]:
    """The gazetteer's admin2 entries of *admin1* ([] without a gazetteer)."""
    for area in _gazetteer(country).get("admin1", []):
        if area.get("code") == admin1:
            return list(area.get("admin2", []))
    return []


def _number_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return repr(float(value))
    return str(value)


def _number(text: str) -> Any:
    """None when empty, a float when it reads as one, else the text (the model explains)."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text


class LocationFields(QWidget):
    """The location controls; the form lays them out and maps their errors."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.country = QComboBox()
        self.country.setAccessibleName(translate("IncidentEditor", "Country"))
        for code, name in country_choices(ui_language()):
            self.country.addItem(name, code)
        self.admin1 = QComboBox()
        self.admin1.setAccessibleName(translate("IncidentEditor", "Area (first level)"))
        self.admin2 = QComboBox()
        self.admin2.setEditable(True)
        self.admin2.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.admin2.setAccessibleName(translate("IncidentEditor", "District (admin2 code)"))
        district_edit = self.admin2.lineEdit()
        if district_edit is not None:
            district_edit.setAccessibleName(translate("IncidentEditor", "District (admin2 code)"))
            district_edit.setPlaceholderText(translate("IncidentEditor", "P-code, optional"))
        self.place = QLineEdit()
        self.place.setAccessibleName(translate("IncidentEditor", "Place"))
        self.place.setPlaceholderText(translate("IncidentEditor", "Village, street or site"))
        self._places = QStringListModel(self)
        completer = QCompleter(self._places, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._place_chosen)
        self.place.setCompleter(completer)
        self._coordinates: dict[str, tuple[float, float]] = {}
        self.lat = QLineEdit()
        self.lat.setAccessibleName(translate("IncidentEditor", "Latitude"))
        self.lat.setPlaceholderText(translate("IncidentEditor", "latitude"))
        self.lon = QLineEdit()
        self.lon.setAccessibleName(translate("IncidentEditor", "Longitude"))
        self.lon.setPlaceholderText(translate("IncidentEditor", "longitude"))
        self.coordinates = QWidget()
        row = QHBoxLayout(self.coordinates)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.lat)
        row.addWidget(self.lon)
        self._fill_areas()
        self.country.currentIndexChanged.connect(self._country_changed)
        self.admin1.currentIndexChanged.connect(self._admin1_changed)
        self.admin2.editTextChanged.connect(lambda _text: self.changed.emit())
        for edit in (self.place, self.lat, self.lon):
            edit.textChanged.connect(lambda _text: self.changed.emit())

    # -- dependent lists ------------------------------------------------------------
    def _country_changed(self) -> None:
        self._fill_areas()
        self.changed.emit()

    def _admin1_changed(self) -> None:
        self._fill_districts()
        self.changed.emit()

    def _fill_areas(self, admin1: str | None = None) -> None:
        self.admin1.blockSignals(True)
        self.admin1.clear()
        self.admin1.addItem(translate("IncidentEditor", "— not known —"), None)
        for code, name in admin1_areas(str(self.country.currentData())):
            self.admin1.addItem(f"{name} ({code})", code)
        if admin1 is not None and self.admin1.findData(admin1) < 0:
            self.admin1.addItem(admin1, admin1)  # keep a stored code this version does not know
        self.admin1.setCurrentIndex(max(self.admin1.findData(admin1), 0))
        self.admin1.blockSignals(False)
        self._fill_districts()

    def _fill_districts(self) -> None:
        """Offer the districts of the chosen area; a district of another area is cleared."""
        value = self._admin2_value()
        listed = {self.admin2.itemData(i) for i in range(self.admin2.count())}
        self.admin2.blockSignals(True)
        self.admin2.clear()
        names: list[str] = []
        self._coordinates = {}
        for district in districts(str(self.country.currentData()), self.admin1.currentData()):
            self.admin2.addItem(f"{district['code']} — {district['name']}", district["code"])
            for place in district.get("places", []):
                names.append(str(place["name"]))
                self._coordinates[str(place["name"])] = (place["lat"], place["lon"])
        self._places.setStringList(sorted(names))
        self._set_admin2(None if value in listed else value)
        self.admin2.blockSignals(False)

    def _set_admin2(self, value: str | None) -> None:
        index = self.admin2.findData(value) if value else -1
        if index >= 0:
            self.admin2.setCurrentIndex(index)
        else:
            self.admin2.setCurrentIndex(-1)
            self.admin2.setEditText(value or "")

    def _place_chosen(self, name: str) -> None:
        if name in self._coordinates and not self.lat.text() and not self.lon.text():
            lat, lon = self._coordinates[name]
            self.lat.setText(repr(float(lat)))
            self.lon.setText(repr(float(lon)))

    # -- values -------------------------------------------------------------------
    def _admin2_value(self) -> str | None:
        text = self.admin2.currentText()
        index = self.admin2.findText(text)
        if index >= 0:
            return str(self.admin2.itemData(index))
        return text.strip() or None

    def to_json(self) -> dict[str, Any]:
        place = self.place.text()
        return {
            "country": self.country.currentData(),
            "admin1": self.admin1.currentData(),
            "admin2": self._admin2_value(),
            "place": place if place.strip() else None,
            "lat": _number(self.lat.text()),
            "lon": _number(self.lon.text()),
        }

    def set_json(self, location: Any) -> None:
        loc = location if isinstance(location, dict) else {}
        country = loc.get("country") or COUNTRIES[0]
        self.country.blockSignals(True)
        if self.country.findData(country) < 0:
            self.country.addItem(str(country), country)
        self.country.setCurrentIndex(self.country.findData(country))
        self.country.blockSignals(False)
        self._fill_areas(loc.get("admin1"))
        self.admin2.blockSignals(True)
        self._set_admin2(loc.get("admin2"))
        self.admin2.blockSignals(False)
        for edit, key in ((self.place, "place"), (self.lat, "lat"), (self.lon, "lon")):
            edit.blockSignals(True)
            value = loc.get(key)
            edit.setText(_number_text(value) if key != "place" else str(value or ""))
            edit.blockSignals(False)
