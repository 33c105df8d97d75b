"""Events, typed by PLOVER, read from the syntax of each sentence.

`find_events(doc, sentences, mentions)` finds the verbs and nouns that name an
act (`data/events.yaml`: "shot", "the attempted assassination of X",
"detained", "called for attacks on X", "endorsed it") and fills its slots
from the parse:

- actors: the subject of an active verb, the agent of a passive one, the
  owner of a noun ("Hezbollah's attack", "a US drone strike"), or the subject
  of the clause a noun is the business of ("X cells have been behind ...,
  including a thwarted attack on Y, the attempted assassination of Z and a
  plot in W": three events by X); partners "in cooperation with Y" join them;
- targets: the object, the subject of a passive, "on X", "against X", "the
  assassination of X", "a plot targeting Israelis" (a demonym stands for its
  state), "attacks on Israeli targets";
- location: "in X", "at X", "near X" naming a place or a country, on the
  trigger or on the clause that holds it.

A call or threat absorbs the act it threatens ("called for the assassination
of X" is one THREATEN with target X, not an ASSAULT). Triggers that are
coordinated or share their head and their participants are one event.
A noun that only refers back to an act already told ("the arrest", "their
detention") is not a new event. Negated triggers are skipped; hypothetical
ones ("should X succeed", "would", "capable of striking") keep the suffix
":hypothetical" on their rule. Dates and attribution are left to later stages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ..model import EventFact, Mention, Sentence
from .arguments import Context, Ent, lemma_in, load_data, word_set

HYPOTHETICAL = ":hypothetical"
REQUEST_VERBS = {"request", "demand", "ask", "urge", "press", "appeal"}
CONTENT_VERBS = {"deny", "acknowledge", "admit", "concede", "dismiss", "reject"}
MODAL_NOUNS = {"ability", "capacity", "capability", "potential", "readiness", "willingness",
               "intention", "intent", "plan", "plans", "desire", "wish", "attempt", "bid",
               "threat", "risk", "possibility", "chance", "effort", "efforts"}
HALT_VERBS = {"suspend", "halt", "stop", "cease", "pause", "end", "avoid", "renounce"}
THWART_VERBS = {"thwart", "foil", "prevent", "disrupt", "uncover", "avert", "stop"}
WEAPON_OBJECTS = {"missile", "missiles", "rocket", "rockets", "drone", "drones", "shell", "shells",
                  "mortar", "mortars", "bomb", "bombs", "grenade", "grenades", "shot", "shots",
                  "projectile", "projectiles", "salvo", "barrage", "fire", "attack", "attacks",
                  "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "offensive"}
COMMUNICATION_NOUNS = {"video", "videos", "post", "posts", "article", "articles", "statement",
                       "statements", "message", "messages", "speech", "speeches", "sermon",
                       "sermons", "tweet", "tweets", "propaganda", "campaign", "broadcast",
                       "broadcasts", "editorial", "cartoon", "song", "songs", "book", "report"}
NON_AGENTS = {"crush", "stampede", "accident", "crash", "earthquake", "flood", "fire", "disease",
              "storm", "collapse", "illness", "heat", "cold", "outbreak", "epidemic"}
SUPERVISION_NOUNS = {"supervision": "directs", "auspices": None, "patronage": None,
                     "guidance": None, "blessing": None, "direction": "directs"}
NOT_VIOLENT_OBJECTS = {"deal", "agreement", "balance", "note", "tone", "chord", "compromise",
                       "bargain", "pose", "match", "fear", "blow"}
PATIENT_POSSESSOR = {"COERCE"}
PATIENT_POSSESSOR_NOUNS = {"assassination", "killing", "murder", "kidnapping", "arrest",
                           "detention", "imprisonment", "expulsion"}
AGREEMENT_OBJECTS = {"agreement", "deal", "accord", "treaty", "memorandum", "pact", "ceasefire",
                     "truce"}
RETREAT_OBJECTS = {"operations", "attacks", "activities", "activity", "campaign", "operation",
                   "forces", "troops", "diplomats", "staff", "personnel", "embassy"}


@dataclass(frozen=True)
class Rules:
    verbs: dict
    nouns: dict
    light_verbs: frozenset
    support_nouns: dict
    creation_nouns: frozenset
    creation_only: frozenset
    call_verbs: frozenset
    threat_verbs: frozenset
    plot_modifiers: frozenset
    assault_heads: frozenset
    plot_verbs: frozenset
    travel_verbs: frozenset
    purpose_verbs: frozenset
    send_verbs: frozenset
    send_objects: frozenset
    open_verbs: frozenset
    diplomatic_objects: frozenset
    list_verbs: frozenset
    sanction_lists: frozenset
    modal_adjectives: frozenset
    outcome_verbs: frozenset
    requires: dict
    target_preps: frozenset
    location_preps: frozenset


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = load_data("events.yaml")

    def table(d):
        return {str(k).lower(): (v[0], v[1]) for k, v in d.items()}
    return Rules(
        verbs=table(raw["verbs"]), nouns=table(raw["nouns"]),
        light_verbs=word_set(raw["light_verbs"]),
        support_nouns={k.lower(): v for k, v in raw["support_nouns"].items()},
        creation_nouns=word_set(raw["creation_nouns"]),
        creation_only=word_set(raw["creation_only_verbs"]),
        call_verbs=word_set(raw["call_verbs"]), threat_verbs=word_set(raw["threat_verbs"]),
        plot_modifiers=word_set(raw["plot_modifiers"]),
        assault_heads=word_set(raw["assault_heads"]), plot_verbs=word_set(raw["plot_verbs"]),
        travel_verbs=word_set(raw["travel_verbs"]), purpose_verbs=word_set(raw["purpose_verbs"]),
        send_verbs=word_set(raw["send_verbs"]), send_objects=word_set(raw["send_objects"]),
        open_verbs=word_set(raw["open_verbs"]),
        diplomatic_objects=word_set(raw["diplomatic_objects"]),
        list_verbs=word_set(raw["list_verbs"]), sanction_lists=word_set(raw["sanction_lists"]),
        modal_adjectives=word_set(raw["modal_adjectives"]),
        outcome_verbs=word_set(raw["outcome_verbs"]),
        requires=dict(raw["requires"]),
        target_preps=word_set(raw["target_preps"]),
        location_preps=word_set(raw["location_preps"]),
    )


_MATCHERS: dict[int, Matcher] = {}


def _matcher(doc: Doc, rules: Rules) -> Matcher:
    key = id(doc.vocab)
    if key not in _MATCHERS:
        m = Matcher(doc.vocab)
        verbs = sorted(set(rules.verbs)
                       | rules.creation_only | rules.call_verbs | rules.travel_verbs
                       | rules.send_verbs | rules.open_verbs | rules.list_verbs
                       | rules.light_verbs | {"declare"})
        nouns = sorted(set(rules.nouns) | set(rules.support_nouns) | set(SUPERVISION_NOUNS))
        m.add("VERB", [[{"LEMMA": {"IN": verbs}, "POS": {"IN": ["VERB", "AUX"]}}]])
        m.add("NOUN", [[{"LEMMA": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}],
                       [{"LOWER": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}]])
        _MATCHERS[key] = m
    return _MATCHERS[key]


@dataclass
class _Event:
    type: str
    mode: str | None
    trigger: Token
    rule: str
    actors: list[Ent] = field(default_factory=list)
    targets: list[Ent] = field(default_factory=list)
    location: Ent | None = None
    hypothetical: bool = False
    explicit: bool = False        # some participant is named, not only referred to

    def add(self, slot: str, ents) -> None:
        have = getattr(self, slot)
        for e in ents:
            if e.key not in {x.key for x in have}:
                have.append(e)


# -- small helpers over the tree -----------------------------------------------------------

def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _preps(t: Token, words) -> list[Token]:
    return [c for c in t.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in words]


def _pobjs(p: Token) -> list[Token]:
    return [c for c in p.children if c.dep_ == "pobj"]


def _ents(ctx: Context, toks, role: str) -> list[Ent]:
    out: list[Ent] = []
    for t in toks:
        for e in ctx.ents(t, role):
            if e.key not in {o.key for o in out}:
                out.append(e)
    return out


def _places(ents: list[Ent]) -> list[Ent]:
    return [e for e in ents if e.type in ("place", "country")]


def _located(ctx: Context, rules: Rules, ev: _Event, t: Token, climb: bool = True) -> None:
    """'in X', 'at X', 'near X' on the trigger, else on the clause that holds it."""
    steps = 0
    node = t
    while node is not None and steps < 4 and ev.location is None:
        for p in _preps(node, rules.location_preps):
            for o in _pobjs(p):
                found = _places(ctx.ents(o, "place"))
                if found:
                    ev.location = found[0]
                    return
        # "during a gathering in Ganja", "into Azerbaijan's embassy in Tehran"
        for p in [c for c in node.children if c.dep_ == "prep" and c.lower_ in (
                "during", "into", "inside", "outside", "near", "at", "on", "from")]:
            for o in _pobjs(p):
                for pp in _preps(o, rules.location_preps):
                    for oo in _pobjs(pp):
                        found = _places(ctx.ents(oo, "place"))
                        if found:
                            ev.location = found[0]
                            return
        if not climb or node.head.i == node.i or node.dep_ in ("nsubj", "nsubjpass", "relcl"):
            break
        node = node.head
        if node.pos_ == "ADP" and node.head.i != node.i:
            node = node.head
        steps += 1


def _targets_from_preps(ctx: Context, rules: Rules, ev: _Event, t: Token) -> None:
    for p in _preps(t, rules.target_preps):
        for o in _pobjs(p):
            found = ctx.ents(o, "target")
            ev.add("targets", [e for e in found if e.type != "place"])
            places = [e for e in found if e.type == "place"]
            if places and ev.location is None:
                ev.location = places[0]
    for c in t.children:   # "a plot targeting Israelis"
        if c.dep_ == "acl" and _lemma(c) in ("target", "aim", "direct"):
            ev.add("targets", _ents(ctx, [x for x in c.children if x.dep_ == "dobj"], "target"))
            for p in _preps(c, ("at", "against")):
                ev.add("targets", _ents(ctx, _pobjs(p), "target"))


def _is_explicit(ents) -> bool:
    return any(e.how not in ("pronoun", "group", "context") for e in ents)


# -- reading one trigger ------------------------------------------------------------------

def _assault_mode(rules: Rules, t: Token, head: Token, mode: str | None) -> str | None:
    if mode == "assassination":
        return mode
    mods = [c for x in (t, head) for c in x.children if c.dep_ in ("amod", "compound", "advmod")]
    if any(_lemma(c) in rules.plot_modifiers or c.lower_ in rules.plot_modifiers for c in mods):
        return "plot"
    if head.dep_ == "xcomp" and _lemma(head.head) in rules.plot_verbs:
        return "plot"
    if head.dep_ in ("dobj", "nsubjpass") and _lemma(head.head) in THWART_VERBS:
        return "plot"
    if t.i != head.i and _lemma(head) in ("plot", "plots"):
        return "plot"
    return mode


def _read_verb(ctx: Context, rules: Rules, v: Token) -> _Event | None:
    lemma = _lemma(v)
    dobjs = [c for c in v.children if c.dep_ == "dobj"]
    dobj_lemmas = {_lemma(c) for c in dobjs} | {c.lower_ for c in dobjs}
    spec = rules.verbs.get(lemma)
    rule = f"verb_{lemma}"
    # verbs that are events only with a particular object or complement
    if lemma in rules.travel_verbs or (lemma in rules.send_verbs and spec is None):
        if lemma in rules.travel_verbs:
            if not any(c.dep_ in ("xcomp", "advcl") and _lemma(c) in rules.purpose_verbs
                       for c in v.children):
                return None
            spec, rule = ("MOBILIZE", None), "went_to_fight"
        else:
            if not (dobj_lemmas & rules.send_objects):
                return None
            spec, rule = ("MOBILIZE", None), "sent_fighters"
    elif lemma in rules.open_verbs and not (lemma == "open" and "fire" in dobj_lemmas):
        if not (dobj_lemmas & rules.diplomatic_objects):
            return None
        spec, rule = ("COOPERATE", "diplomatic"), "opened_relations"
    elif lemma in rules.list_verbs:
        lists = [o for p in _preps(v, ("to", "on")) for o in _pobjs(p)]
        if not any(_lemma(c) in rules.sanction_lists for o in lists for c in o.subtree):
            return None
        spec, rule = ("SANCTION", "designation"), "added_to_sanctions_list"
    elif lemma == "declare":
        if "persona" not in {t.lower_ for t in v.subtree}:
            return None
        spec, rule = ("COERCE", "expel"), "persona_non_grata"
    elif lemma in rules.creation_only:
        if not (dobj_lemmas & rules.creation_nouns):
            return None
        spec = ("SUPPORT", None)
    elif lemma in ("open", "fire", "launch") and (
            "fire" in dobj_lemmas and lemma == "open" or
            lemma in ("fire", "launch") and (dobj_lemmas & WEAPON_OBJECTS or
                                             _preps(v, ("at", "on", "upon")))):
        spec, rule = ("ASSAULT", "firearms" if lemma != "launch" else None), f"{lemma}_weapons"
    elif lemma == "call" and _preps(v, ("on", "upon")) and any(
            c.dep_ in ("xcomp", "ccomp") for c in v.children):
        spec, rule = ("REQUEST", None), "call_on"
    elif lemma in rules.light_verbs and spec is None:
        return None   # read with its noun
    if spec is None:
        return None
    etype, mode = spec
    if etype == "ASSAULT" and dobj_lemmas & NOT_VIOLENT_OBJECTS:
        return None
    if etype == "ASSAULT" and v.dep_ in ("acl", "relcl") and v.head.lower_ in COMMUNICATION_NOUNS:
        return None   # "videos attacking the president": words, not an assault
    if etype == "ASSAULT" and any(_lemma(t) in NON_AGENTS for t in ctx.actor_tokens(v)):
        return None   # "a crush during the procession killed 56 people"
    if lemma == "seize" and any(e.type in ("place", "country") for d in dobjs
                                for e in ctx.ents(d, "place")):
        etype, mode = "ASSAULT", "occupy"
    if lemma in rules.outcome_verbs and ctx.is_passive(v):
        return None   # "X was seriously wounded": the outcome of an act told elsewhere
    if etype == "AID" and ctx.is_passive(v) and not ctx.agent(v):
        return None   # "a cleric trained in Qom's seminaries"
    if lemma == "target" and v.dep_ in ("acl", "amod"):
        return None   # "a plot targeting Israelis": an argument of the plot
    if lemma in ("name", "appoint") and not (_preps(v, ("as",)) or any(
            c.dep_ in ("oprd", "xcomp") for c in v.children)):
        return None
    if lemma == "sign" and not dobj_lemmas & AGREEMENT_OBJECTS:
        return None
    if lemma in ("link", "attribute") and not _preps(v, ("to", "with")):
        return None
    if lemma == "suspend" and not dobj_lemmas & RETREAT_OBJECTS:
        return None
    if etype == "AID" and not dobjs and not ctx.is_passive(v):
        return None
    if etype == "PROTEST" and dobjs and not any(
            ctx.ents(d, "target") or _lemma(d) in rules.nouns or d.lower_ in rules.nouns
            for d in dobjs):
        return None   # "condemns Azerbaijan's ties with Israel": an opinion, not a protest
    if rule == "call_on":
        for p in _preps(v, ("on", "upon")):
            pass
    if lemma in ("approve",) and dobjs and not (dobj_lemmas & rules.creation_nouns) and not any(
            ctx.ents(d) for d in dobjs):
        return None
    ev = _Event(etype, mode, v, rule)
    actors = [e for t in ctx.actor_tokens(v) for e in ctx.ents(t, "actor")]
    ev.add("actors", actors)
    for t in ctx.actor_tokens(v):   # "a US drone strike killed X": the strike's owner acts
        if t.pos_ == "NOUN" and _lemma(t) in rules.nouns:
            ev.add("actors", ctx.nominal_actor(t))
    patients = ctx.patient_tokens(v)
    for p in patients:
        if _lemma(p) in rules.creation_nouns:
            owners = [c for c in p.children if c.dep_ == "poss"]
            owners += [o for pr in _preps(p, ("of",)) for o in _pobjs(pr)]
            ev.add("targets", _ents(ctx, owners, "target"))
        else:
            ev.add("targets", [e for e in ctx.ents(p, "target") if e.type != "place"
                               or etype in ("ASSAULT", "COERCE")])
    if etype in ("REQUEST", "ACCUSE", "REJECT"):
        for c in v.children:
            if c.dep_ == "ccomp":
                subs, _ = ctx.subject(c)
                ev.add("targets", _ents(ctx, subs, "target"))
    if rule == "call_on":
        ev.add("targets", [e for p in _preps(v, ("on", "upon")) for e in
                           _ents(ctx, _pobjs(p), "target")])
        if not ev.actors and v.dep_ == "acl":    # "a resolution calling on X": who passed it
            holder = v.head
            if holder.dep_ in ("pobj", "dobj"):
                verb = holder.head.head if holder.dep_ == "pobj" else holder.head
                ev.add("actors", _ents(ctx, ctx.actor_tokens(verb), "actor"))
    if lemma in ("link", "attribute", "blame"):
        ev.add("targets", [e for p in _preps(v, ("to", "with", "on")) for e in
                           _ents(ctx, _pobjs(p), "target")])
    _targets_from_preps(ctx, rules, ev, v)
    for p in _preps(v, ("as",)):     # "decrying it as an action against Iran's interests"
        for o in _pobjs(p):
            _targets_from_preps(ctx, rules, ev, o)
    if etype == "COOPERATE" or etype == "CONSULT":
        ev.add("targets", [e for p in _preps(v, ("with",)) for e in _ents(ctx, _pobjs(p), "target")])
    if etype == "COOPERATE" and rule == "opened_relations":
        for d in dobjs:
            for p in _preps(d, ("in", "with")):
                ev.add("targets", [e for e in _ents(ctx, _pobjs(p), "target")
                                   if e.type == "country"])
    if etype == "MOBILIZE" and ctx.is_passive(v) and not ctx.agent(v):
        ev.actors, ev.targets = ev.targets, []   # "fighters were deployed": they mobilise
    if etype == "MOBILIZE":
        for p in _preps(v, ("to", "into", "in")):
            found = _places(_ents(ctx, _pobjs(p), "place"))
            if found and ev.location is None:
                ev.location = found[0]
    if etype == "ASSAULT":
        ev.mode = _assault_mode(rules, v, v, mode)
    _located(ctx, rules, ev, v)
    ev.explicit = True   # a clause tells something new, even about "it" or "the group"
    return ev


def _read_supervision(ctx: Context, rules: Rules, n: Token) -> _Event | None:
    """'founded under the supervision of X', 'with the blessing of X': X supports it."""
    if not (n.dep_ == "pobj" and n.head.lower_ in ("under", "with")):
        return None
    verb = n.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    patrons = [e for p in _preps(n, ("of",)) for e in _ents(ctx, _pobjs(p), "actor")]
    for c in n.children:
        if c.dep_ == "poss":
            patrons.extend(ctx.ents(c, "actor"))
    if not patrons:
        return None
    ev = _Event("SUPPORT", None, n, f"under_{n.lower_}")
    ev.add("actors", patrons)
    toks = ctx.subject(verb)[0] if ctx.is_passive(verb) else ctx.patient_tokens(verb)
    ev.add("targets", _ents(ctx, toks, "target"))
    ev.explicit = True
    return ev


def _noun_head(rules: Rules, n: Token) -> Token:
    """'assassination attempt', 'terror plot': the noun that carries the act's arguments."""
    if n.dep_ == "compound" and (_lemma(n.head) in rules.assault_heads
                                 or n.head.lower_ in rules.assault_heads):
        return n.head
    return n


