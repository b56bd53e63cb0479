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
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from hradvisor.store import Vault
from hradvisor.ui.incidents import IncidentEditor, IncidentListPage, IncidentsSection
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

    def __init__(self, vault: Vault) -> None:
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
        self.pages.addWidget(self.incident_section)
        for title, icon, purpose in SECTIONS[self.pages.count() :]:
            self.pages.addWidget(_empty_state(_tr(title), icon, _tr(purpose)))
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
        return self.editor.has_unsaved_changes()

    def confirm_leave(self, then: Callable[[], None]) -> None:
        """Run *then* once unsaved work is saved or discarded (asks first); not if cancelled."""
        if self.editor.has_unsaved_changes():
            self.navigation.setCurrentRow(0)
            self.incident_section.show_editor()
        self.editor.confirm_leave(then)

    def keep_draft(self) -> None:
        """Before a lock that must not ask (idle, panic): keep unsaved work as a draft."""
        self.editor.keep_draft(locking=True)

    def forget(self) -> None:
        """On lock, before the shell goes: drop the vault and every incident row and field."""
        self._vault = None
        self.incident_section.forget()

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
        self.status.showMessage(text)

    def _count_failed(self, exc: BaseException) -> None:
        text = translate("Shell", "Vault unlocked · incidents could not be counted: {why}")
        self.status.showMessage(text.format(why=user_message(exc)))


def _empty_state(title: str, icon: str, purpose: str) -> QWidget:
    """An honest placeholder: what the section will hold, and that it is not built yet."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(48, 48, 48, 48)
    layout.addStretch(1)
    badge = label("")
    badge.setPixmap(qta.icon(icon, color=MUTED).pixmap(48, 48))
    badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(badge)
    heading = label(title, "title")
    heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(heading)
    text = translate("Shell", "{purpose}\nThis section is not built yet in this version.").format(
        purpose=purpose
    )
    body = label(text, "muted")
    body.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(body)
    layout.addStretch(2)
    return page
