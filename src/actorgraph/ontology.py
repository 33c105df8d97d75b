"""actorgraph's vocabulary, read once from `ontology.yaml`: entity types and organisation
kinds, predicates (their ends, direction, symmetry and labels), PLOVER event types,
claim modalities, claim kinds and contradiction kinds, each with a one-line meaning,
and how the STIX and FollowTheMoney exports write them.

Everything that names a term of the vocabulary reads it here. `python -m
actorgraph.ontology` prints the documentation page (docs/ontology.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml  # type: ignore[import-untyped]


@dataclass(frozen=True)
class Kind:
    """An organisation kind; `ftm_*` and `stix_*` say how the exports write it."""

    name: str
    description: str
    label: str                                  # in words: "armed group"
    ftm_schema: str | None = None               # instead of `Organization`
    ftm_topics: tuple[str, ...] = ()
    stix_sector: str | None = None              # an identity's sector
    stix_sectors_read: tuple[str, ...] = ()     # sectors read back as this kind


@dataclass(frozen=True)
class EntityType:
    name: str
    description: str
    label: str                     # as the web heads one ("Organisation")
    plural: str                    # ... and a list of them ("Organisations")
    ftm_schema: str
    kinds: tuple[Kind, ...] = ()


@dataclass(frozen=True)
class FtmLink:
    """The FtM link a relation becomes when its ends' schemata are among these."""

    schema: str
    role: str
    subject: frozenset[str]
    object: frozenset[str]


@dataclass(frozen=True)
class Predicate:
    name: str
    description: str
    subject: tuple[str, ...]       # entity types allowed on each end
    object: tuple[str, ...]
    symmetric: bool
    label: str                     # in words: "sponsored by"
    as_subject: str                # heading when the entity is the subject: "Sponsored by"
    as_object: str                 # ... and when it is the object: "Sponsor of"
    stix: str                      # STIX relationship_type
    stix_read: tuple[str, ...] = ()   # other tools' relationship types read as this one
    ftm: FtmLink | None = None


@dataclass(frozen=True)
class EventType:
    """A PLOVER event type."""

    name: str
    description: str
    cooperative: bool = False      # its actors act for its targets, not against them
    attack: bool = False           # its actors are attackers
    act: str | None = None         # in a noun phrase, when a denial may answer it


@dataclass(frozen=True)
class Term:
    """A term of a plain list (modality, claim kind, contradiction kind)."""

    name: str
    description: str


@dataclass(frozen=True)
class Ontology:
    entity_types: tuple[EntityType, ...]
    predicates: tuple[Predicate, ...]
    event_types: tuple[EventType, ...]
    modalities: tuple[Term, ...]
    claim_kinds: tuple[Term, ...]
    contradiction_kinds: tuple[Term, ...]


def _kind(name: str, d: dict[str, Any]) -> Kind:
    ftm, stix = d.get("ftm") or {}, d.get("stix") or {}
    return Kind(name, d["description"], d["label"], ftm.get("schema"),
                tuple(ftm.get("topics") or ()), stix.get("sector"), tuple(stix.get("read") or ()))


def _predicate(name: str, d: dict[str, Any]) -> Predicate:
    link = d.get("ftm")
    ftm = FtmLink(link["schema"], link["role"], frozenset(link["subject"]),
                  frozenset(link["object"])) if link else None
    return Predicate(name, d["description"], tuple(d["subject"]), tuple(d["object"]),
                     bool(d.get("symmetric")), d["label"], d["as_subject"], d["as_object"],
                     d["stix"], tuple(d.get("stix_read") or ()), ftm)


def _terms(d: dict[str, str]) -> tuple[Term, ...]:
    return tuple(Term(k, v) for k, v in d.items())


@lru_cache(maxsize=1)
def load() -> Ontology:
    """The vocabulary of `ontology.yaml`, read once."""
    raw = yaml.safe_load((resources.files("actorgraph") / "ontology.yaml")
                         .read_text(encoding="utf-8"))
    return Ontology(
        entity_types=tuple(
            EntityType(n, d["description"], d["label"], d["plural"], d["ftm"],
                       tuple(_kind(k, kd) for k, kd in (d.get("kinds") or {}).items()))
            for n, d in raw["entity_types"].items()),
        predicates=tuple(_predicate(n, d) for n, d in raw["predicates"].items()),
        event_types=tuple(EventType(n, d["description"], bool(d.get("cooperative")),
                                    bool(d.get("attack")), d.get("act"))
                          for n, d in raw["event_types"].items()),
        modalities=_terms(raw["modalities"]),
        claim_kinds=_terms(raw["claim_kinds"]),
        contradiction_kinds=_terms(raw["contradiction_kinds"]))


