"""Corroboration, independence and credibility grades, on hand-built claims."""
from __future__ import annotations

from actorgraph.facts.contradictions import find_contradictions
from actorgraph.facts.grading import assess
from actorgraph.store.facts import ClaimRow, FactRow

TEXTS = {
    "d1": "Iran funds the Northern Brigade, according to officials in Baghdad.",
    "d2": "The Northern Brigade receives money and weapons from Tehran, Beta Review found.",
    "d3": "Iran funds the Northern Brigade, according to officials in Baghdad, Alpha said.",
    "d4": "Officials told Alpha Monitor that Iran pays the Northern Brigade's salaries.",
    "d5": "The Northern Brigade's leader said it has 9,000 fighters.",
    "d6": "The Northern Brigade denied any role in the attack on the police station.",
    "d7": "Iran funds the Northern Brigade.",
}
DOCS = {
    "d1": {"id": "d1", "publisher": "Alpha Monitor", "published": "2024-01-01"},
    "d2": {"id": "d2", "publisher": "Beta Review", "published": "2024-02-01"},
    "d3": {"id": "d3", "publisher": "Gamma Daily", "published": "2024-03-01"},
    "d4": {"id": "d4", "publisher": "Delta Wire", "published": "2024-03-05"},
    "d5": {"id": "d5", "publisher": "Beta Review", "published": "2024-04-01"},
    "d6": {"id": "d6", "publisher": "Epsilon", "published": "2024-05-01"},
    "d7": {"id": "d7", "publisher": "Alpha Monitor", "published": "2024-06-01"},
}


def claim(cid, doc, modality="asserted", speaker=None, kind="relation"):
    return ClaimRow(cid, doc, 0, 0, len(TEXTS[doc]), kind, {}, speaker, modality, None, "body",
                    DOCS[doc]["published"], keys={speaker: speaker} if speaker else {})


def fact(fid, claims, kind="relation", **data):
    base = {"subject": "brigade", "predicate": "sponsored_by", "object": "iran"}
    base.update(data)
    return FactRow(fid, kind, base, [c.id for c in claims], "2024", [])


def grade(f, claims, relations=(), contradicted=(), grades=None):
    return assess(f, {c.id: c for c in claims}, DOCS, TEXTS, list(relations), set(contradicted),
                  grades or {})


def test_two_independent_sources_confirm():
    cs = [claim("c1", "d1", "reported", "anonymous"), claim("c2", "d2")]
    a = grade(fact("f", cs), cs)
    assert a.sources == ["Alpha Monitor", "Beta Review"]
    assert a.credibility == 1


def test_one_publisher_twice_is_one_source():
    cs = [claim("c1", "d1"), claim("c7", "d7")]
    a = grade(fact("f", cs), cs)
    assert a.sources == ["Alpha Monitor"]
    assert a.credibility == 2


def test_repeated_wording_is_circular_reporting():
    cs = [claim("c1", "d1"), claim("c3", "d3")]
    a = grade(fact("f", cs), cs)
    assert a.sources == ["Alpha Monitor"] and a.repeats == ["c3"]
    assert a.credibility == 2


def test_citing_another_publisher_is_not_independent():
    cs = [claim("c1", "d1"), claim("c4", "d4", "reported", "anonymous")]
    a = grade(fact("f", cs), cs)
    assert a.repeats == ["c4"] and a.sources == ["Alpha Monitor"]


def test_interested_party_only_is_possibly_true():
    member = FactRow("m", "relation", {"subject": "leader", "predicate": "leader_of",
                                       "object": "brigade"}, [], "2024", [])
    cs = [claim("c5", "d5", "claimed", "leader", kind="quantity")]
    q = FactRow("q", "quantity", {"subject": "brigade", "unit": "fighters", "value": 9000},
                ["c5"], "2024", [])
    a = grade(q, cs, relations=[member])
    assert a.interested and a.credibility == 3


def test_contradicted_and_denied_facts():
    cs = [claim("c1", "d1")]
    assert grade(fact("f", cs), cs, contradicted={"f"}).credibility == 4
    denied = [claim("c6", "d6", "denied")]
    assert grade(fact("g", denied), denied).credibility == 5
    assert grade(fact("h", []), []).credibility == 6


def test_reliability_is_the_analysts_grade():
    cs = [claim("c1", "d1"), claim("c2", "d2")]
    a = grade(fact("f", cs), cs, grades={"Beta Review": "B", "Alpha Monitor": "C"})
    assert a.reliability == "B" and a.grade == "B1"


def ev(fid, etype, cids, date=None, actors=("brigade",), targets=("police",)):
    return FactRow(fid, "event", {"type": etype, "date": date, "actors": list(actors),
                                  "targets": list(targets), "location": None}, cids, "2024", [])


