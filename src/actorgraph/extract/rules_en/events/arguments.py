"""Reading one event trigger's arguments: who acts on whom where, from the parse around
it; the noun triggers ("the attempted assassination of X", "a terror plot in Cyprus
targeting Israelis") and threats are read here, verbs in `verbs`."""
from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.rules_en.events.rules import (
    CHARGE_VERBS,
    CONTENT_VERBS,
    HALT_VERBS,
    PATIENT_POSSESSOR,
    PATIENT_POSSESSOR_NOUNS,
    REQUEST_VERBS,
    SUPERVISION_NOUNS,
    THWART_VERBS,
    Event,
    Rules,
)
from actorgraph.extract.rules_en.reference.argdata import lemma_of, pobjs_of, preps_of
from actorgraph.extract.rules_en.reference.arguments import Context, Ent, lemma_in
from actorgraph.extract.rules_en.ruledata import words

PARTNERSHIP_NOUNS = words("events", "partnership_nouns")   # "in cooperation with Y"
ENVOY_SEATS = words("events", "envoy_seats")               # "at the X embassy"
CLAIM_VERBS = words("events", "claim_verbs")               # "claimed the attack"
TIME_PREPS = words("events", "time_prepositions")          # "a day after pager blasts"
RESPONSIBILITY_NOUNS = words("events", "responsibility_nouns")

Spec = tuple[str, str | None]          # (event type, mode)


# -- small helpers over the tree -----------------------------------------------------------

def ents_of(ctx: Context, toks, role: str) -> list[Ent]:
    out: list[Ent] = []
    for t in toks:
        for e in ctx.ents(t, role):
            if e.key not in {o.key for o in out}:
                out.append(e)
    return out


def places_only(ents: list[Ent]) -> list[Ent]:
    return [e for e in ents if e.type in ("place", "country")]


def located(ctx: Context, rules: Rules, ev: Event, t: Token, climb: bool = True) -> None:
    """'in X', 'at X', 'near X' on the trigger, else on the clause that holds it."""
    steps = 0
    node = t
    while node is not None and steps < 4 and ev.location is None:
        place = _place_after(ctx, rules, node)
        if place is None:
            # "during a gathering in Ganja", "into Azerbaijan's embassy in Tehran", and on
            # the trigger's object: "killed more than 500 people in Mogadishu"
            holders = [o for c in node.children if c.dep_ == "prep" and c.lower_ in (
                "during", "into", "inside", "outside", "near", "at", "on", "from")
                for o in pobjs_of(c)]
            if node.i == t.i:
                holders += [c for c in node.children if c.dep_ == "dobj"]
            place = next((x for h in holders if (x := _place_after(ctx, rules, h))), None)
        if place is not None:
            ev.location = place
            return
        if not climb or node.head.i == node.i or node.dep_ in ("nsubj", "nsubjpass", "relcl"):
            break
        node = node.head
        if node.pos_ == "ADP" and node.head.i != node.i:
            node = node.head
        steps += 1


def _place_after(ctx: Context, rules: Rules, t: Token, depth: int = 0) -> Ent | None:
    """The place or country in an "in X", "at X", "near X" on `t`, or on what that
    phrase names ("a shed at the army base at Tartus airport")."""
    for p in preps_of(t, rules.location_preps):
        for o in pobjs_of(p):
            found = places_only(ctx.ents(o, "place"))
            if found:
                return found[0]
            deeper = _place_after(ctx, rules, o, depth + 1) if depth < 2 else None
            if deeper is not None:
                return deeper
    return None


def targets_from_preps(ctx: Context, rules: Rules, ev: Event, t: Token) -> None:
    for p in preps_of(t, rules.target_preps):
        for o in pobjs_of(p):
            found = ctx.ents(o, "target")
            ev.add("targets", [e for e in found if e.type != "place"])
            places = [e for e in found if e.type == "place"]
            if places and ev.location is None:
                ev.location = places[0]
    for c in t.children:   # "a plot targeting Israelis"
        if c.dep_ == "acl" and lemma_of(c) in ("target", "aim", "direct"):
            ev.add("targets", ents_of(ctx, [x for x in c.children if x.dep_ == "dobj"], "target"))
            for p in preps_of(c, ("at", "against")):
                ev.add("targets", ents_of(ctx, pobjs_of(p), "target"))


def is_explicit(ents) -> bool:
    return any(e.how not in ("pronoun", "group", "context") for e in ents)


