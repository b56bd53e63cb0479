"""``hradvisor vault init|info|check|passwd|recovery|recover``.

The tests of creating a vault, changing its passphrase and recovering it run
the real Argon2id (256 MiB) because the KDF cost is part of what they check;
the rest use the fast-KDF test vault.
"""

from __future__ import annotations

import stat
import uuid
from pathlib import Path

import pytest

from hradvisor.store import create_vault, open_vault, recovery_shares
from tests.cli.conftest import (
    Cli,
    add_incidents,
    vault_bytes,
    write_secret,
)
from tests.conftest import FAST_KDF, PASSPHRASE, make_incident

STRONG = "copper-harbour-midnight-thistle-engine"  # test-only
WEAK = "password1"


def _is_uuid(value: str) -> bool:
    return str(uuid.UUID(value)) == value


# --- init (real KDF) -------------------------------------------------------------------------


def test_init_creates_a_real_vault_that_info_describes(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "field"
    pw = write_secret(tmp_path / "pw.txt", STRONG)
    created = cli("vault", "init", "--vault", target, "--passphrase-file", pw).ok()
    assert f"Created an empty vault in {target}" in created.out
    assert "hradvisor vault recovery" in created.out
    assert created.err == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert {p.name for p in target.iterdir()} >= {"vault.db", "vault.key", "vault.state"}
    for path in target.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path

    info = cli("vault", "info", "--json", "--vault", target, "--passphrase-file", pw).ok().json()
    assert _is_uuid(info["vault_id"]) and _is_uuid(info["device_id"])
    assert info["vault_id"] != info["device_id"]
    assert info["counts"] == {
        "incidents": 0,
        "notes": 0,
        "persons": 0,
        "attachments": 0,
        "revisions": 0,
    }
    assert info["kdf"]["memory_mib"] >= 256 and info["kdf"]["iterations"] >= 3
    assert STRONG not in created.out + str(info)


@pytest.mark.parametrize("source", ["file", "env"])
def test_init_refuses_a_weak_passphrase_and_creates_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    target = tmp_path / "field"
    if source == "file":
        argv = ["--passphrase-file", write_secret(tmp_path / "pw.txt", WEAK)]
    else:
        monkeypatch.setenv("HRADVISOR_PASSPHRASE", WEAK)
        argv = []
    result = cli("vault", "init", "--vault", target, *argv)
    message = result.error(2)
    assert "passphrase too weak" in message and "--allow-weak" in message
    assert WEAK not in result.err
    assert not target.exists()


def test_weak_init_allowed_in_the_default_place_refused_twice_then_passwd(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One real-KDF vault for: --allow-weak, the default place, no second init, passwd."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    default = tmp_path / "xdg" / "hradvisor" / "vault"
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", WEAK)
    cli("vault", "init", "--allow-weak").ok()
    assert (default / "vault.key").is_file()
    before = vault_bytes(default)

    monkeypatch.setenv("HRADVISOR_PASSPHRASE", STRONG)
    assert "already exists" in cli("vault", "init").error(1)
    assert "already exists" in cli("vault", "init", "--vault", default, "--allow-weak").error(1)
    assert vault_bytes(default) == before

    old = write_secret(tmp_path / "old.txt", WEAK)
    new = write_secret(tmp_path / "new.txt", STRONG)
    monkeypatch.delenv("HRADVISOR_PASSPHRASE")
    done = cli("vault", "passwd", "--passphrase-file", old, "--new-passphrase-file", new).ok()
    assert "Passphrase changed" in done.out
    info = cli("vault", "info", "--json", "--passphrase-file", new).ok().json()
    assert info["counts"]["incidents"] == 0
    assert info["kdf"]["memory_mib"] >= 256  # passwd keeps the cost, never lowers it


# --- info and check --------------------------------------------------------------------------


def test_info_text_and_json_agree(cli: Cli, unlocked: Path) -> None:
    add_incidents(unlocked, [make_incident(), make_incident()])
    info = cli("vault", "info", "--json").ok().json()
    assert info["counts"]["incidents"] == 2 and info["counts"]["revisions"] == 2
    assert info["path"] == str(unlocked)
    text = cli("vault", "info").ok().out
    assert f"Vault id:       {info['vault_id']}" in text
    assert f"Device id:      {info['device_id']}" in text
    assert "Incidents:      2\n" in text
    assert "Key derivation: Argon2id, 8 MiB, 1 passes, 1 lanes" in text


def test_info_shows_no_content(cli: Cli, unlocked: Path) -> None:
    add_incidents(unlocked, [make_incident(title="Zebulon canary title")])
    result = cli("vault", "info", "--json").ok()
    assert "Zebulon" not in result.out


def test_check_of_a_clean_vault(cli: Cli, unlocked: Path) -> None:
    add_incidents(unlocked, [make_incident() for _ in range(3)])
    assert cli("vault", "check").ok().out == (
        "Vault OK: every page authenticated, 3 revisions verified.\n"
    )
    assert cli("vault", "check", "--json").ok().json() == {
        "ok": True,
        "problems": [],
        "revisions_checked": 3,
    }


def test_vault_option_after_the_subcommand_and_from_the_environment(
    cli: Cli, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pw = write_secret(tmp_path / "pw.txt", PASSPHRASE)
    cli("vault", "info", "--vault", vault_dir, "--passphrase-file", pw).ok()
    cli("--vault", vault_dir, "--passphrase-file", pw, "vault", "info").ok()
    monkeypatch.setenv("HRADVISOR_VAULT", str(vault_dir))
    cli("vault", "info", "--passphrase-file", pw).ok()
    missing = cli("vault", "info", "--vault", tmp_path / "elsewhere", "--passphrase-file", pw)
    assert "no vault here" in missing.error(1)


# --- passwd ----------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["file", "env"])
def test_passwd_old_passphrase_no_longer_opens_new_one_does(
    cli: Cli, unlocked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    add_incidents(unlocked, [make_incident()])
    if source == "file":
        argv = ["--new-passphrase-file", write_secret(tmp_path / "new.txt", STRONG)]
    else:
        monkeypatch.setenv("HRADVISOR_NEW_PASSPHRASE", STRONG)
        argv = []
    cli("vault", "passwd", *argv).ok()
    assert cli("vault", "info").error(3) == "wrong passphrase"
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", STRONG)
    assert cli("incident", "list", "--json").ok().json()["total"] == 1
    info = cli("vault", "info", "--json").ok().json()
    assert info["kdf"]["memory_mib"] == 8  # passwd keeps the vault's KDF cost


def test_passwd_refuses_a_weak_new_passphrase_unless_allowed(
    cli: Cli, unlocked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HRADVISOR_NEW_PASSPHRASE", WEAK)
    before = vault_bytes(unlocked)
    message = cli("vault", "passwd").error(2)
    assert "too weak" in message and "--allow-weak" in message
    assert vault_bytes(unlocked) == before
    cli("vault", "passwd", "--allow-weak").ok()
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", WEAK)
    cli("vault", "info").ok()


def test_passwd_with_a_wrong_old_passphrase_exits_3_and_changes_nothing(
    cli: Cli, unlocked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", "not-the-passphrase")
    monkeypatch.setenv("HRADVISOR_NEW_PASSPHRASE", STRONG)
    key = (unlocked / "vault.key").read_bytes()
    assert cli("vault", "passwd").error(3) == "wrong passphrase"
    assert (unlocked / "vault.key").read_bytes() == key


def test_passwd_without_a_new_passphrase_source_exits_2(cli: Cli, unlocked: Path) -> None:
    key = (unlocked / "vault.key").read_bytes()
    assert "no new passphrase given" in cli("vault", "passwd").error(2)
    assert (unlocked / "vault.key").read_bytes() == key


def test_passwd_without_a_new_passphrase_names_the_new_passphrase_options(
    cli: Cli, unlocked: Path
) -> None:
    message = cli("vault", "passwd").error(2)
    assert "--new-passphrase-file" in message and "HRADVISOR_NEW_PASSPHRASE" in message


# --- recovery and recover --------------------------------------------------------------------


def _shares(cli: Cli) -> list[str]:
    output = cli("vault", "recovery", "--json").ok().json()
    assert output["threshold"] == 2
    return list(output["shares"])


def test_recovery_prints_three_different_shares(cli: Cli, unlocked: Path) -> None:
    shares = _shares(cli)
    assert len(shares) == 3 and len(set(shares)) == 3
    assert all(len(share.split()) >= 20 for share in shares)
    text = cli("vault", "recovery").ok().out
    assert "any TWO of these three" in text
    assert "Share 1 of 3" in text and "Share 3 of 3" in text


@pytest.mark.parametrize("key_deleted", [False, True], ids=["key-present", "key-deleted"])
def test_recover_with_two_shares_restores_access(
    cli: Cli,
    unlocked: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    key_deleted: bool,
) -> None:
    if not key_deleted:  # one case is enough for the real 256 MiB KDF
        monkeypatch.setattr("hradvisor.store.recovery.KdfParams", lambda: FAST_KDF)
    add_incidents(unlocked, [make_incident(), make_incident()])
    shares = _shares(cli)
    if key_deleted:
        (unlocked / "vault.key").unlink()
    shares_file = tmp_path / "shares.txt"
    shares_file.write_text(f"\n  {shares[2]}  \n\n{shares[0]}\n")
    new = write_secret(tmp_path / "new.txt", STRONG)
    done = cli("vault", "recover", "--shares-file", shares_file, "--new-passphrase-file", new)
    assert "Access restored" in done.ok().out
    if not key_deleted:
        assert cli("vault", "info").error(3) == "wrong passphrase"
    monkeypatch.setenv("HRADVISOR_PASSPHRASE", STRONG)
    assert cli("incident", "list", "--json").ok().json()["total"] == 2


def test_recover_with_one_share_changes_nothing(cli: Cli, unlocked: Path, tmp_path: Path) -> None:
    shares = _shares(cli)
    (unlocked / "vault.key").unlink()
    before = vault_bytes(unlocked)
    shares_file = tmp_path / "shares.txt"
    shares_file.write_text(shares[1] + "\n")
    new = write_secret(tmp_path / "new.txt", STRONG)
    result = cli("vault", "recover", "--shares-file", shares_file, "--new-passphrase-file", new)
    assert "at least two recovery shares" in result.error(2)
    assert vault_bytes(unlocked) == before


@pytest.mark.parametrize("shares_of", ["other-vault", "same-share-twice", "garbage"])
def test_recover_with_wrong_shares_exits_3_and_changes_nothing(
    cli: Cli, unlocked: Path, tmp_path: Path, shares_of: str
) -> None:
    mine = _shares(cli)
    if shares_of == "other-vault":
        create_vault(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
        with open_vault(tmp_path / "other", PASSPHRASE) as other:
            lines = recovery_shares(other)[:2]
    elif shares_of == "same-share-twice":
        lines = [mine[0], mine[0]]
    else:
        lines = ["academic acid acne", "lantern otter quarry"]
    shares_file = tmp_path / "shares.txt"
    shares_file.write_text("\n".join(lines) + "\n")
    new = write_secret(tmp_path / "new.txt", STRONG)
    before = vault_bytes(unlocked)
    result = cli("vault", "recover", "--shares-file", shares_file, "--new-passphrase-file", new)
    message = result.error(3)
    assert "recovery shares" in message
    assert vault_bytes(unlocked) == before
    cli("vault", "info").ok()  # the old passphrase still opens it


def test_recover_refuses_a_weak_new_passphrase(
    cli: Cli, unlocked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shares_file = tmp_path / "shares.txt"
    shares_file.write_text("\n".join(_shares(cli)[:2]))
    monkeypatch.setenv("HRADVISOR_NEW_PASSPHRASE", WEAK)
    before = vault_bytes(unlocked)
    assert "--allow-weak" in cli("vault", "recover", "--shares-file", shares_file).error(2)
    assert vault_bytes(unlocked) == before


def test_recover_without_shares_and_no_terminal_exits_2(cli: Cli, unlocked: Path) -> None:
    before = vault_bytes(unlocked)
    cli("vault", "recover").error(2)
    assert vault_bytes(unlocked) == before


def test_recover_without_shares_names_the_shares_file_option(cli: Cli, unlocked: Path) -> None:
    message = cli("vault", "recover").error(2)
    assert "--shares-file" in message, message
    assert "passphrase given" not in message


def test_recover_where_there_is_no_vault_exits_1(cli: Cli, tmp_path: Path) -> None:
    shares_file = tmp_path / "shares.txt"
    shares_file.write_text("a b c\nd e f\n")
    new = write_secret(tmp_path / "new.txt", STRONG)
    result = cli(
        "vault",
        "recover",
        "--vault",
        tmp_path / "nothing",
        "--shares-file",
        shares_file,
        "--new-passphrase-file",
        new,
    )
    assert "no vault database" in result.error(1)
