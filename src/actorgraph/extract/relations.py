"""Relations between actors, read from the syntax of each sentence.

`find_relations(doc, sentences, mentions)` finds the ontology's predicates
(leader_of, founder_of, member_of, sponsored_by, allied_with, opposes,
based_in, operates_in, associate_of, operates_channel) by the constructions
that state them, never by two names sharing a sentence:

- role nouns in apposition, as complements, in "as" phrases, as titles and
  with possessors ("X, the founder and leader of Y", "Y's leader X",
  "Azerbaijani president X", "X is a fellow at Y", "X acted as Y's interpreter");
- verbs with their subject and object, active or passive ("X founded Y",
  "Y is funded by X", "endorsed it and authorized its creation");
- participles and nouns of sponsorship ("an Iranian-backed proxy", "a typical
  Iranian proxy"), alliance ("in cooperation with Y", "fight side by side
  with Y", "X's cooperation with Y"), opposition ("seeks to overthrow Y",
  "called for regime change in Y", "campaign against Y") and place ("based
  in Y", "cells in Y", "deployed to Y", "groups such as X in Y");
- lists under a coalition ("This coalition includes groups such as X, Y").

The trigger words of each construction live in `data/relations.yaml`; the
spaCy `Matcher` built from them finds the triggers, and rules over the
dependency tree fill the slots. Slots are turned into entity keys by
`arguments.Context` (names, "the group", pronouns, demonyms, "the Aliyev
government"). Type constraints per predicate drop what cannot be.
Every fact carries its sentence index and the name of the rule that fired;
one fact per (subject, predicate, object) per sentence. Negated statements are
skipped; hypothetical ones ("would", "should X succeed") keep the suffix
":hypothetical" on their rule.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ..model import Mention, RelationFact, Sentence
from .arguments import Context, Ent, load_data, word_set
from .lexicon import normalize_form

HYPOTHETICAL = ":hypothetical"
HYPHENS = ("-", "\u2010", "\u2011")


# -- the patterns of data/relations.yaml ----------------------------------------------

@dataclass(frozen=True)
class Rules:
    types: dict
    symmetric: frozenset
    implied_by: dict
    role: dict                 # word -> predicate
    state_leaders: frozenset
    role_preps: dict           # prep -> predicates
    context_members: frozenset
    as_verbs: frozenset
    copulas: frozenset
    so_verbs: dict             # lemma -> predicate
    member_preps: dict         # lemma -> preps
    part_nouns: frozenset
    belong_verbs: frozenset
    include_verbs: frozenset
    sponsor_participles: dict  # word -> support
    proxy_nouns: frozenset
    sponsor_verbs: dict
    creation_nouns: frozenset
    aid_nouns: dict
    receive_verbs: frozenset
    give_verbs: frozenset
    ally_phrases: tuple
    ally_nouns: frozenset
    ally_verbs: frozenset
    oppose_verbs: frozenset
    against_verbs: frozenset
    against_nouns: frozenset
    against_preps: frozenset
    hostile: frozenset
    change_nouns: frozenset
    regime_words: frozenset
    call_verbs: frozenset
    purpose_nouns: frozenset
    based_verbs: frozenset
    based_nouns: frozenset
    operate_nouns: frozenset
    operate_adjectives: frozenset
    operate_verbs: frozenset
    operate_preps: frozenset
    list_preps: tuple
    channel_verbs: frozenset
    channel_nouns: frozenset
    flexible: frozenset
    person_only: frozenset
    sponsor_phrases: tuple     # (words, support)
    based_from: frozenset
    travel_verbs: frozenset
    purpose_verbs: frozenset
    coalition_descriptors: frozenset
    not_based_kinds: frozenset
    multiword_roles: dict      # last word of a hyphenated role -> (parts, predicate)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = load_data("relations.yaml")
    role = {}
    for pred, ws in raw["role_nouns"].items():
        for w in ws:
            role.setdefault(str(w).lower(), pred)
    so_verbs = {}
    for pred, ws in raw["subject_object_verbs"].items():
        for w in ws:
            so_verbs.setdefault(str(w).lower(), pred)
    return Rules(
        types={p: {k: frozenset(v) for k, v in d.items()} for p, d in raw["types"].items()},
        symmetric=word_set(raw["symmetric"]),
        implied_by={k: tuple(v) for k, v in raw.get("implied_by", {}).items()},
        role=role,
        state_leaders=word_set(raw["state_leader_nouns"]),
        role_preps={k.lower(): frozenset(v) for k, v in raw["role_preps"].items()},
        context_members=word_set(raw["context_member_nouns"]),
        as_verbs=word_set(raw["as_verbs"]),
        copulas=word_set(raw["copulas"]),
        so_verbs=so_verbs,
        member_preps={k.lower(): word_set(v) for k, v in raw["member_verb_preps"].items()},
        part_nouns=word_set(raw["part_nouns"]),
        belong_verbs=word_set(raw["belong_verbs"]),
        include_verbs=word_set(raw["include_verbs"]),
        sponsor_participles={k.lower(): tuple(v or ()) for k, v in raw["sponsor_participles"].items()},
        proxy_nouns=word_set(raw["proxy_nouns"]),
        sponsor_verbs={k.lower(): tuple(v or ()) for k, v in raw["sponsor_verbs"].items()},
        creation_nouns=word_set(raw["creation_nouns"]),
        aid_nouns={k.lower(): tuple(v or ()) for k, v in raw["aid_nouns"].items()},
        receive_verbs=word_set(raw["receive_verbs"]),
        give_verbs=word_set(raw["give_verbs"]),
        ally_phrases=tuple(tuple(str(w).lower() for w in p) for p in raw["ally_phrases"]),
        ally_nouns=word_set(raw["ally_nouns"]),
        ally_verbs=word_set(raw["ally_verbs"]),
        oppose_verbs=word_set(raw["oppose_verbs"]),
        against_verbs=word_set(raw["against_verbs"]),
        against_nouns=word_set(raw["against_nouns"]),
        against_preps=word_set(raw["against_preps"]),
        hostile=word_set(raw["hostile_adjectives"]),
        change_nouns=word_set(raw["change_nouns"]),
        regime_words=word_set(raw["regime_words"]),
        call_verbs=word_set(raw["call_verbs"]),
        purpose_nouns=word_set(raw["purpose_nouns"]),
        based_verbs=word_set(raw["based_verbs"]),
        based_nouns=word_set(raw["based_nouns"]),
        operate_nouns=word_set(raw["operate_nouns"]),
        operate_adjectives=word_set(raw["operate_adjectives"]),
        operate_verbs=word_set(raw["operate_verbs"]),
        operate_preps=word_set(raw["operate_preps"]),
        list_preps=tuple(str(p).lower() for p in raw["list_preps"]),
        channel_verbs=word_set(raw["channel_verbs"]),
        channel_nouns=word_set(raw["channel_nouns"]),
        flexible=word_set(raw["flexible_role_nouns"]),
        person_only=word_set(raw["person_only_role_nouns"]),
        sponsor_phrases=tuple((tuple(str(w).lower() for w in p["words"]), tuple(p["support"] or ()))
                              for p in raw["sponsor_phrases"]),
        based_from=word_set(raw["based_from_verbs"]),
        travel_verbs=word_set(raw["travel_verbs"]),
        purpose_verbs=word_set(raw["purpose_verbs"]),
        coalition_descriptors=word_set(raw["coalition_descriptors"]),
        not_based_kinds=word_set(raw["not_based_kinds"]),
        multiword_roles={w: (tuple(w.split("-")), p) for w, p in role.items() if "-" in w},
    )


# Matcher labels -> the construction handler that reads the match.
_MATCHERS: dict[int, Matcher] = {}


def _matcher(doc: Doc, rules: Rules) -> Matcher:
    key = id(doc.vocab)
    if key in _MATCHERS:
        return _MATCHERS[key]
    m = Matcher(doc.vocab)

    def words(label: str, ws, pos=None) -> None:
        ws = sorted(set(ws))
        pats = [[{"LEMMA": {"IN": ws}}], [{"LOWER": {"IN": ws}}]]
        if pos:
            for p in pats:
                p[0]["POS"] = {"IN": pos}
        m.add(label, pats)

    noun = ["NOUN", "PROPN"]
    verb = ["VERB", "AUX"]
    words("ROLE", set(rules.role) | rules.part_nouns, noun)
    words("SO_VERB", set(rules.so_verbs) | set(rules.member_preps) | rules.belong_verbs, verb)
    words("INCLUDE", rules.include_verbs, verb)
    words("SPONSOR_PART", set(rules.sponsor_participles) | {"aligned", "allied", "affiliated",
                                                              "based", "headquartered"})
    words("PROXY", rules.proxy_nouns, noun)
    words("SPONSOR_VERB", set(rules.sponsor_verbs), verb)
    words("AID_VERB", rules.receive_verbs | rules.give_verbs, verb)
    m.add("ALLY_PHRASE", [[{"LOWER": w} for w in p] for p in rules.ally_phrases])
    words("ALLY_NOUN", rules.ally_nouns, noun)
    words("ALLY_VERB", rules.ally_verbs, verb)
    words("OPPOSE_VERB", rules.oppose_verbs, verb)
    words("AGAINST", rules.against_verbs | rules.against_nouns | rules.hostile)
    words("CHANGE", rules.change_nouns | {"change"}, noun)
    words("BASED", rules.based_verbs | rules.based_nouns)
    words("OPERATE", rules.operate_nouns | rules.operate_adjectives | rules.operate_verbs
          | {"participate"})
    words("CHANNEL_VERB", rules.channel_verbs, verb)
    for w, (parts, _) in rules.multiword_roles.items():
        pat = []
        for i, part in enumerate(parts):
            if i:
                pat.append({"TEXT": {"IN": ["-", "\u2010", "\u2011"]}})
            pat.append({"LOWER": part})
        m.add("ROLE_MW", [pat])
    m.add("SPONSOR_PHRASE", [[{"LOWER": w} for w in p] for p, _ in rules.sponsor_phrases])
    words("TRAVEL", rules.travel_verbs, verb)
    words("COALITION_DESC", rules.coalition_descriptors, noun)
    words("BASED_FROM", rules.based_from, verb)
    m.add("LIST", [[{"LOWER": p.split()[0]}] + [{"LOWER": w} for w in p.split()[1:]]
                   for p in rules.list_preps])
    _MATCHERS[key] = m
    return m


# -- collecting facts -------------------------------------------------------------------

class _Facts:
    """One fact per (subject, predicate, object, sentence), type-checked."""

    def __init__(self, ctx: Context, rules: Rules) -> None:
        self.ctx, self.rules = ctx, rules
        self.items: dict[tuple, RelationFact] = {}

    def add(self, subjects, predicate: str, objects, trigger: Token, rule: str,
            support: tuple[str, ...] = ()) -> None:
        ctx = self.ctx
        if ctx.negated(trigger):
            return
        sent = ctx.sentence_of(trigger)
        if sent < 0:
            return
        if ctx.hypothetical(trigger):
            rule += HYPOTHETICAL
        for s in subjects:
            for o in objects:
                if s.key == o.key:
                    continue
                pred = predicate
                if pred == "allied_with" and s.type == "person" and o.type == "person":
                    pred = "associate_of"
                self._add_one(s, pred, o, sent, rule, support)

    def _add_one(self, s: Ent, predicate: str, o: Ent, sent: int, rule: str,
                 support: tuple[str, ...]) -> None:
        ctx = self.ctx
        allowed = self.rules.types[predicate]
        if True:
            if True:
                if not ctx.type_ok(s, allowed["subject"]) or not ctx.type_ok(o, allowed["object"]):
                    return
                a, b = s.key, o.key
                if predicate in self.rules.symmetric and b < a:
                    a, b = b, a
                k = (a, predicate, b, sent)
                if k in self.items:
                    old = self.items[k]
                    old.support = tuple(sorted(set(old.support) | set(support)))
                    if old.rule.endswith(HYPOTHETICAL) and not rule.endswith(HYPOTHETICAL):
                        old.rule = rule
                    return
                self.items[k] = RelationFact(subject=a, predicate=predicate, object=b,
                                             sentence=sent, rule=rule,
                                             support=tuple(sorted(set(support))))

    def result(self) -> list[RelationFact]:
        facts = list(self.items.values())
        strong = {(f.subject, f.predicate, f.object) for f in facts
                  if not f.rule.endswith(HYPOTHETICAL)}
        out = []
        for f in facts:
            implied = self.rules.implied_by.get(f.predicate, ())
            if any((f.subject, p, f.object) in strong for p in implied):
                continue
            out.append(f)
        out.sort(key=lambda f: (f.sentence, f.predicate, f.subject, f.object))
        return out


# -- helpers over the tree ------------------------------------------------------------

def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _preps(t: Token, words) -> list[Token]:
    return [c for c in t.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in words]


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _objects_of(ctx: Context, t: Token, preps, role: str = "object") -> list[Ent]:
    out: list[Ent] = []
    for p in _preps(t, preps):
        for o in _pobjs(p):
            out.extend(ctx.ents(o, role))
    return out


def _actors(ctx: Context, verb: Token) -> list[Ent]:
    return [e for t in ctx.actor_tokens(verb) for e in ctx.ents(t, "actor")]


def _patients(ctx: Context, verb: Token, rules: Rules | None = None) -> list[Ent]:
    out: list[Ent] = []
    for t in ctx.patient_tokens(verb):
        if rules is not None and _lemma(t) in rules.creation_nouns:
            for c in t.children:
                if c.dep_ == "poss":
                    out.extend(ctx.ents(c))
            for p in _preps(t, ("of",)):
                for o in _pobjs(p):
                    out.extend(ctx.ents(o))
            continue
        out.extend(ctx.ents(t, "object"))
    return out


def _places(ctx: Context, ents: list[Ent]) -> list[Ent]:
    """Places and countries only; a capital named as a seat of power stays the city here."""
    return [e for e in ents if e.type in ("place", "country")]


def _sponsors(ctx: Context, toks: list[Token]) -> list[Ent]:
    """The sponsor side: a person named with their organisation stands for it."""
    out: list[Ent] = []
    for t in toks:
        for e in ctx.ents(t, "actor"):
            if e.type == "person":
                aff = ctx.affiliation(t if ctx.mention_at(t) else t)
                out.extend(aff if aff else [e])
            else:
                out.append(e)
    return out


def _state_of_modifier(ctx: Context, t: Token) -> list[Ent]:
    """'Iranian' in 'Iranian-backed', 'Iran' in 'Iran-backed', 'IRGC' in 'IRGC-trained'."""
    d = ctx.demonym_country(t)
    if d is not None:
        return [d]
    m = ctx.mention_at(t)
    if m is not None and (m.type in ("country", "organization") or m.role == "metonym"):
        return [ctx.ent_of(m)]
    return []


# -- constructions ----------------------------------------------------------------------

def _role_pred(rules: Rules, t: Token) -> str | None:
    for w in (t.lower_, _lemma(t)):
        if w in rules.role:
            return rules.role[w]
        if w in rules.part_nouns:
            return "member_of"
    return None


def _role_head(rules: Rules, t: Token) -> Token:
    """'the founder and leader of Y': the conjoined role nouns share holder and object."""
    while t.dep_ == "conj" and _role_pred(rules, t.head):
        t = t.head
    return t


def _holder_types(rules: Rules, noun: Token, pred: str) -> tuple[str, ...]:
    if _lemma(noun) in rules.part_nouns or noun.lower_ in rules.part_nouns:
        return ("organization",)
    if pred == "member_of":
        return ("person", "organization")
    if pred == "allied_with":
        return ("person", "organization", "country")
    return ("person",)


def _list_ents(ctx: Context, tok: Token) -> list[Ent]:
    """Every name in a list written as conjuncts and appositions ('X in A; Y and Z in B;
    factions such as V and W; and the Houthi movement, Ansar Allah')."""
    out: list[Ent] = []
    todo, seen = [tok], set()
    while todo:
        t = todo.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        m = ctx.mention_at(t)
        if m is not None:
            out.append(ctx.ent_of(m))
        else:
            out.extend(ctx.list_items(t))
            out.extend(ctx.ent_of(ctx.mention_at(c)) for c in t.children
                       if c.dep_ == "appos" and ctx.mention_at(c) is not None)
        todo.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
    uniq: list[Ent] = []
    for e in out:
        if e.key not in {u.key for u in uniq}:
            uniq.append(e)
    return uniq


def _role_holders(ctx: Context, rules: Rules, noun: Token, types) -> list[Ent]:
    n = _role_head(rules, noun)
    # "Its founder was X", "His principal aide is X", "Its best-known members are X; Y and Z"
    if n.dep_ == "nsubj" and _lemma(n.head) in rules.copulas:
        out: list[Ent] = []
        for c in n.head.children:
            if c.dep_ == "attr":
                out.extend(_list_ents(ctx, c))
        for c in n.children:
            if c.dep_ == "appos":
                out.extend(_list_ents(ctx, c))
        return out
    # "one of its senior figures", "among the party's early leaders"
    if n.dep_ == "pobj" and n.head.lower_ in ("of", "among"):
        host = n.head.head
        if n.head.lower_ == "of" and _lemma(host) in ("one", "some", "each", "many", "two"):
            if host.dep_ == "appos":
                return ctx.apposed(host, types)
            if host.dep_ in ("attr", "pobj") and _lemma(host.head) in rules.copulas | {"among"}:
                verb = host.head if host.dep_ == "attr" else host.head.head
                toks, _ = ctx.subject(verb)
                return [e for t in toks for e in ctx.ents(t)]
        if n.head.lower_ == "among" and _lemma(host) in rules.copulas:
            toks, _ = ctx.subject(host)
            return [e for t in toks for e in ctx.ents(t)]
    if n.dep_ == "appos":
        found = ctx.apposed(n, types)
        if found:
            return found
    holders: list[Ent] = []
    for c in n.children:
        if c.dep_ == "appos" and ctx.mention_at(c) is not None:
            holders.extend(ctx.ents(c))
    if not holders:
        # the parser may hang the names on the object: "leaders of the group, X and Y",
        # "the mayor of the southern city of Basra, X"
        chain, todo = [], [n]
        while todo and len(chain) < 3:
            t = todo.pop(0)
            for p in _preps(t, ("of",)):
                for o in _pobjs(p):
                    chain.append(o)
                    todo.append(o)
        for o in chain:
            if ctx.mention_at(o) is not None and ctx.mention_at(o).type == "person":
                break
            for c in o.children:
                if c.dep_ == "appos" and ctx.mention_at(c) is not None \
                        and ctx.mention_at(c).type == "person":
                    holders.extend(ctx.ents(c))
    if holders:
        return holders
    if n.dep_ == "compound":
        t = n.head
        while t.dep_ == "compound" and ctx.mention_at(t) is None:
            t = t.head
        m = ctx.mention_at(t)
        return [ctx.ent_of(m)] if m is not None else []
    if n.dep_ in ("attr", "oprd") and _lemma(n.head) in rules.copulas:
        toks, _ = ctx.subject(n.head)
        return [e for t in toks for e in ctx.ents(t)]
    if n.dep_ == "oprd" or (n.dep_ == "pobj" and n.head.lower_ == "as"):
        verb = n.head if n.dep_ == "oprd" else n.head.head
        if _lemma(verb) in rules.as_verbs:
            if ctx.is_passive(verb):
                toks, _ = ctx.subject(verb)
            else:
                toks = [c for c in verb.children if c.dep_ == "dobj"] or ctx.subject(verb)[0]
            return [e for t in toks for e in ctx.ents(t)]
    return []


def _role_objects(ctx: Context, rules: Rules, noun: Token, pred: str) -> tuple[list[Ent], bool]:
    """The organisation, place or person a role noun belongs to; and whether the text
    names one at all (a preposition phrase), entity or not."""
    def own(t: Token) -> bool:
        return any(p.dep_ == "prep" and p.lower_ in rules.role_preps for p in t.children) or any(
            c.dep_ == "poss" for c in t.children)
    group = [noun]
    if not own(noun):
        head = _role_head(rules, noun)
        if head.i != noun.i:
            group.append(head)
        group += [c for c in noun.children if c.dep_ == "conj" and _role_pred(rules, c)]
    out: list[Ent] = []
    stated = False
    for t in group:
        for p in t.children:
            if p.dep_ != "prep" or p.lower_ not in rules.role_preps:
                continue
            if pred not in rules.role_preps[p.lower_]:
                continue
            stated = True
            for o in _pobjs(p):
                out.extend(ctx.ents(o, "object"))
        for c in t.children:
            if c.dep_ == "poss":
                stated = True
                out.extend(ctx.ents(c, "object"))
            elif c.dep_ in ("compound", "nmod") and c.i < t.i:
                m = ctx.mention_at(c)
                if m is not None and (m.type != "person" or pred == "associate_of"):
                    stated = True
                    out.append(ctx.ent_of(m))
                elif _lemma(t) in rules.state_leaders or t.lower_ in rules.state_leaders:
                    d = ctx.demonym_country(c)
                    if d is not None:
                        stated = True
                        out.append(d)
            elif c.dep_ == "amod" and c.i < t.i and (
                    _lemma(t) in rules.state_leaders or t.lower_ in rules.state_leaders):
                d = ctx.demonym_country(c)
                if d is not None:
                    stated = True
                    out.append(d)
    return out, stated


def _context_group(ctx: Context, tok: Token) -> list[Ent]:
    """The salient group, when this sentence or the one before names or refers to it."""
    if not ctx.salient:
        return []
    si = ctx.sentence_of(tok)
    for idx in (si, si - 1):
        if idx < 0:
            continue
        if any(e.key == ctx.salient for r in ctx.refs(idx) for e in r.ents):
            return ctx.salient_ent("context")
    return []


def _hyphenated(t: Token) -> tuple[int, int]:
    """The token span of the hyphenated word `t` is part of ('secretary-general')."""
    doc = t.doc
    lo = hi = t.i
    while lo >= 2 and doc[lo - 1].text in HYPHENS and not doc[lo - 2].whitespace_ \
            and not doc[lo - 1].whitespace_:
        lo -= 2
    while hi + 2 < len(doc) and doc[hi + 1].text in HYPHENS and not doc[hi].whitespace_ \
            and not doc[hi + 1].whitespace_:
        hi += 2
    return lo, hi


def rule_role(ctx: Context, rules: Rules, t: Token, out: _Facts, pred: str | None = None) -> None:
    whole = pred is not None
    if pred is None:
        lo, hi = _hyphenated(t)
        if hi > lo:
            return  # a hyphenated role is read whole (rule_role_multiword)
    pred = pred or _role_pred(rules, t)
    if pred is None:
        return
    if t.dep_ == "compound" and _role_pred(rules, t.head) and ctx.mention_at(t.head) is None:
        return  # "deputy chairman": the head noun speaks
    holders = _role_holders(ctx, rules, t, _holder_types(rules, t, pred))
    if not holders:
        return
    objects, stated = _role_objects(ctx, rules, t, pred)
    rule = "role_noun"
    word = _lemma(t) if _lemma(t) in rules.role else t.lower_
    if not objects and not stated and pred == "member_of" and (
            word in rules.context_members):
        objects = _context_group(ctx, t)
        rule = "role_noun_context"
    if word in rules.person_only:
        objects = [o for o in objects if o.type == "person"]
    if word in rules.flexible and not whole:
        people = [o for o in objects if o.type == "person"]
        others = [o for o in objects if o.type != "person"]
        out.add(holders, "associate_of", people, t, rule)
        out.add(holders, "member_of", others, t, rule)
        return
    out.add(holders, pred, objects, t, rule)


def rule_role_multiword(ctx: Context, rules: Rules, first: Token, last: Token,
                        out: _Facts) -> None:
    """'secretary-general of Hezbollah', 'co-founder of X': the last word is the noun."""
    span = first.doc[first.i:last.i + 1]
    word = span.text.lower().replace("\u2010", "-").replace("\u2011", "-")
    entry = rules.multiword_roles.get(word)
    if entry is not None:
        rule_role(ctx, rules, span.root, out, pred=entry[1])


def rule_subject_object(ctx: Context, rules: Rules, v: Token, out: _Facts) -> None:
    lemma = _lemma(v)
    if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children):
        return
    if lemma in rules.so_verbs:
        pred = rules.so_verbs[lemma]
        objects = _patients(ctx, v)
        if lemma == "run" and any(ctx.mention_at(o) is None and _lemma(o) in rules.channel_nouns
                                  for o in ctx.patient_tokens(v)):
            return
        out.add(_actors(ctx, v), pred, objects, v, f"verb_{pred}")
    if lemma in rules.member_preps:
        objects = _objects_of(ctx, v, rules.member_preps[lemma])
        out.add(_actors(ctx, v), "member_of", objects, v, "verb_member_prep")
    if lemma in rules.belong_verbs:
        out.add(_actors(ctx, v), "member_of", _objects_of(ctx, v, ("to",)), v, "verb_belong")


