"""A small store built from hand-made extractions (no parser): two reports about one armed
group, resolved to four entities by hand, with the facts and a contradiction built from
their claims. The store tests read it back through every reader."""
from __future__ import annotations

import hashlib

import pytest

from actorgraph.facts.contradictions import Contradiction
from actorgraph.model import (
    Attribution,
    CleanDocument,
    DateValue,
    DocumentMeta,
    EventFact,
    Extraction,
    FoundingFact,
    LoadedDocument,
    Mention,
    QuantityFact,
    RelationFact,
    Segment,
    Sentence,
)
from actorgraph.store.facts import FactRow, read_claims, replace_contradictions, replace_facts
from actorgraph.store.store import EntityRecord, Store

TEXT_A = ("Husseiniyyun was founded in Iran in 2015. Tawhid Begli leads Husseiniyyun. "
          "Police arrested two members of Husseiniyyun in Baku in April 2023.")
TEXT_B = ("According to officials, Hüseyniyyun has 200 fighters. "
          "Tawhid Begli is a member of Hüseyniyyun and lives in Baku.")
META_A = DocumentMeta(title="Origins", publisher="Caspian Monitor", published="2023-05-01")
META_B = DocumentMeta(title="Fighters", publisher="Baku Herald", published="2024-01-10")

HUS, BEGLI, BAKU, IRAN = "ent-hus", "ent-begli", "ent-baku", "ent-iran"
ENTITIES = [
    EntityRecord(HUS, "organization", "armed_group", "Husseiniyyun",
                 (("Husseiniyyun", 3), ("Hüseyniyyun", 2))),
    EntityRecord(BEGLI, "person", None, "Tawhid Begli", (("Tawhid Begli", 2),)),
    EntityRecord(BAKU, "place", None, "Baku", (("Baku", 2),)),
    EntityRecord(IRAN, "country", None, "Iran", (("Iran", 1),)),
]
BY_KEY = {"organization:husseiniyyun": HUS, "person:tawhid begli": BEGLI, "place:baku": BAKU,
          "country:iran": IRAN}


def sentences(text: str) -> list[Sentence]:
    """The sentences of a test text (each ends with '. ')."""
    out, start = [], 0
    while start < len(text):
        end = text.find(". ", start)
        end = len(text) if end < 0 else end + 1
        out.append(Sentence(len(out), start, end))
        start = end + 1
    return out


def mentions(text: str, sents: list[Sentence], names: dict[str, str]) -> list[Mention]:
    """A mention of every occurrence of each surface form, keyed by `names`."""
    out = []
    for surface, key in names.items():
        at = text.find(surface)
        while at >= 0:
            sent = next(s.index for s in sents if s.start <= at < s.end)
            out.append(Mention(at, at + len(surface), surface, key.split(":")[0], sent,
                               key=key, name=key.split(":")[1].title(),
                               votes={key.split(":")[0]: 1.0}))
            at = text.find(surface, at + 1)
    return sorted(out, key=lambda m: m.start)


def loaded(source: str, text: str, meta: DocumentMeta) -> LoadedDocument:
    return LoadedDocument(source, "text/plain", text.encode(), text, meta,
                          hashlib.sha256(text.encode()).hexdigest())


def document(source: str, text: str, meta: DocumentMeta,
             extraction: Extraction) -> tuple[LoadedDocument, CleanDocument, Extraction]:
    doc = loaded(source, text, meta)
    return doc, CleanDocument(doc, (Segment(0, len(text), "body"),)), extraction


