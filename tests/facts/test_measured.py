"""Counts of one measure told in two languages (facts/measured.py): their units differ
("человек", "nəfər", "people"), their measures do not."""
from __future__ import annotations

from actorgraph.facts.contradictions import find_contradictions
from actorgraph.store.facts import FactRow

from .test_contradictions import claim


def _count(fid, cid, doc, unit, value, measure, qualifier=None):
    c = claim(cid, doc, 2, "quantity", {"value": value, "unit": unit, "measure": measure,
                                        "qualifier": qualifier})
    return FactRow(fid, "quantity", {"subject": "raid", "unit": unit, "value": value},
                   [c.id], "2024", []), c


def _found(*counts, languages):
    facts, claims = zip(*counts)
    return find_contradictions(list(facts), list(claims), lambda e: e, languages=languages)


def test_the_held_counted_apart_in_two_languages_conflict():
    ru = _count("f1", "a", "d_ru", "человек", 4, "arrested")
    az = _count("f2", "b", "d_az", "nəfər", 9, "arrested")
    found = _found(ru, az, languages={"d_ru": "ru", "d_az": "az"})
    assert len(found) == 1 and found[0].kind == "value" and set(found[0].claims) == {"a", "b"}
    assert "arrested: 4 in a report in ru, 9 in az" in found[0].summary


def test_other_measures_close_values_bounds_and_one_language_do_not():
    ru = _count("f1", "a", "d_ru", "человек", 4, "arrested")
    langs = {"d_ru": "ru", "d_az": "az", "d_ru2": "ru"}
    assert _found(ru, _count("f2", "b", "d_az", "nəfər", 9, "dead"), languages=langs) == []
    assert _found(ru, _count("f2", "b", "d_az", "nəfər", 4.5, "arrested"),
                  languages=langs) == []
    assert _found(ru, _count("f2", "b", "d_az", "nəfər", 9, "arrested", "up to"),
                  languages=langs) == []           # "up to 9" allows 4
    assert _found(ru, _count("f2", "b", "d_az", "nəfər", 2, "arrested", "more"),
                  languages=langs) == []           # two more are added to others
    assert _found(ru, _count("f2", "b", "d_ru2", "задержанный", 9, "arrested"),
                  languages=langs) == []           # one language: its units compare


def test_a_reports_later_count_of_the_held_is_a_running_total_not_another_account():
    from actorgraph.facts.tallies import counted_conflicts

    from .test_contradictions import _count as counted
    first = counted("a", "d", 0, 6, "arrested", "paper")
    later = counted("b", "d", 1, 4, "arrested", "ministry")
    assert counted_conflicts([first, later]) == []
    dead = counted("c", "d", 1, 4, "dead", "ministry")
    assert len(counted_conflicts([counted("e", "d", 0, 6, "dead", "paper"), dead])) == 1
