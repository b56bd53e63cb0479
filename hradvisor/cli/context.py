"""What every command needs: which vault, and how to unlock it."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import platformdirs

from hradvisor.cli.secrets_input import read_passphrase
from hradvisor.store import Vault, open_vault, require_vault

VAULT_ENV = "HRADVISOR_VAULT"


def default_vault_dir() -> Path:
    """The user's own vault: ``$HRADVISOR_VAULT`` or the platform's data directory."""
    env = os.environ.get(VAULT_ENV)
    return Path(env) if env else Path(platformdirs.user_data_dir("hradvisor")) / "vault"


def vault_dir(args: argparse.Namespace) -> Path:
    given = getattr(args, "vault", None)
    return Path(given) if given else default_vault_dir()


def passphrase_file(args: argparse.Namespace) -> Path | None:
    given = getattr(args, "passphrase_file", None)
    return Path(given) if given else None


def unlock(args: argparse.Namespace) -> Vault:
    """Open the vault named by the arguments, asking for the passphrase if needed."""
    path = vault_dir(args)
    require_vault(path)  # say "no vault here" before asking for a passphrase
    passphrase = read_passphrase(passphrase_file(args))
    return open_vault(path, passphrase, accept_rollback=getattr(args, "accept_rollback", False))


def add_common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """--vault, --passphrase-file and --debug, accepted before or after the subcommand."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--vault",
        metavar="DIR",
        default=default,
        help=f"vault directory (default: ${VAULT_ENV} or the user data dir)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help="passphrase from the first line of FILE (else $HRADVISOR_PASSPHRASE, else a prompt)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="show tracebacks",
    )
