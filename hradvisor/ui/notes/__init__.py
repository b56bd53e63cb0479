"""The Notes section and the Notes tab of an incident: field notes linked to incidents."""

from hradvisor.ui.notes.editor import NoteEditor
from hradvisor.ui.notes.incident_panel import IncidentNotesPanel
from hradvisor.ui.notes.page import NotesPage
from hradvisor.ui.notes.picker import IncidentPicker

__all__ = ["IncidentNotesPanel", "IncidentPicker", "NoteEditor", "NotesPage"]
