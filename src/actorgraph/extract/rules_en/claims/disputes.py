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
  earlier sentence, within `PLACE_WINDOW`, that puts something in that country;
- `denied` ("Tehran denies arming the group") answers the nearest earlier sentence,
  within `WINDOW`, that tells an event or is a statement, and names the denier or
  someone the denied words name.

Cues that name whose account they answer ("differed from Washington's") are left
alone when no earlier sentence says who that is: a wrong pair is worse than none.
Word lists: `data/disputes.yaml`. A pure function of the parsed document.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from actorgraph.extract.rules_en.claims.attribute import attribute
from actorgraph.extract.rules_en.nlp import columns
from actorgraph.extract.rules_en.reference.arguments import Context, load_data, word_set
from actorgraph.extract.rules_en.reference.refer import Referents
from actorgraph.extract.rules_en.ruledata import words as word_list
from actorgraph.model import DisputeFact, Mention, Sentence

WINDOW = 3            # sentences back to the account a cue answers
PLACE_WINDOW = 10     # sentences back to the claim that puts it in the denied place
SHORT_CUE = 12        # a cue sentence this short, without a colon, is an announcement
LOCATIVE = word_list("claims", "locative")
VERSION_NOUNS = word_list("claims", "version_nouns")   # "the group's version"


@dataclass(frozen=True)
class Words:
    denying: frozenset
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
    return Words(*(word_set(raw[k]) for k in (
        "denying_verbs", "account_nouns", "contrast_adjectives", "failing_verbs",
        "false_adjectives", "disputing_verbs", "statement_verbs", "place_nouns")))


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_account(t: Token) -> bool:
    return _lemma(t) in words().accounts or t.lower_ in words().accounts


def _names_whose(head: Token) -> bool:
    """'differed from Washington's', 'at odds with the ministry's': the cue names whose
    account it answers, which may not be the nearest one."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "with", "to") for c in head.children)


def account_cue(ctx: Context, t: Token) -> tuple[str, Token, Token] | None:
    """The rule, head and account noun of an account cue at `t`, if any."""
    w = words()
    lemma = _lemma(t)
    if t.pos_ == "NOUN" and _is_account(t) and any(
            c.dep_ == "amod" and _lemma(c) in w.contrast for c in t.children):
        return "counter_account", t, t
    if t.pos_ in ("VERB", "AUX") and lemma in w.failing and ctx.negated(t):
        held = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and _is_account(c)]
        if held:            # (read only here: a token's children are costly to list)
            return "account_failed", t, held[0]
    if t.pos_ == "ADJ" and lemma in w.false and t.dep_ in ("acomp", "oprd", "attr"):
        held = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass") and _is_account(c)]
        if held:
            return "account_failed", t.head, held[0]
    if t.pos_ == "VERB" and lemma in w.disputing and not ctx.negated(t):
        held = [c for c in t.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
                and _is_account(c)]
        if held:
            return "account_disputed", t, held[0]
    return None


def _cue_text(head: Token, account: Token) -> str:
    """'a different account', 'That account did not hold', 'rejected the report'."""
    toks = {head.i, account.i} | {c.i for c in account.children if c.dep_ in ("det", "amod")}
    toks |= {c.i for c in head.children if c.dep_ in ("neg", "aux", "auxpass")}
    return head.doc[min(toks):max(toks) + 1].text


def _antecedent(ctx: Context, si: int, account: Token, spans) -> int | None:
    """The account a cue answers: for "the report", "that claim" the nearest earlier
    sentence with that noun; otherwise the nearest earlier statement."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "that", "this", "these", "those")
                   for c in account.children)
    back = [j for j in range(si - 1, max(-1, si - 1 - WINDOW), -1) if j in spans]
    if definite and _lemma(account) not in VERSION_NOUNS:
        for j in back:
            if any(_lemma(x) == _lemma(account) for x in ctx.sentence_tokens(j)):
                return j
    return next((j for j in back if _statement(ctx, j)), None)


def _statement(ctx: Context, index: int) -> bool:
    cols, statements = columns(ctx.doc), words().statements
    return any(cols.pos[i] == "VERB" and cols.lemma[i] in statements
               for i in ctx.sentence_range(index))


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


def short_forms(ctx: Context) -> dict[str, str]:
    """Keys of short forms of an organisation's name written in the same document ("Korvan"
    after "Korvan Trading") -> the key of the full name."""
    cached = getattr(ctx, "_short_forms", None)
    if cached is not None:
        return cached
    out: dict[str, str] = {}
    orgs = [m for m in ctx.mentions if m.type == "organization"]
    by_first: dict[str, list] = {}    # the orgs by their first word, in order: a full
    for o in orgs:                    # name starts with its short form's first word
        first = o.text.casefold().split()[:1]
        if first:
            by_first.setdefault(first[0], []).append(o)
    for m in ctx.mentions:
        words = m.text.casefold().split()
        candidates = by_first.get(words[0], []) if words else orgs
        full = next((o for o in candidates if o.key != m.key and o.start < m.start
                     and o.text.casefold().split()[:len(words)] == words
                     and len(o.text.split()) > len(words)), None)
        if full is not None:
            out[m.key] = full.key
    ctx._short_forms = out            # type: ignore[attr-defined]
    return out


