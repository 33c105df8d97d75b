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
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx  # type: ignore[import-untyped]
from networkx.readwrite.gexf import GEXFWriter  # type: ignore[import-untyped]

from actorgraph.export import batches
from actorgraph.export.json_export import entity_item
from actorgraph.export.snapshot import Snapshot, confidence
from actorgraph.store import stream
from actorgraph.store.store import Store
from actorgraph.store.tlp import Scope

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


def fact_attrs(snap: Snapshot, fid: str, n_claims: int) -> dict[str, Any]:
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
                   **fact_attrs(snap, r["id"], len(r["claims"])))
    names = {e["id"]: e["name"] for e in snap.entities}
    for ev in snap.events:
        label = event_label(ev, names)
        g.add_node(ev["id"], label=label, type="event", kind=ev["type"], name=label,
                   aliases="", date=ev.get("date") or "")
        links = ([(a, ev["id"], "actor") for a in ev["actors"]]
                 + [(ev["id"], t, "target") for t in ev["targets"]]
                 + ([(ev["id"], ev["location"], "location")] if ev.get("location") else []))
        for src, dst, role in links:
            g.add_edge(src, dst, key=f"{ev['id']}:{role}:{dst if src == ev['id'] else src}",
                       kind="event", predicate=role, label=role, event_type=ev["type"],
                       date=ev.get("date") or "", **fact_attrs(snap, ev["id"], len(ev["claims"])))
    return g


def event_label(ev: dict[str, Any], names: dict[str, str]) -> str:
    """An event node's label: its type and actors."""
    who = ", ".join(names[a] for a in ev["actors"]) or "unknown actor"
    return f"{ev['type']}: {who}"


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


def _grade(snap: Snapshot, fid: str) -> list[Any]:
    g = snap.grades.get(fid)
    conf = confidence(g)
    return [g.grade if g else "", "" if conf is None else conf]


def entity_rows(snap: Snapshot) -> Iterator[list[Any]]:
    for e in snap.entities:
        yield [e["id"], e["type"], e.get("kind") or "", e["name"], "; ".join(e["aliases"])]


def relation_rows(snap: Snapshot) -> Iterator[list[Any]]:
    names = {e["id"]: e["name"] for e in snap.entities}
    for r in snap.relations:
        yield [r["id"], r["subject"], names[r["subject"]], r["predicate"], r["object"],
               names[r["object"]], "; ".join(r.get("support", [])), *_grade(snap, r["id"]),
               "; ".join(r["claims"])]


def event_rows(snap: Snapshot) -> Iterator[list[Any]]:
    names = {e["id"]: e["name"] for e in snap.entities}
    for ev in snap.events:
        loc = ev.get("location") or ""
        yield [ev["id"], ev["type"], ev.get("mode") or "", ev.get("date") or "",
               "; ".join(ev["actors"]), "; ".join(names[a] for a in ev["actors"]),
               "; ".join(ev["targets"]), "; ".join(names[t] for t in ev["targets"]),
               loc, names.get(loc, ""), *_grade(snap, ev["id"]), "; ".join(ev["claims"])]


def claim_row(c: dict[str, Any], fact: str, source: str) -> list[Any]:
    """A claim's row, with the fact resting on it (a figure's, else an event's, else a
    relation's: the last by id) and its document's source."""
    return [c["id"], c["kind"], fact, c["doc"], source, c["start"], c["end"], c["text"],
            c.get("subject") or "", c.get("attributed_to") or "", c["modality"],
            "" if c.get("value") is None else c["value"], c.get("unit") or "",
            c.get("qualifier") or ""]


FACT_ORDER = ("relation", "event", "quantity")   # a claim's fact: the last kind, then id


def fact_of(facts: list[tuple[str, str]]) -> str:
    """Of the (kind, id) of the facts resting on a claim, the one its row names."""
    return max(facts, key=lambda f: (FACT_ORDER.index(f[0]), f[1]))[1] if facts else ""


def csv_tables(snap: Snapshot) -> dict[str, list[list[Any]]]:
    """The four CSV tables (header first) of a snapshot."""
    docs = snap.doc_map()
    facts: dict[str, list[tuple[str, str]]] = {}
    for kind, items in (("relation", snap.relations), ("event", snap.events),
                        ("quantity", snap.quantities)):
        for f in items:
            for c in f["claims"]:
                facts.setdefault(c, []).append((kind, f["id"]))
    return {"entities.csv": [CSV_HEADERS["entities.csv"], *entity_rows(snap)],
            "relations.csv": [CSV_HEADERS["relations.csv"], *relation_rows(snap)],
            "events.csv": [CSV_HEADERS["events.csv"], *event_rows(snap)],
            "claims.csv": [CSV_HEADERS["claims.csv"], *(
                claim_row(c, fact_of(facts.get(c["id"], [])),
                          docs.get(c["doc"], {}).get("source", "")) for c in snap.claims)]}


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


def stream_csv(store: Store, directory: str | Path, scope: Scope | None = None
               ) -> list[Path]:
    """`write_csv` of the whole store (what `scope` shows), a batch of rows at a time: its
    memory does not grow with the store."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    with stream.reading(store, scope) as read:
        for name in CSV_HEADERS:
            with open(out / name, "w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow(CSV_HEADERS[name])
                writer.writerows(_streamed_rows(read, name))
    return [out / name for name in CSV_HEADERS]


def _streamed_rows(read: stream.Reading, name: str) -> Iterator[list[Any]]:
    """The rows of one CSV file, read a batch at a time (claims put in order by id by the
    database)."""
    if name == "entities.csv":
        for chunk in stream.chunks(read.entities()):
            yield from entity_rows(_with(entities=[entity_item(e) for e in chunk]))
    elif name in ("relations.csv", "events.csv"):
        kind = name.split("s.")[0]
        for b in batches.facts(read, kind):
            yield from (relation_rows if kind == "relation" else event_rows)(b)
    else:
        made = ((c["id"], json.dumps(claim_row(c, fact_of(facts.get(c["id"], [])),
                                               doc.get("source", "")), ensure_ascii=False))
                for doc, found, facts in batches.claims(read) for c in found)
        yield from (json.loads(row) for row in read.sorted_by(made))


def _with(**lists: Any) -> Snapshot:
    snap = batches.empty()
    for k, v in lists.items():
        setattr(snap, k, v)
    return snap
