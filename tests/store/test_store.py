"""The Store: a document with its extraction goes in and comes back out; entities are
found by id or by any name in any spelling; versions and stats."""
from __future__ import annotations

import json
from dataclasses import replace

from actorgraph.model import Attribution, DocumentMeta, RelationFact
from actorgraph.store.claims import claim_rows
from actorgraph.store.facts import key_map, read_claims
from actorgraph.store.ids import document_id
from actorgraph.store.store import Store
from actorgraph.store.versions import upgrade

from .conftest import BAKU, BEGLI, HUS, IRAN, TEXT_A, TEXT_B, document, report_a, report_b


def test_a_document_and_its_extraction_come_back(store):
    doc, clean, extraction = report_a()
    doc_id, status = store.add_document(doc, clean, extraction)
    assert (doc_id, status) == (document_id(doc.sha256), "added")
    assert store.has_sha(doc.sha256) == doc_id
    assert store.document_text(doc_id) == TEXT_A
    [row] = store.documents()
    assert row["id"] == doc_id and row["source"] == "a.txt" and row["version"] == 1
    assert (row["title"], row["publisher"], row["published"]) == (
        "Origins", "Caspian Monitor", "2023-05-01")
    assert "text" not in row and "original" not in row
    assert [(s.index, s.start, s.end) for s in extraction.sentences] == [
        (i, *store.sentence_of(doc_id, i)) for i in range(3)]
    assert store.sentence_of(doc_id, 3) is None
    stored = list(store.mentions())
    assert [(m.start, m.end, m.text, m.key, m.sentence) for m in stored] == [
        (m.start, m.end, m.text, m.key, m.sentence) for m in extraction.mentions]
    assert [m.id for m in stored] == [f"{doc_id}:m{i}" for i in range(len(stored))]
    assert stored[0].votes == {"organization": 1.0} and stored[0].entity_id is None


def test_claims_are_written_with_the_document(store):
    doc_id, _ = store.add_document(*report_b())
    claims = read_claims(store)
    assert sorted(c.kind for c in claims) == ["quantity", "relation"]
    quantity = next(c for c in claims if c.kind == "quantity")
    assert (quantity.doc_id, quantity.sentence, quantity.start, quantity.end) == (
        doc_id, 0, 0, TEXT_B.index(".") + 1)
    assert (quantity.speaker_key, quantity.modality, quantity.cue) == (
        "anonymous", "reported", "according to")
    assert quantity.attributed_to == "anonymous"
    assert quantity.payload["value"] == 200 and quantity.payload["unit"] == "fighters"
    relation = next(c for c in claims if c.kind == "relation")
    assert relation.payload["subject"] == "person:tawhid begli"
    assert relation.payload["predicate"] == "member_of"
    assert relation.speaker_key is None and relation.modality == "asserted"


def test_the_same_text_is_stored_once(store):
    first = store.add_document(*report_a())
    assert store.add_document(*report_a()) == (first[0], "unchanged")
    assert store.stats()["document_versions"] == 1


def test_a_changed_source_is_a_new_current_version(store):
    old_id, _ = store.add_document(*report_a())
    extraction = report_a()[2]
    new = document("a.txt", TEXT_A + " Updated.", DocumentMeta(title="Origins, revised"),
                   extraction)
    new_id, status = store.add_document(*new)
    assert status == "new version" and new_id != old_id
    assert [d["id"] for d in store.documents()] == [new_id]
    versions = {d["id"]: (d["version"], d["current"])
                for d in store.documents(current_only=False)}
    assert versions == {old_id: (1, False), new_id: (2, True)}
    assert {m.doc_id for m in store.mentions()} == {new_id}
    assert {c.doc_id for c in read_claims(store)} == {new_id}


def test_stats_count_what_is_stored(filled):
    assert filled.stats() == {"documents": 2, "document_versions": 2, "sentences": 5,
                              "mentions": 10, "entities": 4, "review_pairs": 1,
                              "judgements": 0, "failed_extractions": 0}


def test_entities_come_back_with_their_names(filled):
    records = {e.id: e for e in filled.entities()}
    assert sorted(records) == [BAKU, BEGLI, HUS, IRAN]
    assert records[HUS].names == (("Husseiniyyun", 3), ("Hüseyniyyun", 2))
    assert records[HUS].kind == "armed_group"
    assert [e.id for e in filled.entities(type="person")] == [BEGLI]
    assert filled.entity_by_id(HUS) == records[HUS]
    assert filled.entity_by_id("ent-none") is None


