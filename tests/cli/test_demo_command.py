"""``hradvisor demo``: fictional incidents, reproducible by seed, quiet when piped."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import pty
import stat
import struct
import subprocess
import termios
from pathlib import Path

import pytest

from tests.cli.conftest import (
    HRADVISOR,
    Cli,
    add_incidents,
    count_incidents,
    run_process,
    write_secret,
)
from tests.conftest import PASSPHRASE, make_incident

DEMO = ["demo", "--incidents", "300", "--seed", "7", "--until", "2026-11-01"]


def _listing(cli: Cli, vault: Path, passphrase_file: Path) -> dict[str, object]:
    argv = ["incident", "list", "--json", "--limit", "1000", "--sort", "date", "--asc"]
    return dict(cli(*argv, "--vault", vault, "--passphrase-file", passphrase_file).ok().json())


def test_demo_creates_a_real_vault_and_the_same_seed_gives_the_same_incidents(
    cli: Cli, tmp_path: Path, fast_new_vaults: None
) -> None:
    """The first vault is made by a real process with the real KDF (fast_new_vaults only
    affects vaults created in this process: the second one)."""
    first, saved = tmp_path / "demo1", tmp_path / "demo1-passphrase.txt"
    done = run_process(*DEMO, "--save-passphrase", saved, "--vault", first)  # real KDF
    assert done.returncode == 0, done.stderr
    err = done.stderr.decode()

    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    passphrase = saved.read_text().splitlines()[0]
    assert len(passphrase.split()) >= 6
    assert err.count(passphrase) == 1, err
    assert passphrase.encode() not in done.stdout
    assert f"Created a demo vault in {first}" in err
    assert "Added 300 fictional incidents; the vault now holds 300." in err
    assert "\r" not in err and "%|" not in err  # no progress bar when stderr is not a terminal
    assert json.loads((first / "vault.key").read_text())["kdf"]["memory_kib"] >= 256 * 1024

    listing = _listing(cli, first, saved)
    assert listing["total"] == 300

    second, saved2 = tmp_path / "demo2", tmp_path / "demo2-passphrase.txt"
    cli(*DEMO, "--save-passphrase", saved2, "--vault", second).ok()
    assert saved2.read_text() != saved.read_text()  # a new passphrase each time
    assert _listing(cli, second, saved2) == listing

    until = dt.date(2026, 11, 1)
    for incident in listing["incidents"]:  # type: ignore[union-attr]
        assert incident["location"]["country"][0] == "X"  # fictional ISO user-assigned code
        first_day = incident["date"][:4]
        assert until.year - 3 <= int(first_day) <= until.year
        assert incident["date"][:10] <= until.isoformat()


def test_a_different_seed_gives_different_incidents(
    cli: Cli, tmp_path: Path, fast_new_vaults: None
) -> None:
    listings = []
    for seed in ("1", "2"):
        vault, saved = tmp_path / f"v{seed}", tmp_path / f"p{seed}.txt"
        argv = ["demo", "--incidents", "20", "--seed", seed, "--until", "2026-11-01"]
        cli(*argv, "--vault", vault, "--save-passphrase", saved).ok()
        listings.append(_listing(cli, vault, saved)["incidents"])
    assert {i["id"] for i in listings[0]}.isdisjoint(i["id"] for i in listings[1])


def test_demo_into_an_existing_vault_adds_incidents(
    cli: Cli, unlocked: Path, tmp_path: Path
) -> None:
    add_incidents(unlocked, [make_incident()])
    ignored = tmp_path / "not-written.txt"
    result = cli("demo", "--incidents", "40", "--seed", "3", "--save-passphrase", ignored).ok()
    assert "Added 40 fictional incidents; the vault now holds 41." in result.err
    assert "Created" not in result.err and not ignored.exists()
    cli("demo", "--incidents", "10", "--seed", "4").ok()
    assert count_incidents(unlocked) == 51


def test_the_same_demo_twice_into_one_vault_never_duplicates(cli: Cli, unlocked: Path) -> None:
    argv = ["demo", "--incidents", "30", "--seed", "5", "--until", "2026-01-01"]
    cli(*argv).ok()
    again = cli(*argv)
    if again.code != 0:
        again.error(again.code)  # one line, no traceback
    assert count_incidents(unlocked) == 30


def test_demo_refuses_a_weak_passphrase_for_a_new_vault(
    cli: Cli, tmp_path: Path, fast_new_vaults: None
) -> None:
    weak = write_secret(tmp_path / "weak.txt", "password1")
    target = tmp_path / "demo"
    argv = ["demo", "--incidents", "5", "--vault", target, "--passphrase-file", weak]
    assert "--allow-weak" in cli(*argv).error(2)
    assert not target.exists()
    cli(*argv, "--allow-weak").ok()
    assert count_incidents(target, "password1") == 5


def test_demo_with_a_passphrase_file_uses_it(
    cli: Cli, tmp_path: Path, fast_new_vaults: None
) -> None:
    pw = write_secret(tmp_path / "pw.txt", PASSPHRASE)
    target = tmp_path / "demo"
    result = cli("demo", "--incidents", "5", "--vault", target, "--passphrase-file", pw).ok()
    assert PASSPHRASE not in result.err
    assert count_incidents(target) == 5


def test_demo_save_passphrase_respects_the_environment_passphrase(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast_new_vaults: None
) -> None:
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", PASSPHRASE)
    target = tmp_path / "demo"
    argv = ["demo", "--incidents", "5", "--vault", target]
    cli(*argv, "--save-passphrase", tmp_path / "saved.txt").ok()
    cli("vault", "info", "--vault", target).ok()


def test_demo_progress_bar_only_on_a_terminal(vault_dir: Path) -> None:
    env = {**os.environ, "HRADVISOR_PASSPHRASE": PASSPHRASE}
    argv = [str(HRADVISOR), "demo", "--incidents", "50", "--vault", str(vault_dir), "--seed"]

    piped = subprocess.run([*argv, "9"], env=env, capture_output=True, timeout=120, check=False)
    assert piped.returncode == 0, piped.stderr
    assert b"\r" not in piped.stderr and b"%|" not in piped.stderr
    assert piped.stderr.decode().count("\n") == 1  # just the summary line

    leader, follower = pty.openpty()  # the same command with a terminal on stderr
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        with subprocess.Popen(
            [*argv, "10"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=follower,
            stdin=subprocess.DEVNULL,
        ) as process:
            os.close(follower)
            shown = b""
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the terminal closes when the process ends
                    break
                if not chunk:
                    break
                shown += chunk
            assert process.wait(timeout=120) == 0, shown
    finally:
        os.close(leader)
    assert b"%|" in shown and b"\r" in shown, shown
    assert b"50/50" in shown
    assert count_incidents(vault_dir) == 100
