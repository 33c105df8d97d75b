"""Type each recognised name: person, organization, country, place.

Each mention collects weighted votes from named rules (the table RULES), and
every vote keeps the rule's name as its reason. The lexicon decides outright
when it knows the name; otherwise votes are summed over all mentions of the
name in the document here, and again over the whole store by the resolve
stage, so one clear context ("the group X", "X militants", "Gen. X") outweighs
the small model's guesses elsewhere.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import NameTypeTag, analyze_names
from spacy.tokens import Doc, Span

from actorgraph.extract.rules_en.names.recognise import Candidate
from actorgraph.knowledge.kinds import Votes
from actorgraph.knowledge.lexicon import Lexicon
from actorgraph.knowledge.names import fold
from actorgraph.knowledge.wordlists import WORDS


@dataclass(frozen=True)
class Rule:
    name: str
    weight: float
    func: Callable[[Doc, Candidate, Lexicon], str | None]


def _spacy_label(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    label = c.label.split(":")[-1]
    if label == "GPE":
        entry = lex.lookup(c.span(doc).text)
        if entry is None:
            return "place?"  # not a country nor a known place: a weak guess, see mention_votes
        return "country" if entry.type == "country" else "place"
    return {"PERSON": "person", "ORG": "organization", "LOC": "place", "FAC": "place"}.get(label)


def _title(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    return "person" if c.titles else None


def _org_head(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    return "organization" if any(t.text in WORDS["org_heads"] for t in c.span(doc)) else None


def _led(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """'the US-led coalition': a group named by who leads it."""
    return "organization" if c.label == "LED" else None


def _group_word(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """'Liwa X', 'Kata'ib X', 'Saraya X': a name headed by an Arabic, Persian or Urdu
    noun for an armed group (wordlists `group_words`) is an organisation."""
    return "organization" if fold(doc[c.start].text) in WORDS["group_words"] else None


def _follower(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """'X militants', 'X's leader', 'X cells': a name that owns members is an organisation."""
    i = c.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    if i < len(doc) and doc[i].lower_ in WORDS["org_followers"]:
        return "organization"
    return None


