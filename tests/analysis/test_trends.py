"""Changes between periods: bands, the low-count rule and shares."""

from __future__ import annotations

import pytest

from hradvisor.analysis.trends import count_change, share_change


@pytest.mark.parametrize(
    ("current", "previous", "direction", "band"),
    [
        (130, 100, "up", "large-increase"),
        (120, 100, "up", "moderate-increase"),
        (105, 100, "flat", "limited-change"),
        (80, 100, "flat", "limited-change"),
        (70, 100, "down", "large-decrease"),
        (4, 1, "flat", "low-count"),  # a percentage of tiny numbers says nothing
        (3, 0, "new", "low-count"),
        (12, 0, "new", "new"),
        (0, 0, "flat", "low-count"),
        (0, 8, "down", "large-decrease"),
    ],
)
def test_count_bands(current: int, previous: int, direction: str, band: str) -> None:
    change = count_change(current, previous, None)
    assert (change.direction, change.band) == (direction, band)
    assert change.delta == current - previous


def test_ratios_never_divide_by_zero() -> None:
    change = count_change(5, 0, 0.0)
    assert change.ratio is None and change.baseline_ratio is None
    assert count_change(6, 3, 2.0).baseline_ratio == 3.0


def test_share_changes_in_points() -> None:
    assert share_change(None, 0.5, 0.5) is None
    up = share_change(0.6, 0.5, None)
    assert up is not None and up.direction == "up" and up.delta == pytest.approx(0.1)
    flat = share_change(0.52, 0.5, 0.5)
    assert flat is not None and flat.direction == "flat"
    first = share_change(0.5, None, None)
    assert first is not None and first.direction == "new"
