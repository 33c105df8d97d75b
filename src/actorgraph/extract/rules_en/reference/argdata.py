"""The word classes and small records that noun-phrase resolution works with
(`arguments`, `anaphora`, `clauses`): read once from `data/arguments.yaml`."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from actorgraph.extract.rules_en.ruledata import load_data
from actorgraph.extract.rules_en.ruledata import words as word_list
from actorgraph.knowledge.lexicon import normalize_form

SUBJ = {"nsubj", "csubj"}
NOUNISH = {"NOUN", "PROPN", "PRON", "NUM", "X"}
DEFINITE = word_list("reference", "definite")
LIST_PREPS = word_list("reference", "list_preps")
PURPOSE_NOUNS = word_list("reference", "purpose_nouns")
PARTITIVE = word_list("reference", "partitive")
NOT_PRONOUN = {"det", "predet", "preconj", "amod", "nummod", "advmod"}
RELATIVE = word_list("reference", "relative")
LINK_PREPS = word_list("reference", "link_preps")
AGENTIVE_VERBS = word_list("reference", "agentive_verbs")
LEADER_WORDS = word_list("reference", "leader_words")
SPEECH_VERBS = word_list("reference", "speech_verbs")
STATE_HEADS = word_list("reference", "state_heads")
OBJECT_CONTROL = word_list("reference", "object_control")


def word_set(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


class _Words:
    def __init__(self) -> None:
        raw = load_data("arguments.yaml")
        self.group = word_set(raw["group_nouns"])
        self.coalition = word_set(raw["coalition_nouns"])
        self.state = word_set(raw["state_nouns"])
        self.member = word_set(raw["member_nouns"])
        self.target = word_set(raw["target_nouns"])
        self.located_target = word_set(raw["located_target_nouns"])
        self.place = word_set(raw["place_nouns"])
        self.pronouns = {k.lower(): v for k, v in raw["pronouns"].items()}
        self.not_salient = word_set(raw["not_salient_kinds"])
        self.hyp_aux = word_set(raw["hypothetical_aux"])
        self.hyp_marks = word_set(raw["hypothetical_marks"])


@lru_cache(maxsize=1)
def words() -> _Words:
    return _Words()


@dataclass(frozen=True)
class Ent:
    """An entity a token stands for: its key, its type, and how it was found."""

    key: str
    type: str
    how: str = "name"      # name, pronoun, group, coalition, state, member, demonym, place, surname


@dataclass
class Ref:
    """An entity referred to at a token, for pronoun resolution."""

    pos: int
    ents: tuple[Ent, ...]
    kind: str              # organization, country, person, persons, place
    subject: bool
    verb: int              # token index of the clause verb it belongs to


def lemma_of(t: Token) -> str:
    return t.lemma_.lower()


def preps_of(t: Token, words) -> list[Token]:
    """The prepositions (or agent, dative) among `t`'s children written as one of `words`."""
    return [c for c in t.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in words]


def pobjs_of(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def lemma_in(t: Token, words) -> bool:
    """The token's lemma, form, or its form without an inflection, is one of `words`
    (the small model mislemmatises some verbs: 'staged' -> 'stag')."""
    low = t.lower_
    if t.lemma_.lower() in words or low in words:
        return True
    for suffix, add in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
                        ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and low[:-len(suffix)] + add in words:
            return True
    return False


def country_key(name: str) -> str:
    return f"country:{normalize_form(name)}"