def _mentioned(ctx: Context, toks) -> set[str]:
    forms = short_forms(ctx)
    return {forms.get(m.key, m.key) for x in toks if (m := ctx.mention_at(x)) is not None}


def denial(ctx: Context, t: Token) -> set[str] | None:
    """'Tehran denies arming the group', 'Bamako has always denied that Wagner operates in
    Mali': who denies, and who the denied words name."""
    if t.pos_ != "VERB" or _lemma(t) not in words().denying or ctx.negated(t):
        return None
    subjects = [c for c in t.children if c.dep_ == "nsubj"]
    deniers = {e.key for c in subjects for e in ctx.ents(c, "actor")}
    # the body the denier speaks for: "Korvan's chief executive", "Ruritania's ministry"
    deniers |= _named(ctx, [x for c in subjects for x in c.subtree if x.dep_ != "relcl"])
    denied = [c for c in t.children if c.dep_ in ("ccomp", "xcomp", "dobj", "pcomp")]
    about = _mentioned(ctx, [x for c in denied for x in c.subtree])
    return (deniers | about) if deniers else None


def _named(ctx: Context, toks) -> set[str]:
    """The actors tokens name: mentions, and the states their adjectives name ("Iraqi")."""
    out = _mentioned(ctx, toks)
    for x in toks:
        if x.dep_ in ("amod", "compound", "nmod") and x.pos_ in ("ADJ", "PROPN") \
                and (e := ctx.demonym_country(x)) is not None:
            out.add(e.key)
    return out


FATE_WINDOW = 8      # sentences between a person said to be safe and said to be dead


@lru_cache(maxsize=1)
def fate_words() -> dict[str, frozenset]:
    raw = load_data("disputes.yaml")
    return {k: word_set(raw[k]) for k in (
        "safe_adjectives", "surviving_verbs", "killing_verbs", "death_nouns",
        "dead_adjectives", "first_adverbs", "later_adverbs")}


def _persons(ref: Referents, heads) -> set[str]:
    """The persons the noun phrases headed by `heads` name (not their owners: "his guards")."""
    toks = [x for h in heads for x in (h, *h.conjuncts, *(
        c for c in h.children if c.dep_ in ("compound", "appos", "flat")))]
    out = set()
    for t in toks:
        m = ref.at(t)
        if m is not None and m.type == "person":
            out.add(m.key)
        elif t.pos_ == "PRON" and (key := ref.key_of(t)) and key.startswith("person"):
            out.add(key)
    return out


def said_safe(ref: Referents, doc: Doc, sent: range) -> set[str]:
    """The persons the sentence of the tokens `sent` says are safe or survived ("X was
    unharmed", "X survived")."""
    w = fate_words()
    cols = columns(doc)
    out: set[str] = set()
    for i in sent:
        pos, lemma = cols.pos[i], cols.lemma[i]
        if pos == "ADJ" and lemma in w["safe_adjectives"] and cols.dep[i] in ("acomp", "oprd"):
            subj_of = doc[i].head
        elif pos == "VERB" and lemma in w["surviving_verbs"]:
            subj_of = doc[i]
        else:
            continue
        if any(c.dep_ == "neg" for c in subj_of.children):
            continue
        subjects = [c for c in subj_of.children if c.dep_ in ("nsubj", "nsubjpass")]
        out |= _persons(ref, subjects)
    return out


