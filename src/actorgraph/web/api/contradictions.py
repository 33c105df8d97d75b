"""/api/contradictions: claims that cannot all hold."""
from __future__ import annotations

from fastapi import APIRouter

from actorgraph.web import models as m
from actorgraph.web.params import PagingDep, ReaderDep
from actorgraph.web.views import contradictions
from actorgraph.web.views.contradictions import About

router = APIRouter(prefix="/api/contradictions", tags=["contradictions"])


@router.get("", response_model=m.Page[m.Contradiction])
def list_contradictions(reader: ReaderDep, paging: PagingDep,
                        about: About = None) -> m.Page[m.Contradiction]:
    """Contradictions (about one entity, if given), each with its claims."""
    return contradictions.build(reader, about, paging.limit, paging.offset)
