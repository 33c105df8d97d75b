"""Capitals standing for their states ("Baku requested that Tehran extradite ...").

A capital that acts — subject of a verb, owner of interests, the one fought
against or dealt with — refers to its country; a capital where something
happens ("targets in Baku") stays the city. The mention is linked to the
country, but the capital's name is not recorded as one of the country's names.
"""
from __future__ import annotations

from spacy.tokens import Span

from actorgraph.extract.rules_en.ruledata import words
from actorgraph.knowledge.lexicon import Lexicon
from actorgraph.knowledge.wordlists import WORDS

AGENT_DEPS = {"nsubj", "nsubjpass", "agent", "dative"}
AGENT_PREPS = words("names", "agent_preps")
PLACE_NOUNS = words("names", "place_nouns")


def _role_token(span: Span):
    root = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return root


def acts_as_state(span: Span) -> bool:
    """True when the capital's syntax makes it an actor rather than a location."""
    root = _role_token(span)
    if root.dep_ in AGENT_DEPS:
        return True
    if any(c.tag_ == "POS" for c in root.children) and root.dep_ in ("pobj", "dobj", "conj"):
        return True  # "differed from Washington's": the state's account
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in WORDS["dealing_verbs"]
    if root.dep_ == "poss":
        return root.head.lower_ not in PLACE_NOUNS
    if root.dep_ == "pobj":
        prep = root.head.lower_
        if prep == "of":
            return root.head.head.lemma_.lower() in WORDS["political_nouns"]
        return prep in AGENT_PREPS
    return False


def state_of(span: Span, lex: Lexicon) -> str | None:
    """The country a capital stands for in this sentence, or None when it is the city."""
    entry = lex.lookup(span.text)
    if entry is None or not entry.capital_of or entry.type == "country":
        return None
    country = lex.country_by_code.get(entry.capital_of)
    if country and acts_as_state(span):
        return country
    return None