def rule_include(ctx: Context, rules: Rules, v: Token, out: _Facts) -> None:
    """'This coalition includes groups such as X in A, Y in B': members of the coalition."""
    coalition = [e for e in _actors(ctx, v) if e.type == "organization"]
    if not coalition:
        return
    members: list[Ent] = []
    for o in ctx.patient_tokens(v) + [c for c in v.children if c.dep_ == "conj"
                                       and c.pos_ in ("NOUN", "PROPN")]:
        members.extend(ctx.ents(o))
        for tok in o.subtree:
            m = ctx.mention_at(tok)
            if m is not None and m.type == "organization" and _in_list(rules, tok, o):
                members.append(ctx.ent_of(m))
    out.add(members, "member_of", coalition, v, "coalition_includes")


def _in_list(rules: Rules, tok: Token, top: Token) -> bool:
    """Whether a name sits under 'such as' / 'including' / 'like' below `top`."""
    t = tok
    for _ in range(12):
        if t.i == top.i or t.head.i == t.i:
            return False
        if t.lower_ in ("as", "including", "like", "notably") and t.dep_ == "prep":
            return True
        t = t.head
    return False


def rule_list_in(ctx: Context, rules: Rules, t: Token, out: _Facts) -> None:
    """'groups such as Hezbollah in Lebanon, Hamas in Gaza': each group placed in its country."""
    prep = t if t.dep_ == "prep" else None
    if t.lower_ == "such" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "as":
        prep = t.doc[t.i + 1]
    if prep is None:
        return
    for tok in prep.subtree:
        m = ctx.mention_at(tok)
        if m is None or m.type != "organization" or ctx.mention_root(m).i != tok.i:
            continue
        nxt = tok.i + 1
        if nxt + 1 < len(tok.doc) and tok.doc[nxt].lower_ == "in":
            place = ctx.mention_at(tok.doc[nxt + 1])
            if place is None and nxt + 2 < len(tok.doc) and tok.doc[nxt + 1].lower_ == "the":
                place = ctx.mention_at(tok.doc[nxt + 2])
            if place is not None and place.type in ("country", "place"):
                out.add([ctx.ent_of(m)], "based_in", [ctx.ent_of(place)], tok, "list_x_in_y")


