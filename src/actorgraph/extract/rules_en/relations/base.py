"""What every relation rule shares: the patterns of `data/relations.yaml`, the fact
collector, and small readers of the dependency tree."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from actorgraph import ontology
from actorgraph.extract.rules_en.reference.argdata import lemma_of, pobjs_of, preps_of
from actorgraph.extract.rules_en.reference.arguments import Context, Ent, load_data, word_set
from actorgraph.extract.rules_en.ruledata import words
from actorgraph.model import RelationFact

HYPOTHETICAL = ":hypothetical"
HYPHENS = ("-", "\u2010", "\u2011")
DISTRIBUTIVE = words("relations", "distributive_quantifiers")   # "X and Y, both armed by Z"
NAMING_VERBS = words("relations", "naming_verbs")


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
    head_titles: dict          # modifier -> head nouns it makes a leading title
    second_modifiers: frozenset
    portfolio_roles: dict      # role noun -> head nouns of the body it heads
    successor_nouns: frozenset
    predecessor_nouns: frozenset
    succession_verbs: frozenset


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = load_data("relations.yaml")
    role: dict[str, str] = {}
    for pred, ws in raw["role_nouns"].items():
        for w in ws:
            role.setdefault(str(w).lower(), pred)
    so_verbs: dict[str, str] = {}
    for pred, ws in raw["subject_object_verbs"].items():
        for w in ws:
            so_verbs.setdefault(str(w).lower(), pred)
    return Rules(
        types={p.name: {"subject": frozenset(p.subject), "object": frozenset(p.object)}
               for p in ontology.predicates()},
        symmetric=ontology.symmetric_predicates(),
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
        sponsor_participles={k.lower(): tuple(v or ())
                             for k, v in raw["sponsor_participles"].items()},
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
        head_titles={k.lower(): word_set(v) for k, v in raw["head_titles"].items()},
        second_modifiers=word_set(raw["second_modifiers"]),
        portfolio_roles={k.lower(): word_set(v) for k, v in raw["portfolio_roles"].items()},
        successor_nouns=word_set(raw["successor_nouns"]),
        predecessor_nouns=word_set(raw["predecessor_nouns"]),
        succession_verbs=word_set(raw["succession_verbs"]),
    )


class Facts:
    """One fact per (subject, predicate, object, sentence), type-checked."""

    def __init__(self, ctx: Context, rules: Rules) -> None:
        self.ctx, self.rules = ctx, rules
        self.items: dict[tuple, RelationFact] = {}

    def add(self, subjects, predicate: str, objects, trigger: Token, rule: str,
            support: tuple[str, ...] = (), states: bool = False) -> None:
        """`states`: the construction makes a state a member or the body one belongs to
        ("Chile's ambassador", "a task force with troops from Chile"), which the ontology's
        types of member_of leave out."""
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
                self._add_one(s, pred, o, sent, rule, support, states)

    def _add_one(self, s: Ent, predicate: str, o: Ent, sent: int, rule: str,
                 support: tuple[str, ...], states: bool = False) -> None:
        ctx = self.ctx
        allowed = self.rules.types[predicate]
        extra = ("country",) if states and predicate == "member_of" else ()
        if True:
            if True:
                if not ctx.type_ok(s, allowed["subject"] | set(extra)) or \
                        not ctx.type_ok(o, allowed["object"] | set(extra)):
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


def objects_of(ctx: Context, t: Token, preps, role: str = "object") -> list[Ent]:
    out: list[Ent] = []
    for p in preps_of(t, preps):
        for o in pobjs_of(p):
            out.extend(ctx.ents(o, role))
        out.extend(named_by_free_relative(ctx, p, role))
    return out


def named_by_free_relative(ctx: Context, p: Token, role: str = "object") -> list[Ent]:
    """'belongs to what Tehran calls the Axis of Resistance': the name a free relative
    clause of naming gives is what the preposition governs."""
    out: list[Ent] = []
    for v in p.children:
        if v.dep_ == "pcomp" and lemma_of(v) in NAMING_VERBS and any(
                c.dep_ == "dobj" and c.lower_ == "what" for c in v.children):
            out.extend(e for c in v.children if c.dep_ == "oprd" for e in ctx.ents(c, role))
    return out


def actors_of(ctx: Context, verb: Token) -> list[Ent]:
    return [e for t in ctx.actor_tokens(verb) for e in ctx.ents(t, "actor")]


def patients_of(ctx: Context, verb: Token, rules: Rules | None = None) -> list[Ent]:
    out: list[Ent] = []
    for t in ctx.patient_tokens(verb):
        if rules is not None and lemma_of(t) in rules.creation_nouns:
            for c in t.children:
                if c.dep_ == "poss":
                    out.extend(ctx.ents(c))
            for p in preps_of(t, ("of",)):
                for o in pobjs_of(p):
                    out.extend(ctx.ents(o))
            continue
        out.extend(ctx.ents(t, "object"))
    return out


def places_only(ctx: Context, ents: list[Ent]) -> list[Ent]:
    """Places and countries only; a capital named as a seat of power stays the city here."""
    return [e for e in ents if e.type in ("place", "country")]


def sponsors_of(ctx: Context, toks: list[Token]) -> list[Ent]:
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


def state_of_modifier(ctx: Context, t: Token) -> list[Ent]:
    """'Iranian' in 'Iranian-backed', 'Iran' in 'Iran-backed', 'IRGC' in 'IRGC-trained',
    'Tehran' in 'Tehran-funded'."""
    d = ctx.demonym_country(t)
    if d is not None:
        return [d]
    m = ctx.mention_at(t)
    if m is not None and (m.type in ("country", "organization") or m.role == "metonym"):
        return [ctx.ent_of(m)]
    if m is not None and m.type == "place":     # 'Tehran-sponsored': a capital for its state
        cap = ctx.capital_state(m)
        return [cap] if cap is not None else []
    return []


# -- constructions ----------------------------------------------------------------------


def distributed(ctx: Context, tok: Token) -> list[Ent]:
    """'X, Y and Z, all funded by W', 'X, Y and Z are all backed by W': a quantifier set
    after a list, or floating by its verb, stands for each item of the list (the items
    hang from the list's head by conjunction or apposition)."""
    if tok.lower_ in DISTRIBUTIVE and tok.dep_ == "appos":
        first = tok.head
    elif tok.dep_ in ("nsubj", "nsubjpass") and any(
            c.lower_ in DISTRIBUTIVE and c.dep_ in ("dep", "advmod", "det", "preconj")
            for c in tok.head.children):
        first = tok                          # 'X, Y and Z were each armed by W'
    else:
        return []
    out: list[Ent] = []
    todo = [first]
    while todo:
        t = todo.pop(0)
        m = ctx.mention_at(t)
        if m is not None and m.type in ("organization", "person") and \
                m.key not in {e.key for e in out}:
            out.append(ctx.ent_of(m))
        todo.extend(c for c in t.children if c.dep_ in ("conj", "appos") and c.i != tok.i)
    return out if len(out) > 1 else []



def names_listed_after(ctx: Context, tok: Token) -> list[Ent]:
    """The names written after the name at `tok` as a flat list ('X, Y and Z', 'X, Y, and
    the Z'), read from the words themselves where the parser has not joined them by
    conjunction: only commas, 'and' and an article between two names."""
    doc = ctx.doc
    m = ctx.mention_at(tok)
    if m is None:
        return []
    out: list[Ent] = []
    i = max(t.i for t in doc if ctx.mention_at(t) is m) + 1
    while i < len(doc):
        j = i
        seps = 0
        while j < len(doc) and doc[j].lower_ in (",", "and", "the"):
            seps += doc[j].lower_ in (",", "and")
            j += 1
        nxt = ctx.mention_at(doc[j]) if j < len(doc) else None
        if not seps or nxt is None or nxt is m or nxt.type != m.type:
            break
        out.append(ctx.ent_of(nxt))
        m = nxt
        i = max(t.i for t in doc[j:j + 12] if ctx.mention_at(t) is nxt) + 1
    return out
