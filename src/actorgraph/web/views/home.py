"""The home page: what the store holds, the most-named actors, the latest documents."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from actorgraph.model import ENTITY_TYPES
from actorgraph.store.reader import Reader
from actorgraph.web import models as m
from actorgraph.web.params import ReaderDep
from actorgraph.web.present import doc_ref
from actorgraph.web.render import render
from actorgraph.web.views.entities import summaries

router = APIRouter()
TOP = 8


def build(reader: Reader) -> m.HomePage:
    top = {}
    for etype in ENTITY_TYPES:
        ids = reader.find_entities(etype, None)[:TOP]
        if ids:
            top[etype] = summaries(reader, ids)
    _, recent = reader.documents_page(6, 0)
    return m.HomePage(stats=reader.stats(), top=top, recent=[doc_ref(d) for d in recent],
                      contradictions=len(reader.contradiction_rows()))


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home_page(request: Request, reader: ReaderDep) -> HTMLResponse:
    return render(request, "home.html", build(reader), title="Overview")
