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
    """measured_conflicts as it was: every two claims of a subject and measure compared."""
    from actorgraph.facts.measured import _apart, told_by_measure
    from actorgraph.facts.tallies import interval
    groups = told_by_measure(quantities, by_id)
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
                    out.append((qa, qb, measure, ca, cb))
    return out


def _random_counts(rng):
    """Quantity facts of two subjects, each told by several claims of random documents,
    measures, qualifiers and languages (some documents without one)."""
    facts, claims = [], []
    for f in range(rng.randint(1, 7)):
        ids = []
        subject, value = rng.choice(["raid", "siege"]), rng.choice([2, 4, 5, 9, 30])
        for _ in range(rng.randint(1, 6)):
            cid = f"c{len(claims):03d}"
            claims.append(claim(cid, f"d{rng.randint(0, 5)}", 1, "quantity", {
                "value": value, "unit": "people", "qualifier": rng.choice([None, "up to", "more"]),
                "measure": rng.choice(["dead", "dead", "arrested"])}))
            ids.append(cid)
        facts.append(FactRow(f"f{f}", "quantity", {"subject": subject, "unit": "people",
                                                   "value": value}, ids, "2024", []))
    languages = {f"d{n}": rng.choice(["ru", "az", "en", None]) for n in range(6)}
    return facts, {c.id: c for c in claims}, languages


def test_measured_conflicts_are_those_of_comparing_every_two_claims():
    import random

    from actorgraph.facts.measured import measured_conflicts
    found_some = False
    for seed in range(400):
        facts, by_id, languages = _random_counts(random.Random(seed))
        expected = _every_pair(facts, by_id, languages)
        got = measured_conflicts(facts, by_id, languages)
        assert [(a.id, b.id, m, x.id, y.id) for a, b, m, x, y in got] == \
            [(a.id, b.id, m, x.id, y.id) for a, b, m, x, y in expected], seed
        found_some |= bool(got)
    assert found_some


def test_a_count_told_in_many_reports_is_not_compared_with_each_other_telling():
    """Two counts of one subject, each told by 300 reports in two languages: the claims
    looked at grow with the claims, not with their square."""
    from actorgraph.facts.measured import measured_conflicts

    class Looked(dict):
        """The documents' languages, counting how often one is looked up."""
        calls = 0

        def get(self, key, default=None):
            Looked.calls += 1
            return super().get(key, default)

        def __getitem__(self, key):
            Looked.calls += 1
            return super().__getitem__(key)

    counts = [_count(f"f{v}", f"c{v}-{n:03d}", f"d{n:03d}", "people", v, "dead")
              for v in (4, 9) for n in range(300)]
    facts = [FactRow(f"f{v}", "quantity", {"subject": "raid", "unit": "people", "value": v},
                     [c.id for f, c in counts if f.id == f"f{v}"], "2024", []) for v in (4, 9)]
    languages = Looked({f"d{n:03d}": ("ru", "az")[n % 2] for n in range(300)})
    found = measured_conflicts(facts, {c.id: c for _, c in counts}, languages)
    assert [(a.id, b.id, x.id, y.id) for a, b, _, x, y in found] == [
        ("f4", "f9", "c4-000", "c9-001")]
    assert Looked.calls < 10 * len(counts)


def test_a_focus_on_one_report_still_compares_its_count_with_another_languages():
    """`focus` narrows only the rules that pair claims of one document."""
    ru = _count("f1", "a", "d_ru", "человек", 4, "arrested")
    az = _count("f2", "b", "d_az", "nəfər", 9, "arrested")
    facts, claims = zip(ru, az)
    found = find_contradictions(list(facts), list(claims), lambda e: e,
                                languages={"d_ru": "ru", "d_az": "az"}, focus={"d_ru"})
    assert [set(c.claims) for c in found] == [{"a", "b"}]
