"""Fixed wording of the summary analysis in English and French, and number/date formats.

Vocabulary labels (violations, outcomes …) come from the vocabularies; this
module holds only the report's own sentences. Every key exists in both
languages (a test checks), so a French report never shows an English phrase.
"""

from __future__ import annotations

import datetime as dt

TEXTS: dict[str, dict[str, str]] = {
    "marking.strictly-confidential": {
        "en": "STRICTLY CONFIDENTIAL",
        "fr": "STRICTEMENT CONFIDENTIEL",
    },
    "marking.confidential": {"en": "CONFIDENTIAL", "fr": "CONFIDENTIEL"},
    "marking.unclassified": {"en": "UNCLASSIFIED", "fr": "NON CLASSIFIÉ"},
    "org": {
        "en": "United Nations · Human Rights Adviser to the Resident Coordinator",
        "fr": "Nations Unies · Conseiller aux droits de l'homme auprès du Coordonnateur résident",
    },
    "running": {"en": "Summary analysis", "fr": "Analyse succincte"},
    "page": {"en": "Page {page} of {total}", "fr": "Page {page} sur {total}"},
    "period": {"en": "Period", "fr": "Période"},
    "scope": {"en": "Scope", "fr": "Portée"},
    "issued": {"en": "Date", "fr": "Date"},
    "prepared_by": {"en": "Prepared by", "fr": "Établi par"},
    "for": {"en": "For", "fr": "Destinataires"},
    "role.default": {"en": "Human Rights Adviser", "fr": "Conseiller aux droits de l'homme"},
    "signal.label": {"en": "{kind}: {subject}", "fr": "{kind} : {subject}"},
    "audience.ohchr": {"en": "OHCHR (internal)", "fr": "HCDH (usage interne)"},
    "audience.un": {
        "en": "Resident Coordinator and UN Country Team",
        "fr": "Coordonnateur résident et équipe de pays des Nations Unies",
    },
    "audience.public": {"en": "Public", "fr": "Public"},
    "all_areas": {"en": "whole country", "fr": "ensemble du pays"},
    "all_countries": {"en": "all countries recorded", "fr": "tous les pays enregistrés"},
    "h.overview": {"en": "Overview", "fr": "Aperçu"},
    "h.figures": {"en": "Key figures", "fr": "Chiffres clés"},
    "h.concerns": {
        "en": "Principal human rights concerns",
        "fr": "Principales préoccupations en matière de droits de l'homme",
    },
    "h.trends": {"en": "Trends", "fr": "Tendances"},
    "h.signals": {"en": "Early-warning signals", "fr": "Signaux d'alerte précoce"},
    "h.risks": {"en": "Risks of serious violations", "fr": "Risques de violations graves"},
    "h.recommendations": {"en": "Recommendations", "fr": "Recommandations"},
    "h.methodology": {
        "en": "Methodology and limits of the data",
        "fr": "Méthodologie et limites des données",
    },
    "h.annex": {"en": "Annex: incidents", "fr": "Annexe : incidents"},
    "fig.incidents": {"en": "Incidents", "fr": "Incidents"},
    "fig.victims": {"en": "Victims", "fr": "Victimes"},
    "fig.killed": {"en": "Killed", "fr": "Tués"},
    "fig.verified": {"en": "Verified", "fr": "Vérifiés"},
    "fig.previous": {"en": "previous period: {value}", "fr": "période précédente : {value}"},
    "fig.no_previous": {"en": "none in the previous period", "fr": "aucun la période précédente"},
    "fig.outcome": {
        "en": "Victims by harm, sex and age",
        "fr": "Victimes par préjudice, sexe et âge",
    },
    "fig.harm": {"en": "Harm", "fr": "Préjudice"},
    "fig.total": {"en": "Total", "fr": "Total"},
    "fig.change": {"en": "Change", "fr": "Évolution"},
    "fig.no_victims": {
        "en": "No victims were recorded for the incidents in this period.",
        "fr": "Aucune victime n'a été enregistrée pour les incidents de cette période.",
    },
    "change.up": {"en": "▲ {delta} ({percent})", "fr": "▲ {delta} ({percent})"},
    "change.down": {"en": "▼ {delta} ({percent})", "fr": "▼ {delta} ({percent})"},
    "change.flat": {"en": "no change", "fr": "stable"},
    "change.new": {"en": "new", "fr": "nouveau"},
    "empty": {
        "en": "No incident that may be shown in a document of this classification was "
        "recorded for this period and scope. The sections below are therefore empty; "
        "this does not mean that no violations occurred.",
        "fr": "Aucun incident pouvant figurer dans un document de ce niveau de classification "
        "n'a été enregistré pour cette période et cette portée. Les sections ci-dessous sont "
        "donc vides, ce qui ne signifie pas qu'aucune violation n'a eu lieu.",
    },
    "concern.line": {
        "en": "{incidents}, {victims} ({killed} killed); {verified} verified.",
        "fr": "{incidents}, {victims} (dont {killed} tuées) ; {verified} vérifiés.",
    },
    "by.month": {"en": "Month", "fr": "Mois"},
    "by.violation": {"en": "Type of violation", "fr": "Type de violation"},
    "by.perpetrator": {"en": "Alleged perpetrator", "fr": "Auteur présumé"},
    "concern.change": {
        "en": "Compared with the previous period: {change}.",
        "fr": "Par rapport à la période précédente : {change}.",
    },
    "concern.why": {
        "en": "Why it stands out: {reasons}.",
        "fr": "Pourquoi elle ressort : {reasons}.",
    },
    "reason.grave": {"en": "a grave violation", "fr": "une violation grave"},
    "reason.killed-or-disappeared": {
        "en": "people were killed or disappeared",
        "fr": "des personnes ont été tuées ou ont disparu",
    },
    "reason.rising": {
        "en": "rising compared with earlier periods",
        "fr": "en hausse par rapport aux périodes précédentes",
    },
    "reason.falling": {
        "en": "falling compared with earlier periods",
        "fr": "en baisse par rapport aux périodes précédentes",
    },
    "reason.mostly-verified": {
        "en": "most incidents verified",
        "fr": "la plupart des incidents vérifiés",
    },
    "concern.none": {
        "en": "No principal concern stands out in the data for this period.",
        "fr": "Aucune préoccupation principale ne ressort des données de cette période.",
    },
    "chart.month": {
        "en": "Incidents and victims per month",
        "fr": "Incidents et victimes par mois",
    },
    "chart.violation": {
        "en": "Incidents by type of violation",
        "fr": "Incidents par type de violation",
    },
    "chart.perpetrator": {
        "en": "Incidents by alleged perpetrator",
        "fr": "Incidents par auteur présumé",
    },
    "chart.area": {"en": "Incidents by area", "fr": "Incidents par zone"},
    "chart.legend_incidents": {"en": "Incidents", "fr": "Incidents"},
    "chart.legend_victims": {"en": "Victims", "fr": "Victimes"},
    "area.table": {"en": "Area", "fr": "Zone"},
    "signal.kind": {"en": "Signal", "fr": "Signal"},
    "signal.where": {"en": "Area", "fr": "Zone"},
    "signal.when": {"en": "Period", "fr": "Période"},
    "signal.observed": {"en": "Observed / expected", "fr": "Observé / attendu"},
    "signal.summary": {"en": "What was seen", "fr": "Constat"},
    "signal.spike": {"en": "Unusual rise", "fr": "Hausse inhabituelle"},
    "signal.new-violation": {"en": "New type of violation", "fr": "Nouveau type de violation"},
    "signal.escalation": {"en": "Escalation", "fr": "Escalade"},
    "signal.protected-group": {"en": "Protected group targeted", "fr": "Groupe protégé visé"},
    "signal.none": {
        "en": "No early-warning signal was raised for this period.",
        "fr": "Aucun signal d'alerte précoce n'a été relevé pour cette période.",
    },
    "risk.none": {
        "en": "No risk assessment under the Framework of Analysis for Atrocity Crimes has been "
        "recorded for this scope yet.",
        "fr": "Aucune évaluation des risques selon le Cadre d'analyse des atrocités criminelles "
        "n'a encore été enregistrée pour cette portée.",
    },
    "risk.intro": {
        "en": "Latest assessment under the UN Framework of Analysis for Atrocity Crimes: "
        "{scope}, {start} to {end}, assessed on {assessed}.",
        "fr": "Dernière évaluation selon le Cadre d'analyse des atrocités criminelles des Nations "
        "Unies : {scope}, du {start} au {end}, évaluée le {assessed}.",
    },
    "risk.overall": {"en": "Overall risk: {rating}", "fr": "Risque global : {rating}"},
    "risk.factor": {"en": "Risk factor", "fr": "Facteur de risque"},
    "risk.rating": {"en": "Rating", "fr": "Niveau"},
    "risk.change": {"en": "Since previous", "fr": "Depuis la précédente"},
    "risk.evidence": {"en": "Incidents cited", "fr": "Incidents cités"},
    "risk.up": {"en": "▲ higher", "fr": "▲ plus élevé"},
    "risk.down": {"en": "▼ lower", "fr": "▼ plus bas"},
    "risk.same": {"en": "unchanged", "fr": "inchangé"},
    "risk.new": {"en": "first rating", "fr": "première évaluation"},
    "risk.unclear": {"en": "now unknown", "fr": "désormais inconnu"},
    "risk.first": {"en": "—", "fr": "—"},
    "recommendations.none": {
        "en": "No recommendations were written for this report.",
        "fr": "Aucune recommandation n'a été rédigée pour ce rapport.",
    },
    "method.sources": {
        "en": "Figures come from incidents recorded by the Human Rights Adviser from direct "
        "monitoring, interviews with victims and witnesses, and information from civil society, "
        "UN entities, officials and open sources. Each source is rated for reliability and "
        "each item of information for credibility.",
        "fr": "Les chiffres proviennent des incidents enregistrés par le Conseiller aux droits "
        "de l'homme à partir de la surveillance directe, d'entretiens avec des victimes et des "
        "témoins, et d'informations de la société civile, d'entités des Nations Unies, "
        "d'autorités et de sources ouvertes. La fiabilité de chaque source et la crédibilité de "
        "chaque information sont évaluées.",
    },
    "method.standard": {
        "en": "An incident is counted as verified when there are reasonable grounds to believe "
        "that it occurred as described, the standard of proof used by OHCHR; "
        "{share} of the incidents counted here meet it. Other incidents are credible or "
        "reported but not yet verified; discounted incidents are never counted.",
        "fr": "Un incident est considéré comme vérifié lorsqu'il existe des motifs raisonnables "
        "de croire qu'il s'est produit tel que décrit, critère de preuve utilisé par le HCDH ; "
        "{share} des incidents comptés ici y satisfont. Les autres sont crédibles ou signalés "
        "mais pas encore vérifiés ; les incidents écartés ne sont jamais comptés.",
    },
    "method.protection": {
        "en": "Only incidents whose sensitivity and the consent given for their use allow them "
        "to appear in a {marking} document for this audience are counted, and no victim, "
        "witness or source is named. Figures may therefore be lower than the totals recorded.",
        "fr": "Seuls sont comptés les incidents dont la sensibilité et le consentement donné "
        "pour leur utilisation permettent de les faire figurer dans un document {marking} pour "
        "ces destinataires ; aucune victime, aucun témoin ni aucune source n'est nommé. Les "
        "chiffres peuvent donc être inférieurs aux totaux enregistrés.",
    },
    "method.period": {
        "en": "An incident is counted in the period only if all the dates on which it may have "
        "occurred fall within it. {imprecise} incidents with imprecise dates that may fall "
        "partly outside the period are not counted. Changes compare the period with the "
        "period of equal length just before it.",
        "fr": "Un incident n'est compté dans la période que si toutes les dates auxquelles il "
        "peut avoir eu lieu s'y trouvent. {imprecise} incidents aux dates imprécises pouvant "
        "déborder de la période ne sont pas comptés. Les évolutions comparent la période à la "
        "période de même durée qui la précède.",
    },
    "method.limits": {
        "en": "The data reflect what could be documented, not everything that happened: access, "
        "security, fear of reprisals and under-reporting (in particular of sexual violence) "
        "limit what reaches the office. Trends may reflect changes in monitoring as well as "
        "in violations.",
        "fr": "Les données reflètent ce qui a pu être documenté, et non tout ce qui s'est "
        "produit : l'accès, la sécurité, la crainte de représailles et la sous-déclaration (en "
        "particulier des violences sexuelles) limitent ce qui parvient au bureau. Les "
        "tendances peuvent refléter des changements dans la surveillance autant que dans les "
        "violations.",
    },
    "method.small": {
        "en": "To protect the people concerned, counts of one or two are shown as <3 (and the "
        "size of a change is not given when it involves one), and breakdowns are given as "
        "tables rather than charts.",
        "fr": "Pour protéger les personnes concernées, les effectifs de un ou deux sont indiqués "
        "« <3 » (et l'ampleur d'une évolution qui en dépend n'est pas donnée), et les "
        "ventilations sont présentées en tableaux plutôt qu'en graphiques.",
    },
    "annex.note": {
        "en": "The {shown} most serious of {total} incidents counted, most serious first "
        "(killings, then other grave harm, then the number of victims). Locations are given "
        "by first-level area.",
        "fr": "Les {shown} incidents les plus graves sur les {total} comptés, du plus grave au "
        "moins grave (meurtres, puis autres atteintes graves, puis nombre de victimes). Les "
        "lieux sont indiqués par zone de premier niveau.",
    },
    "annex.note_all": {
        "en": "All {total} incidents counted, most serious first. Locations are given by "
        "first-level area.",
        "fr": "Les {total} incidents comptés, du plus grave au moins grave. Les lieux sont "
        "indiqués par zone de premier niveau.",
    },
    "annex.refs": {
        "en": "Incidents are identified by reference number, not by title: titles can name "
        "places and people.",
        "fr": "Les incidents sont identifiés par leur référence et non par leur titre, qui peut "
        "nommer des lieux et des personnes.",
    },
    "annex.date": {"en": "Date", "fr": "Date"},
    "annex.area": {"en": "Area", "fr": "Zone"},
    "annex.incident": {"en": "Incident", "fr": "Incident"},
    "annex.violations": {"en": "Violations", "fr": "Violations"},
    "annex.perpetrators": {"en": "Alleged perpetrators", "fr": "Auteurs présumés"},
    "annex.killed": {"en": "Killed", "fr": "Tués"},
    "annex.victims": {"en": "Victims", "fr": "Victimes"},
    "annex.status": {"en": "Status", "fr": "Statut"},
    "status.reported": {"en": "reported", "fr": "signalé"},
    "status.credible": {"en": "credible", "fr": "crédible"},
    "status.verified": {"en": "verified", "fr": "vérifié"},
    "status.discounted": {"en": "discounted", "fr": "écarté"},
    "n_a": {"en": "n/a", "fr": "s.o."},
}

