"""The word lists of `data/wordlists.yaml`, loaded once as sets."""
from __future__ import annotations

from importlib import resources

import yaml


def _load() -> dict:
    raw = yaml.safe_load((resources.files("actorgraph") / "data" / "wordlists.yaml").read_text(
        encoding="utf-8"))
    out: dict = {}
    for key, value in raw.items():
        if isinstance(value, dict):
            out[key] = {k: set(map(str, v)) for k, v in value.items()}
        else:
            out[key] = set(map(str, value))
    return out


WORDS: dict = _load()
