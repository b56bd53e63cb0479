"""Exit codes and error lines of the command line (DESIGN §10).

2 usage or bad input, 3 wrong passphrase, 4 integrity failure (tamper,
rollback), 1 anything else; always exactly one ``hradvisor: error:`` line on
stderr and no traceback unless ``--debug``. Secrets never come from argv, and
oversized input is refused before it is parsed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from hradvisor import __version__
from hradvisor.cli import build_parser
from hradvisor.cli.jsonio import MAX_INPUT_BYTES
from tests.cli.conftest import (
    HRADVISOR,
    Cli,
    add_incidents,
    count_incidents,
    incident_json,
    one_error_line,
    run_process,
    vault_bytes,
    write_secret,
)
from tests.conftest import PASSPHRASE, make_incident

PAGE = 4096
_NO_SUCH_ID = "0190c0de-0000-7000-8000-000000000000"

# --- usage errors ----------------------------------------------------------------------------


def test_no_command_without_a_display_says_so_and_exits_0(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    result = cli("--vault", str(tmp_path / "v")).ok()
    assert "no display" in result.err
    assert "hradvisor --help" in result.err
    assert f"xvfb-run .venv/bin/hradvisor --vault {tmp_path / 'v'}" in result.err
    assert "error" not in result.err
    assert not (tmp_path / "v").exists()  # nothing created without a window


def test_no_command_without_the_desktop_extra_says_how_to_install_it(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "PySide6" else real_find_spec(name, *a),
    )
    assert "pip install 'hradvisor[gui]'" in cli().error(1)


def test_help_and_version_exit_0(cli: Cli) -> None:
    assert "vault" in cli("--help").ok().out
    assert "--expect-head" in cli("incident", "edit", "--help").ok().out
    assert cli("--version").ok().out.strip() == f"hradvisor {__version__}"


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["frobnicate"], "invalid choice (choose from"),
        (["vault"], "required"),
        (["incident"], "required"),
        (["incident", "show"], "required: id"),
        (["incident", "edit"], "required: id"),
        (["incident", "history"], "required: id"),
        (["vault", "info", "extra"], "unrecognized arguments"),
        (["incident", "list", "--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["incident", "list", "--limit", "0"], "--limit"),
        (["incident", "list", "--limit", "1001"], "--limit"),
        (["incident", "list", "--limit", "ten"], "--limit"),
        (["incident", "list", "--from", "2025-13-01"], "--from"),
        (["incident", "list", "--from", "14/06/2025"], "--from"),
        (["incident", "list", "--to", "yesterday"], "--to"),
        (["incident", "list", "--violation", "genocide"], "--violation"),
        (["incident", "list", "--violation", "killing", "--violation", "Killing"], "--violation"),
        (["incident", "list", "--perpetrator", "aliens"], "--perpetrator"),
        (["incident", "list", "--victim-group", "everyone"], "--victim-group"),
        (["incident", "list", "--verification", "maybe"], "--verification"),
        (["incident", "list", "--sensitivity", "secret"], "--sensitivity"),
        (["incident", "list", "--sort", "colour"], "--sort"),
        (["demo", "--incidents", "0"], "--incidents"),
        (["demo", "--until", "soon"], "--until"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)
def test_usage_errors_exit_2_naming_the_problem(
    cli: Cli, unlocked: Path, argv: list[str], names: str
) -> None:
    before = vault_bytes(unlocked)
    result = cli(*argv)
    assert names in result.error(2)
    assert result.out == ""
    assert vault_bytes(unlocked) == before


def test_an_unknown_code_filter_is_an_error_not_an_empty_list(cli: Cli, unlocked: Path) -> None:
    add_incidents(unlocked, [make_incident()])
    assert cli("incident", "list", "--json", "--violation", "killing").ok().json()["total"] == 0
    message = cli("incident", "list", "--json", "--violation", "kiling").error(2)
    assert "'kiling' is not a violations code" in message


# --- bad JSON input ----------------------------------------------------------------------------

_BAD_INPUT = [
    ("not-json", b"{", "input is not valid JSON"),
    ("empty", b"", "input is not valid JSON"),
    ("not-utf8", b'{"title": "\xff"}', "input is not UTF-8 text"),
    ("deeply-nested", b"[" * 100_000 + b"]" * 100_000, "input JSON is nested too deeply"),
    ("string", b'"an incident"', "an incident must be a JSON object"),
    ("empty-list", b"[]", "the input list holds no incidents"),
    ("unknown-field", incident_json(colour="red"), "colour: unknown field"),
    ("unknown-nested", incident_json(location={"country": "XA", "planet": 3}), "location.planet:"),
    ("missing", {"date": "2025-01-01"}, "title: required"),
    ("negative-count", incident_json(victims={"killed": {"girls": -1}}), None),
    ("bad-code", incident_json(violations=["killing", "genocide"]), "violations[1]:"),
    ("bad-outcome", incident_json(victims={"maimed": {"men": 1}}), "victims.maimed:"),
    ("bad-source", incident_json(sources=[{"type": "media", "credibility": 9}]), None),
    ("future", incident_json(date="2999-01-01"), "date: must not be in the future"),
    ("bad-date", incident_json(date="2025-02-30"), "date:"),
    ("bad-id", {**incident_json(), "id": "42"}, "id: must be a lower-case UUID"),
    ("list-item", [incident_json(), incident_json(violations=["nope"])], "[1].violations[0]:"),
    ("list-field", [incident_json(), {**incident_json(), "colour": 1}], "[1].colour: unknown"),
    ("list-not-object", [incident_json(), 7], "[1]: an incident must be a JSON object"),
]
_EXPECTED = {
    "negative-count": "victims.killed.girls: must be ≥ 0",
    "bad-source": "sources[0].credibility: must be a whole number from 1 to 6",
}


@pytest.mark.parametrize(("data", "expected"), [(d, e) for _, d, e in _BAD_INPUT], ids=[
    name for name, _, _ in _BAD_INPUT
])  # fmt: skip
def test_invalid_input_exits_2_naming_the_field_and_stores_nothing(
    cli: Cli, unlocked: Path, request: pytest.FixtureRequest, data: object, expected: str | None
) -> None:
    expected = expected or _EXPECTED[request.node.callspec.id]
    message = cli("incident", "add", stdin=data).error(2)
    assert message.startswith(expected), message
    assert count_incidents(unlocked) == 0


def test_every_problem_is_counted_in_the_one_line(cli: Cli, unlocked: Path) -> None:
    data = incident_json(violations=["genocide"], verification="maybe", colour="red")
    message = cli("incident", "add", stdin=data).error(2)
    assert message.endswith("(and 2 more)"), message


def test_unreadable_input_file_exits_2(cli: Cli, unlocked: Path, tmp_path: Path) -> None:
    message = cli("incident", "add", tmp_path / "missing.json").error(2)
    assert "cannot read" in message and "missing.json" in message
    assert "cannot read" in cli("incident", "add", tmp_path).error(2)  # a directory


# --- size caps -------------------------------------------------------------------------------


def test_a_100_mb_file_is_refused_without_being_loaded(
    cli: Cli, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.write(b"[")
        handle.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", PASSPHRASE)
    tracemalloc.start()
    try:
        result = cli("--vault", vault_dir, "incident", "add", big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "larger than 16 MiB" in result.error(2)
    assert peak < 40 * 1024 * 1024, f"peak {peak / 2**20:.0f} MiB while refusing the file"
    assert count_incidents(vault_dir) == 0


def test_the_cap_is_16_mib_exactly(cli: Cli, unlocked: Path, tmp_path: Path) -> None:
    body = json.dumps(incident_json()).encode()
    exact = tmp_path / "exact.json"
    exact.write_bytes(body + b" " * (MAX_INPUT_BYTES - len(body)))
    assert MAX_INPUT_BYTES == 16 * 1024 * 1024
    cli("incident", "add", exact).ok()
    exact.write_bytes(exact.read_bytes() + b" ")
    assert "larger than 16 MiB" in cli("incident", "add", exact).error(2)
    assert count_incidents(unlocked) == 1


def test_a_20_mb_stdin_is_refused_by_the_real_process(vault_dir: Path) -> None:
    one = json.dumps(incident_json()).encode()
    data = b"[" + b",".join([one] * (20 * 1024 * 1024 // len(one) + 1)) + b"]"
    assert len(data) > 20 * 1024 * 1024
    done = run_process("--vault", vault_dir, "incident", "add", passphrase=PASSPHRASE, stdin=data)
    assert done.returncode == 2
    assert "larger than 16 MiB" in one_error_line(done.stderr)
    assert count_incidents(vault_dir) == 0


# --- wrong passphrase (3) --------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["vault", "info"],
        ["vault", "check"],
        ["vault", "recovery", "--json"],
        ["incident", "list", "--json"],
        ["incident", "add", "-"],
        ["incident", "show", "ID"],
        ["incident", "edit", "--merge", "ID"],
        ["incident", "history", "ID"],
        ["demo", "--incidents", "5"],
    ],
    ids=" ".join,
)
def test_wrong_passphrase_exits_3_and_changes_nothing(
    cli: Cli, vault_dir: Path, tmp_path: Path, argv: list[str]
) -> None:
    ids = add_incidents(vault_dir, [make_incident(title=f"Incident {n}") for n in range(3)])
    wrong = write_secret(tmp_path / "wrong.txt", "mauve-otter-lantern-quarry-velvet!")
    before = vault_bytes(vault_dir)
    argv = [ids[0] if arg == "ID" else arg for arg in argv]
    result = cli("--vault", vault_dir, "--passphrase-file", wrong, *argv, stdin=incident_json())
    assert result.error(3) == "wrong passphrase"
    assert result.out == ""
    after = vault_bytes(vault_dir)
    after.pop("unlock-attempts.json")  # the failure is counted, for throttling
    assert after == before
    assert count_incidents(vault_dir) == 3


def test_wrong_passphrase_from_the_environment_exits_3(
    cli: Cli, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", PASSPHRASE.upper())
    assert cli("--vault", vault_dir, "vault", "info").error(3) == "wrong passphrase"


def test_repeated_failures_say_how_long_to_wait(
    cli: Cli, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", "wrong")
    messages = [cli("--vault", vault_dir, "vault", "info").error(3) for _ in range(3)]
    assert messages[:2] == ["wrong passphrase", "wrong passphrase"]
    assert messages[2].startswith("wrong passphrase; wait 1 s")
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", PASSPHRASE)
    assert "too many failed unlock attempts" in cli("--vault", vault_dir, "vault", "info").error(3)


# --- damaged or edited files (4) ---------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 100, -2])
def test_truncated_vault_key_exits_4(cli: Cli, unlocked: Path, size: int) -> None:
    key = unlocked / "vault.key"
    data = key.read_bytes()
    key.write_bytes(data[:size])
    message = cli("vault", "info").error(4)
    assert message.startswith("vault.key is damaged or was modified")


def test_flipped_bits_all_over_vault_key_exit_4_never_3(cli: Cli, unlocked: Path) -> None:
    key = unlocked / "vault.key"
    original = key.read_bytes()
    digits = [n for n, byte in enumerate(original) if chr(byte).isdigit()]
    for offset in sorted({*digits, *range(0, len(original), 5)}):  # every field and number
        damaged = bytearray(original)
        damaged[offset] ^= 0x01
        key.write_bytes(bytes(damaged))
        result = cli("vault", "info")
        assert result.code == 4, (offset, chr(original[offset]), result.err)
        assert result.error(4).startswith("vault.key is damaged or was modified")
    key.write_bytes(original)
    cli("vault", "info").ok()


def test_edited_kdf_parameters_exit_4(cli: Cli, unlocked: Path) -> None:
    key = unlocked / "vault.key"
    header = json.loads(key.read_text())
    header["kdf"]["iterations"] += 1  # e.g. a tool "fixing" the header by hand
    key.write_text(json.dumps(header))
    assert "vault.key is damaged or was modified" in cli("vault", "info").error(4)


def test_missing_vault_key_beside_a_database_points_to_recovery(cli: Cli, unlocked: Path) -> None:
    add_incidents(unlocked, [make_incident()])
    (unlocked / "vault.key").unlink()  # as after a panic erase (DESIGN §5)
    result = cli("vault", "info")
    message = result.error(result.code)
    assert result.code != 0
    assert "vault recover" in message, message


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_damaged_database_page_fails_vault_check_with_4(cli: Cli, unlocked: Path) -> None:
    add_incidents(unlocked, [make_incident(title=f"Incident {n} in Quillon") for n in range(300)])
    db = unlocked / "vault.db"
    assert not (unlocked / "vault.db-wal").exists()
    pages = db.stat().st_size // PAGE
    assert pages > 20
    cli("vault", "check").ok()
    _flip(db, (pages - 2) * PAGE + 700)

    result = cli("vault", "check")
    assert result.code == 4, (result.out, result.err)
    assert "Traceback" not in result.err
    assert "problem" in result.err and "page authentication" in result.err

    report = cli("vault", "check", "--json")
    assert report.code == 4
    assert report.json()["ok"] is False and report.json()["problems"]

    listing = cli("incident", "list", "--json", "--limit", "1000")
    assert "damaged" in listing.error(4)


def test_a_damaged_first_page_exits_4_not_3(cli: Cli, unlocked: Path) -> None:
    add_incidents(unlocked, [make_incident()])
    _flip(unlocked / "vault.db", 100)
    cli("vault", "info").error(4)
    cli("vault", "check").error(4)


def test_restoring_an_older_database_is_caught_until_accepted(
    cli: Cli, unlocked: Path, tmp_path: Path
) -> None:
    add_incidents(unlocked, [make_incident(title="First"), make_incident(title="Second")])
    shutil.copy(unlocked / "vault.db", tmp_path / "old.db")
    add_incidents(unlocked, [make_incident(title="Third")])
    shutil.copy(tmp_path / "old.db", unlocked / "vault.db")

    assert "rollback" in cli("vault", "info").error(4)
    assert "rollback" in cli("incident", "list").error(4)
    assert "rollback" in cli("incident", "add", stdin=incident_json()).error(4)
    checked = cli("vault", "check")
    assert checked.code == 4 and "rollback" in checked.err and "Traceback" not in checked.err
    assert cli("vault", "check", "--json").json()["ok"] is False

    accepted = cli("vault", "check", "--accept-rollback").ok()
    assert "Vault OK" in accepted.out
    assert cli("incident", "list", "--json").ok().json()["total"] == 2
    cli("incident", "add", stdin=incident_json()).ok()
    cli("vault", "check").ok()


def test_an_edited_rollback_witness_exits_4(cli: Cli, unlocked: Path) -> None:
    add_incidents(unlocked, [make_incident()])
    side = unlocked / "vault.state"
    record = json.loads(side.read_text())
    record["counter"] += 1
    side.write_text(json.dumps(record))
    assert "vault.state is damaged or was modified" in cli("vault", "info").error(4)
    assert "vault.state" in cli("vault", "check").error(4)


def test_restoring_an_older_copy_of_the_whole_folder_is_caught(
    cli: Cli, unlocked: Path, tmp_path: Path
) -> None:
    add_incidents(unlocked, [make_incident()])
    shutil.copytree(unlocked, tmp_path / "backup")
    add_incidents(unlocked, [make_incident()])
    shutil.rmtree(unlocked)
    shutil.copytree(tmp_path / "backup", unlocked)
    assert "rollback" in cli("incident", "list").error(4)


# --- one line, no traceback; --debug ---------------------------------------------------------


def test_errors_have_no_traceback_but_debug_shows_one(cli: Cli, unlocked: Path) -> None:
    plain = cli("incident", "show", _NO_SUCH_ID)
    assert plain.error(1) == f"no incident {_NO_SUCH_ID}"
    for argv in (
        ["--debug", "incident", "show", _NO_SUCH_ID],
        ["incident", "show", "--debug", _NO_SUCH_ID],
    ):
        debug = cli(*argv)
        assert debug.code == 1
        assert "Traceback (most recent call last)" in debug.err
        assert "NotFound" in debug.err
        assert debug.err.splitlines()[-1] == f"hradvisor: error: no incident {_NO_SUCH_ID}"


@pytest.mark.parametrize(
    ("argv", "stdin", "passphrase", "code", "expected"),
    [
        (["frobnicate"], None, PASSPHRASE, 2, "invalid choice"),
        (["incident", "add"], b"{", PASSPHRASE, 2, "not valid JSON"),
        (["vault", "info"], None, "wrong", 3, "wrong passphrase"),
        (["vault", "info"], None, None, 2, "no passphrase given"),
        (["incident", "show", _NO_SUCH_ID], None, PASSPHRASE, 1, f"no incident {_NO_SUCH_ID}"),
        (["vault", "check"], None, PASSPHRASE, 4, "vault.key is damaged"),
    ],
    ids=["usage", "json", "passphrase", "no-passphrase", "not-found", "damaged-key"],
)
def test_the_real_process_writes_one_line_and_no_traceback(
    vault_dir: Path,
    argv: list[str],
    stdin: bytes | None,
    passphrase: str | None,
    code: int,
    expected: str,
) -> None:
    if code == 4:
        (vault_dir / "vault.key").write_text("{}")
    done = run_process("--vault", vault_dir, *argv, passphrase=passphrase, stdin=stdin)
    assert done.returncode == code, done.stderr
    assert expected in one_error_line(done.stderr)
    assert done.stdout == b""


def test_python_dash_m_writes_one_line(vault_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hradvisor.cli", "--vault", vault_dir, "vault", "info"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    one_error_line(done.stderr)


# --- secrets never in argv -------------------------------------------------------------------


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    found = list(parser._actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _actions(sub)
    return found


def test_no_option_takes_a_secret_as_its_value() -> None:
    actions = _actions(build_parser())
    options = {option for action in actions for option in action.option_strings}
    assert {"--passphrase-file", "--new-passphrase-file", "--shares-file"} <= options
    secret_words = ("passphrase", "password", "share", "key", "secret")
    for action in actions:
        for option in action.option_strings:
            if any(word in option for word in secret_words):
                assert action.nargs == 0 or action.metavar == "FILE", option


def test_passphrase_option_is_a_usage_error(cli: Cli, vault_dir: Path) -> None:
    result = cli("--vault", vault_dir, "--passphrase", "x", "vault", "info")
    result.error(2)
    assert result.out == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["--passphrase", "SECRET", "vault", "info"],
        ["vault", "info", "--passphrase", "SECRET"],
        ["vault", "info", "--passphrase=SECRET"],
        ["vault", "passwd", "--new-passphrase", "SECRET"],
    ],
    ids=" ".join,
)
def test_a_passphrase_in_argv_is_rejected_and_never_echoed(
    cli: Cli, unlocked: Path, argv: list[str]
) -> None:
    secret = "lantern-SECRET-quarry"
    result = cli(*(arg.replace("SECRET", secret) for arg in argv))
    message = result.error(2)
    assert secret not in result.err + result.out
    assert "never accepted on the command line" in message, message
    assert message.startswith(("--passphrase:", "--new-passphrase:")), message


@pytest.mark.parametrize(
    "argv",
    [
        ["vault", "SECRET"],
        ["incident", "list", "--limit", "SECRET"],
        ["incident", "list", "SECRET"],
    ],
    ids=" ".join,
)
def test_usage_errors_never_echo_what_was_typed(cli: Cli, unlocked: Path, argv: list[str]) -> None:
    secret = "lantern-SECRET-quarry"
    result = cli(*(arg.replace("SECRET", secret) for arg in argv))
    result.error(2)
    assert secret not in result.err + result.out


@pytest.mark.parametrize(
    "argv",
    [["vault", "info"], ["incident", "list"], ["vault", "init"], ["vault", "passwd"]],
    ids=" ".join,
)
def test_no_passphrase_and_no_terminal_exits_2_saying_how_to_give_one(
    cli: Cli, tmp_path: Path, vault_dir: Path, argv: list[str]
) -> None:
    target = tmp_path / "new" if argv == ["vault", "init"] else vault_dir
    message = cli("--vault", target, *argv).error(2)
    assert "passphrase given" in message  # "no new passphrase given" for init
    assert "--passphrase-file" in message and "HRADVISOR_PASSPHRASE" in message
    assert not (tmp_path / "new").exists()


def test_stdin_input_without_a_passphrase_stores_nothing(cli: Cli, vault_dir: Path) -> None:
    result = cli("--vault", vault_dir, "incident", "add", stdin=incident_json())
    assert "no passphrase given" in result.error(2)
    assert count_incidents(vault_dir) == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "cannot read the passphrase file"), ("", "is empty"), ("\n\n", "is empty")],
    ids=["missing", "empty", "blank"],
)
def test_unusable_passphrase_file_exits_2(
    cli: Cli, vault_dir: Path, tmp_path: Path, content: str | None, expected: str
) -> None:
    pw = tmp_path / "pw.txt"
    if content is not None:
        pw.write_text(content)
    message = cli("--vault", vault_dir, "--passphrase-file", pw, "vault", "info").error(2)
    assert expected in message


def test_passphrase_file_first_line_is_the_passphrase(
    cli: Cli, vault_dir: Path, tmp_path: Path
) -> None:
    pw = tmp_path / "pw.txt"
    pw.write_bytes(PASSPHRASE.encode() + b"\r\nsecond line is ignored\n")
    cli("--vault", vault_dir, "--passphrase-file", pw, "vault", "info").ok()
    cli("vault", "info", "--vault", vault_dir, "--passphrase-file", pw).ok()


@pytest.mark.parametrize("json_output", [False, True], ids=["text", "json"])
def test_a_reader_closing_the_pipe_is_not_an_error(vault_dir: Path, json_output: bool) -> None:
    add_incidents(vault_dir, [make_incident(title=f"Incident {n}") for n in range(300)])
    argv = ["--vault", vault_dir, "incident", "list", "--limit", "1000"]
    env = {**os.environ, "HRADVISOR_PASSPHRASE": PASSPHRASE}
    with subprocess.Popen(
        [str(HRADVISOR), *map(str, argv), *(["--json"] if json_output else [])],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # like 'head' after its lines: nobody reads any more
        err = process.stderr.read().decode()
        process.wait(timeout=60)
    assert "error" not in err.lower() and "Exception ignored" not in err, err
