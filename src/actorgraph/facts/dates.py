"""Dates compared: whether two dates given at different precisions can be one date."""
from __future__ import annotations


def dates_agree(a: str | None, b: str | None) -> bool:
    """Compatible dates: one is a prefix of the other, or one is unknown."""
    return not a or not b or a.startswith(b) or b.startswith(a)
