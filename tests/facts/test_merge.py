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


def test_a_strike_told_by_its_place_in_two_reports_is_one_event(tmp_path):
    """One report names who struck, the other whom it killed; both say where, and one
    only the year: the same strike, dated by the report that gives the day."""
    found = events_of(tmp_path, {
        "a.txt": "On May 4, 2019, a drone strike at Tartus port killed Salim Haddad.\n",
        "b.txt": "Haddad's brother was angry at Britain, which carried out a drone strike at "
                 "Tartus port in 2019.\n"})
    assaults = [e for e in found if e["type"] == "ASSAULT"]
    assert [e["date"] for e in assaults] == ["2019-05-04"]


def test_two_dated_strikes_at_one_place_stay_two(tmp_path):
    found = events_of(tmp_path, {
        "a.txt": "On May 4, 2019, a drone strike at Tartus port killed Salim Haddad.\n",
        "b.txt": "On June 9, 2019, a drone strike at Tartus port killed Omar Nassif.\n"})
    assert len([e for e in found if e["type"] == "ASSAULT"]) == 2


def test_an_undated_fight_at_a_place_is_not_a_dated_strike_there(tmp_path):
    found = events_of(tmp_path, {
        "a.txt": "On May 4, 2019, a drone strike in Tartus killed Salim Haddad.\n",
        "b.txt": "Sabirin Brigade fighters attacked army posts in Tartus.\n"})
    dated = [e for e in found if e["type"] == "ASSAULT" and e["date"] == "2019-05-04"]
    assert len(dated) == 1 and len(dated[0]["claims"]) == 1


def test_a_post_struck_and_an_attack_at_the_post_are_one_event(tmp_path):
    found = events_of(tmp_path, {
        "a.txt": "On May 4, 2019, a drone struck Camp Ardent, a small logistics post in Syria.\n",
        "b.txt": "The drone attack at Camp Ardent in May 2019 was the first.\n"})
    assaults = [e for e in found if e["type"] == "ASSAULT"]
    assert [e["date"] for e in assaults] == ["2019-05-04"], assaults
