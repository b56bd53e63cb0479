"""Reading generated PDFs back in tests: text per page, metadata, fonts (pypdf, pure Python)."""

from __future__ import annotations

import io
from typing import Any

import pypdf


def pages_text(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text() or "" for page in reader.pages]


def metadata(pdf: bytes) -> dict[str, Any]:
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata or {}
    return {str(key): str(value) for key, value in info.items()}


def fonts(pdf: bytes) -> dict[str, bool]:
    """Every font used on any page and whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found
