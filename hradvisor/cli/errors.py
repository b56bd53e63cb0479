"""Errors the command line raises itself (usage problems and bad input)."""

from __future__ import annotations


class UsageError(Exception):
    """The command was called wrongly or without something it needs (exit 2)."""

    exit_code = 2
