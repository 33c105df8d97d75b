"""Founding dates that disagree and accounts a report sets against each other: the rules on
hand-built claims, then end to end through ingest and `actorgraph contradictions`."""
from __future__ import annotations

import json

from click.testing import CliRunner

from actorgraph.cli.main import cli
from actorgraph.facts.contradictions import find_contradictions
from actorgraph.facts.tallies import tallies, tally_conflicts
from actorgraph.store.facts import ClaimRow, FactRow

from .corpus import ingested


def claim(cid, doc, sentence, kind="founding", payload=None, speaker=None):
    return ClaimRow(cid, doc, sentence, 0, 10, kind, payload or {}, speaker, "asserted", None,
                    "body", "2024-01-01", keys={speaker: speaker} if speaker else {})


def founding(fid, date, claims):
    return FactRow(fid, "founding", {"subject": "brigade", "date": date, "precision": "year"},
                   [c.id for c in claims], "2024", [("brigade", "subject")])


def test_founding_dates_that_disagree():
    a, b, c = claim("a", "d1", 0), claim("b", "d2", 3), claim("c", "d3", 1)
    facts = [founding("f1", "1994", [a]), founding("f2", "1997", [b]),
             founding("f3", "1994-03", [c])]
    found = find_contradictions(facts, [a, b, c], lambda e: e)
    assert [(x.kind, x.claims) for x in found] == [("founding", ["a", "b"]),
                                                   ("founding", ["b", "c"])]
    assert "1994" in found[0].summary and "1997" in found[0].summary
    # a year and a month inside it agree
    assert find_contradictions(facts[::2], [a, c], lambda e: e) == []


def test_accounts_set_against_each_other():
    pair = {"pair": "p1", "cue": "a different account", "rule": "counter_account"}
    old = claim("o", "d1", 0, "account", {**pair, "role": "disputed"}, "minister")
    new = claim("n", "d1", 1, "account", {**pair, "role": "disputing"}, "police")
    event = FactRow("e", "event", {"type": "ASSAULT"}, ["x"], "2024", [("embassy", "target")])
    told = claim("x", "d1", 0, "event")
    found = find_contradictions([event], [old, new, told], lambda e: e.upper())
    assert [(x.kind, x.claims, x.facts, x.entity_id) for x in found] == [
        ("dispute", ["n", "o"], ["e"], "minister")]
    assert found[0].summary == "POLICE disputes MINISTER's account (\u201ca different account\u201d)"
    # one side alone is no contradiction
    assert find_contradictions([], [old], lambda e: e) == []


TEXTS = {
    "a.txt": ("Donors courted the Sabirin Brigade, founded in 1994 with the help of exiles. "
              "The interior minister said the Sabirin Brigade bombed the depot in Tiraspol. "
              "Officials of the brigade gave a different account: a spokesman said a faulty "
              "cable had started the fire.\n"),
    "b.txt": ("The Sabirin Brigade remains the largest exile group. Some accounts date the "
              "brigade to 1997, when it published its charter.\n"),
}


def test_end_to_end(tmp_path):
    db = ingested(tmp_path, TEXTS)
    run = CliRunner()
    out = run.invoke(cli, ["contradictions", "Sabirin Brigade", "--db", db]).output
    assert "[founding] Sabirin Brigade founded: 1994 in one account, 1997 in another" in out
    assert "[dispute]" in out and "a faulty cable" in out and "bombed the depot" in out
    data = json.loads(run.invoke(cli, ["export", "--db", db]).output)
    texts = {c["id"]: c["text"] for c in data["claims"]}
    sides = [sorted(texts[c] for c in con["claims"]) for con in data["contradictions"]]
    assert any(any("1994" in t for t in s) and any("1997" in t for t in s) for s in sides)