def test_denial_meets_assertion():
    claims = [ClaimRow("a1", "d6", 3, 0, 10, "event", {}, None, "asserted", None, "body", "x"),
              ClaimRow("r1", "d6", 4, 0, 10, "event", {}, "brigade", "denied", None, "body", "x")]
    facts = [ev("assault", "ASSAULT", ["a1"], "2019"),
             ev("reject", "REJECT", ["r1"], targets=())]
    found = find_contradictions(facts, claims, lambda e: e)
    assert [c.kind for c in found] == ["denial"]
    assert set(found[0].claims) == {"a1", "r1"}


def test_same_event_with_two_dates():
    claims = [ClaimRow("x1", "d1", 0, 0, 5, "event", {}, None, "asserted", None, "body", "x"),
              ClaimRow("x2", "d2", 0, 0, 5, "event", {}, None, "asserted", None, "body", "x")]
    facts = [ev("e1", "SUPPORT", ["x1"], "2015"), ev("e2", "SUPPORT", ["x2"], "2017")]
    found = find_contradictions(facts, claims, lambda e: e)
    assert len(found) == 1 and "2015" in found[0].summary and "2017" in found[0].summary
    facts[1].data["date"] = "2015-06"
    assert find_contradictions(facts, claims, lambda e: e) == []


def test_figures_beyond_tolerance():
    claims = [ClaimRow(f"q{i}", "d1", i, 0, 5, "quantity", {}, None, "asserted", None, "body",
                       "x") for i in range(3)]
    qs = [FactRow(f"f{i}", "quantity", {"subject": "brigade", "unit": "fighters", "value": v},
                  [f"q{i}"], "2024", []) for i, v in enumerate((10000, 11000, 20000))]
    found = find_contradictions(qs, claims, lambda e: e)
    assert len(found) == 2 and all("20000" in c.summary for c in found)


def test_a_figure_revised_in_the_next_sentence():
    texts = {"d1": "The ministry said 34 people were hurt. It later put the number at 52."}
    claims = [ClaimRow("r0", "d1", 0, 0, 38, "quantity", {}, None, "asserted", None, "body", "x"),
              ClaimRow("r1", "d1", 1, 39, 70, "quantity", {}, None, "asserted", None, "body", "x")]
    qs = [FactRow("q0", "quantity", {"subject": None, "unit": "people", "value": 34}, ["r0"],
                  "x", []),
          FactRow("q1", "quantity", {"subject": None, "unit": "unspecified", "value": 52},
                  ["r1"], "x", [])]
    found = find_contradictions(qs, claims, lambda e: e, texts)
    assert len(found) == 1 and found[0].claims == ["r0", "r1"]
    texts["d1"] = "The ministry said 34 people were hurt. Rescuers reached 52 villages."
    assert find_contradictions(qs, claims, lambda e: e, texts) == []


def test_denial_of_an_accusation_that_names_the_denier():
    texts = {"d9": "Officials blamed Iran-backed militias for the strike. Iran denied any role."}
    claims = [ClaimRow("b1", "d9", 0, 0, 53, "event", {}, None, "asserted", None, "body", "x"),
              ClaimRow("b2", "d9", 1, 54, 76, "event", {}, None, "asserted", None, "body", "x")]
    facts = [FactRow("acc", "event", {"type": "ACCUSE", "date": None, "actors": ["officials"],
                                      "targets": [], "location": None}, ["b1"], "x", []),
             ev("rej", "REJECT", ["b2"], actors=("iran",), targets=())]
    found = find_contradictions(facts, claims, lambda e: e, texts, {"iran": {"Iran"}})
    assert [c.kind for c in found] == ["denial"]
    assert find_contradictions(facts, claims, lambda e: e, texts, {"iran": {"Tehran"}}) == []


def test_a_denial_later_conceded_by_an_organ_of_the_same_state():
    claims = [ClaimRow("n1", "d1", 2, 0, 5, "event", {}, None, "asserted", None, "body", "x"),
              ClaimRow("n2", "d1", 4, 0, 5, "event", {}, None, "asserted", None, "body", "x")]
    facts = [ev("rej", "REJECT", ["n1"], actors=("state",), targets=()),
             ev("con", "CONCEDE", ["n2"], actors=("guard",), targets=())]
    organs = lambda a, b: {a, b} <= {"state", "guard"}  # noqa: E731
    found = find_contradictions(facts, claims, lambda e: e, {}, {}, organs)
    assert len(found) == 1 and found[0].claims == ["n1", "n2"]
    assert find_contradictions(facts, claims, lambda e: e, {}, {}) == []
