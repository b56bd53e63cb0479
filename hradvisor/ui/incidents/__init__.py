"""The Incidents section: the paged, filtered incident list (the editor comes next)."""

from hradvisor.ui.incidents.model import IncidentTableModel
from hradvisor.ui.incidents.page import IncidentListPage

__all__ = ["IncidentListPage", "IncidentTableModel"]