def with_targets(ctx: Context, tok: Token, preps: tuple[str, ...]) -> list[Ent]:
    """The targets named in `tok`'s prepositional phrases of `preps`."""
    return [e for p in preps_of(tok, preps) for e in ents_of(ctx, pobjs_of(p), "target")]


# -- reading one trigger ------------------------------------------------------------------

def assault_mode(rules: Rules, t: Token, head: Token, mode: str | None) -> str | None:
    if mode == "assassination":
        return mode
    mods = [c for x in (t, head) for c in x.children if c.dep_ in ("amod", "compound", "advmod")]
    if any(lemma_of(c) in rules.plot_modifiers or c.lower_ in rules.plot_modifiers for c in mods):
        return "plot"
    if head.dep_ == "xcomp" and lemma_of(head.head) in rules.plot_verbs:
        return "plot"
    if head.dep_ in ("dobj", "nsubjpass") and lemma_of(head.head) in THWART_VERBS:
        return "plot"
    if t.i != head.i and lemma_of(head) in ("plot", "plots"):
        return "plot"
    return mode


def _read_supervision(ctx: Context, rules: Rules, n: Token) -> Event | None:
    """'founded under the supervision of X', 'with the blessing of X': X supports it."""
    if not (n.dep_ == "pobj" and n.head.lower_ in ("under", "with")):
        return None
    verb = n.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    patrons = [e for p in preps_of(n, ("of",)) for e in ents_of(ctx, pobjs_of(p), "actor")]
    for c in n.children:
        if c.dep_ == "poss":
            patrons.extend(ctx.ents(c, "actor"))
    if not patrons:
        return None
    ev = Event("SUPPORT", None, n, f"under_{n.lower_}")
    ev.add("actors", patrons)
    toks = ctx.subject(verb)[0] if ctx.is_passive(verb) else ctx.patient_tokens(verb)
    ev.add("targets", ents_of(ctx, toks, "target"))
    ev.explicit = True
    return ev


def _noun_head(rules: Rules, n: Token) -> Token:
    """'assassination attempt', 'terror plot': the noun that carries the act's arguments."""
    if n.dep_ == "compound" and (lemma_of(n.head) in rules.assault_heads
                                 or n.head.lower_ in rules.assault_heads):
        return n.head
    return n


def _noun_spec(rules: Rules, n: Token) -> tuple[str, Spec] | None:
    """The word a noun trigger is read by and its (event type, mode); a support noun
    ("backing", "support") is an event only as the object of a light verb."""
    word = n.lower_ if n.lower_ in rules.nouns else lemma_of(n)
    spec = rules.nouns.get(word) or rules.nouns.get(lemma_of(n))
    if word in rules.support_nouns or lemma_of(n) in rules.support_nouns:
        # "gave the group his backing", "voiced support for X": only with a light verb
        if not (n.dep_ == "dobj" and lemma_in(n.head, rules.light_verbs)):
            if spec is None:
                return None
        elif spec is None:
            spec = (rules.support_nouns.get(word) or rules.support_nouns.get(lemma_of(n)), None)
    return None if spec is None else (word, spec)


def read_noun(ctx: Context, rules: Rules, n: Token) -> Event | None:
    """The event a noun trigger tells ("the assassination of X", "a terror plot in Cyprus"),
    with its participants and place; None when it tells none or an act told before."""
    if n.lower_ in SUPERVISION_NOUNS:
        return _read_supervision(ctx, rules, n)
    found = _noun_spec(rules, n)
    if found is None:
        return None
    word, (etype, mode) = found
    m = ctx.mention_at(n)
    if m is not None and m.type in ("organization", "person", "place", "country"):
        return None   # "the Popular Mobilization Forces": a word of a name, no act
    if n.dep_ == "compound" and n.head.lower_ in rules.nouns and \
            _noun_head(rules, n).i == n.i:
        return None   # "arrest warrants": the head noun decides
    head = _noun_head(rules, n)
    if head.dep_ == "oprd" or _in_a_description(head):
        return None   # "decried the detention as an attack on X": a description, not an act
    ev = Event(etype, mode, n, f"noun_{word}")
    _noun_participants(ctx, rules, ev, head, word)
    if etype == "ASSAULT":
        ev.mode = assault_mode(rules, n, head, mode)
    _noun_location(ctx, rules, ev, head)
    if not ev.actors and not ev.targets and (_time_anchor(head) or _in_a_title(n)):
        return None   # "a day after pager blasts", a heading "... and the attacks on X"
    named = is_explicit(ev.actors + ev.targets) or ev.location is not None
    ev.explicit = named
    if _told_before(ctx, rules, head):
        return None
    return ev


