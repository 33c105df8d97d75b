"""Names found without a parser: known names (the lexicon) over the words of a sentence,
read through the language's morphology, and the candidates' shared record.

A language package finds its own candidates (capitalised runs in Azerbaijani, head words
and titles in Arabic and Persian) and uses `lexicon_at` for the names the lexicon knows,
whatever ending or clitic they carry: "İranın", "Bakı'da", "لإيران", "بالحشد الشعبي".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.text import Token
from actorgraph.knowledge.kinds import STRONG
from actorgraph.knowledge.lexicon import LexEntry, Lexicon

MAX_WORDS = 7
JOINER = re.compile(r"^[\s\u200c\u2011-]*$")   # what may stand between two words of one name


@dataclass
class Candidate:
    """A name over words [start, end) of the token list, before it becomes a Mention."""

    start: int
    end: int
    name: str                               # dictionary form, in the text's script
    votes: dict[str, float] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    kind: str | None = None
    entry: LexEntry | None = None
    titles: tuple[str, ...] = ()
    label: str = "pattern"
    trim: int = 0           # letters of the last word left out of the span (an ending)
    lead: int = 0           # letters of the first word left out of the span (a proclitic)
    parts: list[Candidate] = field(default_factory=list)   # known names inside this one

    def vote(self, etype: str, weight: float, reason: str) -> None:
        self.votes[etype] = self.votes.get(etype, 0.0) + weight
        self.evidence.append(reason)


def joined(text: str, tokens: list[Token], start: int, end: int) -> bool:
    """Whether words [start, end) follow each other in one sentence with only spaces between."""
    for a, b in zip(tokens[start:end - 1], tokens[start + 1:end]):
        if a.sentence != b.sentence or not JOINER.match(text[a.end:b.start]):
            return False
    return True


def lexicon_at(text: str, tokens: list[Token], i: int, grammar: Grammar, lex: Lexicon,
               limit: int | None = None, accept=None) -> Candidate | None:
    """The longest known name that starts at word `i` (and ends before `limit`), its first
    word read without a proclitic and its last without an ending where needed."""
    stop = min(len(tokens), i + MAX_WORDS, limit if limit is not None else len(tokens))
    for end in range(stop, i, -1):
        if not joined(text, tokens, i, end):
            continue
        words = [t.text for t in tokens[i:end]]
        firsts = _readings(grammar, words[0], prefix=True)
        if end - i == 1:
            firsts += [r for r in _readings(grammar, words[0], prefix=False) if r not in firsts]
        for first in firsts:
            lasts = [first] if end - i == 1 else _readings(grammar, words[-1], prefix=False)
            for last in lasts:
                form = " ".join([first, *words[1:-1], last]) if end - i > 1 else first
                entry = lex.lookup(form)
                if entry is None or (accept is not None and not accept(entry, form, words)):
                    continue
                cand = Candidate(i, end, form, entry=entry, kind=entry.kind, label="gazetteer")
                if first != words[0] and words[0].endswith(first):
                    cand.lead = len(words[0]) - len(first)     # "لعصائب ...": after the لـ
                cand.vote(entry.type, STRONG, f"lexicon:{entry.name}")
                return cand
    return None


def _readings(grammar: Grammar, word: str, prefix: bool) -> list[str]:
    """The word itself, then its readings without a proclitic (first word of a name) or
    without an ending (last word)."""
    out = [word]
    for a in grammar.analyses(word):
        if (a.case == "prep") == prefix and a.stem not in out:
            out.append(a.stem)
    return out