def _read_noun(ctx: Context, rules: Rules, n: Token) -> _Event | None:
    if n.lower_ in SUPERVISION_NOUNS:
        return _read_supervision(ctx, rules, n)
    word = n.lower_ if n.lower_ in rules.nouns else _lemma(n)
    spec = rules.nouns.get(word) or rules.nouns.get(_lemma(n))
    if word in rules.support_nouns or _lemma(n) in rules.support_nouns:
        # "gave the group his backing", "voiced support for X": only with a light verb
        if not (n.dep_ == "dobj" and lemma_in(n.head, rules.light_verbs)):
            if spec is None:
                return None
        elif spec is None:
            spec = (rules.support_nouns.get(word) or rules.support_nouns.get(_lemma(n)), None)
    if spec is None:
        return None
    etype, mode = spec
    if n.dep_ == "compound" and n.head.lower_ in rules.nouns and \
            _noun_head(rules, n).i == n.i:
        return None   # "arrest warrants": the head noun decides
    head = _noun_head(rules, n)
    if head.dep_ == "oprd" or (head.dep_ == "pobj" and head.head.lower_ == "as"):
        return None   # "decried the detention as an attack on X": a description, not an act
    ev = _Event(etype, mode, n, f"noun_{word}")
    # participants
    poss = [c for c in head.children if c.dep_ == "poss"]
    patient_poss = etype in PATIENT_POSSESSOR or word in PATIENT_POSSESSOR_NOUNS
    if poss and patient_poss:
        ev.add("targets", _ents(ctx, poss, "target"))
    else:
        ev.add("actors", ctx.nominal_actor(head))
    if head.dep_ == "dobj" and lemma_in(head.head, rules.light_verbs) and not ev.actors:
        ev.add("actors", [e for t in ctx.actor_tokens(head.head) for e in ctx.ents(t, "actor")])
    # "in cooperation with Y": a partner in the act
    for p in _preps(head, ("in",)):
        for o in _pobjs(p):
            if _lemma(o) in ("cooperation", "coordination", "collaboration", "partnership"):
                ev.add("actors", [e for w in _preps(o, ("with",)) for e in
                                  _ents(ctx, _pobjs(w), "actor")])
    for p in _preps(head, ("of",)):
        found = _ents(ctx, _pobjs(p), "target")
        ev.add("targets", [e for e in found if e.type != "place"])
    if head.dep_ == "dobj" and etype in ("SUPPORT", "AID"):
        ev.add("targets", _ents(ctx, [c for c in head.head.children if c.dep_ == "dative"],
                                "target"))
        ev.add("targets", [e for p in _preps(head, ("for", "to")) for e in
                           _ents(ctx, _pobjs(p), "target")])
    _targets_from_preps(ctx, rules, ev, head)
    for p in _preps(head, ("as",)):
        for o in _pobjs(p):
            _targets_from_preps(ctx, rules, ev, o)
    if etype == "COERCE":
        ev.add("targets", [e for p in _preps(head, ("for", "against")) for e in
                           _ents(ctx, _pobjs(p), "target")])
    if etype == "MOBILIZE":   # "exercises close to the Azerbaijani border"
        hosts = [head] + ([head.head] if head.dep_ == "dobj" else [])
        for h in hosts:
            for c in h.children:
                for p in ([c] if c.dep_ == "prep" else [x for x in c.children
                                                        if x.dep_ == "prep"]):
                    if p.lower_ in ("near", "along", "to", "on") and (
                            p.lower_ != "to" or c.lower_ in ("close", "next")):
                        ev.add("targets", [e for e in _ents(ctx, _pobjs(p), "target")
                                           if e.type == "country"])
    if etype == "ASSAULT":
        ev.mode = _assault_mode(rules, n, head, mode)
    # the place: on the noun, on what it is done to, on its conjunct, on the clause
    _located(ctx, rules, ev, head, climb=False)
    for p in _preps(head, ("of",)):
        for o in _pobjs(p):
            if ev.location is None:
                _located(ctx, rules, ev, o, climb=False)
    if ev.location is None and head.dep_ == "conj":
        _located(ctx, rules, ev, head.head, climb=False)
    if ev.location is None:
        _located(ctx, rules, ev, head)
    named = _is_explicit(ev.actors + ev.targets) or ev.location is not None
    ev.explicit = named
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                   for c in head.children) or any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)
    own = any(_preps(head, ("of", "on", "against", "in", "at", "targeting"))) or any(
        c.dep_ in ("compound", "amod", "nummod") and (ctx.mention_at(c) or c.like_num)
        for c in head.children)
    if definite and not own:
        return None   # "the arrest", "their detention": the act was told before
    return ev


