"""From a token of the parse to the entities it stands for: shared by relations and events.

A relation or event rule finds a trigger and the tokens that fill its slots
(the subject of a verb, the object of "of", the noun an apposition describes).
`Context` turns such a token into entity keys (`Mention.key`):

- a token inside a recognised name is that name's entity (a capital standing
  for its state is the state);
- coordinated names ("Hezbollah, Hamas and ...") are each an entity;
- "the group", "the movement" is the document's salient organisation, when
  one organisation clearly dominates the document (`Context.salient`);
- "this coalition", "the network" is the coalition named just before;
- "it", "its", "they", "their" are the salient organisation only when it is
  the clear antecedent (no other organisation competes in the window);
  "he", "his" a person when one person is in view;
- "Azerbaijani authorities", "the Aliyev government", "Iran's regime" is the
  state (or the named leader); "Husseiniyyun fighters", "the group's
  members" the organisation;
- as the target of an act, "Israeli targets", "an Azerbaijani member of
  parliament", "Israelis" are the state of the demonym, "targets in Baku" the place.

Keys of states named only by a demonym are built as "country:" + the folded
country name, the way the pipeline keys countries; `Context.invented` lists them.
Pure functions of the parsed document: no state is kept between documents.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Token

from actorgraph.extract.rules_en.reference.argdata import (
    NOT_PRONOUN,
    PARTITIVE,
    RELATIVE,
    STATE_HEADS,
    Ent,
    country_key,
    lemma_in,
    load_data,
    word_set,
)
from actorgraph.extract.rules_en.reference.clauses import Clauses
from actorgraph.knowledge.lexicon import Lexicon, normalize_form
from actorgraph.model import Mention, Sentence

__all__ = ["Context", "Ent", "country_key", "lemma_in", "load_data", "word_set"]

class Context(Clauses):
    """Everything a rule needs to read one parsed document: tokens, names, salience."""

    def __init__(self, doc: Doc, sentences: list[Sentence], mentions: list[Mention],
                 lex: Lexicon | None = None) -> None:
        super().__init__(doc, sentences, mentions, lex)
        self._surnames = self._surname_index()
        self._places_by_head: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:      # "Kandahar Airfield" under "airfield", in text order
            if m.type == "place":
                self._places_by_head[m.text.split()[-1].lower()].append(m)

    def _one(self, t: Token, role: str, depth: int) -> list[Ent]:
        """The entities token `t` stands for in `role`, `depth` references deep."""
        if depth > 4:
            return []
        m = self.mention_at(t)
        if m is not None:
            return [self.ent_of(m)]
        low = t.lower_
        if low in RELATIVE and t.tag_ in ("WP", "WDT", "WP$"):
            rel = t.head if t.tag_ != "WP$" else t.head.head
            while rel is not None and rel.dep_ != "relcl" and rel.head.i != rel.i:
                rel = rel.head
            if rel is not None and rel.dep_ == "relcl":
                return self._one(rel.head, role, depth + 1)
            return []
        if low in self.w.pronouns and t.pos_ in ("PRON", "DET") and t.dep_ not in NOT_PRONOUN:
            return list(self.pronoun(t))
        near = self._named_near(t, role, depth)
        return near if near is not None else self._described(t, role, depth)

    def _named_near(self, t: Token, role: str, depth: int) -> list[Ent] | None:
        """A common noun that stands for names next to it in the parse: the name it is in
        apposition to, its naming modifier, "six of them", listed names; None if none."""
        low, lemma = t.lower_, t.lemma_.lower()
        # a descriptor in apposition stands for the name it describes
        head_mention = self.mention_at(t.head)
        if t.dep_ == "appos" and head_mention is not None and t.pos_ == "NOUN":
            return [self.ent_of(head_mention)]
        if lemma in self.w.group | self.w.coalition and t.pos_ == "NOUN":
            for c in t.children:     # "the Sabirin movement", "the Houthi group"
                org = self.mention_at(c) if c.dep_ in ("compound", "nmod") else None
                if org is not None and org.type == "organization":
                    return [self.ent_of(org)]
        if self.is_group_ref(t):
            return self.group_ref(t)
        if t.pos_ in ("NUM", "PRON", "DET", "ADJ") and low in PARTITIVE or t.like_num:
            for c in t.children:     # "six of them", "some of its members"
                if c.dep_ == "prep" and c.lower_ == "of":
                    return [e for p in c.children if p.dep_ == "pobj"
                            for e in self._one(p, role, depth + 1)]
        if t.pos_ == "NOUN":         # "the two leaders of the group, X and Y" (misattached)
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ != "pobj" or self.mention_at(p) is not None:
                            continue
                        people = [x for x in p.children if x.dep_ == "appos"
                                  and (xm := self.mention_at(x)) is not None
                                  and xm.type == "person"]
                        if people:
                            return [e for x in people for e in self.ents(x, role)]
        if t.tag_ in ("NNS", "NNPS"):
            listed = self.list_items(t, ("organization", "person", "country"))
            if listed:
                return listed
        named = [c for c in t.children if c.dep_ == "appos" and self.mention_at(c) is not None]
        if named and t.pos_ == "NOUN":
            return [e for c in named for e in self.ents(c, role)]
        return None

    def _described(self, t: Token, role: str, depth: int) -> list[Ent]:
        """A common noun read by what it describes: "the coalition", a role noun seen
        before, "X province", "the country's president", "its members", a surname."""
        low, lemma = t.lower_, t.lemma_.lower()
        if lemma in self.w.coalition and self._definite(t) and not self._has_of(t):
            return self.coalition_before(t)
        if t.pos_ == "NOUN" and self._definite(t) and not self._has_of(t) \
                and lemma in self._roles_seen():
            keys = self._roles_seen()[lemma]
            if len(keys) == 1:
                return [Ent(next(iter(keys)), "person", "role")]
        if t.pos_ == "NOUN" and self._definite(t) and not self._has_of(t):
            named = self._place_by_head(t)
            if named:
                return named
        if lemma in self.w.place:
            for c in t.children:        # "Nangarhar province", "Daraa governorate"
                cm = self.mention_at(c)
                if c.dep_ in ("compound", "nmod") and cm is not None \
                        and cm.type in ("place", "country"):
                    return [self.ent_of(cm, "place")]
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        pm = self.mention_at(p)
                        if p.dep_ == "pobj" and pm is not None:
                            return [self.ent_of(pm, "place")]
        if lemma in self.w.state or low in self.w.state:
            found = self._owner(t, depth, state=True)
            if found:
                return found
        if lemma in self.w.member or low in self.w.member:
            found = self._owner(t, depth, state=False)
            if found and all(e.type == "organization" for e in found):
                return [Ent(e.key, e.type, "member") for e in found]
        if role == "target":
            found = self._target_owner(t, depth)
            if found:
                return found
        if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.dep_ == "compound"):
            return self.surname(t)
        return []

    def _place_by_head(self, t: Token) -> list[Ent]:
        """'the airfield' after 'Kandahar Airfield': the one place named before whose name
        ends in this noun; none if two places fit."""
        fits = [m for h in {t.lower_, t.lemma_.lower()}
                for m in self._places_by_head.get(h, ()) if m.end <= t.idx]
        if len({m.key for m in fits}) != 1:
            return []
        return [self.ent_of(fits[-1], "place")]

    def demonym_country(self, tok: Token) -> Ent | None:
        """'Iranian', 'Israelis' -> the country, keyed as the pipeline keys countries."""
        form = normalize_form(tok.text)
        name = self.lex.demonyms.get(form)
        if name is None:
            return None
        key = country_key(name)
        known = [k for k, t in self.key_type.items() if t == "country" and k == key]
        if not known:
            for m in self.mentions:
                if m.type == "country" and normalize_form(m.name or m.text) == normalize_form(name):
                    return Ent(m.key, "country", "demonym")
            self.invented.setdefault(key, name)
        return Ent(key, "country", "demonym")

    def _owner(self, t: Token, depth: int, state: bool) -> list[Ent]:
        """Whose government/fighters: possessor, compound name, demonym, 'of X'."""
        for c in t.children:
            if c.dep_ == "poss":
                found = self._one(c, "any", depth + 1)
                if found:
                    return found
        for c in t.children:
            if c.dep_ in ("compound", "nmod", "amod") and c.i < t.i:
                m = self.mention_at(c)
                if m is not None:
                    return [self.ent_of(m, "state" if state else "member")]
                if state:
                    d = self.demonym_country(c)
                    if d is not None:
                        return [d]
                    if c.pos_ == "PROPN" or c.text[:1].isupper():
                        found = self.surname(c)
                        if found:
                            return found
                    # "Azerbaijani government buildings": the demonym sits one level down
                    for cc in c.children:
                        if cc.dep_ in ("compound", "amod"):
                            d = self.demonym_country(cc)
                            if d is not None:
                                return [d]
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    m = self.mention_at(p)
                    if state and m is not None and m.type == "person":
                        led = self.state_led_by(p)
                        if led:
                            return led
                    if m is None:
                        if c.lower_ == "of" and not state:
                            return self._one(p, "any", depth + 1)
                        continue
                    if c.lower_ == "in" and m.type == "place":
                        cap = self.capital_state(m)
                        return [cap] if cap else []
                    return [self.ent_of(m, "state" if state else "member")]
        return []

    def state_led_by(self, tok: Token) -> list[Ent]:
        """'Azerbaijani president Ilham Aliyev': the state a titled person heads."""
        m = self.mention_at(tok)
        if m is None:
            return []
        root = self.mention_root(m)
        for c in root.children:
            if c.dep_ in ("compound", "amod", "appos") and c.lemma_.lower() in STATE_HEADS:
                for cc in c.children:
                    if cc.dep_ in ("compound", "amod", "poss", "nmod"):
                        d = self.demonym_country(cc)
                        if d is not None:
                            return [d]
                        mm = self.mention_at(cc)
                        if mm is not None and mm.type == "country":
                            return [self.ent_of(mm, "state")]
        return []

    def capital_state(self, m: Mention) -> Ent | None:
        """'the regime in Baku': a capital named as the seat of government is its state."""
        entry = self.lex.lookup(m.text)
        if entry is None or not entry.capital_of:
            return None
        name = self.lex.country_by_code.get(entry.capital_of)
        if not name:
            return None
        for mm in self.mentions:
            if mm.type == "country" and normalize_form(mm.name or mm.text) == normalize_form(name):
                return Ent(mm.key, "country", "capital")
        self.invented.setdefault(country_key(name), name)
        return Ent(country_key(name), "country", "capital")

    def target_owner(self, t: Token) -> list[Ent]:
        """Whose target a target noun is ('a French supply post': France's)."""
        return self._target_owner(t, 0)

    def _target_owner(self, t: Token, depth: int) -> list[Ent]:
        """'Israeli targets', 'Israelis', 'targets in Baku', 'an Azerbaijani member of
        parliament'."""
        d = self.demonym_country(t)
        if d is not None and t.pos_ in ("PROPN", "NOUN") and t.lower_.endswith("s"):
            return [d]
        lemma = t.lemma_.lower()
        if lemma not in self.w.target and t.lower_ not in self.w.target:
            return []
        out: list[Ent] = []
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i:
                for cc in [c] + [x for x in c.children if x.dep_ == "conj"]:
                    d = self.demonym_country(cc)
                    if d is not None:
                        out.append(d)
                    elif (m := self.mention_at(cc)) is not None and \
                            m.type in ("country", "organization"):
                        out.append(self.ent_of(m))
            if c.dep_ == "poss":
                out.extend(self._one(c, "any", depth + 1))
        if lemma in self.w.located_target or t.lower_ in self.w.located_target:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out.extend(e for e in self.ents(p, "place")
                                       if e.type in ("country", "place"))
        return out

    # -- names not recognised as mentions ---------------------------------------------

    def _surname_index(self) -> dict[str, set[str]]:
        idx: dict[str, set[str]] = defaultdict(set)
        for m in self.mentions:
            if m.type == "person" and m.role == "name":
                parts = normalize_form(m.text).split()
                if parts:
                    idx[parts[-1]].add(m.key)
        return idx

    def surname(self, t: Token) -> list[Ent]:
        """A bare surname the recogniser missed ('the Aliyev government') -> its one person."""
        keys = self._surnames.get(normalize_form(t.text), set())
        if len(keys) == 1:
            return [Ent(next(iter(keys)), "person", "surname")]
        return []