def rule_sponsor_participle(ctx: Context, rules: Rules, t: Token, out: _Facts) -> None:
    """'an Iranian-backed proxy', 'Iran-funded militias', 'Iran-aligned groups'."""
    word = t.lower_
    if t.i < 2 or t.doc[t.i - 1].text not in ("-", "\u2010", "\u2011"):
        return
    states: list[Ent] = []
    for c in list(t.children) + [t.doc[t.i - 2]]:
        if c.i < t.i:
            for e in _state_of_modifier(ctx, c):
                if e.key not in {x.key for x in states}:
                    states.append(e)
    if not states:
        return
    holder_tok = t.head if t.dep_ in ("amod", "compound", "acl") else t
    holders = ctx.described(holder_tok)
    if word in ("aligned", "allied", "affiliated"):
        out.add(holders, "allied_with", states, t, "ally_participle")
    elif word in ("based", "headquartered"):
        places = [e for e in states if e.type == "country"]
        for c in [t.doc[t.i - 2]]:
            m = ctx.mention_at(c)
            if m is not None and m.type == "place":
                places.append(ctx.ent_of(m))
        out.add(holders, "based_in", places, t, "based_participle")
    else:
        support = rules.sponsor_participles.get(word, rules.sponsor_participles.get(_lemma(t), ()))
        out.add(holders, "sponsored_by", states, t, "sponsor_participle", support)


