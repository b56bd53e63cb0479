"""The ``hradvisor`` command line (DESIGN §10): a thin layer over the store and model.

With no arguments it will open the desktop app; subcommands are stable for
scripts. Errors print one line on stderr naming the problem and exit with
2 usage/bad input, 3 wrong passphrase, 4 integrity failure, 5 package
rejected, 1 anything else. ``--debug`` adds the traceback.
"""

from hradvisor.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
