"""A state's organs across languages: "МИД Ирана", "İran XİN" and "Iran's Foreign Ministry"
are one ministry, the foreign ministry of Iran.

`data/state_organs.yaml` lists kinds of organ (foreign ministry, interior ministry, state
security service, ...) by their generic titles in each language. `read_organ` reads a name
as such a title with at most its state around it (a genitive, an adjective, a possessive,
a state's name before it); `organ_name` names that state's organ: the gazetteer's entry for
it where there is one, else "<English title> of <State>". Names with other words than the
title and a state ("пресс-служба МИД", "Главное следственное управление СГБ") are not an
organ of this kind: they are read as they are.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from actorgraph.knowledge.data import load_yaml
from actorgraph.knowledge.lexicon import Lexicon, normalize_form

# an ending a state's name takes in a genitive, adjective or possessive ("Ирана",
# "иранского", "İranın", "Iranian", "الإيراني"): at most this many letters
MAX_ENDING = 6


@dataclass(frozen=True)
class Organ:
    kind: str
    english: tuple[str, ...]
    forms: tuple[tuple[str, ...], ...]    # folded words of each title, any language
    abbreviations: frozenset[str]         # folded forms written in capitals


@dataclass(frozen=True)
class OrganName:
    organ: Organ
    country: str | None     # ISO alpha-2 of the state named with it, None when none is


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[Organ, ...], frozenset[str], tuple[str, ...]]:
    """The organs, the function words and the words for a state, from the data file."""
    data = load_yaml("state_organs.yaml") or {}
    organs = []
    for kind, row in sorted((data.get("organs") or {}).items()):
        english = tuple(row["english"])
        titles = [t for lang, ts in row.items() if lang != "english" for t in ts] + list(english)
        abbreviations = frozenset(normalize_form(t) for t in titles if t.isupper())
        forms = tuple(tuple(normalize_form(t).split()) for t in titles)
        organs.append(Organ(kind, english, forms, abbreviations))
    function = frozenset(normalize_form(w) or w for w in data.get("function_words") or ())
    state_words = tuple(normalize_form(w) for w in data.get("state_words") or ())
    return tuple(organs), function, state_words


def _word_fits(word: str, title_word: str) -> bool:
    """A word of a name is a title's word, inflected ("Nazirliyinin" for "Nazirliyi",
    "прокуратуры" for "прокуратура"): short words exactly, longer ones by their stem."""
    if word == title_word:
        return True
    if len(title_word) < 5:
        return False
    stem = title_word[:-2] if len(title_word) >= 7 else title_word[:-1]
    return word.startswith(stem) and len(word) <= len(title_word) + 4


def _find(words: list[str], raw: list[str], organ: Organ) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for form in organ.forms:
        n = len(form)
        for i in range(len(words) - n + 1):
            if not all(_word_fits(words[i + k], form[k]) for k in range(n)):
                continue
            if n == 1 and form[0] in organ.abbreviations and not raw[i].isupper():
                continue
            if best is None or n > best[1] - best[0]:
                best = (i, i + n)
    return best


_FORMS: dict[int, list[tuple[str, str]]] = {}


def _country_forms(lex: Lexicon) -> list[tuple[str, str]]:
    """(folded one-word form, ISO code) of every state, longest first."""
    if id(lex) in _FORMS:
        return _FORMS[id(lex)]
    out = {}
    for form, entry in lex.by_form.items():
        if entry.type == "country" and entry.country and " " not in form and len(form) >= 4:
            out[form] = entry.country
    for dem, country in lex.demonyms.items():
        state = lex.lookup(country)
        if state is not None and state.country and " " not in dem:
            out.setdefault(dem, state.country)
    _FORMS[id(lex)] = sorted(out.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return _FORMS[id(lex)]


def _state_of(word: str, lex: Lexicon) -> str | None:
    """The state a word names, in any case form: its name or demonym and a short ending."""
    words = (word, word[2:]) if word.startswith("ال") else (word,)
    for cut in (0, 1):      # the whole name, else its stem ("Израиля", "Израиль")
        for w in words:
            for form, code in _country_forms(lex):
                stem = form[:len(form) - cut]
                if len(stem) >= 4 + cut and w.startswith(stem) \
                        and len(w) - len(form) <= MAX_ENDING:
                    return code
    return None


def read_organ(name: str, lex: Lexicon,
               state_of: Callable[[str], str | None] | None = None) -> OrganName | None:
    """`name` as a state organ's title with at most its state, or None. `state_of` is a
    language's own reading of a word as a state (ISO alpha-2), for forms that are not the
    state's name with an ending ("турецкого": Turkey)."""
    organs, function, state_words = _table()
    raw = re.sub(r"[-\u2010\u2011]", " ", name).split()
    words = normalize_form(name).split()
    if len(raw) != len(words):
        raw = words
    found = None
    for organ in organs:
        span = _find(words, raw, organ)
        if span is not None and (found is None or span[1] - span[0] > found[1][1] - found[1][0]):
            found = (organ, span)
    if found is None:
        return None
    organ, (start, end) = found
    states = set()
    for w in words[:start] + words[end:]:
        if w in function or any(_word_fits(w, s) for s in state_words):
            continue
        code = _state_of(w, lex) or (state_of(w) if state_of is not None else None)
        if code is None:
            return None
        states.add(code)
    if len(states) > 1:
        return None
    return OrganName(organ, next(iter(states), None))


def organ_name(organ: Organ, country: str, lex: Lexicon) -> str:
    """What to call `organ` of `country`: the gazetteer's entry for it, else its English
    title with the state's name."""
    titles = [normalize_form(t) for t in organ.english]
    for entry in lex.entries:
        if entry.type != "organization" or entry.country != country:
            continue
        forms = [normalize_form(f) for f in (entry.name, *entry.aliases)]
        if any(re.search(rf"\b{re.escape(t)}\b", f) for f in forms for t in titles):
            return entry.name
    state = lex.country_by_code.get(country, country.upper())
    return f"{organ.english[0]} of {state}"