def test_the_two_ends_of_a_range_are_no_contradiction():
    lo, hi = claim("lo", "d1", 4, "quantity"), claim("hi", "d1", 4, "quantity")
    other = claim("o", "d2", 1, "quantity")

    def figure(fid, value, claims):
        return FactRow(fid, "quantity", {"subject": "brigade", "unit": "fighters",
                                         "value": value}, [c.id for c in claims], "2024", [])
    facts = [figure("f1", 5000, [lo]), figure("f2", 7000, [hi])]
    assert find_contradictions(facts, [lo, hi], lambda e: e) == []
    facts.append(figure("f3", 20000, [other]))
    found = find_contradictions(facts, [lo, hi, other], lambda e: e)
    assert len(found) == 1 and "o" in found[0].claims   # the range against 20,000: once


def test_a_revised_toll_is_a_contradiction_however_small_the_change():
    texts = {"d1": "The army first put the death toll at 103, including 40 children. "
                   "It revised it the next day, and the figure most often cited is 95."}
    first = ClaimRow("a", "d1", 0, 0, 63, "quantity", {}, None, "asserted", None, "body",
                     "2024", {})
    kids = ClaimRow("k", "d1", 0, 0, 63, "quantity", {}, None, "asserted", None, "body",
                    "2024", {})
    later = ClaimRow("b", "d1", 1, 64, len(texts["d1"]), "quantity", {}, None, "asserted",
                     None, "body", "2024", {})

    def figure(fid, value, unit, c):
        return FactRow(fid, "quantity", {"subject": None, "unit": unit, "value": value},
                       [c.id], "2024", [])
    facts = [figure("f1", 103, "unspecified", first), figure("f2", 40, "children", kids),
             figure("f3", 95, "unspecified", later)]
    found = find_contradictions(facts, [first, kids, later], lambda e: e, texts)
    assert [c.claims for c in found] == [["a", "b"]]    # 103 then 95, not 40 children


def test_a_person_killed_in_two_different_months():
    texts = {"d1": "Omar Sadiq was killed in a drone strike in July 2016.",
             "d2": "Omar Sadiq led the branch until he was killed in August 2016."}
    a = ClaimRow("a", "d1", 0, 0, len(texts["d1"]), "event", {}, None, "asserted", None,
                 "body", "2024", {})
    b = ClaimRow("b", "d2", 0, 0, len(texts["d2"]), "event", {}, None, "asserted", None,
                 "body", "2024", {})

    def killing(fid, date, c):
        return FactRow(fid, "event", {"type": "ASSAULT", "date": date, "actors": [],
                                      "targets": ["omar"]}, [c.id], "2024",
                       [("omar", "target")])
    facts = [killing("e1", "2016-07", a), killing("e2", "2016-08", b)]
    found = find_contradictions(facts, [a, b], lambda e: e, texts, persons={"omar"})
    assert [(c.kind, c.claims) for c in found] == [("date", ["a", "b"])]
    # a target that is not a person, or a killing dated only to the year, is no such case
    assert find_contradictions(facts, [a, b], lambda e: e, texts, persons=set()) == []


def test_a_first_figure_given_after_another_one_revises_nothing():
    texts = {"d1": "The mosques were bombed a week apart, with 2 staff hurt. "
                   "Officials first put the death toll at 103."}
    a = ClaimRow("a", "d1", 0, 0, 55, "quantity", {}, None, "asserted", None, "body", "2024", {})
    b = ClaimRow("b", "d1", 1, 56, len(texts["d1"]), "quantity", {}, None, "asserted", None,
                 "body", "2024", {})
    facts = [FactRow("f1", "quantity", {"subject": None, "unit": "staff", "value": 2}, ["a"],
                     "2024", []),
             FactRow("f2", "quantity", {"subject": None, "unit": "unspecified", "value": 103},
                     ["b"], "2024", [])]
    assert find_contradictions(facts, [a, b], lambda e: e, texts) == []


