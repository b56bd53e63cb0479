"""``hradvisor incident add|list|show|edit|history``: JSON in and out, atomic, no overwrite."""

from __future__ import annotations

import io
import json
import re
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from hradvisor.model import incident_to_json
from tests.cli.conftest import Cli, add_incidents, count_incidents, incident_json
from tests.conftest import make_incident

HASH = re.compile(r"^[0-9a-f]{64}$")


def _is_uuid7(value: str) -> bool:
    return str(uuid.UUID(value)) == value and uuid.UUID(value).version == 7


def _add(cli: Cli, data: Any) -> list[dict[str, Any]]:
    return list(cli("incident", "add", "--json", stdin=data).ok().json())


def _show(cli: Cli, incident_id: str) -> dict[str, Any]:
    return dict(cli("incident", "show", "--json", incident_id).ok().json())


def _history(cli: Cli, incident_id: str) -> list[dict[str, Any]]:
    return list(cli("incident", "history", "--json", incident_id).ok().json())


# --- add -------------------------------------------------------------------------------------


def test_add_one_object_from_stdin_prints_its_new_uuid(cli: Cli, unlocked: Path) -> None:
    result = cli("incident", "add", stdin=incident_json(title="Raid on the Quillon market"))
    new_id = result.ok().out.strip()
    assert _is_uuid7(new_id), new_id
    assert result.err == ""
    assert _show(cli, new_id)["incident"]["title"] == "Raid on the Quillon market"


def test_add_a_list_from_a_file_with_json_output(cli: Cli, unlocked: Path, tmp_path: Path) -> None:
    given = [incident_json(title=f"Incident {n}", tags=[f"t{n}"]) for n in range(3)]
    path = tmp_path / "incidents.json"
    path.write_text(json.dumps(given, ensure_ascii=False), encoding="utf-8")
    stored = cli("incident", "add", "--json", path).ok().json()
    assert len(stored) == 3
    assert len({s["incident"]["id"] for s in stored}) == 3
    for data, item in zip(given, stored, strict=True):
        assert set(item) == {"incident", "head"}
        assert _is_uuid7(item["incident"]["id"])
        assert {k: v for k, v in item["incident"].items() if k != "id"} == data
        assert HASH.match(item["head"])
        assert _show(cli, item["incident"]["id"]) == item


def test_add_keeps_a_given_id_and_refuses_it_twice(cli: Cli, unlocked: Path) -> None:
    given = incident_to_json(make_incident())
    assert _add(cli, given)[0]["incident"] == given
    other = incident_json(title="Another one")
    message = cli("incident", "add", stdin=[other, given]).error(1)
    assert f"incident {given['id']} already exists" in message
    assert count_incidents(unlocked) == 1  # the whole list or nothing


def test_a_list_with_one_invalid_item_stores_nothing(cli: Cli, unlocked: Path) -> None:
    items = [incident_json(title=f"Incident {n}") for n in range(5)]
    items[3]["victims"] = {"killed": {"girls": -2}}
    message = cli("incident", "add", stdin=items).error(2)
    assert message == "[3].victims.killed.girls: must be ≥ 0"
    assert count_incidents(unlocked) == 0


def test_a_list_holding_one_id_twice_stores_nothing(cli: Cli, unlocked: Path) -> None:
    twice = incident_to_json(make_incident())
    assert "already exists" in cli("incident", "add", stdin=[twice, twice]).error(1)
    assert count_incidents(unlocked) == 0


def test_utf8_text_round_trips(cli: Cli, unlocked: Path) -> None:
    title = "Détention à Île-Verte — شاهد — Затримання"
    new_id = _add(cli, incident_json(title=title))[0]["incident"]["id"]
    assert _show(cli, new_id)["incident"]["title"] == title
    assert title in cli("incident", "show", new_id).ok().out


# --- list ------------------------------------------------------------------------------------


