"""What the editor reads and writes besides its widgets: starting points, loads, draft times.

Plain functions with no widget in sight, so the worker-side code is easy to
read on its own: ``load_for_editing`` runs on a worker thread; the others are
pure.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hradvisor.model import Incident
from hradvisor.store import IntegrityError, NotFound, Vault
from hradvisor.store.drafts import Draft
from hradvisor.ui.incidents.filters import COUNTRIES

_DRAFT_SEQ = itertools.count(1)  # orders draft writes across editors (see store.drafts)


def next_draft_seq() -> int:
    """A number larger than any handed out before in this process (store.drafts ``seq``)."""
    return next(_DRAFT_SEQ)


def blank_incident(incident_id: str, today: dt.date) -> dict[str, Any]:
    """The JSON a new incident starts from: today, the protective defaults, nothing else."""
    return {
        "id": incident_id,
        "title": "",
        "date": today.isoformat(),
        "date_end": None,
        "date_precision": "day",
        "location": {"country": COUNTRIES[0]},
        "verification": "reported",
        "sensitivity": "confidential",
        "consent": "internal-only",
    }


def load_for_editing(
    vault: Vault, incident_id: str
) -> tuple[Incident | None, str | None, Draft | None]:
    """On a worker: the incident and its head (None if absent) and any draft of it."""
    try:
        incident, head = vault.incidents.get_with_head(incident_id)
    except NotFound:
        incident, head = None, None
    try:
        draft = vault.drafts.load(incident_id)
    except IntegrityError:
        draft = None  # a damaged draft is not offered; the file is left for inspection
    return incident, head, draft


def ignore(_value: object) -> None:
    """A worker's answer nobody needs (a draft discarded)."""