def said_dead(ref: Referents, doc: Doc, sent: range) -> set[str]:
    """The persons the sentence of the tokens `sent` says were killed or are dead
    ("confirmed the death of X", "X was killed", "eliminated X")."""
    w = fate_words()
    cols = columns(doc)
    out: set[str] = set()
    for i in sent:
        pos, lemma = cols.pos[i], cols.lemma[i]
        if pos == "VERB" and lemma in w["killing_verbs"]:
            cue = "killing"
        elif pos == "NOUN" and lemma in w["death_nouns"]:
            cue = "death"
        elif pos == "ADJ" and lemma in w["dead_adjectives"] and cols.dep[i] == "acomp":
            cue = "dead"
        else:
            continue
        t = doc[i]
        if any(c.dep_ == "neg" for a in (t, *t.ancestors) for c in a.children):
            continue           # "reports that X had been killed were never confirmed"
        if cue == "killing":
            held = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        elif cue == "death":
            held = [c for c in t.children if c.dep_ == "poss"] + [
                g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
        else:
            held = [c for c in t.head.children if c.dep_ == "nsubj"]
        out |= _persons(ref, held)
    return out


def fates(ref: Referents, ctx: Context, spans) -> list[tuple[int, int, str]]:
    """(earlier, later, cue) for a person said to be safe in one sentence and dead in another
    a few sentences apart, in either order."""
    safe = {i: said_safe(ref, ctx.doc, ctx.sentence_range(i)) for i in spans}
    dead = {i: said_dead(ref, ctx.doc, ctx.sentence_range(i)) for i in spans}
    out = []
    for i in sorted(spans):
        for j in (j for j in range(i + 1, i + FATE_WINDOW + 1) if j in spans):
            if safe[i] & dead[j] - dead[i] or dead[i] & safe[j] - safe[i]:
                out.append((i, j, "safe" if safe[i] & dead[j] else "dead"))
                break
    return out


def _first_given(ctx: Context, i: int):
    """(verb, cue) of a statement said to be given first ("police first reported ...")."""
    cols, statements = columns(ctx.doc), words().statements
    for k in ctx.sentence_range(i):
        if cols.pos[k] == "VERB" and cols.lemma[k] in statements:
            t = ctx.doc[k]
            for c in t.children:
                if c.dep_ == "advmod" and c.lower_ in fate_words()["first_adverbs"] and c.i < t.i:
                    return t, f"{c.text} {t.text}"
    return None


def revisions(ctx: Context, spans) -> list[tuple[int, int, str]]:
    """(earlier, later, cue): a statement said to be given first ("police first reported a
    mortar attack") and the statement said to come after it ("shortly afterwards the navy
    said ...", "officials later said ..."): in the same sentence, else the next statement
    within WINDOW, if that one says it comes later and is no first account itself."""
    later = fate_words()["later_adverbs"]
    out = []
    for i in sorted(spans):
        first = _first_given(ctx, i)
        if first is None:
            continue
        verb, cue = first
        toks = ctx.sentence_tokens(i)
        if any(t.i > verb.i and t.pos_ == "VERB" and _lemma(t) in words().statements
               and any(c.dep_ == "nsubj" for c in t.children)
               and any(x.lower_ in later for x in toks if verb.i < x.i < t.i) for t in toks):
            out.append((i, i, cue))
            continue
        for j in range(i + 1, i + 1 + WINDOW):
            if j not in spans or not _statement(ctx, j):
                continue
            if _first_given(ctx, j) is None and any(
                    columns(ctx.doc).lower[k] in later for k in ctx.sentence_range(j)):
                out.append((i, j, cue))
            break
    return out


def _cue_tokens(doc: Doc) -> Iterator[Token]:
    """The tokens that may be a cue of `denied_place`, `denial` or `account_cue`, in order:
    the others, the most, are never made (each would be tested for nothing)."""
    w, cols = words(), columns(doc)
    for i, (low, lemma, pos) in enumerate(zip(cols.lower, cols.lemma, cols.pos, strict=True)):
        if low == "not" or (pos == "VERB" and (lemma in w.denying or lemma in w.disputing)) \
                or (pos == "NOUN" and (lemma in w.accounts or low in w.accounts)) \
                or (pos in ("VERB", "AUX") and lemma in w.failing) \
                or (pos == "ADJ" and lemma in w.false):
            yield doc[i]


def find_disputes(doc: Doc, sentences: list[Sentence], mentions: list[Mention],
                  ctx: Context | None = None,
                  told: set[int] | None = None) -> list[DisputeFact]:
    """Every pair of accounts the document's own words set against each other. `told`:
    the sentences that tell an event (a denial answers one of them or a statement)."""
    if not sentences:
        return []
    told = told or set()
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

    for t in _cue_tokens(doc):
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
        named = denial(ctx, t)
        if named:
            for j in range(si - 1, max(-1, si - 1 - WINDOW), -1):
                if j in spans and (j in told or _statement(ctx, j)) \
                        and _named(ctx, ctx.sentence_tokens(j)) & named:
                    add(si, j, doc[t.i:min(t.i + 4, ctx.sentence_tokens(si)[-1].i)].text,
                        "denied")
                    break
            continue
        found = account_cue(ctx, t)
        if found is None:
            continue
        rule, head, account = found
        if _names_whose(head):
            continue
        sent_toks = ctx.sentence_tokens(si)
        also: tuple[int, ...] = ()
        if len(sent_toks) <= SHORT_CUE and ":" not in doc[t.i:sent_toks[-1].i + 1].text \
                and si + 1 in spans:
            also = (si + 1,)
        earlier = _antecedent(ctx, si, account, spans)
        if earlier is not None:
            add(si, earlier, _cue_text(head, account), rule, also)
    for earlier, later, cue in fates(ref, ctx, spans):
        add(later, earlier, cue, "fate")
    for earlier, later, cue in revisions(ctx, spans):
        add(later, earlier, cue, "account_revised")
    # a denial that carries on a counter-account ("... tell a different story. The group
    # denied ...") is already part of that dispute
    carried = {s for d in out if d.rule != "denied" for s in (d.sentence, *d.also)}
    out = [d for d in out if d.rule != "denied" or d.sentence not in carried]
    return out