def _seed_filter_set(vault_dir: Path) -> dict[str, str]:
    incidents = {
        "A": make_incident(
            title="Alpha detention at the lantern works",
            date="2025-01-10",
            location={"country": "XA", "admin1": "XA-01"},
            violations=["arbitrary-detention"],
            verification="reported",
            perpetrators=["state-police"],
        ),
        "B": make_incident(
            title="Bravo killing near the ford",
            date="2025-02-10",
            location={"country": "XA", "admin1": "XA-02"},
            violations=["killing"],
            verification="verified",
            perpetrators=["non-state-armed-group"],
            victim_groups=["journalists"],
            sensitivity="strictly-confidential",
            narrative="Two reporters were shot.",
        ),
        "C": make_incident(
            title="Charlie displacement",
            date="2025-03",
            date_precision="month",
            location={"country": "XA", "admin1": "XA-02"},
            violations=["forced-displacement"],
            perpetrators=["pro-government-militia"],
            verification="credible",
            narrative="Families left the valley.",
        ),
        "D": make_incident(
            title="Delta expression",
            date="2024-12-31",
            date_end="2025-01-02",
            location={"country": "XA", "admin1": "XA-03"},
            violations=["freedom-of-expression", "arbitrary-detention"],
            perpetrators=["state-intelligence"],
            verification="verified",
            narrative="A blogger was held over new year.",
        ),
    }
    add_incidents(vault_dir, incidents.values())
    return {name: incident.id for name, incident in incidents.items()}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], "CBAD"),  # newest first: C is March 2025, D began on 2024-12-31
        (["--asc"], "DABC"),
        (["--violation", "arbitrary-detention"], "AD"),
        (["--violation", "killing", "--violation", "forced-displacement"], "CB"),
        (["--perpetrator", "state-police"], "A"),
        (["--victim-group", "journalists"], "B"),
        (["--admin1", "XA-02"], "CB"),
        (["--admin1", "XA-01", "--admin1", "XA-03"], "AD"),
        (["--country", "XA"], "CBAD"),
        (["--from", "2025-02-01"], "CB"),
        (["--to", "2025-01-01"], "D"),
        (["--from", "2025-01-02", "--to", "2025-01-05"], "D"),  # D ends on the 2nd
        (["--from", "2025-03-15", "--to", "2025-03-16"], "C"),  # C is "some day in March"
        (["--from", "2025-04-01"], ""),
        (["--text", "lantern"], "A"),
        (["--text", "reporters"], "B"),  # narrative
        (["--text", "Charl"], "C"),  # prefix of the last word
        (["--text", "blogger year"], "D"),  # every word
        (["--text", "lantern killing"], ""),
        (["--text", "\"'*"], "CBAD"),  # nothing to search for
        (["--verification", "verified"], "BD"),
        (["--verification", "verified", "--admin1", "XA-02"], "B"),
        (["--sensitivity", "strictly-confidential"], "B"),
        (["--sort", "title", "--asc"], "ABCD"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)
def test_list_filters(cli: Cli, unlocked: Path, argv: list[str], expected: str) -> None:
    ids = _seed_filter_set(unlocked)
    output = cli("incident", "list", "--json", *argv).ok().json()
    assert set(output) == {"total", "next", "incidents"}
    assert output["total"] == len(expected)
    assert output["next"] is None
    assert [i["id"] for i in output["incidents"]] == [ids[name] for name in expected]


def test_list_json_items_are_full_incidents(cli: Cli, unlocked: Path) -> None:
    incident = make_incident()
    add_incidents(unlocked, [incident])
    assert cli("incident", "list", "--json").ok().json() == {
        "total": 1,
        "next": None,
        "incidents": [incident_to_json(incident)],
    }


def _paging_set(vault_dir: Path) -> list[str]:
    incidents = [
        make_incident(
            title=("alpha", "Bravo", "charlie", "ALPHA", "delta")[n % 5] + f" {n // 5}",
            date=f"2025-0{1 + n % 3}-{10 + n % 4}",  # many equal dates: ties need the key
            victims={"killed": {"men": n % 4}},
            violations=["killing"] if n % 2 else ["arbitrary-detention"],
        )
        for n in range(23)
    ]
    return add_incidents(vault_dir, incidents)


def _all_pages(cli: Cli, *argv: str, limit: int) -> list[dict[str, Any]]:
    seen, cursor, totals = [], None, set()
    for _ in range(100):
        after = ["--after", cursor] if cursor else []
        page = cli("incident", "list", "--json", "--limit", str(limit), *argv, *after).ok().json()
        assert len(page["incidents"]) <= limit
        totals.add(page["total"])
        seen += page["incidents"]
        cursor = page["next"]
        if cursor is None:
            break
    assert len(totals) == 1
    assert totals.pop() == len(seen)
    return seen


def _sort_key(sort: str, incident: dict[str, Any]) -> Any:
    if sort == "date":
        return incident["date"]
    if sort == "title":
        return incident["title"].lower()
    return sum(sum(g.values()) for g in incident["victims"].values())


