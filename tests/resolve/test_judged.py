"""An analyst's judgements turned into the resolver's links."""
from __future__ import annotations

from types import SimpleNamespace

from actorgraph.resolve.cluster import resolve
from actorgraph.resolve.judged import constraints
from actorgraph.resolve.records import NameGroup


def group(id: str, *names: str) -> NameGroup:
    return NameGroup(id, f"doc-{id}", "organization", None, tuple((n, 1) for n in names),
                     frozenset())


def judged(action: str, a: str, b: str) -> SimpleNamespace:
    return SimpleNamespace(action=action, a=a, b=b, value=None)


def _size(links) -> int:
    return sum(len(side) if isinstance(side, tuple) else 1 for pair in links for side in pair)


def test_telling_apart_two_names_carried_in_many_reports_grows_with_the_reports():
    # a name said in every report of a feed, judged different from a longer one: the
    # links say so once, not once per pair of reports
    groups = [group(f"w{k:03}", "Northern Water Authority") for k in range(300)] + [
        group(f"n{k:03}", "Northern Water Company") for k in range(300)]
    rules = constraints([judged("different", "Northern Water Authority",
                                "Northern Water Company")], groups)
    assert _size(rules.cannot) <= 2 * len(groups)


def test_a_different_judgement_keeps_every_report_of_one_name_from_the_other():
    groups = [group("p1", "Hollin Ridge Militia"), group("p2", "Hollin Ridge Militia"),
              group("q1", "Hollin Ridge Militias"), group("q2", "Hollin Ridge Militias"),
              group("r1", "Hollin Ridge")]
    assert resolve(groups).together("p1", "q1")
    rules = constraints([judged("different", "Hollin Ridge Militia",
                                "Hollin Ridge Militias")], groups)
    result = resolve(groups, cannot_link=rules.cannot)
    assert result.together("p1", "p2") and result.together("q1", "q2")
    assert not any(result.together(p, q) for p in ("p1", "p2") for q in ("q1", "q2"))


def test_sides_of_a_cannot_link_keep_every_member_of_one_apart_from_the_other():
    groups = [group("a", "Saltmarsh Front"), group("b", "Saltmarsh Front"),
              group("c", "Saltmarsh Fronts"), group("d", "Saltmarsh Fronts")]
    assert resolve(groups).clusters == [["a", "b", "c", "d"]]
    result = resolve(groups, cannot_link=[(("a", "b"), ("c", "d"))])
    assert result.clusters == [["a", "b"], ["c", "d"]]
    # the same with the pairs spelled out
    pairs = [(x, y) for x in "ab" for y in "cd"]
    assert resolve(groups, cannot_link=pairs).clusters == result.clusters


def test_a_group_on_both_sides_stays_apart_from_both():
    groups = [group("a", "Saltmarsh Front"), group("b", "Saltmarsh Front", "Saltmarsh Fronts"),
              group("c", "Saltmarsh Fronts")]
    sided = resolve(groups, cannot_link=[(("a", "b"), ("b", "c"))])
    paired = resolve(groups, cannot_link=[("a", "b"), ("a", "c"), ("b", "c")])
    assert paired.clusters == [["a"], ["b"], ["c"]]
    assert sided.clusters == paired.clusters
