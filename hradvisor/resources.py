"""The one way code reads files shipped in resources/.

In a wheel, resources/ is installed as ``hradvisor/resources``; in a source
checkout (editable install, tests) it sits beside the package. Everything that
reads a vocabulary, gazetteer or font goes through here so both work.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any


@functools.cache
def resource_root() -> Path:
    """Directory holding the shipped resources (vocabularies/, gazetteers/, …)."""
    installed = Path(str(resources.files("hradvisor"))) / "resources"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("hradvisor resources are missing from this installation")


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource file, e.g. ``resource_path("vocabularies", "x.json")``."""
    return resource_root().joinpath(*parts)


@functools.cache
def read_json_resource(*parts: str) -> Any:
    """Parsed content of a shipped JSON resource (cached: resources never change at run time)."""
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)