def test_casualty_counts_of_one_act_that_disagree():
    assert tallies("The police count four dead and eleven injured.") == {
        "dead": {4.0}, "wounded": {11.0}}
    assert tallies("Hospital staff said 30 were wounded, killing 3 or 4 people.") == {
        "wounded": {30.0}}
    assert tallies("A mortar round killed a medic and wounded 6 others.") == {
        "dead": {1.0}, "wounded": {6.0}}
    # bounds, estimates, ranges, dates and names with numbers are no exact count
    assert tallies("On 9 May shelling near the M-4 road killed a dozen villagers.") == {}
    assert tallies("At least 9 people died and about 40 were hurt.") == {}
    assert tallies("Between 12 and 15 people were killed.") == {}
    a = ClaimRow("a", "d", 3, 0, 46, "quantity", {}, "police", "asserted", None, "body", "2024",
                 keys={"police": "police"})
    b = ClaimRow("b", "d", 4, 47, 120, "quantity", {}, "army", "asserted", None, "body", "2024",
                 keys={"army": "army"})
    text = ("The police count four dead and eleven injured. "
            "The army, in a statement, reported two soldiers killed and 11 people hurt.")
    found = find_contradictions([], [a, b], lambda e: e.upper(), texts={"d": text})
    assert [(x.kind, x.claims) for x in found] == [("value", ["a", "b"])]
    assert found[0].summary == "dead: counted differently by POLICE and ARMY"
    # one voice going on, a bound, or an attack told by one sentence only: no contradiction
    same = ClaimRow("b", "d", 4, 47, 120, "quantity", {}, "police", "asserted", None, "body",
                    "2024", keys={"police": "police"})
    assert find_contradictions([], [a, same], lambda e: e, texts={"d": text}) == []
    other = FactRow("e", "event", {"type": "ASSAULT", "actors": [], "targets": []}, ["x"],
                    "2024", [])
    x = ClaimRow("x", "d", 4, 47, 120, "event", {}, None, "asserted", None, "body", "2024")
    assert find_contradictions([other], [a, b, x], lambda e: e, texts={"d": text}) == []
    bound = "The army, in a statement, reported at least two killed and 11 people hurt."
    assert tally_conflicts([a, b], [], {"d": text[:47] + bound}, set()) == []
    # far apart in the report: two acts
    far = ClaimRow("b", "d", 7, 47, 120, "quantity", {}, "army", "asserted", None, "body",
                   "2024", keys={"army": "army"})
    assert find_contradictions([], [a, far], lambda e: e, texts={"d": text}) == []


def test_casualty_counts_of_one_act_in_two_reports():
    one = "A car bomb in Vorkuta on 3 May killed 12 people, the governor said."
    two = "The 3 May bombing in Vorkuta killed 31, a rescue agency says."
    a = ClaimRow("a", "d1", 2, 0, len(one), "event", {}, None, "asserted", None, "body", "2024")
    b = ClaimRow("b", "d2", 5, 0, len(two), "event", {}, None, "asserted", None, "body", "2024")
    act = FactRow("e", "event", {"type": "ASSAULT", "date": "2024-05-03", "actors": [],
                                 "targets": ["vorkuta"]}, ["a", "b"], "2024", [])
    found = find_contradictions([act], [a, b], lambda e: e, texts={"d1": one, "d2": two})
    assert [(x.kind, x.claims, x.facts, x.entity_id) for x in found] == [
        ("value", ["a", "b"], ["e"], "vorkuta")]
    # counts of two acts are not one act's: two event facts, no contradiction
    act2 = FactRow("e2", "event", {"type": "ASSAULT", "date": "2024-05-09", "actors": [],
                                   "targets": ["vorkuta"]}, ["b"], "2024", [])
    act1 = FactRow("e", "event", {**act.data}, ["a"], "2024", [])
    assert find_contradictions([act1, act2], [a, b], lambda e: e,
                               texts={"d1": one, "d2": two}) == []
    # counts that agree within a fifth, or a bound under the other count, agree
    close = "The 3 May bombing in Vorkuta killed 13, a rescue agency says."
    assert find_contradictions([act], [a, b], lambda e: e, texts={"d1": one, "d2": close}) == []
    bound = "The 3 May bombing in Vorkuta killed at least 9, a rescue agency says."
    assert find_contradictions([act], [a, b], lambda e: e, texts={"d1": one, "d2": bound}) == []