_MONTHS = {
    "en": [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ],
    "fr": [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ],
}  # fmt: skip
_SHORT_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fr": [
        "janv.", "févr.", "mars", "avr.", "mai", "juin",
        "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ],
}  # fmt: skip


# (singular, plural) of the nouns counted in sentences.
NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "incident": {"en": ("incident", "incidents"), "fr": ("incident", "incidents")},
    "victim": {"en": ("victim", "victims"), "fr": ("victime", "victimes")},
}


def counted(shown: str, value: int, noun: str, lang: str) -> str:
    """ "1 incident", "12 incidents", "<3 incidents" (*shown* is the count as printed)."""
    forms = NOUNS[noun].get(lang) or NOUNS[noun]["en"]
    return f"{shown} {forms[0] if value == 1 and shown == '1' else forms[1]}"


def text(key: str, lang: str, **values: object) -> str:
    """The fixed text *key* in *lang* (English if the language is unknown), filled in."""
    by_lang = TEXTS[key]
    template = by_lang.get(lang) or by_lang["en"]
    return template.format(**values) if values else template


def number(value: int | float, lang: str) -> str:
    """1,234 in English, 1 234 (narrow no-break space) in French."""
    formatted = f"{value:,.0f}" if isinstance(value, int) else f"{value:,.1f}"
    if lang == "fr":
        return formatted.replace(",", "\u202f").replace(".", ",")
    return formatted