def test_mentions_are_linked_to_their_entities(filled):
    assert filled.mention_counts() == {HUS: 5, BEGLI: 2, BAKU: 2, IRAN: 1}
    mine = list(filled.mentions(BEGLI))
    assert [m.text for m in mine] == ["Tawhid Begli", "Tawhid Begli"]
    assert {m.entity_id for m in mine} == {BEGLI}
    keys = key_map(filled)
    assert all(k["organization:husseiniyyun"] == HUS for k in keys.values())


def test_an_entity_is_found_by_any_name_in_any_spelling(filled):
    assert filled.entity(HUS).id == HUS
    assert filled.entity("HÜSEYNIYYUN").id == HUS          # exact after folding
    assert filled.entity("huseyniyyun").id == HUS
    assert filled.entity("Begli").id == BEGLI               # a part of a name
    assert filled.entity("Тавхид Бегли").id == BEGLI        # another script
    assert filled.entity("nobody at all") is None
    assert filled.entity("...") is None                    # folds to nothing
    assert [e.id for e in filled.entities(search="SEYNI")] == [HUS]


def test_contexts_and_review_pairs(filled):
    contexts = filled.contexts(BAKU, limit=5)
    assert contexts == [
        ("a.txt", "Police arrested two members of Husseiniyyun in Baku in April 2023."),
        ("b.txt", "Tawhid Begli is a member of Hüseyniyyun and lives in Baku.")]
    assert filled.contexts(BAKU, limit=1) == contexts[:1]
    assert filled.review_pairs() == [(HUS, IRAN, 0.4, ("shared context",))]


def test_a_new_resolution_replaces_the_old_one(filled):
    records = filled.entities()
    merged = [records[0]]
    filled.replace_entities(merged, {m.id: merged[0].id for m in filled.mentions()})
    assert [e.id for e in filled.entities()] == [merged[0].id]
    assert filled.mention_counts() == {merged[0].id: 10}
    assert filled.review_pairs() == []
    assert filled.stats()["entities"] == 1


def test_reopening_a_store_migrates_nothing(filled):
    assert upgrade(filled.engine) == []
    again = Store(filled.url)
    assert again.stats() == filled.stats()


def test_an_extraction_longer_than_a_batch_is_stored_whole(store, monkeypatch):
    from actorgraph.store import store as store_module

    monkeypatch.setattr(store_module, "BATCH_ROWS", 2)
    doc, clean, extraction = report_a()
    extraction.relations *= 3           # the same claim thrice: one row
    extraction.relations.append(RelationFact("person:tawhid begli", "member_of",
                                             "organization:husseiniyyun", 2, "test:member"))
    doc_id, _ = store.add_document(doc, clean, extraction)
    assert len(extraction.mentions) > 2 and len(extraction.sentences) > 2
    assert [(m.start, m.text) for m in store.mentions()] == [
        (m.start, m.text) for m in extraction.mentions]
    assert [store.sentence_of(doc_id, s.index) for s in extraction.sentences] == [
        (s.start, s.end) for s in extraction.sentences]
    assert sorted(c.kind for c in read_claims(store)) == [
        "event", "founding", "relation", "relation"]


def test_facts_with_one_claim_id_give_one_row_in_the_first_place_with_the_last_attribution():
    _, _, extraction = report_a()
    leads = extraction.relations[0]
    said = Attribution("person:tawhid begli", "claimed", "said")
    member = RelationFact("person:tawhid begli", "member_of", "organization:husseiniyyun", 1,
                          "test:member")
    extraction.relations = [leads, member, replace(leads, attribution=said),
                            replace(member, sentence=9)]      # no such sentence: no claim
    rows = list(claim_rows("d", extraction, "now"))
    assert [(r["kind"], r["speaker_key"], r["modality"]) for r in rows] == [
        ("relation", "person:tawhid begli", "claimed"), ("relation", None, "asserted"),
        ("event", None, "asserted"), ("founding", None, "asserted")]
    assert json.loads(rows[0]["payload"])["predicate"] == "leader_of"
    assert len({r["id"] for r in rows}) == 4
