"""hradvisor: offline, encrypted incident recording and analysis for human rights advisers."""

__version__ = "0.1.0"