def rule_proxy(ctx: Context, rules: Rules, t: Token, out: _Facts) -> None:
    """'a typical Iranian proxy', 'one of Tehran's many proxy projects', 'a proxy of Iran'."""
    states: list[Ent] = []
    scope = [t] + ([t.head] if t.dep_ == "compound" else [])
    for n in scope:
        for c in n.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < n.i and c.i != t.i:
                states.extend(_state_of_modifier(ctx, c))
            elif c.dep_ == "poss":
                states.extend(e for e in ctx.ents(c) if e.type in ("country", "organization"))
        for o in [o for p in _preps(n, ("of", "for")) for o in _pobjs(p)]:
            states.extend(e for e in ctx.ents(o) if e.type in ("country", "organization"))
    if not states:
        return
    if any(_lemma(c) in rules.sponsor_participles or c.lower_ in rules.sponsor_participles
           for n in scope for c in n.children):
        return  # "an Iranian-backed Afghan proxy": the participle names the sponsor
    holders = ctx.described(scope[-1])
    holders = [h for h in holders if not _home_state(ctx, h, states)]
    out.add(holders, "sponsored_by", states, t, "proxy_noun")


def _home_state(ctx: Context, holder: Ent, states: list[Ent]) -> bool:
    """Whether a demonym on 'proxy' names the holder's own country (its nationality)."""
    for name in ctx.key_names.get(holder.key, ()):
        entry = ctx.lex.lookup(name)
        if entry is not None and entry.country:
            home = ctx.lex.country_by_code.get(entry.country)
            if home and any(normalize_form(home) == s.key.split(":", 1)[-1] for s in states):
                return True
    return False


