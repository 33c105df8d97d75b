"""TokenMatcher gives spaCy's Matcher's matches, in spaCy's order."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import Matcher

from actorgraph.extract.rules_en.nlp import load_nlp
from actorgraph.extract.rules_en.relations import stage as relations
from actorgraph.extract.rules_en.tokenmatch import TokenMatcher

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

# one-token patterns of several kinds and longer ones that overlap them and each other
PATTERNS = [
    ("VERBISH", [[{"LEMMA": {"IN": ["say", "kill", "attack"]}, "POS": {"IN": ["VERB"]}}],
                 [{"LOWER": {"IN": ["said", "attack"]}}]]),
    ("PAIR", [[{"LOWER": "the"}, {"LOWER": "group"}],
              [{"LOWER": "group"}, {"LOWER": "said"}]]),
    ("NOUNISH", [[{"LOWER": {"IN": ["group", "attack", "the"]}, "POS": {"IN": ["NOUN"]}}]]),
    ("THE", [[{"LOWER": "the"}], [{"TEXT": {"IN": ["The", "group"]}}]]),
    ("TRIPLE", [[{"LOWER": "the"}, {"LOWER": "group"}, {"LOWER": "said"}]]),
    ("HYPHEN", [[{"LOWER": "pro"}, {"TEXT": {"IN": ["-", "\u2010"]}}, {"LOWER": "iranian"}]]),
]
TEXT = ("The group said the attack was over. The group said that the group attacked. "
        "A pro-Iranian militia said the group had been attacked; the Group said so.")


def _both(patterns) -> tuple[Matcher, TokenMatcher]:
    nlp = load_nlp()
    spacy_matcher, ours = Matcher(nlp.vocab), TokenMatcher(nlp.vocab)
    for label, pats in patterns:
        spacy_matcher.add(label, pats)
        ours.add(label, pats)
    return spacy_matcher, ours


def test_same_matches_in_the_same_order_on_overlapping_patterns():
    spacy_matcher, ours = _both(PATTERNS)
    doc = load_nlp()(TEXT)
    expected = spacy_matcher(doc)
    assert {len(m) for m in expected} and len({m[2] - m[1] for m in expected}) > 1
    assert ours(doc) == expected


def test_the_relation_triggers_match_as_spacy_does_on_the_example_reports():
    nlp = load_nlp()
    rules = relations.load_rules()
    ours = relations._matcher(nlp("x"), rules)
    spacy_matcher = Matcher(nlp.vocab)
    original, relations.TokenMatcher = relations.TokenMatcher, Matcher  # the same patterns
    relations._MATCHERS.clear()
    try:
        spacy_matcher = relations._matcher(nlp("x"), rules)
    finally:
        relations.TokenMatcher = original
        relations._MATCHERS.clear()
    assert isinstance(spacy_matcher, Matcher) and isinstance(ours, TokenMatcher)
    for path in sorted(CORPUS.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        assert ours(doc) == spacy_matcher(doc), path.name


def test_unsupported_patterns_are_refused():
    matcher = TokenMatcher(load_nlp().vocab)
    with pytest.raises(ValueError):
        matcher.add("X", [[{"POS": "NOUN"}]])          # nothing to look a token up by
    with pytest.raises(ValueError):
        matcher.add("X", [[{"LOWER": "a", "OP": "?"}, {"LOWER": "b"}]])
    with pytest.raises(ValueError):
        matcher.add("X", [[{"LOWER": {"NOT_IN": ["a"]}}]])


def test_the_event_triggers_match_as_spacy_does_on_the_example_reports():
    from actorgraph.extract.rules_en.events import stage as events

    nlp = load_nlp()
    rules = events.load_rules()
    ours = events._matcher(nlp("x"), rules)
    original, events.TokenMatcher = events.TokenMatcher, Matcher  # the same patterns
    events._MATCHERS.clear()
    try:
        spacy_matcher = events._matcher(nlp("x"), rules)
    finally:
        events.TokenMatcher = original
        events._MATCHERS.clear()
    assert isinstance(spacy_matcher, Matcher) and isinstance(ours, TokenMatcher)
    matched = 0
    for path in sorted(CORPUS.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        expected = spacy_matcher(doc)
        assert ours(doc) == expected, path.name
        matched += len(expected)
    assert matched > 100


class _Counting:
    """A parsed document that counts the tokens asked of it."""

    def __init__(self, doc) -> None:
        self.doc, self.asked = doc, 0

    def __len__(self) -> int:
        return len(self.doc)

    def __getitem__(self, i):
        self.asked += 1
        return self.doc[i]

    def __iter__(self):
        self.asked += len(self.doc)
        return iter(self.doc)

    def has_annotation(self, attr: str) -> bool:
        return self.doc.has_annotation(attr)

    def to_array(self, attrs):
        return self.doc.to_array(attrs)


def test_only_the_tokens_whose_words_a_pattern_has_are_looked_at():
    one_token = [(label, [p for p in pats if len(p) == 1]) for label, pats in PATTERNS]
    spacy_matcher, ours = _both([(label, pats) for label, pats in one_token if pats])
    doc = load_nlp()(TEXT)
    counting = _Counting(doc)
    assert ours(counting) == spacy_matcher(doc)
    words = {"say", "kill", "attack", "said", "group", "the", "The"}
    candidates = [t for t in doc if {t.lemma_, t.lower_, t.text} & words]
    assert counting.asked == len(candidates) < len(doc)


def test_longer_patterns_alone_match_as_spacy_does():
    longer = [(label, [p for p in pats if len(p) > 1]) for label, pats in PATTERNS]
    spacy_matcher, ours = _both([(label, pats) for label, pats in longer if pats])
    doc = load_nlp()(TEXT)
    assert ours(doc) == spacy_matcher(doc) and spacy_matcher(doc)


def test_patterns_added_after_a_match_are_matched_too():
    spacy_matcher, ours = _both(PATTERNS[:2])
    doc = load_nlp()(TEXT)
    assert ours(doc) == spacy_matcher(doc)
    for label, pats in PATTERNS[2:]:
        spacy_matcher.add(label, pats)
        ours.add(label, pats)
    assert ours(doc) == spacy_matcher(doc) and len(ours(doc)) > len(_both(PATTERNS[:2])[1](doc))


def test_longer_patterns_of_words_match_as_spacy_does_on_short_and_repeated_texts():
    """The sequences of words found without spaCy's matcher: at the ends of a text, on a
    text shorter than a pattern, with one pattern the prefix of another, the same label
    twice; and with a longer pattern of another kind added, which spaCy's matcher takes."""
    patterns = [("P", [[{"LOWER": "the"}, {"LOWER": "group"}, {"LOWER": "said"}],
                       [{"LOWER": "the"}, {"LOWER": "group"}],
                       [{"TEXT": {"IN": ["The", "the"]}}, {"LOWER": "group"}]]),
                ("Q", [[{"LOWER": "group"}, {"LOWER": "said"}, {"LOWER": "that"},
                        {"LOWER": "the"}, {"LOWER": "group"}]]),
                ("R", [[{"LOWER": "said"}, {"LOWER": {"IN": ["the", "so"]}}]])]
    nlp = load_nlp()
    texts = ["the group", "group", "", "The group said that the group said so",
             TEXT, " ".join([TEXT] * 3)]
    for extra in ([], [("S", [[{"LOWER": "the"}, {"POS": "NOUN", "LOWER": "group"}]])]):
        spacy_matcher, ours = _both(patterns + extra)
        assert ours._seqs_only == (not extra)
        for text in texts:
            doc = nlp(text)
            assert ours(doc) == spacy_matcher(doc), (text, extra)
