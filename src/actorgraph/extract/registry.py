"""The extractors this installation knows, by name.

An extractor registers a factory under its name; the factory is called (and the
extractor's heavy imports, such as a spaCy model, happen) only when that extractor is
asked for, so listing names is cheap. `DEFAULT` is what `actorgraph ingest` uses
unless `--extractor NAME` says otherwise: "auto", which sends each document to the
extractor of its language (`LANGUAGES`; see `extract.router`).

To add one: write a class that satisfies `extract.base.Extractor` in its own package
under `extract/` and add a line to `_BUILTIN` (or call `register` from a plugin).
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from actorgraph.extract.base import Extractor

DEFAULT = "auto"

# name -> "module:factory", imported on first use
_BUILTIN: dict[str, str] = {
    "auto": "actorgraph.extract.router:ByLanguage",
    "rules-en": "actorgraph.extract.rules_en:RulesEnglish",
    "rules-ru": "actorgraph.extract.rules_ru:RulesRussian",
    "rules-az": "actorgraph.extract.rules_az:RulesAzerbaijani",
    "rules-fa": "actorgraph.extract.rules_fa:RulesPersian",
    "rules-ar": "actorgraph.extract.rules_ar:RulesArabic",
}
# ISO 639-1 language -> the extractor that reads it (others: extract.router.FALLBACK)
LANGUAGES: dict[str, str] = {
    "en": "rules-en",
    "ru": "rules-ru",
    "az": "rules-az",
    "fa": "rules-fa",
    "ar": "rules-ar",
}
_factories: dict[str, Callable[[], Extractor]] = {}
_instances: dict[str, Extractor] = {}


class UnknownExtractor(KeyError):
    def __str__(self) -> str:
        return f"unknown extractor {self.args[0]!r}; known: {', '.join(names())}"


def register(name: str, factory: Callable[[], Extractor]) -> None:
    """Make `factory` the extractor called `name` (replacing any earlier one)."""
    _factories[name] = factory
    _instances.pop(name, None)


def unregister(name: str) -> None:
    """Forget an extractor added with `register`."""
    _factories.pop(name, None)
    _instances.pop(name, None)


def names() -> list[str]:
    """The names of every known extractor, sorted."""
    return sorted(set(_BUILTIN) | set(_factories))


def get(name: str = DEFAULT) -> Extractor:
    """The extractor called `name`, built once per process."""
    if name not in _instances:
        if name in _factories:
            factory = _factories[name]
        elif name in _BUILTIN:
            module, attr = _BUILTIN[name].split(":")
            factory = getattr(import_module(module), attr)
        else:
            raise UnknownExtractor(name)
        _instances[name] = factory()
    return _instances[name]
