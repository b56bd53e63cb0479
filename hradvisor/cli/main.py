"""Parser, dispatch and the one place errors become exit codes."""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import re
import shlex
import sys
import traceback
from collections.abc import Sequence
from typing import Any

from hradvisor import __version__
from hradvisor.cli import (
    analyse_command,
    demo_command,
    incident_commands,
    report_commands,
    vault_commands,
)
from hradvisor.cli.context import add_common_options, vault_dir
from hradvisor.cli.errors import UsageError
from hradvisor.model import ValidationError
from hradvisor.store import VaultError


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2 like every other error.

    Abbreviated options are off: ``--passphrase SECRET`` must be refused, not
    taken for ``--passphrase-file SECRET`` and echoed back in an error.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{redact_usage_message(message)} (see '{self.prog} --help')")


_SECRET_OPTION = re.compile(
    r"^--(new-)?(passphrase|password|passwd|pass|secret|key|shares?)(=.*)?$"
)


def refuse_secrets_in_argv(argv: Sequence[str]) -> None:
    """Refuse a passphrase typed as an option, naming the option and never the value.

    The process list and the shell history would keep it: DESIGN §10 allows
    passphrases only from a file, the environment or a prompt.
    """
    for token in argv:
        found = _SECRET_OPTION.match(token)
        if found:
            option = token.split("=", 1)[0]
            raise UsageError(
                f"{option}: passphrases are never accepted on the command line (the process "
                "list and shell history would keep them); use --passphrase-file FILE, "
                "HRADVISOR_PASSPHRASE, or the prompt"
            )


def redact_usage_message(message: str) -> str:
    """An argparse message without the values the user typed (they might be secrets)."""
    message = re.sub(r"invalid choice: '.*?' \(", "invalid choice (", message)
    message = re.sub(r"invalid (\w+) value: '.*?'$", r"invalid \1 value", message)
    if message.startswith("unrecognized arguments:"):
        options = [t.split("=", 1)[0] for t in message.split()[2:] if t.startswith("-")]
        message = "unrecognized arguments" + (f": {' '.join(options)}" if options else "")
    return message


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="hradvisor",
        description="Record, analyse and report human rights incidents in an encrypted vault.",
    )
    parser.add_argument("--version", action="version", version=f"hradvisor {__version__}")
    add_common_options(parser, suppress=False)
    common = _Parser(add_help=False)
    add_common_options(common, suppress=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    vault_commands.register(commands, common)
    incident_commands.register(commands, common)
    demo_command.register(commands, common)
    analyse_command.register(commands, common)
    report_commands.register(commands, common)
    return parser


def _exit_code(exc: BaseException) -> tuple[int, str]:
    """Exit code and one-line message for an error; unexpected ones say only their type."""
    if isinstance(exc, UsageError | ValidationError | VaultError):
        return exc.exit_code, str(exc)
    if isinstance(exc, KeyboardInterrupt):
        return 130, "interrupted"
    if isinstance(exc, OSError):
        return (
            1,
            f"{exc.strerror or 'input/output error'}{f': {exc.filename}' if exc.filename else ''}",
        )
    return 1, f"unexpected error ({type(exc).__name__}); run with --debug for details"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")  # a title never crashes a listing
    try:
        refuse_secrets_in_argv(sys.argv[1:] if argv is None else argv)
        args = build_parser().parse_args(argv)
        if args.command is None:
            return _no_command(args)
        code = int(args.handler(args))
        sys.stdout.flush()
        return code
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    except BrokenPipeError:
        # The reader went away ('| head'): that is its choice, not our error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except BaseException as exc:
        code, message = _exit_code(exc)
        if debug:
            traceback.print_exc()
        print(f"hradvisor: error: {message}", file=sys.stderr)
        return code


def _no_command(args: argparse.Namespace) -> int:
    """No subcommand: open the desktop app, or say plainly why it cannot open here."""
    if importlib.util.find_spec("PySide6") is None:
        print(
            "hradvisor: error: the desktop app is not installed; "
            "install the desktop extra: pip install 'hradvisor[gui]'",
            file=sys.stderr,
        )
        return 1
    path = vault_dir(args)
    if not _has_display():
        print(
            "There is no display here, so the desktop app cannot open.\n"
            "The command line works: 'hradvisor --help' lists the commands.\n"
            "To see the window without a display, run it under a virtual one, e.g.\n"
            f"  xvfb-run .venv/bin/hradvisor --vault {shlex.quote(str(path))}",
            file=sys.stderr,
        )
        return 0
    from hradvisor.ui import run_gui  # Qt is loaded only for the desktop app

    return run_gui(path)


def _has_display() -> bool:
    """False on Linux without X11, Wayland or an explicit Qt platform (a server, an SSH login)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
