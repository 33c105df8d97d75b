"""The Reader: paged, entity-scoped reads that return only the rows asked for, and the same
answers as the Store's whole-table readers."""
from __future__ import annotations

import pytest

from actorgraph.model import DocumentMeta
from actorgraph.store.facts import read_claims, read_facts
from actorgraph.store.grades import set_grade
from actorgraph.store.reader import EventRow, Reader
from actorgraph.store.store import EntityRecord

from .conftest import (
    BAKU,
    BEGLI,
    ENTITIES,
    HUS,
    IRAN,
    TEXT_A,
    TEXT_B,
    document,
    report_b,
)


@pytest.fixture()
def reader(filled) -> Reader:
    return Reader(filled)


def doc_ids(store) -> tuple[str, str]:
    """The ids of report a and report b."""
    by_source = {d["source"]: d["id"] for d in store.documents()}
    return by_source["a.txt"], by_source["b.txt"]


def test_documents_page_newest_first(reader):
    a, b = doc_ids(reader.store)
    total, page = reader.documents_page(limit=1, offset=0)
    assert total == 2 and [d["id"] for d in page] == [b]
    total, page = reader.documents_page(limit=1, offset=1)
    assert total == 2 and [d["id"] for d in page] == [a]
    assert reader.documents_page(limit=5, offset=2) == (2, [])
    assert "text" not in page[0]


def test_documents_texts_sentences_and_mentions_of_one_document(reader):
    a, b = doc_ids(reader.store)
    assert set(reader.documents([a, b, "doc-none"])) == {a, b}
    assert reader.texts([a]) == {a: TEXT_A}
    assert [(s.idx, s.start) for s in reader.sentences(b)] == [(0, 0), (1, 54)]
    mentions = reader.doc_mentions(b)
    assert [(m.text, m.entity_id) for m in mentions] == [
        ("Hüseyniyyun", HUS), ("Tawhid Begli", BEGLI), ("Hüseyniyyun", HUS), ("Baku", BAKU)]
    starts = [c.start for c in sorted(read_claims(reader.store), key=lambda c: c.start)
              if c.doc_id == a]
    claims = reader.doc_claim_ids(a)
    assert len(claims) == 3
    assert [reader.claims(claims)[c].start for c in claims] == starts


def test_claims_carry_their_speaker_map_and_sentence(reader):
    whole = {c.id: c for c in read_claims(reader.store)}
    some = reader.claims(whole)
    assert set(some) == set(whole)
    for cid, c in some.items():
        assert (c.doc_id, c.start, c.end, c.kind, c.modality) == (
            whole[cid].doc_id, whole[cid].start, whole[cid].end, whole[cid].kind,
            whole[cid].modality)
        assert c.payload == {}   # facts carry the entity ids; the payload is not read
    quantity = next(c for c in some.values() if c.kind == "quantity")
    assert quantity.attributed_to == "anonymous"
    sentences = reader.sentences_of_claims([quantity.id])
    assert sentences == {quantity.id: TEXT_B[:TEXT_B.index(".") + 1]}


def test_key_maps(reader):
    a, b = doc_ids(reader.store)
    maps = reader.key_maps([a, b])
    assert maps[a] == {"organization:husseiniyyun": HUS, "country:iran": IRAN,
                       "person:tawhid begli": BEGLI, "place:baku": BAKU}
    assert reader.key_maps([a], ["place:baku"]) == {a: {"place:baku": BAKU}}
    assert reader.key_maps([a], []) == {}