def rule_sponsor_verb(ctx: Context, rules: Rules, v: Token, out: _Facts) -> None:
    """'Y funds X', 'X is armed by Y', 'a militia trained by Y', 'Y endorsed it'."""
    lemma = _lemma(v)
    if any(c.dep_ == "prt" for c in v.children):
        return
    support = rules.sponsor_verbs.get(lemma, ())
    if ctx.is_passive(v):
        sponsors = _sponsors(ctx, ctx.agent(v))
        toks, voice = ctx.subject(v)
        clients = [e for x in toks for e in (ctx.ents(x) or ctx.described(x))]
    else:
        sponsors = _sponsors(ctx, ctx.actor_tokens(v))
        clients = _patients(ctx, v, rules)
    out.add(clients, "sponsored_by", sponsors, v, f"sponsor_verb_{lemma}", support)


def rule_aid(ctx: Context, rules: Rules, v: Token, out: _Facts) -> None:
    """'X receives funding from Y', 'Y gave the group its backing'."""
    lemma = _lemma(v)
    objs = [c for c in v.children if c.dep_ == "dobj" and c.lower_ in rules.aid_nouns]
    if not objs:
        return
    support = tuple(s for o in objs for s in rules.aid_nouns[o.lower_])
    if lemma in rules.receive_verbs:
        sponsors = [e for o in objs for e in _objects_of(ctx, o, ("from",), "actor")]
        sponsors += _objects_of(ctx, v, ("from",), "actor")
        out.add(_actors(ctx, v), "sponsored_by", sponsors, v, "aid_received", support)
    else:
        clients = [e for c in v.children if c.dep_ == "dative" and c.pos_ != "ADP"
                   for e in ctx.ents(c)]
        clients += _objects_of(ctx, v, ("to",))
        out.add(clients, "sponsored_by", _sponsors(ctx, ctx.actor_tokens(v)), v,
                "aid_given", support)


def rule_ally_phrase(ctx: Context, rules: Rules, first: Token, last: Token, out: _Facts) -> None:
    """'in cooperation with Y', 'side by side with Y', 'alongside Y': an ally of the doer."""
    allies = [e for o in _pobjs(last) for e in ctx.ents(o)]
    if not allies:
        return
    host = first.head
    if first.lower_ == "side":
        host = first.head if first.dep_ != "pobj" else first.head.head
    if host.pos_ in ("VERB", "AUX"):
        doers = _actors(ctx, host)
    else:
        doers = ctx.nominal_actor(host) or ctx.described(host)
    out.add(doers, "allied_with", allies, last, "ally_phrase")


