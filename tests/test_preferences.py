"""Preferences: defaults when absent or damaged, atomic saves, values checked both ways."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hradvisor.preferences import (
    Preferences,
    load_preferences,
    preferences_path,
    save_preferences,
)


def test_defaults_when_nothing_is_saved() -> None:
    assert load_preferences() == Preferences(language="auto", theme="light", idle_minutes=10)
    assert Preferences().idle_ms == 600_000


def test_round_trip_in_the_config_folder() -> None:
    wanted = Preferences(language="fr", theme="dark", idle_minutes=3)
    save_preferences(wanted)
    assert load_preferences() == wanted
    assert preferences_path().parent.name == "config"  # the per-test folder, not ~/.config
    assert [p.name for p in preferences_path().parent.iterdir()] == ["preferences.json"]


def test_out_of_range_values_are_refused_on_save_and_nothing_is_written() -> None:
    with pytest.raises(ValueError, match="idle_minutes"):
        save_preferences(Preferences(idle_minutes=0))
    with pytest.raises(ValueError, match="language"):
        save_preferences(Preferences(language="xx"))
    assert not preferences_path().exists()


def test_each_bad_value_falls_back_alone(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"language": "fr", "theme": "neon", "idle_minutes": True}))
    assert load_preferences(path) == Preferences(language="fr")


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b"\xff\xfe", b'{"idle_minutes": 1e999}'])
def test_damaged_file_gives_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "p.json"
    path.write_bytes(content)
    assert load_preferences(path) == Preferences()


@given(st.dictionaries(st.text(max_size=12), st.one_of(st.none(), st.integers(), st.text())))
def test_any_json_object_loads_to_valid_preferences(raw: dict[str, object]) -> None:
    folder = Path(preferences_path()).parent
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fuzz.json"
    path.write_text(json.dumps(raw))
    loaded = load_preferences(path)
    save_preferences(loaded, folder / "again.json")  # whatever loads can be saved back
