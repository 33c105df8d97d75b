"""All the facts of one kind (or one relation predicate) of an entity, paged, the best
corroborated first: where the entity page's "show all" links go."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.reader import Reader
from actorgraph.store.store import EntityRecord
from actorgraph.web import models as m
from actorgraph.web.params import Paging, PagingDep, ReaderDep
from actorgraph.web.present import predicate_label
from actorgraph.web.render import render
from actorgraph.web.views.entity import SAMPLE, find, present, ref

router = APIRouter()
PER_PAGE = 20   # facts per page unless a `limit` is given
Kind = Annotated[Literal["relation", "event", "quantity", "founding"],
                 Query(description="Which facts: relations, events, figures or foundings.")]
Predicate = Annotated[str | None, Query(max_length=60, pattern=r"^[a-z_]+$", description=(
    "With kind=relation: only this predicate."))]
Direction = Annotated[Literal["out", "in"] | None, Query(description=(
    "With a predicate: the entity as its subject (out) or its object (in)."))]


def build(reader: Reader, e: EntityRecord, kind: str, predicate: str | None,
          direction: str | None, limit: int, offset: int) -> m.Page[m.Fact]:
    counts = reader.fact_counts(e.id)
    total = sum(n for (k, p, d), n in counts.items() if k == kind
                and predicate in (None, p) and (direction in (None, d) or kind != "relation"))
    section = (kind, predicate, direction if kind == "relation" else None)
    chosen = reader.fact_page(e.id, section, limit, offset)
    facts = {f.id: f for f in reader.facts((b.id for b in chosen), max_claims=SAMPLE)}
    _, views = present(reader, [facts[b.id] for b in chosen if b.id in facts],
                       {b.id: b.documents for b in chosen})
    return m.Page[m.Fact](items=[views[b.id] for b in chosen if b.id in views],
                          total=total, limit=limit, offset=offset)


def page_size(request: Request, paging: Paging) -> int:
    """The `limit` asked for, else PER_PAGE: each fact shown is graded on a sample of its
    claims, and a hub's facts each have many."""
    return paging.limit if "limit" in request.query_params else min(paging.limit, PER_PAGE)


def title(e: EntityRecord, kind: str, predicate: str | None, direction: str | None) -> str:
    if predicate:
        return f"{e.name}: {predicate_label(predicate, direction or 'out')}"
    return f"{e.name}: " + {"event": "events", "quantity": "figures",
                            "founding": "founding dates"}.get(kind, "relations")


@router.get("/entities/{entity_id}/facts", response_class=HTMLResponse,
            include_in_schema=False)
def entity_facts_page(request: Request, entity_id: str, reader: ReaderDep, paging: PagingDep,
                      kind: Kind, predicate: Predicate = None,
                      direction: Direction = None) -> HTMLResponse:
    e = find(reader, entity_id)
    page = build(reader, e, kind, predicate, direction, page_size(request, paging),
                 paging.offset)
    return render(request, "entity_facts.html", page, title=title(e, kind, predicate, direction),
                  entity=ref(e), kind=kind)
