"""The Azerbaijani rule extractor ("rules-az"): capitalised runs read through Azerbaijani
case morphology (`morph`), typed by titles and head nouns (`typing`), with the shared
stages of `extract.textrules` for dates, numbers, relations, events and attribution.
Word classes are data: `data/words.yaml` (names) and `data/claims.yaml` (the rest)."""
from __future__ import annotations

from functools import lru_cache

from actorgraph.extract.rules_az import morph
from actorgraph.extract.rules_az.names import Finder, is_capital, org_kind
from actorgraph.extract.rules_az.typing import type_candidate
from actorgraph.extract.textrules import RuleExtractor
from actorgraph.extract.textrules.grammar import Analysis, Grammar
from actorgraph.extract.textrules.names import Candidate
from actorgraph.extract.textrules.text import Token
from actorgraph.knowledge.lexicon import Lexicon


class Azerbaijani(Grammar):
    code = "az"
    package = "actorgraph.extract.rules_az"
    home_state = "az"
    script = "latin"

    def fold(self, word: str) -> str:
        return _fold(word)

    def analyses(self, word: str) -> list[Analysis]:
        return morph.analyses(word)

    def appositive(self, word: str, strict: bool = True) -> bool:
        """An accusative name is an object, not the holder of the title before it; without a
        body named (`strict`), a dative one too ("X-ə" after a bare title)."""
        cases = ("acc", "dat") if strict else ("acc",)
        return not any(a.case in cases and (a.sure or morph.lower(a.stem).endswith(("ov", "ev")))
                       for a in morph.analyses(word))     # "Nəsirovu": a family name's -u

    def number(self, word: str) -> float | None:
        value = super().number(word)
        if value is None:
            for a in morph.analyses(word):          # "altıya", "dördü"
                value = super().number(a.stem) if a.case in ("dat", "acc", "gen") else None
                if value is not None:
                    break
        return value

    def find_names(self, text: str, tokens: list[Token], lex: Lexicon) -> list[Candidate]:
        f = Finder(self, lex, text, tokens)
        starts = _sentence_openers(text, tokens)
        later = {morph.lower(f.bare(t.text)) for t in tokens
                 if t.index not in starts and is_capital(t)}   # once, not once per name
        out: list[Candidate] = []
        for start, end in f.runs():
            for c in f.pieces(start, end):
                type_candidate(f, c)
                if c.end - c.start == 1 and c.entry is None and not _kept_alone(f, c, starts, later):
                    continue
                if c.end - c.start == 1 and c.entry is None and org_kind(self, c.name) \
                        and "acronym" not in c.evidence:
                    continue        # "Nazirliyin": the ministry named before, not a name
                out.append(c)
        return _drop_unsupported(out, self)


def _sentence_openers(text: str, tokens: list[Token]) -> set[int]:
    """Words that open a sentence, a heading or a quotation (capitalised anyway)."""
    out = set()
    for i, t in enumerate(tokens):
        before = text[tokens[i - 1].end:t.start] if i else ""
        if i == 0 or tokens[i - 1].sentence != t.sentence or any(c in before for c in ":\u201c\"«"):
            out.add(i)
    return out


def _kept_alone(f: Finder, c: Candidate, openers: set[int], later: set[str]) -> bool:
    """A one-word name opening a sentence stays when the document writes it capitalised
    elsewhere too (`later`: the bare forms of capitalised words that open nothing)."""
    word = f.tokens[c.start].text
    if morph.lower(c.name) in f.g.wordset("not_names") or morph.lower(word) in \
            f.g.wordset("not_names"):
        return False
    if c.start in openers:
        return morph.lower(c.name) in later or any(
            r.startswith(("title:", "head:", "place_noun:", "acronym")) for r in c.evidence)
    return True


def _drop_unsupported(cands: list[Candidate], g: Grammar) -> list[Candidate]:
    """A lone word no rule typed stays only as a short form of a longer person's name (its
    first or last word) or as another form of a typed name."""
    words = {g.fold(w) for c in cands if c.end - c.start > 1 and "person" in c.votes
             for w in (c.name.split()[0], c.name.split()[-1])}
    words |= {g.fold(c.name) for c in cands if c.votes}
    return [c for c in cands if c.votes or g.fold(c.name) in words]


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return " ".join(morph.lower(word).replace("\u2019", "'").split())


class RulesAzerbaijani(RuleExtractor):
    name = "rules-az"

    def __init__(self) -> None:
        super().__init__(Azerbaijani())
