"""The timeline: dated events in order, filtered by actor, type and date range, each
with its corroboration and its first evidence sentences (as on the entity page: an event a
thousand documents report is graded on a sample of its claims and shows a few of them,
with how many there are), so a page's size does not grow with the number of documents."""
from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.reader import Reader
from actorgraph.web import models as m
from actorgraph.web.params import DateFrom, DateTo, PagingDep, ReaderDep, check_range, in_range
from actorgraph.web.render import render
from actorgraph.web.views.entity import SAMPLE, find_by_name, present, ref

router = APIRouter()
Actor = Annotated[str | None, Query(max_length=300, description=(
    "Only events this entity takes part in: an id or any of its names."))]
EventTypeQ = Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z_]*$",
                                         description="Only this PLOVER type, e.g. ASSAULT.")]
Undated = Annotated[bool, Query(description="Also list events without a date.")]


def build(reader: Reader, actor: str | None, etype: str | None, start: str | None,
          end: str | None, limit: int, offset: int, undated: bool = False) -> m.TimelinePage:
    start, end, etype = start or None, end or None, etype or None
    check_range(start, end)
    who = find_by_name(reader, actor) if actor else None
    events = [e for e in reader.events()
              if (who is None or who.id in e.entities)
              and (e.date or undated) and (not e.date or in_range(e.date, start, end))]
    types = Counter(e.type for e in events)
    if etype:
        events = [e for e in events if e.type.upper() == etype.upper()]
    chosen = events[offset:offset + limit]
    facts = {f.id: f for f in reader.facts((e.id for e in chosen), max_claims=SAMPLE)}
    support = reader.support(facts)
    _, views = present(reader, list(facts.values()),
                       {fid: docs for fid, (docs, _) in support.items()},
                       claims_total={fid: n for fid, (_, n) in support.items()})
    items = [views[e.id] for e in chosen if e.id in views]
    return m.TimelinePage(
        actor=ref(who) if who else None, type=etype.upper() if etype else None,
        start=start, end=end,
        types=[m.EventType(type=k, count=v) for k, v in sorted(types.items())],
        events=m.Page[m.Fact](items=items, total=len(events), limit=limit, offset=offset))


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request, reader: ReaderDep, paging: PagingDep,
                  actor: Actor = None, type: EventTypeQ = None, start: DateFrom = None,
                  end: DateTo = None, undated: Undated = False) -> HTMLResponse:
    page = build(reader, actor, type, start, end, paging.limit, paging.offset, undated)
    title = f"Timeline of {page.actor.name}" if page.actor else "Timeline"
    return render(request, "timeline.html", page, title=title, undated=undated)
