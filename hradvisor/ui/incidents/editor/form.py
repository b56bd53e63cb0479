"""Every field of an incident (DESIGN §4) on tabs, to and from the incident's JSON form.

The form does not judge its content: ``to_json()`` returns what the controls
hold (even when it is not valid) and the model's ``incident_from_json`` is the
one judge. Its FieldErrors are mapped back to the control they name
(``show_errors``), so a message always sits next to the field it is about.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hradvisor.model import FieldError
from hradvisor.model.dates import PRECISIONS, format_date, period
from hradvisor.ui.field_messages import message_text
from hradvisor.ui.incidents.editor.fields import (
    CodePicker,
    FieldBox,
    TextList,
    WheelGuard,
    caption,
    guard_wheel,
    set_combo_code,
    vocabulary_combo,
)
from hradvisor.ui.incidents.editor.location import LocationFields
from hradvisor.ui.incidents.editor.sources import SourcesTable
from hradvisor.ui.incidents.editor.victims import VictimsGrid
from hradvisor.ui.widgets import label, name_inner_parts

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

_DISPLAY = {"day": "yyyy-MM-dd", "month": "yyyy-MM", "year": "yyyy"}
# Which JSON keys each tab edits: drives the "unsaved" mark on the tab and error focus.
TAB_KEYS: dict[str, tuple[str, ...]] = {
    "details": (
        "title", "date", "date_end", "date_precision", "location", "verification",
        "sensitivity", "consent", "narrative",
    ),
    "classification": ("violations", "perpetrators", "rights", "victim_groups"),
    "victims": ("victims",),
    "sources": ("sources",),
    "follow_up": ("follow_up", "tags"),
}  # fmt: skip


def _to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


def _date_edit(accessible: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setAccessibleName(accessible)
    edit.lineEdit().setAccessibleName(accessible)
    return edit


def error_key(path: str) -> str:
    """``sources[1].note`` → ``sources.note``: the path without list positions."""
    return re.sub(r"\[\d+\]", "", path)


class IncidentForm(QTabWidget):
    """The editor's tabs. Emits ``changed()`` whenever any control changes.

    The controls are built on first use (``ensure_built``), not at unlock:
    building them costs about 100 ms of GUI thread, which belongs to opening
    the first incident rather than to the list's first paint.
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setDocumentMode(True)
        self._guard = WheelGuard(self)
        self.boxes: dict[str, FieldBox] = {}
        self.tab_pages: dict[str, QWidget] = {}
        self.tab_titles: list[str] = []
        self.built = False

    def ensure_built(self) -> None:
        """Create the form's own tabs (before any panel added meanwhile)."""
        if self.built:
            return
        self.built = True
        for index, (key, title, make) in enumerate(
            (
                ("details", translate("IncidentEditor", "Details"), self._details),
                (
                    "classification",
                    translate("IncidentEditor", "Violations and groups"),
                    self._classification,
                ),
                ("victims", translate("IncidentEditor", "Victims"), self._victims),
                ("sources", translate("IncidentEditor", "Sources"), self._sources),
                ("follow_up", translate("IncidentEditor", "Follow-up and tags"), self._follow_up),
            )
        ):
            page = make()
            self.tab_pages[key] = page
            self.tab_titles.append(title)
            self.insertTab(index, page, title)
        guard_wheel(self, self._guard)
        name_inner_parts(self)
        self.setCurrentIndex(0)

    def _box(self, key: str, control: QWidget, extra: QWidget | None = None) -> FieldBox:
        box = FieldBox(control, extra)
        self.boxes[key] = box
        return box

    # -- tabs -----------------------------------------------------------------------
    def _details(self) -> QWidget:
        page = QWidget()
        grid = QHBoxLayout(page)
        grid.setContentsMargins(16, 16, 16, 16)
        grid.setSpacing(24)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit()
        self.title.setAccessibleName(translate("IncidentEditor", "Title"))
        self.title.setPlaceholderText(
            translate("IncidentEditor", "What happened, where — no names of victims or sources")
        )
        form.addRow(translate("IncidentEditor", "Title"), self._box("title", self.title))
        form.addRow(translate("IncidentEditor", "Date"), self._date_row())
        self.location = LocationFields()
        loc = self.location
        form.addRow(
            translate("IncidentEditor", "Country"), self._box("location.country", loc.country)
        )
        form.addRow(translate("IncidentEditor", "Area"), self._box("location.admin1", loc.admin1))
        form.addRow(
            translate("IncidentEditor", "District"), self._box("location.admin2", loc.admin2)
        )
        form.addRow(translate("IncidentEditor", "Place"), self._box("location.place", loc.place))
        coordinates = FieldBox(loc.lat, loc.coordinates)
        self.boxes["location.lat"] = self.boxes["location.lon"] = coordinates
        form.addRow(translate("IncidentEditor", "Coordinates"), coordinates)
        self.verification = vocabulary_combo(
            "verification", translate("IncidentEditor", "Verification")
        )
        self.sensitivity = vocabulary_combo(
            "sensitivity", translate("IncidentEditor", "Sensitivity")
        )
        self.consent = vocabulary_combo("consent", translate("IncidentEditor", "Consent"))
        self.verification_hint = label("", "warning")
        self.verification_hint.setVisible(False)
        form.addRow(
            translate("IncidentEditor", "Verification"),
            self._box("verification", self.verification),
        )
        form.addRow("", self.verification_hint)
        form.addRow(
            translate("IncidentEditor", "Sensitivity"), self._box("sensitivity", self.sensitivity)
        )
        form.addRow(translate("IncidentEditor", "Consent"), self._box("consent", self.consent))
        grid.addLayout(form, 5)
        side = QVBoxLayout()
        side.addWidget(caption(translate("IncidentEditor", "Narrative")))
        self.narrative = QPlainTextEdit()
        self.narrative.setAccessibleName(translate("IncidentEditor", "Narrative"))
        self.narrative.setPlaceholderText(
            translate(
                "IncidentEditor",
                "What happened, in order: who was affected (no names), who did it, "
                "what the sources say and what is still unclear.",
            )
        )
        side.addWidget(self._box("narrative", self.narrative), 1)
        grid.addLayout(side, 4)
        self.title.textChanged.connect(lambda _text: self.changed.emit())
        self.narrative.textChanged.connect(self.changed.emit)
        loc.changed.connect(self.changed.emit)
        for combo in (self.verification, self.sensitivity, self.consent):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return page

    def _date_row(self) -> QWidget:
        row_widget = QWidget()
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        self.precision = vocabulary_combo(
            "date-precision", translate("IncidentEditor", "Date precision")
        )
        self.date = _date_edit(translate("IncidentEditor", "Date"))
        self.has_end = QCheckBox(translate("IncidentEditor", "until"))
        self.has_end.setAccessibleName(translate("IncidentEditor", "The incident lasted until"))
        self.date_end = _date_edit(translate("IncidentEditor", "End date"))
        self.date_end.setVisible(False)  # shown only for a period, so no date looks entered
        date_box = self._box("date", self.date)
        end_box = self._box("date_end", self.date_end)
        self.boxes["date_precision"] = date_box
        row.addWidget(self.precision)
        row.addWidget(date_box)
        row.addWidget(self.has_end)
        row.addWidget(end_box)
        row.addStretch(1)
        self.precision.currentIndexChanged.connect(self._precision_changed)
        self.has_end.toggled.connect(self._end_toggled)
        for edit in (self.date, self.date_end):
            edit.dateChanged.connect(lambda _date: self.changed.emit())
        self._precision_changed()
        return row_widget

    def _precision_changed(self) -> None:
        display = _DISPLAY[str(self.precision.currentData())]
        for edit in (self.date, self.date_end):
            edit.setDisplayFormat(display)
        self.changed.emit()

    def _end_toggled(self, on: bool) -> None:
        self.date_end.setVisible(on)
        if on and self.date_end.date() <= self.date.date():
            self.date_end.setDate(self.date.date().addDays(1))
        self.changed.emit()

    def _classification(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(16, 16, 16, 16)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        self.violations = CodePicker("violations", translate("IncidentEditor", "Violations"))
        self.perpetrators = CodePicker(
            "perpetrators", translate("IncidentEditor", "Alleged perpetrators")
        )
        self.rights = CodePicker("rights", translate("IncidentEditor", "Rights affected"))
        self.victim_groups = CodePicker(
            "victim-groups", translate("IncidentEditor", "Victim groups")
        )
        pickers = (
            (
                "violations",
                translate("IncidentEditor", "Violations (at least one)"),
                self.violations,
            ),
            (
                "perpetrators",
                translate("IncidentEditor", "Alleged perpetrators"),
                self.perpetrators,
            ),
            ("rights", translate("IncidentEditor", "Rights affected"), self.rights),
            ("victim_groups", translate("IncidentEditor", "Victim groups"), self.victim_groups),
        )
        for index, (key, title, picker) in enumerate(pickers):
            cell = QVBoxLayout()
            cell.addWidget(caption(title))
            cell.addWidget(self._box(key, picker, None), 1)
            grid.addLayout(cell, index // 2, index % 2)
            picker.changed.connect(self.changed.emit)
        return page

    def _victims(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(16, 16, 16, 16)
        box.addWidget(
            label(
                translate(
                    "IncidentEditor",
                    "Number of victims by outcome, sex and age. Count each person once per "
                    "outcome; use Unknown when sex or age is not known. Totals are computed.",
                ),
                "muted",
            )
        )
        self.victims = VictimsGrid()
        box.addWidget(self._box("victims", self.victims), 1)
        self.victims.changed.connect(self.changed.emit)
        return page

    def _sources(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(16, 16, 16, 16)
        self.sources = SourcesTable()
        box.addWidget(self._box("sources", self.sources), 1)
        self.sources.changed.connect(self.changed.emit)
        return page

    def _follow_up(self) -> QWidget:
        page = QWidget()
        grid = QHBoxLayout(page)
        grid.setContentsMargins(16, 16, 16, 16)
        grid.setSpacing(24)
        self.follow_up = TextList(
            translate("IncidentEditor", "Follow-up actions"),
            translate("IncidentEditor", "e.g. Raise with the provincial police commander"),
        )
        self.tags = TextList(
            translate("IncidentEditor", "Tags"), translate("IncidentEditor", "e.g. election")
        )
        for key, title, widget, stretch in (
            ("follow_up", translate("IncidentEditor", "Follow-up actions"), self.follow_up, 3),
            ("tags", translate("IncidentEditor", "Tags"), self.tags, 2),
        ):
            column = QVBoxLayout()
            column.addWidget(caption(title))
            column.addWidget(self._box(key, widget), 1)
            column.addWidget(
                label(translate("IncidentEditor", "Double-click an item to edit it."), "muted")
            )
            grid.addLayout(column, stretch)
            widget.changed.connect(self.changed.emit)
        return page

    # -- values ---------------------------------------------------------------------
    def to_json(self, incident_id: str) -> dict[str, Any]:
        """The incident JSON the controls describe (not validated)."""
        self.ensure_built()
        precision = str(self.precision.currentData())
        narrative = self.narrative.toPlainText()
        return {
            "id": incident_id,
            "title": self.title.text(),
            "date": format_date(_from_qdate(self.date.date()), precision),
            "date_end": (
                format_date(_from_qdate(self.date_end.date()), precision)
                if self.has_end.isChecked()
                else None
            ),
            "date_precision": precision,
            "location": self.location.to_json(),
            "violations": self.violations.codes(),
            "rights": self.rights.codes(),
            "perpetrators": self.perpetrators.codes(),
            "victims": self.victims.to_json(),
            "victim_groups": self.victim_groups.codes(),
            "narrative": narrative if narrative.strip() else None,
            "sources": self.sources.to_json(),
            "verification": self.verification.currentData(),
            "sensitivity": self.sensitivity.currentData(),
            "consent": self.consent.currentData(),
            "tags": self.tags.texts(),
            "follow_up": self.follow_up.texts(),
        }

    def set_json(self, data: dict[str, Any], *, today: dt.date) -> None:
        """Show *data* (an incident's JSON form, or a draft of one) without emitting ``changed``."""
        self.ensure_built()
        self.blockSignals(True)
        try:
            precision = data.get("date_precision")
            precision = precision if precision in PRECISIONS else "day"
            set_combo_code(self.precision, precision)
            self._precision_changed()
            self.title.setText(str(data.get("title") or ""))
            self.date.setDate(_to_qdate(_first_day(data.get("date"), precision, today)))
            end = data.get("date_end")
            self.has_end.setChecked(end is not None)
            self.date_end.setVisible(end is not None)
            self.date_end.setDate(_to_qdate(_first_day(end, precision, today)))
            self.location.set_json(data.get("location"))
            for picker, key in (
                (self.violations, "violations"),
                (self.rights, "rights"),
                (self.perpetrators, "perpetrators"),
                (self.victim_groups, "victim_groups"),
            ):
                picker.set_codes([str(code) for code in _list(data.get(key))])
            self.victims.set_json(data.get("victims"))
            self.narrative.setPlainText(str(data.get("narrative") or ""))
            self.sources.set_json(data.get("sources"))
            set_combo_code(self.verification, data.get("verification", "reported"))
            set_combo_code(self.sensitivity, data.get("sensitivity", "confidential"))
            set_combo_code(self.consent, data.get("consent", "internal-only"))
            self.tags.set_texts([str(tag) for tag in _list(data.get("tags"))])
            self.follow_up.set_texts([str(text) for text in _list(data.get("follow_up"))])
        finally:
            self.blockSignals(False)
        self.show_errors([])

    # -- errors -----------------------------------------------------------------------
    def box_for(self, path: str) -> FieldBox | None:
        """The field an error path is about: the longest known prefix of its dotted path."""
        key = error_key(path)
        while key:
            if key in self.boxes:
                return self.boxes[key]
            key = key.rpartition(".")[0]
        return None

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        """Put each message next to its field; returns the errors no field could take."""
        self.ensure_built()
        messages: dict[int, list[str]] = {}
        unplaced = []
        for error in errors:
            box = self.box_for(error.path)
            if box is None:
                unplaced.append(error)
                continue
            messages.setdefault(id(box), []).append(_message(error))
        for box in set(self.boxes.values()):
            found = messages.get(id(box))
            box.set_error("\n".join(dict.fromkeys(found)) if found else None)
        return unplaced

    def tab_of(self, box: FieldBox) -> int:
        """The index of the tab holding *box*."""
        for index in range(self.count()):
            page = self.widget(index)
            if page is not None and page.isAncestorOf(box):
                return index
        return 0


def _message(error: FieldError) -> str:
    """The message for a person: a list position is named as a number, from 1."""
    match = re.search(r"\[(\d+)\]", error.path)
    if match is None:
        return _capital(message_text(error.message))
    number = int(match.group(1)) + 1
    what = error.path.rsplit(".", 1)[-1] if not error.path.endswith("]") else ""
    text = translate("IncidentEditor", "Item {n}").format(n=number)
    if what:
        text = f"{text}, {what.replace('_', ' ')}"
    return f"{text}: {message_text(error.message)}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _first_day(value: Any, precision: str, today: dt.date) -> dt.date:
    """The first day a stored date means (today if it cannot be read)."""
    if isinstance(value, str):
        try:
            return period(value, precision)[0]
        except ValueError:
            return today
    return today
