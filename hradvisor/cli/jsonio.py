"""JSON in and out of the command line, with a size cap on input.

Input is read up to the cap and refused beyond it before parsing, so a
100 MB file cannot exhaust memory. Output is UTF-8 JSON on stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from hradvisor.model import FieldError, ValidationError
from hradvisor.store import TooLarge

MAX_INPUT_BYTES = 16 * 1024 * 1024


def read_json_input(source: str, *, cap: int = MAX_INPUT_BYTES) -> Any:
    """Parse JSON from a file path or ``-`` (stdin); ValidationError if it is not JSON."""
    if source == "-":
        raw = sys.stdin.buffer.read(cap + 1)
    else:
        try:
            with Path(source).open("rb") as handle:
                raw = handle.read(cap + 1)
        except OSError as exc:
            raise ValidationError(
                [FieldError("", f"cannot read {source}: {exc.strerror}")]
            ) from None
    if len(raw) > cap:
        raise TooLarge(
            f"input is larger than {cap // (1024 * 1024)} MiB: split it into smaller files"
        )
    try:
        return json.loads(raw.decode("utf-8-sig"))  # a byte-order mark (old Notepad) is fine
    except UnicodeDecodeError:
        raise ValidationError([FieldError("", "input is not UTF-8 text")]) from None
    except json.JSONDecodeError as exc:
        message = f"input is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        raise ValidationError([FieldError("", message)]) from None
    except RecursionError:
        raise ValidationError([FieldError("", "input JSON is nested too deeply")]) from None


def print_json(value: Any) -> None:
    """Pretty JSON on stdout, always UTF-8 (whatever the locale), keys in a stable order."""
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
