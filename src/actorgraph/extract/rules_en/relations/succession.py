"""Succession: "His successor, Y", "Y, X's predecessor", "Y succeeded X". One who succeeds
another holds the post the other held: when the document says what either of the two led
(a `leader_of` fact of any rule), the other is given the same lead, from the sentence that
states the succession. Nothing is read when neither post is named."""
from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.rules_en.nlp import columns
from actorgraph.extract.rules_en.reference.arguments import Context, Ent
from actorgraph.extract.rules_en.relations.base import (
    HYPOTHETICAL,
    Facts,
    Rules,
    actors_of,
    patients_of,
    pobjs_of,
    preps_of,
)


def _persons(ents: list[Ent]) -> list[Ent]:
    return [e for e in ents if e.type == "person"]


def _owner(ctx: Context, t: Token) -> list[Ent]:
    """Whose successor: the possessor ('his successor') or the 'of' object."""
    out = [e for c in t.children if c.dep_ == "poss" for e in ctx.ents(c)]
    out += [e for p in preps_of(t, ("of",)) for o in pobjs_of(p) for e in ctx.ents(o)]
    return _persons(out)


def _pairs(ctx: Context, rules: Rules, holders_of) -> list[tuple[Ent, Ent, Token]]:
    """(successor, predecessor, trigger) for every succession the sentences state."""
    out: list[tuple[Ent, Ent, Token]] = []
    nouns = rules.successor_nouns | rules.predecessor_nouns
    cols = columns(ctx.doc)
    for i, (word, pos) in enumerate(zip(cols.lemma, cols.pos, strict=True)):
        if not (pos in ("NOUN", "PROPN") and word in nouns
                or pos == "VERB" and word in rules.succession_verbs):
            continue                # (read without a token: most are neither)
        t = ctx.doc[i]
        if t.pos_ in ("NOUN", "PROPN") and word in nouns:
            holders = _persons(holders_of(t))
            owners = _owner(ctx, t)
            for h in holders:
                for o in owners:
                    out.append((h, o, t) if word in rules.successor_nouns else (o, h, t))
        elif t.pos_ == "VERB" and word in rules.succession_verbs and not ctx.negated(t):
            for s in _persons(actors_of(ctx, t)):
                for o in _persons(patients_of(ctx, t)):
                    out.append((s, o, t))
    return out


def successions(ctx: Context, rules: Rules, facts: Facts, holders_of) -> None:
    """Give each of a successor and a predecessor the lead the document gives the other.
    `holders_of(token)` reads who holds a role noun (the role rules' reader)."""
    pairs = [(s, p, t) for s, p, t in _pairs(ctx, rules, holders_of) if s.key != p.key]
    if not pairs:
        return
    led: dict[str, set[str]] = {}
    for f in facts.items.values():
        if f.predicate == "leader_of" and not f.rule.endswith(HYPOTHETICAL):
            led.setdefault(f.subject, set()).add(f.object)
    for s, p, t in pairs:
        for a, b in ((s, p), (p, s)):
            objects = [Ent(k, k.split(":", 1)[0], "succession") for k in sorted(led.get(b.key, ()))]
            facts.add([a], "leader_of", objects, t, "succession")
