"""What the English rules compute once per document, and the indexes they look up
instead of scanning, give what the scans gave."""
from __future__ import annotations

import gc
import hashlib
import random
import re

from actorgraph.extract import organs
from actorgraph.extract.rules_en import pipeline
from actorgraph.extract.rules_en.claims import dates
from actorgraph.model import CleanDocument, DocumentMeta, LoadedDocument, Segment

TEXT = ("TBILISI (Agency) - The Interior Ministry said on 12 March 2015 that 40 fighters had "
        "been detained. The Interior Ministry said in April 2016 that 12 more were held. "
        "A spokesman for the Interior Ministry said on Monday that two men had been freed.")


def _extract(text: str):
    loaded = LoadedDocument("t.txt", "text/plain", text.encode(), text,
                            DocumentMeta(published="2021-05-04", language="en"),
                            hashlib.sha256(text.encode()).hexdigest())
    return pipeline.extract(CleanDocument(loaded, (Segment(0, len(text), "body"),)))


def test_the_temporal_expressions_are_found_once_for_dates_and_counts(monkeypatch):
    calls = []
    patterns = dates.patterns

    def counted():
        calls.append(1)
        return patterns()

    monkeypatch.setattr(dates, "patterns", counted)    # read by every pass of the patterns
    x = _extract(TEXT)
    assert x.quantities and not x.problems      # dates and counts both ran and read them
    assert len(calls) == 1


def test_the_index_of_kept_spans_keeps_what_testing_every_span_kept():
    rng = random.Random(7)
    for _ in range(300):
        spans = [(s, s + rng.randint(0, 6)) for s in (rng.randint(0, 60) for _ in range(40))]
        naive: list[tuple[int, int]] = []
        taken: list[tuple[int, int]] = []
        indexed = []
        for s, e in spans:
            if all(e <= ks or s >= ke for ks, ke in naive):
                naive.append((s, e))
            if dates.overlaps_none(taken, s, e):
                indexed.append((s, e))
                taken.append((s, e))
                taken.sort()
        assert indexed == naive


def test_the_look_aheads_of_the_date_patterns_change_no_match():
    """Each pattern finds the same spans and groups as it does without its look-aheads
    for the first letters of its cue words, and with its possessive quantifiers made
    plain (both set there only for speed)."""
    text = ("On Monday, March 3, 2015, and again on 4 April 2016 the group struck; in late "
            "April, at the END OF MAY 2019, in Sept. and on SEPT. 4 it met. The following "
            "year, earlier This Year and three years ago, in the summer of 2019 and mid-2020, "
            "the month before, that night, may march, a few weeks later, in recent years. "
            "\u017fept. 9, 2014 and \u212aarch are not months. On Tuesday 5 June, 7th of "
            "July 2018 and \u0663 May; in Winter 2017, the spring of 2016, late 2015; Several "
            "Months Later, a couple of days before, days after, 3 weeks ago, an hour ago, "
            "two\u00a0days earlier, x2 years later, year-long days on.")
    found = 0
    for name, rx in dates.patterns():
        found += len(list(rx.finditer(text)))
        plain = re.compile(re.sub(r"\(\?=\[[^\]]+\]\)", "", rx.pattern).replace("++", "+"),
                           rx.flags)          # "\w++": a word taken whole, as "\w+" would be
        assert [(m.span(), m.groupdict()) for m in rx.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)], name
    assert found >= 30


def test_each_form_of_a_state_organ_is_read_once_per_document(monkeypatch):
    calls: list[str] = []
    read = organs.read_organ

    def counted(name, lex, state_of=None):
        calls.append(name)
        return read(name, lex, state_of)

    monkeypatch.setattr(organs, "read_organ", counted)
    x = _extract(TEXT)
    ministry = [m for m in x.mentions if m.text == "Interior Ministry"]
    assert len(ministry) == 3
    assert {m.name for m in ministry} == {"Ministry of Internal Affairs of Georgia"}
    assert "Interior Ministry" in calls and len(calls) == len(set(calls))


def test_the_dateparser_is_ready_once_loaded():
    dates._dateparser.cache_clear()
    dates.load_dateparser()
    assert dates._dateparser.cache_info().currsize == 1


def test_each_word_is_tested_as_a_number_once():
    from actorgraph.extract.rules_en.claims import numbers
    from actorgraph.extract.rules_en.nlp import load_nlp

    doc = load_nlp()("Two hundred fighters and two hundred and fifty civilians left; "
                     "two hundred stayed.")
    numbers._number_word.cache_clear()
    runs = numbers.number_phrases(doc[:])
    assert [doc[a:b + 1].text for a, b in runs] == \
        ["Two hundred", "two hundred and fifty", "two hundred"]
    info = numbers._number_word.cache_info()
    assert info.misses == len({t.lower_ for t in doc}) and info.hits > 0   # each word once