# -- calls and threats ------------------------------------------------------------------------

def _threat_governor(rules: Rules, t: Token) -> Token | None:
    """The verb that calls for, threatens, requests or suspends the act `t` names, if any:
    'called for the assassination of X', 'threatening to strike', 'requested that Tehran
    extradite', 'suspended attacks'."""
    node = t
    via_for = False
    for _ in range(5):
        if node.head.i == node.i:
            return None
        if node.dep_ in ("nsubj", "nsubjpass", "relcl"):
            return None
        if node.dep_ == "ccomp" and _lemma(node.head) not in REQUEST_VERBS | CONTENT_VERBS:
            return None
        coordinated = node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "for":
            via_for = True
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if coordinated:
                continue
            lemma = _lemma(node)
            if lemma in rules.threat_verbs or lemma in REQUEST_VERBS or lemma in HALT_VERBS \
                    or lemma in CONTENT_VERBS:
                return node
            if lemma in rules.call_verbs and (via_for or lemma != "call"):
                return node
            if node.dep_ not in ("xcomp", "conj", "pcomp", "advcl"):
                return None
    return None


def _threat_event(ctx: Context, rules: Rules, g: Token) -> _Event:
    ev = _Event("THREATEN", None, g, f"call_{_lemma(g)}" if _lemma(g) in rules.call_verbs
                else f"verb_{_lemma(g)}")
    ev.add("actors", [e for t in ctx.actor_tokens(g) for e in ctx.ents(t, "actor")])
    if not ev.actors:    # "videos ... calling for attacks": the makers of the videos
        toks, _ = ctx.subject(g.head if g.dep_ in ("acl", "conj") else g)
        if g.dep_ == "conj" and g.head.dep_ == "acl":
            n = g.head.head
            if n.dep_ == "pobj" and n.head.head.pos_ in ("VERB", "NOUN"):
                verb = n.head.head
                while verb.pos_ != "VERB" and verb.head.i != verb.i:
                    verb = verb.head
                toks = ctx.actor_tokens(verb)
        ev.add("actors", _ents(ctx, toks, "actor"))
    _located(ctx, rules, ev, g)
    return ev


