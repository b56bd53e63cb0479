"""``hradvisor vault init|info|check|passwd|recovery|recover``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hradvisor.cli.context import passphrase_file, unlock, vault_dir
from hradvisor.cli.jsonio import print_json
from hradvisor.cli.secrets_input import (
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    read_new_passphrase,
    read_passphrase,
    read_shares,
)
from hradvisor.store import (
    IntegrityError,
    RollbackDetected,
    change_passphrase,
    check_vault,
    create_vault,
    recover_vault,
    recovery_shares,
    vault_info,
)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    vault = commands.add_parser("vault", help="create, inspect, check and recover the vault")
    sub = vault.add_subparsers(dest="action", required=True, metavar="ACTION")
    init = sub.add_parser("init", parents=[common], help="create a new, empty vault")
    init.add_argument("--allow-weak", action="store_true", help="accept a weak passphrase")
    init.set_defaults(handler=cmd_init)
    info = sub.add_parser("info", parents=[common], help="describe the vault (no content)")
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=cmd_info)
    check = sub.add_parser(
        "check", parents=[common], help="verify every page, revision and attachment"
    )
    check.add_argument("--json", action="store_true")
    check.add_argument(
        "--accept-rollback",
        action="store_true",
        help="accept an older copy of the database as the current one (after deciding it is right)",
    )
    check.set_defaults(handler=cmd_check)
    passwd = sub.add_parser("passwd", parents=[common], help="change the passphrase")
    _new_passphrase_options(passwd)
    passwd.set_defaults(handler=cmd_passwd)
    shares = sub.add_parser("recovery", parents=[common], help="print 2-of-3 recovery shares")
    shares.add_argument("--json", action="store_true")
    shares.set_defaults(handler=cmd_recovery)
    recover = sub.add_parser("recover", parents=[common], help="regain access with two shares")
    recover.add_argument(
        "--shares-file", metavar="FILE", help="file with one share per line (else prompt)"
    )
    _new_passphrase_options(recover)
    recover.set_defaults(handler=cmd_recover)


def _new_passphrase_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=f"read the new passphrase from FILE (else ${NEW_PASSPHRASE_ENV}, else a prompt)",
    )
    parser.add_argument("--allow-weak", action="store_true", help="accept a weak passphrase")


def cmd_init(args: argparse.Namespace) -> int:
    path = vault_dir(args)
    passphrase = read_new_passphrase(
        passphrase_file(args), PASSPHRASE_ENV, allow_weak=args.allow_weak
    )
    create_vault(path, passphrase)
    print(f"Created an empty vault in {path}.")
    print(
        "Next: print recovery shares with 'hradvisor vault recovery' and keep them apart, safely."
    )
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        info = vault_info(vault)
    if args.json:
        print_json(info)
        return 0
    counts = info["counts"]
    kdf = info["kdf"]
    for label, value in (
        ("Vault", info["path"]),
        ("Vault id", info["vault_id"]),
        ("Device id", info["device_id"]),
        ("Created", info["created_at"]),
        ("Format", f"{info['format_version']} (SQLCipher {info['sqlcipher_version']})"),
        (
            "Key derivation",
            f"Argon2id, {kdf['memory_mib']} MiB, {kdf['iterations']} passes, {kdf['lanes']} lanes",
        ),
        ("Incidents", f"{counts['incidents']:,}"),
        ("Field notes", f"{counts['notes']:,}"),
        ("Persons", f"{counts['persons']:,}"),
        (
            "Attachments",
            f"{counts['attachments']:,} ({info['attachment_bytes']:,} bytes encrypted)",
        ),
        ("Revisions", f"{counts['revisions']:,} (write {info['write_counter']:,})"),
    ):
        print(f"{label + ':':<16}{value}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    try:
        vault = unlock(args)
    except RollbackDetected as exc:
        _report_check(args, [str(exc)], 0)
        return IntegrityError.exit_code
    with vault:
        report = check_vault(vault)
    _report_check(args, report.problems, report.revisions_checked)
    return 0 if report.ok else IntegrityError.exit_code


def _report_check(args: argparse.Namespace, problems: list[str], revisions: int) -> None:
    if args.json:
        print_json({"ok": not problems, "problems": problems, "revisions_checked": revisions})
        return
    if not problems:
        print(f"Vault OK: every page authenticated, {revisions:,} revisions verified.")
        return
    print(f"Vault check found {len(problems)} problem(s):", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)


def cmd_passwd(args: argparse.Namespace) -> int:
    path = vault_dir(args)
    old = read_passphrase(passphrase_file(args), prompt="Current passphrase: ")
    new = _read_new(args)
    change_passphrase(path, old, new)
    print("Passphrase changed. Recovery shares made earlier still work.")
    return 0


def cmd_recovery(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        shares = recovery_shares(vault)
    if args.json:
        print_json({"threshold": 2, "shares": shares})
        return 0
    print("Recovery shares: any TWO of these three restore access to this vault.")
    print("Write each on paper and keep them in different safe places. Anyone with two")
    print("of them can open the vault, so never store two together or on this computer.\n")
    for number, share in enumerate(shares, start=1):
        print(f"Share {number} of 3:\n{share}\n")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    path = vault_dir(args)
    shares = read_shares(_path(args.shares_file))
    new = _read_new(args)
    recover_vault(path, shares, new)
    print("Access restored: the vault now opens with the new passphrase.")
    return 0


def _read_new(args: argparse.Namespace) -> str:
    return read_new_passphrase(
        _path(args.new_passphrase_file),
        NEW_PASSPHRASE_ENV,
        allow_weak=args.allow_weak,
        file_option="--new-passphrase-file",
    )


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None
