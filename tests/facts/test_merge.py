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