def _group_noun(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """'the group X', 'the X group', 'X, a militia', 'X is an armed group'."""
    span = c.span(doc)
    before = doc[max(0, c.start - 2):c.start]
    if any(t.lower_ in WORDS["org_nouns"] for t in before) and c.start > 0 \
            and doc[c.start - 1].lower_ in WORDS["org_nouns"] | {"the"}:
        if doc[c.start - 1].lower_ in WORDS["org_nouns"]:
            return "organization"
    head = span.root
    partners = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        partners.append(head.head)
    for noun in partners:
        lemma = noun.lemma_.lower()
        if lemma in WORDS["org_nouns"]:
            # "the founder of the group, X": the apposition hangs on the wrong noun
            if noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in WORDS["person_nouns"]:
                return "person"
            return "organization"
        if lemma in WORDS["person_nouns"]:
            return "person"
        if lemma in WORDS["place_nouns"]:
            return "place"
    return None


def _noun_kind(token) -> str | None:
    lemma = token.lemma_.lower()
    for kind, key in (("person", "person_nouns"), ("organization", "org_nouns"),
                      ("place", "place_nouns")):
        if lemma in WORDS[key]:
            return kind
    return None


def _noun_before(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """'his close associate X', 'the cleric X', 'the group X': a common noun names the kind."""
    if c.start > 0 and doc[c.start - 1].pos_ == "NOUN":
        return _noun_kind(doc[c.start - 1])
    return None


def _noun_after(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """'the Samur river', 'the Kavir news agency', 'Khabat district': a name that
    modifies a common noun (through at most one more noun) is of that noun's kind."""
    root = c.span(doc).root
    head = root.head
    for _ in range(2):
        if root.dep_ != "compound" or head.i < c.end or head.pos_ != "NOUN":
            return None
        if any(t.lower_ in WORDS["media_modifiers"] for t in doc[c.end:head.i + 1]):
            return "organization"     # "the Ynet news site", "a Kavir media outlet"
        kind = _noun_kind(head)
        if kind == "person":
            return None       # "the Hawler rocket suspect": a name that qualifies a person
        if kind is not None:
            return kind
        root, head = head, head.head
    return None


def _copula(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """'X is a senior member', 'His aide is X': the predicate noun names the kind."""
    root = c.span(doc).root
    head = root.head
    if head.lemma_ != "be":
        return None
    if root.dep_ == "nsubj":
        others = [t for t in head.children if t.dep_ == "attr"]
    elif root.dep_ == "attr":
        others = [t for t in head.children if t.dep_ == "nsubj"]
    else:
        return None
    for t in others:
        kind = _noun_kind(t)
        if kind:
            return kind
    return None


def _place_of(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """'the city of X', 'X province', 'the X Hotel', 'the X shopping mall', 'near X'."""
    if c.start >= 2 and doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in \
            WORDS["place_nouns"]:
        return "place"
    if c.end < len(doc) and doc[c.end].lower_ in ("province", "governorate", "district"):
        return "place"
    if doc[c.end - 1].lower_ in WORDS["facility_heads"]:
        return "place"
    after = [t.lower_ for t in doc[c.end:c.end + 2]]
    if after and (after[0] in WORDS["facility_heads"] or after[0] in WORDS["place_nouns"]
                  or after[-1] in WORDS["facility_heads"] and doc[c.end].pos_ != "VERB"):
        return "place"
    if c.start >= 1 and doc[c.start - 1].lower_ in ("near", "outside", "around", "across") \
            and doc[c.start - 1].pos_ == "ADP":
        return "place"
    return None


def _plural_agreement(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """'the X have', 'the X are': a plural proper name with a determiner is a group."""
    span = c.span(doc)
    root = span.root
    if c.start > 0 and doc[c.start - 1].lower_ == "the" and root.dep_ == "nsubj" \
            and root.head.tag_ in ("VBP",) and len(span) == 1:
        return "organization"
    return None


def _person_name(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """A multi-word name whose words are all known personal names (rigour's name data)."""
    words = [t.text for t in c.span(doc) if t.is_alpha]
    if len(words) < 2 or len(words) > 4 or c.label.split(":")[-1] in ("LOC", "FAC"):
        return None
    if any(w.lower() in WORDS["geo_words"] or w in WORDS["org_heads"] for w in words):
        return None
    return "person" if _all_personal_names(" ".join(words)) else None


@lru_cache(maxsize=20000)
def _all_personal_names(text: str) -> bool:
    """All words but one are personal names known to rigour's name data."""
    for name in analyze_names(NameTypeTag.PER, [text]):
        tagged = {s.comparable for s in name.spans if str(s.symbol).startswith("[NAME")}
        if sum(1 for p in name.parts if p.comparable in tagged) >= len(name.parts) - 1:
            return True
    return False


def _coordination(root) -> list:
    """The other members of the coordination `root` is in ('A, B and C')."""
    top = root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    members, todo = [], [top]
    while todo:
        t = todo.pop()
        members.append(t)
        todo.extend(x for x in t.children if x.dep_ == "conj")
    return [t for t in members if t.i != root.i]


def _listed_with(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """'the Fatemiyoun, the Zainabiyoun and the X': listed with names the lexicon knows,
    all of one type, a name is likely of that type too."""
    root = c.span(doc).root
    if root.pos_ != "PROPN":
        return None
    types = set()
    for t in _coordination(root):
        if t.pos_ != "PROPN":
            return None
        words = [x for x in t.lefts if x.dep_ == "compound" and x.pos_ == "PROPN"]
        start = words[0].i if words else t.i
        entry = lex.lookup(doc[start:t.i + 1].text)
        if entry is not None:
            types.add(entry.type)
    return types.pop() if len(types) == 1 else None


def _speaker(doc: Doc, c: Candidate, lex: Lexicon) -> str | None:
    """Subject of a verb of saying, with a personal pronoun nearby ('he', 'his')."""
    root = c.span(doc).root
    if root.dep_ == "nsubj" and root.head.lemma_ in WORDS["speech_verbs"]:
        sent = root.sent
        if any(t.lower_ in ("he", "his", "him", "she", "her") for t in sent):
            return "person"
    return None


RULES: tuple[Rule, ...] = (
    Rule("spacy_label", 1.0, _spacy_label),
    Rule("title_before", 3.0, _title),
    Rule("org_head_word", 3.0, _org_head),
    Rule("group_word_first", 4.0, _group_word),
    Rule("led_group", 4.0, _led),
    Rule("member_noun_after", 2.0, _follower),
    Rule("apposition_noun", 2.5, _group_noun),
    Rule("noun_before", 2.0, _noun_before),
    Rule("noun_after", 2.5, _noun_after),
    Rule("copula_noun", 2.0, _copula),
    Rule("place_phrase", 2.5, _place_of),
    Rule("plural_verb", 1.0, _plural_agreement),
    Rule("personal_name_words", 1.5, _person_name),
    Rule("speaker_with_pronoun", 0.5, _speaker),
    Rule("listed_with_known", 2.0, _listed_with),
)


def mention_votes(doc: Doc, cand: Candidate, lex: Lexicon) -> tuple[Votes, list[str]]:
    """The weighted type votes of one mention, with the names of the rules that gave them."""
    votes: Votes = defaultdict(float)
    reasons = []
    entry = lex.lookup(cand.span(doc).text)
    if entry is not None:
        votes[entry.type] += 20.0
        reasons.append(f"lexicon:{entry.source}")
    elif cand.label != "PROPN" or len(cand.span(doc)) > 1:
        near = lex.lookup_near(cand.span(doc).text)
        if near is not None:
            votes[near.type] += 10.0
            reasons.append(f"lexicon_near:{near.source}")
    for rule in RULES:
        t = rule.func(doc, cand, lex)
        if t:
            weight = rule.weight
            if t.endswith("?"):
                t, weight = t[:-1], weight / 2
            votes[t] += weight
            reasons.append(f"{rule.name}:{t}")
    return dict(votes), reasons


def context_kind(doc: Doc, cand: Candidate) -> str | None:
    """An organisation kind the context gives: "X militants", "X, an armed group"; a
    group named by who leads it ("the US-led coalition") is a coalition."""
    if cand.label == "LED":
        return "coalition"
    i = cand.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    words = [doc[i].lower_] if i < len(doc) else []
    root = cand.span(doc).root
    words += [c.lower_ for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "nsubj":
        words += [c.lower_ for c in root.head.children if c.dep_ == "attr"]
    for kind, cues in WORDS["kind_cues"].items():
        if any(w in cues for w in words):
            return kind
    return None


def span_text(span: Span) -> str:
    return span.text