# -- putting the events of a sentence together ------------------------------------------------

def _linked(a: Token, b: Token) -> bool:
    if a.head.i == b.i or b.head.i == a.i:
        return True
    if a.head.i == b.head.i and a.i != b.i:
        return True
    return (a.dep_ == "conj" and a.head.head.i == b.i) or (b.dep_ == "conj" and b.head.head.i == a.i)


def _compatible(a: _Event, b: _Event) -> bool:
    ta, tb = {e.key for e in a.targets}, {e.key for e in b.targets}
    if ta and tb and not ta & tb:
        return False
    if a.location and b.location and a.location.key != b.location.key:
        return False
    aa, ab = {e.key for e in a.actors}, {e.key for e in b.actors}
    return not (aa and ab and not aa & ab)


def _listed(a: _Event, b: _Event) -> bool:
    """Two nouns in a list ('a thwarted attack on X, ... and a plot in Z') are two events
    unless they share what they are done to."""
    if a.trigger.pos_ == "VERB" or b.trigger.pos_ == "VERB":
        return False
    shared = {e.key for e in a.targets} & {e.key for e in b.targets}
    same_place = a.location is not None and b.location is not None and \
        a.location.key == b.location.key
    return not (shared or same_place)


def _merge(events: list[_Event]) -> list[_Event]:
    out: list[_Event] = []
    for ev in sorted(events, key=lambda e: e.trigger.i):
        for other in out:
            if other.type == ev.type and _linked(other.trigger, ev.trigger) \
                    and _compatible(other, ev) and not _listed(other, ev):
                other.add("actors", ev.actors)
                other.add("targets", ev.targets)
                other.location = other.location or ev.location
                other.mode = other.mode or ev.mode
                other.explicit = other.explicit or ev.explicit
                other.hypothetical = other.hypothetical and ev.hypothetical
                break
        else:
            out.append(ev)
    return out


