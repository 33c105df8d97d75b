"""What a language package gives the shared rule machinery: its word classes and morphology.

A `Grammar` reads its language's word lists (`data/words.yaml` of its package) and says
how a written word relates to its dictionary form (`analyses`: case endings stripped in
Azerbaijani, clitics in Arabic and Persian). The shared stages (names, dates, numbers,
relations, events, attribution) ask only these questions, so a new language is a new
word list and a morphology, not new stages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from actorgraph.extract.textrules.text import Token
from actorgraph.knowledge.data import load_yaml
from actorgraph.knowledge.lexicon import Lexicon, normalize_form


@dataclass(frozen=True)
class Analysis:
    """One reading of a written word: its dictionary form and the ending or clitic taken off."""

    stem: str
    affix: str = ""
    sure: bool = True       # False: a short ending that many bare names also end in
    case: str = ""          # the case or clitic: "gen", "dat", "loc", "abl", "acc", "prep" ...


class Grammar:
    """Word classes and morphology of one language (subclassed per language)."""

    code = ""
    package = ""
    home_state: str | None = None   # ISO code of the state a bare "the president" means

    script = "latin"
    prefix = True       # word classes list word beginnings (stems) rather than whole words

    @cached_property
    def words(self) -> dict[str, Any]:
        """`data/words.yaml` (names) and `data/claims.yaml` (dates, numbers, verbs) as one."""
        return {**(load_yaml("words.yaml", self.package) or {}),
                **(load_yaml("claims.yaml", self.package) or {})}

    def find_names(self, text: str, tokens: list[Token], lex: Lexicon) -> list[Any]:
        """Name candidates (`names.Candidate`) of the document, each language its own way."""
        raise NotImplementedError

    def to_gregorian(self, calendar: str, year: int, month: int, day: int | None
                     ) -> tuple[int, int, int | None]:
        """A date of another calendar as a Gregorian (year, month, day)."""
        return year, month, day

    def from_gregorian(self, calendar: str, iso: str) -> int:
        """The year of the Gregorian date `iso` in `calendar` (for dates without a year)."""
        return int(iso[:4])

    def wordset(self, name: str) -> frozenset[str]:
        """A word class of `data/words.yaml`, folded."""
        return self._sets.get(name, frozenset())

    @cached_property
    def _sets(self) -> dict[str, frozenset[str]]:
        out = {}
        for key, value in self.words.items():
            if isinstance(value, list):
                out[key] = frozenset(self.fold(str(v)) for v in value)
        out["titles"] = out.get("leader_titles", frozenset()) | \
            out.get("member_titles", frozenset()) | out.get("honorifics", frozenset())
        out["org_heads_all"] = frozenset(self.grouped("org_heads"))
        return out

    def table(self, name: str) -> dict[str, Any]:
        """A mapping class of `data/words.yaml` (word -> value), its keys folded."""
        if name not in self._tables:
            raw = self.words.get(name) or {}
            self._tables[name] = {self.fold(str(k)): v for k, v in raw.items()}
        return self._tables[name]

    def grouped(self, name: str) -> dict[str, str]:
        """A class of `data/words.yaml` grouped by value ({label: [words]}) as word -> label."""
        key = f"grouped:{name}"
        if key not in self._tables:
            out = {}
            for label, items in (self.words.get(name) or {}).items():
                for w in items:
                    out[self.fold(str(w))] = str(label)
            self._tables[key] = out
        return self._tables[key]

    @cached_property
    def _tables(self) -> dict[str, dict[str, Any]]:
        return {}

    def fold(self, word: str) -> str:
        """The form words are compared in."""
        return _fold(word)

    def analyses(self, word: str) -> list[Analysis]:
        """Readings of `word` with an ending or clitic removed, likeliest first (not itself)."""
        return []

    date_after = False      # a verb's time words follow it (Arabic), else precede it

    def anaphoric(self, tokens: list[Token], i: int, phrase: str = "") -> bool:
        """Whether the event word at tokens[i] refers back to an event told before ("this
        attack"): after a demonstrative of the class `demonstratives`."""
        return i > 0 and tokens[i - 1].sentence == tokens[i].sentence and \
            self.fold(tokens[i - 1].text) in self.wordset("demonstratives")

    def appositive(self, word: str, strict: bool = True) -> bool:
        """Whether a name ending in `word` can stand in apposition to a title before it."""
        return True

    def readings(self, word: str) -> list[str]:
        """The folded forms a class word may match: the word, without an ending or clitic."""
        return [self.fold(word), *(self.fold(a.stem) for a in self.analyses(word))]

    def number(self, word: str) -> float | None:
        """The value of a number word or a written number, else None."""
        digits = to_ascii_digits(word)
        if re.fullmatch(r"\d+(?:[.,]\d+)?", digits):
            return float(digits.replace(",", "."))
        return self.table("numbers").get(self.fold(word))


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return normalize_form(word)


_DIGITS = str.maketrans({**{chr(0x06f0 + i): str(i) for i in range(10)},
                         **{chr(0x0660 + i): str(i) for i in range(10)},
                         "\u066b": ".", "\u066c": ","})


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits as ASCII, character for character (offsets hold)."""
    return text.translate(_DIGITS)
