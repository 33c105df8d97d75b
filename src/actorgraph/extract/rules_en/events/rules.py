"""The event patterns of `data/events.yaml` and the record an event is built in."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from actorgraph.extract.rules_en.reference.arguments import Ent, load_data, word_set

HYPOTHETICAL = ":hypothetical"
REQUEST_VERBS = {"request", "demand", "ask", "urge", "press", "appeal"}
CONTENT_VERBS = {"deny", "acknowledge", "admit", "concede", "dismiss", "reject"}
MODAL_NOUNS = {"ability", "capacity", "capability", "potential", "readiness", "willingness",
               "intention", "intent", "plan", "plans", "desire", "wish", "attempt", "bid",
               "threat", "risk", "possibility", "chance", "effort", "efforts"}
HALT_VERBS = {"suspend", "halt", "stop", "cease", "pause", "end", "avoid", "renounce"}
THWART_VERBS = {"thwart", "foil", "prevent", "disrupt", "uncover", "avert", "stop"}
WEAPON_OBJECTS = {"missile", "missiles", "rocket", "rockets", "drone", "drones", "shell", "shells",
                  "mortar", "mortars", "bomb", "bombs", "grenade", "grenades", "shot", "shots",
                  "projectile", "projectiles", "salvo", "barrage", "fire", "attack", "attacks",
                  "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "offensive"}
COMMUNICATION_NOUNS = {"video", "videos", "post", "posts", "article", "articles", "statement",
                       "statements", "message", "messages", "speech", "speeches", "sermon",
                       "sermons", "tweet", "tweets", "propaganda", "campaign", "broadcast",
                       "broadcasts", "editorial", "cartoon", "song", "songs", "book", "report"}
NON_AGENTS = {"crush", "stampede", "accident", "crash", "earthquake", "flood", "fire", "disease",
              "storm", "collapse", "illness", "heat", "cold", "outbreak", "epidemic"}
SUPERVISION_NOUNS = {"supervision": "directs", "auspices": None, "patronage": None,
                     "guidance": None, "blessing": None, "direction": "directs"}
NOT_VIOLENT_OBJECTS = {"deal", "agreement", "balance", "note", "tone", "chord", "compromise",
                       "bargain", "pose", "match", "fear", "blow"}
PATIENT_POSSESSOR = {"COERCE"}
PATIENT_POSSESSOR_NOUNS = {"assassination", "killing", "murder", "kidnapping", "arrest",
                           "detention", "imprisonment", "expulsion"}
AGREEMENT_OBJECTS = {"agreement", "deal", "accord", "treaty", "memorandum", "pact", "ceasefire",
                     "truce"}
RETREAT_OBJECTS = {"operations", "attacks", "activities", "activity", "campaign", "operation",
                   "forces", "troops", "diplomats", "staff", "personnel", "embassy"}


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