def _worth(rules: Rules, ev: _Event) -> bool:
    need = rules.requires.get(ev.type, "any")
    actors = [e for e in ev.actors]
    targets = [e for e in ev.targets if e.key not in {a.key for a in actors}]
    ev.targets = targets
    if need == "actor" and not actors:
        return False
    if need == "target" and not targets:
        return False
    return bool(actors or targets or ev.location) and ev.explicit


def _fact(ev: _Event, sentence: int) -> EventFact:
    t = ev.trigger
    rule = ev.rule + (HYPOTHETICAL if ev.hypothetical else "")
    return EventFact(type=ev.type, sentence=sentence, trigger=t.text, trigger_start=t.idx,
                     trigger_end=t.idx + len(t.text), rule=rule, mode=ev.mode,
                     actors=tuple(e.key for e in ev.actors),
                     targets=tuple(e.key for e in ev.targets),
                     location=ev.location.key if ev.location else None)


def _modal(ctx: Context, rules: Rules, t: Token) -> bool:
    node = t
    for _ in range(6):
        if node.pos_ == "ADJ" and _lemma(node) in rules.modal_adjectives:
            return True
        if node.i != t.i and node.pos_ == "NOUN" and _lemma(node) in MODAL_NOUNS \
                and t.dep_ in ("acl", "xcomp", "pcomp"):
            return True
        if node.head.i == node.i or node.dep_ in ("nsubj", "nsubjpass"):
            return False
        node = node.head
    return False


