"""Reading one event trigger: its type and mode, and who acts on whom where, from the
parse around a verb ("shot", "detained", "called for") or a noun ("the attempted
assassination of X", "a terror plot in Cyprus targeting Israelis")."""
from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.rules_en.reference.argdata import lemma_of, pobjs_of, preps_of
from actorgraph.extract.rules_en.reference.arguments import Context, Ent, lemma_in
from actorgraph.extract.rules_en.events.rules import (
    AGREEMENT_OBJECTS, COMMUNICATION_NOUNS, CONTENT_VERBS, HALT_VERBS, NON_AGENTS,
    NOT_VIOLENT_OBJECTS, PATIENT_POSSESSOR, PATIENT_POSSESSOR_NOUNS, REQUEST_VERBS,
    RETREAT_OBJECTS, SUPERVISION_NOUNS, THWART_VERBS, WEAPON_OBJECTS, Event, Rules,
)
from actorgraph.extract.rules_en.ruledata import words

BREAK_VERBS = words("events", "break_verbs")   # "... diplomatic relations"
CAPTIVES = words("events", "captives")

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


def _located(ctx: Context, rules: Rules, ev: Event, t: Token, climb: bool = True) -> None:
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


def _place_after(ctx: Context, rules: Rules, t: Token) -> Ent | None:
    """The place or country in an "in X", "at X", "near X" on `t`."""
    for p in preps_of(t, rules.location_preps):
        for o in pobjs_of(p):
            found = places_only(ctx.ents(o, "place"))
            if found:
                return found[0]
    return None


def _targets_from_preps(ctx: Context, rules: Rules, ev: Event, t: Token) -> None:
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


def _is_explicit(ents) -> bool:
    return any(e.how not in ("pronoun", "group", "context") for e in ents)


# -- reading one trigger ------------------------------------------------------------------

def _assault_mode(rules: Rules, t: Token, head: Token, mode: str | None) -> str | None:
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


