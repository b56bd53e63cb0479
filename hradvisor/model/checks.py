"""Building blocks for validating JSON input field by field.

Each helper records a FieldError under the field's dotted path instead of
raising, so one pass reports every problem (the editor shows each next to its
field) and the caller raises once with all of them.
"""

from __future__ import annotations

import math
import re
from typing import Any

from hradvisor.model.errors import FieldError, ValidationError
from hradvisor.model.ids import is_valid_id
from hradvisor.model.vocabularies import vocabulary

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f]")
MAX_LIST = 200
MAX_COUNT = 10_000_000


def join(path: str, key: str | int) -> str:
    """Dotted path of *key* under *path* (list indexes as ``sources[0]``)."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class Checker:
    """Collects field errors while input is converted to model values."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(FieldError(path, message))

    def raise_if_failed(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def obj(
        self, value: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, Any]:
        """The JSON object at *path*, after rejecting unknown and missing keys."""
        if not isinstance(value, dict):
            self.fail(path, "must be an object")
            return {}
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                self.fail(join(path, str(key)), "unknown field")
        for key in required:
            if key not in value:
                self.fail(join(path, key), "required")
        return value

    def text(
        self,
        value: Any,
        path: str,
        *,
        max_len: int,
        multiline: bool = False,
        optional: bool = False,
    ) -> str | None:
        """A non-blank string of at most *max_len* characters (None allowed if optional)."""
        if value is None and optional:
            return None
        if not isinstance(value, str):
            self.fail(path, "must be a string")
            return None
        problem = text_problem(value, max_len=max_len, multiline=multiline)
        if problem:
            self.fail(path, problem)
            return None
        return value

    def code(self, value: Any, path: str, vocab: str, *, optional: bool = False) -> str | None:
        """A code from vocabulary *vocab*."""
        if value is None and optional:
            return None
        if not isinstance(value, str) or value not in vocabulary(vocab):
            self.fail(path, f"must be one of the {vocab} codes")
            return None
        return value

    def code_list(self, value: Any, path: str, vocab: str) -> tuple[str, ...]:
        """A list of distinct codes from *vocab*, in the order given."""
        items = self.array(value, path)
        result: list[str] = []
        for index, item in enumerate(items):
            code = self.code(item, join(path, index), vocab)
            if code is None:
                continue
            if code in result:
                self.fail(join(path, index), "listed twice")
            else:
                result.append(code)
        return tuple(result)

    def text_list(self, value: Any, path: str, *, max_len: int) -> tuple[str, ...]:
        """A list of distinct short strings (tags, follow-up actions)."""
        items = self.array(value, path)
        result: list[str] = []
        for index, item in enumerate(items):
            text = self.text(item, join(path, index), max_len=max_len)
            if text is None:
                continue
            if text in result:
                self.fail(join(path, index), "listed twice")
            else:
                result.append(text)
        return tuple(result)

    def array(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(path, "must be a list")
            return []
        if len(value) > MAX_LIST:
            self.fail(path, f"must have at most {MAX_LIST} items")
            return []
        return value

    def count(self, value: Any, path: str) -> int:
        """A whole number ≥ 0 (booleans are not numbers here)."""
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, "must be a whole number")
            return 0
        if value < 0:
            self.fail(path, "must be ≥ 0")
            return 0
        if value > MAX_COUNT:
            self.fail(path, f"must be ≤ {MAX_COUNT:,}")
            return 0
        return value

    def number(self, value: Any, path: str, low: float, high: float) -> float | None:
        """A finite number within [low, high]."""
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, "must be a number")
            return None
        if not math.isfinite(value) or not low <= value <= high:
            self.fail(path, f"must be between {low:g} and {high:g}")
            return None
        return float(value)

    def record_id(self, value: Any, path: str) -> str | None:
        if not isinstance(value, str) or not is_valid_id(value):
            self.fail(path, "must be a lower-case UUID")
            return None
        return value


def text_problem(value: str, *, max_len: int, multiline: bool) -> str | None:
    """Why *value* is not acceptable text, or None if it is."""
    if not value.strip():
        return "must not be empty"
    if len(value) > max_len:
        return f"must be at most {max_len:,} characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "must be valid Unicode text"
    pattern = _CONTROL if multiline else _CONTROL_OR_NEWLINE
    if pattern.search(value):
        return "must not contain control characters"
    return None
