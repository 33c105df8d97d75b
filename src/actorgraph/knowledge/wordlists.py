"""The word lists of `data/wordlists.yaml`, loaded once as sets."""
from __future__ import annotations

from actorgraph.knowledge.data import load_yaml


def _load() -> dict:
    raw = load_yaml("wordlists.yaml")
    out: dict = {}
    for key, value in raw.items():
        if isinstance(value, dict):
            out[key] = {k: set(map(str, v)) for k, v in value.items()}
        else:
            out[key] = set(map(str, value))
    return out


WORDS: dict = _load()
