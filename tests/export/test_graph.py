"""GraphML and GEXF for Gephi, CSV tables: counts computed from the store."""
from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from click.testing import CliRunner

from actorgraph.cli.main import cli
from actorgraph.export import graph
from actorgraph.store.facts import read_claims, read_facts


@pytest.fixture(scope="module")
def expected(example_store):
    facts = read_facts(example_store)
    events = [f for f in facts if f.kind == "event"]
    links = sum(len(f.data["actors"]) + len(f.data["targets"]) + bool(f.data.get("location"))
                for f in events)
    return {"entities": len(example_store.entities()), "events": len(events),
            "relations": sum(f.kind == "relation" for f in facts), "links": links,
            "claims": len(read_claims(example_store))}


def check(g, expected):
    assert g.number_of_nodes() == expected["entities"] + expected["events"]
    assert g.number_of_edges() == expected["relations"] + expected["links"]
    kinds = [d["kind"] for _, _, d in g.edges(data=True)]
    assert kinds.count("relation") == expected["relations"]
    for _, data in g.nodes(data=True):
        assert {"type", "kind", "name", "aliases"} <= set(data)
    for _, _, data in g.edges(data=True):
        assert data["predicate"]


def test_graphml_loads_in_networkx(example_snapshot, expected):
    text = graph.graphml(example_snapshot)
    g = nx.read_graphml(io.StringIO(text))
    check(g, expected)
    husseiniyyun = next(d for _, d in g.nodes(data=True) if d["name"] == "Husseiniyyun")
    assert husseiniyyun["type"] == "organization" and "Hoseyniyun" in husseiniyyun["aliases"]
    assert text == graph.graphml(example_snapshot)


def test_gexf_loads_in_networkx_and_has_no_date_stamp(example_snapshot, expected):
    text = graph.gexf(example_snapshot)
    check(nx.read_gexf(io.StringIO(text)), expected)
    assert "lastmodifieddate" not in text


def test_csv_tables_through_the_cli(example_store, expected, tmp_path):
    out = tmp_path / "tables"
    result = CliRunner().invoke(cli, ["export", "--db", example_store.url, "--format", "csv",
                                      "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    counts = {"entities.csv": expected["entities"], "relations.csv": expected["relations"],
              "events.csv": expected["events"], "claims.csv": expected["claims"]}
    for name, header in graph.CSV_HEADERS.items():
        with open(out / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == header
        assert len(rows) - 1 == counts[name], name


def test_csv_needs_a_directory(example_store):
    result = CliRunner().invoke(cli, ["export", "--db", example_store.url, "--format", "csv"])
    assert result.exit_code != 0 and "-o DIR" in result.output
