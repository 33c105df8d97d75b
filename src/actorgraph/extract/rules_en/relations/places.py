"""Where actors are based and where they operate: "based in Y", "whose leaders are based
in Y", "Iran-based", "cells in Y", "deployed to Y", "active in Y", "went to Syria to fight",
"groups such as X in A, Y in B", "Lebanon's Hezbollah", "Iraqi factions such as X"."""
from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.rules_en.nlp import columns
from actorgraph.extract.rules_en.reference.arguments import Context, Ent
from actorgraph.extract.rules_en.relations.base import (
    HYPHENS,
    Facts,
    Rules,
    actors_of,
    lemma_of,
    objects_of,
    places_only,
    pobjs_of,
    preps_of,
)
from actorgraph.extract.rules_en.ruledata import words

WAR_NOUNS = words("relations", "war_nouns")           # "the war in Syria"
BASE_VERBS = words("relations", "base_verbs")         # "maintains bases in ..."
FACTION_NOUNS = words("relations", "faction_nouns")
SEND_VERBS = words("relations", "send_verbs")         # "sent fighters to Y"
FORCE_NOUNS = words("relations", "force_nouns")
TERRITORY_VERBS = words("relations", "territory_verbs")   # "X, which governs Y"


def rule_based(ctx: Context, rules: Rules, t: Token, out: Facts) -> None:
    """'X is based in Y', 'whose leaders are based in Y', 'a group based in Y',
    'X's leaders live in Y', 'its headquarters in Y'."""
    places = places_only(ctx, objects_of(ctx, t, ("in", "inside", "out"), "place"))
    lemma = lemma_of(t)
    if lemma in rules.based_nouns and t.dep_ == "dobj":
        # "the group built its base in Nangarhar": the place hangs on the verb; "its base
        # in A, and later in B": a second place, coordinated after the object
        v = t.head
        later = [p for p in preps_of(v, ("in", "inside")) if p.i > t.i and any(
            c.dep_ == "cc" and t.i < c.i < p.i for c in v.children)]
        found = [e for p in (later if places else preps_of(v, ("in", "inside")))
                 for o in pobjs_of(p) for e in ctx.ents(o, "place")]
        places += [e for e in places_only(ctx, found) if e.key not in {p.key for p in places}]
    if not places:
        return
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
    if lemma_of(o) not in WAR_NOUNS:
        return []
    out = []
    for c in o.children:
        if c.dep_ in ("amod", "compound") and c.i < o.i:
            d = ctx.demonym_country(c)
            if d is not None:
                out.append(d)
            elif (cm := ctx.mention_at(c)) is not None and cm.type == "country":
                out.append(ctx.ent_of(cm))
    return out


def _with_conjoined(preps: list[Token]) -> list[Token]:
    """'in Syria and in Iraq': the prepositions and those coordinated with them."""
    out = list(preps)
    for p in out:
        out.extend(c for c in p.children if c.dep_ == "conj" and c.pos_ == "ADP"
                   and c not in out)
    return out


def rule_operate(ctx: Context, rules: Rules, t: Token, out: Facts) -> None:
    """'cells in Y', 'X fighters have deployed to Y', 'X is active in Y', 'operates within Y',
    'X participated in the Syrian civil war'."""
    lemma = lemma_of(t)
    targets: list[Ent] = []
    coalition: list[Ent] = []
    for p in _with_conjoined(preps_of(t, rules.operate_preps)):
        for o in pobjs_of(p):
            found = ctx.ents(o, "place")
            targets.extend(e for e in found if e.type in ("country", "place"))
            coalition.extend(e for e in found if e.type == "organization"
                             and p.lower_ in ("within", "inside"))
            if t.pos_ == "VERB" and p.lower_ == "in":
                targets.extend(_war_country(ctx, o))
    if t.pos_ in ("VERB", "AUX") and t.dep_ == "relcl" and any(
            c.lower_ == "where" and c.dep_ == "advmod" for c in t.children):
        # '..., in Syria, where its units fought': the place the clause hangs on
        targets.extend(e for e in ctx.ents(t.head, "place") if e.type in ("country", "place"))
        targets.extend(_war_country(ctx, t.head))
    of_orgs = [o for p in preps_of(t, ("of",)) for o in pobjs_of(p)
               if t.pos_ == "NOUN" and any(e.type == "organization" for e in ctx.ents(o))]
    for o in of_orgs:            # 'fighters of X in Y': the place hangs on the name
        for p in preps_of(o, ("in", "inside", "across")):
            targets.extend(e for x in pobjs_of(p) for e in ctx.ents(x, "place")
                           if e.type in ("country", "place"))
    if not targets and not coalition:
        return
    if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",):
        if lemma == "participate" and not any(e.how == "demonym" for e in targets):
            return
        if t.dep_ == "acl":
            doers = ctx.described(t.head) or ctx.ents(t.head)
        else:
            doers = actors_of(ctx, t)
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
    elif lemma in ctx.w.group:
        # "X is an armed group in Y", "the Badr militia in Iraq"
        doers = [e for c in t.children if c.dep_ in ("compound", "nmod")
                 and ctx.mention_at(c) is not None for e in ctx.ents(c)
                 if e.type == "organization"]
        if not doers and t.dep_ == "attr" and lemma_of(t.head) in rules.copulas:
            toks, _ = ctx.subject(t.head)
            doers = [e for x in toks for e in ctx.ents(x) if e.type == "organization"]
        if not doers and t.dep_ == "appos":      # "X, an Iranian-backed militia in Iraq"
            doers = [e for e in ctx.apposed(t, ("organization",)) if e.type == "organization"]
        rule = "group_in"
    else:
        doers = [e for o in of_orgs for e in ctx.ents(o) if e.type == "organization"]
        for c in t.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod")
                                    and ctx.mention_at(c) is not None):
                doers.extend(ctx.ents(c))
        if not doers and t.dep_ == "pobj" and t.head.lower_ in ("with", "behind"):
            host = t.head.head
            if host.pos_ in ("VERB", "AUX"):
                doers = actors_of(ctx, host)
            else:
                doers = ctx.described(host)
        if not doers and t.dep_ == "dobj" and lemma_of(t.head) in BASE_VERBS:
            doers = actors_of(ctx, t.head)
        rule = "operate_noun"
    out.add(doers, "operates_in", targets, t, rule)
    if coalition:
        out.add(doers, "member_of", coalition, t, "operate_within")


