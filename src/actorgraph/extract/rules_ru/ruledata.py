"""The Russian rules' word classes and patterns, in `actorgraph/extract/rules_ru/data/`
(`words.yaml`: titles, institution heads, calendar and number words, cues;
`events.yaml`: event triggers by PLOVER class). Words are lemmas (pymorphy2's normal
forms), lower case."""
from __future__ import annotations

from functools import cache
from typing import Any

from actorgraph.knowledge.data import load_yaml

PACKAGE = "actorgraph.extract.rules_ru"


def load_data(name: str) -> dict[str, Any]:
    """A YAML file of the Russian rules' data folder, read once."""
    return load_yaml(name, package=PACKAGE) or {}


@cache
def words(name: str) -> frozenset[str]:
    """The word list `name` of `words.yaml`."""
    return frozenset(str(w) for w in load_data("words.yaml")[name])


@cache
def table(name: str) -> dict[str, Any]:
    """The table `name` (word -> value) of `words.yaml`."""
    return dict(load_data("words.yaml")[name])


@cache
def classes(name: str) -> dict[str, str]:
    """A table of classes (`class: [words]`) of `words.yaml`, inverted: word -> class."""
    out: dict[str, str] = {}
    for cls, members in load_data("words.yaml")[name].items():
        for w in members:
            out.setdefault(str(w), str(cls))
    return out
