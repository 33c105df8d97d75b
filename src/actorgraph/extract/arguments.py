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

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from ..model import Mention, Sentence
from .lexicon import Lexicon, load_lexicon, normalize_form

SUBJ = {"nsubj", "csubj"}
NOUNISH = {"NOUN", "PROPN", "PRON", "NUM", "X"}
DEFINITE = {"the", "this", "that", "these", "those"}
LIST_PREPS = {"including", "as", "like", "notably", "especially"}
PURPOSE_NOUNS = {"purpose", "goal", "aim", "objective", "mission", "intention", "ambition",
                 "agenda", "plan", "strategy", "policy"}
PARTITIVE = {"some", "many", "most", "all", "several", "few", "one", "two", "three", "four",
             "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands",
             "each", "both", "none", "any"}
NOT_PRONOUN = {"det", "predet", "preconj", "amod", "nummod", "advmod"}
RELATIVE = {"who", "whom", "which", "that", "whose"}
LINK_PREPS = {"including", "behind", "for", "in", "of", "include", "such", "as", "like"}
AGENTIVE_VERBS = {"stage", "hold", "carry", "conduct", "launch", "stage", "perpetrate", "commit", "plan", "organize",
                  "organise", "orchestrate", "execute", "mount", "claim", "participate", "take",
                  "engage", "attempt", "undertake", "prepare", "mastermind", "plot", "include",
                  "involve", "have", "claim", "admit", "order", "direct"}
LEADER_WORDS = {"leader", "head", "chief", "commander", "chairman", "director", "founder",
                "commandant", "president", "secretary-general"}
SPEECH_VERBS = {"say", "report", "claim", "state", "tell", "write", "note", "argue", "add",
                "announce", "accuse", "allege", "assert", "believe", "warn", "suggest", "insist",
                "estimate", "describe", "publish", "document", "find"}
STATE_HEADS = {"president", "premier", "king", "queen", "emir", "sultan", "monarch", "chancellor",
               "ruler", "dictator", "minister", "leader"}
