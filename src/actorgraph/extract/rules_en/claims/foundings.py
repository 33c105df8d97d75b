"""When an organisation was founded, as each sentence dates it.

Three constructions, read from the parse, each needing a date expression that
the `date` stage resolved and an organisation the sentence names or refers to:

- a founding verb on the organisation: "Hezbollah, founded in 1982", "the group
  was established in 2015", "X set up the militia in 2003";
- a founding noun owned by it: "the group's creation in 2015", "the founding of
  the party in 1985" (the date may sit on the verb that governs the noun:
  "oversaw its creation in 2015", or on the year a "when" clause hangs on:
  "in 2017, when X authorized its creation");
- dating it: "some accounts date the party to 1985", "traces its origins to 1979"
  (read from the words, as the parser often misreads "accounts date").

Negated and hypothetical clauses are skipped. Word lists: `data/foundings.yaml`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from actorgraph.extract.rules_en.nlp import columns, doc_text
from actorgraph.extract.rules_en.reference.arguments import Context, Ent, load_data, word_set
from actorgraph.extract.rules_en.ruledata import words
from actorgraph.model import DateValue, FoundingFact, Mention, Sentence

DATE_PREPS = words("claims", "date_preps")
DATING_WINDOW = 8     # words between "date" and "to YEAR"


@lru_cache(maxsize=1)
def _words() -> dict:
    raw = load_data("foundings.yaml")
    return {"verbs": word_set(raw["verbs"]), "particles": dict(raw["particles"]),
            "intransitive": word_set(raw["intransitive_verbs"]),
            "nouns": word_set(raw["nouns"]),
            "dating": word_set(raw["dating_verbs"]), "origins": word_set(raw["origin_nouns"])}


def _orgs(ctx: Context, toks) -> list[Ent]:
    return [e for t in toks for e in ctx.ents(t, "target") if e.type == "organization"]


def _date_in(dates: list[DateValue], span: Span | None) -> DateValue | None:
    if span is None:
        return None
    for d in dates:
        if d.value and span.start_char <= d.start and d.end <= span.end_char:
            return d
    return None


def _prep_date(dates: list[DateValue], head: Token) -> DateValue | None:
    """'in 1982' on `head`: a preposition of time whose object is a resolved date."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in DATE_PREPS:
            found = _date_in(dates, c.doc[c.i:c.right_edge.i + 1])
            if found:
                return found
        if c.dep_ in ("npadvmod", "nummod") and c.like_num:
            found = _date_in(dates, c.doc[c.i:c.i + 1])
            if found:
                return found
    return None


