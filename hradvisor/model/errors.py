"""Validation errors that name the field, so a person can fix the input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one field; *path* is dotted, e.g. ``victims.killed.girls``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ValidationError(ValueError):
    """Input that does not describe a valid record. Carries every problem found.

    The message names fields and rules only, never the submitted values, so it
    is safe to log or show on a shared screen.
    """

    exit_code = 2

    def __init__(self, errors: list[FieldError]) -> None:
        if not errors:
            raise ValueError("ValidationError needs at least one FieldError")
        self.errors = tuple(errors)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{errors[0]}{more}")
