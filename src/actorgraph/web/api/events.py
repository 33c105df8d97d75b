"""/api/events: the timeline's events, filtered by actor, type and date range."""
from __future__ import annotations

from fastapi import APIRouter

from actorgraph.web import models as m
from actorgraph.web.params import DateFrom, DateTo, PagingDep, ReaderDep
from actorgraph.web.views import timeline
from actorgraph.web.views.timeline import Actor, EventTypeQ, Undated

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=m.Page[m.Fact])
def list_events(reader: ReaderDep, paging: PagingDep, actor: Actor = None,
                type: EventTypeQ = None, start: DateFrom = None, end: DateTo = None,
                undated: Undated = False) -> m.Page[m.Fact]:
    """Dated events in date order, each with its corroboration and evidence."""
    return timeline.build(reader, actor, type, start, end, paging.limit, paging.offset,
                          undated).events