# -- look-ups ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, EntityType], dict[str, Predicate], dict[str, EventType]]:
    o = load()
    return ({t.name: t for t in o.entity_types}, {p.name: p for p in o.predicates},
            {e.name: e for e in o.event_types})


def entity_types() -> tuple[EntityType, ...]:
    return load().entity_types


def entity_type(name: str) -> EntityType | None:
    return _index()[0].get(name)


def kind(type_name: str, kind_name: str | None) -> Kind | None:
    """The kind `kind_name` of entity type `type_name`, or None if there is no such kind."""
    t = entity_type(type_name)
    return next((k for k in t.kinds if k.name == kind_name), None) if t else None


def kind_label(kind_name: str) -> str:
    """An organisation kind in words ("armed group"); an unknown one as written."""
    k = kind("organization", kind_name)
    return k.label if k else kind_name


def predicates() -> tuple[Predicate, ...]:
    return load().predicates


def predicate(name: str) -> Predicate | None:
    return _index()[1].get(name)


def is_symmetric(name: str) -> bool:
    p = predicate(name)
    return p is not None and p.symmetric


def symmetric_predicates() -> frozenset[str]:
    return frozenset(p.name for p in predicates() if p.symmetric)


def label(name: str) -> str:
    """A predicate in words ("sponsored by"); an unknown one with its underscores as spaces."""
    p = predicate(name)
    return p.label if p else name.replace("_", " ")


def event_types() -> tuple[EventType, ...]:
    return load().event_types


def event_type(name: str) -> EventType | None:
    return _index()[2].get(name)


def is_cooperative(name: str) -> bool:
    e = event_type(name)
    return e is not None and e.cooperative


def modalities() -> tuple[str, ...]:
    return tuple(t.name for t in load().modalities)


def claim_kinds() -> tuple[str, ...]:
    return tuple(t.name for t in load().claim_kinds)


def contradiction_kinds() -> tuple[str, ...]:
    return tuple(t.name for t in load().contradiction_kinds)


# -- the documentation page ------------------------------------------------------------

def _table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    return (["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            + ["| " + " | ".join(r) + " |" for r in rows] + [""])


def _codes(names: tuple[str, ...] | frozenset[str]) -> str:
    return " / ".join(f"`{n}`" for n in names)


def render_markdown() -> str:
    """docs/ontology.md: the vocabulary as tables, generated from ontology.yaml."""
    o = load()
    out = ["# The ontology", "",
           "Generated from `src/actorgraph/ontology.yaml` by "
           "`python -m actorgraph.ontology > docs/ontology.md`; edit the YAML, not this page.",
           "", "## Entity types", ""]
    out += _table(("type", "meaning", "FtM schema"),
                  [(f"`{t.name}`", t.description, f"`{t.ftm_schema}`") for t in o.entity_types])
    for t in o.entity_types:
        if t.kinds:
            out += [f"### Kinds of `{t.name}`", ""]
            out += _table(("kind", "meaning"), [(f"`{k.name}`", k.description) for k in t.kinds])
    out += ["## Relations", "",
            "Directed from subject to object; a symmetric one means the same either way round.",
            ""]
    out += _table(("predicate", "subject → object", "meaning", "STIX", "FtM"), [
        (f"`{p.name}`",
         f"{_codes(p.subject)} {'↔' if p.symmetric else '→'} {_codes(p.object)}",
         p.description, " ".join([f"`{p.stix}`", *(f"(also reads `{t}`)" for t in p.stix_read)]),
         f"`{p.ftm.schema}`" if p.ftm else "`UnknownLink`")
        for p in o.predicates])
    out += ["## Events (PLOVER types)", ""]
    out += _table(("type", "meaning"), [(f"`{e.name}`", e.description) for e in o.event_types])
    for title, terms in (("Claim modalities", o.modalities), ("Claim kinds", o.claim_kinds),
                         ("Contradiction kinds", o.contradiction_kinds)):
        out += [f"## {title}", ""]
        out += _table(("term", "meaning"), [(f"`{t.name}`", t.description) for t in terms])
    return "\n".join(out)


if __name__ == "__main__":
    print(render_markdown(), end="")