def rule_travel(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    """'had gone to Syria to fight', 'travelled to Iraq to join': active where they went."""
    purpose = [c for c in v.children if c.dep_ in ("xcomp", "advcl")
               and lemma_of(c) in rules.purpose_verbs]
    if not purpose:
        return
    places = places_only(ctx, objects_of(ctx, v, ("to", "into"), "place"))
    out.add(actors_of(ctx, v), "operates_in", places, v, "went_to_fight")


def rule_send(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    """'X sent fighters to Y', 'X dispatched hundreds of its men to Y': X operates in Y."""
    sent = [c for c in v.children if c.dep_ == "dobj"]
    sent += [o for c in sent for p in preps_of(c, ("of",)) for o in pobjs_of(p)]
    if not any(lemma_of(c) in FORCE_NOUNS | rules.operate_nouns for c in sent):
        return
    places = places_only(ctx, objects_of(ctx, v, ("to", "into"), "place"))
    out.add(actors_of(ctx, v), "operates_in", places, v, "sent_forces")


def rule_territory(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    """'X, which has governed Y since 2007', 'X controls Y': a group holding a place
    operates there (a person or a state that rules one is another relation)."""
    places = [e for c in v.children if c.dep_ == "dobj"
              for e in ctx.ents(c, "place") if e.type in ("place", "country")]
    if not places or ctx.is_passive(v) or any(
            c.dep_ in ("oprd", "xcomp", "acomp", "ccomp") or (c.pos_ == "ADJ" and c.i > x.i)
            for x in (v, *[c for c in v.children if c.dep_ == "dobj"]) for c in x.children):
        return                               # 'held Syria responsible': not territory
    groups = [e for e in actors_of(ctx, v) if e.type == "organization"]
    out.add(groups, "operates_in", places, v, "holds_territory")


def rule_based_from(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    """'its leadership works from Qom', 'the group is led from Qom by X'."""
    places = places_only(ctx, objects_of(ctx, v, ("from",), "place"))
    if not places:
        return
    toks, _ = ctx.subject(v)
    holders = [e for x in toks for e in ctx.ents(x)]
    out.add(holders, "based_in", places, v, "run_from")


def possessive_and_of(ctx: Context, rules: Rules, out: Facts) -> None:
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
                for o in pobjs_of(c):
                    whole = ctx.mention_at(o)
                    if whole is not None and whole.type == "organization" and whole.key != m.key:
                        out.add([ctx.ent_of(m)], "member_of", [ctx.ent_of(whole)], root,
                                "organization_of_organization")


def lists_in_places(ctx: Context, rules: Rules, out: Facts) -> None:
    """'Hezbollah in Lebanon; Hamas and Palestinian Islamic Jihad in Gaza; ... Ansar Allah,
    in Yemen': in a list of groups, each placed in a country or region."""
    doc = ctx.doc
    for m in ctx.mentions:
        if m.type != "organization":
            continue
        root = ctx.mention_root(m)
        last = max(i for i in range(root.i, max(root.i + 1, ctx.mention_end(m)))
                   if ctx.mention_at(doc[i]) is m or i == root.i)
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
            c.dep_ == "conj" for c in root.children) or under_list(root) or (
            root.i > 0 and doc[root.i - 1].text == ";")
        if not listed:
            continue
        group = [ctx.ent_of(m)]
        head = root
        while head.dep_ == "conj" and (prev := ctx.mention_at(head.head)) is not None and \
                prev.type == "organization":
            after = doc.char_span(prev.end, prev.end + 4, alignment_mode="expand")
            if after is not None and after.text.strip().lower().startswith("in"):
                break
            head = head.head
            group.append(ctx.ent_of(prev))
        out.add(group, "based_in", [ctx.ent_of(place)], root, "list_x_in_y")


def demonym_lists(ctx: Context, rules: Rules, out: Facts) -> None:
    """'Iraqi factions such as Kataib Hizballah and Harakat al-Nujaba': each listed group is
    based in the country of the demonym."""
    nouns, cols = ctx.w.group | FACTION_NOUNS, columns(ctx.doc)
    for i, (tag, lemma) in enumerate(zip(cols.tag, cols.lemma, strict=True)):
        if tag not in ("NNS", "NNPS") or lemma not in nouns:
            continue
        t = ctx.doc[i]
        if ctx.sentence_of(t) < 0:
            continue
        mods = [c for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i]
        mods += [x for c in mods for x in c.conjuncts]     # 'Syrian and Lebanese factions'
        states = [d for c in mods for d in [ctx.demonym_country(c)] if d is not None]
        if len(states) != 1:
            continue
        if not any(c.dep_ == "prep" and c.lower_ in ("as", "including", "like")
                   for c in t.children):
            continue
        out.add(ctx.list_items(t), "based_in", states, t, "demonym_list")


def demonym_groups(ctx: Context, rules: Rules, out: Facts) -> None:
    """'X, an Iraqi armed faction', 'the Lebanese movement X': a group noun whose demonym
    names a country places the group it describes there. A demonym written before a hyphen
    ('Iranian-backed') names a sponsor, not the home; a group noun placed elsewhere
    ('an Afghan militia based in Iran') keeps that place."""
    doc = ctx.doc
    nouns, cols = ctx.w.group | FACTION_NOUNS, columns(doc)
    for i, (pos, lemma) in enumerate(zip(cols.pos, cols.lemma, strict=True)):
        if pos != "NOUN" or lemma not in nouns:
            continue
        t = doc[i]
        if ctx.sentence_of(t) < 0:
            continue
        if any(lemma_of(c) in rules.based_verbs | rules.operate_adjectives
               for c in t.children if c.dep_ in ("acl", "amod", "relcl")):
            continue
        mods = [c for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i]
        mods += [x for c in mods for x in c.conjuncts]     # 'Afghan and Pakistani brigades'
        if any(x.text in HYPHENS for c in mods for x in (c, *c.children)) or \
                any(c.i + 1 < len(doc) and doc[c.i + 1].text in HYPHENS for c in mods):
            continue                                         # 'Iranian-backed'
        states = [d for c in mods for d in [ctx.demonym_country(c)] if d is not None]
        if len(states) != 1:
            continue
        out.add(_named_by(ctx, rules, t), "based_in", states, t, "demonym_group")


def _named_by(ctx: Context, rules: Rules, t: Token) -> list[Ent]:
    """The organisations a group noun names in the sentence itself (apposition, a name
    after it, a copula, a list), never one it refers back to ('the Lebanese group')."""
    doc = ctx.doc
    found: list[Ent] = []
    if any(c.dep_ == "prep" and c.lower_ in ("as", "including", "like") for c in t.children):
        return []                            # 'Iraqi factions such as X': demonym_lists
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "one":
        t = t.head.head                      # 'one of the Iraqi militias'
    left = t.left_edge.i
    if t.dep_ == "pobj" and t.head.lower_ == "as" and t.head.head.pos_ == "VERB":
        found = [e for c in t.head.head.children if c.dep_ == "dobj" for e in ctx.ents(c)]
    elif t.dep_ == "appos" and ctx.mention_at(t.head) is not None and left > 0 \
            and doc[left - 1].text in (",", "(", "\u2014", "\u2013"):
        head = t.head
        while t.tag_ == "NNS" and head.dep_ == "conj" and ctx.mention_at(head.head):
            head = head.head                 # 'X and Y, two Iraqi militias'
        found = ctx.ents(head)
    elif t.dep_ in ("attr", "oprd") and lemma_of(t.head) in rules.copulas:
        toks, _ = ctx.subject(t.head)
        found = [e for x in toks for e in ctx.ents(x)]
    else:
        named = [c for c in t.children if c.dep_ in ("appos", "compound", "nmod")
                 and ctx.mention_at(c) is not None]
        found = [e for c in named for e in ctx.ents(c)]   # lists: demonym_lists
        nxt = ctx.mention_at(doc[t.i + 1]) if t.i + 1 < len(doc) else None
        if not found and nxt is not None:
            found = [ctx.ent_of(nxt)]        # 'the Lebanese movement Amal', misparsed
    return [e for e in found if e.type == "organization"]


def under_list(tok: Token) -> bool:
    t = tok
    for _ in range(8):
        if t.dep_ == "prep" and t.lower_ in ("as", "including", "like", "notably"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def rule_list_in(ctx: Context, rules: Rules, t: Token, out: Facts) -> None:
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
