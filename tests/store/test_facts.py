"""Facts, contradictions, the judgement log and source grades, as the store keeps them."""
from __future__ import annotations

import pytest

from actorgraph.store import judgements as log
from actorgraph.store.facts import read_contradictions, read_facts, replace_facts
from actorgraph.store.grades import grades, set_grade

from .conftest import BAKU, BEGLI, HUS, IRAN


def test_facts_come_back_as_written(filled):
    facts = read_facts(filled)
    assert [f.id for f in facts] == ["fct-arrest", "fct-found", "fct-lead", "fct-member",
                                     "fct-qty"]
    arrest = facts[0]
    assert arrest.kind == "event" and arrest.data["location"] == BAKU
    assert arrest.entities == [(BAKU, "location"), (HUS, "target")]
    assert len(arrest.claims) == 1 and arrest.claims[0].startswith("clm-")


def test_facts_by_kind_and_by_entity(filled):
    assert [f.id for f in read_facts(filled, kind="relation")] == ["fct-lead", "fct-member"]
    assert [f.id for f in read_facts(filled, entity_id=BAKU)] == ["fct-arrest"]
    assert [f.id for f in read_facts(filled, kind="event", entity_id=BEGLI)] == []
    assert read_facts(filled, entity_id=IRAN) == []


def test_replacing_facts_drops_the_old_ones(filled):
    [lead] = read_facts(filled, kind="relation")[:1]
    replace_facts(filled, [lead])
    assert [f.id for f in read_facts(filled)] == ["fct-lead"]
    replace_facts(filled, [])
    assert read_facts(filled) == []


def test_contradictions_of_an_entity_or_its_facts(filled):
    [c] = read_contradictions(filled)
    assert c["id"] == "ctr-1" and c["facts"] == ["fct-lead", "fct-member"]
    assert len(c["claims"]) == 2
    assert read_contradictions(filled, entity_id=BEGLI) == [c]   # about him
    assert read_contradictions(filled, entity_id=HUS) == [c]     # one of its facts
    assert read_contradictions(filled, entity_id=BAKU) == []


def test_judgements_are_appended_and_undone_never_deleted(store):
    first = log.record(store, "same", "Husseiniyyun", "Hüseyniyyun", reason="one group",
                       author="tester")
    second = log.record(store, "different", "Baku", "Ganja", author="tester")
    assert [j.id for j in log.judgements(store)] == [first, second]
    assert log.undo(store, first) is True
    assert log.undo(store, first) is False          # already undone
    assert [j.id for j in log.judgements(store)] == [second]
    everything = log.judgements(store, include_undone=True)
    assert [(j.id, j.undone) for j in everything] == [(first, True), (second, False)]
    assert everything[0].reason == "one group" and everything[0].author == "tester"
    assert store.stats()["judgements"] == 1
    with pytest.raises(ValueError):
        log.record(store, "merge", "a", "b")


def test_the_newest_grade_of_a_source_wins(store):
    set_grade(store, "Caspian Monitor", "b")
    set_grade(store, "Baku Herald", "E", reason="state-run")
    set_grade(store, "Caspian Monitor", "A")
    assert grades(store) == {"Caspian Monitor": "A", "Baku Herald": "E"}
    with pytest.raises(ValueError):
        set_grade(store, "Caspian Monitor", "G")
    assert grades(store)["Caspian Monitor"] == "A"