@pytest.mark.parametrize(
    "sort",
    ["date", "title", "victims", "updated"],
)
@pytest.mark.parametrize("order", ["desc", "asc"])
def test_paging_covers_every_incident_exactly_once(
    cli: Cli, unlocked: Path, sort: str, order: str
) -> None:
    ids = _paging_set(unlocked)
    argv = ["--sort", sort] + (["--asc"] if order == "asc" else [])
    seen = _all_pages(cli, *argv, limit=5)
    assert sorted(i["id"] for i in seen) == sorted(ids)
    if sort != "updated":
        keys = [_sort_key(sort, i) for i in seen]
        assert keys == sorted(keys, reverse=order == "desc")


def test_paging_with_a_filter_and_the_largest_page(cli: Cli, unlocked: Path) -> None:
    _paging_set(unlocked)
    killings = _all_pages(cli, "--violation", "killing", limit=1)
    assert len(killings) == 11 and all(i["violations"] == ["killing"] for i in killings)
    assert len({i["id"] for i in killings}) == 11
    assert len(_all_pages(cli, limit=1000)) == 23


def test_pages_do_not_shift_when_incidents_are_added_between_them(cli: Cli, unlocked: Path) -> None:
    ids = _paging_set(unlocked)
    page = cli("incident", "list", "--json", "--limit", "10").ok().json()
    seen = page["incidents"]
    newest, oldest = make_incident(date="2025-06-01"), make_incident(date="2024-06-01")
    add_incidents(unlocked, [newest, oldest])  # one before the cursor, one after it
    while page["next"]:
        after = ["--after", page["next"]]
        page = cli("incident", "list", "--json", "--limit", "10", *after).ok().json()
        assert page["total"] == 25
        seen += page["incidents"]
    assert sorted(i["id"] for i in seen) == sorted([*ids, oldest.id])


def test_list_human_output_shows_titles_and_counts(cli: Cli, unlocked: Path) -> None:
    _seed_filter_set(unlocked)
    text = cli("incident", "list").ok().out
    for title in ("Alpha detention", "Bravo killing", "Charlie displacement", "Delta expression"):
        assert title in text
    assert "4 shown of 4 matching." in text
    assert "Next page" not in text

    first = cli("incident", "list", "--limit", "3").ok().out
    assert "3 shown of 4 matching. Next page: --after " in first
    cursor = first.rsplit("--after ", 1)[1].strip()
    rest = cli("incident", "list", "--limit", "3", "--after", cursor).ok().out
    assert "1 shown of 4 matching." in rest and "Delta expression" in rest

    assert cli("incident", "list", "--violation", "torture-ill-treatment").ok().out == (
        "No incidents match.\n"
    )


@pytest.mark.parametrize(
    "cursor",
    ["not-a-cursor", "WyJ4IiwgMTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDBd"],  # ["x", 10**30]
    ids=["garbage", "huge-key"],
)
def test_a_bad_cursor_is_a_usage_error(cli: Cli, unlocked: Path, cursor: str) -> None:
    assert "--after" in cli("incident", "list", "--after", cursor).error(2)


@pytest.mark.parametrize(
    "argv",
    [["--country", "xa"], ["--country", "Arcadia"], ["--admin1", "xa-02"], ["--admin1", "XA02"]],
    ids=" ".join,
)
def test_unknown_place_codes_in_filters_are_usage_errors(
    cli: Cli, unlocked: Path, argv: list[str]
) -> None:
    _seed_filter_set(unlocked)
    assert argv[0] in cli("incident", "list", *argv).error(2)


def test_an_incident_added_with_a_lower_case_country_can_be_found(cli: Cli, unlocked: Path) -> None:
    result = cli("incident", "add", stdin=incident_json(location={"country": "de"}))
    if result.code == 0:
        assert cli("incident", "list", "--json", "--country", "DE").ok().json()["total"] == 1
    else:
        assert "location.country" in result.error(2)


# --- show ------------------------------------------------------------------------------------