def test_claims_page_filters_and_pages_in_document_order(reader):
    everything = sorted(read_claims(reader.store), key=lambda c: (c.doc_id, c.start, c.id))
    total, ids = reader.claims_page(limit=50, offset=0)
    assert (total, ids) == (5, [c.id for c in everything])
    pages = [reader.claims_page(limit=2, offset=o)[1] for o in (0, 2, 4)]
    assert [i for p in pages for i in p] == ids and [len(p) for p in pages] == [2, 2, 1]
    _, b = doc_ids(reader.store)
    assert reader.claims_page(50, 0, doc=b)[1] == [c.id for c in everything if c.doc_id == b]
    assert reader.claims_page(50, 0, kind="event")[0] == 1
    assert reader.claims_page(50, 0, modality="reported")[1] == [
        c.id for c in everything if c.modality == "reported"]
    behind_baku = reader.claims_page(50, 0, entity_id=BAKU)
    arrest = next(f for f in read_facts(reader.store) if f.id == "fct-arrest")
    assert behind_baku == (1, arrest.claims)
    assert reader.claims_page(50, 0, entity_id=IRAN) == (0, [])
    assert reader.claims_page(50, 0, doc=b, kind="event") == (0, [])


def test_claims_page_leaves_out_old_versions(filled):
    _, old_b = doc_ids(filled)
    extraction = report_b()[2]
    filled.add_document(*document("b.txt", TEXT_B + " Revised.", DocumentMeta(), extraction))
    reader = Reader(filled)
    assert reader.has_old_versions()
    total, ids = reader.claims_page(limit=50, offset=0)
    claims = reader.claims(ids)
    assert total == len(ids) == 5
    assert old_b not in {c.doc_id for c in claims.values()}


def test_an_entity_is_found_by_any_folded_name(reader):
    assert reader.entity_by_name(HUS).id == HUS
    for name in ("Husseiniyyun", "HUSSEINIYYUN", "Hüseyniyyun", "huseyniyyun", "  Hüseyniyyun "):
        assert reader.entity_by_name(name).id == HUS, name
    assert reader.entity_by_name("begli").id == BEGLI     # part of a name
    assert reader.entity_by_name("nobody") is None
    assert reader.entity_by_name("!!!") is None            # folds to nothing


def test_find_entities_ranks_exact_names_then_mentions(filled):
    reader = Reader(filled)
    assert reader.find_entities(None, None) == [HUS, BAKU, BEGLI, IRAN]
    assert reader.find_entities("person", None) == [BEGLI]
    assert reader.find_entities(None, "YYUN") == [HUS]
    assert reader.find_entities("place", "yyun") == []
    assert reader.find_entities(None, "%") == []           # no LIKE wildcards
    # a busier entity whose name only contains the words comes after the exact one
    battalion = EntityRecord("ent-battalion", "organization", None, "Baku Battalion",
                             (("Baku Battalion", 5),))
    hus_mentions = {m.id for m in filled.mentions(HUS)}
    assignment = {m.id: "ent-battalion" if m.id in hus_mentions else m.entity_id
                  for m in filled.mentions()}
    filled.replace_entities([battalion, *ENTITIES[1:]], assignment)
    assert Reader(filled).find_entities(None, "baku") == [BAKU, "ent-battalion"]


def test_entity_rows_names_and_documents(reader):
    rows = reader.entity_rows([HUS, BAKU, "", "ent-none"])
    assert sorted(rows) == [BAKU, HUS] and rows[HUS].type == "organization"
    assert reader.names_of([HUS]) == {HUS: [("Husseiniyyun", 3), ("Hüseyniyyun", 2)]}
    assert reader.entity(IRAN).name == "Iran"
    a, b = doc_ids(reader.store)
    total, docs = reader.documents_of_entity(BAKU)
    assert total == 2 and [d["id"] for d in docs] == [b, a]
    assert reader.documents_of_entity(IRAN) == (1, [reader.documents([a])[a]])
    assert reader.documents_of_entity(BAKU, limit=1)[0] == 2


def test_facts_of_an_entity_and_of_claims(reader):
    assert reader.fact_ids_of(HUS) == ["fct-arrest", "fct-found", "fct-lead", "fct-member",
                                       "fct-qty"]
    assert reader.fact_ids_of(HUS, kind="relation") == ["fct-lead", "fct-member"]
    assert reader.fact_ids_of(IRAN) == []
    whole = {f.id: f for f in read_facts(reader.store)}
    assert reader.facts(["fct-qty", "fct-lead", "fct-none"]) == [whole["fct-lead"],
                                                                  whole["fct-qty"]]
    claim = whole["fct-arrest"].claims[0]
    assert reader.facts_of_claims([claim]) == {claim: ["fct-arrest"]}


