"""GraphML and GEXF of the whole store written a batch at a time (`store/stream.py`), the
bytes `graph.graphml` and `graph.gexf` give for the whole snapshot.

NetworkX writes a multigraph's nodes in the order they were added (the entities by id,
then the events by id) and its edges by source node in that order, each source's edges
grouped by target in the order the targets were first reached, each group in the order
its edges were added (`graph.build`: the relations by id, then each event's actor,
target and location links). So the edges are read per source: an entity's relations as
subject and the events it acts in, CHUNK entities at a time; then each event's targets
and place. The nodes and edges go to a temporary file first: the keys written before
them depend on whether there are any (and, in GEXF, the attributes declared before
them on the nodes and edges written).
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any, TextIO
from xml.etree.ElementTree import Element, tostring

import networkx as nx  # type: ignore[import-untyped]
from networkx.readwrite.gexf import GEXFWriter  # type: ignore[import-untyped]
from networkx.readwrite.graphml import GraphMLWriter  # type: ignore[import-untyped]

from actorgraph.export import batches
from actorgraph.export.graph import build, event_label, fact_attrs, gexf, graphml
from actorgraph.export.json_export import entity_item
from actorgraph.export.snapshot import Snapshot, fact_item
from actorgraph.facts.evidence import graded
from actorgraph.store import stream
from actorgraph.store.store import Store
from actorgraph.store.tlp import Scope

Edge = tuple[str, str, str, dict[str, Any]]   # source, target, key, attributes


def write_graphml(store: Store, out: TextIO, scope: Scope | None = None) -> None:
    """`graph.graphml` of the whole store (what `scope` shows), a batch at a time."""
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    shape = {"node": False, "edge": False}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as body, \
            stream.reading(store, scope) as read:
        sep = ""
        for tag, attrs, data in _elements(read):
            shape[tag] = True
            body.write(sep + _lines(_element(writer, tag, attrs, data)))
            sep = "\n    "
        text = graphml(_template(shape["node"], shape["edge"]))
        if not shape["node"]:
            out.write(text)
            return
        out.write(text[:text.index("<node")])
        body.seek(0)
        shutil.copyfileobj(body, out)
        out.write(text[text.rindex("\n    <data"):])   # the graph's name, after its edges


def write_gexf(store: Store, out: TextIO, scope: Scope | None = None) -> None:
    """`graph.gexf` of the whole store (what `scope` shows), a batch at a time: NetworkX's
    writer makes each node and edge (numbering the edges, declaring each attribute when
    first written, as for the whole graph), then the declarations are taken from a
    one-node graph's output, whose attributes are the same."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.graph_element = Element("graph")   # where it declares attributes
    with tempfile.TemporaryFile("w+", encoding="utf-8") as nodes, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as edges, \
            stream.reading(store, scope) as read:
        parts = {"node": nodes, "edge": edges}
        for tag, attrs, data in _elements(read):
            g = nx.MultiDiGraph()
            parent = Element("graph")      # the writer adds its nodes or edges element
            if tag == "node":
                g.add_node(attrs["id"], **data)
                writer.add_nodes(g, parent)
            else:
                g.add_edge(attrs["source"], attrs["target"], key=attrs["id"], **data)
                writer.add_edges(g, parent)
            for el in parent[0]:
                writer.indent(el, 3)
                el.tail = None
                parts[tag].write(("\n      " if parts[tag].tell() else "")
                                 + _lines(tostring(el).decode("utf-8")))
        text = gexf(_template(bool(nodes.tell()), bool(edges.tell())))
        if not nodes.tell():
            out.write(text)
            return
        out.write(text[:text.index("<node ")])
        _copy(nodes, out)
        if edges.tell():
            out.write(text[text.index("\n    </nodes>"):text.index("<edge ")])
            _copy(edges, out)
            out.write(text[text.index("\n    </edges>"):])
        else:
            out.write(text[text.index("\n    </nodes>"):])


def _copy(part: Any, out: TextIO) -> None:
    part.seek(0)
    shutil.copyfileobj(part, out)


def _template(nodes: bool, edges: bool) -> Snapshot:
    """A graph of one node and one edge (if any): its keys are those of every graph with
    nodes and edges (their attributes are always the same)."""
    snap = batches.empty()
    if nodes:
        snap.entities = [{"id": "a", "type": "t", "name": "n", "aliases": []}]
    if edges:
        snap.relations = [{"id": "r", "subject": "a", "object": "a", "predicate": "p",
                           "claims": []}]
    return snap


