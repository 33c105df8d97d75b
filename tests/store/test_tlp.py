"""The one visibility rule on single facts (store/tlp.py): what a fact shows when only
some of its claims are visible."""
from __future__ import annotations

import pytest

from actorgraph.model import tlp_level
from actorgraph.store.facts import FactRow
from actorgraph.store.tlp import Scope, trim_fact


def _event(claims, **data) -> FactRow:
    base = {"type": "ASSAULT", "mode": "firearms", "date": "2024-03-10", "precision": "day",
            "actors": ["ent-a", "ent-b"], "targets": ["ent-t"], "location": "ent-l"}
    base.update(data)
    parts = [("ent-a", "actor"), ("ent-b", "actor"), ("ent-t", "target"), ("ent-l", "location")]
    return FactRow("evt-1", "event", base, claims, "2024", parts)


KEYS = {"k:a": "ent-a", "k:b": "ent-b", "k:t": "ent-t", "k:l": "ent-l"}


def test_a_fact_without_a_visible_claim_is_hidden_and_one_with_all_is_whole():
    fact = _event(["c1", "c2"])
    assert trim_fact(fact, {}) is None
    whole = {"c1": ({"actors": ["k:a"]}, KEYS), "c2": ({"actors": ["k:b"]}, KEYS)}
    assert trim_fact(fact, whole) is fact


def test_an_event_keeps_only_what_its_visible_claims_say():
    fact = _event(["c1", "c2"])
    seen = trim_fact(fact, {"c1": ({"actors": ["k:a"], "targets": [], "location": None,
                                    "mode": None, "date": {"value": "2024-03",
                                                           "precision": "month"}}, KEYS)})
    assert seen is not None and seen.claims == ["c1"]
    assert seen.data["actors"] == ["ent-a"] and seen.data["targets"] == []
    assert seen.data["location"] is None and seen.data["mode"] is None
    assert (seen.data["date"], seen.data["precision"]) == ("2024-03", "month")
    assert seen.entities == [("ent-a", "actor")]


def test_an_event_whose_visible_claims_give_no_date_is_undated():
    fact = _event(["c1", "c2"])
    seen = trim_fact(fact, {"c1": ({"actors": ["k:a"], "date": None}, KEYS)})
    assert seen is not None and seen.data["date"] is None and seen.data["precision"] is None


def test_a_relation_keeps_its_ends_and_only_visible_kinds_of_support():
    rel = FactRow("rel-1", "relation", {"subject": "ent-a", "predicate": "sponsored_by",
                                        "object": "ent-b", "support": ["arms", "money"]},
                  ["c1", "c2"], "2024", [("ent-a", "subject"), ("ent-b", "object")])
    seen = trim_fact(rel, {"c2": ({"subject": "k:a", "object": "k:b", "support": ["money"]},
                                  KEYS)})
    assert seen is not None and seen.data["support"] == ["money"]
    assert (seen.data["subject"], seen.data["object"]) == ("ent-a", "ent-b")


@pytest.mark.parametrize("text,level", [("amber", "AMBER"), ("TLP:RED", "RED"),
                                        (" green ", "GREEN"), ("WHITE", "CLEAR")])
def test_markings_are_read_in_any_case_and_tlp_prefix(text, level):
    assert tlp_level(text) == level


def test_a_scope_covers_the_levels_up_to_its_clearance():
    assert Scope.of({}, "RED").everything and Scope.of({}, None).everything
    green = Scope.of({"Desk": "AMBER", "Wire": "GREEN"}, "GREEN")
    assert green.levels == ("CLEAR", "GREEN") and green.blocked == ("Desk",)
    with pytest.raises(ValueError, match="not a TLP marking"):
        Scope.of({}, "PURPLE")
    assert Scope.of({"Odd": "PURPLE"}, "AMBER").blocked == ("Odd",)   # unknown: highest
