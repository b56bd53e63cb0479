"""The adviser's own settings: language, look and how soon the app locks itself.

They are not secret (no names, no paths of evidence, no keys), so they live
in a small JSON file in the user's configuration folder, outside the vault:
the unlock screen needs the language before any vault is open. A damaged or
hand-edited file never stops the app from starting; each bad value falls back
to its default, and saving writes a temporary file then renames it, so a
crash leaves either the old file or the new one.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import platformdirs

LANGUAGES = ("auto", "en", "fr")
THEMES = ("light", "dark")
IDLE_MINUTES_RANGE = (1, 120)
_FILE_NAME = "preferences.json"
_MAX_BYTES = 64 * 1024


@dataclass(frozen=True)
class Preferences:
    """``language`` "auto" follows the system; ``idle_minutes`` is the auto-lock delay."""

    language: str = "auto"
    theme: str = "light"
    idle_minutes: int = 10
    send_automatically: bool = True  # off: sync only when asked (some networks must not see HQ)

    @property
    def idle_ms(self) -> int:
        return self.idle_minutes * 60 * 1000


def preferences_path() -> Path:
    """``HRADVISOR_CONFIG_DIR`` (tests, portable installs) or the platform's config folder."""
    override = os.environ.get("HRADVISOR_CONFIG_DIR")
    folder = Path(override) if override else Path(platformdirs.user_config_dir("hradvisor"))
    return folder / _FILE_NAME


def load_preferences(path: Path | None = None) -> Preferences:
    """The saved preferences; defaults for anything missing, unreadable or out of range."""
    path = path or preferences_path()
    try:
        with path.open("rb") as handle:
            raw: Any = json.loads(handle.read(_MAX_BYTES + 1)[:_MAX_BYTES])
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(raw, dict):
        return Preferences()
    return _valid(raw)


def _valid(raw: dict[str, Any]) -> Preferences:
    defaults = Preferences()
    values: dict[str, Any] = {}
    language = raw.get("language")
    values["language"] = language if language in LANGUAGES else defaults.language
    theme = raw.get("theme")
    values["theme"] = theme if theme in THEMES else defaults.theme
    minutes = raw.get("idle_minutes")
    low, high = IDLE_MINUTES_RANGE
    ok = isinstance(minutes, int) and not isinstance(minutes, bool) and low <= minutes <= high
    values["idle_minutes"] = minutes if ok else defaults.idle_minutes
    automatic = raw.get("send_automatically")
    values["send_automatically"] = (
        automatic if isinstance(automatic, bool) else defaults.send_automatically
    )
    return Preferences(**values)


def save_preferences(preferences: Preferences, path: Path | None = None) -> None:
    """Write atomically; raises ValueError for a value the app would not accept back."""
    checked = _valid(asdict(preferences))
    bad = [
        f.name
        for f in fields(preferences)
        if getattr(checked, f.name) != getattr(preferences, f.name)
    ]
    if bad:
        raise ValueError(f"preference out of range: {', '.join(bad)}")
    path = path or preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(asdict(preferences), indent=2, sort_keys=True).encode() + b"\n"
    handle, temp = tempfile.mkstemp(prefix=".preferences-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
