"""Sponsorship, alliance, opposition and channels: "an Iranian-backed proxy", "funded by
Y", "endorsed it and authorized its creation", "in cooperation with Y", "fight side by side
with Y", "seeks to overthrow Y", "called for regime change in Y", "runs the channel"."""
from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.rules_en.reference.arguments import Context, Ent
from actorgraph.extract.rules_en.relations.base import (
    Facts,
    Rules,
    actors_of,
    distributed,
    lemma_of,
    names_listed_after,
    objects_of,
    patients_of,
    pobjs_of,
    preps_of,
    sponsors_of,
    state_of_modifier,
)
from actorgraph.extract.rules_en.relations.roles import list_ents
from actorgraph.extract.rules_en.ruledata import words
from actorgraph.knowledge.lexicon import normalize_form

FORCE_NOUNS = words("relations", "force_nouns")               # "fighters from X"
ALLY_PARTICIPLES = words("relations", "ally_participles")   # "Iran-aligned militias"
HOSTILITY_NOUNS = words("relations", "hostility_nouns")


def rule_sponsor_participle(ctx: Context, rules: Rules, t: Token, out: Facts) -> None:
    """'an Iranian-backed proxy', 'Iran-funded militias', 'Iran-aligned groups',
    'a Tehran-sponsored faction' (a capital for its state), 'a Basra-based faction'."""
    word = t.lower_
    if t.i < 2 or t.doc[t.i - 1].text not in ("-", "\u2010", "\u2011"):
        return
    before = [c for c in list(t.children) + [t.doc[t.i - 2]] if c.i < t.i]
    holder_tok = t.head if t.dep_ in ("amod", "compound", "acl") else t
    if word in ("based", "headquartered"):
        places: list[Ent] = []
        for c in before:
            m = ctx.mention_at(c)
            if m is not None and m.type in ("place", "country") and m.role != "metonym":
                places.append(ctx.ent_of(m, "place"))
            else:
                places.extend(e for e in state_of_modifier(ctx, c) if e.type == "country")
        out.add(ctx.described(holder_tok), "based_in", places, t, "based_participle")
        return
    states: list[Ent] = []
    for c in before:
        for e in state_of_modifier(ctx, c):
            if e.key not in {x.key for x in states}:
                states.append(e)
    if not states:
        return
    holders = ctx.described(holder_tok)
    if ctx.mention_at(holder_tok) is not None:     # 'the Iran-funded X and Y'
        holders += [e for c in holder_tok.children if c.dep_ == "conj"
                    and not any(x.dep_ in ("det", "amod", "compound") and x.i < c.i
                                and ctx.mention_at(x) is None for x in c.children)
                    for e in ctx.ents(c) if e.key not in {h.key for h in holders}]
        if len(holders) == 1:                      # 'the Iran-funded X, Y and Z', misparsed
            holders += names_listed_after(ctx, holder_tok)
    if word in ALLY_PARTICIPLES:
        out.add(holders, "allied_with", states, t, "ally_participle")
    else:
        support = rules.sponsor_participles.get(
            word, rules.sponsor_participles.get(lemma_of(t), ()))
        out.add(holders, "sponsored_by", states, t, "sponsor_participle", support)


