"""The demo generator: deterministic, valid, fictional, and with findable episodes."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

import pycountry
import pytest

from hradvisor.demo import Episode, demo_episodes, generate_incidents
from hradvisor.model import Incident, incident_from_json, incident_to_json, period
from hradvisor.resources import read_json_resource

UNTIL = dt.date(2026, 11, 23)
START = dt.date(2023, 11, 23)  # three years before UNTIL


@pytest.fixture(scope="module")
def sample() -> list[Incident]:
    return list(generate_incidents(2_000, seed=11, until=UNTIL))


@pytest.fixture(scope="module")
def large() -> list[Incident]:
    return list(generate_incidents(20_000, seed=3, until=UNTIL))


def as_json(incidents: Iterable[Incident]) -> list[dict[str, object]]:
    return [incident_to_json(incident) for incident in incidents]


def test_same_seed_gives_identical_incidents_and_ids() -> None:
    global_state = random.getstate()
    first = as_json(generate_incidents(300, seed=7, until=UNTIL))
    assert random.getstate() == global_state  # the global generator plays no part
    second = as_json(generate_incidents(300, seed=7, until=UNTIL))
    other = as_json(generate_incidents(300, seed=8, until=UNTIL))
    assert first == second
    assert first != other
    assert {i["id"] for i in first}.isdisjoint({i["id"] for i in other})


def test_every_incident_round_trips_through_validation(sample: list[Incident]) -> None:
    for incident in sample:
        assert incident_from_json(incident_to_json(incident), today=UNTIL) == incident


def test_incidents_are_fictional_tagged_and_inside_the_three_years(
    sample: list[Incident],
) -> None:
    boxes = {a["code"]: a["bbox"] for a in read_json_resource("gazetteers", "XA.json")["admin1"]}
    assert len(sample) == 2_000
    assert len({i.id for i in sample}) == len(sample)
    for incident in sample:
        first, loc = incident.period()[0], incident.location
        assert loc.country == "XA" and loc.admin1 in boxes
        if loc.lat is not None and loc.lon is not None:
            south, west, north, east = boxes[loc.admin1]
            assert south <= loc.lat <= north and west <= loc.lon <= east
            assert round(loc.lat, 4) == loc.lat and round(loc.lon, 4) == loc.lon
        assert "demo" in incident.tags
        assert START <= first <= UNTIL
        if incident.date_end is not None:
            assert first < period(incident.date_end, incident.date_precision)[0] <= UNTIL


def test_incidents_come_in_date_order(sample: list[Incident]) -> None:
    days = [i.date for i in sample if i.date_precision == "day"]
    assert days == sorted(days)
    latest_start = START
    for incident in sample:  # coarser dates stand for a day in the same order
        first, last = incident.period()
        latest_start = max(latest_start, first)
        assert latest_start <= last
    id_times = [i.id[:13] for i in sample]  # the 48-bit millisecond prefix of the UUIDv7
    assert id_times == sorted(id_times)
    assert sample[0].date < "2024-01" and sample[-1].date >= "2026-10"


def test_distributions_look_like_monitoring_data(large: list[Incident]) -> None:
    precisions = [i.date_precision for i in large]
    assert 0.86 < precisions.count("day") / len(large) < 0.94
    assert precisions.count("year") > 0 and any(i.date_end for i in large)
    sexual_violence = [i for i in large if "sexual-violence" in i.violations]
    assert sexual_violence
    assert all(i.sensitivity == "strictly-confidential" for i in sexual_violence)
    assert all(i.victims.total() == 0 for i in large if i.violations == ("incitement",))
    assert max(i.victims.count("displaced") for i in large) >= 100
    assert sum(len(i.violations) > 1 for i in large) > len(large) / 4
    words = {w.strip(".,;").lower() for i in large[:500] for w in (i.narrative or "").split()}
    assert {"market", "checkpoint", "school", "protest"} <= words


def test_older_incidents_are_more_often_verified(large: list[Incident]) -> None:
    def verified_share(incidents: list[Incident]) -> float:
        return sum(i.verification == "verified" for i in incidents) / len(incidents)

    assert verified_share(large[:2_000]) > 2 * verified_share(large[-2_000:])


def test_episodes_are_placed_in_the_last_three_years() -> None:
    episodes = demo_episodes(UNTIL)
    assert 3 <= len(episodes) <= 4
    assert all(isinstance(e, Episode) and START < e.start < e.end <= UNTIL for e in episodes)
    assert (UNTIL - episodes[-1].start).days <= 92  # something for "current signals"
    assert any(e.admin1 == "*" for e in episodes)


@pytest.mark.parametrize("number", range(4))
def test_each_episode_is_visible_in_the_data(large: list[Incident], number: int) -> None:
    episode = demo_episodes(UNTIL)[number]
    length = episode.end - episode.start + dt.timedelta(days=1)
    inside = daily_rate(large, episode, episode.start, episode.end)
    before = daily_rate(large, episode, episode.start - length, episode.start - dt.timedelta(1))
    assert inside * length.days >= 5
    assert inside >= 2 * before


def daily_rate(incidents: list[Incident], episode: Episode, first: dt.date, last: dt.date) -> float:
    """Day-precision incidents of the episode's area × violation per day in [first, last]."""
    count = sum(
        1
        for i in incidents
        if i.date_precision == "day"
        and episode.violation in i.violations
        and episode.admin1 in ("*", i.location.admin1)
        and first <= dt.date.fromisoformat(i.date) <= last
    )
    return count / ((last - first).days + 1)


def test_new_violation_type_is_absent_before_its_episode(large: list[Incident]) -> None:
    episode = demo_episodes(UNTIL)[-1]
    earlier = [
        i
        for i in large
        if i.location.admin1 == episode.admin1
        and episode.violation in i.violations
        and i.period()[1] < episode.start
    ]
    assert earlier == []


def test_no_name_is_a_real_country_or_subdivision(large: list[Incident]) -> None:
    gazetteer = read_json_resource("gazetteers", "XA.json")
    names = {area["name"] for area in gazetteer["admin1"]}
    for area in gazetteer["admin1"]:
        for admin2 in area["admin2"]:
            names.add(admin2["name"])
            names.update(place["name"] for place in admin2["places"])
    used = {i.location.place for i in large if i.location.place}
    assert used and used <= names  # every place in the data comes from the gazetteer
    real = {country.name for country in pycountry.countries}
    real |= {getattr(country, "official_name", country.name) for country in pycountry.countries}
    real |= {getattr(country, "common_name", country.name) for country in pycountry.countries}
    real |= {subdivision.name for subdivision in pycountry.subdivisions}
    assert {name.casefold() for name in names}.isdisjoint(name.casefold() for name in real)


def test_generation_is_lazy_and_checks_its_count() -> None:
    first = next(generate_incidents(10**9, seed=1, until=UNTIL))
    assert first.date.startswith("2023-11")
    assert list(generate_incidents(0, seed=1, until=UNTIL)) == []
    with pytest.raises(ValueError, match="count"):
        generate_incidents(-1, seed=1, until=UNTIL)
