"""The Risk section: risk assessments against the framework of analysis for atrocity crimes."""

from hradvisor.ui.risk.page import RiskPage

__all__ = ["RiskPage"]