def _in_a_description(head: Token) -> bool:
    """In what an 'as' phrase calls something: 'as an attack on X', 'described the raid as a
    response to recent attacks on X' (the noun phrase under 'as', through its own nouns)."""
    node = head
    for _ in range(4):
        if node.dep_ != "pobj":
            return False
        if node.head.lower_ == "as":
            return True
        holder = node.head.head
        if holder.pos_ not in ("NOUN", "PROPN"):
            return False
        node = holder
    return False


def _time_anchor(head: Token) -> bool:
    """'a day after pager blasts', 'since the bombing': an act named to tell when."""
    return head.dep_ == "pobj" and head.head.lower_ in TIME_PREPS


def _in_a_title(n: Token) -> bool:
    """A plural act in a sentence without a verb: a heading names a topic, not an event."""
    return n.tag_ in ("NNS", "NNPS") and not any(
        t.pos_ in ("VERB", "AUX") for t in n.sent)


def _noun_participants(ctx: Context, rules: Rules, ev: Event, head: Token, word: str) -> None:
    """Who does the act a noun names and to whom: its possessor, the light verb's
    subject, partners 'in cooperation with', 'of', 'for' and 'against' phrases."""
    etype = ev.type
    poss = [c for c in head.children if c.dep_ == "poss"]
    patient_poss = etype in PATIENT_POSSESSOR or word in PATIENT_POSSESSOR_NOUNS
    if poss and patient_poss:
        ev.add("targets", ents_of(ctx, poss, "target"))
    else:
        ev.add("actors", ctx.nominal_actor(head))
    if not ev.actors and etype in ("ASSAULT", "MOBILIZE", "COERCE", "SANCTION"):
        # "an Israeli air raid", "Iranian missile strikes": the state of the demonym acts
        ev.add("actors", [d for c in head.children if c.dep_ == "amod"
                          and (d := ctx.demonym_country(c)) is not None])
    measure = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    claim = claimed_by(head)
    if claim is not None and not is_explicit(ev.actors):   # "claimed responsibility for it"
        _light_subject(ctx, ev, claim)
    for held in (head, measure):   # "gave it his backing", "declared three days of mourning"
        if held is not None and held.dep_ == "dobj" and lemma_in(held.head, rules.light_verbs) \
                and not is_explicit(ev.actors):
            _light_subject(ctx, ev, held.head)
    if ev.mode == "honour" and ev.actors:   # "declared mourning for X", "paid tribute to X";
        _honoured(ctx, ev, head, measure)    # no one's: no honour given
    # "in cooperation with Y": a partner in the act
    for p in preps_of(head, ("in",)):
        for o in pobjs_of(p):
            if lemma_of(o) in PARTNERSHIP_NOUNS:
                ev.add("actors", [e for w in preps_of(o, ("with",)) for e in
                                  ents_of(ctx, pobjs_of(w), "actor")])
    for p in preps_of(head, ("of",)):
        found = ents_of(ctx, pobjs_of(p), "target")
        ev.add("targets", [e for e in found if e.type != "place"])
    if head.dep_ == "dobj" and etype in ("SUPPORT", "AID"):
        ev.add("targets", ents_of(ctx, [c for c in head.head.children if c.dep_ == "dative"],
                                "target"))
        ev.add("targets", with_targets(ctx, head, ("for", "to")))
    targets_from_preps(ctx, rules, ev, head)
    for p in preps_of(head, ("as",)):
        for o in pobjs_of(p):
            targets_from_preps(ctx, rules, ev, o)
    if etype == "COERCE":
        ev.add("targets", with_targets(ctx, head, ("for", "against")))
    if etype in ("COERCE", "SANCTION") and head.dep_ == "dobj" \
            and lemma_in(head.head, rules.light_verbs):   # "passed a sentence ... on X"
        ev.add("targets", [e for e in with_targets(ctx, head.head, ("on", "upon", "against"))
                           if e.type != "place"])
    if etype == "MOBILIZE":
        _border_targets(ctx, ev, head)


def _honoured(ctx: Context, ev: Event, head: Token, measure: Token | None) -> None:
    """Who condolences, mourning or a tribute honour: 'for X', 'to X' on the noun or on
    the verb that gives it ('offered his condolences to X'), else the state whose embassy
    they are given at ('signed the book of condolences at the X embassy')."""
    ev.add("targets", with_targets(ctx, head, ("for", "to")))
    holder = measure if measure is not None else head
    verb = holder.head if holder.dep_ == "dobj" else None
    if verb is None or ev.targets:
        return
    ev.add("targets", with_targets(ctx, verb, ("for", "to")))
    if not ev.targets:
        for p in preps_of(verb, ("at",)):
            for o in pobjs_of(p):
                if lemma_of(o) in ENVOY_SEATS:
                    ev.add("targets", [e for e in ents_of(ctx, [o, *o.children], "target")
                                       if e.type == "country"])


