"""The network around an entity: its neighbours to depth 1-3 through relations and
events, filtered by predicate and date range; drawn by Cytoscape.js from the API.

An edge's dates are an event's date, or for a relation the publication dates of
the documents that report it; a date range keeps the edges with a date in it.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.facts import FactRow
from actorgraph.store.reader import Reader
from actorgraph.web import models as m
from actorgraph.web.params import (
    DateFrom,
    DateTo,
    ReaderDep,
    SettingsDep,
    check_range,
    in_range,
    invalid,
)
from actorgraph.web.present import PREDICATES
from actorgraph.web.render import render
from actorgraph.web.views.entity import find, ref

router = APIRouter()
EVENTS = "event"     # the pseudo-predicate that stands for event edges
PREDICATE_CHOICES = [*PREDICATES, EVENTS]
Depth = Annotated[int, Query(ge=1, le=3, description="How many steps out (1-3).")]
Predicates = Annotated[list[str] | None, Query(
    alias="predicate", description="Only these predicates (repeat the parameter); "
    "'event' stands for events. Default: all.")]


def pairs(f: FactRow) -> list[tuple[str, str, str]]:
    """(source, target, label) of the edges a fact draws."""
    d = f.data
    if f.kind == "relation":
        return [(d["subject"], d["object"], d["predicate"])]
    if f.kind != "event":
        return []
    actors = list(d.get("actors") or ())
    others = list(d.get("targets") or ()) + ([d["location"]] if d.get("location") else [])
    label = d.get("type") or "event"
    if others:
        return [(a, o, label) for a in actors for o in others if a != o]
    return [(a, b, label) for i, a in enumerate(actors) for b in actors[i + 1:]]


def check_filters(predicates: list[str] | None, start: str | None, end: str | None) -> None:
    """422 for an unknown predicate or a range that ends before it starts."""
    unknown = sorted(set(predicates or ()) - set(PREDICATE_CHOICES))
    if unknown:
        raise invalid("predicate", f"unknown predicate {unknown[0]!r}; one of "
                                   + ", ".join(PREDICATE_CHOICES))
    check_range(start, end)


def build(reader: Reader, center: str, depth: int, predicates: list[str] | None,
          start: str | None, end: str | None, max_nodes: int) -> m.Graph:
    """Breadth-first from `center`, one query per step."""
    check_filters(predicates, start, end)
    e = find(reader, center)
    wanted = set(predicates or PREDICATE_CHOICES)
    nodes: dict[str, int] = {e.id: 0}
    edges: dict[tuple[str, str, str], m.GraphEdge] = {}
    frontier, truncated, seen_facts = {e.id}, False, set[str]()
    for step in range(1, depth + 1):
        found = reader.edges_from(frontier)
        fact_ids = {fid for fid, _, _ in found} - seen_facts
        seen_facts |= fact_ids
        facts = [f for f in reader.facts(fact_ids, max_claims=0)   # (dates: reported_dates)
                 if f.kind in ("relation", "event")]
        dated = reader.reported_dates(f.id for f in facts if f.kind == "relation")
        nxt: set[str] = set()
        for f in sorted(facts, key=lambda f: f.id):
            kind = "relation" if f.kind == "relation" else EVENTS
            if (f.data["predicate"] if kind == "relation" else EVENTS) not in wanted:
                continue
            dates = dated.get(f.id, []) if kind == "relation" else (
                [f.data["date"]] if f.data.get("date") else [])
            if (start or end) and not any(in_range(x, start, end) for x in dates):
                continue
            for a, b, label in pairs(f):
                if a not in frontier and b not in frontier:
                    continue
                for n in (a, b):
                    if n not in nodes:
                        if len(nodes) >= max_nodes:
                            truncated = True
                            break
                        nodes[n] = step
                        nxt.add(n)
                if a not in nodes or b not in nodes:
                    continue
                key = (a, b, label)
                if key not in edges:
                    edges[key] = m.GraphEdge(id=f"{f.id}:{len(edges)}", source=a, target=b,
                                             kind="relation" if kind == "relation"
                                             else "event", label=label, dates=dates)
        frontier = nxt
        if not frontier:
            break
    rows = reader.entity_rows(nodes)
    return m.Graph(
        center=ref(e), depth=depth, truncated=truncated,
        nodes=[m.GraphNode(id=i, name=rows[i].name, type=rows[i].type, kind=rows[i].kind,
                           depth=d) for i, d in sorted(nodes.items(), key=lambda x: (x[1], x[0]))
               if i in rows],
        edges=[x for x in edges.values() if x.source in rows and x.target in rows])


@router.get("/entities/{entity_id}/graph", response_class=HTMLResponse,
            include_in_schema=False)
def graph_page(request: Request, entity_id: str, reader: ReaderDep, settings: SettingsDep,
               depth: Depth = 1, predicates: Predicates = None, start: DateFrom = None,
               end: DateTo = None) -> HTMLResponse:
    e = find(reader, entity_id)
    check_filters(predicates, start, end)
    query = request.url.query
    api = f"/api/entities/{e.id}/neighbours" + (f"?{query}" if query else "")
    return render(request, "graph.html", ref(e), title=f"Network of {e.name}",
                  depth=depth, chosen=set(predicates or PREDICATE_CHOICES),
                  choices=PREDICATE_CHOICES, start=start or "", end=end or "", api=api)