def test_the_collector_is_paused_only_while_a_document_is_read(monkeypatch):
    seen = []
    run = pipeline._run_stages

    def watched(state, skip):
        seen.append(gc.isenabled())
        return run(state, skip)

    monkeypatch.setattr(pipeline, "_run_stages", watched)
    assert gc.isenabled()
    _extract(TEXT)
    assert seen == [False] and gc.isenabled()
    gc.disable()                    # a caller's own pause is left as it was
    try:
        _extract(TEXT)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_candidate_makes_its_span_once_per_document_and_extent():
    from actorgraph.extract.rules_en.names.recognise import Candidate
    from actorgraph.extract.rules_en.nlp import load_nlp

    nlp = load_nlp()
    doc, other = nlp("The Northern Brigade left Kalvar."), nlp("The Northern Brigade left.")
    cand = Candidate(1, 3, "ORG")
    span = cand.span(doc)
    assert span.text == "Northern Brigade" and cand.span(doc) is span
    assert cand.span(other).doc is other and cand.span(other).text == "Northern Brigade"
    cand.end = 2
    assert cand.span(other).text == "Northern"
    assert cand == Candidate(1, 2, "ORG")       # the span made is no part of equality


def test_the_tokens_of_a_sentence_are_listed_once_and_given_as_a_new_list():
    from actorgraph.extract.rules_en.nlp import load_nlp
    from actorgraph.extract.rules_en.reference.arguments import Context
    from actorgraph.model import Sentence

    doc = load_nlp()("The brigade left. It came back on Monday.")
    ctx = Context(doc, [Sentence(0, 0, 17, "body"), Sentence(1, 18, 41, "body")], [])
    first = ctx.sentence_tokens(1)
    assert [t.text for t in first] == ["It", "came", "back", "on", "Monday", "."]
    first.clear()
    assert [t.i for t in ctx.sentence_tokens(1)] == [4, 5, 6, 7, 8, 9]


def test_the_columns_of_a_parse_give_what_its_tokens_give():
    from actorgraph.extract.rules_en.nlp import columns, load_nlp

    doc = load_nlp()("The Kata'ib Hezbollah commander, Abu Fadak al-Muhammadawi, said on "
                     "Monday that two fighters were lightly wounded.\n\nIran's IRGC denied "
                     "it - a \u201cfabricated\u201d story - and 1,500 more left.")
    cols = columns(doc)
    assert columns(doc) is cols                                       # read once
    assert [(cols.lower[t.i], cols.lemma[t.i], cols.pos[t.i], cols.tag[t.i], cols.dep[t.i],
             cols.text[t.i], cols.head[t.i], cols.title[t.i], cols.upper[t.i]) for t in doc] == \
        [(t.lower_, t.lemma_.lower(), t.pos_, t.tag_, t.dep_, t.text, t.head.i, t.is_title,
          t.is_upper) for t in doc]
    assert columns(load_nlp()("")) == ([],) * 9


def test_a_sentences_range_holds_the_indices_of_its_tokens():
    from actorgraph.extract.rules_en.reference.arguments import Context
    from tests.extract.helpers import parsed

    state = parsed(TEXT)
    ctx = Context(state.parsed, state.sentences, state.mentions)
    for s in state.sentences:
        assert list(ctx.sentence_range(s.index)) == [t.i for t in ctx.sentence_tokens(s.index)]


def test_a_fresh_reader_answers_as_a_new_one_whatever_the_first_was_asked():
    """`Document.fresh` shares the index of tokens and names, not the references resolved:
    after one reader resolved the pronouns backwards, a fresh copy of it resolves them as
    a reader built anew does."""
    from actorgraph.extract.rules_en.reference.arguments import Context
    from tests.extract.helpers import parsed

    state = parsed("The Korvan Front said it had attacked the base. Its leader, Aram Zev, "
                   "said he ordered it. The group denied that they were paid. Later it "
                   "said its fighters had left, and he said they would return.")
    used = Context(state.parsed, state.sentences, state.mentions)
    for t in reversed(state.parsed):
        used.ents(t)
    for s in reversed(state.sentences):
        used.refs(s.index)
    fresh, new = used.fresh(), Context(state.parsed, state.sentences, state.mentions)
    assert fresh._tok_mention is used._tok_mention and not fresh._refs and not fresh._pron
    assert [fresh.ents(t) for t in state.parsed] == [new.ents(t) for t in state.parsed]
    assert [fresh.refs(s.index) for s in state.sentences] == \
        [new.refs(s.index) for s in state.sentences]
