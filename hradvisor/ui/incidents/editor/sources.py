"""The sources of an incident: type, the two Admiralty judgements, consent and a note.

Reliability of the source (A–F) and credibility of the information (1–6) are
separate judgements (OHCHR Manual on Human Rights Monitoring), so they are
separate columns with the scale's words, never bare letters.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hradvisor.ui.incidents.editor.fields import (
    WheelGuard,
    guard_wheel,
    set_combo_code,
    vocabulary_combo,
)
from hradvisor.ui.widgets import button, label

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

TYPE, RELIABILITY, CREDIBILITY, CONSENT, NOTE = range(5)
_WIDTHS = {
    TYPE: "Indirect witness",
    RELIABILITY: "D – Not usually reliable",
    CREDIBILITY: "3 – Possibly true",
    CONSENT: "May be shared within the UN",
}
_HEADERS = (
    (
        str(QT_TRANSLATE_NOOP("IncidentEditor", "Type")),
        str(QT_TRANSLATE_NOOP("IncidentEditor", "What kind of source this is")),
    ),
    (
        str(QT_TRANSLATE_NOOP("IncidentEditor", "Reliability")),
        str(
            QT_TRANSLATE_NOOP(
                "IncidentEditor",
                "Reliability of the source: A (completely reliable) to F (cannot be judged)",
            )
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("IncidentEditor", "Credibility")),
        str(
            QT_TRANSLATE_NOOP(
                "IncidentEditor",
                "Credibility of the information: 1 (confirmed) to 6 (cannot be judged)",
            )
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("IncidentEditor", "Consent")),
        str(
            QT_TRANSLATE_NOOP(
                "IncidentEditor", "What the source agreed their information may be used for"
            )
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("IncidentEditor", "Note")),
        str(
            QT_TRANSLATE_NOOP(
                "IncidentEditor",
                "Who, when, how contacted; protection concerns. Stays on this device.",
            )
        ),
    ),
)


class SourcesTable(QWidget):
    """A table of sources with Add and Remove; emits ``changed()`` on any edit."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        self.table = QTableWidget(0, len(_HEADERS))
        self.table.setAccessibleName(translate("IncidentEditor", "Sources"))
        self._guard = WheelGuard(self)
        for column, (text, tip) in enumerate(_HEADERS):
            item = QTableWidgetItem(translate("IncidentEditor", text))
            item.setToolTip(translate("IncidentEditor", tip))
            self.table.setHorizontalHeaderItem(column, item)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 18)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        width = self.table.fontMetrics().horizontalAdvance
        for column, sample in _WIDTHS.items():  # the note gets the rest; long labels elide
            header.resizeSection(column, width(sample) + 40)
        buttons = QHBoxLayout()
        self.add_button = button(
            translate("IncidentEditor", "Add a source"), translate("IncidentEditor", "Add a source")
        )
        self.remove_button = button(
            translate("IncidentEditor", "Remove the source"),
            translate("IncidentEditor", "Remove the selected source"),
        )
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.hint = label(
            translate(
                "IncidentEditor",
                "Judge the source and the information separately: reliability of the source "
                "from A (completely reliable) to F (cannot be judged), credibility of what it "
                "said from 1 (confirmed by other sources) to 6 (cannot be judged). Notes stay "
                "on this device unless the source's consent allows otherwise.",
            ),
            "muted",
        )
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        box.addWidget(self.hint)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self._remove)
        self.table.itemSelectionChanged.connect(self._selection)
        self._selection()

    def _selection(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _add_clicked(self) -> None:
        row = self.add_source({"type": "victim"})
        self.table.selectRow(row)
        widget = self.table.cellWidget(row, TYPE)
        if widget is not None:
            widget.setFocus()
        self.changed.emit()

    def add_source(self, source: dict[str, Any]) -> int:
        """Append a row showing *source* (JSON form); returns its row number."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        number = row + 1
        combos = (
            (
                TYPE,
                "source-types",
                "type",
                str(QT_TRANSLATE_NOOP("IncidentEditor", "Source {n}: type")),
            ),
            (
                RELIABILITY,
                "reliability",
                "reliability",
                str(QT_TRANSLATE_NOOP("IncidentEditor", "Source {n}: reliability")),
            ),
            (
                CREDIBILITY,
                "credibility",
                "credibility",
                str(QT_TRANSLATE_NOOP("IncidentEditor", "Source {n}: credibility")),
            ),
            (
                CONSENT,
                "consent",
                "consent",
                str(QT_TRANSLATE_NOOP("IncidentEditor", "Source {n}: consent")),
            ),
        )
        defaults = {"reliability": "F", "credibility": "6", "consent": "internal-only"}
        for column, vocab, key, name in combos:
            combo = vocabulary_combo(vocab, translate("IncidentEditor", name).format(n=number))
            value = source.get(key, defaults.get(key))
            set_combo_code(combo, str(value) if value is not None else None)
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
            self.table.setCellWidget(row, column, combo)
        note = QLineEdit(source.get("note") or "")
        note.setAccessibleName(translate("IncidentEditor", "Source {n}: note").format(n=number))
        note.setPlaceholderText(translate("IncidentEditor", "Who, when, how contacted (optional)"))
        note.setToolTip(note.text())
        note.setFrame(False)
        note.textChanged.connect(note.setToolTip)
        note.textChanged.connect(lambda _text: self.changed.emit())
        self.table.setCellWidget(row, NOTE, note)
        guard_wheel(self.table, self._guard)
        return row

    def _remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.table.removeRow(rows[0].row())
            self.changed.emit()

    def _combo(self, row: int, column: int) -> QComboBox:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)  # noqa: S101 (built by add_source)
        return widget

    def to_json(self) -> list[dict[str, Any]]:
        sources = []
        for row in range(self.table.rowCount()):
            note = self.table.cellWidget(row, NOTE)
            text = note.text() if isinstance(note, QLineEdit) else ""
            sources.append(
                {
                    "type": self._combo(row, TYPE).currentData(),
                    "reliability": self._combo(row, RELIABILITY).currentData(),
                    "credibility": int(self._combo(row, CREDIBILITY).currentData()),
                    "consent": self._combo(row, CONSENT).currentData(),
                    "note": text if text.strip() else None,
                }
            )
        return sources

    def set_json(self, sources: Any) -> None:
        self.blockSignals(True)
        self.table.setRowCount(0)
        for source in sources if isinstance(sources, list) else []:
            if isinstance(source, dict):
                self.add_source(source)
        self.blockSignals(False)
        self._selection()

    def count(self) -> int:
        return self.table.rowCount()
