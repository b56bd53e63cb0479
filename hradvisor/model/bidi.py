"""Make text safe to show: no invisible bidirectional controls that reorder the screen.

A title holding U+202E (RIGHT-TO-LEFT OVERRIDE) displays its characters in
reverse, so "evil.exe" can read as "exe.live" and a list can be made to show
something other than what is stored ("Trojan Source", CVE-2021-42574). Lists
and read-only displays pass stored text through ``neutralise_bidi`` so what a
person reads is what the record says. Editable fields keep the stored text
unchanged: stripping it there would silently alter the record on save.
"""

from __future__ import annotations

# Embeddings and overrides (LRE, RLE, PDF, LRO, RLO), isolates (LRI, RLI, FSI,
# PDI) and the implicit marks (LRM, RLM, ALM).
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_DROP = {ord(char): None for char in BIDI_CONTROLS}


def neutralise_bidi(text: str) -> str:
    """*text* without bidirectional control characters (other text is kept as is)."""
    return text.translate(_DROP)


def has_bidi_controls(text: str) -> bool:
    """True if *text* holds a bidirectional control character."""
    return any(char in BIDI_CONTROLS for char in text)
