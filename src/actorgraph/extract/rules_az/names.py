"""Azerbaijani names: capitalised runs of words, split where a case ending closes a name,
read through the lexicon, typed by titles, institution heads and place nouns.

A run of capitalised words in one sentence is a name unless it is a title ("Prezidenti")
or a lone sentence-opening word nothing else supports. Inside a run, a word with a case
ending other than the possessive of compound names ends the name ("Tehrandan Bakıya" is
two places). A name's dictionary form drops the last word's case ending only where the
bare form is known (lexicon, another mention in the document, a family-name ending) or the
ending is unambiguous (apostrophe, buffer consonant, locative, ablative).
"""
from __future__ import annotations

import re
from collections import Counter

from actorgraph.extract.rules_az import morph
from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.names import Candidate, joined, lexicon_at
from actorgraph.extract.textrules.text import Token
from actorgraph.knowledge.lexicon import Lexicon

CASES_ENDING_A_NAME = {"gen", "dat", "loc", "abl", "ins", "cop", "acc"}


ARTICLE = re.compile(r"^([^\W\d_]{1,3})[-\u2011](\w)")


def articled(word: str) -> bool:
    """A name word after the Arabic article, the article in lower case ("əl-Əraci")."""
    m = ARTICLE.match(word)
    return m is not None and m.group(1).islower() and m.group(2).isupper()


def is_capital(tok: Token) -> bool:
    return tok.text[:1].isupper()


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


class Finder:
    def __init__(self, grammar: Grammar, lex: Lexicon, text: str, tokens: list[Token]) -> None:
        self.g, self.lex, self.text, self.tokens = grammar, lex, text, tokens
        self.titles = grammar.wordset("leader_titles") | grammar.wordset("member_titles") \
            | grammar.wordset("honorifics")
        self.attested = self._attested()
        self.lowercase = {t.text for t in tokens if t.text[:1].islower()}

    # -- the words -------------------------------------------------------------------
    def _attested(self) -> set[str]:
        """Bare forms the document vouches for: capitalised words as written, and stems that
        two different written forms share ("Səricanova", "Səricanovun")."""
        bare = {morph.lower(t.text) for t in self.tokens if is_capital(t)}
        stems: Counter = Counter()
        for word in {t.text for t in self.tokens if is_capital(t)}:
            for s in {morph.lower(a.stem) for a in morph.analyses(word)}:
                stems[s] += 1
        return bare | {s for s, n in stems.items() if n > 1}

    def is_title(self, word: str) -> bool:
        return bool(morph.heads(word) & self.titles) and not is_acronym(word)

    def case_of(self, word: str) -> str | None:
        """The case ending that closes a name, when the word surely carries one."""
        if self.lex.lookup(word) is not None:
            return None
        for a in morph.analyses(word):
            if a.case in CASES_ENDING_A_NAME and (a.sure or self._known(a.stem)):
                return a.case
        return None

    def _known(self, stem: str) -> bool:
        return morph.lower(stem) in self.attested or self.lex.lookup(stem) is not None

    def bare(self, word: str) -> str:
        """The dictionary form of a name's last word."""
        if self.lex.lookup(word) is not None:
            return word
        found = morph.analyses(word)
        for a in found:
            if self.lex.lookup(a.stem) is not None:
                return a.stem
        for a in found:
            if morph.lower(a.stem) in self.attested and len(a.stem) > 2:
                return a.stem
        surnames = self.g.wordset("surname_endings")
        for a in found:
            if a.sure or any(morph.lower(a.stem).endswith(e) for e in surnames):
                return a.stem
        return word

    # -- runs ------------------------------------------------------------------------
    def runs(self) -> list[tuple[int, int]]:
        """Maximal runs of capitalised name words joined by spaces, split after a case ending
        and after a family name that another name follows."""
        out: list[tuple[int, int]] = []
        start = None
        for i, tok in enumerate(self.tokens):
            name_word = (is_capital(tok) or start is not None and articled(tok.text)) \
                and not self._title_here(i) and not tok.text[:1].isdigit() \
                and not self._common_opener(i)
            if start is not None and (not name_word or not joined(self.text, self.tokens,
                                                                   i - 1, i + 1)):
                out.append((start, i))
                start = None
            if name_word:
                if start is None:
                    start = i
                if self.case_of(tok.text) or (i > start and self._surname(tok.text)):
                    out.append((start, i + 1))
                    start = None
        if start is not None:
            out.append((start, len(self.tokens)))
        return out

    def _common_opener(self, i: int) -> bool:
        """A sentence's first word that is a common noun: plural ("Nümayəndələr ..."), or,
        when no capitalised word follows it, written in lower case elsewhere too."""
        tok = self.tokens[i]
        if i and self.tokens[i - 1].sentence == tok.sentence:
            return False
        low = morph.lower(tok.text)
        stems = {low, *(morph.lower(a.stem) for a in morph.analyses(tok.text))}
        if any(s.endswith(("lar", "lər")) for s in stems):
            return True
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        followed = nxt is not None and nxt.sentence == tok.sentence and is_capital(nxt)
        return not followed and bool(stems & self.lowercase)

    def _surname(self, word: str) -> bool:
        low = morph.lower(word)
        return any(low.endswith(e) and len(low) > len(e) + 2
                   for e in self.g.wordset("surname_endings")) and low.endswith(("ov", "ev"))

    def _title_here(self, i: int) -> bool:
        """A capitalised title word: one a name follows, not itself after a person's name
        ("İran Prezidenti Seyid ...", "Prezident İlham ..."; not "İbrahim Rəisi")."""
        tok = self.tokens[i]
        if not self.is_title(tok.text):
            return False
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if nxt is None or nxt.sentence != tok.sentence or not is_capital(nxt):
            return False
        prev = self.tokens[i - 1] if i else None
        if prev is None or prev.sentence != tok.sentence or not is_capital(prev) \
                or self.text[prev.end:tok.start].strip():
            return True
        if any(a.case == "gen" for a in morph.analyses(prev.text)):
            return True             # "Ali Məclisin Sədri X": the body's title
        return self.lex.lookup(self.bare(prev.text)) is not None or is_acronym(prev.text) \
            or self.is_title(prev.text) or morph.lower(prev.text) in self.g.wordset("portfolios")

    def pieces(self, start: int, end: int) -> list[Candidate]:
        """A run cut into known names (lexicon) and the stretches between them."""
        out: list[Candidate] = []
        pos, rest = start, start
        while pos < end:
            found = lexicon_at(self.text, self.tokens, pos, self.g, self.lex, limit=end,
                               accept=lambda e, form, words: all(w[:1].isupper() for w in words))
            if found is None:
                pos += 1
                continue
            if rest < pos:
                out.append(self.stretch(rest, pos))
            found.trim = _trim(self.tokens[found.end - 1].text)
            out.append(found)
            pos = rest = found.end
        if rest < end:
            out.append(self.stretch(rest, end))
        return _merge(out, self.g)

    def stretch(self, start: int, end: int) -> Candidate:
        words = [t.text for t in self.tokens[start:end]]
        name = " ".join([*words[:-1], self.bare(words[-1])])
        return Candidate(start, end, name, trim=_trim(words[-1]))


