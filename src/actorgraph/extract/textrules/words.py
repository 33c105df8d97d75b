"""Matching word classes against the text: phrases of a class found over the words of a
sentence, as whole words (Arabic, Persian) or as word beginnings (Azerbaijani, where the
class lists stems: "saxlanıl" finds "saxlanılıb", "saxlanılanların")."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.text import Token


@dataclass(frozen=True)
class Hit:
    start: int      # token index
    end: int        # token index, exclusive
    label: str      # the class the phrase belongs to
    phrase: str


def phrases(grammar: Grammar, classes: dict[str, Iterable[str]]) -> list[tuple[list[str], str]]:
    """Each phrase of each class as folded words, longest first."""
    out = [([grammar.fold(w) for w in str(p).split()], str(label))
           for label, items in classes.items() for p in items]
    return sorted(out, key=lambda x: -len(x[0]))


def find(tokens: list[Token], grammar: Grammar, table: list[tuple[list[str], str]],
         prefix: bool = False) -> list[Hit]:
    """Non-overlapping occurrences of the table's phrases, left to right."""
    folded = [grammar.fold(t.text) for t in tokens]
    index: dict[str, list[tuple[list[str], str]]] = {}
    for words, label in table:          # by the first word, or its first letters (prefixes)
        key = words[0][:2] if prefix else words[0]
        index.setdefault(key, []).append((words, label))
    out: list[Hit] = []
    i = 0
    while i < len(tokens):
        hit = None
        readings = grammar.readings(tokens[i].text)
        keys = dict.fromkeys([*readings, *(r[:2] for r in readings)] if prefix else readings)
        options = sorted((p for k in keys for p in index.get(k, ())), key=lambda p: -len(p[0]))
        for words, label in options:
            n = len(words)
            if i + n > len(tokens) or tokens[i + n - 1].sentence != tokens[i].sentence:
                continue
            if all(_same(folded[i + k], tokens[i + k].text, grammar, w, prefix,
                         last=k == n - 1) for k, w in enumerate(words)):
                hit = Hit(i, i + n, label, " ".join(words))
                break
        if hit:
            out.append(hit)
            i = hit.end
        else:
            i += 1
    return out


ENDING = 4      # letters of an ending on a word inside a phrase ("zərbələr endirib")


def _same(word: str, written: str, grammar: Grammar, want: str, prefix: bool,
          last: bool = True) -> bool:
    """Whether a written word is a phrase's word: where the class lists stems (`prefix`),
    its last word begins the written one and the others begin it with at most an ending
    after them (a plural, a possessive); elsewhere the word or one of its readings."""
    if prefix and (last or word.startswith(want) and len(word) - len(want) <= ENDING):
        return word.startswith(want)
    return word == want or want in grammar.readings(written)
