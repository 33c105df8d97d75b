"""Narratives from the analyst's file: assignment against the planted labels, spread to
near-duplicates, the daily series and its peak."""
from __future__ import annotations

import pytest

from actorgraph.campaign import narratives as nv
from actorgraph.campaign.records import ExportError, Post

from ..conftest import ROOT

FILE = ROOT / "examples" / "campaign" / "narratives.yaml"


@pytest.fixture(scope="module")
def labelled(corpus):
    defs = nv.load(FILE)
    return defs, nv.assign(corpus.posts, defs)


def test_precision_and_recall_on_planted_narratives(generated, labelled):
    truth = generated[1]
    gold = {(pid, r["narrative"]) for pid, r in truth["posts"].items() if r["narrative"]}
    got = {(pid, nid) for pid, labs in labelled[1].items() for nid in labs}
    hit = len(gold & got)
    assert hit / len(got) >= 0.9
    assert hit / len(gold) >= 0.8


def test_spike_day_is_the_detected_peak_and_a_burst(generated, corpus, labelled):
    truth = generated[1]
    rows = {r["id"]: r for r in nv.series(corpus.posts, labelled[1], labelled[0])}
    spike = rows[truth["spike"]["narrative"]]
    assert spike["peak"] == truth["spike"]["day"]
    assert truth["spike"]["day"] in spike["bursts"]
    for row in rows.values():
        assert sum(row["daily"].values()) == row["posts"]


def test_labels_cite_post_time_and_rule(corpus, labelled):
    rows = nv.evidence(labelled[1], corpus.posts)
    assert rows and all(r["utc"].endswith("Z") and r["rule"] in
                        {"phrase", "keywords", "near-duplicate"} and r["matched"] for r in rows)


def _p(pid, text, t=0):
    return Post(id=pid, channel_id=pid.split(":")[0], channel_name="x", message_id=1,
                time=t, text=text)


def test_rules_phrases_keywords_and_azerbaijani_endings():
    defs = {n.id: n for n in nv.load(FILE)}
    water = defs["water-supply"]
    assert nv.match(water, nv.tokens("Su təchizatında fasilə")).rule == "phrase"
    assert nv.match(water, nv.tokens("SUYU anbarından verilir")).rule == "keywords"
    assert nv.match(water, nv.tokens("The water polo team trained")) is None


def test_near_duplicates_inherit_a_label():
    defs = nv.load(FILE)
    base = ("Residents of Ganja reported interruptions in the water supply lasting five "
            "hours on Monday morning across the northern district")
    variant = base.replace("water supply", "wаter suррly")   # look-alike letters
    other = "The football club of Ganja won its home match on Monday in the northern district"
    labels = nv.assign([_p("a:1", base), _p("b:1", variant, 30), _p("c:1", other)], defs)
    assert labels["a:1"]["water-supply"].rule == "phrase"
    assert labels["b:1"]["water-supply"].rule == "near-duplicate"
    assert labels["b:1"]["water-supply"].matched == ["a:1"]
    assert "c:1" not in labels


def test_burst_limit_is_robust_to_the_burst():
    days = [5, 6, 4, 5, 7, 5, 6, 4, 60]
    limit = nv.burst_limit(days)
    assert 7 <= limit < 60


def test_bad_narratives_file_names_itself(tmp_path):
    bad = tmp_path / "n.yaml"
    bad.write_text("narratives: [{label: x}]", encoding="utf-8")
    with pytest.raises(ExportError, match=r"n\.yaml: narrative 1 has no `id`"):
        nv.load(bad)