def percent(share: float | None, lang: str) -> str:
    """A share of 1 as a whole percentage: 45% / 45 %."""
    if share is None:
        return text("n_a", lang)
    value = f"{round(share * 100):d}"
    return f"{value}\u202f%" if lang == "fr" else f"{value}%"


def long_date(day: dt.date, lang: str) -> str:
    """3 July 2025 / 3 juillet 2025 (1er for the first day in French)."""
    if lang == "fr":
        first = "1er" if day.day == 1 else str(day.day)
        return f"{first} {_MONTHS['fr'][day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS['en'][day.month - 1]} {day.year}"


def short_date(day: dt.date, lang: str) -> str:
    """3 Jul 2025 / 3 juil. 2025, for tables."""
    return f"{day.day} {_SHORT_MONTHS.get(lang, _SHORT_MONTHS['en'])[day.month - 1]} {day.year}"


def month_label(key: str, lang: str) -> str:
    """A short label for a month bucket key "2025-04": "Apr 2025" / "avr. 2025"."""
    year, month = key.split("-")[:2]
    return f"{_SHORT_MONTHS.get(lang, _SHORT_MONTHS['en'])[int(month) - 1]} {year}"


def period_text(start: dt.date, end: dt.date, lang: str) -> str:
    if lang == "fr":
        return f"du {long_date(start, lang)} au {long_date(end, lang)}"
    return f"{long_date(start, lang)} – {long_date(end, lang)}"
