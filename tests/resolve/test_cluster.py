"""The resolver's clustering: analyst links, guards, determinism, review, short forms."""
from __future__ import annotations

import random

from actorgraph.resolve import cluster
from actorgraph.resolve.cluster import resolve
from actorgraph.resolve.compare import compare
from actorgraph.resolve.records import NameGroup


def g(id: str, type: str, *names: str, context=(), kind=None) -> NameGroup:
    return NameGroup(id, f"doc-{id}", type, kind, tuple((n, 1) for n in names),
                     frozenset(context))


def test_must_link_merges_unrelated_names():
    groups = [g("a", "organization", "Hamas"), g("b", "organization", "Harakat Hezbollah al-Nujaba")]
    assert not resolve(groups).together("a", "b")
    result = resolve(groups, must_link=[("a", "b")])
    assert result.together("a", "b")
    assert [m.rule for m in result.reasons["a"]] == ["must-link"]


def test_must_link_wins_over_a_name_conflict():
    groups = [g("a", "person", "Ilham Aliyev"), g("b", "person", "Heydar Aliyev"),
              g("c", "person", "Гейдар Алиев")]
    assert resolve(groups).together("b", "c")
    result = resolve(groups, must_link=[("a", "b")])
    assert result.together("a", "b")
    # no automatic merge adds a name that conflicts with one in the cluster:
    # c is refused (and listed as such) until an analyst links it too
    assert not result.together("b", "c")
    assert [(c.a, c.b) for c in result.refused] == [("b", "c")]
    result = resolve(groups, must_link=[("a", "b"), ("c", "a")])
    assert result.clusters == [["a", "b", "c"]]


def test_cannot_link_keeps_a_pair_apart():
    groups = [g("a", "person", "Qassem Soleimani"), g("b", "person", "Qasem Soleimani")]
    assert resolve(groups).together("a", "b")
    result = resolve(groups, cannot_link=[("a", "b")])
    assert not result.together("a", "b")


def test_cannot_link_holds_through_a_chain():
    groups = [g("a", "person", "Qassem Soleimani"), g("b", "person", "Qasem Soleimani"),
              g("c", "person", "Ghasem Soleimani")]
    assert resolve(groups).clusters == [["a", "b", "c"]]
    result = resolve(groups, cannot_link=[("a", "c")])
    assert not result.together("a", "c")
    assert result.together("a", "b") or result.together("b", "c")


def test_cannot_link_splits_identical_names():
    groups = [g("a", "person", "Ali Hassan"), g("b", "person", "Ali Hassan"),
              g("c", "person", "Ali Hasan")]
    result = resolve(groups, cannot_link=[("a", "b")])
    assert not result.together("a", "b")
    assert len(result.clusters) == 2


def test_conflicting_full_names_refused_even_through_a_chain():
    # Elmar ~ Elnar (one letter) and Elnar ~ Elnur (same skeleton), but
    # Elmar and Elnur are two given names: the chain must not join them
    groups = [g("a", "person", "Elmar Valiyev"), g("b", "person", "Elnar Valiyev"),
              g("c", "person", "Elnur Valiyev")]
    result = resolve(groups)
    assert result.together("b", "c")
    assert not result.together("a", "c")
    refused = [c for c in result.refused if any("refused: token_conflict" in r for r in c.reasons)]
    assert [(c.a, c.b) for c in refused] == [("a", "b")]


def test_partial_name_joins_only_when_unambiguous():
    groups = [g("a", "person", "Tawhid Ibrahim Begli"), g("b", "person", "Ibrahim Begli")]
    assert resolve(groups).together("a", "b")
    groups.append(g("c", "person", "Vugar Ibrahim Begli"))
    result = resolve(groups)
    assert result.clusters == [["a"], ["b"], ["c"]]
    assert {(c.a, c.b) for c in result.review} >= {("a", "b"), ("b", "c")}


