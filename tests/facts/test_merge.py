"""One event told by several claims, or several events: the facts stage's merge, end to end."""
from __future__ import annotations

import json

from click.testing import CliRunner

from actorgraph.cli.main import cli

from .corpus import ingested


def events_of(tmp_path, texts: dict[str, str]) -> list[dict]:
    db = ingested(tmp_path, texts)
    return json.loads(CliRunner().invoke(cli, ["export", "--db", db]).output)["events"]


def test_a_bare_denial_in_two_reports_is_two_denials(tmp_path):
    found = events_of(tmp_path, {
        "a.txt": "A drone hit a depot in Armenia. Iran denied any involvement.\n",
        "b.txt": "Gunmen attacked a bank in Georgia. Iran denied any involvement.\n"})
    assert len([e for e in found if e["type"] == "REJECT"]) == 2


def test_one_attack_on_one_target_told_by_two_reports_is_one_event(tmp_path):
    found = events_of(tmp_path, {
        "a.txt": "On March 3, 2021, the Sabirin Brigade attacked the Armenian embassy.\n",
        "b.txt": "The Sabirin Brigade attacked the Armenian embassy on March 3, 2021.\n"})
    assert len([e for e in found if e["type"] == "ASSAULT"]) == 1


def _told(claim, date=None, location=None, actors=(), targets=(), doc="d"):
    from actorgraph.facts.build import _Event
    return _Event("ASSAULT", None, date, "day" if date else None, set(actors), set(targets),
                  set(targets), location, [claim], "2024", {doc})


def test_an_undated_telling_at_the_one_place_of_a_dated_attack_joins_it():
    from actorgraph.facts.build import _merge_events
    merged = _merge_events([_told("a", "2021-02-15", "kirkuk", targets={"base"}, doc="d1"),
                            _told("b", None, "kirkuk", doc="d2")])
    assert [sorted(e.claims) for e in merged] == [["a", "b"]]


def test_an_undated_telling_at_a_place_of_two_dated_attacks_joins_neither():
    from actorgraph.facts.build import _merge_events
    merged = _merge_events([_told("a", "2021-02-15", "kirkuk", doc="d1"),
                            _told("c", "2021-03-20", "kirkuk", doc="d3"),
                            _told("b", None, "kirkuk", doc="d2")])
    assert sorted(sorted(e.claims) for e in merged) == [["a"], ["b"], ["c"]]


def test_an_undated_telling_with_other_actors_stays_apart():
    from actorgraph.facts.build import _merge_events
    merged = _merge_events([_told("a", "2021-02-15", "kirkuk", actors={"x"}, doc="d1"),
                            _told("b", None, "kirkuk", actors={"y"}, doc="d2")])
    assert len(merged) == 2
