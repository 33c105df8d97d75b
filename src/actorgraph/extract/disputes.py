"""Accounts that a report itself sets against each other.

Reports mark disagreement in words: "Iranian officials gave a different account:
...", "That account did not hold: ...", "the group tells a different story. It
denied ...", "the spokesman said the drone hit a base in Syria, not on Jordanian
soil". Each such cue makes a `DisputeFact` between the sentence that holds it and
the account it answers:

- `counter_account` (a different account / story / version), `account_failed`
  (the account did not hold / proved false) and `account_disputed` (a verb that
  disputes, rejects or contradicts an account) answer the nearest earlier sentence,
  within `WINDOW`, that is somebody's statement (a verb of `statement_verbs`);
  a short cue sentence without a colon ("The group tells a different story.")
  leaves its content to the next sentence, which joins the disputing account;
- `place_denied` ("not on Jordanian soil", "not in Iraq") answers the nearest
  earlier sentence, within `PLACE_WINDOW`, that puts something in that country.

Cues that name whose account they answer ("differed from Washington's") are left
alone when no earlier sentence says who that is: a wrong pair is worse than none.
Word lists: `data/disputes.yaml`. A pure function of the parsed document.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..model import DisputeFact, Mention, Sentence
from .arguments import Context, load_data, word_set
from .attribute import attribute
from .refer import Referents

WINDOW = 3            # sentences back to the account a cue answers
PLACE_WINDOW = 10     # sentences back to the claim that puts it in the denied place
SHORT_CUE = 12        # a cue sentence this short, without a colon, is an announcement
LOCATIVE = {"in", "inside", "within", "on", "into", "at"}


@dataclass(frozen=True)
class Words:
    accounts: frozenset
    contrast: frozenset
    failing: frozenset
    false: frozenset
    disputing: frozenset
    statements: frozenset
    places: frozenset


@lru_cache(maxsize=1)
def words() -> Words:
    raw = load_data("disputes.yaml")
    return Words(word_set(raw["account_nouns"]), word_set(raw["contrast_adjectives"]),
                 word_set(raw["failing_verbs"]), word_set(raw["false_adjectives"]),
                 word_set(raw["disputing_verbs"]), word_set(raw["statement_verbs"]),
                 word_set(raw["place_nouns"]))


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_account(t: Token) -> bool:
    return _lemma(t) in words().accounts or t.lower_ in words().accounts


def _names_whose(head: Token) -> bool:
    """'differed from Washington's', 'at odds with the ministry's': the cue names whose
    account it answers, which may not be the nearest one."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "with", "to") for c in head.children)


def account_cue(ctx: Context, t: Token) -> tuple[str, Token] | None:
    """The rule and head of an account cue at `t`, if any."""
    w = words()
    lemma = _lemma(t)
    if t.pos_ == "NOUN" and _is_account(t) and any(
            c.dep_ == "amod" and _lemma(c) in w.contrast for c in t.children):
        return "counter_account", t
    if t.pos_ in ("VERB", "AUX") and lemma in w.failing and ctx.negated(t) and any(
            c.dep_ in ("nsubj", "nsubjpass") and _is_account(c) for c in t.children):
        return "account_failed", t
    if t.pos_ == "ADJ" and lemma in w.false and t.dep_ in ("acomp", "oprd", "attr") and any(
            c.dep_ in ("nsubj", "nsubjpass") and _is_account(c) for c in t.head.children):
        return "account_failed", t.head
    if t.pos_ == "VERB" and lemma in w.disputing and not ctx.negated(t):
        held = [c for c in t.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        if any(_is_account(c) for c in held):
            return "account_disputed", t
    return None


def _statement(ctx: Context, index: int) -> bool:
    return any(t.pos_ == "VERB" and _lemma(t) in words().statements
               for t in ctx.sentence_tokens(index))


def denied_place(ctx: Context, t: Token) -> str | None:
    """'not on Jordanian soil', 'not in Iraq' at the 'not' `t`: the country's key."""
    if t.lower_ != "not" or t.i + 2 >= len(t.doc):
        return None
    prep = t.doc[t.i + 1]
    if prep.lower_ not in LOCATIVE:
        return None
    for p in (c for c in prep.children if c.dep_ == "pobj"):
        if _lemma(p) in words().places:
            for c in p.children:
                if c.dep_ in ("amod", "compound"):
                    ent = ctx.demonym_country(c)
                    if ent is not None:
                        return ent.key
        for e in ctx.ents(p, "place"):
            if e.type == "country":
                return e.key
    return None


def _places_in(ctx: Context, index: int, key: str) -> bool:
    for t in ctx.sentence_tokens(index):
        if t.lower_ in LOCATIVE and t.dep_ == "prep" and not (
                t.i > 0 and t.doc[t.i - 1].lower_ == "not"):
            for p in (c for c in t.children if c.dep_ == "pobj"):
                if any(e.key == key for e in ctx.ents(p, "place")):
                    return True
    return False


def find_disputes(doc: Doc, sentences: list[Sentence], mentions: list[Mention],
                  ctx: Context | None = None) -> list[DisputeFact]:
    """Every pair of accounts the document's own words set against each other."""
    if not sentences:
        return []
    ctx = ctx or Context(doc, sentences, mentions)
    ref = Referents(doc, mentions)
    spans = {s.index: s for s in sentences}
    out: list[DisputeFact] = []
    seen: set[tuple[int, int]] = set()

    def add(si: int, earlier: int, cue: str, rule: str, also: tuple[int, ...] = ()) -> None:
        if (si, earlier) in seen or spans[si].kind != "body" or spans[earlier].kind != "body":
            return
        seen.add((si, earlier))
        own = spans[also[-1]] if also else spans[si]
        out.append(DisputeFact(
            sentence=si, disputed=earlier, cue=cue, rule=rule, also=also,
            attribution=attribute(doc, (spans[si].start, own.end), mentions, referents=ref),
            disputed_attribution=attribute(doc, (spans[earlier].start, spans[earlier].end),
                                           mentions, referents=ref)))

    for t in doc:
        si = ctx.sentence_of(t)
        if si < 0 or si not in spans:
            continue
        place = denied_place(ctx, t)
        if place is not None:
            for j in range(si - 1, max(-1, si - 1 - PLACE_WINDOW), -1):
                if j in spans and _places_in(ctx, j, place):
                    add(si, j, t.doc[t.i:t.i + 4].text, "place_denied")
                    break
            continue
        found = account_cue(ctx, t)
        if found is None:
            continue
        rule, head = found
        cue = doc[min(x.i for x in head.subtree):max(x.i for x in head.subtree) + 1].text
        if _names_whose(head):
            continue
        sent_toks = ctx.sentence_tokens(si)
        also: tuple[int, ...] = ()
        if len(sent_toks) <= SHORT_CUE and ":" not in doc[t.i:sent_toks[-1].i + 1].text \
                and si + 1 in spans:
            also = (si + 1,)
        for j in range(si - 1, max(-1, si - 1 - WINDOW), -1):
            if j in spans and _statement(ctx, j):
                add(si, j, cue, rule, also)
                break
    return out
