"""The event patterns of `data/events.yaml` and the record an event is built in."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from actorgraph.extract.rules_en.reference.argdata import lemma_of
from actorgraph.extract.rules_en.reference.arguments import Ent, load_data, word_set
from actorgraph.extract.rules_en.ruledata import table, words

HYPOTHETICAL = ":hypothetical"
REQUEST_VERBS = words("events", "request_verbs")
CONTENT_VERBS = words("events", "content_verbs")
CHARGE_VERBS = words("events", "charge_verbs")
MODAL_NOUNS = words("events", "modal_nouns")
HALT_VERBS = words("events", "halt_verbs")
THWART_VERBS = words("events", "thwart_verbs")
WEAPON_OBJECTS = words("events", "weapon_objects")
COMMUNICATION_NOUNS = words("events", "communication_nouns")
NON_AGENTS = words("events", "non_agents")
SUPERVISION_NOUNS = table("events", "supervision_nouns")
NOT_VIOLENT_OBJECTS = words("events", "not_violent_objects")
PATIENT_POSSESSOR = {"COERCE"}
PATIENT_POSSESSOR_NOUNS = words("events", "patient_possessor_nouns")
AGREEMENT_OBJECTS = words("events", "agreement_objects")
RETREAT_OBJECTS = words("events", "retreat_objects")


@dataclass(frozen=True)
class Rules:
    verbs: dict
    nouns: dict
    light_verbs: frozenset
    support_nouns: dict
    creation_nouns: frozenset
    creation_only: frozenset
    call_verbs: frozenset
    framing_verbs: frozenset
    framing_nouns: frozenset
    threat_verbs: frozenset
    plot_modifiers: frozenset
    assault_heads: frozenset
    plot_verbs: frozenset
    travel_verbs: frozenset
    purpose_verbs: frozenset
    send_verbs: frozenset
    send_objects: frozenset
    open_verbs: frozenset
    diplomatic_objects: frozenset
    list_verbs: frozenset
    sanction_lists: frozenset
    modal_adjectives: frozenset
    outcome_verbs: frozenset
    requires: dict
    target_preps: frozenset
    location_preps: frozenset


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = load_data("events.yaml")

    def table(d):
        return {str(k).lower(): (v[0], v[1]) for k, v in d.items()}
    return Rules(
        verbs=table(raw["verbs"]), nouns=table(raw["nouns"]),
        light_verbs=word_set(raw["light_verbs"]),
        support_nouns={k.lower(): v for k, v in raw["support_nouns"].items()},
        creation_nouns=word_set(raw["creation_nouns"]),
        creation_only=word_set(raw["creation_only_verbs"]),
        call_verbs=word_set(raw["call_verbs"]),
        framing_verbs=word_set(raw["framing_verbs"]),
        framing_nouns=word_set(raw["framing_nouns"]),
        threat_verbs=word_set(raw["threat_verbs"]),
        plot_modifiers=word_set(raw["plot_modifiers"]),
        assault_heads=word_set(raw["assault_heads"]), plot_verbs=word_set(raw["plot_verbs"]),
        travel_verbs=word_set(raw["travel_verbs"]), purpose_verbs=word_set(raw["purpose_verbs"]),
        send_verbs=word_set(raw["send_verbs"]), send_objects=word_set(raw["send_objects"]),
        open_verbs=word_set(raw["open_verbs"]),
        diplomatic_objects=word_set(raw["diplomatic_objects"]),
        list_verbs=word_set(raw["list_verbs"]), sanction_lists=word_set(raw["sanction_lists"]),
        modal_adjectives=word_set(raw["modal_adjectives"]),
        outcome_verbs=word_set(raw["outcome_verbs"]),
        requires=dict(raw["requires"]),
        target_preps=word_set(raw["target_preps"]),
        location_preps=word_set(raw["location_preps"]),
    )


@dataclass
class Event:
    type: str
    mode: str | None
    trigger: Token
    rule: str
    actors: list[Ent] = field(default_factory=list)
    targets: list[Ent] = field(default_factory=list)
    location: Ent | None = None
    hypothetical: bool = False
    explicit: bool = False        # some participant is named, not only referred to

    def add(self, slot: str, ents) -> None:
        have = getattr(self, slot)
        for e in ents:
            if e.key not in {x.key for x in have}:
                have.append(e)


@dataclass(frozen=True)
class Verb:
    """A verb trigger as the verb readers see it: its lemma, its direct objects (and their
    lemmas and forms), and its entry in the `verbs` table of events.yaml, if any."""

    tok: Token
    lemma: str
    dobjs: list[Token]
    objects: set[str]
    spec: tuple[str, str | None] | None

    @classmethod
    def of(cls, rules: Rules, v: Token) -> Verb:
        dobjs = [c for c in v.children if c.dep_ == "dobj"]
        objects = {lemma_of(c) for c in dobjs} | {c.lower_ for c in dobjs}
        return cls(v, lemma_of(v), dobjs, objects, rules.verbs.get(lemma_of(v)))


# what a verb family reads: ((event type, mode), rule name), or the event, or no event
Reading = tuple[tuple[str, str | None], str] | Event | None
