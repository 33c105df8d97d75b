"""/api/contradictions: claims that cannot all hold."""
from __future__ import annotations

from fastapi import APIRouter

from .. import models as m
from ..params import PagingDep, ReaderDep
from ..views import contradictions
from ..views.contradictions import About

router = APIRouter(prefix="/api/contradictions", tags=["contradictions"])


@router.get("", response_model=m.Page[m.Contradiction])
def list_contradictions(reader: ReaderDep, paging: PagingDep,
                        about: About = None) -> m.Page[m.Contradiction]:
    """Contradictions (about one entity, if given), each with its claims."""
    return contradictions.build(reader, about, paging.limit, paging.offset)
