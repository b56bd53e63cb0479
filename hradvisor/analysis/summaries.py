"""One-sentence summaries of signals, in English or French, naming codes by their labels."""

from __future__ import annotations

import datetime as dt

from hradvisor.analysis.signals import Alert
from hradvisor.model import area_name, vocabulary

_TEMPLATES = {
    "en": {
        "spike": "{subject} in {area}: {observed:g} incidents from {start} to {end},"
        " about {expected:.1f} expected from the weeks before.",
        "protected-group": "Incidents against {subject} in {area}: {observed:g} from {start}"
        " to {end}, about {expected:.1f} expected from the weeks before.",
        "new-violation": "{subject} recorded in {area} for the first time in a year:"
        " {observed:g} incidents from {start} to {end}.",
        "escalation": "{subject} rising as a share of incidents in {area}: {observed:.0%}"
        " from {start} to {end}, against {expected:.0%} in the weeks before.",
        "everywhere": "all areas in scope",
    },
    "fr": {
        "spike": "{subject} – {area} : {observed:g} incidents du {start} au {end},"
        " environ {expected:.1f} attendus d’après les semaines précédentes.",
        "protected-group": "Incidents visant : {subject} – {area} : {observed:g} du {start}"
        " au {end}, environ {expected:.1f} attendus d’après les semaines précédentes.",
        "new-violation": "{subject} – {area} : premiers cas enregistrés depuis un an,"
        " {observed:g} incidents du {start} au {end}.",
        "escalation": "{subject} – {area} : part croissante des incidents, {observed:.0%}"
        " du {start} au {end}, contre {expected:.0%} les semaines précédentes.",
        "everywhere": "toutes les zones retenues",
    },
}


def subject_label(kind: str, subject: str, lang: str) -> str:
    """The label of a signal's subject: a victim group for protected-group, else a violation."""
    name = "victim-groups" if kind == "protected-group" else "violations"
    return vocabulary(name).label(subject, lang)


def signal_summary(alert: Alert, start: dt.date, end: dt.date, lang: str) -> str:
    texts = _TEMPLATES.get(lang, _TEMPLATES["en"])
    area = area_name("", alert.area) if alert.area else texts["everywhere"]
    return texts[alert.kind].format(
        subject=subject_label(alert.kind, alert.subject, lang),
        area=area,
        observed=alert.observed,
        expected=alert.expected,
        start=start.isoformat(),
        end=end.isoformat(),
    )
