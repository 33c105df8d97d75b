"""Titles of office read with their modifiers: "prime minister" and "chief executive" lead
(`head_titles`), a "deputy commander" or "Deputy Health Minister" is one of the members
(`second_modifiers`), an "Interior Minister" heads the interior ministry the document
names (`portfolio_roles`), and "X, elected Moldova's president in May" holds the role
named as the object of a verb of appointment in a clause reduced to its participle."""
from __future__ import annotations

import re

from spacy.tokens import Token

from actorgraph.extract.rules_en.reference.arguments import Context, Ent
from actorgraph.extract.rules_en.relations.base import HYPHENS, Rules, lemma_of, pobjs_of, preps_of
from actorgraph.extract.rules_en.ruledata import words
from actorgraph.knowledge.lexicon import normalize_form

STATE_OFFICES = words("relations", "state_offices")
DIPLOMATIC_OFFICES = words("relations", "diplomatic_offices")
STATE_BODY_NOUNS = words("relations", "state_body_nouns")

_MODIFIER_DEPS = ("amod", "compound", "nmod")


def modifiers(t: Token) -> list[Token]:
    """The words written before a role noun that modify it ('Deputy Health' in 'Deputy
    Health Minister'), also those of the first part of a hyphenated one."""
    out = [c for c in t.children if c.dep_ in _MODIFIER_DEPS and c.i < t.i]
    doc = t.doc
    lo = t.i
    while lo >= 2 and doc[lo - 1].text in HYPHENS and not doc[lo - 1].whitespace_:
        lo -= 2
        out += [c for c in doc[lo].children if c.dep_ in _MODIFIER_DEPS and c.i < lo]
    return out


def head_title(rules: Rules, t: Token) -> bool:
    """'prime minister', 'chief executive': a two-word title of the head."""
    nouns = {t.lower_, lemma_of(t)}
    return any(c.lower_ in rules.head_titles and nouns & rules.head_titles[c.lower_]
               for c in modifiers(t))


def second_role(rules: Rules, t: Token) -> bool:
    """'deputy commander', 'vice chairman', 'Deputy Defence Minister'."""
    return any(c.lower_ in rules.second_modifiers for c in modifiers(t))


def _name_words(key: str) -> set[str]:
    return set(re.findall(r"\w+", key.split(":", 1)[-1].lower()))


def is_body(rules: Rules, word: str, e: Ent) -> bool:
    """Whether `e` is a body the portfolio role `word` heads ('... Ministry')."""
    heads = rules.portfolio_roles.get(word, frozenset())
    return e.type == "organization" and bool(_name_words(e.key) & heads)


def portfolio_bodies(ctx: Context, rules: Rules, t: Token, word: str) -> list[Ent]:
    """'Garmian Interior Minister X' with 'the Garmian Interior Ministry' (or 'the Ministry
    of the Interior') named in the document: the one body whose name holds every word of
    the portfolio. Names of places and demonyms before the title are not the portfolio."""
    heads = rules.portfolio_roles.get(word)
    if not heads:
        return []
    portfolio = {c.lower_ for c in modifiers(t)
                 if ctx.mention_at(c) is None and c.pos_ in ("NOUN", "PROPN", "ADJ")
                 and normalize_form(c.text) not in ctx.lex.demonyms
                 and c.lower_ not in rules.second_modifiers and c.lower_ not in rules.head_titles}
    if not portfolio:
        return []
    found: dict[str, Ent] = {}
    for m in ctx.mentions:
        if m.type != "organization":
            continue
        words = _name_words(m.key) | set(re.findall(r"\w+", (m.name or m.text).lower()))
        if words & heads and portfolio <= words:
            found[m.key] = ctx.ent_of(m)
    return list(found.values()) if len(found) == 1 else []


def appointed_holders(ctx: Context, rules: Rules, n: Token) -> list[Ent]:
    """The persons `appointed_tokens` names."""
    return [e for t in appointed_tokens(rules, n) for e in ctx.ents(t) if e.type == "person"]


def appointed_tokens(rules: Rules, n: Token) -> list[Token]:
    """'Lukas Brandt, elected Moldova's president in May, ...': the role noun is the object
    of a verb of appointment whose clause, set off by a comma, is a reduced passive on the
    person named before it (the parser reads it as an acl, or as the main verb)."""
    if n.dep_ not in ("dobj", "oprd") or lemma_of(n.head) not in rules.as_verbs:
        return []
    v = n.head
    if v.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return []
    if v.dep_ == "acl":
        return [v.head]
    return [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i - 1
            and c.right_edge.i >= v.i - 2 and v.doc[v.i - 1].text == ","]


def office_states(ctx: Context, t: Token) -> list[Ent]:
    """The states whose service the office noun `t` is in: "Chile's ambassador", "a
    spokeswoman for the Jordanian foreign ministry", "Egyptian government spokesman",
    "a Peruvian diplomat". A place after "to" or "in" is where it is held, not whose."""
    word = lemma_of(t) if lemma_of(t) in STATE_OFFICES else t.lower_
    if word not in STATE_OFFICES:
        return []
    mods = modifiers(t)
    scope = [t] + [c for c in mods if c.dep_ == "compound"]
    owners = [c for n in scope for c in n.children if c.dep_ == "poss"]
    owners += [o for n in scope for p in preps_of(n, ("of",)) for o in pobjs_of(p)]
    # "a spokeswoman for the Jordanian foreign ministry": the state of the body named
    bodies = [o for n in scope for p in preps_of(n, ("of", "for")) for o in pobjs_of(p)
              if lemma_of(o) in STATE_BODY_NOUNS and ctx.mention_at(o) is None]
    owners += [c for b in bodies for c in b.children if c.dep_ == "poss"]
    out = [e for o in owners for e in ctx.ents(o, "object") if e.type == "country"]
    out += [d for b in bodies for c in b.children if c.dep_ in ("amod", "compound")
            for d in [ctx.demonym_country(c)] if d is not None]
    body = any(lemma_of(c) in STATE_BODY_NOUNS or c.lower_ in STATE_BODY_NOUNS for c in mods)
    if word in DIPLOMATIC_OFFICES or body:
        for c in mods:
            d = ctx.demonym_country(c)
            if d is not None:
                out.append(d)
    return out
