"""Quantities: figures the text gives about an actor ("over 100 channels",
"15,000 supporters", "an estimated twenty million of Iran's population").

`find_quantities(doc, sentences, mentions)` reads every number of the body
sentences, in digits or words, and keeps those that count something:

- value: "1,500", "1.5 million", "twenty million", "eighty-eight million",
  "a dozen", "six"; vague plurals ("hundreds of") and a lone "one"/"a" are
  never figures;
- unit: the counted noun, lower-case plural ("supporters", "channels");
  persons, peoples and believers ("individuals", "Azerbaijanis",
  "Shi'as") are "people"; "population of N" is "population"; "%" is
  "percent"; "six of them" counts "members" of the group "them" is;
- qualifier: "over", "more than", "approximately", "estimated", ... as the
  normal forms of `data/quantities.yaml`;
- subject: the actor the figure is about: the owner of the counted noun
  ("Iran's population", "members of X", "X fighters", "people from X"),
  else the subject of a verb of having ("the group had 100 channels", "they
  have 15,000 supporters" with "they" resolved), else the group the
  figure's speaker speaks for ("according to the founder of the group ...");
- attribution: `attribute.attribute()` on the figure.

Skipped: dates and years, ages and durations ("two years", "25-year-old"),
ordinals, numbers inside names, figures with nothing counted, and the
furniture and author bios.
"""
from __future__ import annotations

import re
from functools import lru_cache

from actorgraph.extract.rules_en.claims.attribute import attribute, speaks_for
from actorgraph.extract.rules_en.claims.dates import document_expressions, overlaps_none
from actorgraph.extract.rules_en.claims.numbers import cues, number_phrases, parse_number
from actorgraph.extract.rules_en.nlp import columns, doc_text
from actorgraph.extract.rules_en.reference.refer import Referents
from actorgraph.extract.rules_en.ruledata import words
from actorgraph.knowledge.wordlists import WORDS
from actorgraph.model import Mention, QuantityFact, Sentence

PEOPLE_UNITS = words("claims", "people_units")   # counts of a group's people
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


# -- what is counted -------------------------------------------------------------

def unit_of(tok) -> str | None:
    """The unit a counted noun gives, or None when it counts time, age or distance."""
    c = cues()
    text = tok.text.translate(APOSTROPHES).lower()
    lemma = tok.lemma_.translate(APOSTROPHES).lower()
    if text in c["non_units"] or lemma in c["non_units"] or "year-old" in text:
        return None
    if text in c["population_words"] or lemma in c["population_words"]:
        return "population"
    if text in c["people_words"] or lemma in c["people_words"] or tok.ent_type_ == "NORP" \
            or text in WORDS["groups_of_people"] or (tok.tag_ in ("NNS", "NNPS")
                                                   and tok.text[:1].isupper()):
        return "people"
    if tok.tag_ in ("NNS", "NNPS") or text.endswith("s"):
        return text
    return re.sub(r"y$", "ie", lemma) + "s" if not lemma.endswith("s") else lemma


def _counted(doc, first: int, last: int):
    """(counted noun token, partitive object token or None, unit) for the number at
    doc[first:last+1]; (None, None, None) when it counts nothing."""
    c = cues()
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    if nxt is not None and (nxt.text in c["percent_words"] or
                            doc[last + 1:last + 3].text.lower() in c["percent_words"]):
        return nxt, None, "percent"
    prev = doc[first - 1] if first > 0 else None
    if prev is not None and prev.text.lower() in c["money_words"]:
        return prev, None, c["money_words"][prev.text.lower()]
    if nxt is not None and nxt.lower_ in c["money_words"]:
        return nxt, None, c["money_words"][nxt.lower_]
    if nxt is not None and nxt.lower_ == "of":          # "six of them", "15,000 of its members"
        obj = next((t for t in nxt.children if t.dep_ == "pobj"), None)
        if obj is not None and obj.tag_ == "PRP":
            return obj, obj, "people"
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            unit = unit_of(obj)
            return obj, obj, "people" if unit == "population" else unit
    head = doc[last]
    if head.dep_ in ("nummod", "quantmod", "compound") and head.head.i > last \
            and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head, None, unit_of(head.head)
    if nxt is not None and nxt.pos_ == "ADJ" and nxt.lower_ in c["people_words"]:
        return nxt, None, "people"                      # "reported 133 dead"
    if nxt is not None and nxt.pos_ in ("ADJ", "VERB") and nxt.lower_ in c["casualty_words"] \
            and not (last + 2 < len(doc) and doc[last + 2].pos_ in ("NOUN", "PROPN")):
        return nxt, None, "people"                      # "two dead and seven wounded"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and \
            unit_of(head.head.head) == "population":          # "population of 88 million"
        return head.head.head, None, "population"
    for tok in doc[last + 1:last + 6]:         # next noun, past adjectives ("explosive-laden")
        if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS"):
            return tok, None, unit_of(tok)
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN", "PUNCT") or tok.text in (",", ";"):
            break
    return _figure_before(doc, first)


