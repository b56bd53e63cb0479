"""The assessment's scope and dates: country, areas, period, date assessed, author's role.

Each field has its error label right under it, filled from the validation
error paths (``period_end``, ``areas[0]`` …) so a problem shows where it is.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from hradvisor.model import FieldError, admin1_areas, country_choices
from hradvisor.ui.field_messages import message_text
from hradvisor.ui.i18n import ui_language
from hradvisor.ui.widgets import label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

CODE_ROLE = Qt.ItemDataRole.UserRole


def name_parts(widget: QWidget, accessible: str) -> None:
    """Give the line edits and buttons Qt builds inside *widget* an accessible name."""
    for part in widget.findChildren(QLineEdit) + widget.findChildren(QAbstractButton):
        part.setAccessibleName(accessible)


def _date_edit(accessible: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(accessible)
    name_parts(edit, accessible)
    return edit


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ScopeHeader(QWidget):
    """Scope and dates of one assessment; emits ``changed()`` and ``scope_changed()``."""

    changed = Signal()
    scope_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.country = QComboBox()
        self.country.setAccessibleName(translate("RiskPage", "Country"))
        for code, name in country_choices(ui_language()):
            self.country.addItem(name, code)
        self.country.setMinimumContentsLength(16)
        self.country.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.areas_button = QToolButton()
        self.areas_button.setObjectName("areas")
        self.areas_button.setAccessibleName(translate("RiskPage", "Areas"))
        self.areas_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.areas_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.areas_button.setMinimumWidth(160)
        self.area_list = QListWidget()
        self.area_list.setAccessibleName(translate("RiskPage", "Areas in the scope"))
        menu = QMenu(self.areas_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.area_list)
        menu.addAction(holder)
        # Keyboard users land in the list: arrows move, Space ticks an area, Esc closes.
        menu.aboutToShow.connect(lambda: QTimer.singleShot(0, self._focus_areas))
        self.areas_button.setMenu(menu)
        self.period_start = _date_edit(translate("RiskPage", "Period from"))
        self.period_end = _date_edit(translate("RiskPage", "Period to"))
        self.assessed_on = _date_edit(translate("RiskPage", "Assessed on"))
        self.author_role = QLineEdit()
        self.author_role.setAccessibleName(translate("RiskPage", "Author's role"))
        self.author_role.setPlaceholderText(translate("RiskPage", "A role, never a name"))
        self.errors: dict[str, QLabel] = {}
        columns = (
            ("country", translate("RiskPage", "Country"), self.country),
            ("areas", translate("RiskPage", "Areas"), self.areas_button),
            ("period_start", translate("RiskPage", "Period from"), self.period_start),
            ("period_end", translate("RiskPage", "to"), self.period_end),
            ("assessed_on", translate("RiskPage", "Assessed on"), self.assessed_on),
            ("author_role", translate("RiskPage", "Author's role"), self.author_role),
        )
        for column, (key, title, widget) in enumerate(columns):
            caption = label(title, "muted")
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, column)
            grid.addWidget(widget, 1, column)
            error = label("", "error")
            error.hide()
            grid.addWidget(error, 2, column)
            self.errors[key] = error
        grid.setColumnStretch(5, 1)
        self.country.currentIndexChanged.connect(self._country_changed)
        self.area_list.itemChanged.connect(self._areas_changed)
        for edit in (self.period_start, self.period_end):
            edit.dateChanged.connect(lambda _d: self._scope_edited())
        self.assessed_on.dateChanged.connect(lambda _d: self.changed.emit())
        self.author_role.textChanged.connect(lambda _t: self.changed.emit())
        self._fill_areas(())

    # -- values ----------------------------------------------------------------------------
    def load(
        self,
        country: str,
        areas: tuple[str, ...],
        start: dt.date,
        end: dt.date,
        assessed_on: dt.date,
        author_role: str | None,
    ) -> None:
        """Show these values without emitting ``changed``."""
        self.blockSignals(True)
        try:
            index = self.country.findData(country)
            if index < 0:
                self.country.addItem(country, country)
                index = self.country.count() - 1
            self.country.setCurrentIndex(index)
            self._fill_areas(areas)
            self.period_start.setDate(to_qdate(start))
            self.period_end.setDate(to_qdate(end))
            self.assessed_on.setDate(to_qdate(assessed_on))
            self.author_role.setText(author_role or "")
            self.show_errors([])
        finally:
            self.blockSignals(False)

    def country_code(self) -> str:
        return str(self.country.currentData() or "")

    def areas(self) -> tuple[str, ...]:
        found = []
        for row in range(self.area_list.count()):
            item = self.area_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(CODE_ROLE)))
        return tuple(found)

    def start(self) -> dt.date:
        return from_qdate(self.period_start.date())

    def end(self) -> dt.date:
        return from_qdate(self.period_end.date())

    def to_json(self) -> dict[str, object]:
        role = self.author_role.text()
        return {
            "country": self.country_code(),
            "areas": list(self.areas()),
            "period_start": self.start().isoformat(),
            "period_end": self.end().isoformat(),
            "assessed_on": from_qdate(self.assessed_on.date()).isoformat(),
            "author_role": role if role.strip() else None,
        }

    def show_errors(self, errors: list[FieldError]) -> None:
        """Put each error under its field (``areas[2]`` goes under Areas)."""
        texts: dict[str, list[str]] = {key: [] for key in self.errors}
        for error in errors:
            key = error.path.split("[", 1)[0].split(".", 1)[0]
            if key in texts:
                texts[key].append(message_text(error.message))
        for key, widget in self.errors.items():
            widget.setText("; ".join(texts[key]))
            widget.setVisible(bool(texts[key]))

    # -- private ---------------------------------------------------------------------------
    def _focus_areas(self) -> None:
        self.area_list.setFocus(Qt.FocusReason.PopupFocusReason)
        if self.area_list.currentRow() < 0 and self.area_list.count():
            self.area_list.setCurrentRow(0)

    def _fill_areas(self, chosen: tuple[str, ...]) -> None:
        self.area_list.blockSignals(True)
        self.area_list.clear()
        for code, name in admin1_areas(self.country_code()) if self.country_code() else []:
            item = QListWidgetItem(f"{name} ({code})")
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            self.area_list.addItem(item)
        rows = min(self.area_list.count(), 14)
        self.area_list.setFixedHeight(max(1, rows) * (self.area_list.sizeHintForRow(0) + 2) + 8)
        self.area_list.setMinimumWidth(self.area_list.sizeHintForColumn(0) + 32)
        self.area_list.blockSignals(False)
        self._label_areas()

    def _label_areas(self) -> None:
        chosen = self.areas()
        if not chosen:
            text = translate("RiskPage", "Whole country")
        elif len(chosen) <= 2:
            names = {
                str(self.area_list.item(r).data(CODE_ROLE)): self.area_list.item(r).text()
                for r in range(self.area_list.count())
            }
            text = ", ".join(names[c].rsplit(" (", 1)[0] for c in chosen)
        else:
            text = translate("RiskPage", "{count} areas").format(count=len(chosen))
        self.areas_button.setText(f"{text} ▾")
        self.areas_button.setToolTip(text)

    def _country_changed(self) -> None:
        self._fill_areas(())
        self._scope_edited()

    def _areas_changed(self) -> None:
        self._label_areas()
        self._scope_edited()

    def _scope_edited(self) -> None:
        self.changed.emit()
        self.scope_changed.emit()
