"""The graph for Gephi and spreadsheets: GraphML, GEXF (via NetworkX) and CSV files.

Nodes are the entities (type, kind, name, aliases joined with "; ") and the
events (type "event", kind = the PLOVER type). Edges are the relations
(subject -> object, `predicate` = the relation's predicate) and the event links
(actor -> event, event -> target, event -> location; `predicate` = actor,
target or location). Every edge carries its fact id, kind, grade, confidence
and number of claims. Attributes are never missing: an unknown value is "".
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import networkx as nx  # type: ignore[import-untyped]
from networkx.readwrite.gexf import GEXFWriter  # type: ignore[import-untyped]

from actorgraph.export.snapshot import Snapshot, confidence

CSV_HEADERS = {
    "entities.csv": ["id", "type", "kind", "name", "aliases"],
    "relations.csv": ["id", "subject", "subject_name", "predicate", "object", "object_name",
                      "support", "grade", "confidence", "claims"],
    "events.csv": ["id", "type", "mode", "date", "actors", "actor_names", "targets",
                   "target_names", "location", "location_name", "grade", "confidence",
                   "claims"],
    "claims.csv": ["id", "kind", "fact", "doc", "source", "start", "end", "text", "subject",
                   "attributed_to", "modality", "value", "unit", "qualifier"],
}


def _fact_attrs(snap: Snapshot, fid: str, n_claims: int) -> dict[str, Any]:
    g = snap.grades.get(fid)
    conf = confidence(g)
    return {"fact": fid, "grade": g.grade if g else "",
            "confidence": conf if conf is not None else -1, "claims": n_claims}


def build(snap: Snapshot) -> nx.MultiDiGraph:
    """A directed multigraph: entities and events as nodes, relations and event links as edges."""
    g = nx.MultiDiGraph(name="actorgraph")
    for e in snap.entities:
        g.add_node(e["id"], label=e["name"], type=e["type"], kind=e.get("kind") or "",
                   name=e["name"], aliases="; ".join(e["aliases"]), date="")
    for r in snap.relations:
        g.add_edge(r["subject"], r["object"], key=r["id"], kind="relation",
                   predicate=r["predicate"], label=r["predicate"], event_type="", date="",
                   **_fact_attrs(snap, r["id"], len(r["claims"])))
    names = {e["id"]: e["name"] for e in snap.entities}
    for ev in snap.events:
        who = ", ".join(names[a] for a in ev["actors"]) or "unknown actor"
        g.add_node(ev["id"], label=f"{ev['type']}: {who}", type="event", kind=ev["type"],
                   name=f"{ev['type']}: {who}", aliases="", date=ev.get("date") or "")
        links = ([(a, ev["id"], "actor") for a in ev["actors"]]
                 + [(ev["id"], t, "target") for t in ev["targets"]]
                 + ([(ev["id"], ev["location"], "location")] if ev.get("location") else []))
        for src, dst, role in links:
            g.add_edge(src, dst, key=f"{ev['id']}:{role}:{dst if src == ev['id'] else src}",
                       kind="event", predicate=role, label=role, event_type=ev["type"],
                       date=ev.get("date") or "", **_fact_attrs(snap, ev["id"], len(ev["claims"])))
    return g


def graphml(snap: Snapshot) -> str:
    return "\n".join(nx.generate_graphml(build(snap))) + "\n"


def gexf(snap: Snapshot) -> str:
    """GEXF 1.2 without the writer's date stamp, so the same input gives the same bytes."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(build(snap))
    return str(writer)


def csv_tables(snap: Snapshot) -> dict[str, list[list[Any]]]:
    """The four CSV tables (header first) of a snapshot."""
    names = {e["id"]: e["name"] for e in snap.entities}
    docs = snap.doc_map()

    def grade(fid: str) -> list[Any]:
        g = snap.grades.get(fid)
        conf = confidence(g)
        return [g.grade if g else "", "" if conf is None else conf]

    tables: dict[str, list[list[Any]]] = {k: [v] for k, v in CSV_HEADERS.items()}
    for e in snap.entities:
        tables["entities.csv"].append([e["id"], e["type"], e.get("kind") or "", e["name"],
                                       "; ".join(e["aliases"])])
    fact_of: dict[str, str] = {}
    for r in snap.relations:
        tables["relations.csv"].append([
            r["id"], r["subject"], names[r["subject"]], r["predicate"], r["object"],
            names[r["object"]], "; ".join(r.get("support", [])), *grade(r["id"]),
            "; ".join(r["claims"])])
        fact_of.update({c: r["id"] for c in r["claims"]})
    for ev in snap.events:
        loc = ev.get("location") or ""
        tables["events.csv"].append([
            ev["id"], ev["type"], ev.get("mode") or "", ev.get("date") or "",
            "; ".join(ev["actors"]), "; ".join(names[a] for a in ev["actors"]),
            "; ".join(ev["targets"]), "; ".join(names[t] for t in ev["targets"]),
            loc, names.get(loc, ""), *grade(ev["id"]), "; ".join(ev["claims"])])
        fact_of.update({c: ev["id"] for c in ev["claims"]})
    for q in snap.quantities:
        fact_of.update({c: q["id"] for c in q["claims"]})
    for c in snap.claims:
        tables["claims.csv"].append([
            c["id"], c["kind"], fact_of.get(c["id"], ""), c["doc"],
            docs.get(c["doc"], {}).get("source", ""), c["start"], c["end"], c["text"],
            c.get("subject") or "", c.get("attributed_to") or "", c["modality"],
            "" if c.get("value") is None else c["value"], c.get("unit") or "",
            c.get("qualifier") or ""])
    return tables


def write_csv(snap: Snapshot, directory: str | Path) -> list[Path]:
    """Write entities.csv, relations.csv, events.csv and claims.csv into `directory`."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in csv_tables(snap).items():
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        (out / name).write_text(buf.getvalue(), encoding="utf-8")
        written.append(out / name)
    return written