def _measured(noun) -> str | None:
    """The unit of time a number of which measures the noun it modifies ("a 12-year
    sentence", "three days of mourning", "a nine-day search"), else None."""
    lemma = noun.lemma_.lower()
    if lemma not in cues()["duration_words"]:
        return None
    if noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ == "NOUN" \
            and noun.head.i > noun.i:
        return lemma + "s"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                g.dep_ == "pobj" and g.pos_ == "NOUN" for g in child.children):
            return lemma + "s"
    if noun.dep_ == "pobj" and noun.head.lower_ in ("to", "for") \
            and noun.head.head.lemma_.lower() in cues()["sentencing_verbs"]:
        return lemma + "s"                        # "sentenced to 14 years"
    return None


def _times(span) -> dict[tuple[int, int], float]:
    """"at least twice": the adverbs that count times, with their value."""
    out = {}
    multiplicatives = cues()["multiplicatives"]
    low = columns(span.doc).lower
    for i in range(span.start, span.end):
        value = multiplicatives.get(low[i])
        if not value or value <= 1:
            continue
        tok = span.doc[i]
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if tok.pos_ in ("ADV", "DET") and not (                          # not "twice as
                nxt is not None and nxt.lower_ in ("as", "the", "more", "that", "a", "an",
                                                   "per", "its", "their", "his", "her")):
            out[(tok.i, tok.i)] = float(value)
    return out


def _single_casualties(span) -> dict[tuple[int, int], object]:
    """The words that make one casualty a count: "a sailor was killed", "killed one of its
    commanders", "one contractor killed", "one officer wounded"; (first, last) -> the
    patient noun, or None when the number itself is it ("one of ...")."""
    c = cues()
    cols = columns(span.doc)
    out: dict[tuple[int, int], object] = {}
    for i in range(span.start, span.end):
        if cols.pos[i] != "VERB" or cols.lemma[i] not in c["casualty_verbs"]:
            continue
        verb = span.doc[i]
        patients = [ch for ch in verb.children if ch.dep_ in ("nsubjpass", "dobj")]
        if verb.tag_ == "VBN" and not any(ch.dep_ in ("aux", "auxpass") for ch in verb.children):
            if verb.dep_ == "acl":                        # "one contractor killed"
                patients.append(verb.head)
            patients += [ch for ch in verb.children if ch.dep_ == "nsubj"]
        patients += [cj for p in patients for cj in p.conjuncts]
        for p in patients:
            if p.lower_ in c["single_words"] and p.tag_ == "CD":
                out[(p.i, p.i)] = None
                continue
            for d in p.children:
                if d.dep_ in ("det", "nummod", "amod") and d.lower_ in c["single_words"] \
                        and d.i < p.i:
                    out[(d.i, d.i)] = p
    return out


def measure_of(word: str) -> str | None:
    """'dead' or 'wounded' for a word of the dead or of the wounded, else None."""
    for measure, said in cues()["measures"].items():
        if word.lower() in said:
            return measure
    return None


_RANGE_PREPS = ("from", "to", "between")


def _range_subject(node):
    """The figure noun of "estimates of the dead ranged from X to Y" for X or Y, else None."""
    prep = node.head if node.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in _RANGE_PREPS:
        return None
    verb = next((a for a in list(prep.ancestors)[:4]        # "to" hung on "from" or on a
                 if a.lemma_.lower() in cues()["range_verbs"]), None)   # clause in between
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.lemma_.lower() in cues()["figure_nouns"] else None


def _measure(doc, last: int, noun) -> str | None:
    """What a count of casualties measures: the dead ("two dead", "30 deaths", "killed one
    of", "12 people died", "14 civilians were killed") or the wounded; None for other counts."""
    for node in dict.fromkeys(n for n in (noun, doc[last]) if n is not None):
        measure = _measure_at(node)
        if measure:
            return measure
    return None