def read_verb(ctx: Context, rules: Rules, v: Token) -> Event | None:
    lemma = lemma_of(v)
    dobjs = [c for c in v.children if c.dep_ == "dobj"]
    dobj_lemmas = {lemma_of(c) for c in dobjs} | {c.lower_ for c in dobjs}
    spec = rules.verbs.get(lemma)
    rule = f"verb_{lemma}"
    if dobj_lemmas & {"allegiance", "loyalty", "fealty", "support", "backing"}:
        return None   # "pledged allegiance to X": the noun tells it (a SUPPORT), no threat
    # verbs that are events only with a particular object or complement
    if lemma in rules.travel_verbs or (lemma in rules.send_verbs and spec is None):
        if lemma in rules.travel_verbs:
            if not any(c.dep_ in ("xcomp", "advcl") and lemma_of(c) in rules.purpose_verbs
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
    elif lemma in BREAK_VERBS and dobj_lemmas & {"relation", "relations", "tie", "ties"}:
        spec, rule = ("SANCTION", "break_relations"), "broke_relations"
    elif lemma in rules.list_verbs:
        lists = [o for p in preps_of(v, ("to", "on")) for o in pobjs_of(p)]
        if not any(lemma_of(c) in rules.sanction_lists for o in lists for c in o.subtree):
            return None
        spec, rule = ("SANCTION", "designation"), "added_to_sanctions_list"
    elif lemma == "declare":
        if "persona" not in {t.lower_ for t in v.subtree}:
            return None
        spec, rule = ("COERCE", "expel"), "persona_non_grata"
    elif lemma in rules.framing_verbs and spec is None:
        return read_framing(ctx, rules, v)
    elif lemma in rules.creation_only:
        if not (dobj_lemmas & rules.creation_nouns):
            return None
        spec = ("SUPPORT", None)
    elif lemma in ("open", "fire", "launch") and (
            "fire" in dobj_lemmas and lemma == "open" or
            lemma in ("fire", "launch") and (dobj_lemmas & WEAPON_OBJECTS or
                                             preps_of(v, ("at", "on", "upon")))):
        spec, rule = ("ASSAULT", "firearms" if lemma != "launch" else None), f"{lemma}_weapons"
    elif lemma == "call" and preps_of(v, ("on", "upon")) and any(
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
    if etype == "ASSAULT" and any(lemma_of(t) in NON_AGENTS for t in ctx.actor_tokens(v)):
        return None   # "a crush during the procession killed 56 people"
    if lemma in ("explode", "detonate") and not dobjs and not any(
            lemma_of(x) in WEAPON_OBJECTS | {"device", "ied", "explosive", "explosives", "mine",
                                             "bomb", "bombs", "vest", "belt"}
            for x in ctx.subject(v)[0]):
        return None   # "the gas tank exploded": an accident unless a weapon did
    if lemma == "seize" and any(e.type in ("place", "country") for d in dobjs
                                for e in ctx.ents(d, "place")):
        etype, mode = "ASSAULT", "occupy"
    if lemma in rules.outcome_verbs and ctx.is_passive(v):
        return None   # "X was seriously wounded": the outcome of an act told elsewhere
    if etype == "AID" and ctx.is_passive(v) and not ctx.agent(v):
        return None   # "a cleric trained in Qom's seminaries"
    if lemma == "target" and v.dep_ in ("acl", "amod"):
        return None   # "a plot targeting Israelis": an argument of the plot
    if lemma in ("name", "appoint") and not (preps_of(v, ("as",)) or any(
            c.dep_ in ("oprd", "xcomp") for c in v.children)):
        return None
    if lemma in ("name", "appoint") and any(
            ctx.mention_at(o) is not None and ctx.mention_at(o).type == "person"
            for p in preps_of(v, ("as",)) for o in pobjs_of(p)):
        return None   # "named him as Mushtaq al-Jawari": who he is, not a post
    if dobj_lemmas & {"itself", "themselves", "himself", "herself"} and etype in ("AID", "SUPPORT"):
        return None   # "al-Shabaab funds itself through taxation"
    if lemma == "sign" and not dobj_lemmas & AGREEMENT_OBJECTS:
        return None
    if lemma in ("release", "free") and not (dobj_lemmas & CAPTIVES or any(
            c.dep_ == "nummod" or c.like_num for d in dobjs for c in [d, *d.children])):
        return None   # "released a video": words, not captives
    if lemma == "visit" and not any(e.type in ("country", "place") for d in dobjs
                                    for e in ctx.ents(d, "place")):
        return None   # "visited Islamabad": a state visit, not "visited the site"
    if lemma in ("link", "attribute") and not preps_of(v, ("to", "with")):
        return None
    if lemma == "suspend" and not dobj_lemmas & RETREAT_OBJECTS:
        return None
    if etype == "AID" and not dobjs and not ctx.is_passive(v):
        return None
    if etype == "PROTEST" and dobjs and not any(
            ctx.ents(d, "target") or lemma_of(d) in rules.nouns or d.lower_ in rules.nouns
            for d in dobjs):
        return None   # "condemns Azerbaijan's ties with Israel": an opinion, not a protest
    if rule == "call_on":
        for p in preps_of(v, ("on", "upon")):
            pass
    if lemma in ("approve",) and dobjs and not (dobj_lemmas & rules.creation_nouns) and not any(
            ctx.ents(d) for d in dobjs):
        return None
    ev = Event(etype, mode, v, rule)
    actors = [e for t in ctx.actor_tokens(v) for e in ctx.ents(t, "actor")]
    ev.add("actors", actors)
    for t in ctx.actor_tokens(v):   # "a US drone strike killed X": the strike's owner acts
        if t.pos_ == "NOUN" and lemma_of(t) in rules.nouns:
            ev.add("actors", ctx.nominal_actor(t))
    patients = ctx.patient_tokens(v)
    for p in patients:
        if lemma_of(p) in rules.creation_nouns:
            owners = [c for c in p.children if c.dep_ == "poss"]
            owners += [o for pr in preps_of(p, ("of",)) for o in pobjs_of(pr)]
            ev.add("targets", ents_of(ctx, owners, "target"))
        else:
            ev.add("targets", [e for e in ctx.ents(p, "target") if e.type != "place"
                               or etype in ("ASSAULT", "COERCE")])
    if etype in ("REQUEST", "ACCUSE", "REJECT"):
        for c in v.children:
            if c.dep_ == "ccomp":
                subs, _ = ctx.subject(c)
                ev.add("targets", ents_of(ctx, subs, "target"))
    if rule == "call_on":
        ev.add("targets", [e for p in preps_of(v, ("on", "upon")) for e in
                           ents_of(ctx, pobjs_of(p), "target")])
        if not ev.actors and v.dep_ == "acl":    # "a resolution calling on X": who passed it
            holder = v.head
            if holder.dep_ in ("pobj", "dobj"):
                verb = holder.head.head if holder.dep_ == "pobj" else holder.head
                ev.add("actors", ents_of(ctx, ctx.actor_tokens(verb), "actor"))
    if lemma in ("link", "attribute", "blame"):
        ev.add("targets", [e for p in preps_of(v, ("to", "with", "on")) for e in
                           ents_of(ctx, pobjs_of(p), "target")])
    _targets_from_preps(ctx, rules, ev, v)
    for p in preps_of(v, ("as",)):     # "decrying it as an action against Iran's interests"
        for o in pobjs_of(p):
            _targets_from_preps(ctx, rules, ev, o)
    if etype == "COOPERATE" or etype == "CONSULT":
        ev.add("targets", [e for p in preps_of(v, ("with",))
                           for e in ents_of(ctx, pobjs_of(p), "target")])
    if rule == "broke_relations":    # "broke off diplomatic relations with Kyiv"
        ev.add("targets", [e for d in dobjs for p in preps_of(d, ("with",))
                           for e in ents_of(ctx, pobjs_of(p), "target")])
        ev.add("targets", [e for p in preps_of(v, ("with",))
                           for e in ents_of(ctx, pobjs_of(p), "target")])
    if etype == "COOPERATE" and rule == "opened_relations":
        for d in dobjs:
            for p in preps_of(d, ("in", "with")):
                ev.add("targets", [e for e in ents_of(ctx, pobjs_of(p), "target")
                                   if e.type == "country"])
    if etype == "MOBILIZE" and ctx.is_passive(v) and not ctx.agent(v):
        ev.actors, ev.targets = ev.targets, []   # "fighters were deployed": they mobilise
    if etype == "MOBILIZE":
        for p in preps_of(v, ("to", "into", "in")):
            found = places_only(ents_of(ctx, pobjs_of(p), "place"))
            if found and ev.location is None:
                ev.location = found[0]
    if etype == "ASSAULT":
        ev.mode = _assault_mode(rules, v, v, mode)
    _located(ctx, rules, ev, v)
    ev.explicit = True   # a clause tells something new, even about "it" or "the group"
    return ev


def read_framing(ctx: Context, rules: Rules, v: Token) -> Event | None:
    """'presented the shooting as an operation of X', 'treat the attack as the group's work':
    an act (or "it") framed as somebody's doing is the subject's accusation of them."""
    acts = [d for d in v.children if d.dep_ in ("dobj", "nsubjpass")
            and (lemma_of(d) in rules.nouns or d.lower_ in rules.nouns
                 or d.pos_ == "PRON" and d.lower_ in ("it", "this", "that"))]
    if not acts:
        return None
    owners: list[Token] = []
    for p in preps_of(v, ("as",)):
        for o in pobjs_of(p):
            if lemma_of(o) not in rules.framing_nouns:
                continue
            owners += [c for c in o.children if c.dep_ == "poss"]
            owners += [x for pr in preps_of(o, ("of", "by")) for x in pobjs_of(pr)]
    targets = ents_of(ctx, owners, "target")
    if not targets:
        return None
    ev = Event("ACCUSE", None, v, "framed_as")
    ev.add("actors", [e for t in ctx.actor_tokens(v) for e in ctx.ents(t, "actor")])
    ev.add("targets", targets)
    ev.explicit = True
    return ev


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


def read_noun(ctx: Context, rules: Rules, n: Token) -> Event | None:
    if n.lower_ in SUPERVISION_NOUNS:
        return _read_supervision(ctx, rules, n)
    word = n.lower_ if n.lower_ in rules.nouns else lemma_of(n)
    spec = rules.nouns.get(word) or rules.nouns.get(lemma_of(n))
    if word in rules.support_nouns or lemma_of(n) in rules.support_nouns:
        # "gave the group his backing", "voiced support for X": only with a light verb
        if not (n.dep_ == "dobj" and lemma_in(n.head, rules.light_verbs)):
            if spec is None:
                return None
        elif spec is None:
            spec = (rules.support_nouns.get(word) or rules.support_nouns.get(lemma_of(n)), None)
    if spec is None:
        return None
    etype, mode = spec
    if n.dep_ == "compound" and n.head.lower_ in rules.nouns and \
            _noun_head(rules, n).i == n.i:
        return None   # "arrest warrants": the head noun decides
    head = _noun_head(rules, n)
    if head.dep_ == "oprd" or (head.dep_ == "pobj" and head.head.lower_ == "as"):
        return None   # "decried the detention as an attack on X": a description, not an act
    ev = Event(etype, mode, n, f"noun_{word}")
    # participants
    poss = [c for c in head.children if c.dep_ == "poss"]
    patient_poss = etype in PATIENT_POSSESSOR or word in PATIENT_POSSESSOR_NOUNS
    if poss and patient_poss:
        ev.add("targets", ents_of(ctx, poss, "target"))
    else:
        ev.add("actors", ctx.nominal_actor(head))
    if head.dep_ == "dobj" and lemma_in(head.head, rules.light_verbs) and not ev.actors:
        ev.add("actors", [e for t in ctx.actor_tokens(head.head) for e in ctx.ents(t, "actor")])
    # "in cooperation with Y": a partner in the act
    for p in preps_of(head, ("in",)):
        for o in pobjs_of(p):
            if lemma_of(o) in ("cooperation", "coordination", "collaboration", "partnership"):
                ev.add("actors", [e for w in preps_of(o, ("with",)) for e in
                                  ents_of(ctx, pobjs_of(w), "actor")])
    for p in preps_of(head, ("of",)):
        found = ents_of(ctx, pobjs_of(p), "target")
        ev.add("targets", [e for e in found if e.type != "place"])
    if head.dep_ == "dobj" and etype in ("SUPPORT", "AID"):
        ev.add("targets", ents_of(ctx, [c for c in head.head.children if c.dep_ == "dative"],
                                "target"))
        ev.add("targets", [e for p in preps_of(head, ("for", "to")) for e in
                           ents_of(ctx, pobjs_of(p), "target")])
    _targets_from_preps(ctx, rules, ev, head)
    for p in preps_of(head, ("as",)):
        for o in pobjs_of(p):
            _targets_from_preps(ctx, rules, ev, o)
    if etype == "COERCE":
        ev.add("targets", [e for p in preps_of(head, ("for", "against")) for e in
                           ents_of(ctx, pobjs_of(p), "target")])
    if etype == "MOBILIZE":   # "exercises close to the Azerbaijani border"
        hosts = [head] + ([head.head] if head.dep_ == "dobj" else [])
        for h in hosts:
            for c in h.children:
                for p in ([c] if c.dep_ == "prep" else [x for x in c.children
                                                        if x.dep_ == "prep"]):
                    if p.lower_ in ("near", "along", "to", "on") and (
                            p.lower_ != "to" or c.lower_ in ("close", "next")):
                        ev.add("targets", [e for e in ents_of(ctx, pobjs_of(p), "target")
                                           if e.type == "country"])
    if etype == "ASSAULT":
        ev.mode = _assault_mode(rules, n, head, mode)
    # the place: on the noun, on what it is done to, on its conjunct, on the clause
    _located(ctx, rules, ev, head, climb=False)
    for p in preps_of(head, ("of",)):
        for o in pobjs_of(p):
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
    own = any(preps_of(head, ("of", "on", "against", "in", "at", "targeting"))) or any(
        c.dep_ in ("compound", "amod", "nummod") and (ctx.mention_at(c) or c.like_num)
        for c in head.children)
    told_here = head.dep_ == "dobj" and lemma_in(head.head, rules.light_verbs)
    if definite and not own and not told_here:
        return None   # "the arrest", "their detention": the act was told before (but
    return ev         # "completed their withdrawal", "announced its allegiance" tell it)


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
                    or lemma in CONTENT_VERBS:
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
    _located(ctx, rules, ev, g)
    return ev