def _merge(parts: list[Candidate], g: Grammar) -> list[Candidate]:
    """Join a compass word to the place after it, a state to the institution or the state
    title after it ("Şərqi Azərbaycan", "İran XİN", "İran İslam Respublikası")."""
    out: list[Candidate] = []
    for c in parts:
        prev = out[-1] if out else None
        if prev is not None and prev.end == c.start:
            if prev.entry is None and morph.lower(prev.name) in g.wordset("directions") \
                    and c.entry is not None and c.entry.type in ("country", "place"):
                out[-1] = Candidate(prev.start, c.end, f"{prev.name} {c.name}")
                out[-1].vote("place", 3.0, "direction+place")
                continue
            if prev.entry is not None and prev.entry.type == "country" and c.entry is None:
                heads = morph.heads(c.name.split()[-1])
                if heads & g.wordset("country_heads"):
                    prev.end, prev.name, prev.trim = c.end, f"{prev.name} {c.name}", c.trim
                    continue
                if is_acronym(c.name) or org_kind(g, c.name):
                    out[-1] = Candidate(prev.start, c.end, f"{prev.name} {c.name}", trim=c.trim)
                    out[-1].vote("organization", 3.0, "state+institution")
                    continue
        out.append(c)
    return out


def _trim(word: str) -> int:
    """How many letters of an ending joined by an apostrophe or hyphen end a word
    ("Bakı'da", "DTX-nin"): the mention's span stops before them."""
    found = morph.analyses(word)
    if found and found[0].affix[:1] in morph.APOSTROPHES:
        return len(found[0].affix)
    return 0


def org_kind(g: Grammar, name: str) -> str | None:
    """The organisation kind a name's head noun gives, if it has an institution head."""
    heads = morph.heads(name.split()[-1])
    two = morph.heads(" ".join(name.split()[-2:])) if len(name.split()) > 1 else set()
    for kind, nouns in (g.words.get("org_heads") or {}).items():
        folded = {morph.lower(n) for n in nouns}
        if heads & folded or two & folded:
            return str(kind)
    return None