def _measure_at(node) -> str | None:
    measure = measure_of(node.lower_) if node.pos_ in ("NOUN", "ADJ", "VERB") else None
    if measure:
        return measure
    for child in node.children:               # "one contractor killed"
        if child.dep_ == "acl" and child.tag_ == "VBN" and (m := measure_of(child.lemma_)):
            return m
    head = node.head
    if head.tag_ == "VB" or any(c.tag_ == "MD" for c in head.children):
        return None                               # "to kill 300", "would kill 40": not done
    if node.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() \
            not in ("die", "perish") and (m := measure_of(head.lemma_)):
        return m
    if node.dep_ == "nsubj" and head.lemma_.lower() in ("die", "perish"):
        return "dead"
    figure = _range_subject(node)
    if figure is not None:
        of = next((c for c in figure.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return measure_of(obj.lower_) if obj is not None else None
    return None


def _range_singles(span) -> dict[tuple[int, int], object]:
    """"estimates of the dead ranged from the single guard X acknowledged to ...": the one
    at an end of a range of estimates is a count of one."""
    out: dict[tuple[int, int], object] = {}
    cols = columns(span.doc)
    for i in range(span.start, span.end):
        if cols.dep[i] != "pobj" or cols.lower[cols.head[i]] not in _RANGE_PREPS:
            continue                # (what `_range_subject` asks first, read without a token)
        tok = span.doc[i]
        if _range_subject(tok) is not None:
            for d in tok.children:
                if d.dep_ in ("det", "nummod", "amod") and d.lower_ in cues()["single_words"] \
                        and d.i < tok.i and d.lower_ not in ("a", "an"):
                    out[(d.i, d.i)] = tok
    return out


def _figure_before(doc, first: int):
    """A bare number that gives the value of a figure named before it in the sentence:
    "put the number of wounded at more than 40" counts the wounded."""
    sent = doc[first].sent
    for tok in reversed(doc[sent.start:first]):
        if tok.lemma_.lower() in cues()["figure_nouns"] and tok.pos_ == "NOUN":
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "ADJ"):
                return obj, None, unit_of(obj) if obj.pos_ != "ADJ" else "people"
            return tok, None, "unspecified"
    before = doc_text(doc)[max(sent.start_char, doc[first].idx - 12):doc[first].idx].lower()
    if before.endswith(("as many as ", "as few as ")):   # "have spoken of as many as 20,000"
        return doc[first], None, "unspecified"
    return None, None, None


@lru_cache(maxsize=1)
def _qualifiers_before() -> list[tuple[str, re.Pattern]]:
    """Each qualifier written before a number, longest first, with the pattern that finds
    it at the end of the words before the number (compiled once, not per number)."""
    return [(phrase, re.compile(rf"(?:^|(?<=\W)){re.escape(phrase)}\s*$"))
            for phrase in sorted(cues()["qualifiers"], key=len, reverse=True)]


def _qualifier(doc, first: int, last: int, sent_start: int) -> tuple[str | None, int]:
    """The qualifier written before (or after) the number, and where the expression starts."""
    c = cues()
    start = doc[first].idx
    before = doc_text(doc)[doc[max(sent_start, first - 4)].idx:start].lower()
    for phrase, rx in _qualifiers_before():
        m = rx.search(before)
        if m:
            return c["qualifiers"][phrase], start - len(before) + m.start()
    after = doc_text(doc)[doc[last].idx + len(doc[last]):doc[last].idx + len(doc[last]) + 12].lower()
    for phrase, norm in c["qualifiers_after"].items():
        if after.startswith(phrase) or after.startswith(" " + phrase):
            return norm, start
    return None, start


# -- whom it is about --------------------------------------------------------------

def _owner(ref: Referents, noun) -> str | None:
    """Who owns a counted noun: "Iran's population", "members of X", "X fighters",
    "people from X"."""
    key = ref.modifier_key(noun)
    if key:
        return key
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":   # "50% of Tehran's trade"
            obj = next((t for t in child.children if t.dep_ == "pobj"), None)
            key = ref.modifier_key(obj) if obj is not None and obj.tag_ != "PRP" else None
            if key:
                return key
        if child.dep_ == "prep" and child.lower_ == "from":
            obj = next((t for t in child.children if t.dep_ == "pobj"), None)
            if obj is not None and (m := ref.at(obj)) is not None:
                return m.key
    return None


def _subject(ref: Referents, doc, first: int, last: int, noun, partitive) -> str | None:
    if partitive is not None:
        key = ref.key_of(partitive)
        if key or partitive.tag_ == "PRP":
            return key or _owner(ref, partitive)
    for tok in (noun, doc[last]):
        if tok is not None:
            key = _owner(ref, tok) if tok.i != doc[last].i or noun is None else None
            if key:
                return key
    node = noun if noun is not None else doc[last]
    if partitive is not None:
        node = doc[last]
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.i != node.head.i:
        node = node.head.head                             # "a base of 15,000 supporters"
        key = _owner(ref, node)
        if key:
            return key
    verb = node.head
    while verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and verb.head.i != verb.i \
            and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    if node.dep_ in ("dobj", "attr") and verb.lemma_.lower() in cues()["possession_verbs"]:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        while subj is None and verb.dep_ == "xcomp":      # "X is believed to have ..."
            verb = verb.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.tag_ in ("WDT", "WP") and subj.head.dep_ == "relcl":
            named = ref.named_by(subj.head.head)          # "X, which has 2,500 troops"
            return named.key if named is not None else None
        if subj is not None:
            return ref.key_of(subj) or _owner(ref, subj)
    return None


SOFT_LABELS = ("DATE", "TIME")     # spaCy's dates swallow "three days", "3 March two boats"


def _what_counts(doc, first: int, last: int, singles: dict, before: str | None):
    """(noun, partitive, unit, timed) for the number at doc[first:last+1], or None when it
    counts nothing. `before` is the unit of the sentence's figure before it, which "two
    more" counts; `timed` is whether the unit is one of time ("a 12-year sentence")."""
    c = cues()
    if (first, last) in singles and singles[(first, last)] is not None:
        noun = singles[(first, last)]
        return noun, None, unit_of(noun), False
    noun, partitive, unit = _counted(doc, first, last)
    if unit is None and noun is not None and (timed := _measured(noun)):
        return noun, None, timed, True
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    if unit is None and before and nxt is not None and nxt.lower_ in c["ellipsis_words"]:
        return None, None, before, False
    return (noun, partitive, unit, False) if unit is not None else None


def find_quantities(doc, sentences: list[Sentence], mentions: list[Mention]) -> list[QuantityFact]:
    """Every figure the body sentences give about something counted, in text order."""
    c = cues()
    ref = Referents(doc, mentions)
    dates = [(f.start, f.end) for f in document_expressions(doc) if f.kind != "parser"]
    # (in text order and overlapping none of each other, so each figure is tested against
    # them by an index, not by a scan of every date of the document)
    hard = set(c["skip_entity_labels"]) - set(SOFT_LABELS)
    out: list[QuantityFact] = []
    for sentence in sentences:
        if sentence.kind != "body":
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        singles = _single_casualties(span) | _range_singles(span)
        times = _times(span)
        before: str | None = None
        for first, last in sorted(set(number_phrases(span)) | set(singles) | set(times)):
            if (first, last) in times:
                out.append(_fact(doc, ref, mentions, (sentence, span.start), first, last,
                                 times[(first, last)], (None, None, "times", False)))
                continue
            toks = doc[first:last + 1]
            if any(t.ent_type_ in hard or ref.at(t) is not None for t in toks) \
                    or not overlaps_none(dates, toks.start_char, toks.end_char):
                continue
            value = 1.0 if (first, last) in singles else parse_number([t.text for t in toks])
            if value is None or (value <= 1 and not toks.text[:1].isdigit()
                                 and (first, last) not in singles):
                continue
            if first > 0 and doc[first - 1].text in ("[", "#", "No.", "no."):
                continue                                  # a footnote, a list or a number label
            if first == span.start and last + 1 < len(doc) and doc[last + 1].text in (".", ")"):
                continue
            counted = _what_counts(doc, first, last, singles, before)
            if counted is None:
                continue
            noun, partitive, unit, timed = counted
            if any(t.ent_type_ in SOFT_LABELS for t in toks) and not timed and (
                    noun is None or noun.ent_type_ in SOFT_LABELS):
                continue                                  # a date, not a count
            before = unit
            out.append(_fact(doc, ref, mentions, (sentence, span.start), first, last, value,
                             counted))
    return out


def _fact(doc, ref: Referents, mentions: list[Mention], where: tuple[Sentence, int],
          first: int, last: int, value: float, counted) -> QuantityFact:
    """The quantity fact of a number and what it counts; `where` is its sentence and the
    sentence's first token."""
    sentence, sent_start = where
    noun, partitive, unit, _ = counted
    toks = doc[first:last + 1]
    if partitive is not None and partitive.tag_ == "PRP":
        key = ref.key_of(partitive)
        unit = "members" if key and key.startswith("organization") else "people"
    qualifier, start = _qualifier(doc, first, last, sent_start)
    start = min(start, noun.idx) if noun is not None else start       # "$5 million"
    end = max(toks.end_char, noun.idx + len(noun) if noun is not None else 0)
    attribution = attribute(doc, (toks.start_char, end), mentions, referents=ref)
    subject = _subject(ref, doc, first, last, noun, partitive)
    if subject is None and unit in PEOPLE_UNITS:
        subject = speaks_for(doc, (toks.start_char, end), mentions, referents=ref)
    return QuantityFact(value=value, unit=unit, sentence=sentence.index, start=start,
                        end=end, text=doc_text(doc)[start:end], qualifier=qualifier,
                        subject=subject, attribution=attribution,
                        measure=_measure(doc, last, noun))