def test_shared_short_form_does_not_link_full_names():
    groups = [g("a", "person", "Ilham Aliyev", "Aliyev", "President Aliyev"),
              g("b", "person", "Heydar Aliyev", "Aliyev")]
    assert resolve(groups).clusters == [["a"], ["b"]]


def _mixed_groups() -> list[NameGroup]:
    names = [
        ("person", ["Tawhid Ibrahim Begli", "Ibrahim Begli", "Begli"]),
        ("person", ["Tohid Ebrahim Begli"]), ("person", ["Tövhid İbrahim Bəyli"]),
        ("person", ["Begli"]), ("person", ["Ilham Aliyev"]), ("person", ["Ильхам Алиев"]),
        ("person", ["Heydar Aliyev"]), ("person", ["Aliyev"]), ("person", ["Qassem Soleimani"]),
        ("person", ["قاسم سلیمانی"]), ("person", ["Gen. Qasem Soleimani", "Soleimani"]),
        ("organization", ["Hezbollah"]), ("organization", ["حزب الله"]),
        ("organization", ["Kata'ib Hezbollah", "KH"]), ("organization", ["Kataib Hizbullah"]),
        ("organization", ["Husseiniyyun"]), ("organization", ["Hüseynçilər"]),
        ("organization", ["Liwa Fatemiyoun"]), ("organization", ["Liwa Zainabiyoun"]),
        ("organization", ["EMET"]), ("organization", ["Endowment for Middle East Truth"]),
        ("organization", ["Lebanese Hezbollah"]), ("country", ["Azerbaijan"]),
        ("country", ["Азербайджан"]), ("place", ["Baku"]), ("place", ["Bakı"]),
        ("organization", ["IRGC"]), ("organization", ["Islamic Revolutionary Guard Corps"]),
    ]
    return [g(f"g{i:02d}", t, *ns, context=("azerbaijan",) if i % 3 else ())
            for i, (t, ns) in enumerate(names)]


def test_deterministic_under_shuffled_input():
    groups = _mixed_groups()
    first = resolve(groups, cannot_link=[("g04", "g06")])
    for seed in range(6):
        shuffled = list(groups)
        random.Random(seed).shuffle(shuffled)
        again = resolve(shuffled, cannot_link=[("g06", "g04")])
        assert again.clusters == first.clusters
        assert again.review == first.review
        assert again.reasons == first.reasons
    # clusters sorted, each sorted
    assert first.clusters == sorted(first.clusters)
    assert all(c == sorted(c) for c in first.clusters)
    assert first.together("g00", "g01") and first.together("g00", "g02")
    assert first.together("g11", "g12") and not first.together("g11", "g13")


def test_every_merge_has_reasons():
    result = resolve(_mixed_groups())
    multi = [c for c in result.clusters if len(c) > 1]
    assert multi
    for members in multi:
        merges = result.reasons[members[0]]
        assert len(merges) == len(members) - 1
        for m in merges:
            assert m.rule in {"must-link", "gazetteer", "same-name", "compare", "short-form"}
            assert m.reasons and all(isinstance(r, str) and r for r in m.reasons)


def test_review_candidate_for_an_in_between_pair():
    groups = [g("a", "organization", "Kata'ib Hezbollah"), g("b", "organization", "Hezbollah")]
    result = resolve(groups)
    assert not result.together("a", "b")
    assert len(result.review) == 1
    cand = result.review[0]
    assert (cand.a, cand.b) == ("a", "b")
    assert 0.5 <= cand.score < 0.8
    assert any("designator_differs" in r for r in cand.reasons)


def test_thresholds_move_a_pair_between_review_and_merge():
    groups = [g("a", "organization", "Lebanese Hezbollah"), g("b", "organization", "Hezbollah")]
    assert resolve(groups).review
    assert resolve(groups, merge_at=0.6).together("a", "b")
    assert not resolve(groups, review_at=0.7).review