def rule_ally_noun(ctx: Context, rules: Rules, t: Token, out: _Facts) -> None:
    """'X's military cooperation with Y', 'the partnership between X and Y'."""
    if t.dep_ == "pobj" and t.head.lower_ in ("in",):
        return  # "in cooperation with": the phrase rule
    for p in _preps(t, ("between", "among")):
        sides = [e for o in _pobjs(p) for e in ctx.ents(o)]
        for i, a in enumerate(sides):
            out.add([a], "allied_with", sides[i + 1:], t, "ally_between")
    partners = _objects_of(ctx, t, ("with",))
    if not partners:
        return
    owners: list[Ent] = []
    n = t
    for _ in range(4):
        for c in n.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and ctx.mention_at(c) is not None):
                owners.extend(ctx.ents(c))
        if owners or n.dep_ != "conj":
            break
        n = n.head
    out.add(owners, "allied_with", partners, t, "ally_noun")


def rule_ally_verb(ctx: Context, rules: Rules, v: Token, out: _Facts) -> None:
    """'X cooperates with Y', 'a network of actors aligned with Y', 'X sided with Y'."""
    partners = _objects_of(ctx, v, ("with",))
    if not partners:
        return
    if v.dep_ in ("acl", "amod"):
        doers = ctx.described(v.head)
    else:
        doers = _actors(ctx, v)
    out.add(doers, "allied_with", partners, v, "ally_verb")


def _state_targets(ctx: Context, toks: list[Token]) -> list[Ent]:
    return [e for t in toks for e in ctx.ents(t, "object")]


def rule_oppose_verb(ctx: Context, rules: Rules, v: Token, out: _Facts) -> None:
    """'X seeks to overthrow Y', 'Its purpose — to overthrow the government of Y'."""
    objects = _state_targets(ctx, [c for c in v.children if c.dep_ == "dobj"])
    out.add(_actors(ctx, v), "opposes", objects, v, "oppose_verb")


def rule_against(ctx: Context, rules: Rules, t: Token, out: _Facts) -> None:
    """'X fights against Y', 'the X information campaign against Y', 'X is hostile to Y'."""
    lemma = _lemma(t)
    preps = ("against",) if lemma not in rules.hostile and lemma not in (
        "hostility", "enmity", "antagonism") else rules.against_preps
    objects = _objects_of(ctx, t, preps, "object")
    if not objects:
        return
    if t.pos_ in ("VERB",):
        doers = _actors(ctx, t)
    elif t.pos_ == "ADJ" and lemma in rules.hostile:
        if t.dep_ == "acomp":
            toks, _ = ctx.subject(t.head)
            doers = [e for x in toks for e in ctx.ents(x)]
        else:
            doers = ctx.described(t.head) if t.dep_ == "amod" else []
    else:
        doers = []
        n = t
        for _ in range(4):
            for c in n.children:
                if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod")
                                        and ctx.mention_at(c) is not None):
                    doers.extend(ctx.ents(c))
            if doers or n.dep_ != "conj":
                break
            n = n.head
        if not doers and t.dep_ == "dobj":
            doers = _actors(ctx, t.head)
    out.add(doers, "opposes", objects, t, "against")


def rule_change(ctx: Context, rules: Rules, t: Token, out: _Facts) -> None:
    """'called for regime change in Y', 'their objective of a change in regime in Y',
    'advocating the overthrow of Y'."""
    lemma = _lemma(t)
    regime = any(c.lower_ in rules.regime_words for c in t.children
                 if c.dep_ in ("compound", "nmod", "amod")) or any(
        o.lower_ in rules.regime_words for p in _preps(t, ("in", "of")) for o in _pobjs(p))
    if lemma == "change" and not regime:
        return
    # the country whose regime is to go
    places: list[Ent] = []
    scan = [t] + [o for p in _preps(t, ("in", "of")) for o in _pobjs(p)]
    for n in scan:
        for p in _preps(n, ("in", "of")):
            for o in _pobjs(p):
                if o.lower_ in rules.regime_words:
                    continue
                places.extend(ctx.ents(o, "object"))
    holder = t.head.head if t.dep_ == "pobj" else t.head
    if not places and holder.pos_ in ("VERB",):
        for p in _preps(holder, ("in",)):
            for o in _pobjs(p):
                places.extend(ctx.ents(o, "object"))
    targets = []
    for e in places:
        if e.type == "place":
            m = next((m for m in ctx.mentions if m.key == e.key), None)
            cap = ctx.capital_state(m) if m is not None else None
            if cap is not None:
                targets.append(cap)
        else:
            targets.append(e)
    if not targets:
        return
    doers: list[Ent] = []
    for c in t.children:
        if c.dep_ == "poss":
            doers.extend(ctx.ents(c))
    n = t
    for _ in range(4):
        if doers:
            break
        if n.dep_ == "pobj":
            n = n.head.head
        elif n.dep_ in ("dobj", "xcomp"):
            n = n.head
        else:
            break
        if n.pos_ == "VERB" and _lemma(n) in rules.call_verbs:
            doers = _actors(ctx, n)
            break
        if n.pos_ == "NOUN" and _lemma(n) in rules.purpose_nouns:
            for c in n.children:
                if c.dep_ == "poss":
                    doers.extend(ctx.ents(c))
    out.add(doers, "opposes", targets, t, "regime_change")


def rule_based(ctx: Context, rules: Rules, t: Token, out: _Facts) -> None:
    """'X is based in Y', 'whose leaders are based in Y', 'a group based in Y',
    'X's leaders live in Y', 'its headquarters in Y'."""
    places = _places(ctx, _objects_of(ctx, t, ("in", "inside", "out"), "place"))
    if not places:
        return
    lemma = _lemma(t)
    if t.pos_ in ("VERB", "AUX") or t.tag_ == "VBN":
        if t.dep_ in ("acl", "amod") and t.tag_ == "VBN":
            holders = ctx.described(t.head) or ctx.ents(t.head)
        else:
            toks, _ = ctx.subject(t)
            holders = [e for x in toks for e in ctx.ents(x)]
    elif lemma in rules.based_nouns:
        holders = [e for c in t.children if c.dep_ == "poss" for e in ctx.ents(c)]
    else:
        return
    out.add(holders, "based_in", places, t, "based_in")