def find_events(doc: Doc, sentences: list[Sentence], mentions: list[Mention],
                ctx: Context | None = None) -> list[EventFact]:
    """Every event the syntax of the document tells, typed by PLOVER, dates left unset."""
    if not sentences:
        return []
    rules = load_rules()
    ctx = ctx or Context(doc, sentences, mentions)
    by_sentence: dict[int, list[_Event]] = {}
    threats: dict[int, _Event] = {}
    seen: set[int] = set()
    for match_id, start, _ in _matcher(doc, rules)(doc):
        t = doc[start]
        if t.i in seen:
            continue
        seen.add(t.i)
        si = ctx.sentence_of(t)
        if si < 0 or ctx.negated(t):
            continue
        label = doc.vocab.strings[match_id]
        ev = _read_verb(ctx, rules, t) if label == "VERB" else _read_noun(ctx, rules, t)
        if ev is None:
            continue
        g = _threat_governor(rules, t) if ev.type != "THREATEN" else None
        if g is not None and g.i != t.i:
            if _lemma(g) in REQUEST_VERBS | HALT_VERBS | CONTENT_VERBS:
                continue   # "requested that Tehran extradite them", "suspended attacks"
            if ev.type not in ("ASSAULT", "COERCE", "THREATEN") and _lemma(g) in rules.call_verbs:
                continue
            th = threats.get(g.i)
            if th is None:
                th = _threat_event(ctx, rules, g)
                threats[g.i] = th
                by_sentence.setdefault(si, []).append(th)
            th.add("targets", ev.targets)
            th.location = th.location or ev.location
            th.explicit = th.explicit or ev.explicit
            continue
        if ev.type == "THREATEN" and t.i in threats:
            continue
        if ev.type == "THREATEN":
            threats[t.i] = ev
        ev.hypothetical = ctx.hypothetical(t) or _modal(ctx, rules, t)
        by_sentence.setdefault(si, []).append(ev)
    facts: list[EventFact] = []
    told: list[_Event] = []
    for si in sorted(by_sentence):
        for ev in _merge(by_sentence[si]):
            if not _worth(rules, ev) or _retold(ev, told):
                continue
            told.append(ev)
            facts.append(_fact(ev, si))
    return facts


def _retold(ev: _Event, told: list[_Event]) -> bool:
    """'the killing of al-Saadi' after 'a strike killed al-Saadi': a definite noun whose
    participants an earlier event of the same type already has is that event again."""
    t = ev.trigger
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these",
                                                          "those", "its", "their")
               for c in t.children):
        return False
    mine = {e.key for e in ev.actors + ev.targets} | ({ev.location.key} if ev.location else set())
    for old in told:
        if old.type != ev.type:
            continue
        theirs = {e.key for e in old.actors + old.targets}
        theirs |= {old.location.key} if old.location else set()
        if mine and mine <= theirs:
            return True
    return False
