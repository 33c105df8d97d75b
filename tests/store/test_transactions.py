"""A write that fails leaves nothing half-written: the store is as it was before."""
from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from actorgraph.model import DocumentMeta, Mention
from actorgraph.store.facts import (
    FactRow,
    read_claims,
    read_contradictions,
    read_facts,
    replace_contradictions,
    replace_facts,
)
from actorgraph.store.reader import Reader
from actorgraph.store.store import EntityRecord

from .conftest import TEXT_A, Contradiction, document, report_a, report_b


def broken(extraction):
    """The extraction with one more mention, one the database refuses (it has no text)."""
    bad = Mention(0, 4, None, "person", 0, key="person:x", name="X")  # type: ignore[arg-type]
    extraction.mentions.append(bad)
    return extraction


def test_a_failed_document_leaves_no_trace(store):
    doc, clean, extraction = report_a()
    with pytest.raises(IntegrityError):
        store.add_document(doc, clean, broken(extraction))
    assert store.has_sha(doc.sha256) is None
    assert store.documents(current_only=False) == []
    assert list(store.mentions()) == [] and read_claims(store) == []
    assert set(store.stats().values()) == {0}
    assert Reader(store).search_documents("Husseiniyyun", 10, 0) == (0, [])
    assert store.add_document(*report_a())[1] == "added"     # and it can be stored after all


def test_a_failed_new_version_keeps_the_old_one_current(store):
    old_id, _ = store.add_document(*report_a())
    _, _, extraction = report_a()
    new = document("a.txt", TEXT_A + " Revised.", DocumentMeta(), broken(extraction))
    with pytest.raises(IntegrityError):
        store.add_document(*new)
    assert [(d["id"], d["version"], d["current"])
            for d in store.documents(current_only=False)] == [(old_id, 1, True)]
    assert len(read_claims(store)) == 3


def test_a_failed_resolution_keeps_the_previous_one(filled):
    before = (filled.entities(), filled.mention_counts(), filled.review_pairs())
    twice = EntityRecord("ent-new", "person", None, "Twice", (("Twice", 1), ("Twice", 2)))
    with pytest.raises(IntegrityError):
        filled.replace_entities([twice], {m.id: "ent-new" for m in filled.mentions()})
    assert (filled.entities(), filled.mention_counts(), filled.review_pairs()) == before


def test_failed_facts_keep_the_previous_facts(filled):
    before = read_facts(filled)
    orphan = FactRow("fct-orphan", "relation", {}, ["clm-none"], "2024-01-03", [])
    with pytest.raises(IntegrityError):
        replace_facts(filled, [orphan])     # its claim does not exist
    assert read_facts(filled) == before


def test_failed_contradictions_keep_the_previous_ones(filled):
    before = read_contradictions(filled)
    unsaid = Contradiction("ctr-2", "date", None, [], [], None, "2024-01-03")  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):
        replace_contradictions(filled, [unsaid])
    assert read_contradictions(filled) == before


def test_one_failure_does_not_undo_other_documents(store):
    store.add_document(*report_b())
    doc, clean, extraction = report_a()
    with pytest.raises(IntegrityError):
        store.add_document(doc, clean, broken(extraction))
    assert [d["source"] for d in store.documents()] == ["b.txt"]
    assert store.stats()["mentions"] == 4
