"""Analysis and early warning (DESIGN §6): pure arithmetic over grouped counts from the vault.

``analyse(vault, scope)`` gives the figures of a period, its changes against
the previous period and a trailing baseline, breakdowns by time, place,
violation, perpetrator and victim group, the ranked principal concerns and
the early-warning signals, each with the incidents behind it.
``arrange_concerns`` applies the adviser's pinned / hidden / order choices.
Methods and parameters: docs/early-warning.md.
"""

from hradvisor.analysis.concerns import ConcernChoices, arrange_concerns
from hradvisor.analysis.engine import analyse, early_warning
from hradvisor.analysis.signals import SignalParams
from hradvisor.analysis.types import (
    Analysis,
    AnalysisScope,
    Bucket,
    Change,
    Concern,
    Figures,
    Signal,
)

__all__ = [
    "Analysis",
    "AnalysisScope",
    "Bucket",
    "Change",
    "Concern",
    "ConcernChoices",
    "Figures",
    "Signal",
    "SignalParams",
    "analyse",
    "arrange_concerns",
    "early_warning",
]