def _element(writer: GraphMLWriter, tag: str, attrs: dict[str, str],
             data: dict[str, Any]) -> str:
    """A node or edge element as NetworkX writes it inside a graph (without its tail)."""
    el = Element(tag, attrs)
    for k, v in data.items():
        item = Element("data", key=_key(tag, k, writer.get_xml_type(type(v))))
        item.text = str(v)
        el.append(item)
    writer.indent(el, 2)
    el.tail = None
    return tostring(el).decode("utf-8")


_KEYS: dict[tuple[str, str, str], str] = {}


def _key(scope: str, name: str, xml_type: str) -> str:
    """The key id NetworkX gives an attribute (from the template graph's writer)."""
    if not _KEYS:
        writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
        writer.add_graph_element(build(_template(True, True)))
        _KEYS.update({(s, n, x): k for (n, x, s), k in writer.keys.items()})
    return _KEYS[(scope, name, xml_type)]


def _lines(text: str) -> str:
    """As `graph.graphml` joins NetworkX's lines (its `splitlines` makes every line
    boundary a newline)."""
    return "\n".join(text.splitlines())


def _elements(read: stream.Reading) -> Iterator[tuple[str, dict[str, str], dict[str, Any]]]:
    """The graph's nodes, then its edges, in NetworkX's order."""
    for e in read.entities():
        item = entity_item(e)
        yield "node", {"id": e.id}, node_data(item)
    for b in batches.facts(read, "event", grade=False):
        names = {e["id"]: e["name"] for e in b.entities}
        for ev in b.events:
            label = event_label(ev, names)
            yield "node", {"id": ev["id"]}, {"label": label, "type": "event",
                                             "kind": ev["type"], "name": label,
                                             "aliases": "", "date": ev.get("date") or ""}
    for chunk in stream.chunks(e.id for e in read.entities()):
        yield from _edges(_entity_edges(read, chunk))
    for b in batches.facts(read, "event"):
        for ev in b.events:
            yield from _edges(event_links(b, ev, targets=True))


def node_data(e: dict[str, Any]) -> dict[str, Any]:
    return {"label": e["name"], "type": e["type"], "kind": e.get("kind") or "",
            "name": e["name"], "aliases": "; ".join(e["aliases"]), "date": ""}


def _entity_edges(read: stream.Reading, ids: list[str]) -> Iterator[Edge]:
    """The edges out of the entities `ids`, by entity: its relations as subject, then its
    links to the events it acts in."""
    mine = set(ids)
    relations = read.facts_of(read.fact_ids_of(mine, "subject", "relation"))
    events = read.facts_of(read.fact_ids_of(mine, "actor", "event"))
    snap = batches.empty()
    snap.relations = [fact_item(f) for f in relations]
    snap.events = [fact_item(f) for f in events]
    for part in batches.weighed(iter(relations + events)):
        snap.grades.update(graded(read, part))
    out: dict[str, list[Edge]] = {}
    for r in snap.relations:
        out.setdefault(r["subject"], []).append(relation_edge(snap, r))
    for ev in snap.events:
        for src, dst, key, data in event_links(snap, ev, targets=False):
            if src in mine:
                out.setdefault(src, []).append((src, dst, key, data))
    for eid in ids:
        yield from out.get(eid, [])


def relation_edge(snap: Snapshot, r: dict[str, Any]) -> Edge:
    return (r["subject"], r["object"], r["id"], {
        "kind": "relation", "predicate": r["predicate"], "label": r["predicate"],
        "event_type": "", "date": "", **fact_attrs(snap, r["id"], len(r["claims"]))})


def event_links(snap: Snapshot, ev: dict[str, Any], targets: bool) -> list[Edge]:
    """An event's actor links (or, with `targets`, its target and place links)."""
    links = ([(ev["id"], t, "target") for t in ev["targets"]]
             + ([(ev["id"], ev["location"], "location")] if ev.get("location") else [])
             if targets else [(a, ev["id"], "actor") for a in ev["actors"]])
    return [(src, dst, f"{ev['id']}:{role}:{dst if src == ev['id'] else src}", {
        "kind": "event", "predicate": role, "label": role, "event_type": ev["type"],
        "date": ev.get("date") or "", **fact_attrs(snap, ev["id"], len(ev["claims"]))})
        for src, dst, role in links]


def _edges(edges: Iterable[Edge]) -> Iterator[tuple[str, dict[str, str], dict[str, Any]]]:
    """Edges as a multigraph lists them: by source, then by target in the order first
    reached, then by key in the order added (a key added again keeps its place, with the
    last attributes)."""
    adj: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
    for src, dst, key, data in edges:
        adj.setdefault(src, {}).setdefault(dst, {})[key] = data
    for src, targets in adj.items():
        for dst, keyed in targets.items():
            for key, data in keyed.items():
                yield "edge", {"source": src, "target": dst, "id": key}, data