def test_show_text_uses_labels_not_codes(cli: Cli, unlocked: Path) -> None:
    incident = make_incident(
        rights=["liberty-security"], victim_groups=["journalists"], follow_up=["Visit the cells"]
    )
    add_incidents(unlocked, [incident])
    head = _show(cli, incident.id)["head"]
    text = cli("incident", "show", incident.id).ok().out
    for expected in (
        "Title:         Detention of market traders in Elsenmoor",
        f"Id:            {incident.id}",
        "Date:          2025-06-14 (precision: day)",
        "Fenwick Crossing",
        "Arcadia (fictional)",
        "Violations:    Arbitrary detention, Torture or ill-treatment",
        "Rights:        Liberty and security of person",
        "Perpetrators:  Police",
        "Victim groups: Journalists and media workers",
        "Verification:  Credible",
        "Sensitivity:   Confidential",
        "Consent:       Internal use only",
        f"Revision:      {head}",
        "Victims (7):",
        "Detained: women 1, men 4",
        "Tortured or ill-treated: men 2",
        "Direct witness — B2",
        "Police officers detained five traders",
        "Follow-up: Visit the cells",
    ):
        assert expected in text, expected
    assert "arbitrary-detention" not in text


def test_show_json_is_the_stored_incident_and_its_head(cli: Cli, unlocked: Path) -> None:
    incident = make_incident()
    add_incidents(unlocked, [incident])
    shown = _show(cli, incident.id)
    assert shown["incident"] == incident_to_json(incident)
    assert shown["head"] == _history(cli, incident.id)[0]["hash"]


@pytest.mark.parametrize("action", ["show", "history"])
@pytest.mark.parametrize("wanted", ["0190c0de-0000-7000-8000-000000000000", "not-an-id"])
def test_an_unknown_id_exits_1_with_one_line(
    cli: Cli, unlocked: Path, action: str, wanted: str
) -> None:
    add_incidents(unlocked, [make_incident()])
    assert cli("incident", action, wanted).error(1) == f"no incident {wanted}"


# --- edit ------------------------------------------------------------------------------------


@pytest.fixture
def stored(unlocked: Path) -> dict[str, Any]:
    incident = make_incident()
    add_incidents(unlocked, [incident])
    return incident_to_json(incident)


def test_edit_with_a_full_object(cli: Cli, stored: dict[str, Any]) -> None:
    old_head = _show(cli, stored["id"])["head"]
    changed = {**stored, "title": "Detention of traders (corrected)", "tags": ["market", "fees"]}
    new_head = cli("incident", "edit", stored["id"], stdin=changed).ok().out.strip()
    assert HASH.match(new_head) and new_head != old_head
    assert _show(cli, stored["id"]) == {"incident": changed, "head": new_head}


def test_edit_with_a_full_object_without_id_replaces_every_field(
    cli: Cli, stored: dict[str, Any]
) -> None:
    minimal = {k: stored[k] for k in ("title", "date", "location", "violations")}
    cli("incident", "edit", stored["id"], stdin=minimal).ok()
    now = _show(cli, stored["id"])["incident"]
    assert now["id"] == stored["id"]
    assert now["narrative"] is None and now["tags"] == [] and now["verification"] == "reported"


def test_edit_merge_changes_only_the_named_fields(cli: Cli, stored: dict[str, Any]) -> None:
    edited = cli(
        "incident", "edit", "--merge", "--json", stored["id"], stdin={"verification": "verified"}
    ).ok()
    after = edited.json()["incident"]
    assert after == {**stored, "verification": "verified"}
    assert _show(cli, stored["id"]) == edited.json()

    patch = {"narrative": None, "location": {"place": "Old bridge"}, "tags": ["a", "b"]}
    cli("incident", "edit", "--merge", stored["id"], stdin=patch).ok()
    after = _show(cli, stored["id"])["incident"]
    assert after["narrative"] is None
    assert after["location"] == {**stored["location"], "place": "Old bridge"}
    assert after["tags"] == ["a", "b"]
    assert after["victims"] == stored["victims"]


def test_edit_merge_from_a_file(cli: Cli, stored: dict[str, Any], tmp_path: Path) -> None:
    patch = tmp_path / "patch.json"
    patch.write_text('{"sensitivity": "strictly-confidential"}')
    cli("incident", "edit", stored["id"], patch, "--merge").ok()
    assert _show(cli, stored["id"])["incident"]["sensitivity"] == "strictly-confidential"


def test_edit_based_on_an_old_head_is_a_conflict_and_writes_nothing(
    cli: Cli, stored: dict[str, Any]
) -> None:
    first_head = _show(cli, stored["id"])["head"]
    cli("incident", "edit", "--merge", "--expect-head", first_head, stored["id"],
        stdin={"verification": "verified"}).ok()  # fmt: skip
    current = _show(cli, stored["id"])
    result = cli(
        "incident", "edit", "--merge", "--expect-head", first_head, stored["id"],
        stdin={"verification": "discounted"},
    )  # fmt: skip
    assert result.code != 0
    assert "was changed since this edit began" in result.error(result.code)
    assert _show(cli, stored["id"]) == current
    assert len(_history(cli, stored["id"])) == 2


