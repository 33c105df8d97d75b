"""Corroboration and grading of facts, on the NATO / Admiralty scale.

Source reliability (A-F) is the analyst's: set per publisher or author with
`actorgraph source grade`. Information credibility (1-6) is computed for each
fact from its claims, by the rule below (also in docs/grading.md):

    1 confirmed      two or more independent sources assert it, nothing contradicts it
    2 probably true  one independent source asserts or reports it, nothing contradicts it
    3 possibly true  only claimed, alleged or hedged, or only an interested party says it
    4 doubtful       a contradiction involves it
    5 improbable     the only claims deny it
    6 cannot judge   no claim with evidence

Independence: claims count as one source when they come from the same
publisher (or, lacking one, the same author or document), when one document
cites the other's publisher ("told National Interest", "according to
Reuters"), or when their sentences share most of their wording (circular
reporting). An interested party is a speaker who is the fact's subject, or a
member, leader or founder of it: a group's own figures about itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from actorgraph.store.facts import (
    ClaimRow,
    FactRow,
    read_claims,
    read_contradictions,
    read_facts,
)
from actorgraph.store.grades import grades as read_grades

SHARED_WORDING = 85          # token-set similarity (0-100) above which a sentence repeats another
INSIDER = {"member_of", "leader_of", "founder_of"}
CITES = ("told", "according to", "reported by", "cited by", "quoted by", "said to")
MEANING = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful",
           5: "improbable", 6: "cannot be judged"}


@dataclass
class Assessment:
    """How a fact stands: its independent sources, credibility and reliability."""

    sources: list[str] = field(default_factory=list)      # independent source names
    documents: list[str] = field(default_factory=list)
    repeats: list[str] = field(default_factory=list)      # claim ids that repeat another source
    interested: bool = False
    credibility: int = 6
    reliability: str = "F"                                # best grade among its sources

    @property
    def grade(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def meaning(self) -> str:
        return MEANING[self.credibility]


def source_name(doc: dict) -> str:
    """The document's source in words: its publisher, else its author, else its source."""
    return doc.get("publisher") or doc.get("author") or doc.get("source") or doc["id"]


def _cites(text: str, names: set[str]) -> bool:
    low = text.lower()
    return any(cue in low and name.lower() in low for cue in CITES for name in names if name)


def insiders(fact: FactRow, relations: list[FactRow]) -> set[str]:
    """The fact's subject and those who belong to it, lead it or founded it."""
    subject = fact.data.get("subject") or next(iter(fact.data.get("actors", [])), None)
    if not subject:
        return set()
    inside = {subject}
    for r in relations:
        if r.data["predicate"] in INSIDER and r.data["object"] == subject:
            inside.add(r.data["subject"])
    return inside


def assess(fact: FactRow, claims: dict[str, ClaimRow], docs: dict[str, dict],
           texts: dict[str, str], relations: list[FactRow], contradicted: set[str],
           grades: dict[str, str]) -> Assessment:
    """Grade one fact from its claims (see the module's rule)."""
    mine = [claims[c] for c in fact.claims if c in claims]
    a = Assessment()
    if not mine:
        return a
    inside = insiders(fact, relations)
    publishers = {source_name(docs[c.doc_id]) for c in mine if c.doc_id in docs}
    kept: list[tuple[str, str]] = []        # (source, sentence) of independent claims
    positive = [c for c in mine if c.modality != "denied"]
    for c in sorted(positive, key=lambda c: (docs.get(c.doc_id, {}).get("published") or "",
                                             c.id)):
        doc = docs.get(c.doc_id, {"id": c.doc_id})
        source = source_name(doc)
        sentence = texts.get(c.doc_id, "")[c.start:c.end]
        if c.attributed_to and c.attributed_to in inside:
            a.interested = True
        if source in {s for s, _ in kept}:
            continue
        if _cites(sentence, publishers - {source}) or any(
                fuzz.token_set_ratio(sentence, other) >= SHARED_WORDING for _, other in kept):
            a.repeats.append(c.id)
            continue
        kept.append((source, sentence))
    a.sources = [s for s, _ in kept]
    a.documents = sorted({c.doc_id for c in mine})
    graded = [grades[s] for s in publishers | {docs.get(c.doc_id, {}).get("author") or ""
                                              for c in mine} if s in grades]
    a.reliability = min(graded) if graded else "F"
    firm = [c for c in positive if c.modality in ("asserted", "reported")
            and not (c.attributed_to and c.attributed_to in inside)]
    if fact.id in contradicted:
        a.credibility = 4
    elif not positive:
        a.credibility = 5
    elif len(a.sources) >= 2 and firm:
        a.credibility = 1
    elif firm:
        a.credibility = 2
    else:
        a.credibility = 3
    return a


class Grader:
    """Everything needed to grade the facts of one store, read once."""

    def __init__(self, store, scope=None) -> None:
        """`scope` (a `store.tlp.Scope`): grade on what it shows only."""
        self.claims = {c.id: c for c in read_claims(store, scope=scope)}
        self.docs = {d["id"]: d for d in store.documents(scope=scope)}
        self.texts = {d: store.document_text(d) or "" for d in self.docs}
        self.facts = read_facts(store, scope=scope)
        self.relations = [f for f in self.facts if f.kind == "relation"]
        self.contradicted = {f for c in read_contradictions(store, scope=scope)
                             for f in c["facts"]}
        self.grades = read_grades(store)

    def __call__(self, fact: FactRow) -> Assessment:
        return assess(fact, self.claims, self.docs, self.texts, self.relations,
                      self.contradicted, self.grades)
