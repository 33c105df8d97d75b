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

`event_rules` holds the patterns of `data/events.yaml`; `event_args` reads one trigger;
this module finds the triggers, folds calls and threats, merges and filters.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from actorgraph.extract.rules_en.events.arguments import (
    claimed_by,
    lemma_of,
    read_noun,
    threat_event,
    threat_governor,
)
from actorgraph.extract.rules_en.events.rules import (
    CHARGE_VERBS,
    CONTENT_VERBS,
    HALT_VERBS,
    HYPOTHETICAL,
    MODAL_NOUNS,
    REQUEST_VERBS,
    SUPERVISION_NOUNS,
    WEAPON_OBJECTS,
    Event,
    Rules,
    load_rules,
)
from actorgraph.extract.rules_en.events.stances import EXTRA_VERBS
from actorgraph.extract.rules_en.events.verbs import BREAK_VERBS, IMPACT_VERBS, read_verb
from actorgraph.extract.rules_en.nlp import columns
from actorgraph.extract.rules_en.reference.arguments import Context
from actorgraph.extract.rules_en.ruledata import words
from actorgraph.extract.rules_en.tokenmatch import TokenMatcher
from actorgraph.model import EventFact, Mention, Sentence

__all__ = ["HYPOTHETICAL", "find_events", "load_rules"]

_MATCHERS: dict[int, TokenMatcher] = {}
# "as the African Union prepares to withdraw its troops": an intention, not yet an act
INTENT_VERBS = words("events", "intent_verbs")
FREQUENCY_WORDS = words("events", "frequency_words")


def _matcher(doc: Doc, rules: Rules) -> TokenMatcher:
    key = id(doc.vocab)
    if key not in _MATCHERS:
        m = TokenMatcher(doc.vocab)     # spaCy's Matcher's matches, by a look-up per token
        verbs = sorted(set(rules.verbs)
                       | rules.creation_only | rules.call_verbs | rules.framing_verbs
                       | rules.travel_verbs
                       | rules.send_verbs | rules.open_verbs | rules.list_verbs
                       | rules.light_verbs | {"declare"} | BREAK_VERBS | EXTRA_VERBS | IMPACT_VERBS
                       | rules.threat_verbs)
        nouns = sorted(set(rules.nouns) | set(rules.support_nouns) | set(SUPERVISION_NOUNS))
        m.add("VERB", [[{"LEMMA": {"IN": verbs}, "POS": {"IN": ["VERB", "AUX"]}}]])
        m.add("NOUN", [[{"LEMMA": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}],
                       [{"LOWER": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}]])
        _MATCHERS[key] = m
    return _MATCHERS[key]


# -- putting the events of a sentence together ------------------------------------------------

def _linked(a: Token, b: Token) -> bool:
    if a.head.i == b.i or b.head.i == a.i:
        return True
    if a.head.pos_ == "ADP" and a.head.head.i == b.i or \
            b.head.pos_ == "ADP" and b.head.head.i == a.i:
        return True   # "was killed in a drone strike", "sentenced to life imprisonment"
    if a.head.i == b.head.i and a.i != b.i:
        return True
    return (a.dep_ == "conj" and a.head.head.i == b.i) or (
        b.dep_ == "conj" and b.head.head.i == a.i)


def _compatible(a: Event, b: Event) -> bool:
    ta, tb = {e.key for e in a.targets}, {e.key for e in b.targets}
    one_verdict = a.rule == b.rule == "sentence_given"   # "X got life; Y was given 20 years"
    if ta and tb and not ta & tb and not one_verdict:
        return False
    if a.location and b.location and a.location.key != b.location.key:
        return False
    aa, ab = {e.key for e in a.actors}, {e.key for e in b.actors}
    return not (aa and ab and not aa & ab)


def _listed(a: Event, b: Event) -> bool:
    """Two nouns in a list ('a thwarted attack on X, ... and a plot in Z') are two events
    unless they share what they are done to."""
    if a.trigger.pos_ == "VERB" or b.trigger.pos_ == "VERB":
        return False
    shared = {e.key for e in a.targets} & {e.key for e in b.targets}
    same_place = a.location is not None and b.location is not None and \
        a.location.key == b.location.key
    return not (shared or same_place)


def _kin(a: str, b: str) -> bool:
    """One act: the same type, or a condemnation and the accusation in it ('condemned what
    he called an attack by X')."""
    return a == b or {a, b} == {"PROTEST", "ACCUSE"}


