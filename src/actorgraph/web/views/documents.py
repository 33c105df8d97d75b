"""The list of stored documents, newest first."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.reader import Reader
from actorgraph.web import models as m
from actorgraph.web.params import PagingDep, ReaderDep
from actorgraph.web.present import doc_ref
from actorgraph.web.render import render

router = APIRouter()


def build(reader: Reader, limit: int, offset: int) -> m.Page[m.DocumentRef]:
    total, rows = reader.documents_page(limit, offset)
    return m.Page[m.DocumentRef](items=[doc_ref(d) for d in rows], total=total, limit=limit,
                                 offset=offset)


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request, reader: ReaderDep, paging: PagingDep) -> HTMLResponse:
    return render(request, "documents.html", build(reader, paging.limit, paging.offset),
                  title="Documents")