def rule_proxy(ctx: Context, rules: Rules, t: Token, out: Facts) -> None:
    """'a typical Iranian proxy', 'one of Tehran's many proxy projects', 'a proxy of Iran'."""
    states: list[Ent] = []
    scope = [t] + ([t.head] if t.dep_ == "compound" else [])
    for n in scope:
        for c in n.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < n.i and c.i != t.i:
                states.extend(state_of_modifier(ctx, c))
            elif c.dep_ == "poss":
                states.extend(e for e in ctx.ents(c) if e.type in ("country", "organization"))
        for o in [o for p in preps_of(n, ("of", "for")) for o in pobjs_of(p)]:
            states.extend(e for e in ctx.ents(o) if e.type in ("country", "organization"))
    if not states:
        return
    if any(lemma_of(c) in rules.sponsor_participles or c.lower_ in rules.sponsor_participles
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


def rule_sponsor_verb(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    """'Y funds X', 'X is armed by Y', 'a militia trained by Y', 'Y endorsed it'."""
    lemma = lemma_of(v)
    if any(c.dep_ == "prt" for c in v.children):
        return
    support = rules.sponsor_verbs.get(lemma, ())
    if ctx.is_passive(v):
        sponsors = sponsors_of(ctx, ctx.agent(v))
        toks, voice = ctx.subject(v)
        clients = [e for x in toks for e in (distributed(ctx, x) or ctx.ents(x)
                                             or ctx.described(x))]
    else:
        sponsors = sponsors_of(ctx, ctx.actor_tokens(v))
        clients = patients_of(ctx, v, rules) or [   # 'Y trained fighters from X and Z'
            e for o in ctx.patient_tokens(v) if lemma_of(o) in FORCE_NOUNS
            for p in preps_of(o, ("from", "of")) for x in pobjs_of(p) for e in list_ents(ctx, x)
            if e.type == "organization"]
    out.add(clients, "sponsored_by", sponsors, v, f"sponsor_verb_{lemma}", support)


def rule_aid(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    """'X receives funding from Y', 'Y gave the group its backing'."""
    lemma = lemma_of(v)
    objs = [c for c in v.children if c.dep_ == "dobj" and c.lower_ in rules.aid_nouns]
    if not objs:
        return
    support = tuple(s for o in objs for s in rules.aid_nouns[o.lower_])
    if lemma in rules.receive_verbs:
        sponsors = [e for o in objs for e in objects_of(ctx, o, ("from",), "actor")]
        sponsors += objects_of(ctx, v, ("from",), "actor")
        out.add(actors_of(ctx, v), "sponsored_by", sponsors, v, "aid_received", support)
    else:
        clients = [e for c in v.children if c.dep_ == "dative" and c.pos_ != "ADP"
                   for e in ctx.ents(c)]
        clients += objects_of(ctx, v, ("to",))
        out.add(clients, "sponsored_by", sponsors_of(ctx, ctx.actor_tokens(v)), v,
                "aid_given", support)


def rule_ally_phrase(ctx: Context, rules: Rules, first: Token, last: Token, out: Facts) -> None:
    """'in cooperation with Y', 'side by side with Y', 'alongside Y': an ally of the doer."""
    allies = [e for o in pobjs_of(last) for e in ctx.ents(o)]
    if not allies:
        return
    host = first.head
    if first.lower_ == "side":
        host = first.head if first.dep_ != "pobj" else first.head.head
    if host.pos_ in ("VERB", "AUX"):
        doers = actors_of(ctx, host)
    else:
        doers = ctx.nominal_actor(host) or ctx.described(host)
    out.add(doers, "allied_with", allies, last, "ally_phrase")


def rule_ally_noun(ctx: Context, rules: Rules, t: Token, out: Facts) -> None:
    """'X's military cooperation with Y', 'the partnership between X and Y'."""
    if t.dep_ == "pobj" and t.head.lower_ in ("in",):
        return  # "in cooperation with": the phrase rule
    for p in preps_of(t, ("between", "among")):
        sides = [e for o in pobjs_of(p) for e in ctx.ents(o)]
        for i, a in enumerate(sides):
            out.add([a], "allied_with", sides[i + 1:], t, "ally_between")
    partners = objects_of(ctx, t, ("with",))
    if not partners:
        return
    out.add(_noun_owners(ctx, t), "allied_with", partners, t, "ally_noun")


def _noun_owners(ctx: Context, t: Token) -> list[Ent]:
    """Whose cooperation or campaign a noun is: its possessor or a name written before it,
    on the noun or on the first of the nouns it is coordinated with."""
    owners: list[Ent] = []
    n = t
    for _ in range(4):
        for c in n.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod")
                                    and ctx.mention_at(c) is not None):
                owners.extend(ctx.ents(c))
        if owners or n.dep_ != "conj":
            break
        n = n.head
    return owners


def rule_ally_verb(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    """'X cooperates with Y', 'a network of actors aligned with Y', 'X sided with Y'."""
    partners = objects_of(ctx, v, ("with",))
    if not partners:
        return
    if v.dep_ in ("acl", "amod"):
        doers = ctx.described(v.head)
    else:
        doers = actors_of(ctx, v)
    out.add(doers, "allied_with", partners, v, "ally_verb")


def _state_targets(ctx: Context, toks: list[Token]) -> list[Ent]:
    return [e for t in toks for e in ctx.ents(t, "object")]


def rule_oppose_verb(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    """'X seeks to overthrow Y', 'Its purpose — to overthrow the government of Y'."""
    objects = _state_targets(ctx, [c for c in v.children if c.dep_ == "dobj"])
    doers = actors_of(ctx, v)
    if v.dep_ == "acl" and v.head.dep_ == "appos" and v.head.tag_ == "NNS":
        # "X and Y, two separatist groups fighting the Jordanian state": both named
        doers = [e for e in list_ents(ctx, v.head.head) if e.type == "organization"] or doers
    out.add(doers, "opposes", objects, v, "oppose_verb")


def rule_against(ctx: Context, rules: Rules, t: Token, out: Facts) -> None:
    """'X fights against Y', 'the X information campaign against Y', 'X is hostile to Y'."""
    lemma = lemma_of(t)
    preps = ("against",) if lemma not in rules.hostile and lemma not in HOSTILITY_NOUNS \
        else rules.against_preps
    objects = objects_of(ctx, t, preps, "object")
    if not objects:
        return
    if t.pos_ in ("VERB",):
        doers = actors_of(ctx, t)
    elif t.pos_ == "ADJ" and lemma in rules.hostile:
        if t.dep_ == "acomp":
            toks, _ = ctx.subject(t.head)
            doers = [e for x in toks for e in ctx.ents(x)]
        else:
            doers = ctx.described(t.head) if t.dep_ == "amod" else []
    else:
        doers = _noun_owners(ctx, t)
        if not doers and t.dep_ == "dobj":
            doers = actors_of(ctx, t.head)
    out.add(doers, "opposes", objects, t, "against")


def rule_change(ctx: Context, rules: Rules, t: Token, out: Facts) -> None:
    """'called for regime change in Y', 'their objective of a change in regime in Y',
    'advocating the overthrow of Y'."""
    lemma = lemma_of(t)
    regime = any(c.lower_ in rules.regime_words for c in t.children
                 if c.dep_ in ("compound", "nmod", "amod")) or any(
        o.lower_ in rules.regime_words for p in preps_of(t, ("in", "of")) for o in pobjs_of(p))
    if lemma == "change" and not regime:
        return
    # the country whose regime is to go
    places: list[Ent] = []
    scan = [t] + [o for p in preps_of(t, ("in", "of")) for o in pobjs_of(p)]
    for n in scan:
        for p in preps_of(n, ("in", "of")):
            for o in pobjs_of(p):
                if o.lower_ in rules.regime_words:
                    continue
                places.extend(ctx.ents(o, "object"))
    holder = t.head.head if t.dep_ == "pobj" else t.head
    if not places and holder.pos_ in ("VERB",):
        for p in preps_of(holder, ("in",)):
            for o in pobjs_of(p):
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
        if n.pos_ == "VERB" and lemma_of(n) in rules.call_verbs:
            doers = actors_of(ctx, n)
            break
        if n.pos_ == "NOUN" and lemma_of(n) in rules.purpose_nouns:
            for c in n.children:
                if c.dep_ == "poss":
                    doers.extend(ctx.ents(c))
    out.add(doers, "opposes", targets, t, "regime_change")


def rule_channel(ctx: Context, rules: Rules, v: Token, out: Facts) -> None:
    """'X runs the Telegram channel Y': the channel is keyed by its name."""
    channels: list[Ent] = []
    for o in ctx.patient_tokens(v):
        if lemma_of(o) not in rules.channel_nouns and o.lower_ not in rules.channel_nouns:
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
        out.add(actors_of(ctx, v), "operates_channel", channels, v, "runs_channel")


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
                        out: Facts) -> None:
    """'founded under the supervision of Y', 'attacked X with the help of Y'."""
    words = tuple(t.lower_ for t in first.doc[first.i:last.i + 1])
    support = next((sup for ws, sup in rules.sponsor_phrases if ws == words), ())
    sponsors = sponsors_of(ctx, pobjs_of(last))
    host = first.head
    if host.pos_ in ("VERB", "AUX"):
        if ctx.is_passive(host):
            toks, _ = ctx.subject(host)
            clients = [e for x in toks for e in ctx.ents(x)]
        else:
            clients = actors_of(ctx, host)
    else:
        clients = ctx.nominal_actor(host) or ctx.described(host)
    out.add(clients, "sponsored_by", sponsors, last, "sponsor_phrase", support)