OBJECT_CONTROL = {"urge", "ask", "order", "force", "encourage", "persuade", "instruct", "tell",
                  "direct", "train", "help", "allow", "enable", "send", "recruit", "call"}


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """A YAML file of `actorgraph/data`, read once."""
    text = (resources.files("actorgraph") / "data" / name).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def word_set(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


class _Words:
    def __init__(self) -> None:
        raw = load_data("arguments.yaml")
        self.group = word_set(raw["group_nouns"])
        self.coalition = word_set(raw["coalition_nouns"])
        self.state = word_set(raw["state_nouns"])
        self.member = word_set(raw["member_nouns"])
        self.target = word_set(raw["target_nouns"])
        self.located_target = word_set(raw["located_target_nouns"])
        self.place = word_set(raw["place_nouns"])
        self.pronouns = {k.lower(): v for k, v in raw["pronouns"].items()}
        self.not_salient = word_set(raw["not_salient_kinds"])
        self.hyp_aux = word_set(raw["hypothetical_aux"])
        self.hyp_marks = word_set(raw["hypothetical_marks"])


@lru_cache(maxsize=1)
def words() -> _Words:
    return _Words()


@dataclass(frozen=True)
class Ent:
    """An entity a token stands for: its key, its type, and how it was found."""

    key: str
    type: str
    how: str = "name"      # name, pronoun, group, coalition, state, member, demonym, place, surname


@dataclass
class _Ref:
    """An entity referred to at a token, for pronoun resolution."""

    pos: int
    ents: tuple[Ent, ...]
    kind: str              # organization, country, person, persons, place
    subject: bool
    verb: int              # token index of the clause verb it belongs to


def lemma_in(t: Token, words) -> bool:
    """The token's lemma, form, or its form without an inflection, is one of `words`
    (the small model mislemmatises some verbs: 'staged' -> 'stag')."""
    low = t.lower_
    if t.lemma_.lower() in words or low in words:
        return True
    for suffix, add in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
                        ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and low[:-len(suffix)] + add in words:
            return True
    return False


def country_key(name: str) -> str:
    return f"country:{normalize_form(name)}"


class Context:
    """Everything a rule needs to read one parsed document: tokens, names, salience."""

    def __init__(self, doc: Doc, sentences: list[Sentence], mentions: list[Mention],
                 lex: Lexicon | None = None) -> None:
        self.doc = doc
        self.sentences = sentences
        self.lex = lex or load_lexicon()
        self.w = words()
        self.mentions = [m for m in mentions if m.key]
        self.invented: dict[str, str] = {}     # key -> name, for states named by demonym only
        self._sent_starts = [s.start for s in sentences]
        self._tok_mention: dict[int, int] = {}
        self._mention_root: list[int] = []
        self.key_type: dict[str, str] = {}
        self.key_votes: dict[str, Counter] = defaultdict(Counter)
        self.key_names: dict[str, set[str]] = defaultdict(set)
        starts = [t.idx for t in doc]
        for mi, m in enumerate(self.mentions):
            lo = bisect.bisect_left(starts, m.start)
            hi = bisect.bisect_left(starts, m.end)
            toks = range(lo, max(hi, lo + 1))
            for i in toks:
                if i < len(doc):
                    self._tok_mention.setdefault(i, mi)
            root = next((i for i in toks if i < len(doc)
                         and not lo <= doc[i].head.i < max(hi, lo + 1)), min(lo, len(doc) - 1))
            self._mention_root.append(root)
            mtype = "country" if m.role == "metonym" else m.type
            self.key_type.setdefault(m.key, mtype)
            for t, v in m.votes.items():
                self.key_votes[m.key][t] += v
            if m.role == "name":
                self.key_names[m.key].add(m.text)
        self.salient = self._salient()
        self._refs: dict[int, list[_Ref]] = {}
        self._pron: dict[int, tuple[Ent, ...]] = {}
        self._surnames = self._surname_index()
        self._role_map: dict[str, set[str]] | None = None

    # -- tokens, sentences, names ---------------------------------------------------

    def sentence_of(self, tok: Token) -> int:
        i = bisect.bisect_right(self._sent_starts, tok.idx) - 1
        if i < 0 or tok.idx >= self.sentences[i].end:
            return -1
        return i

    def sentence_tokens(self, index: int) -> list[Token]:
        s = self.sentences[index]
        span = self.doc.char_span(s.start, s.end, alignment_mode="expand")
        return list(span) if span is not None else []

    def mention_at(self, tok: Token) -> Mention | None:
        mi = self._tok_mention.get(tok.i)
        return self.mentions[mi] if mi is not None else None

    def mention_root(self, m: Mention) -> Token:
        return self.doc[self._mention_root[self.mentions.index(m)]]

    def ent_of(self, m: Mention, how: str = "name") -> Ent:
        return Ent(m.key, "country" if m.role == "metonym" else m.type, how)

    def mentions_in(self, index: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == index]

    def type_ok(self, ent: Ent, allowed) -> bool:
        """The entity's type is allowed, or the evidence for it favours an allowed type."""
        if ent.type in allowed:
            return True
        votes = self.key_votes.get(ent.key)
        if votes:
            best = max(votes.values())
            return any(votes.get(t, 0) == best for t in allowed)
        return False

    def kind_of(self, key: str) -> str | None:
        """The organisation kind the gazetteer gives this entity, if any."""
        for name in self.key_names.get(key, ()):
            entry = self.lex.lookup(name)
            if entry is not None and entry.kind:
                return entry.kind
        return None

    # -- salience -----------------------------------------------------------------

    def _salient(self) -> str | None:
        """The organisation the document is about: clearly the most named in its body."""
        counts: Counter = Counter()
        for m in self.mentions:
            if m.type != "organization" or m.role != "name" or m.section != "body":
                continue
            counts[m.key] += 1
        ranked = [(k, n) for k, n in counts.most_common()
                  if (self.kind_of(k) or "") not in self.w.not_salient]
        if not ranked:
            return None
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        if n >= 3 and n >= 2 * second:
            return top
        if len(counts) == 1:      # the only organisation the text names
            return top
        return None

    def group_ref(self, tok: Token) -> list[Ent]:
        """'the brigade' after 'the Zainabiyoun Brigade': the nearest organisation whose name
        ends in the noun; otherwise the salient organisation."""
        noun = tok.lemma_.lower()
        si = self.sentence_of(tok)
        for idx in range(si, max(-1, si - 4), -1):
            for m in reversed(self.mentions_in(idx)):
                if m.type != "organization" or (idx == si and m.start >= tok.idx):
                    continue
                words = normalize_form(m.text).split()
                if words and words[-1].rstrip("s") == noun.rstrip("s") and len(words) > 1:
                    return [Ent(m.key, "organization", "group")]
        return self.salient_ent("group")

    def salient_ent(self, how: str) -> list[Ent]:
        return [Ent(self.salient, "organization", how)] if self.salient else []

    def is_group_ref(self, tok: Token) -> bool:
        """'the group', 'the movement's': the document's salient organisation."""
        if tok.lemma_.lower() not in self.w.group or self.mention_at(tok) is not None:
            return False
        if tok.tag_ in ("NNS", "NNPS"):
            return False
        dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0] not in DEFINITE:
            return False
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of" and any(
                    p.tag_ in ("NNS", "NNPS") or self.mention_at(p) is not None
                    for p in c.children if p.dep_ == "pobj"):
                return False   # "a group of individuals"
            named = self.mention_at(c)
            if c.dep_ in ("compound", "amod") and named is not None:
                return False
            if c.dep_ == "appos" and named is not None and named.type != "person":
                return False
        if tok.dep_ == "compound" and self.mention_at(tok.head) is not None:
            return False
        return True

    # -- from a token to entities ----------------------------------------------------

    def coordinated(self, tok: Token) -> list[Token]:
        """The token and the items coordinated with it ("X, Y and Z")."""
        out, todo = [], [tok]
        while todo:
            t = todo.pop(0)
            if t in out:
                continue
            out.append(t)
            for c in t.children:
                if c.dep_ == "conj" and c.pos_ in NOUNISH | {"ADJ"}:
                    todo.append(c)
                elif c.dep_ == "appos" and self.mention_at(t) is not None \
                        and self.mention_at(c) is not None \
                        and self.mention_at(c).type in ("country", "place") \
                        and self.mention_at(t).type in ("country", "place"):
                    todo.append(c)
        return out

    def ents(self, tok: Token | None, role: str = "any") -> list[Ent]:
        """The entities `tok` stands for in a slot of `role` (actor, target, object, place, any)."""
        if tok is None:
            return []
        out: list[Ent] = []
        for t in self.coordinated(tok):
            for e in self._one(t, role, 0):
                if e.key not in {o.key for o in out}:
                    out.append(e)
        return out

    def _one(self, t: Token, role: str, depth: int) -> list[Ent]:
        if depth > 4:
            return []
        m = self.mention_at(t)
        if m is not None:
            return [self.ent_of(m)]
        low, lemma = t.lower_, t.lemma_.lower()
        if low in RELATIVE and t.tag_ in ("WP", "WDT", "WP$"):
            rel = t.head if t.tag_ != "WP$" else t.head.head
            while rel is not None and rel.dep_ != "relcl" and rel.head.i != rel.i:
                rel = rel.head
            if rel is not None and rel.dep_ == "relcl":
                return self._one(rel.head, role, depth + 1)
            return []
        if low in self.w.pronouns and t.pos_ in ("PRON", "DET") and t.dep_ not in NOT_PRONOUN:
            return list(self.pronoun(t))
        # a descriptor in apposition stands for the name it describes
        if t.dep_ == "appos" and self.mention_at(t.head) is not None and t.pos_ == "NOUN":
            return [self.ent_of(self.mention_at(t.head))]
        if lemma in self.w.group | self.w.coalition and t.pos_ == "NOUN":
            for c in t.children:     # "the Sabirin movement", "the Houthi group"
                named = self.mention_at(c) if c.dep_ in ("compound", "nmod") else None
                if named is not None and named.type == "organization":
                    return [self.ent_of(named)]
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
                                  and self.mention_at(x) is not None
                                  and self.mention_at(x).type == "person"]
                        if people:
                            return [e for x in people for e in self.ents(x, role)]
        if t.tag_ in ("NNS", "NNPS"):
            listed = self.list_items(t, ("organization", "person", "country"))
            if listed:
                return listed
        named = [c for c in t.children if c.dep_ == "appos" and self.mention_at(c) is not None]
        if named and t.pos_ == "NOUN":
            res = []
            for c in named:
                res.extend(self.ents(c, role))
            return res
        if lemma in self.w.coalition and self._definite(t) and not self._has_of(t):
            return self.coalition_before(t)
        if t.pos_ == "NOUN" and self._definite(t) and not self._has_of(t) \
                and lemma in self._roles_seen():
            keys = self._roles_seen()[lemma]
            if len(keys) == 1:
                return [Ent(next(iter(keys)), "person", "role")]
        if lemma in self.w.place:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and self.mention_at(p) is not None:
                            return [self.ent_of(self.mention_at(p), "place")]
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

    @staticmethod
    def _definite(t: Token) -> bool:
        return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in t.children)

    @staticmethod
    def _has_of(t: Token) -> bool:  # noqa: D401
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)

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

    def _target_owner(self, t: Token, depth: int) -> list[Ent]:
        """'Israeli targets', 'Israelis', 'targets in Baku', 'an Azerbaijani member of parliament'."""
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
                    elif self.mention_at(cc) is not None and \
                            self.mention_at(cc).type in ("country", "organization"):
                        out.append(self.ent_of(self.mention_at(cc)))
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

    def _roles_seen(self) -> dict[str, set[str]]:
        """Role words each person is introduced with: titles ('Mayor X') and appositions
        ('X, the mayor of Y'), so that a later 'the mayor' can stand for X."""
        if self._role_map is None:
            roles: dict[str, set[str]] = defaultdict(set)
            for mi, m in enumerate(self.mentions):
                if m.type != "person":
                    continue
                for title in m.titles:
                    roles[title.lower().rstrip(".")].add(m.key)
                root = self.doc[self._mention_root[mi]]
                for c in root.children:
                    if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN":
                        roles[c.lemma_.lower()].add(m.key)
            self._role_map = dict(roles)
        return self._role_map

    def coalition_before(self, tok: Token) -> list[Ent]:
        """'this coalition', 'the network': the coalition named in this or the two sentences before."""
        si = self.sentence_of(tok)
        for idx in (si, si - 1, si - 2, si - 3):
            if idx < 0:
                continue
            for m in reversed(self.mentions_in(idx)):
                if m.type != "organization" or (idx == si and m.start >= tok.idx):
                    continue
                if self._is_coalition(m):
                    return [Ent(m.key, "organization", "coalition")]
        keys = {m.key for m in self.mentions if m.type == "organization" and m.role == "name"
                and m.start < tok.idx and self._is_coalition(m)}
        if len(keys) == 1:
            return [Ent(next(iter(keys)), "organization", "coalition")]
        return []

    def _is_coalition(self, m: Mention) -> bool:
        if (m.kind or self.kind_of(m.key)) == "coalition":
            return True
        root = self.mention_root(m)
        return any(c.dep_ == "appos" and c.lemma_.lower() in self.w.coalition
                   for c in root.children)

    # -- pronouns -------------------------------------------------------------------

    def _np_head(self, tok: Token) -> Token:
        t = tok
        while t.dep_ in ("compound", "poss", "amod", "nmod", "flat", "conj", "appos", "case") \
                and t.head.i != t.i:
            t = t.head
        return t

    def _clause_verb(self, tok: Token) -> Token:
        t = tok
        for _ in range(20):
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                return t
            t = t.head
        return t

    def refs(self, index: int) -> list[_Ref]:
        """The entity references of one sentence, in order, pronouns resolved."""
        if index in self._refs:
            return self._refs[index]
        out: list[_Ref] = []
        self._refs[index] = out   # filled in order: a pronoun sees the references before it
        toks = self.sentence_tokens(index) if 0 <= index < len(self.sentences) else []
        seen_mentions: set[int] = set()
        for t in toks:
            head = self._np_head(t)
            verb_tok = self._clause_verb(head)
            subject = head.dep_ in SUBJ | {"nsubjpass"} and \
                verb_tok.lemma_.lower() not in SPEECH_VERBS
            verb = verb_tok.i
            mi = self._tok_mention.get(t.i)
            if mi is not None:
                if mi in seen_mentions:
                    continue
                seen_mentions.add(mi)
                m = self.mentions[mi]
                e = self.ent_of(m)
                out.append(_Ref(t.i, (e,), e.type, subject, verb))
                persons = [self.mentions[x] for x in
                           {self._tok_mention.get(c.i) for c in self.doc[self._mention_root[mi]].children
                            if c.dep_ == "conj"} if x is not None]
                persons = [p for p in persons if p.type == "person"]
                if m.type == "person" and persons:
                    group = (e,) + tuple(self.ent_of(p) for p in persons)
                    out.append(_Ref(t.i, group, "persons", subject, verb))
                orgs = [self.mentions[x] for x in
                        {self._tok_mention.get(c.i) for c in self.doc[self._mention_root[mi]].children
                         if c.dep_ == "conj"} if x is not None]
                orgs = [o for o in orgs if o.type == "organization" and o.key != m.key]
                if m.type == "organization" and len(orgs) == 1:
                    out.append(_Ref(t.i, (e, self.ent_of(orgs[0])), "organizations", subject, verb))
                continue
            if self.is_group_ref(t):
                ents = tuple(self.group_ref(t))
                if ents:
                    out.append(_Ref(t.i, ents, "organization", subject, verb))
                continue
            if t.lemma_.lower() in self.w.coalition and t.pos_ == "NOUN" and self._definite(t) \
                    and not self._has_of(t):
                ents = tuple(self.coalition_before(t))
                if ents:
                    out.append(_Ref(t.i, ents, "organization", subject, verb))
                continue
            if t.lower_ in self.w.pronouns and t.pos_ in ("PRON", "DET") \
                    and t.dep_ not in NOT_PRONOUN:
                ents = self.pronoun(t)
                if ents:
                    kind = "persons" if len(ents) > 1 else ents[0].type
                    out.append(_Ref(t.i, ents, kind, subject, verb))
                continue
            if t.pos_ == "NOUN":
                named = [self.mention_at(c) for c in t.children if c.dep_ == "appos"]
                named = [n for n in named if n is not None and n.type == "person"]
                for c in t.children:
                    if c.dep_ == "appos" and self.mention_at(c) is not None:
                        for cc in c.children:
                            if cc.dep_ == "conj" and self.mention_at(cc) is not None \
                                    and self.mention_at(cc).type == "person":
                                named.append(self.mention_at(cc))
                if len(named) >= 2:
                    out.append(_Ref(t.i, tuple(self.ent_of(n) for n in named), "persons",
                                    subject, verb))
        self._refs[index] = out
        return out

    def pronoun(self, tok: Token) -> tuple[Ent, ...]:
        """The antecedent of a personal pronoun, only when it is clear."""
        if tok.i in self._pron:
            return self._pron[tok.i]
        self._pron[tok.i] = ()
        spec = self.w.pronouns.get(tok.lower_)
        si = self.sentence_of(tok)
        if spec is None or si < 0:
            return ()
        kinds = set(spec["kinds"])
        possessive = tok.tag_ == "PRP$" or tok.dep_ == "poss"
        if possessive and tok.head.lemma_.lower() in self.w.member and "organization" in kinds:
            kinds = {"organization"}
        own_verb = self._clause_verb(self._np_head(tok)).i
        window = [r for r in reversed(self.refs(si)) if r.pos < tok.i]
        if si > 0:
            window += list(reversed(self.refs(si - 1)))
        cands = []
        for r in window:
            if r.kind not in kinds:
                continue
            if r.kind == "person" and spec["number"] != "sg":
                continue
            if not possessive and r.subject and r.verb == own_verb and tok.dep_ != "nsubj":
                continue          # "Azerbaijan imprisoned them": not the clause's own subject
            cands.append(r)
        result: tuple[Ent, ...] = ()
        subj = [r for r in cands if r.subject]
        salient_here = self.salient is not None and any(
            e.key == self.salient for r in cands for e in r.ents)
        if subj:
            r = subj[0]
            if r.kind == "organization":
                org_subjects = {x.ents[0].key for x in subj if x.kind == "organization"}
                if r.ents[0].key == self.salient or (
                        len(org_subjects) == 1 and not salient_here):
                    result = r.ents
            elif r.kind == "organizations":
                result = r.ents if spec["number"] == "pl" and len(r.ents) == 2 else ()
            elif r.kind == "country":
                result = r.ents
            elif r.kind in ("person", "persons"):
                others = {e.key for x in cands if x.kind == r.kind for e in x.ents}
                result = r.ents if others == {e.key for e in r.ents} or r.kind == "persons" else ()
        elif cands:
            if cands[0].kind == "organizations" and len(cands[0].ents) == 2:
                result = cands[0].ents   # "the X Division ... and the Y Brigade. Both ..."
            elif salient_here and "organization" in kinds:
                result = tuple(self.salient_ent("pronoun"))
            elif kinds == {"person"}:
                keys = {e.key for r in cands for e in r.ents}
                if len(keys) == 1:
                    result = cands[0].ents
        result = tuple(Ent(e.key, e.type, "pronoun") for e in result)
        self._pron[tok.i] = result
        refs = self._refs.get(si)
        if result and refs is not None and not any(r.pos == tok.i for r in refs):
            # the sentence's references were listed while this pronoun was being resolved
            head = self._np_head(tok)
            verb_tok = self._clause_verb(head)
            subject = head.dep_ in SUBJ | {"nsubjpass"} and \
                verb_tok.lemma_.lower() not in SPEECH_VERBS
            kind = "persons" if len(result) > 1 and result[0].type == "person" else (
                "organizations" if len(result) > 1 else result[0].type)
            refs.append(_Ref(tok.i, result, kind, subject, verb_tok.i))
            refs.sort(key=lambda r: r.pos)
        return result

    # -- clauses --------------------------------------------------------------------

    def subject(self, verb: Token) -> tuple[list[Token], str]:
        """The subject tokens of a verb and the voice they fill ('active', 'passive').

        Climbs to the governing verb for infinitives, participles and conjoined verbs
        without a subject of their own ("deployed to Syria to fight", "..., decrying"),
        and to the owner of a noun that holds the clause ("Its purpose — to overthrow")."""
        v = verb
        for _ in range(8):
            if v.pos_ in ("NOUN", "PROPN", "PRON"):
                poss = [c for c in v.children if c.dep_ == "poss"]
                if poss:
                    return poss, "active"
                if v.dep_ in ("dobj",) and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
                    v = v.head
                    continue
                return [], "none"
            subs = [c for c in v.children if c.dep_ in SUBJ]
            if len(subs) > 1:   # a misparse: keep the subject nearest the verb
                before = [c for c in subs if c.i < v.i]
                subs = [max(before, key=lambda c: c.i)] if before else subs[:1]
            if subs:
                owners = [c for x in subs if x.lemma_.lower() in PURPOSE_NOUNS
                          for c in x.children if c.dep_ == "poss"]
                return (owners or subs), "active"
            pas = [c for c in v.children if c.dep_ == "nsubjpass"]
            if pas:
                return pas, "passive"
            if v.dep_ == "xcomp" and v.head.lemma_.lower() in OBJECT_CONTROL:
                objs = [c for c in v.head.children if c.dep_ == "dobj"]
                if objs:
                    return objs, "active"
            if v.dep_ == "relcl":
                return [v.head], "active"
            if v.dep_ == "acl":
                head = v.head
                if self.mention_at(head) is None and not self._one(head, "any", 0):
                    poss = [c for c in head.children if c.dep_ == "poss"]
                    if poss:
                        return poss, "active"
                return [head], ("passive" if v.tag_ == "VBN" else "active")
            if v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "acomp") \
                    and v.head.i != v.i:
                v = v.head
                if v.pos_ == "ADP" and v.head.i != v.i:
                    v = v.head
                continue
            break
        return [], "none"

    def apposed(self, n: Token, types=None) -> list[Ent]:
        """The name a descriptor in apposition describes ('X, the founder of Y',
        'the Quds Force, the foreign operations arm of the IRGC'): the name written just
        before the comma, else the nearest name up the parse, of an allowed type."""
        def fits(m: Mention | None) -> bool:
            return m is not None and (types is None or self.type_ok(self.ent_of(m), types))
        left = n.left_edge.i
        j = left - 1
        doc = n.doc
        while j >= 0 and doc[j].lower_ in ("then", "now", "also", "once", "formerly"):
            j -= 1
        if j >= 1 and doc[j].text in (",", "\u2014", "\u2013", "(", "-", ":"):
            m = self.mention_at(doc[j - 1])
            if fits(m):
                return [self.ent_of(m)]
        t = n.head
        for _ in range(8):
            m = self.mention_at(t)
            if fits(m):
                return [self.ent_of(m)]
            if self.is_group_ref(t) and (types is None or "organization" in types):
                return self.salient_ent("group")
            if t.dep_ in ("appos", "conj", "compound") and t.head.i != t.i:
                t = t.head
            else:
                break
        return []

    def list_items(self, n: Token, types=("organization",)) -> list[Ent]:
        """The names a plural noun lists: 'factions, including X and Y', 'groups such as X',
        'two militias to its list: X and Y'."""
        out: list[Ent] = []
        preps = [c for c in n.children if c.dep_ == "prep"]
        if not any(c.lower_ in LIST_PREPS for c in preps) and n.tag_ in ("NNS", "NNPS"):
            preps = [c for c in n.subtree if c.dep_ == "prep" and c.i > n.i
                     and c.lower_ in LIST_PREPS]
        for c in preps:
            if c.lower_ in LIST_PREPS:
                if c.lower_ == "as" and not any(x.lower_ == "such" for x in c.children) \
                        and not (c.i > 0 and n.doc[c.i - 1].lower_ == "such"):
                    continue
                for t in c.subtree:
                    m = self.mention_at(t)
                    if m is not None and self.type_ok(self.ent_of(m), types) and \
                            self.mention_root(m).i == t.i:
                        out.append(self.ent_of(m))
        if out or n.tag_ not in ("NNS", "NNPS"):
            return out
        nums = [c for c in n.children if c.dep_ == "nummod"]
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
        want = words.get(nums[0].lower_) if nums else None
        sent = self.sentence_of(n)
        colon = None
        for t in n.doc[n.i + 1:]:
            if self.sentence_of(t) != sent:
                break
            if t.text == ":":
                colon = t
                break
        if colon is None or want is None:
            return out
        for t in n.doc[colon.i + 1:]:
            if self.sentence_of(t) != sent:
                break
            m = self.mention_at(t)
            if m is not None and self.mention_root(m).i == t.i and \
                    self.type_ok(self.ent_of(m), types):
                out.append(self.ent_of(m))
        return out if len(out) == want else []

    def described(self, n: Token, depth: int = 0, types=None) -> list[Ent]:
        """The entity a common noun describes: 'X, an Iranian-backed proxy', 'X are a typical
        proxy', 'the proxy X', 'X and other backed forces', 'Like other proxies, X ...',
        'one of Tehran's proxy projects', 'a network of actors aligned with Y',
        'factions, including X and Y', 'X is among the oldest of the groups aligned with Y'."""
        if depth > 5:
            return []
        own = self._one(n, "any", 0) if n.pos_ != "NOUN" or self.mention_at(n) is not None \
            or self.is_group_ref(n) else []
        if own:
            return own
        items = self.list_items(n)
        if items:
            return items
        if n.dep_ == "appos":
            found = self.apposed(n, types)
            if found:
                return found
        named = [c for c in n.children if c.dep_ == "appos" and self.mention_at(c) is not None]
        if named:
            return [e for c in named for e in self.ents(c)]
        if n.dep_ == "compound":
            t = n.head
            while t.dep_ == "compound" and self.mention_at(t) is None:
                t = t.head
            if self.mention_at(t) is not None:
                return [self.ent_of(self.mention_at(t))]
            return self.described(t, depth + 1, types)
        if n.dep_ in ("attr", "oprd") and n.head.lemma_.lower() in ("be", "become", "remain"):
            toks, voice = self.subject(n.head)
            return [e for t in toks for e in self.ents(t)]
        others = any(c.lower_ in ("other", "fellow") for c in n.children)
        if n.dep_ == "pobj" and n.head.dep_ == "prep":
            prep = n.head
            host = prep.head
            if prep.lower_ == "of" and (host.lemma_.lower() in {
                    "one", "some", "many", "each", "any", "another", "example", "part"}
                    | self.w.coalition | self.w.group or host.tag_ in ("JJS", "CD")
                    or host.dep_ == "pobj" and host.head.lower_ == "among"):
                return self.described(host, depth + 1, types)
            if prep.lower_ == "among" and host.lemma_.lower() in ("be", "remain", "rank"):
                toks, _ = self.subject(host)
                return [e for t in toks for e in self.ents(t)]
            if prep.lower_ in ("like", "as", "among") and others:
                toks, _ = self.subject(host) if host.pos_ in ("VERB", "AUX") else ([], "")
                return [e for t in toks for e in self.ents(t)]
        if n.dep_ in ("conj",) and n.tag_ in ("JJS",) or (n.pos_ == "ADJ" and n.dep_ == "conj"):
            return self.described(n.head, depth + 1, types)
        if n.dep_ == "conj" and others:
            t = n.head
            while t.dep_ == "conj" and self.mention_at(t) is None:
                t = t.head
            return self.ents(t) if self.mention_at(t) is not None else []
        return []

    def nominal_actor(self, noun: Token) -> list[Ent]:
        """Who carries out an act named by a noun: 'Hezbollah's attack', 'the X attack',
        'an attack by X', or the subject of the clause it is the business of
        ('X cells have been behind ..., including a thwarted attack', 'X carried out a plot')."""
        for c in noun.children:
            if c.dep_ == "poss":
                found = self.ents(c, "actor")
                if found:
                    return found
        for c in noun.children:
            if c.dep_ in ("compound", "nmod") and c.i < noun.i:
                m = self.mention_at(c)
                if m is not None and m.type in ("organization", "person", "country"):
                    return [self.ent_of(m)]
        for c in noun.children:
            if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.ents(p, "actor")
        t, via = noun, set()
        for _ in range(6):
            if t.dep_ == "conj" and t.head.i != t.i:
                t = t.head
                continue
            if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent"):
                via.add(t.head.lower_)
                if t.head.lower_ not in LINK_PREPS:
                    return []
                t = t.head.head
                if t.pos_ in ("NOUN", "PROPN"):
                    continue
                break
            if t.dep_ in ("dobj", "attr", "appos", "nsubjpass") and t.head.i != t.i:
                via.add(t.dep_)
                t = t.head
                break
            break
        if t.pos_ not in ("VERB", "AUX"):
            return []
        lemma = t.lemma_.lower()
        if lemma == "be" and not (via & {"behind", "responsible", "attr", "including"}):
            return []
        if lemma != "be" and not lemma_in(t, AGENTIVE_VERBS):
            return []
        return [e for x in self.actor_tokens(t) for e in self.ents(x, "actor")]

    def affiliation(self, tok: Token) -> list[Ent]:
        """The organisation a person is named with: 'Quds Force head Gen. Qassem Soleimani'."""
        m = self.mention_at(tok)
        if m is None or m.type != "person":
            return []
        root = self.mention_root(m)
        for c in root.children:
            if c.dep_ in ("compound", "appos") and c.lemma_.lower() in LEADER_WORDS:
                for cc in c.children:
                    if cc.dep_ in ("compound", "poss"):
                        mm = self.mention_at(cc)
                        if mm is not None and mm.type == "organization":
                            return [self.ent_of(mm, "affiliation")]
                    if cc.dep_ == "prep" and cc.lower_ == "of":
                        for p in cc.children:
                            mm = self.mention_at(p) if p.dep_ == "pobj" else None
                            if mm is not None and mm.type == "organization":
                                return [self.ent_of(mm, "affiliation")]
        return []

    def is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
            and not any(c.dep_ == "aux" for c in verb.children))

    def agent(self, verb: Token) -> list[Token]:
        """The 'by X' of a passive; shared by coordinated participles ('funded and trained
        by Iran')."""
        def own(v: Token) -> list[Token]:
            return [p for c in v.children if c.dep_ == "agent" or (c.dep_ == "prep"
                                                                   and c.lower_ == "by")
                    for p in c.children if p.dep_ == "pobj"]
        found = own(verb)
        todo = [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"]
        while not found and todo:
            c = todo.pop(0)
            found = own(c)
            todo.extend(x for x in c.children if x.dep_ == "conj" and x.tag_ == "VBN")
        head = verb
        while not found and head.dep_ == "conj" and head.head.tag_ == "VBN":
            head = head.head
            found = own(head)
        return found

    def actor_tokens(self, verb: Token) -> list[Token]:
        """Who does it: the active subject, or the agent of a passive."""
        if self.is_passive(verb):
            return self.agent(verb)
        toks, voice = self.subject(verb)
        return toks if voice in ("active", "noun") else []

    def patient_tokens(self, verb: Token) -> list[Token]:
        """Who undergoes it: the object, or the subject of a passive."""
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if objs:
            return objs
        if self.is_passive(verb):
            toks, voice = self.subject(verb)
            return toks if voice == "passive" or verb.dep_ == "acl" else []
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "VERB":
                objs = [x for x in c.children if x.dep_ == "dobj"]
                if objs:
                    return objs
        return []

    def negated(self, tok: Token) -> bool:
        """'did not', 'never', 'no attack', 'without admitting' -- unless 'not ... until'
        (which asserts it later)."""
        t = tok
        for _ in range(3):
            if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "without":
                return True
            if t.dep_ not in ("xcomp", "pcomp", "aux") or t.head.i == t.i:
                break
            t = t.head
        t = tok
        for _ in range(3):
            kids = list(t.children)
            if any(c.dep_ == "neg" for c in kids) or any(
                    c.dep_ == "det" and c.lower_ == "no" for c in kids):
                return not any(c.dep_ == "prep" and c.lower_ == "until" for c in kids)
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i or t.dep_ in SUBJ | {"nsubjpass"}:
                break
            t = t.head
        return False

    def hypothetical(self, tok: Token) -> bool:
        """Under 'would', 'could', 'may', 'if', or an inverted 'Should X ...'."""
        t = tok
        for _ in range(8):
            for c in t.children:
                if c.dep_ == "aux" and c.lower_ in self.w.hyp_aux:
                    return True
                if c.dep_ == "mark" and c.lower_ in self.w.hyp_marks:
                    return True
            if t.head.i == t.i or t.dep_ in SUBJ | {"nsubjpass"}:
                break
            t = t.head
        return False
