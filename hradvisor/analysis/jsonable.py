"""An Analysis as plain JSON values (for ``analyse --json``, exports and tests)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from hradvisor.analysis.types import Analysis


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """Every field, dates as ISO 8601 strings, tuples as lists; keys are the field names."""
    return {field: _plain(value) for field, value in dataclasses.asdict(analysis).items()}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