def test_a_denial_of_the_involvement_an_earlier_sentence_gives():
    said = ("Officials in Tiraspol hinted that Moldova was probably behind the bombing of "
            "the depot. Chisinau denied any role.")
    end = said.index(" Chisinau") + 1
    a = ClaimRow("a", "d", 4, 0, end - 1, "event", {}, None, "asserted", None, "body", "2024")
    r = ClaimRow("r", "d", 5, end, len(said), "event", {}, None, "asserted", None, "body",
                 "2024")
    rej = FactRow("j", "event", {"type": "REJECT", "actors": ["moldova"], "targets": []},
                  ["r"], "2024", [])
    aliases = {"moldova": {"Moldova", "Chisinau"}}
    found = find_contradictions([rej], [a, r], lambda e: e.title(), texts={"d": said},
                                aliases=aliases)
    assert [(x.kind, x.claims, x.entity_id) for x in found] == [("denial", ["a", "r"], "moldova")]
    # said not to be involved, or a denial of something else: no contradiction
    cleared = said.replace("was probably behind", "was not behind")
    r2 = ClaimRow("r", "d", 5, cleared.index(" Chisinau") + 1, len(cleared), "event", {}, None,
                  "asserted", None, "body", "2024")
    assert find_contradictions([rej], [a, r2], lambda e: e, texts={"d": cleared},
                               aliases=aliases) == []
    other = said.replace("denied any role", "denied the report")
    r3 = ClaimRow("r", "d", 5, end, len(other), "event", {}, None, "asserted", None, "body",
                  "2024")
    assert find_contradictions([rej], [a, r3], lambda e: e, texts={"d": other},
                               aliases=aliases) == []


def _figure_at(cid, text, sentence, phrase, unit, value):
    start = text.index(phrase)
    c = ClaimRow(cid, "d1", sentence, start, start + len(phrase), "quantity",
                 {"unit": unit, "value": value}, None, "asserted", None, "body", "2024-01-01")
    f = FactRow("q" + cid, "quantity", {"subject": None, "unit": unit, "value": value},
                [cid], "2024", [])
    return c, f


def test_a_count_of_people_does_not_revise_a_weight_named_before():
    text = ("At least 80 tons of explosives were dropped on the block. The ministry said six "
            "people died, up from an initial count of two dead.")
    a, fa = _figure_at("a", text, 0, "80 tons", "tons", 80)
    b, fb = _figure_at("b", text, 1, "The ministry said six people died, up from an initial "
                       "count of two dead", "people", 2)
    assert find_contradictions([fa, fb], [a, b], lambda e: e, {"d1": text}) == []


def test_a_bare_figure_revises_the_count_before_it():
    text = ("The army said 30 fighters were killed. Medics later put the number at 12.")
    a, fa = _figure_at("a", text, 0, "30 fighters", "fighters", 30)
    b, fb = _figure_at("b", text, 1, "Medics later put the number at 12", "unspecified", 12)
    found = find_contradictions([fa, fb], [a, b], lambda e: e, {"d1": text})
    assert [c.kind for c in found] == ["value"]


def test_a_person_hurt_lightly_in_one_report_and_gravely_in_another():
    light = ClaimRow("l", "d1", 2, 0, 10, "condition",
                     {"subject": "k1", "condition": "light", "cue": "superficial"}, None,
                     "asserted", None, "body", "2024", keys={"k1": "envoy"})
    grave = ClaimRow("g", "d2", 7, 0, 10, "condition",
                     {"subject": "k2", "condition": "grave", "cue": "lost"}, None,
                     "asserted", None, "body", "2024", keys={"k2": "envoy"})
    other = ClaimRow("o", "d2", 8, 0, 10, "condition",
                     {"subject": "k3", "condition": "grave", "cue": "seriously"}, None,
                     "asserted", None, "body", "2024", keys={"k3": "guard"})
    found = find_contradictions([], [light, grave, other], lambda e: e.upper())
    assert [(x.kind, x.claims, x.entity_id) for x in found] == [("condition", ["g", "l"],
                                                                  "envoy")]
    assert "ENVOY" in found[0].summary


