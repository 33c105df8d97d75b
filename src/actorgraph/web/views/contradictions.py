"""Contradictions: claims that cannot all hold, side by side with what differs."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.reader import Reader
from actorgraph.web import models as m
from actorgraph.web.params import PagingDep, ReaderDep
from actorgraph.web.present import Presenter
from actorgraph.web.render import render
from actorgraph.web.views.entity import find_by_name

router = APIRouter()
About = Annotated[str | None, Query(max_length=300, description=(
    "Only contradictions about this entity: an id or any of its names."))]


def build(reader: Reader, about: str | None, limit: int, offset: int
          ) -> m.Page[m.Contradiction]:
    eid = find_by_name(reader, about).id if about else None
    total, chosen = reader.contradictions_about(eid, limit, offset)
    p = Presenter(reader, claim_ids={c for x in chosen for c in x["claims"]},
                  entity_ids={x["entity_id"] for x in chosen if x["entity_id"]}, grade=False)
    return m.Page[m.Contradiction](items=[p.contradiction(c) for c in chosen],
                                   total=total, limit=limit, offset=offset)


@router.get("/contradictions", response_class=HTMLResponse, include_in_schema=False)
def contradictions_page(request: Request, reader: ReaderDep, paging: PagingDep,
                        about: About = None) -> HTMLResponse:
    return render(request, "contradictions.html",
                  build(reader, about, paging.limit, paging.offset), title="Contradictions",
                  about=about or "")
