"""Fictional demonstration data: plausible incidents in the invented country Arcadia (XA).

The app has to be shown, tested and benchmarked without a single real victim,
place, organisation or event. Everything here is invented: the country is the
ISO user-assigned code ``XA``, areas and towns come from
resources/gazetteers/XA.json, people are described only by role and age, and
every incident carries the tag ``demo``. Weights and text templates live in
resources/demo/profile.json.

The data looks like three years of a real monitoring database (weighted areas,
seasonality, a slow trend, co-occurring violations, heavy-tailed victim counts)
with a few documented escalations (``demo_episodes``), so analysis and early
warning can be tested against a known answer. The output is a pure function of
(count, seed, until): same inputs, same incidents, same ids.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import math
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from hradvisor.model.dates import format_date
from hradvisor.model.ids import uuid7
from hradvisor.model.incident import Incident, Location, Source
from hradvisor.model.victims import SEX_AGE, VictimCounts
from hradvisor.model.vocabularies import codes
from hradvisor.resources import read_json_resource

COUNTRY = "XA"
DEMO_TAG = "demo"
YEARS = 3
_DAY_MS = 86_400_000
_EPOCH = dt.date(1970, 1, 1)
_SOURCE_COUNTS = {True: (2, 2, 3), False: (1, 1, 1, 2, 2, 3)}  # verified: several sources
T = TypeVar("T")


@dataclass(frozen=True)
class Episode:
    """An escalation injected into the demo data, documented so that tests of the
    analysis and early-warning code can check it is found.

    From ``start`` to ``end`` the daily rate of ``violation`` in ``admin1``
    (``"*"``: every area) is ``multiplier`` times its usual rate. For a violation
    new to the area, "usual" is the rate of similar areas: before, it is absent.
    """

    name: str
    admin1: str
    violation: str
    start: dt.date
    end: dt.date
    multiplier: float


# name, admin1, violation, starts this many days before `until`, lasts (days), multiplier, tag
_EPISODES = (
    ("Duskwater killings surge", "XA-07", "killing", 760, 42, 6.0, None),
    ("Election-period crackdown on protests", "*", "freedom-of-assembly", 430, 35, 5.0, "election"),
    ("Attacks on defenders in Varnholt", "XA-01", "attack-on-hrd", 230, 56, 4.0, None),
    ("Child recruitment appears in Iron Delta", "XA-12", "child-recruitment", 70, 71, 3.0, None),
)
# Area × violation pairs absent from the data until their episode starts.
_NEW_TYPES = frozenset({("XA-12", "child-recruitment")})


def demo_episodes(until: dt.date) -> tuple[Episode, ...]:
    """The escalations in data generated up to *until*, oldest first; the last is current."""
    episodes = []
    for name, admin1, violation, before, days, multiplier, _tag in _EPISODES:
        start = until - dt.timedelta(days=before)
        end = min(until, start + dt.timedelta(days=days - 1))
        episodes.append(Episode(name, admin1, violation, start, end, multiplier))
    return tuple(episodes)


def generate_incidents(count: int, *, seed: int, until: dt.date) -> Iterator[Incident]:
    """Lazily yield *count* fictional incidents dated in the three years up to *until*.

    Incidents come in the order of the day they happened on (a month or year
    date is written coarser but stands for a day in that order). Only
    ``random.Random(seed)`` is used, never the clock, so the same arguments give
    identical incidents and ids; each passes ``incident_from_json(..., today=until)``.
    """
    if count < 0:
        raise ValueError("count must be ≥ 0")
    rng = random.Random(seed)  # noqa: S311 -- reproducible fiction, not a secret
    return _walk(count, rng, _Builder(rng, _profile(), until))


def _walk(count: int, rng: random.Random, builder: _Builder) -> Iterator[Incident]:
    """Draw *count* sorted points on the cumulative daily intensity, one at a time.

    Each point is the smallest of the remaining uniforms above the previous one
    (order statistics), so no list of dates is ever held in memory.
    """
    cum, last = builder.timeline.cum, len(builder.timeline.cum) - 1
    position, day = 0.0, 0
    for remaining in range(count, 0, -1):
        position = 1.0 - (1.0 - position) * (1.0 - rng.random()) ** (1.0 / remaining)
        while day < last and cum[day] < position:
            day += 1
        low = cum[day - 1] if day else 0.0
        fraction = min(max((position - low) / (cum[day] - low), 0.0), 0.999_999)
        yield builder.incident(day, fraction)


def _pick(rng: random.Random, items: Sequence[T]) -> T:
    """``rng.choice`` without its exactness loop: several times faster, same spirit."""
    return items[int(rng.random() * len(items))]


class _Weighted(Generic[T]):
    """Items with weights, each pick one ``rng.random()`` and a bisection."""

    __slots__ = ("bounds", "items", "total")

    def __init__(self, pairs: Iterable[tuple[T, float]]) -> None:
        kept = [(item, float(weight)) for item, weight in pairs if weight > 0]
        self.items = [item for item, _ in kept]
        self.bounds = list(itertools.accumulate(weight for _, weight in kept))
        self.total = self.bounds[-1]
        self.bounds[-1] = math.inf  # rounding can never pick past the end

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect.bisect_right(self.bounds, rng.random() * self.total)]


def _weighted(mapping: Mapping[str, Any]) -> _Weighted[str]:
    return _Weighted((str(key), float(value)) for key, value in mapping.items())


class _Area:
    """One admin1 area: its weight, kind (capital, urban, rural, conflict) and towns."""

    def __init__(self, geo: Mapping[str, Any], spec: Mapping[str, Any]) -> None:
        self.code, self.name = str(geo["code"]), str(geo["name"])
        self.kind, self.weight, self.tag = str(spec["kind"]), float(spec["weight"]), spec["tag"]
        self.groups = [(str(g), float(p)) for g, p in spec.get("groups", [])]
        self.towns = [  # admin2 code, town, lat, lon
            (str(admin2["code"]), str(p["name"]), float(p["lat"]), float(p["lon"]))
            for admin2 in geo["admin2"]
            for p in admin2["places"]
        ]


class _Violation:
    """One violation type: weights, companions, perpetrators, victims and templates."""

    def __init__(self, code: str, spec: Mapping[str, Any]) -> None:
        self.code, self.weight, self.affinity = code, float(spec["weight"]), spec["affinity"]
        self.rights: tuple[str, ...] = tuple(spec["rights"])
        self.companions = [(str(c), float(p)) for c, p in spec["companions"]]
        self.perpetrators = _weighted(spec["perpetrators"])
        self.victims = spec["victims"]  # outcome, zero, mean, tail, scale, unknown_all, sex
        self.outcome: str | None = self.victims["outcome"]
        self.sex_weights = [float(self.victims["sex"][group]) for group in SEX_AGE]
        self.sex = _Weighted(enumerate(self.sex_weights))  # index into SEX_AGE
        self.groups = [(str(g), float(p)) for g, p in spec["groups"]]
        self.group_one_of = _weighted(spec["group_one_of"]) if spec["group_one_of"] else None
        self.cases = [(str(title), str(event)) for title, event in spec["cases"]]
        self.quiet_cases = [c for c in self.cases if "ictims}" not in c[0] + c[1]] or self.cases
        self.details: list[str] = spec["details"]


class _Profile:
    """Weights and templates from resources/demo/profile.json, towns from the gazetteer."""

    def __init__(self) -> None:
        doc = read_json_resource("demo", "profile.json")
        gazetteer = read_json_resource("gazetteers", f"{COUNTRY}.json")
        self.areas = [_Area(geo, doc["areas"][geo["code"]]) for geo in gazetteer["admin1"]]
        self.violations = {c: _Violation(c, doc["violations"][c]) for c in codes("violations")}
        self.sources = _source_table(doc["sources"])
        self.status = {name: _weighted(weights) for name, weights in doc["status"].items()}
        self.texts: Mapping[str, Any] = doc["texts"]


_profile = functools.cache(_Profile)  # read the resources once


def _source_table(spec: Mapping[str, Mapping[str, float]]) -> _Weighted[Source]:
    """Every (type, reliability, credibility, consent) as one shared frozen Source, weighted
    as independent choices: one draw per source, and fewer objects for the GC to scan."""
    tables = [spec[key].items() for key in ("types", "reliability", "credibility", "consent")]
    return _Weighted(
        (Source(t, r, int(c), consent), wt * wr * wc * wn)
        for (t, wt), (r, wr), (c, wc), (consent, wn) in itertools.product(*tables)
    )


_Cell = tuple[_Area, _Violation]
_Codes = tuple[str, ...]


class _Timeline:
    """How many incidents each day gets, and which area × violation they fall in.

    Daily intensity = seasonality × slow upward trend × the sum of the cell
    rates, a cell's rate being area weight × violation weight × the affinity of
    the area's kind for it, multiplied while an episode covering it runs.
    """

    def __init__(self, profile: _Profile, start: dt.date, until: dt.date) -> None:
        self.episodes = demo_episodes(until)
        cells = [(a, v) for a in profile.areas for v in profile.violations.values()]
        self.days = [start + dt.timedelta(days=i) for i in range((until - start).days + 1)]
        regimes: dict[tuple[int, ...], _Weighted[_Cell]] = {}
        self.regime: list[_Weighted[_Cell]] = []
        intensity = []
        for index, day in enumerate(self.days):
            key = tuple((day >= e.start) + (day > e.end) for e in self.episodes)
            if key not in regimes:
                regimes[key] = _Weighted((cell, self._rate(cell, key)) for cell in cells)
            self.regime.append(regimes[key])
            season = 1.0 + 0.2 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 80) / 365.25)
            trend = 0.8 + 0.4 * index / len(self.days)
            intensity.append(season * trend * regimes[key].total)
        total = sum(intensity)
        self.cum = [c / total for c in itertools.accumulate(intensity)]

    def _rate(self, cell: _Cell, states: tuple[int, ...]) -> float:
        """Rate of *cell* when each episode is before (0), in (1) or after (2) its window."""
        area, violation = cell
        rate = area.weight * violation.weight * float(violation.affinity[area.kind])
        for episode, state in zip(self.episodes, states, strict=True):
            if episode.violation != violation.code or episode.admin1 not in ("*", area.code):
                continue
            if state == 0 and (area.code, violation.code) in _NEW_TYPES:
                return 0.0
            rate *= episode.multiplier if state == 1 else 1.0
        return rate


class _Builder:
    """Turns (day, fraction of the day) into one Incident; every choice from one rng.

    Equal locations, victim counts and rights lists are shared between incidents:
    they are frozen, and fewer objects keep a 100,000-incident list cheap for the GC.
    """

    def __init__(self, rng: random.Random, profile: _Profile, until: dt.date) -> None:
        self.rng, self.profile, self.texts, self.until = rng, profile, profile.texts, until
        self.start = _years_before(until, YEARS)
        self.timeline = _Timeline(profile, self.start, until)
        self.days, self.iso = self.timeline.days, [d.isoformat() for d in self.timeline.days]
        tags = [spec[6] for spec in _EPISODES]
        self.episode_tags = [(e, t) for e, t in zip(self.timeline.episodes, tags, strict=True) if t]
        self.group_rank = {code: rank for rank, code in enumerate(codes("victim-groups"))}
        self.locations: dict[tuple[str, str | None, str | None], Location] = {}
        self.combos: dict[_Codes, tuple[list[_Violation], _Codes]] = {}
        self.victim_counts: dict[tuple[tuple[str, tuple[int, ...]], ...], VictimCounts] = {}

    def incident(self, index: int, fraction: float) -> Incident:
        rng, day = self.rng, self.days[index]
        area, primary = self.timeline.regime[index].pick(rng)
        codes_, violations, rights = self._violations(primary)
        victims = self._victims(violations)
        groups = self._groups(violations, victims, area)
        date, precision, date_end = self._dates(index)
        location, place = self._location(area)
        sources, verification = self._sources(index)
        perpetrators = self._perpetrators(violations)
        who = self._victim_phrase(victims, primary, groups)
        title, event = _pick(rng, primary.cases if who else primary.quiet_cases)
        phrases = self._phrases(area, place, perpetrators[0], precision, day, who or "residents")
        sensitivity, consent = self._classification(primary, groups)
        ms = (day - _EPOCH).days * _DAY_MS + int(fraction * _DAY_MS)
        return Incident(
            id=uuid7(unix_ms=ms, random_bits=rng.getrandbits(74)),
            title=title.format_map(phrases),
            date=date,
            date_end=date_end,
            date_precision=precision,
            location=location,
            violations=codes_,
            rights=rights,
            perpetrators=perpetrators,
            victims=victims,
            victim_groups=groups,
            narrative=self._narrative(event, violations, sources[0].type, phrases),
            sources=sources,
            verification=verification,
            sensitivity=sensitivity,
            consent=consent,
            tags=self._tags(area, codes_, day),
            follow_up=self._follow_up(),
        )

    def _violations(self, primary: _Violation) -> tuple[_Codes, list[_Violation], _Codes]:
        """The primary violation, up to two that usually come with it, and their rights."""
        chosen = [primary.code]
        for code, probability in primary.companions:
            if len(chosen) < 3 and self.rng.random() < probability:
                chosen.append(code)
        key = tuple(chosen)
        if key not in self.combos:
            found = [self.profile.violations[code] for code in key]
            self.combos[key] = found, tuple(dict.fromkeys(r for v in found for r in v.rights))
        found, rights = self.combos[key]
        return key, found, rights

    def _victims(self, violations: list[_Violation]) -> VictimCounts:
        """One count per violation with a victim outcome; some have none (zero allowed)."""
        rng, cells = self.rng, dict[str, list[int]]()
        for violation in violations:
            spec = violation.victims
            if violation.outcome is None or rng.random() < spec["zero"]:
                continue
            n = self._count(spec)
            counts = cells.setdefault(violation.outcome, [0, 0, 0, 0, 0])  # in SEX_AGE order
            if rng.random() < spec["unknown_all"]:
                counts[-1] += n  # only the total is known
            elif n <= 8:
                for _ in range(n):
                    counts[violation.sex.pick(rng)] += 1
            else:
                _spread(rng, n, violation.sex_weights, counts)
        key = tuple((outcome, tuple(counts)) for outcome, counts in cells.items())
        if key not in self.victim_counts:
            by_outcome = {outcome: dict(zip(SEX_AGE, c, strict=True)) for outcome, c in key}
            self.victim_counts[key] = VictimCounts(by_outcome)
        return self.victim_counts[key]

    def _count(self, spec: Mapping[str, Any]) -> int:
        """Mostly 1–3 (geometric); with probability ``tail`` a Pareto draw (up to thousands)."""
        rng = self.rng
        if rng.random() < spec["tail"]:
            return min(3_000, int(spec["scale"] * rng.paretovariate(1.3)))
        if spec["mean"] <= 1:
            return 1
        return 1 + int(math.log(1.0 - rng.random()) / math.log(1.0 - 1.0 / spec["mean"]))

    def _groups(self, violations: list[_Violation], victims: VictimCounts, area: _Area) -> _Codes:
        """Victim groups consistent with the violations, the area and the victims' ages."""
        rng = self.rng
        found = {g for v in violations for g, p in v.groups if rng.random() < p}
        found.update(g for g, p in area.groups if rng.random() < p)
        found.update(v.group_one_of.pick(rng) for v in violations if v.group_one_of)
        if any(c["girls"] or c["boys"] for _, c in victims.items()) and rng.random() < 0.4:
            found.add("children")
        if not any(c["women"] or c["girls"] for _, c in victims.items()):
            found.discard("women")
        return tuple(sorted(found, key=self.group_rank.__getitem__))

    def _dates(self, index: int) -> tuple[str, str, str | None]:
        """~90 % exact day, ~8 % month, ~2 % year, never starting before the window;
        ~4 % have an end date (same precision, after the start, not after `until`)."""
        rng, day, roll = self.rng, self.days[index], self.rng.random()
        precision = "day" if roll < 0.90 else "month" if roll < 0.98 else "year"
        if precision == "year" and dt.date(day.year, 1, 1) < self.start:
            precision = "month"
        if precision == "month" and day.replace(day=1) < self.start:
            precision = "day"
        date = self.iso[index] if precision == "day" else format_date(day, precision)
        if precision == "year" or rng.random() >= 0.04:
            return date, precision, None
        if precision == "day":
            last = min(self.until, day + dt.timedelta(days=1 + int(rng.random() * 12)))
        else:
            last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return date, precision, format_date(last, precision) if day < last <= self.until else None

    def _location(self, area: _Area) -> tuple[Location, str]:
        """The location, and the town the text names (even when the record leaves it out)."""
        rng = self.rng
        admin2, town, lat, lon = _pick(rng, area.towns)
        admin2_code = admin2 if rng.random() < 0.7 else None
        key = (area.code, admin2_code, town if rng.random() < 0.75 else None)
        if key[2] is not None and rng.random() < 0.15:
            lat, lon = (
                round(lat + rng.uniform(-0.02, 0.02), 4),
                round(lon + rng.uniform(-0.02, 0.02), 4),
            )
            return Location(COUNTRY, *key, lat, lon), town
        if key not in self.locations:
            self.locations[key] = Location(COUNTRY, *key)
        return self.locations[key], town

    def _sources(self, index: int) -> tuple[tuple[Source, ...], str]:
        """Sources and verification: older incidents are more often verified, by ≥ 2 sources."""
        rng, table, notes = self.rng, self.profile.sources, self.texts["source_notes"]
        roll, verified = rng.random(), 0.15 + 0.55 * (1.0 - index / len(self.days))
        bounds = (
            (0.03, "discounted"),
            (0.03 + verified, "verified"),
            (0.25 + verified, "credible"),
        )
        status = next((value for bound, value in bounds if roll < bound), "reported")
        several = status == "verified" and rng.random() < 0.95
        sources = [table.pick(rng) for _ in range(_pick(rng, _SOURCE_COUNTS[several]))]
        if rng.random() < 0.15:
            s = sources[0]
            sources[0] = Source(s.type, s.reliability, s.credibility, s.consent, _pick(rng, notes))
        return tuple(sources), status

    def _perpetrators(self, violations: list[_Violation]) -> tuple[str, ...]:
        """One perpetrator category, weighted by the primary violation; sometimes two."""
        first = violations[0].perpetrators.pick(self.rng)
        if len(violations) > 1 and first != "unknown" and self.rng.random() < 0.12:
            second = violations[1].perpetrators.pick(self.rng)
            if second not in (first, "unknown"):
                return first, second
        return (first,)

    def _classification(self, primary: _Violation, groups: _Codes) -> tuple[str, str]:
        """Sensitivity and consent. Sexual violence is always strictly confidential and
        mostly internal only; cases involving children are mostly strictly confidential."""
        rng, status = self.rng, self.profile.status
        if primary.code == "sexual-violence":
            return "strictly-confidential", status["consent_protected"].pick(rng)
        strict = "children" in groups and rng.random() < 0.7
        sensitivity = "strictly-confidential" if strict else status["sensitivity"].pick(rng)
        return sensitivity, status["consent"].pick(rng)

    def _phrases(
        self, area: _Area, place: str, perpetrator: str, precision: str, day: dt.date, who: str
    ) -> dict[str, str]:
        """The values the title and narrative templates are filled with."""
        rng = self.rng
        perp = _pick(rng, self.texts["perpetrators"][perpetrator])
        when = _pick(rng, self.texts["when"][precision])
        if precision != "day":
            when = when.format(month=day.strftime("%B %Y"), year=day.year)
        phrases = {"place": place, "area": area.name, "When": when, "victims": who}
        return phrases | {"perp": perp, "Perp": _capital(perp), "Victims": _capital(who)}

    def _victim_phrase(
        self, victims: VictimCounts, primary: _Violation, groups: tuple[str, ...]
    ) -> str | None:
        """'a 34-year-old teacher', 'two journalists', 'seven civilians': roles, never names.
        None when the primary violation counts no victims (the text then names none)."""
        rng, texts = self.rng, self.texts
        by_group = victims.cells.get(primary.outcome or "")
        if not by_group:
            return None
        present = [group for group, n in by_group.items() if n]
        total = sum(by_group.values())
        if total == 1 and present[0] in ("girls", "boys"):
            return f"a {8 + int(rng.random() * 10)}-year-old {present[0][:-1]}"
        if total == 1:
            roles = [texts["one_by_group"][g] for g in groups if g in texts["one_by_group"]]
            if roles or present == ["unknown"]:
                return str(_pick(rng, roles[0])) if roles else "one person"
            return f"a {19 + int(rng.random() * 50)}-year-old {_pick(rng, texts['occupations'])}"
        numbers = texts["numbers"]
        number = numbers[total] if total < len(numbers) else f"{total:,}"
        named = [texts["many_by_group"][g] for g in groups if g in texts["many_by_group"]]
        if named and rng.random() < 0.7:
            return f"{number} {named[0]}"
        kind = present[0] if present in (["men"], ["women"]) else "mixed"
        kind = "children" if set(present) <= {"girls", "boys"} else kind
        return f"{number} {_pick(rng, texts['many_by_sex'][kind])}"

    def _narrative(
        self, event: str, violations: list[_Violation], source: str, phrases: dict[str, str]
    ) -> str:
        """Two to six sentences: what happened, details, context, the source, what next."""
        rng, texts = self.rng, self.texts
        sentences = [event]
        if rng.random() < 0.7:
            sentences.append(_pick(rng, violations[0].details))
        sentences += [_pick(rng, v.details) for v in violations[1:] if rng.random() < 0.5]
        if rng.random() < 0.4:
            sentences.append(_pick(rng, texts["context"]))
        if rng.random() < 0.5:
            sentences.append(texts["source_lines"][source])
        if len(sentences) < 2 or rng.random() < 0.35:
            sentences.append(_pick(rng, texts["aftermath"]))
        return " ".join(sentences[:6]).format_map(phrases)

    def _tags(self, area: _Area, violations: tuple[str, ...], day: dt.date) -> tuple[str, ...]:
        """Always "demo"; sometimes an episode tag (e.g. "election") or the area's tag."""
        rng = self.rng
        for episode, tag in self.episode_tags:
            if episode.violation in violations and episode.start <= day <= episode.end:
                return (DEMO_TAG, tag) if rng.random() < 0.8 else (DEMO_TAG,)
        return (DEMO_TAG, area.tag) if area.tag and rng.random() < 0.2 else (DEMO_TAG,)

    def _follow_up(self) -> tuple[str, ...]:
        rng, actions = self.rng, self.texts["follow_up"]
        if rng.random() >= 0.2:
            return ()
        first, second = _pick(rng, actions), _pick(rng, actions)
        return (first, second) if first != second and rng.random() < 0.25 else (first,)


def _spread(rng: random.Random, n: int, weights: list[float], counts: list[int]) -> None:
    """Add *n* victims to *counts* in proportion to *weights*, rounding at random
    (one draw per group, not per victim: displacement counts run to thousands)."""
    total, added = sum(weights), 0
    for index, weight in enumerate(weights):
        share = n * weight / total
        whole = min(n - added, int(share) + (rng.random() < share % 1))
        counts[index] += whole
        added += whole
    counts[weights.index(max(weights))] += n - added


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day *years* earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