def test_relations_to_objects_with_given_predicates(reader):
    assert [f.id for f in reader.relations_to([HUS], {"member_of"})] == ["fct-member"]
    assert [f.id for f in reader.relations_to([HUS], {"member_of", "leader_of"})] == [
        "fct-lead", "fct-member"]
    assert reader.relations_to([BEGLI], {"member_of", "leader_of"}) == []


def test_events_edges_and_reported_dates(reader):
    assert reader.events() == [EventRow("fct-arrest", "COERCE", "2023-04",
                                        frozenset({HUS, BAKU}))]
    edges = set(reader.edges_from([BEGLI]))
    assert edges == {("fct-lead", BEGLI, HUS), ("fct-member", BEGLI, HUS)}
    assert ("fct-arrest", BAKU, HUS) in set(reader.edges_from([BAKU]))
    assert reader.reported_dates(["fct-lead", "fct-member"]) == {
        "fct-lead": ["2023-05-01"], "fct-member": ["2024-01-10"]}


def test_contradictions_grades_and_stats(reader):
    [c] = reader.contradiction_rows()
    assert c["facts"] == ["fct-lead", "fct-member"]
    assert reader.contradicted() == {"fct-lead", "fct-member"}
    assert reader.contradictions_of(BEGLI, []) == [c]
    assert reader.contradictions_of(HUS, ["fct-member"]) == [c]
    assert reader.contradictions_of(HUS, ["fct-qty"]) == []
    set_grade(reader.store, "Baku Herald", "C")
    reader.invalidate()
    assert reader.grades() == {"Baku Herald": "C"}
    assert reader.stats() == reader.store.stats()


def test_search_documents(reader):
    _, b = doc_ids(reader.store)
    total, hits = reader.search_documents("fighters", limit=10, offset=0)
    assert total == 1 and [h.doc_id for h in hits] == [b]
    total, hits = reader.search_documents("Tawhid Begli", limit=1, offset=0)
    assert total == 2 and len(hits) == 1
    assert reader.search_documents("...", limit=10, offset=0) == (0, [])


def test_a_hub_s_documents_are_counted_and_listed_as_any_entity_s(reader, monkeypatch):
    """An entity named in more than HUB_DOCUMENTS documents is read by other queries (the
    latest documents found newest first, one index look-up each): the same answer."""
    import actorgraph.store.reader as reader_module

    a, b = doc_ids(reader.store)
    asked = [(e, limit) for e in (BAKU, IRAN, HUS, "ent-none") for limit in (0, 1, 25)]
    expected = {x: reader.documents_of_entity(*x) for x in asked}
    assert expected[(BAKU, 1)][0] == 2 and len(expected[(BAKU, 1)][1]) == 1
    monkeypatch.setattr(reader_module, "HUB_DOCUMENTS", 0)
    assert {x: reader.documents_of_entity(*x) for x in asked} == expected
    assert [d["id"] for d in reader.documents_of_entity(BAKU)[1]] == [b, a]


def test_facts_read_with_their_first_claims_only(reader):
    """`max_claims` keeps each fact's first claims by id (a hub's fact has thousands), and
    0 none; everything else as read in full."""
    from actorgraph.store.facts import replace_facts

    rows = read_facts(reader.store)
    every = sorted(c.id for c in read_claims(reader.store))
    replace_facts(reader.store, [type(f)(f.id, f.kind, f.data, every, f.first_seen, f.entities)
                                 if i == 0 else f for i, f in enumerate(rows)])
    ids = [f.id for f in rows] + ["fct-none"]
    whole = reader.facts(ids)
    assert len(every) > 2 and any(len(f.claims) == len(every) for f in whole)
    for k in (0, 1, 2):
        assert reader.facts(ids, max_claims=k) == [
            type(f)(f.id, f.kind, f.data, sorted(f.claims)[:k], f.first_seen, f.entities)
            for f in whole]
