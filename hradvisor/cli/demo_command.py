"""``hradvisor demo``: fill a vault with fictional incidents for trying the product.

Everything generated is invented (country XA, "Arcadia (fictional)"), so a
demo vault can be shown, shared and discarded without risk to anyone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import secrets
import sys
from pathlib import Path
from typing import Any

from shamir_mnemonic.wordlist import WORDLIST
from tqdm import tqdm

from hradvisor.cli.context import passphrase_file, vault_dir
from hradvisor.cli.errors import UsageError
from hradvisor.cli.secrets_input import PASSPHRASE_ENV, read_new_passphrase, read_passphrase
from hradvisor.demo import generate_incidents
from hradvisor.demo_risk import add_demo_assessments
from hradvisor.store import DuplicateRecord, create_vault, open_vault
from hradvisor.store.files import write_atomic

BATCH = 2_000
DEMO_WORDS = 6


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser(
        "demo", parents=[common], help="add fictional incidents (creates the vault if needed)"
    )
    demo.add_argument(
        "--incidents", type=int, default=5_000, metavar="N", help="how many (default 5,000)"
    )
    demo.add_argument(
        "--seed", type=int, default=1, metavar="S", help="same seed, same data (default 1)"
    )
    demo.add_argument(
        "--until", metavar="YYYY-MM-DD", help="last day of the 3 years covered (default today)"
    )
    demo.add_argument(
        "--save-passphrase",
        metavar="FILE",
        help="for a new vault with no passphrase given: invent one, save it to FILE (0600)",
    )
    demo.add_argument(
        "--allow-weak", action="store_true", help="accept a weak passphrase for a new demo vault"
    )
    demo.set_defaults(handler=cmd_demo)


def _until(value: str | None) -> dt.date:
    if value is None:
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError("--until: must be a date written YYYY-MM-DD") from None


def _new_vault_passphrase(args: argparse.Namespace) -> str:
    """The given passphrase if there is one; else, with --save-passphrase, an invented one."""
    given = passphrase_file(args) or os.environ.get(PASSPHRASE_ENV)
    if args.save_passphrase and not given:
        target = Path(args.save_passphrase)
        if target.exists():
            raise UsageError(f"--save-passphrase: {target} already exists; it was not overwritten")
        words = " ".join(secrets.choice(WORDLIST) for _ in range(DEMO_WORDS))
        write_atomic(target, words.encode("utf-8") + b"\n")
        print(f"Demo vault passphrase (saved in {args.save_passphrase}): {words}", file=sys.stderr)
        return words
    return read_new_passphrase(passphrase_file(args), PASSPHRASE_ENV, allow_weak=args.allow_weak)


def cmd_demo(args: argparse.Namespace) -> int:
    if not 1 <= args.incidents <= 10_000_000:
        raise UsageError("--incidents: must be between 1 and 10,000,000")
    until = _until(args.until)
    path = vault_dir(args)
    if (path / "vault.key").exists():
        passphrase = read_passphrase(passphrase_file(args))
    else:
        passphrase = _new_vault_passphrase(args)
        create_vault(path, passphrase)
        print(f"Created a demo vault in {path}.", file=sys.stderr)
    incidents = generate_incidents(args.incidents, seed=args.seed, until=until)
    with (
        open_vault(path, passphrase) as vault,
        tqdm(
            total=args.incidents,
            unit=" incidents",
            disable=not sys.stderr.isatty(),
            file=sys.stderr,
        ) as progress,
    ):
        while batch := list(itertools.islice(incidents, BATCH)):
            try:
                vault.incidents.add_many(batch)
            except DuplicateRecord:
                raise UsageError(
                    f"this vault already holds the demo incidents of seed {args.seed} up to "
                    f"{until}: choose another --seed to add more"
                ) from None
            progress.update(len(batch))
        total = vault.queries.count()
        add_demo_assessments(vault, seed=args.seed, until=until)
    print(
        f"Added {args.incidents:,} fictional incidents; the vault now holds {total:,}.",
        file=sys.stderr,
    )
    return 0
