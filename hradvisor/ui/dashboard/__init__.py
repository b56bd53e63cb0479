"""The Dashboard section (DESIGN §6, §9): figures, trends, areas, signals and concerns."""

from hradvisor.ui.dashboard.page import DashboardPage

__all__ = ["DashboardPage"]
