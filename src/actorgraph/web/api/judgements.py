"""/api/judgements: the analyst's merge / different judgements (writes; --allow-writes).

A judgement is appended to the store's judgement log (who, when, what, why) and the
entities it touches are re-resolved with their facts (`workflow.refresh_judged`),
exactly as `actorgraph merge` and `distinguish` do. On a
team server the judgement is the logged-in analyst's, recorded under their name.
"""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request

from actorgraph.store import judgements as log
from actorgraph.web import models as m
from actorgraph.web.auth import author, require_writer
from actorgraph.web.params import ReaderDep
from actorgraph.web.views.entity import find_by_name, ref
from actorgraph.workflow import refresh_judged

router = APIRouter(prefix="/api/judgements", tags=["judgements"])


@router.post("", response_model=m.JudgementResult, status_code=201,
             dependencies=[Depends(require_writer)],
             responses={403: {"description": "The server is read-only (no --allow-writes), "
                                             "or the user's role may only read."}})
def post_judgement(body: m.Judgement, reader: ReaderDep, request: Request
                   ) -> m.JudgementResult:
    """Say two entities are the same actor (`same`, a merge) or different ones."""
    a, b = find_by_name(reader, body.a), find_by_name(reader, body.b)
    if body.action == "same" and a.id == b.id:
        raise HTTPException(409, f"{a.name!r} and {b.name!r} are already one entity")
    recorded = log.record_change(reader.store, body.action, a.name, b.name,
                                 reason=body.reason, author=author(request))
    summary = refresh_judged(reader.store, [recorded]).summary
    reader.invalidate()
    return m.JudgementResult(id=recorded.id, action=body.action, a=ref(a), b=ref(b),
                             entities=summary.entities)
