"""The definition editor: period, scope, protection, language, authorship, text, choices.

It holds one ``ReportDefinition`` as widgets and gives it back as the JSON
form ``report_from_json`` validates (the store validates again on save).
Dirtiness is a comparison of that JSON with what was last loaded or saved,
so typing a letter and deleting it again leaves nothing "unsaved".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hradvisor.model import Choices, ReportDefinition, admin1_areas, country_choices
from hradvisor.model.report import DEFAULT_TITLE, report_to_json
from hradvisor.ui.reports.choices import ChoiceList
from hradvisor.ui.widgets import label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

CODE_ROLE = Qt.ItemDataRole.UserRole
CONCERNS_SHOWN = 6  # the report shows this many concerns, more if more are pinned
PRESETS = ("custom", "last-month", "last-quarter", "last-6-months", "last-12-months")


def preset_period(preset: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The complete calendar period a preset names, ending before *today*'s month/quarter."""
    month_start = today.replace(day=1)
    if preset == "last-month":
        end = month_start - dt.timedelta(days=1)
        return end.replace(day=1), end
    if preset == "last-quarter":
        quarter_start = month_start.replace(month=(today.month - 1) // 3 * 3 + 1)
        end = quarter_start - dt.timedelta(days=1)
        return end.replace(month=(end.month - 1) // 3 * 3 + 1, day=1), end
    months = {"last-6-months": 6, "last-12-months": 12}.get(preset)
    if months is None:
        return None
    end = month_start - dt.timedelta(days=1)
    index = end.year * 12 + end.month - 1 - (months - 1)
    return dt.date(index // 12, index % 12 + 1, 1), end


def preset_names() -> dict[str, str]:
    return {
        "custom": translate("ReportsPage", "Custom period"),
        "last-month": translate("ReportsPage", "Last month"),
        "last-quarter": translate("ReportsPage", "Last quarter"),
        "last-6-months": translate("ReportsPage", "Last 6 months"),
        "last-12-months": translate("ReportsPage", "Last 12 months"),
    }


def classification_names() -> dict[str, str]:
    return {
        "strictly-confidential": translate("ReportsPage", "Strictly confidential"),
        "confidential": translate("ReportsPage", "Confidential"),
        "unclassified": translate("ReportsPage", "Unclassified"),
    }


def audience_names() -> dict[str, str]:
    return {
        "un": translate("ReportsPage", "Resident Coordinator and UN Country Team"),
        "ohchr": translate("ReportsPage", "OHCHR only"),
        "public": translate("ReportsPage", "Public (outside the UN)"),
    }


def language_names() -> dict[str, str]:
    return {"en": "English", "fr": "Français"}


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _date_edit(accessible: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(accessible)
    for part in edit.findChildren(QLineEdit) + edit.findChildren(QAbstractButton):
        part.setAccessibleName(accessible)
    return edit


def _combo(accessible: str, items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible)
    for code, text in items.items():
        combo.addItem(text, code)
    return combo


def _select(combo: QComboBox, code: str | None) -> None:
    combo.setCurrentIndex(max(0, combo.findData(code)))


class DefinitionEditor(QTabWidget):
    """Three tabs (scope, text, concerns); the page adds the preview as a fourth.

    ``edited`` fires on any change; ``scope_changed`` when what the analysis
    depends on changed (period, scope, classification, audience, language).
    """

    edited = Signal()
    scope_changed = Signal()

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self._loading = False
        self._baseline: dict[str, Any] | None = None
        self._definition: ReportDefinition | None = None
        self.setDocumentMode(True)
        self.addTab(self._scope_tab(), translate("ReportsPage", "Scope and protection"))
        self.addTab(self._text_tab(), translate("ReportsPage", "Text"))
        self.addTab(self._choices_tab(), translate("ReportsPage", "Concerns and signals"))
        self._connect()

    # -- building ---------------------------------------------------------------------------
    def _scope_tab(self) -> QWidget:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        self.title = QLineEdit()
        self.title.setAccessibleName(translate("ReportsPage", "Title"))
        self.title.setMaxLength(300)
        form.addRow(translate("ReportsPage", "Title"), self.title)
        self.preset = _combo(translate("ReportsPage", "Period"), preset_names())
        self.start = _date_edit(translate("ReportsPage", "Period from"))
        self.end = _date_edit(translate("ReportsPage", "Period to"))
        period = QHBoxLayout()
        period.setSpacing(8)
        period.addWidget(self.preset)
        period.addWidget(label(translate("ReportsPage", "from"), "muted"))
        period.addWidget(self.start)
        period.addWidget(label(translate("ReportsPage", "to"), "muted"))
        period.addWidget(self.end)
        period.addStretch(1)
        form.addRow(translate("ReportsPage", "Period"), period)
        self.issued = _date_edit(translate("ReportsPage", "Date printed on the report"))
        form.addRow(translate("ReportsPage", "Issued"), self.issued)
        self.country = QComboBox()
        self.country.setAccessibleName(translate("ReportsPage", "Country"))
        self.country.addItem(translate("ReportsPage", "All countries"), None)
        for code, name in country_choices(self._lang):
            self.country.addItem(f"{name} ({code})", code)
        form.addRow(translate("ReportsPage", "Country"), self.country)
        self.areas = QListWidget()
        self.areas.setAccessibleName(translate("ReportsPage", "Areas (none ticked: all)"))
        self.areas.setMaximumHeight(110)
        form.addRow(translate("ReportsPage", "Areas"), self.areas)
        self.areas_hint = label(
            translate("ReportsPage", "Tick areas to limit the report; none ticked: the country."),
            "muted",
        )
        form.addRow("", self.areas_hint)
        self.classification = _combo(
            translate("ReportsPage", "Classification"), classification_names()
        )
        form.addRow(translate("ReportsPage", "Classification"), self.classification)
        self.audience = _combo(translate("ReportsPage", "Audience"), audience_names())
        form.addRow(translate("ReportsPage", "Audience"), self.audience)
        self.language = _combo(translate("ReportsPage", "Language of the report"), language_names())
        form.addRow(translate("ReportsPage", "Language"), self.language)
        self.author_role = QLineEdit()
        self.author_role.setAccessibleName(translate("ReportsPage", "Author role"))
        self.author_role.setMaxLength(200)
        form.addRow(translate("ReportsPage", "Author role"), self.author_role)
        self.print_name = QCheckBox(translate("ReportsPage", "Print a name"))
        self.print_name.setAccessibleName(translate("ReportsPage", "Print the author's name"))
        self.author_name = QLineEdit()
        self.author_name.setAccessibleName(translate("ReportsPage", "Author name"))
        self.author_name.setMaxLength(200)
        name_row = QHBoxLayout()
        name_row.addWidget(self.print_name)
        name_row.addWidget(self.author_name, 1)
        form.addRow("", name_row)
        self.include_annex = QCheckBox(translate("ReportsPage", "Include the annex of incidents"))
        self.include_annex.setAccessibleName(self.include_annex.text())
        self.exact_locations = QCheckBox(
            translate("ReportsPage", "Show exact places in the annex (never when unclassified)")
        )
        self.exact_locations.setAccessibleName(translate("ReportsPage", "Show exact places"))
        self.suppress = QCheckBox(translate("ReportsPage", 'Show counts of 1 or 2 as "<3"'))
        self.suppress.setAccessibleName(translate("ReportsPage", "Suppress small counts"))
        for box in (self.include_annex, self.exact_locations, self.suppress):
            form.addRow("", box)
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.addLayout(form)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _text_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(16, 12, 16, 12)
        self.overview = QPlainTextEdit()
        self.overview.setAccessibleName(translate("ReportsPage", "Overview"))
        self.overview.setPlaceholderText(
            translate("ReportsPage", "The situation in the period, in your own words.")
        )
        self.recommendations = QPlainTextEdit()
        self.recommendations.setAccessibleName(translate("ReportsPage", "Recommendations"))
        self.recommendations.setPlaceholderText(
            translate("ReportsPage", "What you recommend to the Resident Coordinator and UNCT.")
        )
        for editor in (self.overview, self.recommendations):
            editor.setTabChangesFocus(True)
        box.addWidget(label(translate("ReportsPage", "Overview"), "heading"))
        box.addWidget(self.overview, 1)
        box.addWidget(label(translate("ReportsPage", "Recommendations"), "heading"))
        box.addWidget(self.recommendations, 1)
        box.addWidget(
            label(
                translate(
                    "ReportsPage",
                    "Never write names of victims, witnesses or sources here: "
                    "this text is printed as written.",
                ),
                "muted",
            )
        )
        return page

    def _choices_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(16, 12, 16, 12)
        self.choices_status = label("", "muted")
        box.addWidget(self.choices_status)
        box.addWidget(label(translate("ReportsPage", "Principal concerns"), "heading"))
        self.concerns = ChoiceList(
            translate("ReportsPage", "Principal concerns"), limit=CONCERNS_SHOWN
        )
        box.addWidget(self.concerns, 3)
        box.addWidget(label(translate("ReportsPage", "Early-warning signals"), "heading"))
        self.signals = ChoiceList(translate("ReportsPage", "Early-warning signals"))
        box.addWidget(self.signals, 2)
        return page

    def _connect(self) -> None:
        for edit in (self.title, self.author_role, self.author_name):
            edit.textChanged.connect(self._changed)
        for text in (self.overview, self.recommendations):
            text.textChanged.connect(self._changed)
        for box in (self.include_annex, self.exact_locations, self.suppress, self.print_name):
            box.toggled.connect(self._changed)
        self.print_name.toggled.connect(self._name_toggled)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        for date in (self.start, self.end):
            date.dateChanged.connect(self._dates_changed)
        self.issued.dateChanged.connect(self._changed)
        self.country.currentIndexChanged.connect(self._country_changed)
        self.areas.itemChanged.connect(self._scope_edit)
        self.classification.currentIndexChanged.connect(self._classification_changed)
        self.audience.currentIndexChanged.connect(self._audience_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.concerns.changed.connect(self._changed)
        self.signals.changed.connect(self._changed)

    # -- loading and reading ----------------------------------------------------------------
    def load(self, definition: ReportDefinition) -> None:
        """Show *definition*; what it holds now counts as saved."""
        self._loading = True
        try:
            self._definition = definition
            self.title.setText(definition.title or "")
            self.title.setPlaceholderText(DEFAULT_TITLE[definition.language])
            self.start.setDate(to_qdate(definition.start))
            self.end.setDate(to_qdate(definition.end))
            self.issued.setDate(to_qdate(dt.date.fromisoformat(definition.issued)))
            _select(self.preset, self._matching_preset())
            _select(self.country, definition.country)
            self._fill_areas(definition.areas)
            _select(self.classification, definition.classification)
            _select(self.audience, definition.audience)
            _select(self.language, definition.language)
            self.author_role.setText(definition.author_role)
            self.print_name.setChecked(definition.author_name is not None)
            self.author_name.setText(definition.author_name or "")
            self.overview.setPlainText(definition.overview or "")
            self.recommendations.setPlainText(definition.recommendations or "")
            self.include_annex.setChecked(definition.include_annex)
            self.exact_locations.setChecked(definition.exact_locations)
            self.suppress.setChecked(definition.suppress_small_counts)
            self.concerns.set_items([], definition.concerns)
            self.signals.set_items([], definition.signals)
            self._apply_rules()
            self._name_toggled()
        finally:
            self._loading = False
        self._baseline = self.to_json()

    @property
    def definition_id(self) -> str | None:
        return self._definition.id if self._definition is not None else None

    @property
    def loaded(self) -> ReportDefinition | None:
        return self._definition

    def to_json(self) -> dict[str, Any]:
        """The definition as shown, in the JSON form ``report_from_json`` checks."""
        base = self._definition
        data = report_to_json(base) if base is not None else {}
        name = self.author_name.text().strip()
        data.update(
            title=self.title.text().strip() or None,
            period_start=from_qdate(self.start.date()).isoformat(),
            period_end=from_qdate(self.end.date()).isoformat(),
            issued=from_qdate(self.issued.date()).isoformat(),
            country=self.country.currentData(),
            areas=list(self.chosen_areas()),
            classification=str(self.classification.currentData()),
            audience=str(self.audience.currentData()),
            language=str(self.language.currentData()),
            author_role=self.author_role.text().strip(),
            author_name=name if self.print_name.isChecked() and name else None,
            overview=self.overview.toPlainText().strip() or None,
            recommendations=self.recommendations.toPlainText().strip() or None,
            concerns=_choices_json(self.concerns.choices()),
            signals=_choices_json(self.signals.choices()),
            include_annex=self.include_annex.isChecked(),
            exact_locations=self.exact_locations.isChecked(),
            suppress_small_counts=self.suppress.isChecked(),
        )
        return data

    def chosen_areas(self) -> tuple[str, ...]:
        return tuple(
            str(self.areas.item(row).data(CODE_ROLE))
            for row in range(self.areas.count())
            if self.areas.item(row).checkState() == Qt.CheckState.Checked
        )

    def is_dirty(self) -> bool:
        return self._baseline is not None and self.to_json() != self._baseline

    def mark_restored(self) -> None:
        """After loading a kept draft: unsaved, whatever it is compared with."""
        self._baseline = {}

    def mark_saved(self, definition: ReportDefinition, sent: dict[str, Any]) -> None:
        """After a save of *sent* (the editor's JSON then): *definition* is what the vault
        holds, outputs included. Edits typed while it was saving stay unsaved."""
        self._definition = definition
        self._baseline = {**sent, "outputs": report_to_json(definition)["outputs"]}

    def clear(self) -> None:
        """Drop every text and choice (on lock); the editor shows nothing afterwards."""
        self._loading = True
        try:
            self._definition = None
            self._baseline = None
            for edit in (self.title, self.author_role, self.author_name):
                edit.setText("")
                edit.clear()
            for text in (self.overview, self.recommendations):
                text.setPlainText("")
                text.document().clearUndoRedoStacks()
            self.areas.clear()
            self.concerns.clear()
            self.signals.clear()
            self.choices_status.setText("")
        finally:
            self._loading = False

    # -- reactions ----------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _scope_edit(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()
            self.scope_changed.emit()

    def _language_changed(self) -> None:
        self.title.setPlaceholderText(DEFAULT_TITLE[str(self.language.currentData())])
        self._scope_edit()

    def _name_toggled(self, *_args: object) -> None:
        self.author_name.setEnabled(self.print_name.isChecked())

    def _preset_chosen(self) -> None:
        if self._loading:
            return
        period = preset_period(str(self.preset.currentData()), dt.date.today())
        if period is None:
            return
        self._loading = True
        try:
            self.start.setDate(to_qdate(period[0]))
            self.end.setDate(to_qdate(period[1]))
        finally:
            self._loading = False
        self._scope_edit()

    def _dates_changed(self) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            _select(self.preset, self._matching_preset())
        finally:
            self._loading = False
        self._scope_edit()

    def _matching_preset(self) -> str:
        shown = (from_qdate(self.start.date()), from_qdate(self.end.date()))
        today = dt.date.today()
        for preset in PRESETS[1:]:
            if preset_period(preset, today) == shown:
                return preset
        return "custom"

    def _country_changed(self) -> None:
        if not self._loading:
            self._fill_areas(())
        self._scope_edit()

    def _fill_areas(self, chosen: tuple[str, ...]) -> None:
        code = self.country.currentData()
        self.areas.blockSignals(True)
        self.areas.clear()
        for area, name in admin1_areas(code) if code else []:
            item = QListWidgetItem(f"{name} ({area})")
            item.setData(CODE_ROLE, area)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if area in chosen else Qt.CheckState.Unchecked)
            self.areas.addItem(item)
        self.areas.blockSignals(False)
        self.areas.setEnabled(self.areas.count() > 0)

    def _audience_changed(self) -> None:
        self._apply_rules(audience_first=True)
        self._scope_edit()

    def _classification_changed(self) -> None:
        self._apply_rules(audience_first=False)
        self._scope_edit()

    def _apply_rules(self, *, audience_first: bool = True) -> None:
        """Keep classification and audience consistent, as the protection rules require.

        A document for the public is unclassified (whichever of the two the
        adviser just chose wins); an unclassified one never gives exact places
        (docs/reports.md).
        """
        loading, self._loading = self._loading, True
        try:
            public = self.audience.currentData() == "public"
            unclassified = self.classification.currentData() == "unclassified"
            if public and not unclassified:
                if audience_first:
                    _select(self.classification, "unclassified")
                    unclassified = True
                else:
                    _select(self.audience, "un")
            if unclassified:
                self.exact_locations.setChecked(False)
            self.exact_locations.setEnabled(not unclassified)
        finally:
            self._loading = loading


def _choices_json(choices: Choices) -> dict[str, list[str]]:
    return {
        "pinned": list(choices.pinned),
        "hidden": list(choices.hidden),
        "order": list(choices.order),
    }
