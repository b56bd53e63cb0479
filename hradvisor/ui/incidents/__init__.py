"""The Incidents section: the paged, filtered list and the incident editor over it."""

from hradvisor.ui.incidents.editor import IncidentEditor
from hradvisor.ui.incidents.model import IncidentTableModel
from hradvisor.ui.incidents.page import IncidentListPage
from hradvisor.ui.incidents.section import IncidentsSection

__all__ = ["IncidentEditor", "IncidentListPage", "IncidentTableModel", "IncidentsSection"]
