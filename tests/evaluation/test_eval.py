"""Scoring an export against a gold annotation: each matching rule on hand-made inputs.

Parity with the reference scorer on real and random exports is checked apart,
by `bench/check_eval_parity.py`.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from actorgraph.cli.main import cli
from actorgraph.evaluation import InputError, evaluate
from actorgraph.evaluation.names import fold

DOC = {"id": "doc-1", "source": "reports/a.txt"}
OTHER_DOC = {"id": "doc-2", "source": "b.txt"}


def ent(id: str, name: str, *aliases: str, type: str = "person") -> dict:
    return {"id": id, "type": type, "name": name, "aliases": list(aliases)}


def gent(key: str, *names: str, type: str = "person", accept=(), optional=False) -> dict:
    item = {"key": key, "type": type, "names": list(names), "accept": list(accept)}
    return item | ({"optional": True} if optional else {})


def export(**sections) -> dict:
    return {"format": "actorgraph/1", "documents": [DOC, OTHER_DOC], "entities": [],
            "relations": [], "events": [], "claims": [], "contradictions": []} | sections


def gold(**sections) -> dict:
    return {"documents": ["a.txt", "b.txt"], "entities": [], "relations": [], "events": [],
            "quantities": [], "contradictions": []} | sections


PEOPLE = [gent("soleimani", "Qassem Soleimani", "Soleimani", accept=["Qasem Soleimani"]),
          gent("aliyev", "Ilham Aliyev", "Aliyev"),
          gent("heydar", "Heydar Aliyev"),
          gent("begli", "Tawhid Ibrahim Begli", "Ibrahim Begli", "Begli"),
          gent("husseiniyyun", "Husseiniyyun", "Hüseynçilər", type="organization"),
          gent("iran", "Iran", type="country", accept=["Tehran"]),
          gent("azerbaijan", "Azerbaijan", type="country", accept=["Baku"]),
          gent("baku", "Baku", type="place"),
          gent("ganja", "Ganja", type="place"),
          gent("israel", "Israel", type="country", optional=True)]
ENTITIES = [ent("e-sol", "Soleimani", "Qassem Soleimani"),
            ent("e-ali", "Ilham Aliyev", "Aliyev"),
            ent("e-beg", "Tawhid Ibrahim Begli", "Ibrahim Begli", "Begli"),
            ent("e-hus", "Husseiniyyun", "Hüseynçilər", type="organization"),
            ent("e-iran", "Iran", type="country"),
            ent("e-aze", "Azerbaijan", type="country"),
            ent("e-baku", "Baku", type="place"),
            ent("e-ganja", "Ganja", type="place")]


def score(exp: dict, gld: dict, corpus=None):
    return evaluate(exp, gld, corpus)


# --- names -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, folded", [
    ("Gen. Qassem Soleimani", "qassem soleimani"),
    ("Maj. Gen. Qasem Soleimani", "qasem soleimani"),
    ("The Husseiniyyun's", "husseiniyyun"),
    ("the Ayatollah Ruhollah Khomeini", "ruhollah khomeini"),
    ("Hüseynçilər", "huseyncilər"),
    ("Elmar Vəliyev", "elmar vəliyev"),          # ə is a letter, not a diacritic
    ("Kata\u2019ib Hezbollah", "kata ib hezbollah"),
    ("U.S.", "u s"),
    ("President", "president"),                   # a title alone stays
    ("", ""),
    (None, ""),
])
def test_names_fold_case_diacritics_punctuation_the_and_titles(name, folded):
    assert fold(name) == folded


def test_an_entity_is_found_by_any_name_in_any_spelling():
    exp = export(entities=[ent("e1", "Gen. Qassém SOLEIMANI"),
                           ent("e2", "the Hüseynçilər's", type="organization")])
    r = score(exp, gold(entities=PEOPLE[:1] + PEOPLE[4:5]))
    assert r.figures["entity_recall"] == 1.0
    assert r.figures["entity_precision"] == 1.0
    assert r.figures["entity_type_accuracy"] == 1.0


def test_accept_names_count_only_when_no_gold_name_does():
    exp = export(entities=[ent("e1", "Tehran", type="country"),
                           ent("e2", "Baku", "Azerbaijan", type="country")])
    r = score(exp, gold(entities=PEOPLE))
    # e1 is Iran by its accepted name; e2 carries the names of the city Baku and of
    # Azerbaijan: a false merge, linked to the first key in sort order on a tie
    assert r.misses["false_merges"] == [("e2", "Baku", ["azerbaijan", "baku"])]
    assert r.figures["false_merges"] == 1
    assert "iran" not in r.misses["missed_entities"]
    assert "azerbaijan" not in r.misses["missed_entities"]
    assert "baku" in r.misses["missed_entities"]


def test_a_false_merge_links_to_the_gold_entity_it_names_most():
    exp = export(entities=[ent("e1", "Aliyev", "Ilham Aliyev", "Heydar Aliyev")])
    r = score(exp, gold(entities=PEOPLE[1:3]))
    assert r.figures["false_merges"] == 1
    assert r.misses["missed_entities"] == ["heydar"]
    assert r.figures["entity_recall"] == 0.5


def test_a_split_entity_is_found_but_counted_as_split():
    exp = export(entities=[ent("e1", "Tawhid Ibrahim Begli"), ent("e2", "Begli")])
    r = score(exp, gold(entities=PEOPLE[3:4]))
    assert r.figures["entity_recall"] == 1.0
    assert r.figures["split_entities"] == 1 and r.misses["splits"] == ["begli"]
    # three names make three pairs, and no entity carries two of them
    assert r.figures["alias_pair_recall"] == 0.0


def test_alias_pairs_ask_for_two_gold_names_on_one_entity():
    exp = export(entities=[ent("e1", "Ibrahim Begli", "Begli"), ent("e2", "Tawhid Ibrahim Begli")])
    r = score(exp, gold(entities=PEOPLE[3:4]))
    assert r.figures["alias_pair_recall"] == 0.333
    assert r.misses["missed_alias_pairs"] == [("Tawhid Ibrahim Begli", "Ibrahim Begli"),
                                              ("Tawhid Ibrahim Begli", "Begli")]


def test_entity_precision_and_types_optional_gold_and_channels():
    exp = export(entities=[ent("e1", "Israel", type="place"),            # optional gold
                           ent("e2", "Nobody Known"),                    # no gold
                           ent("e3", "@husseiniyyun_tv", type="channel"),  # not counted
                           ent("e4", "Ganja", type="organization")])   # wrong type
    r = score(exp, gold(entities=PEOPLE))
    assert r.figures["entity_precision"] == 0.667
    assert r.misses["entities_matching_no_gold"] == ["Nobody Known"]
    assert r.figures["entity_recall"] == 0.111      # 1 of 9 required; Israel is optional
    assert "israel" not in r.misses["missed_entities"]
    assert r.figures["entity_type_accuracy"] == 0.0
    assert r.misses["wrong_type"] == ["ganja"]
    assert r.figures["total_entities"] == 4


# --- relations ---------------------------------------------------------------------------

def rel(s: str, p: str, o: str) -> dict:
    return {"id": f"r-{s}-{p}-{o}", "subject": s, "predicate": p, "object": o, "claims": []}


RELATIONS = [{"s": "begli", "p": "leader_of|founder_of", "o": "husseiniyyun"},
             {"s": "husseiniyyun", "p": "sponsored_by", "o": "iran"},
             {"s": "husseiniyyun", "p": "allied_with", "o": "iran"},
             {"s": "husseiniyyun", "p": "opposes", "o": "azerbaijan|baku"},
             {"s": "soleimani", "p": "associate_of", "o": "begli", "optional": True}]


def test_relations_match_predicate_and_ends_symmetric_ones_either_way():
    exp = export(entities=ENTITIES, relations=[
        rel("e-beg", "founder_of", "e-hus"),        # one of two predicates
        rel("e-iran", "allied_with", "e-hus"),      # symmetric, reversed
        rel("e-iran", "sponsored_by", "e-hus"),     # not symmetric, reversed: no gold
        rel("e-hus", "opposes", "e-baku"),          # one of two objects
    ])
    r = score(exp, gold(entities=PEOPLE, relations=RELATIONS))
    assert (r.figures["relation_precision"], r.figures["relation_recall"]) == (0.75, 0.75)
    assert r.figures["relation_f1"] == 0.75
    assert r.misses["missed_relations"] == ["husseiniyyun sponsored_by iran"]
    assert r.misses["wrong_relations"] == [["e-iran", "sponsored_by", "e-hus", "no gold"]]


def test_a_repeated_relation_lowers_precision():
    exp = export(entities=ENTITIES, relations=[rel("e-beg", "leader_of", "e-hus"),
                                               rel("e-beg", "founder_of", "e-hus")])
    r = score(exp, gold(entities=PEOPLE, relations=RELATIONS[:1]))
    assert r.figures["relation_precision"] == 0.5 and r.figures["relation_recall"] == 1.0
    assert r.misses["wrong_relations"][0][-1] == "duplicate"


def test_optional_gold_is_neither_required_nor_penalised():
    with_optional = export(entities=ENTITIES, relations=[rel("e-beg", "associate_of", "e-sol"),
                                                         rel("e-beg", "leader_of", "e-hus")])
    without = export(entities=ENTITIES, relations=[rel("e-beg", "leader_of", "e-hus")])
    gld = gold(entities=PEOPLE, relations=[RELATIONS[0], RELATIONS[4]])
    for exp in (with_optional, without):
        r = score(exp, gld)
        assert (r.figures["relation_precision"], r.figures["relation_recall"]) == (1.0, 1.0)
        assert r.misses["missed_relations"] == []


# --- events ------------------------------------------------------------------------------

def evt(type: str, date, actors=(), targets=(), location=None) -> dict:
    return {"id": f"v-{type}-{date}", "type": type, "date": date, "actors": list(actors),
            "targets": list(targets), "location": location, "claims": []}


SHOOTING = {"type": "ASSAULT", "date": "2018-07-03", "actors": ["husseiniyyun"],
            "targets": ["aliyev"], "location": "ganja", "note": "the shooting"}
ARREST = {"type": "COERCE", "date": "2023", "actors": ["azerbaijan|baku"],
          "targets": ["begli"], "accept_types": ["ACCUSE"], "note": "the arrest"}


def test_events_match_type_compatible_date_and_a_shared_participant():
    exp = export(entities=ENTITIES, events=[
        evt("ASSAULT", "2018", targets=["e-ali"]),              # a prefix of the gold date
        evt("ACCUSE", "2023-11-30", actors=["e-baku"], targets=["e-beg"]),  # accepted type
    ])
    r = score(exp, gold(entities=PEOPLE, events=[SHOOTING, ARREST]))
    assert (r.figures["event_precision"], r.figures["event_recall"]) == (1.0, 1.0)
    assert r.figures["event_date_exact"] == 0.5         # "2018" is not "2018-07-03"


@pytest.mark.parametrize("event", [
    evt("ASSAULT", "2019", targets=["e-ali"]),             # incompatible date
    evt("ASSAULT", None, targets=["e-ali"]),               # no date against a dated gold
    evt("THREATEN", "2018-07-03", targets=["e-ali"]),      # type not accepted
    evt("ASSAULT", "2018-07-03", targets=["e-beg"]),       # no shared participant
])
def test_events_that_do_not_match(event):
    r = score(export(entities=ENTITIES, events=[event]), gold(entities=PEOPLE, events=[SHOOTING]))
    assert r.figures["event_recall"] == 0.0 and r.figures["event_precision"] == 0.0
    assert r.misses["missed_events"] == ["ASSAULT 2018-07-03 the shooting"]


def test_events_are_matched_one_to_one_so_telling_one_twice_lowers_precision():
    twice = [evt("ASSAULT", "2018-07-03", targets=["e-ali"], location="e-ganja"),
             evt("ASSAULT", "2018-07", actors=["e-hus"])]
    r = score(export(entities=ENTITIES, events=twice), gold(entities=PEOPLE, events=[SHOOTING]))
    assert (r.figures["event_precision"], r.figures["event_recall"]) == (0.5, 1.0)
    assert r.figures["event_f1"] == 0.667
    assert r.figures["event_date_exact"] == 1.0     # the first has more participants
    assert r.misses["unmatched_system_events"] == [["ASSAULT", "2018-07", ["e-hus"], []]]


def test_a_gold_event_without_date_takes_any_and_optional_ones_cost_nothing():
    undated = SHOOTING | {"date": None}
    optional = ARREST | {"optional": True}
    exp = export(entities=ENTITIES, events=[evt("COERCE", "2023-01", actors=["e-aze"]),
                                            evt("ASSAULT", "1999", targets=["e-ali"])])
    r = score(exp, gold(entities=PEOPLE, events=[optional, undated]))
    assert (r.figures["event_precision"], r.figures["event_recall"]) == (1.0, 1.0)
    assert r.figures["event_date_exact"] == 0.0     # no dated required gold event found


# --- quantities --------------------------------------------------------------------------

def qclaim(id: str, value, doc="doc-1", subject="e-hus", attributed_to=None) -> dict:
    return {"id": id, "doc": doc, "start": 0, "end": 1, "text": "x", "subject": subject,
            "attributed_to": attributed_to, "modality": "asserted", "value": value,
            "unit": "supporters"}


def quantity(value, attributed_to=None, docs=("a.txt",)) -> dict:
    return {"subject": "husseiniyyun", "unit": "supporters", "value": value,
            "attributed_to": attributed_to, "docs": list(docs)}


@pytest.mark.parametrize("value, found", [(15000, 1.0), (15149, 1.0), (14851.5, 1.0),
                                          (15151, 0.0), (1500, 0.0), ("15000", 0.0)])
def test_quantity_values_match_within_one_percent(value, found):
    r = score(export(entities=ENTITIES, claims=[qclaim("c1", value)]),
              gold(entities=PEOPLE, quantities=[quantity(15000)]))
    assert r.figures["quantity_recall"] == found


def test_quantities_match_on_the_document_by_its_file_name():
    r = score(export(entities=ENTITIES, claims=[qclaim("c1", 100, doc="doc-2")]),
              gold(entities=PEOPLE, quantities=[quantity(100)]))
    assert r.figures["quantity_recall"] == 0.0
    assert r.misses["missed_quantities"] == ["100 supporters (husseiniyyun)"]


@pytest.mark.parametrize("want, got, ok", [
    (None, None, True), (None, "", True), (None, "e-beg", False),
    ("begli", "e-beg", True), ("mammadov|begli", "e-beg", True), ("begli", None, False),
    ("anonymous", "anonymous", True), ("anonymous", None, False), (None, "anonymous", False),
])
def test_quantity_attribution(want, got, ok):
    r = score(export(entities=ENTITIES, claims=[qclaim("c1", 100, attributed_to=got)]),
              gold(entities=PEOPLE, quantities=[quantity(100, attributed_to=want)]))
    assert r.figures["quantity_recall"] == 1.0
    assert r.figures["quantity_attribution_accuracy"] == (1.0 if ok else 0.0)


def test_a_quantity_prefers_the_claim_about_its_subject_then_the_right_attribution():
    claims = [qclaim("c1", 100, subject="e-iran", attributed_to="e-beg"),
              qclaim("c2", 100, attributed_to=None),
              qclaim("c3", 100, attributed_to="e-beg")]
    r = score(export(entities=ENTITIES, claims=claims),
              gold(entities=PEOPLE, quantities=[quantity(100, "begli"), quantity(100, "begli")]))
    # c3 (subject and speaker right) goes to the first; for the second, the subject
    # counts before the speaker: c2 (subject right) is taken over c1 (speaker right)
    assert r.figures["quantity_recall"] == 1.0
    assert r.figures["quantity_attribution_accuracy"] == 0.5


# --- contradictions ----------------------------------------------------------------------

def tclaim(id: str, text: str, doc: str = "doc-1") -> dict:
    return {"id": id, "doc": doc, "start": 0, "end": len(text), "text": text,
            "attributed_to": None, "modality": "asserted"}


CONTRADICTIONS = [
    {"about": "founding year", "texts": [["2015"], ["2017"]]},
    {"about": "responsibility", "texts": [["denied|deny"], ["Valiyev|assassination"]]},
]


def test_contradictions_need_one_side_in_one_text_and_the_other_in_another():
    claims = [tclaim("c1", "It was founded in 2015."), tclaim("c2", "It was created in 2017."),
              tclaim("c3", "Founded in 2015 or 2017?"), tclaim("c4", "The group DENIED it."),
              tclaim("c5", "Nothing here.")]
    cons = [{"id": "k1", "claims": ["c1", "c2"], "summary": ""},
            {"id": "k2", "claims": ["c2", "c1"], "summary": ""},   # found again: no cost
            {"id": "k3", "claims": ["c3", "c5"], "summary": ""},   # both sides in one text
            {"id": "k4", "claims": ["c4", "c5", "unknown"], "summary": ""}]
    r = score(export(claims=claims, contradictions=cons), gold(contradictions=CONTRADICTIONS))
    assert r.figures["contradiction_recall"] == 0.5
    assert r.figures["contradiction_precision"] == 0.333
    assert r.misses["missed_contradictions"] == ["responsibility"]


def test_contradiction_sides_are_matched_ignoring_case():
    claims = [tclaim("c1", "Baku blamed the assassination attempt on the group."),
              tclaim("c2", "The group Denied any role.")]
    r = score(export(claims=claims, contradictions=[{"id": "k", "claims": ["c1", "c2"]}]),
              gold(contradictions=CONTRADICTIONS))
    assert (r.figures["contradiction_recall"], r.figures["contradiction_precision"]) == (0.5, 1.0)


# --- evidence ----------------------------------------------------------------------------

def test_evidence_is_verbatim_modulo_white_space(tmp_path):
    (tmp_path / "a.txt").write_text("The group was founded\nin 2015 by  Begli.\n\nMore text.",
                                    encoding="utf-8")
    claims = [tclaim("c1", "founded in 2015 by Begli."),
              tclaim("c2", "The group was founded in 2016"),
              tclaim("c3", ""),
              tclaim("c4", "not checked: its file is not in the corpus", doc="doc-2")]
    r = score(export(claims=claims), gold(), corpus=tmp_path)
    assert r.figures["evidence_verbatim"] == 0.333 and r.figures["claims_checked"] == 3
    assert r.misses["evidence_not_verbatim"] == ["c2", "c3"]
    assert "evidence_verbatim" not in score(export(claims=claims), gold()).figures


# --- report, input checks, command -------------------------------------------------------

def test_the_table_lists_every_figure_in_order():
    r = score(export(entities=ENTITIES), gold(entities=PEOPLE))
    lines = r.table().splitlines()
    assert len(lines) == 18
    assert lines[0] == f"{'entity_precision':32s} 1.0"
    assert lines[-1].split() == ["contradiction_precision", "0.0"]


def test_a_malformed_gold_is_reported_item_by_item():
    bad = gold(events=[{"type": "ASSAULT", "actors": "begli"}],
               contradictions=[{"about": "x", "texts": [["2015", "2016"], ["2017"]]}])
    with pytest.raises(InputError) as err:
        score(export(), bad)
    text = str(err.value)
    assert "gold.events[0]: 'actors' must be a list of strings" in text
    assert "gold.events[0]: 'targets' must be a list of strings" in text
    assert "gold.contradictions[0]: 'texts' must be two sides" in text


def test_the_eval_command_prints_the_table_and_writes_every_miss(tmp_path):
    (tmp_path / "export.json").write_text(json.dumps(export(entities=ENTITIES[:2])))
    (tmp_path / "gold.json").write_text(json.dumps(gold(entities=PEOPLE, relations=RELATIONS)))
    out = tmp_path / "score.json"
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "export.json"),
                                      str(tmp_path / "gold.json"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == f"{'entity_recall':32s} 0.222"
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["figures"]["entity_recall"] == 0.222
    assert "begli" in written["misses"]["missed_entities"]
    assert len(written["misses"]["missed_relations"]) == 4


def test_the_eval_command_reads_the_export_from_standard_input(tmp_path):
    (tmp_path / "gold.json").write_text(json.dumps(gold(entities=PEOPLE)))
    result = CliRunner().invoke(cli, ["eval", "-", str(tmp_path / "gold.json")],
                                input=json.dumps(export(entities=ENTITIES)))
    assert result.exit_code == 0
    assert f"{'entity_recall':32s} 0.889" in result.output


def test_the_eval_command_names_a_bad_file(tmp_path):
    (tmp_path / "gold.json").write_text("{not json")
    (tmp_path / "export.json").write_text(json.dumps(export()))
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "export.json"),
                                      str(tmp_path / "gold.json")])
    assert result.exit_code == 1
    assert "gold.json: not readable JSON" in result.output
