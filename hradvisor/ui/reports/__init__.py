"""The Reports section: definitions, the summary analysis previewed in memory, exports."""

from hradvisor.ui.reports.page import ReportsPage

__all__ = ["ReportsPage"]
