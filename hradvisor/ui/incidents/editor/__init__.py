"""The incident editor (DESIGN §9): every field, validation, saving, drafts, conflicts."""

from hradvisor.ui.incidents.editor.editor import IncidentEditor

__all__ = ["IncidentEditor"]