def _war_country(ctx: Context, o: Token) -> list[Ent]:
    """'the Syrian civil war', 'the war in Syria': the country a war is fought in."""
    if _lemma(o) not in ("war", "conflict", "fighting", "jihad", "insurgency", "campaign"):
        return []
    out = []
    for c in o.children:
        if c.dep_ in ("amod", "compound") and c.i < o.i:
            d = ctx.demonym_country(c)
            if d is not None:
                out.append(d)
            elif ctx.mention_at(c) is not None and ctx.mention_at(c).type == "country":
                out.append(ctx.ent_of(ctx.mention_at(c)))
    return out


def rule_operate(ctx: Context, rules: Rules, t: Token, out: _Facts) -> None:
    """'cells in Y', 'X fighters have deployed to Y', 'X is active in Y', 'operates within Y',
    'X participated in the Syrian civil war'."""
    lemma = _lemma(t)
    targets: list[Ent] = []
    coalition: list[Ent] = []
    for p in _preps(t, rules.operate_preps):
        for o in _pobjs(p):
            found = ctx.ents(o, "place")
            targets.extend(e for e in found if e.type in ("country", "place"))
            coalition.extend(e for e in found if e.type == "organization"
                             and p.lower_ in ("within", "inside"))
            if t.pos_ == "VERB" and p.lower_ == "in":
                targets.extend(_war_country(ctx, o))
    if not targets and not coalition:
        return
    if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",):
        if lemma == "participate" and not any(e.how == "demonym" for e in targets):
            return
        if t.dep_ == "acl":
            doers = ctx.described(t.head) or ctx.ents(t.head)
        else:
            doers = _actors(ctx, t)
            if not doers and ctx.is_passive(t):
                toks, _ = ctx.subject(t)
                doers = [e for x in toks for e in ctx.ents(x)]
        rule = "operate_verb"
    elif t.pos_ == "ADJ" or lemma in rules.operate_adjectives:
        if t.dep_ == "acomp":
            toks, _ = ctx.subject(t.head)
            doers = [e for x in toks for e in ctx.ents(x)]
        else:
            doers = ctx.described(t.head)
        rule = "operate_adjective"
    else:
        doers = []
        for c in t.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and ctx.mention_at(c) is not None):
                doers.extend(ctx.ents(c))
        if not doers and t.dep_ == "pobj" and t.head.lower_ in ("with", "behind"):
            host = t.head.head
            if host.pos_ in ("VERB", "AUX"):
                doers = _actors(ctx, host)
            else:
                doers = ctx.described(host)
        if not doers and t.dep_ == "dobj" and _lemma(t.head) in (
                "have", "maintain", "run", "operate", "establish", "build", "set", "expand"):
            doers = _actors(ctx, t.head)
        rule = "operate_noun"
    out.add(doers, "operates_in", targets, t, rule)
    if coalition:
        out.add(doers, "member_of", coalition, t, "operate_within")


def rule_channel(ctx: Context, rules: Rules, v: Token, out: _Facts) -> None:
    """'X runs the Telegram channel Y': the channel is keyed by its name."""
    channels: list[Ent] = []
    for o in ctx.patient_tokens(v):
        if _lemma(o) not in rules.channel_nouns and o.lower_ not in rules.channel_nouns:
            continue
        names = [c for c in o.subtree if c.i != o.i and (ctx.mention_at(c) is not None
                                                        or c.pos_ == "PROPN")]
        for c in names:
            m = ctx.mention_at(c)
            if m is not None and m.type == "channel" and m.key not in {e.key for e in channels}:
                channels.append(ctx.ent_of(m))
        if not channels:
            quoted = _quoted_after(o)
            if quoted:
                key = "channel:" + normalize_form(quoted)
                ctx.invented.setdefault(key, quoted)
                channels.append(Ent(key, "channel", "channel"))
    if channels:
        out.add(_actors(ctx, v), "operates_channel", channels, v, "runs_channel")


def _quoted_after(noun: Token) -> str | None:
    """The name of a channel written in quotes or as an apposition after its noun."""
    doc = noun.doc
    i = noun.i + 1
    if i < len(doc) and doc[i].text in ('"', "\u201c", "'", "\u2018"):
        j = i + 1
        while j < len(doc) and j < i + 12 and doc[j].text not in ('"', "\u201d", "'", "\u2019"):
            j += 1
        if j < len(doc) and j > i + 1:
            return doc[i + 1:j].text
    for c in noun.children:
        if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.i > noun.i:
            span = doc[c.left_edge.i:c.i + 1]
            return span.text
    return None


def rule_sponsor_phrase(ctx: Context, rules: Rules, first: Token, last: Token,
                        out: _Facts) -> None:
    """'founded under the supervision of Y', 'attacked X with the help of Y'."""
    words = tuple(t.lower_ for t in first.doc[first.i:last.i + 1])
    support = next((sup for ws, sup in rules.sponsor_phrases if ws == words), ())
    sponsors = _sponsors(ctx, _pobjs(last))
    host = first.head
    if host.pos_ in ("VERB", "AUX"):
        if ctx.is_passive(host):
            toks, _ = ctx.subject(host)
            clients = [e for x in toks for e in ctx.ents(x)]
        else:
            clients = _actors(ctx, host)
    else:
        clients = ctx.nominal_actor(host) or ctx.described(host)
    out.add(clients, "sponsored_by", sponsors, last, "sponsor_phrase", support)


def rule_travel(ctx: Context, rules: Rules, v: Token, out: _Facts) -> None:
    """'had gone to Syria to fight', 'travelled to Iraq to join': active where they went."""
    purpose = [c for c in v.children if c.dep_ in ("xcomp", "advcl")
               and _lemma(c) in rules.purpose_verbs]
    if not purpose:
        return
    places = _places(ctx, _objects_of(ctx, v, ("to", "into"), "place"))
    out.add(_actors(ctx, v), "operates_in", places, v, "went_to_fight")


def rule_coalition_descriptor(ctx: Context, rules: Rules, n: Token, out: _Facts) -> None:
    """'the Islamic Resistance in Iraq, a banner used by factions including X and Y':
    the listed groups are members of the coalition the descriptor stands for."""
    holders = [e for e in ctx.apposed(n, ("organization",)) if e.type == "organization"] \
        if n.dep_ in ("appos", "npadvmod") or n.i > 0 and n.doc[n.i - 1].text in (",",) or any(
            t.text == "," for t in n.doc[max(0, n.left_edge.i - 1):n.left_edge.i]) else []
    if not holders and n.dep_ in ("attr",) and _lemma(n.head) in rules.copulas:
        toks, _ = ctx.subject(n.head)
        holders = [e for x in toks for e in ctx.ents(x) if e.type == "organization"]
    if not holders:
        return
    members: list[Ent] = []
    for t in n.subtree:
        if t.pos_ in ("NOUN", "PROPN"):
            members.extend(ctx.list_items(t))
    out.add(members, "member_of", holders, n, "coalition_descriptor")


