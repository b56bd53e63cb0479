"""The Incidents section: the list, and the editor opened in place over it.

At 1280×800 a seven-column list and a form with twenty fields cannot both be
readable side by side, so the editor replaces the list in place (UI.md: Enter
opens, Esc closes) and the list keeps its filters, rows and position while
hidden. Going back with unsaved changes keeps them (the list says so and
offers a way back); only opening another incident asks Save / Discard / Cancel.
After an unlock, drafts left by a lock or a crash are offered here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from hradvisor.model import Incident, neutralise_bidi
from hradvisor.store import Vault
from hradvisor.store.drafts import Draft
from hradvisor.ui.incidents.editor import IncidentEditor
from hradvisor.ui.incidents.model import ID_ROLE
from hradvisor.ui.incidents.page import IncidentListPage
from hradvisor.ui.widgets import page_banner
from hradvisor.ui.workers import run_in_background, user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class IncidentsSection(QWidget):
    """List page and editor in one stack, with a banner for drafts and edits in progress."""

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self._vault: Vault | None = vault
        self._drafts: list[Draft] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = page_banner(layout, translate("IncidentList", "Unsaved work"))
        self.stack = QStackedWidget()
        self.list_page = IncidentListPage(vault.queries)
        self.editor = IncidentEditor(vault)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.editor)
        layout.addWidget(self.stack, 1)
        self.list_page.incident_activated.connect(self.open_incident)
        self.editor.back_requested.connect(self.show_list)
        self.editor.saved.connect(self._saved)
        self._select_when_loaded = ""
        self.list_page.model.page_loaded.connect(self._page_loaded)
        run_in_background(vault.drafts.list, self._drafts_found, self._drafts_failed)

    # -- navigation -------------------------------------------------------------------
    def editing(self) -> bool:
        return self.stack.currentWidget() is self.editor

    def open_incident(self, incident_id: str) -> None:
        """Open *incident_id* in the editor (asking first about unsaved changes to another one)."""
        if incident_id == self.editor.incident_id and self.editor.has_unsaved_changes():
            self.show_editor()
            return
        self.editor.confirm_leave(lambda: self._open(incident_id))

    def _open(self, incident_id: str) -> None:
        self.editor.open_incident(incident_id)
        self.show_editor()

    def new_incident(self) -> None:
        self.editor.confirm_leave(self._new)

    def _new(self) -> None:
        self.show_editor()
        self.editor.new_incident()

    def show_editor(self) -> None:
        self.banner.clear()
        self.stack.setCurrentWidget(self.editor)

    def show_list(self) -> None:
        """Back to the list, as it was; unsaved changes stay in the editor (and its draft)."""
        self.stack.setCurrentWidget(self.list_page)
        self.list_page.table.setFocus()
        if self.editor.has_unsaved_changes():
            self.editor.keep_draft()
            self.banner.show_message(
                "warning",
                translate("IncidentList", "Unsaved changes to “{title}”.").format(
                    title=self.editor.title
                ),
                [
                    (translate("IncidentList", "Return to it"), self.show_editor),
                    (translate("IncidentList", "Save it"), self._save_from_list),
                ],
            )
        else:
            self._offer_next_draft()

    def _save_from_list(self) -> None:
        """Save the edit in progress where its problems, if any, can be seen and fixed."""
        self.show_editor()
        self.editor.save(then=self.show_list)

    # -- after a save -------------------------------------------------------------------
    def _saved(self, incident: Incident, was_new: bool) -> None:
        if was_new:
            self._select_when_loaded = incident.id
            self.list_page.apply_filters()  # a new row: its place depends on the sort
        else:
            self.list_page.model.replace(incident)

    def _page_loaded(self) -> None:
        """After a new incident was saved: select its row if the first page holds it."""
        if self._select_when_loaded:
            self.select(self._select_when_loaded)
            self._select_when_loaded = ""

    # -- drafts from an earlier session -------------------------------------------------
    def _drafts_found(self, drafts: list[Draft]) -> None:
        # Other sections keep their own drafts in the same store (the Risk page's).
        self._drafts = [d for d in drafts if isinstance(d.data.get("incident"), dict)]
        if not self.editing():
            self._offer_next_draft()

    def _drafts_failed(self, exc: BaseException) -> None:
        self.banner.show_message(
            "error",
            translate("IncidentList", "Unsaved drafts could not be read: {why}").format(
                why=user_message(exc)
            ),
        )

    def _offer_next_draft(self) -> None:
        # The incident in the editor has its own draft offer there (or was just saved).
        self._drafts = [d for d in self._drafts if d.name != self.editor.incident_id]
        if not self._drafts:
            self.banner.clear()
            return
        draft = self._drafts[0]
        title = neutralise_bidi(str(draft.data.get("title") or "").strip()) or translate(
            "IncidentList", "a new incident"
        )
        more = len(self._drafts) - 1
        text = translate("IncidentList", "You have an unsaved draft of “{title}”.").format(
            title=title
        )
        if more:
            text += " " + translate("IncidentList", "({count} more after it)").format(count=more)
        self.banner.show_message(
            "warning",
            text,
            [
                (translate("IncidentList", "Restore"), lambda: self._restore(draft)),
                (translate("IncidentList", "Discard"), lambda: self._discard(draft)),
            ],
        )

    def _restore(self, draft: Draft) -> None:
        self._drafts.remove(draft)
        self.editor.confirm_leave(lambda: self._open_draft(draft))

    def _open_draft(self, draft: Draft) -> None:
        self.editor.open_incident(draft.name, restore_draft=True)
        self.show_editor()

    def _discard(self, draft: Draft) -> None:
        self._drafts.remove(draft)
        if self._vault is not None:
            drafts = self._vault.drafts
            run_in_background(lambda: drafts.discard(draft.name), _ignore, self._drafts_failed)
        self._offer_next_draft()

    # -- locking ----------------------------------------------------------------------------
    def forget(self) -> None:
        """On lock: drop the rows, the form's text, the drafts' text and the vault."""
        self._vault = None
        self._drafts = []
        self.banner.clear()
        self.list_page.clear()
        self.editor.forget()

    def select(self, incident_id: str) -> bool:
        """Select the loaded row of *incident_id*; False if it is not loaded."""
        model = self.list_page.model
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ID_ROLE) == incident_id:
                self.list_page.table.selectRow(row)
                self.list_page.table.scrollTo(index)
                return True
        return False


def _ignore(_value: object) -> None:
    """Nothing to do after a discard."""
