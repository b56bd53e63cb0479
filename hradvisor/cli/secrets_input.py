"""Where passphrases and recovery shares come from: a file, the environment, or a prompt.

Never from argv: the process list and shell history would show them. A file
must be given by path (its first line is the passphrase); the environment
variable suits scripts; otherwise we prompt on the terminal without echo.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from zxcvbn import zxcvbn

from hradvisor.cli.errors import UsageError

PASSPHRASE_ENV = "HRADVISOR_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
NEW_PASSPHRASE_ENV = "HRADVISOR_NEW_PASSPHRASE"  # noqa: S105
MIN_SCORE = 3
_MAX_SECRET_FILE = 64 * 1024


def _first_line(path: Path, what: str) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_SECRET_FILE)
    except OSError as exc:
        raise UsageError(f"cannot read the {what} file {path}: {exc.strerror}") from None
    try:
        line = raw.decode("utf-8").splitlines()[0] if raw.strip() else ""
    except UnicodeDecodeError:
        raise UsageError(f"the {what} file {path} is not UTF-8 text") from None
    if not line:
        raise UsageError(f"the {what} file {path} is empty")
    return line


def _person_at_terminal() -> bool:
    """True if someone can answer a prompt on the terminal.

    getpass reads the controlling terminal, so ``cat file.json | hradvisor
    incident add`` can still ask for the passphrase; with neither stdin nor
    stderr on a terminal (scripts, CI, tests) nobody is there to answer.
    """
    if not (sys.stdin.isatty() or sys.stderr.isatty()):
        return False
    try:
        os.close(os.open("/dev/tty", os.O_RDWR))
    except OSError:
        return sys.stdin.isatty()
    return True


def _prompt(prompt: str, *, missing: str) -> str:
    """Ask on the terminal without echo; *missing* says what to give instead when nobody can."""
    if not _person_at_terminal():
        raise UsageError(f"{missing}, or run in a terminal to be asked")
    return getpass.getpass(prompt)


_NO_PASSPHRASE = "no passphrase given: use --passphrase-file or set HRADVISOR_PASSPHRASE"  # noqa: S105


def read_passphrase(passphrase_file: Path | None, *, prompt: str = "Vault passphrase: ") -> str:
    """The passphrase that unlocks an existing vault."""
    if passphrase_file is not None:
        return _first_line(passphrase_file, "passphrase")
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    return _prompt(prompt, missing=_NO_PASSPHRASE)


def read_new_passphrase(
    passphrase_file: Path | None,
    env: str,
    *,
    allow_weak: bool,
    confirm: bool = True,
    file_option: str = "--passphrase-file",
) -> str:
    """A passphrase being chosen: from a file, *env*, or typed twice; checked for strength."""
    missing = f"no new passphrase given: use {file_option} or set {env}"
    if passphrase_file is not None:
        passphrase = _first_line(passphrase_file, "passphrase")
    elif os.environ.get(env):
        passphrase = os.environ[env]
    else:
        passphrase = _prompt("New passphrase: ", missing=missing)
        if confirm and _prompt("Repeat the new passphrase: ", missing=missing) != passphrase:
            raise UsageError("the two passphrases differ: nothing was changed")
    if not allow_weak:
        require_strong(passphrase)
    return passphrase


def require_strong(passphrase: str) -> None:
    """Refuse a passphrase zxcvbn scores below 3 of 4, saying why (never echoing it)."""
    result = zxcvbn(passphrase[:100])
    if result["score"] >= MIN_SCORE:
        return
    hint = result["feedback"].get("warning") or "it would be guessed quickly"
    raise UsageError(
        f"passphrase too weak (strength {result['score']} of 4: {hint.rstrip('.')}); "
        "use five or more random words, or pass --allow-weak"
    )


def read_shares(shares_file: Path | None) -> list[str]:
    """Recovery shares, one per line, from a file or typed at the terminal."""
    if shares_file is not None:
        try:
            text = shares_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise UsageError(f"cannot read the shares file {shares_file}") from None
        shares = [line.strip() for line in text.splitlines() if line.strip()]
    else:
        missing = "no recovery shares given: use --shares-file FILE (one share per line)"
        shares = [_prompt(f"Recovery share {n} of 2: ", missing=missing) for n in (1, 2)]
    if len(shares) < 2:
        raise UsageError("give at least two recovery shares")
    return shares