def claimed_by(head: Token) -> Token | None:
    """The verb that claims the act a noun names: 'claimed the attack', 'claimed (or took)
    responsibility for the bombing'."""
    if head.dep_ == "dobj" and lemma_of(head.head) in CLAIM_VERBS:
        return head.head
    if head.dep_ == "pobj" and head.head.lower_ == "for":
        owner = head.head.head
        if lemma_of(owner) in RESPONSIBILITY_NOUNS and owner.dep_ == "dobj" and \
                lemma_of(owner.head) in CLAIM_VERBS:
            return owner.head
    return None


def _light_subject(ctx: Context, ev: Event, verb: Token) -> None:
    """The subject of the light verb acts; named there, it stands for the noun's 'its'."""
    subject = [e for t in ctx.actor_tokens(verb) for e in ctx.ents(t, "actor")]
    if is_explicit(subject):
        ev.actors = [a for a in ev.actors if a.key not in {e.key for e in subject}]
    ev.add("actors", subject)


def _border_targets(ctx: Context, ev: Event, head: Token) -> None:
    """'exercises close to the Azerbaijani border': the country a mobilisation is near."""
    hosts = [head] + ([head.head] if head.dep_ == "dobj" else [])
    for h in hosts:
        for c in h.children:
            for p in ([c] if c.dep_ == "prep" else [x for x in c.children
                                                    if x.dep_ == "prep"]):
                if p.lower_ in ("near", "along", "to", "on") and (
                        p.lower_ != "to" or c.lower_ in ("close", "next")):
                    ev.add("targets", [e for e in ents_of(ctx, pobjs_of(p), "target")
                                       if e.type == "country"])


def _noun_location(ctx: Context, rules: Rules, ev: Event, head: Token) -> None:
    """The place: on the noun, on what it is done to, on its conjunct, on the clause."""
    located(ctx, rules, ev, head, climb=False)
    for p in preps_of(head, ("of",)):
        for o in pobjs_of(p):
            if ev.location is None:
                located(ctx, rules, ev, o, climb=False)
    if ev.location is None and head.dep_ == "conj":
        located(ctx, rules, ev, head.head, climb=False)
    if ev.location is None:
        located(ctx, rules, ev, head)


def _told_before(ctx: Context, rules: Rules, head: Token) -> bool:
    """"the arrest", "their detention": the act was told before (but "completed their
    withdrawal", "announced its allegiance" tell it)."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                   for c in head.children) or any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)
    own = any(preps_of(head, ("of", "on", "against", "in", "at", "targeting"))) or any(
        c.dep_ in ("compound", "amod", "nummod") and (ctx.mention_at(c) or c.like_num)
        for c in head.children)
    told_here = head.dep_ == "dobj" and lemma_in(head.head, rules.light_verbs) or \
        claimed_by(head) is not None
    measure = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if measure is not None and measure.dep_ == "dobj" and lemma_in(measure.head,
                                                                    rules.light_verbs):
        told_here = True   # "completed the first phase of its withdrawal"
    return definite and not own and not told_here


# -- calls and threats ------------------------------------------------------------------------

def threat_governor(rules: Rules, t: Token) -> Token | None:
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
        if node.dep_ == "ccomp" and lemma_of(node.head) not in REQUEST_VERBS | CONTENT_VERBS:
            return None
        coordinated = node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "for":
            via_for = True
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if coordinated:
                continue
            lemma = lemma_of(node)
            if lemma in rules.threat_verbs or lemma in REQUEST_VERBS or lemma in HALT_VERBS \
                    or lemma in CONTENT_VERBS or lemma in CHARGE_VERBS:
                return node
            if lemma in rules.call_verbs and (via_for or lemma != "call"):
                return node
            if node.dep_ not in ("xcomp", "conj", "pcomp", "advcl"):
                return None
    return None


def threat_event(ctx: Context, rules: Rules, g: Token) -> Event:
    ev = Event("THREATEN", None, g, f"call_{lemma_of(g)}" if lemma_of(g) in rules.call_verbs
                else f"verb_{lemma_of(g)}")
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
        ev.add("actors", ents_of(ctx, toks, "actor"))
    located(ctx, rules, ev, g)
    return ev
