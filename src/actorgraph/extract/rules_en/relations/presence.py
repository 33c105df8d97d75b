"""Presence read from what a group keeps or gives: "depots near X that officials said were
used by Y and Z" (Y and Z operate near X), and "a task force with troops from A, B and C"
(each state that puts troops into a force is one of its members)."""
from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.rules_en.nlp import columns
from actorgraph.extract.rules_en.reference.arguments import Context, Ent
from actorgraph.extract.rules_en.relations.base import Facts, Rules, lemma_of, pobjs_of, preps_of
from actorgraph.extract.rules_en.relations.roles import list_ents
from actorgraph.extract.rules_en.ruledata import words

FACILITY_NOUNS = words("relations", "facility_nouns")
CONTINGENT_NOUNS = words("relations", "contingent_nouns")
SITE_PREPS = ("near", "in", "at", "outside", "around", "inside")


def _facility_of(v: Token) -> Token | None:
    """The facility noun a clause of 'use' describes: 'depots used by Y', 'a checkpoint
    that Y uses', 'depots that officials said were used by Y'."""
    t = v
    if t.dep_ == "ccomp" and t.head.dep_ == "relcl":
        t = t.head
    if t.dep_ not in ("acl", "relcl"):
        return None
    n = t.head
    return n if lemma_of(n) in FACILITY_NOUNS else None


def facilities_used(ctx: Context, rules: Rules, out: Facts) -> None:
    """'depots near Maan that were used by X and Y': the users operate where the site is."""
    cols = columns(ctx.doc)
    for i, (pos, lemma) in enumerate(zip(cols.pos, cols.lemma, strict=True)):
        if pos != "VERB" or lemma != "use":
            continue
        v = ctx.doc[i]
        if ctx.sentence_of(v) < 0:
            continue
        site = _facility_of(v)
        if site is None:
            continue
        places = [e for p in preps_of(site, SITE_PREPS) for o in pobjs_of(p)
                  for e in ctx.ents(o, "place") if e.type in ("place", "country")]
        if not places:
            continue
        if ctx.is_passive(v):
            users = [e for a in v.children if a.dep_ == "agent" for o in pobjs_of(a)
                     for e in list_ents(ctx, o)]
        else:
            users = [e for c in v.children if c.dep_ == "nsubj" for e in list_ents(ctx, c)]
        groups = [e for e in users if e.type == "organization"]
        out.add(groups, "operates_in", places, v, "facility_used")


def contributors(ctx: Context, rules: Rules, out: Facts) -> None:
    """'the Gulf Task Force, with troops from Oman, Qatar and Kuwait': each state whose
    troops a force is made of is a member of that force."""
    cols = columns(ctx.doc)
    for i, (pos, lemma) in enumerate(zip(cols.pos, cols.lemma, strict=True)):
        if lemma not in CONTINGENT_NOUNS or pos != "NOUN":
            continue
        t = ctx.doc[i]
        if ctx.sentence_of(t) < 0:
            continue
        states = [e for p in preps_of(t, ("from",)) for o in pobjs_of(p)
                  for e in list_ents(ctx, o) if e.type == "country"]
        if len(states) < 1:
            continue
        force: list[Ent] = []
        if t.dep_ == "pobj" and t.head.lower_ == "with":
            host = t.head.head
            m = ctx.mention_at(host)
            force = [ctx.ent_of(m)] if m is not None else ctx.described(host)
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and lemma_of(t.head.head) in (
                "make", "compose", "consist", "comprise", "form"):
            toks, _ = ctx.subject(t.head.head)          # "X is made up of troops from A"
            force = [e for x in toks for e in ctx.ents(x)]
        groups = [e for e in force if e.type == "organization"]
        out.add(states, "member_of", groups, t, "troops_from", states=True)
