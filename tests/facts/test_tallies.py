"""Counts of the dead of one act told by many reports (facts/tallies.act_tally_conflicts):
a retelling that counts the act as an earlier telling did adds no disagreement of its own,
so the contradictions grow with the different counts, not with the square of the tellings;
one voice going on is still no contradiction, and a retelling may still disagree with what
the earlier telling it repeats was excused from."""
from __future__ import annotations

import random

from actorgraph.facts.contradictions import find_contradictions
from actorgraph.facts.tallies import act_tally_conflicts, tallies
from actorgraph.store.facts import ClaimRow, FactRow

ATTACKS = {"ASSAULT"}


def _report(doc: str, *sentences: tuple[str, str | None]):
    """The claims of one report telling the act, a sentence each, with the report's text:
    `sentences` are (sentence, speaker key)."""
    claims, text = [], ""
    for n, (said, speaker) in enumerate(sentences):
        start = len(text)
        text += said + " "
        claims.append(ClaimRow(f"{doc}-{n}", doc, n, start, start + len(said), "event", {},
                               speaker, "asserted", None, "body", "2024-01-01",
                               keys={speaker: speaker} if speaker else {}))
    return claims, {doc: text}


def _told(*reports):
    """The claims of `reports` as one act (an ambush on a ridge), and the reports' texts."""
    claims, texts = [], {}
    for c, t in reports:
        claims += c
        texts.update(t)
    act = FactRow("ambush", "event", {"type": "ASSAULT", "date": "2023-10-02", "actors": [],
                                      "targets": ["ridge"]}, [c.id for c in claims], "2024", [])
    return claims, act, texts


def _pairs(claims, act, texts) -> list[set[str]]:
    return [{a.id, b.id} for a, b, _, _ in act_tally_conflicts(claims, [act], texts, ATTACKS)]


SEVEN = "The ambush on the Korvel ridge killed 7 border guards, the governor said."
NINETEEN = "Villagers on the Korvel ridge said 19 people were killed in the ambush."
FORTY = "A medical charity said 40 were killed in the ridge ambush."


def test_the_sentences_count_what_the_tests_say():
    assert [tallies(s) for s in (SEVEN, NINETEEN, FORTY)] == [
        {"dead": {7.0}}, {"dead": {19.0}}, {"dead": {40.0}}]


def test_a_thousand_retellings_of_two_counts_are_one_contradiction():
    """Two counts of one ambush, each retold by 500 reports: one disagreement, whose
    contradiction rests on the first telling of each count; comparing every two tellings
    gave 250,000."""
    for n in (10, 1000):
        reports = [_report(f"d{k:04d}", (SEVEN if k % 2 else NINETEEN, "source"))
                   for k in range(n)]
        claims, act, texts = _told(*reports)
        assert _pairs(claims, act, texts) == [{"d0000-0", "d0001-0"}]
        found = find_contradictions([act], claims, lambda e: e, texts=texts)
        assert [(x.kind, x.claims) for x in found] == [("value", ["d0000-0", "d0001-0"])]


def test_each_different_count_still_disagrees_with_each_other():
    """Three counts, each retold by many reports, some also counting the wounded: each two
    counts that disagree are one contradiction; a count within a fifth of another is none."""
    wounded = "The ambush on the Korvel ridge killed 7 people and wounded 30, officials said."
    close = "Officials said 8 were killed in the Korvel ridge ambush."
    sentences = [SEVEN, NINETEEN, FORTY, wounded, close]
    reports = [_report(f"d{k:03d}", (sentences[k % 5], None)) for k in range(300)]
    claims, act, texts = _told(*reports)
    # firsts: d000 (7), d001 (19), d002 (40), d003 (7 and 30 wounded), d004 (8)
    assert _pairs(claims, act, texts) == [
        {"d000-0", "d001-0"}, {"d000-0", "d002-0"}, {"d001-0", "d002-0"},
        {"d001-0", "d003-0"}, {"d001-0", "d004-0"}, {"d002-0", "d003-0"},
        {"d002-0", "d004-0"}]


def test_a_retelling_disagrees_with_what_the_telling_it_repeats_was_excused_from():
    """One voice going on in one report (7, then 19: its own update) is no contradiction;
    another report that also counts 7 repeats the first count, yet disagrees with the 19,
    which the first telling of 7 was never compared with."""
    going_on = _report("d1", (SEVEN, "governor"),
                       ("The governor later said 19 people were killed in the ambush.",
                        "governor"))
    assert _pairs(*_told(going_on)) == []
    again = _report("d2", (SEVEN.replace("the governor", "a local paper"), "paper"))
    assert _pairs(*_told(going_on, again)) == [{"d1-1", "d2-0"}]
    # the repeating report told first
    before = _report("d0", (SEVEN.replace("the governor", "a local paper"), "paper"))
    assert _pairs(*_told(before, going_on)) == [{"d0-0", "d1-1"}]
    # two reports each going on from 7 to 19: each one's 7 disagrees with the other's 19;
    # a third report's 7 adds nothing
    other = _report("d3", (SEVEN.replace("the governor", "the army"), "army"),
                    ("The army later said 19 people were killed in the ambush.", "army"))
    assert _pairs(*_told(going_on, other)) == [{"d1-0", "d3-1"}, {"d1-1", "d3-0"}]
    assert _pairs(*_told(going_on, again, other)) == [{"d1-0", "d3-1"}, {"d1-1", "d2-0"}]


def _every_pair(claims, act, texts) -> list[set[str]]:
    """The act's disagreements as they were found before: every two counting sentences in
    different voices compared."""
    counted = {}
    for c in sorted(claims, key=lambda c: c.id):
        text = texts[c.doc_id][c.start:c.end]
        if (c.doc_id, c.sentence) not in counted and tallies(text):
            counted[(c.doc_id, c.sentence)] = (c, tallies(text))
    keys, out = sorted(counted), []
    for i, ka in enumerate(keys):
        for kb in keys[i + 1:]:
            (ca, ta), (cb, tb) = counted[ka], counted[kb]
            if (ca.doc_id, ca.speaker_key) != (cb.doc_id, cb.speaker_key) and any(
                    abs(min(ta[m]) - min(tb[m])) / max(min(ta[m]), min(tb[m])) > 0.2
                    for m in set(ta) & set(tb)):
                out.append({ca.id, cb.id})
    return out


def test_retellings_keep_every_disagreement_of_two_counts_and_drop_only_repeats():
    """Random reports, each a few sentences by one or two voices with one of three counts:
    every contradiction found is one comparing every two sentences finds, and every two
    counts that disagree there (in some two voices) still do."""
    counts = [SEVEN, NINETEEN, FORTY]
    for seed in range(200):
        rng = random.Random(seed)
        reports = [_report(f"d{d}", *((rng.choice(counts), rng.choice(["a", "b"]))
                                      for _ in range(rng.randint(1, 3))))
                   for d in range(rng.randint(1, 6))]
        told = _told(*reports)
        found, every = _pairs(*told), _every_pair(*told)
        assert all(pair in every for pair in found), seed
        text = {c.id: told[2][c.doc_id][c.start:c.end] for c in told[0]}
        assert {frozenset(text[x] for x in p) for p in found} == \
            {frozenset(text[x] for x in p) for p in every}, seed
