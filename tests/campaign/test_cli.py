"""The campaign commands over generated exports: what an analyst types and reads."""
from __future__ import annotations

import json

import networkx as nx
from click.testing import CliRunner

from actorgraph.cli.main import cli

from ..conftest import ROOT


def test_generate_then_channels(tmp_path):
    runner = CliRunner()
    out = tmp_path / "gen"
    res = runner.invoke(cli, ["campaign", "generate", str(out), "--seed", "2",
                              "--posts", "500"])
    assert res.exit_code == 0, res.output
    truth = json.loads((out / "truth.json").read_text("utf-8"))
    res = runner.invoke(cli, ["channels", str(out / "exports"), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["input"]["messages"] == truth["messages"]
    assert len(report["channels"]) == len(truth["channels"])
    assert report["unresolved_forward_names"] == {"Caspian Wire Service": report[
        "unresolved_forward_names"]["Caspian Wire Service"]}


def test_coordination_report_and_graph(generated, tmp_path):
    out, truth = generated
    graph = tmp_path / "net.graphml"
    report_path = tmp_path / "coord.json"
    res = CliRunner().invoke(cli, ["coordination", str(out / "exports"), "--window", "1m",
                                   "-o", str(report_path), "--graph", str(graph)])
    assert res.exit_code == 0, res.output
    assert "3 clusters" in res.output
    report = json.loads(report_path.read_text("utf-8"))
    assert report["settings"]["window_seconds"] == 60
    members = [sorted(m["id"] for m in c["members"]) for c in report["clusters"]]
    assert sorted(members) == sorted(sorted(c) for c in truth["clusters"])
    originators = {c[0] for c in truth["clusters"]}
    assert {c["first_movers"][0] for c in report["clusters"]} == originators
    g = nx.read_graphml(graph)
    assert set(g.nodes) == {m for c in members for m in c}


def test_coordination_rejects_bad_options(generated):
    runner = CliRunner()
    res = runner.invoke(cli, ["coordination", str(generated[0] / "exports"), "--window", "soon"])
    assert res.exit_code != 0 and "--window" in res.output
    res = runner.invoke(cli, ["coordination", str(generated[0] / "exports"), "--rules", "x"])
    assert res.exit_code != 0 and "unknown rule" in res.output


def test_bad_export_is_reported_by_name(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    res = CliRunner().invoke(cli, ["channels", str(bad)])
    assert res.exit_code == 1 and "broken.json" in res.output


def test_narratives_command(generated):
    res = CliRunner().invoke(cli, ["narratives", str(generated[0] / "exports"), "--narratives",
                                   str(ROOT / "examples" / "campaign" / "narratives.yaml")])
    assert res.exit_code == 0, res.output
    line = next(ln for ln in res.output.splitlines() if ln.startswith("public-gathering"))
    assert f"peak {generated[1]['spike']['day']}" in line