def report_a() -> tuple[LoadedDocument, CleanDocument, Extraction]:
    sents = sentences(TEXT_A)
    return document("a.txt", TEXT_A, META_A, Extraction(
        sentences=sents,
        mentions=mentions(TEXT_A, sents, {"Husseiniyyun": "organization:husseiniyyun",
                                          "Iran": "country:iran",
                                          "Tawhid Begli": "person:tawhid begli",
                                          "Baku": "place:baku"}),
        relations=[RelationFact("person:tawhid begli", "leader_of", "organization:husseiniyyun",
                                1, "test:leads")],
        events=[EventFact("COERCE", 2, "arrested", TEXT_A.index("arrested"),
                          TEXT_A.index("arrested") + 8, "test:arrest", mode="arrest",
                          targets=("organization:husseiniyyun",), location="place:baku",
                          date=DateValue("2023-04", "month", "April 2023"))],
        foundings=[FoundingFact("organization:husseiniyyun", 0, DateValue("2015", "year", "2015"),
                                "test:founded", "founded")],
    ))


def report_b() -> tuple[LoadedDocument, CleanDocument, Extraction]:
    sents = sentences(TEXT_B)
    officials = Attribution("anonymous", "reported", "according to")
    return document("b.txt", TEXT_B, META_B, Extraction(
        sentences=sents,
        mentions=mentions(TEXT_B, sents, {"Hüseyniyyun": "organization:husseiniyyun",
                                          "Tawhid Begli": "person:tawhid begli",
                                          "Baku": "place:baku"}),
        relations=[RelationFact("person:tawhid begli", "member_of", "organization:husseiniyyun",
                                1, "test:member")],
        quantities=[QuantityFact(200, "fighters", 0, TEXT_B.index("200"),
                                 TEXT_B.index("fighters") + 8, "200 fighters",
                                 subject="organization:husseiniyyun", attribution=officials)],
    ))


def resolve_by_hand(store: Store) -> None:
    """The four entities, each mention linked by its key."""
    assignment = {m.id: BY_KEY[m.key] for m in store.mentions()}
    store.replace_entities(ENTITIES, assignment, [(HUS, IRAN, 0.4, ("shared context",))])


def facts_by_hand(store: Store) -> list[FactRow]:
    """One fact per claim, with entity ids in place of mention keys; and one contradiction."""
    claims = {(c.doc_id, c.kind, c.sentence): c.id for c in read_claims(store)}
    a, b = store.has_sha(loaded("", TEXT_A, META_A).sha256), store.has_sha(
        loaded("", TEXT_B, META_B).sha256)
    rows = [
        FactRow("fct-lead", "relation", {"subject": BEGLI, "predicate": "leader_of",
                                         "object": HUS}, [claims[a, "relation", 1]],
                "2024-01-01", [(BEGLI, "subject"), (HUS, "object")]),
        FactRow("fct-member", "relation", {"subject": BEGLI, "predicate": "member_of",
                                           "object": HUS}, [claims[b, "relation", 1]],
                "2024-01-02", [(BEGLI, "subject"), (HUS, "object")]),
        FactRow("fct-arrest", "event", {"type": "COERCE", "actors": [], "targets": [HUS],
                                        "location": BAKU, "date": "2023-04"},
                [claims[a, "event", 2]], "2024-01-01", [(HUS, "target"), (BAKU, "location")]),
        FactRow("fct-found", "founding", {"subject": HUS, "date": "2015"},
                [claims[a, "founding", 0]], "2024-01-01", [(HUS, "subject")]),
        FactRow("fct-qty", "quantity", {"subject": HUS, "value": 200, "unit": "fighters"},
                [claims[b, "quantity", 0]], "2024-01-02", [(HUS, "subject")]),
    ]
    replace_facts(store, rows)
    replace_contradictions(store, [Contradiction(
        "ctr-1", "role", "leader or member", [claims[a, "relation", 1], claims[b, "relation", 1]],
        ["fct-lead", "fct-member"], BEGLI, "2024-01-02")])
    return rows


@pytest.fixture()
def filled(store: Store) -> Store:
    """Both reports stored, resolved and made into facts."""
    store.add_document(*report_a())
    store.add_document(*report_b())
    resolve_by_hand(store)
    facts_by_hand(store)
    return store