def _when_date(dates: list[DateValue], verb: Token) -> DateValue | None:
    """'until 2017, when X endorsed it and authorized its creation': the year the clause
    hangs on."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when"
                                    for c in verb.children):
        return _date_in(dates, verb.doc[verb.head.i:verb.head.i + 1])
    return None


def _by_verb(ctx: Context, dates: list[DateValue], v: Token) -> tuple[list[Ent], DateValue | None]:
    w = _words()
    lemma = v.lemma_.lower()
    particle = w["particles"].get(lemma)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in v.children):
        return [], None
    date = _prep_date(dates, v) or _when_date(dates, v)
    if date is None:
        return [], None
    if v.dep_ == "acl" and v.tag_ == "VBN":             # "Hezbollah, founded in 1982"
        orgs = _orgs(ctx, [v.head])
    elif lemma in w["intransitive"]:                   # "al-Shabaab emerged in 2006"
        orgs = _orgs(ctx, [c for c in v.children if c.dep_ == "nsubj"])
    elif ctx.is_passive(v):                             # "it was established in 2015"
        orgs = _orgs(ctx, [c for c in v.children if c.dep_ == "nsubjpass"])
    else:                                               # "X set up the militia in 2003"
        orgs = _orgs(ctx, [c for c in v.children if c.dep_ == "dobj"])
    return orgs, date


def _by_noun(ctx: Context, dates: list[DateValue], n: Token) -> tuple[list[Ent], DateValue | None]:
    owners = [c for c in n.children if c.dep_ == "poss"]
    owners += [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj"]
    orgs = _orgs(ctx, owners)
    if not orgs:
        return [], None
    date = _prep_date(dates, n)
    if date is None and n.dep_ in ("dobj", "nsubjpass") and n.head.pos_ == "VERB":
        date = _prep_date(dates, n.head) or _when_date(dates, n.head)  # "oversaw its
        # creation in 2015", "in 2017, when X authorized its creation"
    return orgs, date


def _by_dating(ctx: Context, dates: list[DateValue], t: Token) -> tuple[list[Ent], DateValue | None]:
    """'date the party to 1985', 'traces its origins to 1979': the words up to 'to YEAR'."""
    doc = t.doc
    end = min(len(doc), t.i + DATING_WINDOW)
    for j in range(t.i + 1, end):
        if doc[j].lower_ == "to" and j + 1 < len(doc):
            date = _date_in(dates, doc[j + 1:min(len(doc), j + 4)])
            if date is None:    # "trace its roots to a study group active as early as 1995"
                rest = doc[j + 1:min(len(doc), j + 14, doc[j].sent.end)]
                found = [d for d in dates if d.value and rest.start_char <= d.start < rest.end_char
                         and re.search(r"\b(?:as early as|in|since|from)\s*$",
                                       doc_text(doc)[rest.start_char:d.start], re.I)]
                date = found[0] if found else None
            between = doc[t.i + 1:j]
            if date is None or date.precision not in ("year", "month", "day"):
                return [], None
            origins = _words()["origins"]
            if t.lower_.startswith("trac") and not any(
                    x.lemma_.lower() in origins or x.lower_ in origins for x in between):
                return [], None
            return _orgs(ctx, [x for x in between if x.pos_ in ("NOUN", "PROPN", "PRON")
                               and x.lemma_.lower() not in origins
                               and x.lower_ not in origins]), date
        if doc[j].is_sent_start or doc[j].is_punct and doc[j].lower_ != "'s":
            break
    return [], None


def find_foundings(doc: Doc, sentences: list[Sentence], mentions: list[Mention],
                   dates: list[DateValue], ctx: Context | None = None) -> list[FoundingFact]:
    """Every dated founding of an organisation the document tells."""
    if not sentences:
        return []
    w = _words()
    ctx = ctx or Context(doc, sentences, mentions)
    out: list[FoundingFact] = []
    seen: set[tuple[str, str | None, int]] = set()
    cols = columns(doc)
    for i, (lemma, low, pos) in enumerate(zip(cols.lemma, cols.lower, cols.pos, strict=True)):
        if not (low in w["dating"] and pos in ("VERB", "NOUN", "PROPN")
                or lemma in w["verbs"] and pos == "VERB" or lemma in w["nouns"] and pos == "NOUN"):
            continue                # (read without a token: most are none of these)
        t = doc[i]
        if low in w["dating"] and t.pos_ in ("VERB", "NOUN", "PROPN"):
            (orgs, date), rule = _by_dating(ctx, dates, t), "dated_to"
        elif lemma in w["verbs"] and t.pos_ == "VERB":
            (orgs, date), rule = _by_verb(ctx, dates, t), f"verb_{lemma}"
        elif lemma in w["nouns"] and t.pos_ == "NOUN":
            (orgs, date), rule = _by_noun(ctx, dates, t), f"noun_{lemma}"
        else:
            continue
        if not orgs or date is None or ctx.negated(t) or ctx.hypothetical(t):
            continue
        si = ctx.sentence_of(t)
        if si < 0:
            continue
        for e in orgs:
            if (e.key, date.value, si) in seen:
                continue
            seen.add((e.key, date.value, si))
            out.append(FoundingFact(subject=e.key, sentence=si, date=date, rule=rule,
                                    trigger=t.text, trigger_start=t.idx,
                                    trigger_end=t.idx + len(t.text)))
    return out
