"""Risk assessments: revisioned records of the risk framework, one per scope and period.

Kept in the generic ``records`` table (entity type ``assessment``) like notes,
so history, conflicts and sync come from the revision log with nothing new in
the schema. A vault holds tens or hundreds of assessments, not thousands:
listing a scope reads them and filters in Python, which keeps the schema
untouched and is fast at that size.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hradvisor.model.assessment import RiskAssessment, assessment_from_json, assessment_to_json
from hradvisor.store.connection import Database
from hradvisor.store.errors import NotFound
from hradvisor.store.records import RecordStore

# Far enough ahead that a stored assessment is never refused for its date on reading.
_NO_FUTURE_CHECK = dt.date(9999, 12, 30)


def period_key(assessment: RiskAssessment) -> str:
    """Sort key: by the end of the period, then its start, then the day it was written."""
    return f"{assessment.period_end} {assessment.period_start} {assessment.assessed_on}"


def load_assessment(data: Any) -> RiskAssessment:
    """A stored assessment, re-validated without the entry-time "not in the future" rule."""
    return assessment_from_json(data, today=_NO_FUTURE_CHECK)


class AssessmentStore(RecordStore[RiskAssessment]):
    """Risk assessments: save (with ``based_on`` conflict check), get, recent, history, scope."""

    def __init__(self, db: Database, device_id: str) -> None:
        super().__init__(
            db, device_id, "assessment", assessment_to_json, load_assessment, period_key
        )

    def for_scope(
        self, country: str, areas: tuple[str, ...] | list[str] = ()
    ) -> list[RiskAssessment]:
        """Assessments of exactly this scope (country and set of areas), oldest period first.

        An empty *areas* means the whole country; an assessment of some areas
        is a different scope from one of the whole country.
        """
        wanted = tuple(sorted(set(areas)))
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT r.body FROM records x JOIN revisions r ON r.hash = x.head"
                " WHERE x.entity_type = 'assessment' AND json_extract(r.body, '$.country') = ?"
                " ORDER BY x.sort_key, x.id",
                (country,),
            ).fetchall()
        found = (load_assessment(json.loads(row[0])) for row in rows)
        return [item for item in found if item.areas == wanted]

    def get_with_head(self, assessment_id: str) -> tuple[RiskAssessment, str]:
        """An assessment and its current revision hash (what an edit is ``based_on``)."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT r.body, x.head FROM records x JOIN revisions r ON r.hash = x.head"
                " WHERE x.entity_type = 'assessment' AND x.id = ?",
                (assessment_id,),
            ).fetchone()
        if row is None:
            raise NotFound(f"no assessment {assessment_id}")
        return load_assessment(json.loads(row[0])), str(row[1])