def _count(cid, doc, sentence, value, measure, speaker, qualifier=None):
    return ClaimRow(cid, doc, sentence, 0, 10, "quantity",
                    {"value": value, "unit": "people", "measure": measure,
                     "qualifier": qualifier}, speaker, "asserted", None, "body", "2024",
                    keys={speaker: speaker} if speaker else {})


def test_counts_of_the_dead_by_two_voices_that_cannot_both_hold():
    from actorgraph.facts.tallies import counted_conflicts
    one = _count("a", "d", 4, 1, "dead", "militia")
    bound = _count("b", "d", 5, 17, "dead", "anonymous", "at least")
    found = find_contradictions([], [one, bound], lambda e: e.upper())
    assert [(x.kind, x.claims) for x in found] == [("value", ["a", "b"])]
    # a range of estimates in one sentence: the ends are two voices' counts
    low, high = _count("l", "d", 9, 1, "dead", "militia"), _count("h", "d", 9, 22, "dead", "ngo")
    assert [{a.id, b.id} for a, b, _ in counted_conflicts([low, high])] == [{"l", "h"}]
    # a bound the other count meets, one voice going on, far apart, or another measure: none
    assert counted_conflicts([_count("a", "d", 4, 22, "dead", "ngo"), bound]) == []
    assert counted_conflicts([one, _count("b", "d", 5, 17, "dead", "militia")]) == []
    assert counted_conflicts([one, _count("b", "d", 9, 17, "dead", "ngo")]) == []
    assert counted_conflicts([one, _count("b", "d", 5, 17, "wounded", "ngo")]) == []
    assert counted_conflicts([one, _count("b", "d", 5, 1.1, "dead", "ngo")]) == []


def test_counts_of_two_acts_each_told_by_its_sentence_do_not_conflict():
    from actorgraph.facts.tallies import counted_conflicts
    raid = _count("a", "d", 4, 25, "dead", "army", "at least")
    rocket = _count("b", "d", 6, 1, "dead", None)
    e1 = FactRow("e1", "event", {"type": "ASSAULT", "actors": [], "targets": []}, ["x"], "2024",
                 [])
    e2 = FactRow("e2", "event", {"type": "ASSAULT", "actors": [], "targets": []}, ["y"], "2024",
                 [])
    told = [ClaimRow("x", "d", 4, 0, 9, "event", {}, None, "asserted", None, "body", "2024"),
            ClaimRow("y", "d", 6, 0, 9, "event", {}, None, "asserted", None, "body", "2024")]
    assert counted_conflicts([raid, rocket] + told, [e1, e2]) == []
    assert len(counted_conflicts([raid, rocket] + told[:1], [e1])) == 1


def test_a_count_of_a_member_and_of_the_body_it_belongs_to_is_one_voice():
    from actorgraph.facts.tallies import counted_conflicts
    minister = _count("a", "d", 4, 12, "dead", "minister")
    ministry = _count("b", "d", 5, 8, "dead", "ministry")
    member = FactRow("r", "relation", {"subject": "minister", "predicate": "leader_of",
                                       "object": "ministry"}, [], "2024", [])
    assert counted_conflicts([minister, ministry], [member]) == []
    assert len(counted_conflicts([minister, ministry], [])) == 1


def test_a_count_of_people_revises_a_count_of_the_same_measure():
    text = ("The agency first said that 34 staff had been injured. It later put the number of "
            "wounded at more than 40.")
    a, fa = _figure_at("a", text, 0, "34 staff", "staff", 34)
    b, fb = _figure_at("b", text, 1, "It later put the number of wounded at more than 40",
                       "people", 40)
    a.payload["measure"] = b.payload["measure"] = "wounded"
    found = find_contradictions([fa, fb], [a, b], lambda e: e, {"d1": text})
    assert [c.kind for c in found] == ["value"]


