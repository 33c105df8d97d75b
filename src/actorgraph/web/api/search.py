"""/api/search: entities by name in any spelling or script, and documents by text."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from actorgraph.web import models as m
from actorgraph.web.params import PagingDep, ReaderDep
from actorgraph.web.views import search

router = APIRouter(prefix="/api/search", tags=["search"])
Q = Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")]


@router.get("", response_model=m.SearchResults)
def search_all(q: Q, reader: ReaderDep, paging: PagingDep) -> m.SearchResults:
    """Entities whose names contain `q` (folded: any script, diacritics ignored) and
    documents containing every word of `q`, best first, one page of each."""
    return search.build(reader, q, paging.limit, paging.offset)
