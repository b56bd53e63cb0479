"""The current early-warning signals: what was flagged, where, and how far above expectation.

Each row says the kind of signal in words, the area, the violation or group,
the weeks it covers, observed against expected, and the engine's one-line
summary. Enter or a double-click opens the incidents behind it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from hradvisor.analysis import Signal as EarlyWarning
from hradvisor.model import admin1_name, vocabulary
from hradvisor.ui.dashboard.layout import fit_rows, list_look

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

KIND, AREA, SUBJECT, PERIOD, OBSERVED, SUMMARY = range(6)
_HEADERS = (
    QT_TRANSLATE_NOOP("Dashboard", "Signal"),
    QT_TRANSLATE_NOOP("Dashboard", "Area"),
    QT_TRANSLATE_NOOP("Dashboard", "Violation or group"),
    QT_TRANSLATE_NOOP("Dashboard", "Weeks"),
    QT_TRANSLATE_NOOP("Dashboard", "Observed / expected"),
    QT_TRANSLATE_NOOP("Dashboard", "Summary"),
)
KINDS = {
    "spike": QT_TRANSLATE_NOOP("Dashboard", "Spike"),
    "new-violation": QT_TRANSLATE_NOOP("Dashboard", "New in the area"),
    "escalation": QT_TRANSLATE_NOOP("Dashboard", "Escalation"),
    "protected-group": QT_TRANSLATE_NOOP("Dashboard", "Protected group"),
}


def kind_label(kind: str) -> str:
    return translate("Dashboard", str(KINDS[kind])) if kind in KINDS else kind


def subject_label(code: str, lang: str = "en") -> str:
    """A violation or victim-group code as its label (the code if neither knows it)."""
    for name in ("violations", "victim-groups"):
        words = vocabulary(name)
        if code in words:
            return words.label(code, lang)
    return code


def area_label(code: str | None) -> str:
    return admin1_name(code) if code else translate("Dashboard", "All areas")


def period_label(start: dt.date, end: dt.date) -> str:
    """ "12 Oct – 8 Nov 2026" in the window's language."""
    locale = QLocale()
    first = locale.toString(QDate(start.year, start.month, start.day), "d MMM")
    last = locale.toString(QDate(end.year, end.month, end.day), "d MMM yyyy")
    return f"{first} – {last}"


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def observed_text(signal: EarlyWarning) -> str:
    """Observed against expected: counts, or for an escalation the share of severe incidents."""
    if signal.kind == "escalation":
        observed, expected = f"{100 * signal.observed:.0f} %", f"{100 * signal.expected:.0f} %"
    else:
        observed, expected = number(signal.observed), number(signal.expected)
    return translate("Dashboard", "{observed} vs {expected}").format(
        observed=observed, expected=expected
    )


class SignalList(QTreeWidget):
    """The signals, strongest first. Emits ``signal_activated(Signal)``."""

    signal_activated = Signal(object)

    def __init__(self, lang: str = "en") -> None:
        super().__init__()
        self._lang = lang
        self.signals: list[EarlyWarning] = []
        self.setAccessibleName(translate("Dashboard", "Early-warning signals"))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHeaderLabels([translate("Dashboard", str(text)) for text in _HEADERS])
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.itemActivated.connect(self._activated)
        list_look(self)
        fit_rows(self)

    def show_signals(self, signals: Sequence[EarlyWarning]) -> None:
        self.clear()
        self.signals = sorted(signals, key=lambda s: -s.score)
        for position, signal in enumerate(self.signals):
            texts = [
                kind_label(signal.kind),
                area_label(signal.area),
                subject_label(signal.subject, self._lang),
                period_label(signal.period_start, signal.period_end),
                observed_text(signal),
                signal.summary,
            ]
            item = QTreeWidgetItem(texts)
            item.setData(0, Qt.ItemDataRole.UserRole, position)
            item.setTextAlignment(OBSERVED, Qt.AlignmentFlag.AlignRight)
            item.setToolTip(SUMMARY, signal.summary)
            self.addTopLevelItem(item)
        first = self.topLevelItem(0)
        if first is not None:
            self.setCurrentItem(first)
        fit_rows(self)

    def show_nothing(self, text: str) -> None:
        """A single muted row saying why the list is empty (it opens nothing)."""
        item = QTreeWidgetItem([text])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setFirstColumnSpanned(True)
        self.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)
        fit_rows(self)

    def clear(self) -> None:
        super().clear()
        self.signals = []

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        position = item.data(0, Qt.ItemDataRole.UserRole)
        if position is not None:
            self.signal_activated.emit(self.signals[int(position)])
