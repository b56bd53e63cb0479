"""Parser, dispatch and the one place errors become exit codes."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from hradvisor import __version__
from hradvisor.cli import demo_command, incident_commands, vault_commands
from hradvisor.cli.context import add_common_options
from hradvisor.cli.errors import UsageError
from hradvisor.model import ValidationError
from hradvisor.store import VaultError


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2 like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


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
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            return _no_command()
        return int(args.handler(args))
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    except BaseException as exc:
        code, message = _exit_code(exc)
        if debug:
            traceback.print_exc()
        print(f"hradvisor: error: {message}", file=sys.stderr)
        return code


def _no_command() -> int:
    print(
        "The desktop application is not included in this version yet.\n"
        "Use the command line: 'hradvisor --help' lists the commands, e.g.\n"
        "  hradvisor vault init      create your vault\n"
        "  hradvisor incident add    record incidents from JSON\n"
        "  hradvisor demo            try it on fictional data",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
