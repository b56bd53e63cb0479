"""``hradvisor-hq``: the HQ operator's command line (DESIGN §10).

``init | serve | devices list|approve|revoke | import | report | export``.
The HQ directory is ``--dir DIR`` or ``$HRADVISOR_HQ_DIR``; the operator
passphrase comes from ``--passphrase-file``, ``$HRADVISOR_HQ_PASSPHRASE`` or a
prompt, never argv. Errors are one line on stderr with the exit codes of the
field CLI: 2 usage, 3 wrong passphrase, 4 integrity, 5 package rejected, 1 other.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hradvisor import __version__
from hradvisor.cli.errors import UsageError
from hradvisor.cli.main import redact_usage_message, refuse_secrets_in_argv
from hradvisor.hq import commands
from hradvisor.hq.passphrase import HQ_PASSPHRASE_ENV
from hradvisor.store.errors import VaultError

HQ_DIR_ENV = "HRADVISOR_HQ_DIR"


class _Parser(argparse.ArgumentParser):
    """Usage errors are one line, exit 2, and never echo what was typed (it may be a secret)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{redact_usage_message(message)} (see '{self.prog} --help')")


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--dir", metavar="DIR", default=default, help=f"HQ directory (default: ${HQ_DIR_ENV})"
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help=f"operator passphrase from the first line of FILE (else ${HQ_PASSPHRASE_ENV}, "
        "else a prompt)",
    )
    parser.add_argument(
        "--accept-rollback",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="open an hq.db older than the one last used (after a deliberate restore)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="show tracebacks",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="hradvisor-hq", description="OHCHR HQ intake for hradvisor field devices."
    )
    parser.add_argument("--version", action="version", version=f"hradvisor-hq {__version__}")
    _common(parser, suppress=False)
    common = _Parser(add_help=False)
    _common(common, suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    init = sub.add_parser("init", parents=[common], help="create the HQ store and HQ keys")
    init.add_argument("--allow-weak", action="store_true", help="accept a weak passphrase")
    init.set_defaults(handler=commands.init)

    serve = sub.add_parser("serve", parents=[common], help="run the intake service (HTTPS)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8443, help="port (default 8443)")
    serve.add_argument("--tls-cert", required=True, metavar="PEM", help="certificate chain")
    serve.add_argument("--tls-key", required=True, metavar="PEM", help="its private key")
    serve.set_defaults(handler=commands.serve)

    devices = sub.add_parser("devices", parents=[common], help="list, approve or revoke devices")
    actions = devices.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    listing = actions.add_parser("list", parents=[common], help="every device and its status")
    listing.add_argument("--json", action="store_true", help="JSON output")
    listing.set_defaults(handler=commands.devices_list)
    for name, handler, text in (
        ("approve", commands.devices_approve, "allow a device (after checking its fingerprint)"),
        ("revoke", commands.devices_revoke, "refuse everything a device sends from now on"),
    ):
        action = actions.add_parser(name, parents=[common], help=text)
        action.add_argument("device", metavar="ID", help="device id or fingerprint")
        action.set_defaults(handler=handler)
    enroll = actions.add_parser(
        "enroll", parents=[common], help="record an enrollment request carried as a file"
    )
    enroll.add_argument(
        "request", metavar="FILE", type=Path, help="from 'hradvisor sync enroll --out'"
    )
    enroll.set_defaults(handler=commands.devices_enroll)
    devices.set_defaults(handler=commands.devices_list, json=False)

    imports = sub.add_parser("import", parents=[common], help="ingest package files (USB)")
    imports.add_argument("files", nargs="+", metavar="FILE", type=Path)
    imports.add_argument(
        "--receipts", metavar="DIR", type=Path, help="where to write receipts (default: beside)"
    )
    imports.set_defaults(handler=commands.import_files)

    report = sub.add_parser("report", parents=[common], help="PDF status and consolidated report")
    report.add_argument("--out", required=True, metavar="FILE.pdf", type=Path)
    report.set_defaults(handler=commands.report)

    export = sub.add_parser("export", parents=[common], help="consolidated counts and devices")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--out", metavar="FILE", type=Path, help="file to write (default: stdout)")
    export.set_defaults(handler=commands.export)
    return parser


def _exit_code(exc: BaseException) -> tuple[int, str]:
    """Exit code and one line for an error; unexpected ones say only their type."""
    if isinstance(exc, UsageError | VaultError):
        return exc.exit_code, str(exc)
    if isinstance(exc, KeyboardInterrupt):
        return 130, "interrupted"
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return 1, f"{exc.strerror or 'input/output error'}{where}"
    return 1, f"unexpected error ({type(exc).__name__}); run with --debug for details"


def _refuse_secrets(argv: Sequence[str]) -> None:
    try:
        refuse_secrets_in_argv(argv)
    except UsageError as exc:
        raise UsageError(str(exc).replace("HRADVISOR_PASSPHRASE", HQ_PASSPHRASE_ENV)) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the HQ command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    try:
        _refuse_secrets(args_list)
        args = build_parser().parse_args(args_list)
        if args.command is None:
            build_parser().print_help()
            return 2
        if not getattr(args, "dir", None):
            args.dir = os.environ.get(HQ_DIR_ENV)
        if not args.dir:
            raise UsageError(f"no HQ directory: use --dir DIR or set {HQ_DIR_ENV}")
        # Commands report on stdout/stderr themselves; only `serve` logs (see commands.serve).
        logging.getLogger("hradvisor.hq").addHandler(logging.NullHandler())
        code = int(args.handler(args))
        sys.stdout.flush()
        return code
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    except BaseException as exc:
        code, message = _exit_code(exc)
        if debug:
            traceback.print_exc()
        print(f"hradvisor-hq: error: {message}", file=sys.stderr)
        return code
