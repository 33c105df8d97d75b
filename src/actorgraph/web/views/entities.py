"""The list of entities, by type, most mentioned first; the home page's lists too."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.reader import Reader
from actorgraph.web import models as m
from actorgraph.web.params import EntityType, PagingDep, ReaderDep
from actorgraph.web.render import render

router = APIRouter()


def summaries(reader: Reader, ids: list[str]) -> list[m.EntitySummary]:
    """The entities with these ids, in this order, with their aliases and mentions."""
    rows = reader.entity_rows(ids)
    names = reader.names_of(ids)
    counts = reader.mention_counts()
    return [m.EntitySummary(id=i, name=rows[i].name, type=rows[i].type, kind=rows[i].kind,
                            aliases=sorted({n for n, _ in names.get(i, []) if n != rows[i].name}),
                            mentions=counts.get(i, 0)) for i in ids if i in rows]


def build(reader: Reader, etype: str | None, q: str | None, limit: int, offset: int
          ) -> m.EntityList:
    etype, q = etype or None, q or None
    ids = reader.find_entities(etype, q)
    return m.EntityList(type=etype, q=q, entities=m.Page[m.EntitySummary](
        items=summaries(reader, ids[offset:offset + limit]), total=len(ids), limit=limit,
        offset=offset))


@router.get("/entities", response_class=HTMLResponse, include_in_schema=False)
def entities_page(request: Request, reader: ReaderDep, paging: PagingDep,
                  type: EntityType = None) -> HTMLResponse:
    page = build(reader, type, None, paging.limit, paging.offset)
    return render(request, "entities.html", page, title="Entities")
