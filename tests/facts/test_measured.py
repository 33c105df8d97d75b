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


def _every_pair(quantities, by_id, languages):
    """The pairing as it was: each told count against every later one of its group."""
    from collections import defaultdict

    from actorgraph.facts.measured import _apart
    from actorgraph.facts.tallies import interval

    groups = defaultdict(list)
    for q in quantities:
        claims = [by_id[c] for c in q.claims if c in by_id]
        if q.data.get("subject") and claims and all(c.payload.get("measure") for c in claims):
            for c in claims:
                groups[(q.data["subject"], c.payload["measure"])].append((q, c))
    out, seen = [], set()
    for (_, measure), told in sorted(groups.items()):
        for i, (qa, ca) in enumerate(told):
            for qb, cb in told[i + 1:]:
                la, lb = languages.get(ca.doc_id), languages.get(cb.doc_id)
                if qa.id == qb.id or not la or not lb or la == lb or (qa.id, qb.id) in seen:
                    continue
                if _apart(interval(float(qa.data["value"]), ca.payload.get("qualifier")),
                          interval(float(qb.data["value"]), cb.payload.get("qualifier"))):
                    seen.add((qa.id, qb.id))
                    out.append((qa.id, qb.id, measure, ca.id, cb.id))
    return out


def test_the_pairs_found_by_quantity_are_those_of_comparing_every_two_counts():
    import random

    from actorgraph.facts.measured import measured_conflicts

    found = 0
    for seed in range(400):
        rng = random.Random(seed)
        docs = [f"d{k}" for k in range(rng.randint(1, 8))]
        languages = {d: rng.choice(["en", "ru", "az", "fa", None]) for d in docs}
        by_id, facts = {}, []
        for f in range(rng.randint(1, 7)):
            cids = []
            for k in range(rng.randint(1, 6)):
                c = claim(f"c{f}_{k}", rng.choice(docs), 2, "quantity", {
                    "measure": rng.choice(["dead", "dead", "held"]) if rng.random() < 0.95
                    else None, "qualifier": rng.choice([None, None, "up to", "at least"])})
                by_id[c.id] = c
                cids.append(c.id)
            facts.append(FactRow(f"q{rng.randint(0, 9)}{f}", "quantity", {
                "subject": rng.choice(["s1", "s2"]), "unit": "x",
                "value": rng.choice([1, 2, 4, 9, 10, 30])}, rng.sample(cids, len(cids)),
                "2024", []))
        expected = _every_pair(facts, by_id, languages)
        assert [(a.id, b.id, m, ca.id, cb.id) for a, b, m, ca, cb in
                measured_conflicts(facts, by_id, languages)] == expected, seed
        found += len(expected) > 1
    assert found > 40        # the sets give several pairs often enough to compare orders


def test_a_focus_on_one_report_still_compares_its_count_with_another_languages():
    """`focus` narrows only the rules that pair claims of one document."""
    ru = _count("f1", "a", "d_ru", "человек", 4, "arrested")
    az = _count("f2", "b", "d_az", "nəfər", 9, "arrested")
    facts, claims = zip(ru, az)
    found = find_contradictions(list(facts), list(claims), lambda e: e,
                                languages={"d_ru": "ru", "d_az": "az"}, focus={"d_ru"})
    assert [set(c.claims) for c in found] == [{"a", "b"}]