def _merge(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in sorted(events, key=lambda e: e.trigger.i):
        for other in out:
            if _kin(other.type, ev.type) and _linked(other.trigger, ev.trigger) \
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


def _worth(rules: Rules, ev: Event) -> bool:
    need = rules.requires.get(ev.type, "any")
    actors = [e for e in ev.actors]
    targets = [e for e in ev.targets if e.key not in {a.key for a in actors}]
    ev.targets = targets
    if need == "actor" and not actors:
        return False
    if need == "target" and not targets:
        return False
    if ev.type == "THREATEN" and not actors and not ev.location and targets \
            and all(e.how == "demonym" for e in targets):
        return False   # "some bloggers called for attacking Armenian buildings": no one named
    return bool(actors or targets or ev.location) and ev.explicit


def _fact(ev: Event, sentence: int) -> EventFact:
    t = ev.trigger
    rule = ev.rule + (HYPOTHETICAL if ev.hypothetical else "")
    return EventFact(type=ev.type, sentence=sentence, trigger=t.text, trigger_start=t.idx,
                     trigger_end=t.idx + len(t.text), rule=rule, mode=ev.mode,
                     actors=tuple(e.key for e in ev.actors),
                     targets=tuple(e.key for e in ev.targets),
                     location=ev.location.key if ev.location else None)


def _modal(ctx: Context, rules: Rules, t: Token) -> bool:
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "conj"):
        holder = t.head if t.dep_ == "pobj" else t.head.head
        if holder.lower_ == "of" and lemma_of(holder.head) in MODAL_NOUNS:
            return True   # "the risk of drone attacks", "the threat of an attack": a possibility
    node = t
    for _ in range(6):
        if node.pos_ == "ADJ" and lemma_of(node) in rules.modal_adjectives:
            return True
        if node.i != t.i and node.pos_ == "NOUN" and lemma_of(node) in MODAL_NOUNS \
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
    by_sentence: dict[int, list[Event]] = {}
    threats: dict[int, Event] = {}
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
        if label == "VERB" and _several_times(t):
            continue   # "struck the depot at least twice this year": a tally, not an act
        ev = read_verb(ctx, rules, t) if label == "VERB" else read_noun(ctx, rules, t)
        if ev is None:
            continue
        g = threat_governor(rules, t) if ev.type != "THREATEN" else None
        if g is not None and lemma_of(g) in CHARGE_VERBS:
            if t.pos_ in ("VERB", "AUX"):
                continue   # "accused X of setting out to kill Y": charged, not told as done
            g = None       # "blamed X for the attack": the attack is told
        if g is not None and ev.type in ("SUPPORT", "AID", "COOPERATE", "AGREE") and \
                lemma_of(g) in rules.threat_verbs | rules.call_verbs:
            g = None   # "pledged allegiance", "promised support": no threat
        if g is not None and g.i != t.i:
            if lemma_of(g) in REQUEST_VERBS | HALT_VERBS | CONTENT_VERBS:
                continue   # "requested that Tehran extradite them", "suspended attacks"
            if ev.type not in ("ASSAULT", "COERCE", "THREATEN") and lemma_of(g) in rules.call_verbs:
                continue
            th = threats.get(g.i)
            if th is None:
                th = threat_event(ctx, rules, g)
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
        ev.hypothetical = ctx.hypothetical(t) or _modal(ctx, rules, t) or (
            ev.type != "ASSAULT" and t.dep_ == "xcomp" and lemma_of(t.head) in INTENT_VERBS)
        by_sentence.setdefault(si, []).append(ev)
    told: list[tuple[Event, int]] = []
    for si in sorted(by_sentence):
        for ev in _merge(by_sentence[si]):
            earlier = [old for old, _ in told]
            again = _refers_back(rules, ev, earlier)
            if again is not None:   # "his deputy was killed in the same attack"
                again.add("targets", [e for e in ev.targets
                                      if e.key not in {a.key for a in again.actors}])
                continue
            reach = 0 if _dated_here(ev.trigger) else CLAIM_REACH   # its own time: a new act
            again = _claimed_again(ev, [old for old, at in told if si - at <= reach])
            if again is not None:   # "X claimed the attack": the attack told before
                again.add("actors", [e for e in ev.actors
                                     if e.key not in {t.key for t in again.targets}])
                continue
            if not _worth(rules, ev) or _retold(ev, earlier):
                continue
            told.append((ev, si))
    return [_fact(ev, si) for ev, si in told]


CLAIM_REACH = 1   # sentences back that "claimed the attack" looks for the attack


def _several_times(verb: Token) -> bool:
    """A frequency word in the verb's own clause: 'twice', 'repeatedly', 'three times'."""
    low = columns(verb.doc).lower
    if not any(low[i] in FREQUENCY_WORDS
               for i in range(verb.left_edge.i, verb.right_edge.i + 1)):
        return False            # none between its subtree's edges: none in its subtree
    for x in verb.subtree:
        if x.lower_ not in FREQUENCY_WORDS or x.lower_ == "times" and not any(
                c.dep_ == "nummod" for c in x.children):
            continue
        node = x
        while node.i != verb.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if node.i == verb.i:
            return True
    return False


def _dated_here(t: Token) -> bool:
    return any(x.ent_type_ == "DATE" for x in t.sent)


def _claimed_again(ev: Event, told: list[Event]) -> Event | None:
    """'The Front claimed the attack', 'took responsibility for the bombing': a definite act
    claimed, with nothing of its own but the claimer, is the latest one of its type just
    told (in its sentence or the one before)."""
    t = ev.trigger
    if t.pos_ not in ("NOUN", "PROPN") or claimed_by(t) is None or ev.targets or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
        return None
    return next((old for old in reversed(told) if old.type == ev.type), None)


def _refers_back(rules: Rules, ev: Event, told: list[Event]) -> Event | None:
    """The event told before that a verb names again through 'the same' noun of its type
    ('was killed in the same attack', 'the same strike wounded X') or through its weapon
    ('the drone had hit a base'), if any."""
    t = ev.trigger
    if t.pos_ not in ("VERB", "AUX"):
        return None
    nouns = [o for c in t.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    if ev.type == "ASSAULT" and lemma_of(t) in IMPACT_VERBS and any(
            lemma_of(s) in WEAPON_OBJECTS and any(c.dep_ == "det" and c.lower_ in (
                "the", "that", "this") for c in s.children) for s in subjects):
        return next((old for old in reversed(told) if old.type == ev.type), None)
    nouns += subjects
    for n in nouns:
        spec = rules.nouns.get(n.lower_) or rules.nouns.get(lemma_of(n))
        if spec is None or spec[0] != ev.type:
            continue
        if any(c.lower_ == "same" for c in n.children):
            return next((old for old in reversed(told) if old.type == ev.type), None)
    return None


def _retold(ev: Event, told: list[Event]) -> bool:
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
