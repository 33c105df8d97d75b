"""The entity page: names, relations by predicate, events in date order, figures and
contradictions, each fact with its corroboration and its evidence sentences."""
from __future__ import annotations

from collections import defaultdict
from typing import Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.reader import Reader
from actorgraph.store.store import EntityRecord
from actorgraph.web import models as m
from actorgraph.web.params import ReaderDep
from actorgraph.web.present import PREDICATES, SYMMETRIC, Presenter, doc_ref, predicate_label
from actorgraph.web.render import render

router = APIRouter()
ORDER = list(PREDICATES)


def find(reader: Reader, entity_id: str) -> EntityRecord:
    """The entity with this id, or 404."""
    e = reader.entity(entity_id)
    if e is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    return e


def find_by_name(reader: Reader, name: str) -> EntityRecord:
    """The entity with this id or name (any spelling or script), or 404."""
    e = reader.entity_by_name(name) if name.strip() else None
    if e is None:
        raise HTTPException(404, f"no entity named {name!r}")
    return e


def ref(e: EntityRecord) -> m.EntityRef:
    return m.EntityRef(id=e.id, name=e.name, type=e.type, kind=e.kind)


def build(reader: Reader, e: EntityRecord) -> m.EntityPage:
    """Everything the store says about one entity."""
    facts = reader.facts(reader.fact_ids_of(e.id))
    found = reader.contradictions_of(e.id, [f.id for f in facts])
    p = Presenter(reader, facts, claim_ids={c for x in found for c in x["claims"]},
                  entity_ids={x["entity_id"] for x in found if x["entity_id"]})
    groups: dict[tuple[str, Literal["out", "in"]], list[m.Fact]] = defaultdict(list)
    events, quantities, foundings = [], [], []
    for f in facts:
        view = p.fact(f)
        if f.kind == "relation":
            pred = f.data["predicate"]
            out = f.data["subject"] == e.id or pred in SYMMETRIC
            groups[(pred, "out" if out else "in")].append(view)
        elif f.kind == "event":
            events.append(view)
        elif f.kind == "founding":
            foundings.append(view)
        else:
            quantities.append(view)
    relations = [m.RelationGroup(predicate=pred, direction=d, label=predicate_label(pred, d),
                                 facts=sorted(fs, key=lambda x: (-x.documents, x.text)))
                 for (pred, d), fs in sorted(groups.items(), key=lambda kv: (
                     ORDER.index(kv[0][0]) if kv[0][0] in ORDER else len(ORDER), kv[0]))]
    total, docs = reader.documents_of_entity(e.id)
    return m.EntityPage(
        entity=ref(e),
        names=[m.NameCount(name=n, count=c) for n, c in sorted(e.names,
                                                               key=lambda x: (-x[1], x[0]))],
        mentions=reader.mention_counts().get(e.id, 0), documents=total,
        reasons=list(e.reasons), relations=relations,
        events=sorted(events, key=lambda x: (x.date or "9999", x.id)),
        quantities=sorted(quantities, key=lambda x: (x.unit or "", x.value or 0)),
        foundings=sorted(foundings, key=lambda x: (x.date or "", x.id)),
        contradictions=[p.contradiction(c) for c in found],
        sources=[doc_ref(d) for d in docs])


@router.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
def entity_page(request: Request, entity_id: str, reader: ReaderDep) -> HTMLResponse:
    page = build(reader, find(reader, entity_id))
    return render(request, "entity.html", page, title=page.entity.name)