def rule_based_from(ctx: Context, rules: Rules, v: Token, out: _Facts) -> None:
    """'its leadership works from Qom', 'the group is led from Qom by X'."""
    places = _places(ctx, _objects_of(ctx, v, ("from",), "place"))
    if not places:
        return
    toks, _ = ctx.subject(v)
    holders = [e for x in toks for e in ctx.ents(x)]
    out.add(holders, "based_in", places, v, "run_from")


def _possessive_and_of(ctx: Context, rules: Rules, out: _Facts) -> None:
    """'Lebanon's Hezbollah' (based in the country), 'the Quds Force of the IRGC' (a part)."""
    for m in ctx.mentions:
        if m.type != "organization" or m.role != "name":
            continue
        root = ctx.mention_root(m)
        for c in root.children:
            if c.dep_ == "poss":
                owner = ctx.mention_at(c)
                if owner is not None and owner.type == "country" and owner.role == "name" \
                        and (m.kind or ctx.kind_of(m.key) or "") not in rules.not_based_kinds:
                    out.add([ctx.ent_of(m)], "based_in", [ctx.ent_of(owner)], root,
                            "country_possessive")
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in _pobjs(c):
                    whole = ctx.mention_at(o)
                    if whole is not None and whole.type == "organization" and whole.key != m.key:
                        out.add([ctx.ent_of(m)], "member_of", [ctx.ent_of(whole)], root,
                                "organization_of_organization")


def _lists_in_places(ctx: Context, rules: Rules, out: _Facts) -> None:
    """'Hezbollah in Lebanon; Hamas and Palestinian Islamic Jihad in Gaza; ... Ansar Allah,
    in Yemen': in a list of groups, each placed in a country or region."""
    doc = ctx.doc
    for m in ctx.mentions:
        if m.type != "organization":
            continue
        root = ctx.mention_root(m)
        last = max(i for i in range(root.i, len(doc)) if ctx.mention_at(doc[i]) is m
                   or i == root.i)
        j = last + 1
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if not (j + 1 < len(doc) and doc[j].lower_ == "in"):
            continue
        k = j + 1
        if doc[k].lower_ == "the" and k + 1 < len(doc):
            k += 1
        place = ctx.mention_at(doc[k])
        if place is None or place.type not in ("country", "place") or place.role == "metonym":
            continue
        listed = root.dep_ in ("conj", "appos", "attr") or any(
            c.dep_ == "conj" for c in root.children) or _under_list(root) or (
            root.i > 0 and doc[root.i - 1].text == ";")
        if not listed:
            continue
        group = [ctx.ent_of(m)]
        head = root
        while head.dep_ == "conj" and ctx.mention_at(head.head) is not None and \
                ctx.mention_at(head.head).type == "organization":
            prev = ctx.mention_at(head.head)
            after = doc.char_span(prev.end, prev.end + 4, alignment_mode="expand")
            if after is not None and after.text.strip().lower().startswith("in"):
                break
            head = head.head
            group.append(ctx.ent_of(prev))
        out.add(group, "based_in", [ctx.ent_of(place)], root, "list_x_in_y")


def _demonym_lists(ctx: Context, rules: Rules, out: _Facts) -> None:
    """'Iraqi factions such as Kataib Hizballah and Harakat al-Nujaba': each listed group is
    based in the country of the demonym."""
    for t in ctx.doc:
        if t.tag_ not in ("NNS", "NNPS") or ctx.sentence_of(t) < 0:
            continue
        if _lemma(t) not in ctx.w.group | {"faction", "militia", "force", "group", "unit"}:
            continue
        states = [d for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i
                  for d in [ctx.demonym_country(c)] if d is not None]
        if len(states) != 1:
            continue
        if not any(c.dep_ == "prep" and c.lower_ in ("as", "including", "like")
                   for c in t.children):
            continue
        out.add(ctx.list_items(t), "based_in", states, t, "demonym_list")


def _under_list(tok: Token) -> bool:
    t = tok
    for _ in range(8):
        if t.dep_ == "prep" and t.lower_ in ("as", "including", "like", "notably"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


_SPAN_HANDLERS = {
    "ALLY_PHRASE": rule_ally_phrase,
    "SPONSOR_PHRASE": rule_sponsor_phrase,
    "ROLE_MW": rule_role_multiword,
}

_HANDLERS = {
    "ROLE": rule_role,
    "SO_VERB": rule_subject_object,
    "INCLUDE": rule_include,
    "SPONSOR_PART": rule_sponsor_participle,
    "PROXY": rule_proxy,
    "SPONSOR_VERB": rule_sponsor_verb,
    "AID_VERB": rule_aid,
    "ALLY_NOUN": rule_ally_noun,
    "ALLY_VERB": rule_ally_verb,
    "OPPOSE_VERB": rule_oppose_verb,
    "AGAINST": rule_against,
    "CHANGE": rule_change,
    "BASED": rule_based,
    "OPERATE": rule_operate,
    "CHANNEL_VERB": rule_channel,
    "LIST": rule_list_in,
    "TRAVEL": rule_travel,
    "COALITION_DESC": rule_coalition_descriptor,
    "BASED_FROM": rule_based_from,
}


def find_relations(doc: Doc, sentences: list[Sentence], mentions: list[Mention],
                   ctx: Context | None = None) -> list[RelationFact]:
    """Every relation the syntax of the document states, one per (s, p, o) per sentence."""
    if not sentences or not mentions:
        return []
    rules = load_rules()
    ctx = ctx or Context(doc, sentences, mentions)
    facts = _Facts(ctx, rules)
    matcher = _matcher(doc, rules)
    seen: set[tuple[str, int]] = set()
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        first, last = doc[start], doc[end - 1]
        if ctx.sentence_of(first) < 0:
            continue
        if label in _SPAN_HANDLERS:
            if (label, start) in seen:
                continue
            seen.add((label, start))
            _SPAN_HANDLERS[label](ctx, rules, first, last, facts)
            continue
        if (label, start) in seen:
            continue
        seen.add((label, start))
        _HANDLERS[label](ctx, rules, first, facts)
    _possessive_and_of(ctx, rules, facts)
    _lists_in_places(ctx, rules, facts)
    _demonym_lists(ctx, rules, facts)
    return facts.result()