def test_short_surname_joins_the_only_full_name():
    groups = [g("a", "person", "Tawhid Ibrahim Begli"), g("b", "person", "Tohid Ebrahim Begli"),
              g("c", "person", "Begli")]
    result = resolve(groups)
    assert result.clusters == [["a", "b", "c"]]
    rules = {m.rule for m in result.reasons["a"]}
    assert "short-form" in rules


def test_short_surname_stays_apart_when_ambiguous():
    groups = [g("a", "person", "Ilham Aliyev"), g("b", "person", "Heydar Aliyev"),
              g("c", "person", "Aliyev")]
    result = resolve(groups)
    assert result.clusters == [["a"], ["b"], ["c"]]
    pairs = {(c.a, c.b) for c in result.review}
    assert ("a", "c") in pairs and ("b", "c") in pairs


def test_short_surname_context_breaks_the_tie():
    groups = [g("a", "person", "Ilham Aliyev", context=("new azerbaijan party", "baku")),
              g("b", "person", "Heydar Aliyev", context=("nakhchivan",)),
              g("c", "person", "Aliyev", context=("new azerbaijan party", "baku"))]
    result = resolve(groups)
    assert result.together("a", "c") and not result.together("b", "c")
    merge = [m for m in result.reasons["a"] if m.rule == "short-form"][0]
    assert any("context" in r for r in merge.reasons)


def test_short_surname_ambiguous_from_its_own_context():
    groups = [g("a", "person", "Ilham Aliyev"),
              g("c", "person", "Aliyev", context=("heydar aliyev",))]
    assert not resolve(groups).together("a", "c")


def test_oversize_keys_are_skipped():
    groups = [g(f"p{i}", "person", f"{n} Aliyev") for i, n in
              enumerate(["Ilham", "Heydar", "Vugar", "Ramin", "Elmar"])]
    groups.append(g("s", "person", "Aliyev"))
    result = resolve(groups, max_block=3)
    assert result.stats["oversize_keys"] >= 1
    assert result.cluster_of("s") == ["s"]


def test_compare_types_never_match():
    a = g("a", "person", "Qasem Soleimani")
    b = g("b", "organization", "Qasem Soleimani")
    s = compare(a, b)
    assert s.value == 0.0 and s.reasons[0].startswith("type_differs")
    c = g("c", "place", "Azerbaijan")
    d = g("d", "country", "Azerbaijan")
    assert compare(c, d).value == 0.0


def test_compare_reasons_name_the_rule_and_names():
    s = compare(g("a", "person", "Tawhid Ibrahim Begli"), g("b", "person", "Tohid Ebrahim Begli"))
    assert s.value >= 0.8
    assert s.reasons[0].startswith("aligned_tokens:")
    assert "Tawhid Ibrahim Begli" in s.reasons[0] and "tawhid~tohid" in s.reasons[0]
    s = compare(g("a", "person", "Ilham Aliyev"), g("b", "person", "Heydar Aliyev"))
    assert s.value == 0.0


def test_forked_scoring_gives_the_same_result(monkeypatch):
    groups = _mixed_groups()
    serial = resolve(groups)
    monkeypatch.setattr(cluster, "_PARALLEL_MIN", 1)
    forked = resolve(groups, workers=2)
    assert forked.clusters == serial.clusters
    assert forked.review == serial.review
    assert forked.reasons == serial.reasons


def test_nameless_groups_match_nothing():
    groups = [g("a", "organization"), g("b", "organization", ""), g("c", "organization", "Hamas")]
    result = resolve(groups)
    assert result.clusters == [["a"], ["b"], ["c"]] and not result.review


def test_two_states_of_the_lexicon_stay_apart_however_alike_their_names():
    groups = [g("a", "country", "Niger"), g("b", "country", "Nigeria"),
              g("c", "country", "Нигерия"), g("d", "country", "Guinea"),
              g("e", "country", "Guinea-Bissau")]
    result = resolve(groups)
    assert result.together("b", "c")
    assert not result.together("a", "b") and not result.together("d", "e")