@pytest.mark.parametrize("merge", [False, True], ids=["full", "merge"])
def test_edit_with_a_different_id_in_the_body_exits_2(
    cli: Cli, stored: dict[str, Any], merge: bool
) -> None:
    other = "0190c0de-0000-7000-8000-000000000000"
    body = {"id": other} if merge else {**stored, "id": other}
    argv = ["--merge"] if merge else []
    message = cli("incident", "edit", *argv, stored["id"], stdin=body).error(2)
    assert message == "id: does not match the incident being edited"
    assert len(_history(cli, stored["id"])) == 1


@pytest.mark.parametrize(
    ("patch", "expected"),
    [
        ({"verification": "maybe"}, "verification: must be one of the verification codes"),
        ({"colour": "red"}, "colour: unknown field"),
        ({"victims": {"killed": {"boys": -1}}}, "victims.killed.boys: must be ≥ 0"),
        ({"title": None}, "title: required"),
        ([1, 2], "an incident must be a JSON object"),
    ],
    ids=["code", "unknown", "count", "removed", "list"],
)
def test_an_invalid_merge_exits_2_and_writes_nothing(
    cli: Cli, stored: dict[str, Any], patch: Any, expected: str
) -> None:
    assert cli("incident", "edit", "--merge", stored["id"], stdin=patch).error(2) == expected
    assert len(_history(cli, stored["id"])) == 1


def test_edit_of_an_unknown_incident_exits_1(cli: Cli, stored: dict[str, Any]) -> None:
    other = "0190c0de-0000-7000-8000-000000000000"
    message = cli("incident", "edit", other, stdin={**stored, "id": other}).error(1)
    assert message == f"no incident {other}"


def test_an_edit_that_changes_nothing_writes_nothing(cli: Cli, stored: dict[str, Any]) -> None:
    head = _show(cli, stored["id"])["head"]
    result = cli("incident", "edit", stored["id"], stdin=stored).ok()
    assert result.out.strip() == f"{head} (no change)"
    assert len(_history(cli, stored["id"])) == 1


# --- history ---------------------------------------------------------------------------------


def test_history_lists_every_revision_oldest_first(cli: Cli, stored: dict[str, Any]) -> None:
    incident_id = stored["id"]
    cli("incident", "edit", "--merge", incident_id, stdin={"verification": "verified"}).ok()
    cli("incident", "edit", "--merge", incident_id,
        stdin={"title": "Renamed", "tags": ["x"]}).ok()  # fmt: skip
    device = cli("vault", "info", "--json").ok().json()["device_id"]

    revisions = _history(cli, incident_id)
    assert len(revisions) == 3
    assert [r["parents"] for r in revisions] == [
        [],
        [revisions[0]["hash"]],
        [revisions[1]["hash"]],
    ]
    assert all(HASH.match(r["hash"]) for r in revisions)
    assert all(r["device_id"] == device for r in revisions)
    seqs = [r["device_seq"] for r in revisions]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3
    assert [r["incident"]["verification"] for r in revisions] == [
        "credible",
        "verified",
        "verified",
    ]
    assert revisions[0]["incident"] == stored
    assert revisions[-1]["hash"] == _show(cli, incident_id)["head"]
    assert {"created_at", "deleted"} <= set(revisions[0])

    lines = cli("incident", "history", incident_id).ok().out.splitlines()
    assert len(lines) == 3
    assert lines[0].endswith("created")
    assert lines[1].endswith("changed verification")
    assert lines[2].endswith("changed tags, title")
    for line, revision in zip(lines, revisions, strict=True):
        assert revision["hash"][:16] in line
        assert f"#{revision['device_seq']}" in line


# --- output encoding and pipes ---------------------------------------------------------------


def test_json_output_is_utf8_whatever_the_locale(
    cli: Cli, unlocked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(raw, encoding="cp1252"))
    title = "Затримання в Києві"
    code = cli("incident", "add", "--json", stdin=incident_json(title=title)).code
    sys.stdout.flush()
    assert code == 0
    assert json.loads(raw.getvalue().decode("utf-8"))[0]["incident"]["title"] == title
