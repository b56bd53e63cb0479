"""The main window's content once a vault is open (UI.md): navigation, header, status.

The shell receives the open Vault and hands it to its sections; the window
still owns it and alone decides to close it. Lock requests go to the window;
``forget()`` makes every section let go of the vault and of any text it shows.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from hradvisor.preferences import Preferences
from hradvisor.store import IncidentFilter, KdfParams, Vault
from hradvisor.ui.dashboard import DashboardPage
from hradvisor.ui.i18n import chosen_language
from hradvisor.ui.incidents import IncidentEditor, IncidentListPage, IncidentsSection
from hradvisor.ui.incidents.attachments import AttachmentsPanel
from hradvisor.ui.incidents.history import HistoryPanel
from hradvisor.ui.notes import IncidentNotesPanel, NotesPage
from hradvisor.ui.reports import ReportsPage
from hradvisor.ui.risk import RiskPage
from hradvisor.ui.settings_page import SettingsPage
from hradvisor.ui.sync import SyncPage
from hradvisor.ui.theme import MUTED
from hradvisor.ui.widgets import button, label
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


# (title, icon, what the section will hold). The order is the Ctrl+1…7 order.
SECTIONS: tuple[tuple[str, str, str], ...] = (
    (
        str(QT_TRANSLATE_NOOP("Shell", "Incidents")),
        "mdi6.file-document-multiple-outline",
        str(
            QT_TRANSLATE_NOOP(
                "Shell", "Incidents with filters and search, and the incident editor."
            )
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("Shell", "Notes")),
        "mdi6.note-text-outline",
        str(QT_TRANSLATE_NOOP("Shell", "Your working notes, linked to incidents and persons.")),
    ),
    (
        str(QT_TRANSLATE_NOOP("Shell", "Dashboard")),
        "mdi6.chart-line",
        str(QT_TRANSLATE_NOOP("Shell", "Trends, areas most affected and early-warning signals.")),
    ),
    (
        str(QT_TRANSLATE_NOOP("Shell", "Risk")),
        "mdi6.alert-outline",
        str(QT_TRANSLATE_NOOP("Shell", "The risk framework: indicators and how they are moving.")),
    ),
    (
        str(QT_TRANSLATE_NOOP("Shell", "Reports")),
        "mdi6.file-chart-outline",
        str(
            QT_TRANSLATE_NOOP("Shell", "Summary analyses as PDF, and exports to CSV, JSON and HXL.")
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("Shell", "Sync")),
        "mdi6.cloud-sync-outline",
        str(QT_TRANSLATE_NOOP("Shell", "Encrypted packages to headquarters, online or by USB.")),
    ),
    (
        str(QT_TRANSLATE_NOOP("Shell", "Settings")),
        "mdi6.cog-outline",
        str(QT_TRANSLATE_NOOP("Shell", "Passphrase, recovery shares, auto-lock and language.")),
    ),
)

INCIDENTS, NOTES, DASHBOARD, RISK, REPORTS, SYNC, SETTINGS = range(len(SECTIONS))


def _tr(text: str) -> str:
    """Translate a SECTIONS string (marked above with QT_TRANSLATE_NOOP) when it is shown."""
    return QCoreApplication.translate("Shell", text)


class Shell(QWidget):
    """Navigation on the left, a page per section, a header with Lock, a status bar.

    The Incidents section is the list with the editor opened in place over it
    (``incident_section``; ``incidents`` is its list page, ``editor`` its
    editor). Emits ``lock_requested(panic)``.
    """

    lock_requested = Signal(bool)
    preferences_changed = Signal(object)

    def __init__(
        self,
        vault: Vault,
        *,
        preferences: Preferences | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header(vault.path.name))
        body = QHBoxLayout()
        body.setSpacing(0)
        self.navigation = self._navigation()
        self.pages = QStackedWidget()
        self.incident_section = IncidentsSection(vault)
        self.incidents: IncidentListPage = self.incident_section.list_page
        self.editor: IncidentEditor = self.incident_section.editor
        self._vault: Vault | None = vault
        self.editor.saved.connect(self._saved)
        preferences = preferences or Preferences()
        lang = chosen_language(preferences.language)
        self.pages.addWidget(self.incident_section)
        self.history = HistoryPanel(vault)
        self.attachments = AttachmentsPanel(vault)
        self.incident_notes = IncidentNotesPanel(vault)
        self.editor.add_panel(translate("Shell", "Notes"), self.incident_notes)
        self.editor.add_panel(translate("Shell", "Attachments"), self.attachments)
        self.editor.add_panel(translate("Shell", "History"), self.history)
        self.notes = NotesPage(vault)
        self.pages.addWidget(self.notes)
        self.dashboard = DashboardPage(vault, lang=lang)
        self.risk = RiskPage(vault)
        self.reports = ReportsPage(vault, lang=lang)
        self.sync = SyncPage(vault, automatic=preferences.send_automatically)
        self.settings = SettingsPage(vault, preferences, kdf=kdf)
        for page in (self.dashboard, self.risk, self.reports, self.sync, self.settings):
            self.pages.addWidget(page)
        self._sync_summary = ""
        self._count_text = ""
        self._connect_sections()
        body.addWidget(self.navigation)
        body.addWidget(self.pages, 1)
        layout.addLayout(body, 1)
        self.status = QStatusBar()
        self.status.setSizeGripEnabled(False)
        self.status.showMessage(translate("Shell", "Vault unlocked · counting incidents…"))
        layout.addWidget(self.status)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self._shortcuts()
        self._recount()

    def _connect_sections(self) -> None:
        self.editor.saved.connect(lambda *_args: self.history.refresh())
        self.history.restored.connect(self._restored)
        self.notes.incident_requested.connect(self.open_incident)
        self.incident_notes.incident_requested.connect(self.open_incident)
        self.dashboard.show_incidents.connect(self.show_incidents)
        self.dashboard.signals_changed.connect(lambda n: self._badge(DASHBOARD, n))
        self.risk.incident_requested.connect(self.open_incident)
        self.sync.pending_changed.connect(lambda n: self._badge(SYNC, n))
        self.sync.summary.connect(self._show_sync_summary)
        self.sync.automatic.toggled.connect(lambda on: self.settings.change(send_automatically=on))
        self.settings.preferences_changed.connect(self.preferences_changed)

    def _restored(self, incident_id: str) -> None:
        """A restore wrote a new version: show it in the form, and the list's row."""
        self.editor.open_incident(incident_id)
        self.incidents.apply_filters()

    def show_incidents(self, wanted: IncidentFilter) -> None:
        """Drill-down from another section: the incident list, filtered as asked."""
        self.navigation.setCurrentRow(INCIDENTS)
        self.incident_section.show_list()
        self.incidents.show_filter(wanted)

    def open_incident(self, incident_id: str) -> None:
        self.navigation.setCurrentRow(INCIDENTS)
        self.incident_section.open_incident(incident_id)

    def _badge(self, row: int, count: int) -> None:
        """A count after a section's name (UI.md: pending packages, new signals)."""
        if self._vault is None:
            return  # a late answer after the lock: the shell is going
        title = _tr(SECTIONS[row][0])
        item = self.navigation.item(row)
        item.setText(f"{title}  ·  {count}" if count else title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title} ({count})" if count else title)

    def _show_sync_summary(self, text: str) -> None:
        if self._vault is None:
            return
        self._sync_summary = text
        self._show_status()

    def _show_status(self) -> None:
        self.status.showMessage(" · ".join(p for p in (self._count_text, self._sync_summary) if p))

    def _recount(self) -> None:
        if self._vault is not None:
            count: Callable[[], int] = self._vault.queries.count
            run_in_background(count, self._show_count, self._count_failed)

    def _saved(self, _incident: object, was_new: bool) -> None:
        if was_new:
            self._recount()

    def new_incident(self) -> None:
        """Ctrl+N from anywhere: the Incidents section with an empty form."""
        self.navigation.setCurrentRow(0)
        self.incident_section.new_incident()

    # -- unsaved work, for the window -------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return (
            self.editor.has_unsaved_changes()
            or self.notes.has_unsaved_changes()
            or self.incident_notes.has_unsaved_changes()
            or self.risk.has_unsaved_changes()
            or self.reports.has_unsaved_changes()
        )

    def confirm_leave(self, then: Callable[[], None]) -> None:
        """Run *then* once unsaved work is saved or discarded (asks first); not if cancelled."""
        for row, page in ((RISK, self.risk), (REPORTS, self.reports)):
            if page.has_unsaved_changes():
                self.navigation.setCurrentRow(row)
                if not page.confirm_discard():
                    return
        for notes_row, notes in ((NOTES, self.notes), (INCIDENTS, self.incident_notes)):
            if notes.has_unsaved_changes():
                self.navigation.setCurrentRow(notes_row)
                if not _confirm_discard_note(self):
                    return
                notes.discard_changes()
        if self.editor.has_unsaved_changes():
            self.navigation.setCurrentRow(INCIDENTS)
            self.incident_section.show_editor()
        self.editor.confirm_leave(then)

    def keep_draft(self) -> None:
        """Before a lock that must not ask (idle, panic): keep unsaved work as a draft."""
        self.editor.keep_draft(locking=True)
        self.risk.keep_draft()
        self.reports.keep_draft()

    def forget(self) -> None:
        """On lock, before the shell goes: drop the vault and everything any section shows."""
        self._vault = None
        self.incident_section.forget()
        for panel in (self.history, self.attachments, self.incident_notes, self.notes):
            panel.clear()
        self.dashboard.clear()
        self.risk.clear()
        self.reports.clear()
        self.sync.forget()
        self.settings.forget()

    def _header(self, vault_name: str) -> QFrame:
        header = QFrame()
        header.setProperty("role", "header")
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 8, 16, 8)
        self.title = label(
            translate("Shell", "hradvisor — {name}").format(name=vault_name), "title"
        )
        row.addWidget(self.title, 1)
        self.lock_button = button(
            translate("Shell", "Lock"), translate("Shell", "Lock the vault (Ctrl+L)")
        )
        self.lock_button.setIcon(qta.icon("mdi6.lock-outline"))
        self.lock_button.setToolTip(
            translate("Shell", "Lock the vault (Ctrl+L). Panic lock: Ctrl+Shift+L")
        )
        self.lock_button.clicked.connect(lambda: self.lock_requested.emit(False))
        row.addWidget(self.lock_button)
        return header

    def _navigation(self) -> QListWidget:
        navigation = QListWidget()
        navigation.setObjectName("navigation")
        navigation.setAccessibleName(translate("Shell", "Sections"))
        navigation.setFixedWidth(180)
        navigation.setIconSize(QSize(20, 20))
        for number, (title, icon, _purpose) in enumerate(SECTIONS, start=1):
            item = QListWidgetItem(qta.icon(icon, color=MUTED, color_selected="white"), _tr(title))
            item.setSizeHint(QSize(0, 40))
            item.setToolTip(f"{_tr(title)} (Ctrl+{number})")
            navigation.addItem(item)
        return navigation

    def _shortcuts(self) -> None:
        for number in range(1, len(SECTIONS) + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self.navigation.setCurrentRow(row))
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.new_incident)
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(
            lambda: self.lock_requested.emit(False)
        )
        panic = QShortcut(QKeySequence("Ctrl+Shift+L"), self)
        panic.setContext(Qt.ShortcutContext.ApplicationShortcut)  # even over a dialog
        panic.activated.connect(lambda: self.lock_requested.emit(True))

    def _show_count(self, count: int) -> None:
        text = translate("Shell", "Vault unlocked · {count} incidents").format(count=f"{count:,}")
        self._count_text = text
        self._show_status()

    def _count_failed(self, exc: BaseException) -> None:
        text = translate("Shell", "Vault unlocked · incidents could not be counted: {why}")
        self._count_text = text.format(why=user_message(exc))
        self._show_status()


def _confirm_discard_note(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("Shell", "Unsaved note"),
        translate("Shell", "A field note has changes that are not saved. Discard them?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