def test_a_short_name_inside_another_word_names_nobody():
    text = ("Kara Hisar rejects the inquiry. Khalid Aziz, an ally of the premier, "
            "accused the militias of the attack.")
    rej = ClaimRow("r", "d", 0, 0, 31, "event", {}, None, "asserted", None, "body", "2024")
    acc = ClaimRow("a", "d", 1, 32, len(text), "event", {}, None, "asserted", None, "body",
                   "2024")
    facts = [FactRow("e1", "event", {"type": "REJECT", "actors": ["hand"], "targets": []},
                     ["r"], "2024", []),
             FactRow("e2", "event", {"type": "ACCUSE", "actors": ["rafael"],
                                     "targets": ["premier"]}, ["a"], "2024", [])]
    aliases = {"hand": {"Kara Hisar", "KH"}}
    assert find_contradictions(facts, [rej, acc], lambda e: e, {"d": text}, aliases) == []
    named = text.replace("accused the militias", "accused KH")
    acc2 = ClaimRow("a", "d", 1, 32, len(named), "event", {}, None, "asserted", None, "body",
                    "2024")
    assert len(find_contradictions(facts, [rej, acc2], lambda e: e, {"d": named},
                                   aliases)) == 1


def test_an_attack_counted_differently_in_two_reports_is_named_in_plain_words():
    """The summary names the act with its own article ("in an attack of <date>"), not
    one stacked on another ("in the an attack")."""
    first = ClaimRow("a", "d1", 0, 0, 44, "event", {}, None, "asserted", None, "body", "2024")
    second = ClaimRow("b", "d2", 0, 0, 44, "event", {}, None, "asserted", None, "body", "2024")
    attack = FactRow("e", "event", {"type": "ASSAULT", "actors": ["brigade"],
                                    "targets": ["town"], "date": "2020-01-04"},
                     ["a", "b"], "2024", [])
    texts = {"d1": "The brigade killed 12 people in the town raid.",
             "d2": "The brigade killed 30 people in the town raid."}
    found = find_contradictions([attack], [first, second], lambda e: e, texts=texts)
    assert [x.summary for x in found] == [
        "dead in an attack of 2020-01-04: counted differently in two accounts"]


def test_a_denial_rests_on_its_own_report_of_an_act_retold_in_many():
    # one report tells a bombing and the denial of it; two hundred others retell the
    # bombing only. The denial answers its own report's telling: the contradiction rests on
    # those two sentences (the act's fact leads to the other tellings), not on every
    # telling once per denial, which grows with the square of the reports
    told = "Moldova bombed the depot near Bender on 3 May, officials said."
    denied = told + " Chisinau denied any role."
    r = ClaimRow("r", "d000", 1, len(told) + 1, len(denied), "event", {}, None, "asserted",
                 None, "body", "2024")
    tellings = [ClaimRow("a000", "d000", 0, 0, len(told), "event", {}, None, "asserted", None,
                         "body", "2024")] + [
        ClaimRow(f"a{k:03}", f"d{k:03}", 0, 0, len(told), "event", {}, None, "asserted", None,
                 "body", "2024") for k in range(1, 201)]
    act = FactRow("e", "event", {"type": "ASSAULT", "date": "2024-05-03", "actors": ["moldova"],
                                 "targets": []}, [c.id for c in tellings], "2024", [])
    rej = FactRow("j", "event", {"type": "REJECT", "actors": ["moldova"], "targets": []},
                  ["r"], "2024", [])
    texts = {c.doc_id: told for c in tellings} | {"d000": denied}
    found = find_contradictions([act, rej], tellings + [r], lambda e: e.title(), texts=texts,
                                aliases={"moldova": {"Moldova", "Chisinau"}})
    assert [(x.kind, x.claims, x.facts) for x in found] == [("denial", ["a000", "r"],
                                                             ["e", "j"])]
