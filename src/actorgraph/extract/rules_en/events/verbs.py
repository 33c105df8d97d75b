"""Reading a verb trigger ("shot", "detained", "called on X to", "broke off relations
with Y"): the family of verbs it belongs to gives its event type and mode, checks drop
verbs that tell no act here, and the parse around it gives who acts on whom where."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from actorgraph.extract.rules_en.events.arguments import (
    assault_mode,
    ents_of,
    located,
    places_only,
    targets_from_preps,
    with_targets,
)
from actorgraph.extract.rules_en.events.rules import (
    AGREEMENT_OBJECTS,
    COMMUNICATION_NOUNS,
    NON_AGENTS,
    NOT_VIOLENT_OBJECTS,
    RETREAT_OBJECTS,
    WEAPON_OBJECTS,
    Event,
    Reading,
    Rules,
)
from actorgraph.extract.rules_en.events.rules import Verb as _Verb
from actorgraph.extract.rules_en.events.stances import (
    declare,
    denied_by_report,
    gets_sentence,
    held_responsible,
    holds_responsible,
    involved,
    named_act,
    names_act,
    reports_denial,
    retribution,
    says_involved,
    sentence,
    threatens_retribution,
)
from actorgraph.extract.rules_en.reference.argdata import lemma_of, pobjs_of, preps_of
from actorgraph.extract.rules_en.reference.arguments import Context, Ent, load_data, word_set
from actorgraph.extract.rules_en.ruledata import words

BREAK_VERBS = words("events", "break_verbs")   # "... diplomatic relations"
CAPTIVES = words("events", "captives")
PLEDGE_OBJECTS = words("events", "pledge_objects")       # "pledged allegiance to X"
RELATION_OBJECTS = words("events", "relation_objects")   # "broke off relations"
EXPLOSIVES = words("events", "explosives")
IMPACT_VERBS = words("events", "impact_verbs")               # what explodes in an attack
REFLEXIVES = words("events", "reflexives")
ENVOYS = words("events", "envoys")
STREET_PROTEST = words("events", "street_protest_verbs")
PEOPLE_ONLY = words("events", "people_only_verbs")       # "executed two prisoners", not a plan
MEMBER_NOUNS = word_set(load_data("arguments.yaml")["member_nouns"])
ACCIDENT_VERBS = words("events", "accident_verbs")        # "came down in fog, killing"
HARM_VERBS = words("events", "harm_verbs")               # "X killed in Kabul strike"





# -- verbs that are events only with a particular object or complement -----------------------

def _travel(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    """'went to Syria to fight': travel with a purpose of fighting mobilises."""
    if not any(c.dep_ in ("xcomp", "advcl") and lemma_of(c) in rules.purpose_verbs
               for c in vb.tok.children):
        return None
    return ("MOBILIZE", None), "went_to_fight"


def _send(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    """'sent fighters to Syria'."""
    if not (vb.objects & rules.send_objects):
        return None
    return ("MOBILIZE", None), "sent_fighters"


def _open(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    """'opened an embassy in Tehran'."""
    if not (vb.objects & rules.diplomatic_objects):
        return None
    return ("COOPERATE", "diplomatic"), "opened_relations"


def _break(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    """'broke off diplomatic relations'."""
    return ("SANCTION", "break_relations"), "broke_relations"


def _list(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    """'added X to its list of terrorist organisations'."""
    lists = [o for p in preps_of(vb.tok, ("to", "on")) for o in pobjs_of(p)]
    if not any(lemma_of(c) in rules.sanction_lists for o in lists for c in o.subtree):
        return None
    return ("SANCTION", "designation"), "added_to_sanctions_list"


def _framing(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    return read_framing(ctx, rules, vb.tok)


def _creation(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    """'founded a militia': creating a group supports it."""
    if not (vb.objects & rules.creation_nouns):
        return None
    return ("SUPPORT", None), f"verb_{vb.lemma}"


def _weapons(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    """'opened fire on', 'fired rockets at', 'launched drones'."""
    return ("ASSAULT", "firearms" if vb.lemma != "launch" else None), f"{vb.lemma}_weapons"


def _call_on(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    """'called on X to withdraw'."""
    return ("REQUEST", None), "call_on"


def _light(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    return None   # read with its noun


def _fires_weapons(rules: Rules, vb: _Verb) -> bool:
    return vb.lemma in ("open", "fire", "launch") and (
        "fire" in vb.objects and vb.lemma == "open" or
        vb.lemma in ("fire", "launch") and (bool(vb.objects & WEAPON_OBJECTS) or
                                            bool(preps_of(vb.tok, ("at", "on", "upon")))))


def _weapon_impact(rules: Rules, vb: _Verb) -> bool:
    """'a rocket hit the depot', 'the drone that hit a depot', 'shells landed near X'."""
    if vb.lemma not in IMPACT_VERBS:
        return False
    v = vb.tok
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    if v.dep_ == "relcl" and any(s.tag_ in ("WDT", "WP") for s in subjects):
        subjects.append(v.head)    # "the drone that hit ...": the relative's head
    return any(lemma_of(s) in WEAPON_OBJECTS | EXPLOSIVES or s.lower_ in WEAPON_OBJECTS
               for s in subjects)


def _impact(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    return ("ASSAULT", None), f"weapon_{vb.lemma}"


def _calls_on(rules: Rules, vb: _Verb) -> bool:
    return vb.lemma == "call" and bool(preps_of(vb.tok, ("on", "upon"))) and any(
        c.dep_ in ("xcomp", "ccomp") for c in vb.tok.children)


# Which reader a verb goes to: the first family whose test it passes; a verb of none
# is read by its entry in the `verbs` table.
_FAMILIES: tuple[tuple[Callable[[Rules, _Verb], bool],
                       Callable[[Context, Rules, _Verb], Reading]], ...] = (
    (lambda r, vb: vb.lemma in r.travel_verbs, _travel),
    (lambda r, vb: vb.lemma in r.send_verbs and vb.spec is None, _send),
    (lambda r, vb: vb.lemma in r.open_verbs and not (vb.lemma == "open" and "fire" in vb.objects),
     _open),
    (lambda r, vb: vb.lemma in BREAK_VERBS and bool(vb.objects & RELATION_OBJECTS), _break),
    (lambda r, vb: vb.lemma in r.list_verbs, _list),
    (lambda r, vb: vb.lemma == "declare", declare),
    (lambda r, vb: vb.lemma in r.framing_verbs and vb.spec is None, _framing),
    (lambda r, vb: vb.lemma in r.creation_only, _creation),
    (_fires_weapons, _weapons),
    (_weapon_impact, _impact),
    (_calls_on, _call_on),
    (holds_responsible, held_responsible),
    (threatens_retribution, retribution),
    (reports_denial, denied_by_report),
    (says_involved, involved),
    (names_act, named_act),
    (gets_sentence, sentence),
    (lambda r, vb: vb.lemma in r.light_verbs and vb.spec is None, _light),
)


def _reading(ctx: Context, rules: Rules, vb: _Verb) -> Reading:
    """The event type, mode and rule name a verb's family gives it (or the framing event it
    tells; None when it tells none)."""
    for test, reader in _FAMILIES:
        if test(rules, vb):
            return reader(ctx, rules, vb)
    return None if vb.spec is None else (vb.spec, f"verb_{vb.lemma}")


# -- verbs that look like an act but are not one here ---------------------------------------

def _not_an_assault(ctx: Context, vb: _Verb, etype: str) -> bool:
    v = vb.tok
    if etype == "ASSAULT" and vb.objects & NOT_VIOLENT_OBJECTS:
        return True
    if etype == "ASSAULT" and v.dep_ in ("acl", "relcl") and v.head.lower_ in COMMUNICATION_NOUNS:
        return True   # "videos attacking the president": words, not an assault
    if etype == "ASSAULT" and any(lemma_of(t) in NON_AGENTS for t in ctx.actor_tokens(v)):
        return True   # "a crush during the procession killed 56 people"
    if etype == "ASSAULT" and v.dep_ in ("advcl", "conj") and v.tag_ == "VBG":
        h = v.head
        prt = " ".join(c.lower_ for c in h.children if c.dep_ == "prt")
        if lemma_of(h) in ACCIDENT_VERBS or f"{lemma_of(h)} {prt}" in ACCIDENT_VERBS:
            return True   # "the helicopter came down in fog, killing all aboard"
    # "the gas tank exploded": an accident unless a weapon did
    return vb.lemma in ("explode", "detonate") and not vb.dobjs and not any(
        lemma_of(x) in WEAPON_OBJECTS | EXPLOSIVES for x in ctx.subject(v)[0])


def _not_this_act(ctx: Context, rules: Rules, vb: _Verb, etype: str) -> bool:
    """Verbs that tell their event only with the right objects or complements."""
    v, lemma, dobjs, objects = vb.tok, vb.lemma, vb.dobjs, vb.objects
    if lemma in ("name", "appoint") and not (preps_of(v, ("as",)) or any(
            c.dep_ in ("oprd", "xcomp") for c in v.children)):
        return True
    if lemma in ("name", "appoint") and any(
            (m := ctx.mention_at(o)) is not None and m.type == "person"
            for p in preps_of(v, ("as",)) for o in pobjs_of(p)):
        return True   # "named him as Mushtaq al-Jawari": who he is, not a post
    if objects & REFLEXIVES and etype in ("AID", "SUPPORT"):
        return True   # "al-Shabaab funds itself through taxation"
    if lemma == "sign" and not objects & AGREEMENT_OBJECTS:
        return True
    if lemma in ("release", "free") and not (objects & CAPTIVES or any(
            c.dep_ == "nummod" or c.like_num for d in dobjs for c in [d, *d.children])):
        return True   # "released a video": words, not captives
    if lemma == "visit" and not any(e.type in ("country", "place") for d in dobjs
                                    for e in ctx.ents(d, "place")):
        return True   # "visited Islamabad": a state visit, not "visited the site"
    if lemma in ("link", "attribute") and not preps_of(v, ("to", "with")):
        return True
    if lemma == "charge" and not any(o.pos_ in ("NOUN", "PROPN") for p in preps_of(v, ("with",))
                                      for o in pobjs_of(p)):
        return True   # "charged with murder", not "charged with protecting the base"
    if lemma == "summon" and not (objects & ENVOYS or any(
            lemma_of(s) in ENVOYS for s in ctx.subject(v)[0])):
        return True   # "summoned the ambassador", not "summoned its fighters"
    if lemma in PEOPLE_ONLY and not _people(ctx, ctx.patient_tokens(v)):
        return True   # "executed an attack", "executed the plan": no prisoner put to death
    return bool(lemma == "suspend" and not objects & RETREAT_OBJECTS)


def _not_an_act(ctx: Context, rules: Rules, vb: _Verb, etype: str) -> bool:
    """Passives, modifiers and opinions that tell no act of their own."""
    v = vb.tok
    if vb.lemma in rules.outcome_verbs and ctx.is_passive(v):
        return True   # "X was seriously wounded": the outcome of an act told elsewhere
    if etype == "AID" and ctx.is_passive(v) and not ctx.agent(v):
        return True   # "a cleric trained in Qom's seminaries"
    if vb.lemma == "target" and v.dep_ in ("acl", "amod"):
        return True   # "a plot targeting Israelis": an argument of the plot
    if _not_this_act(ctx, rules, vb, etype):
        return True
    if etype == "AID" and not vb.dobjs and not ctx.is_passive(v):
        return True
    if etype == "AID" and v.dep_ == "acl" and v.tag_ == "VBG":
        return True   # "convoys supplying the troops": what the convoys are, not an act
    if vb.lemma in STREET_PROTEST and (vb.dobjs or ctx.is_passive(v) or (
            v.tag_ == "VBN" and ctx.agent(v))):
        return True   # "as demonstrated by", "demonstrated its reach": no one took to the street
    if etype == "PROTEST" and vb.dobjs and not any(
            ctx.ents(d, "target") or lemma_of(d) in rules.nouns or d.lower_ in rules.nouns
            for d in vb.dobjs):
        return True   # "condemns Azerbaijan's ties with Israel": an opinion, not a protest
    return bool(vb.lemma == "approve" and vb.dobjs and not vb.objects & rules.creation_nouns
                and not any(ctx.ents(d) for d in vb.dobjs))


def _not_self(ctx: Context, ev: Event, v: Token, subs: list[Token]) -> list[Ent]:
    """The one a clause under a threat or accusation is about; a pronoun there that would be
    the speaker itself ('X held Y responsible and vowed that it would be punished') stands
    for the object of the verb the threat is coordinated with."""
    found = ents_of(ctx, subs, "target")
    actors = {e.key for e in ev.actors}
    if ev.type == "THREATEN" and found and all(e.key in actors for e in found) and all(
            s.pos_ == "PRON" for s in subs) and v.dep_ == "conj":
        return ents_of(ctx, [c for c in v.head.children if c.dep_ == "dobj"], "target")
    return found


def _bare_participle(ctx: Context, rules: Rules, vb: _Verb) -> bool:
    """A verb that needs an object, without one or any auxiliary, over 'in/during' an act:
    the passive participle of a headline ('X killed in Kabul strike')."""
    v = vb.tok
    if vb.lemma not in HARM_VERBS or vb.dobjs or ctx.is_passive(v) or any(
            c.dep_ in ("aux", "dative") for c in v.children):
        return False
    return any(lemma_of(o) in rules.nouns or o.lower_ in rules.nouns
               for p in preps_of(v, ("in", "during")) for o in pobjs_of(p))


def _people(ctx: Context, toks: list[Token]) -> bool:
    """Whether the tokens name people: a person, members of a group, prisoners."""
    for t in toks:
        for x in [t, *(c for c in t.children if c.dep_ == "conj")]:
            if lemma_of(x) in MEMBER_NOUNS or x.lower_ in MEMBER_NOUNS | CAPTIVES:
                return True
            m = ctx.mention_at(x)
            if m is not None and m.type == "person":
                return True
    return False


def read_verb(ctx: Context, rules: Rules, v: Token) -> Event | None:
    """The event a verb trigger tells, with its participants and place; None when the verb
    tells no act here."""
    vb = _Verb.of(rules, v)
    if vb.objects & PLEDGE_OBJECTS:
        return None   # "pledged allegiance to X": the noun tells it (a SUPPORT), no threat
    reading = _reading(ctx, rules, vb)
    if reading is None or isinstance(reading, Event):
        return reading
    (etype, mode), rule = reading
    if _not_an_assault(ctx, vb, etype):
        return None
    if vb.lemma == "seize" and any(e.type in ("place", "country") for d in vb.dobjs
                                   for e in ctx.ents(d, "place")):
        etype, mode = "ASSAULT", "occupy"
    if mode == "occupy" and _people(ctx, ctx.patient_tokens(v)):
        etype, mode = "COERCE", "arrest"   # "captured the commander": a person is taken
    if _not_an_act(ctx, rules, vb, etype):
        return None
    ev = Event(etype, mode, v, rule)
    _verb_actors(ctx, rules, ev, vb)
    _verb_targets(ctx, rules, ev, vb)
    if etype == "MOBILIZE" and ctx.is_passive(v) and not ctx.agent(v):
        ev.actors, ev.targets = ev.targets, []   # "fighters were deployed": they mobilise
    if etype == "MOBILIZE":
        for p in preps_of(v, ("to", "into", "in")):
            found = places_only(ents_of(ctx, pobjs_of(p), "place"))
            if found and ev.location is None:
                ev.location = found[0]
    if etype == "ASSAULT":
        ev.mode = assault_mode(rules, v, v, mode)
        if _bare_participle(ctx, rules, vb):   # "X killed in Kabul strike": X is killed
            ev.targets, ev.actors = ev.targets + ev.actors, []
    located(ctx, rules, ev, v)
    ev.explicit = True   # a clause tells something new, even about "it" or "the group"
    return ev


def _verb_actors(ctx: Context, rules: Rules, ev: Event, vb: _Verb) -> None:
    v = vb.tok
    ev.add("actors", [e for t in ctx.actor_tokens(v) for e in ctx.ents(t, "actor")])
    if ctx.is_passive(v) and not ctx.agent(v):   # "was designated a terrorist group by X":
        for d in vb.dobjs + [c for c in v.children if c.dep_ == "oprd"]:   # 'by' misattached
            ev.add("actors", ents_of(ctx, [o for p in preps_of(d, ("by",))
                                           for o in pobjs_of(p)], "actor"))
    for t in ctx.actor_tokens(v):   # "a US drone strike killed X": the strike's owner acts
        if t.pos_ == "NOUN" and lemma_of(t) in rules.nouns:
            ev.add("actors", ctx.nominal_actor(t))
    if ev.rule == "call_on" and not ev.actors and v.dep_ == "acl":
        holder = v.head              # "a resolution calling on X": who passed it
        if holder.dep_ in ("pobj", "dobj"):
            verb = holder.head.head if holder.dep_ == "pobj" else holder.head
            ev.add("actors", ents_of(ctx, ctx.actor_tokens(verb), "actor"))


def _verb_targets(ctx: Context, rules: Rules, ev: Event, vb: _Verb) -> None:
    v, etype, rule = vb.tok, ev.type, ev.rule
    patients = ctx.patient_tokens(v)
    if ev.mode == "honour":   # "awarded X the medal", "X was awarded a medal": X is honoured
        patients = [c for c in v.children if c.dep_ == "dative"] or (
            ctx.subject(v)[0] if ctx.is_passive(v) else patients)
    elif ctx.is_passive(v) and vb.dobjs:   # "X was designated a terrorist group": X undergoes it
        patients = patients + [s for s in ctx.subject(v)[0] if s not in patients]
    for p in patients:
        if lemma_of(p) in rules.creation_nouns:
            owners = [c for c in p.children if c.dep_ == "poss"]
            owners += [o for pr in preps_of(p, ("of",)) for o in pobjs_of(pr)]
            ev.add("targets", ents_of(ctx, owners, "target"))
        else:
            ev.add("targets", [e for e in ctx.ents(p, "target") if e.type != "place"
                               or etype in ("ASSAULT", "COERCE")])
        if ctx.mention_at(p) is not None:   # "struck Camp X, a small French supply post"
            ev.add("targets", [e for a in p.children if a.dep_ == "appos" and a.pos_ == "NOUN"
                               for e in ctx.target_owner(a)])
    if etype in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"):   # "vowed that X would pay"
        for c in v.children:
            if c.dep_ == "ccomp":
                subs, _ = ctx.subject(c)
                ev.add("targets", _not_self(ctx, ev, v, subs))
    if rule == "call_on":
        ev.add("targets", with_targets(ctx, v, ("on", "upon")))
    if vb.lemma in ("link", "attribute", "blame"):
        ev.add("targets", with_targets(ctx, v, ("to", "with", "on")))
    targets_from_preps(ctx, rules, ev, v)
    for p in preps_of(v, ("as",)):     # "decrying it as an action against Iran's interests"
        for o in pobjs_of(p):
            targets_from_preps(ctx, rules, ev, o)
    if etype == "COOPERATE" or etype == "CONSULT":
        ev.add("targets", with_targets(ctx, v, ("with",)))
    if rule == "persona_non_grata":  # "declared four diplomats persona non grata"
        ev.add("targets", [e for c in v.children if c.dep_ in ("ccomp", "xcomp")
                           and {"persona", "personae"} & {x.lower_ for x in c.subtree}
                           for x in ctx.subject(c)[0] for e in ctx.ents(x, "target")])
    if rule == "broke_relations":    # "broke off diplomatic relations with Kyiv"
        ev.add("targets", [e for d in vb.dobjs for e in with_targets(ctx, d, ("with",))])
        ev.add("targets", with_targets(ctx, v, ("with",)))
    if etype == "COOPERATE" and rule == "opened_relations":
        for d in vb.dobjs:
            ev.add("targets", [e for e in with_targets(ctx, d, ("in", "with"))
                               if e.type == "country"])


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
