"""Search: entities by any of their names, in any spelling or script, and the full
text of the documents."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.reader import Reader
from actorgraph.store.search import MARK_END, MARK_START
from actorgraph.web import models as m
from actorgraph.web.params import PagingDep, ReaderDep
from actorgraph.web.present import doc_ref
from actorgraph.web.render import render
from actorgraph.web.views.entities import summaries

router = APIRouter()
Q = Annotated[str, Query(max_length=200, description="Words to find (names or text).")]


def snippet_parts(snippet: str) -> list[m.SnippetPart]:
    """Split a marked snippet into plain pieces, the matches flagged."""
    out, match = [], False
    for chunk in snippet.replace(MARK_END, MARK_START).split(MARK_START):
        if chunk:
            out.append(m.SnippetPart(text=chunk, match=match))
        match = not match
    return out


def build(reader: Reader, q: str, limit: int, offset: int) -> m.SearchResults:
    q = " ".join(q.replace("\x00", " ").split())
    ids = reader.find_entities(None, q) if q else []
    entities = m.Page[m.EntitySummary](items=summaries(reader, ids[offset:offset + limit]),
                                       total=len(ids), limit=limit, offset=offset)
    total, hits = reader.search_documents(q, limit, offset) if q else (0, [])
    docs = reader.documents(h.doc_id for h in hits)
    documents = m.Page[m.DocumentHit](
        items=[m.DocumentHit(doc=doc_ref(docs[h.doc_id]), snippet=snippet_parts(h.snippet))
               for h in hits if h.doc_id in docs], total=total, limit=limit, offset=offset)
    return m.SearchResults(q=q, entities=entities, documents=documents)


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, reader: ReaderDep, paging: PagingDep,
                q: Q = "") -> HTMLResponse:
    limit = min(paging.limit, 20) if "limit" not in request.query_params else paging.limit
    page = build(reader, q, limit, paging.offset)
    return render(request, "search.html", page, title=f"Search: {page.q}" if page.q
                  else "Search")
