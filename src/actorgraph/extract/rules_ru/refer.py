"""From a token of the parse to the names it stands for: the mention it lies in; for a
title or common noun, the name in apposition to it ('представитель ... Насер Канани') or
its state or body in the genitive; and the names coordinated with it ('МВД, СГБ и ...')."""
from __future__ import annotations

import bisect

from actorgraph.extract.rules_ru.names import country_of_adjective
from actorgraph.extract.rules_ru.nlp import Parsed, Tok
from actorgraph.extract.rules_ru.ruledata import classes
from actorgraph.knowledge.lexicon import Lexicon, normalize_form
from actorgraph.model import Mention, Sentence

PRONOUNS = {"он", "она"}
TITLES = classes("titles")
PRONOUN_REACH = 300     # characters back to the person a pronoun stands for


class Refs:
    def __init__(self, parsed: Parsed, mentions: list[Mention], lex: Lexicon | None = None,
                 sentences: list[Sentence] | None = None) -> None:
        self.p = parsed
        self.lex = lex
        self.sentences = sentences or []
        self.keyed = {m.key: m for m in mentions}
        self.persons = [m for m in mentions if m.type == "person" and m.role == "name"]
        self.implied: dict[str, Mention] = {}
        self.by_tok: dict[int, Mention] = {}
        for m in mentions:
            if m.role == "implied":
                continue
            for t in parsed.within(m.start, m.end):
                self.by_tok.setdefault(t.i, m)

    def mention(self, t: Tok) -> Mention | None:
        return self.by_tok.get(t.i)

    def of(self, t: Tok, conj: bool = True, genitive: bool = True) -> list[Mention]:
        """The names `t` stands for (it and its coordinated words)."""
        out: list[Mention] = []
        for u in [t] + (self.conjuncts(t) if conj else []):
            m = self.mention(u) or self._pronoun(u) or self._apposed(u, genitive)
            if m is None and genitive:
                m = self.state_adjective(u)
            if m is not None and all(m.key != o.key for o in out):
                out.append(m)
        return out

    def conjuncts(self, t: Tok) -> list[Tok]:
        out, todo, seen = [], [t.i], {t.i}     # each once: the parse may hold a cycle
        while todo:
            k = todo.pop()
            for j in self.p.kids[k]:
                if self.p.toks[j].rel == "conj" and j not in seen:
                    seen.add(j)
                    out.append(self.p.toks[j])
                    todo.append(j)
        return out

    def _apposed(self, t: Tok, genitive: bool, depth: int = 0) -> Mention | None:
        """A common noun's name: in apposition to it, else (if `genitive`) the name
        of the body or state it belongs to ('сотрудники посольства Ирана')."""
        for j in self.p.kids[t.i]:
            kid = self.p.toks[j]
            if self.mention(kid) is not None and (
                    kid.rel in ("appos", "flat:name", "flat")
                    or kid.rel == "nmod" and j <= t.i + 2 and kid.case in (t.case, "Nom")):
                return self.mention(kid)       # "движение Хезболла", "группировка «X»"
        if genitive:
            for j in self.p.kids[t.i]:
                kid = self.p.toks[j]
                if kid.rel == "nmod" and kid.case == "Gen" and not self.case_of(kid):
                    found = self.mention(kid) or (
                        self._apposed(kid, True, depth + 1) if depth < 2 else None)
                    if found is not None:
                        return found        # "по позициям движения «Хезболла»"
        return None

    def _pronoun(self, t: Tok) -> Mention | None:
        if t.pos != "PRON" or t.lemma not in PRONOUNS or t.feats.get("Number") == "Plur":
            return None
        before = [m for m in self.persons if m.end <= t.start
                  and t.start - m.start < PRONOUN_REACH]
        if not before:
            return None
        # "... перед домом депутата ... по нему": a title between the last name and the
        # pronoun stands for the person who holds that title
        last = before[-1]
        titles = [x for x in self.p.toks if last.end <= x.start < t.start and x.lemma in TITLES
                  and not any(self.mention(self.p.toks[j]) for j in self.p.kids[x.i])]
        if titles:
            holders = [m for m in self.persons if m.start < t.start
                       and titles[-1].lemma in m.titles]
            if holders:
                return holders[-1]
        return last

    def state_adjective(self, t: Tok) -> Mention | None:
        """The state named by an adjective of `t` (or of its genitive): 'сотрудники
        иранского посольства' -> Иран."""
        if self.lex is None or not self.sentences:
            return None
        kids = [self.p.toks[j] for j in self.p.kids[t.i]]
        kids += [self.p.toks[g] for k in kids if k.rel == "nmod" and k.case == "Gen"
                 for g in self.p.kids[k.i]]
        for kid in kids:
            if kid.rel != "amod" or kid.pos != "ADJ":
                continue
            name = country_of_adjective(kid.lemma, self.lex)
            if name is not None:
                found = self.state(name, t.start)
                if found is not None:
                    return found
        return None

    def state(self, name: str, offset: int) -> Mention | None:
        """The document's mention of the state `name` (Russian), or an implied one in the
        sentence at `offset` when the text names it only by an adjective or inside a name."""
        entry = self.lex.lookup(name) if self.lex is not None else None
        if entry is None or entry.type != "country" or not self.sentences:
            return None
        key = f"country:{normalize_form(entry.name)}"
        if key in self.keyed:
            return self.keyed[key]
        if key not in self.implied:
            starts = [s.start for s in self.sentences]
            idx = max(0, bisect.bisect_right(starts, offset) - 1)
            at = self.sentences[idx]
            self.implied[key] = Mention(start=at.start, end=at.start, text="", type="country",
                                        sentence=idx, label="implied", key=key, name=name,
                                        role="implied", section=at.kind)
        return self.implied[key]

    def subject(self, verb: Tok) -> list[Mention]:
        for j in self.p.kids[verb.i]:
            if self.p.toks[j].rel in ("nsubj", "nsubj:pass"):
                return self.of(self.p.toks[j])
        return []

    def case_of(self, t: Tok) -> str:
        """The preposition governing `t` ('' for none)."""
        for j in self.p.kids[t.i]:
            if self.p.toks[j].rel == "case":
                return self.p.toks[j].lemma
        return ""
