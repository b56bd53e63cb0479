"""The HQ operator passphrase: from a file, ``$HRADVISOR_HQ_PASSPHRASE``, or a prompt.

The same rules as the field CLI (hradvisor.cli.secrets_input), with HQ's own
environment variable so an adviser's vault passphrase is never picked up by
mistake on a machine that runs both.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from hradvisor.cli.errors import UsageError
from hradvisor.cli.secrets_input import read_new_passphrase, read_passphrase

HQ_PASSPHRASE_ENV = "HRADVISOR_HQ_PASSPHRASE"  # noqa: S105 - a variable name, not a secret


def operator_passphrase(passphrase_file: Path | None) -> str:
    """The passphrase that unlocks an existing HQ store."""
    if passphrase_file is not None:
        return read_passphrase(passphrase_file)
    if os.environ.get(HQ_PASSPHRASE_ENV):
        return os.environ[HQ_PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise UsageError(
            f"no passphrase given: use --passphrase-file or set {HQ_PASSPHRASE_ENV}, "
            "or run in a terminal to be asked"
        )
    return getpass.getpass("HQ operator passphrase: ")


def new_operator_passphrase(passphrase_file: Path | None, *, allow_weak: bool) -> str:
    """A passphrase being chosen for a new HQ store (typed twice at a prompt; strength-checked)."""
    return read_new_passphrase(passphrase_file, HQ_PASSPHRASE_ENV, allow_weak=allow_weak)
