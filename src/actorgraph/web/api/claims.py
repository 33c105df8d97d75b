"""/api/claims: the statements facts rest on, each with its sentence and speaker."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from actorgraph import ontology
from actorgraph.web import models as m
from actorgraph.web.params import PagingDep, ReaderDep
from actorgraph.web.present import Presenter
from actorgraph.web.views.entity import find_by_name

router = APIRouter(prefix="/api/claims", tags=["claims"])
Doc = Annotated[str | None, Query(max_length=60, description="Only claims of this document.")]
Kind = Annotated[str | None, Query(
    pattern="^(" + "|".join(ontology.claim_kinds()) + ")$")]
Modality = Annotated[str | None, Query(pattern="^(" + "|".join(ontology.modalities()) + ")$")]
About = Annotated[str | None, Query(max_length=300, description=(
    "Only claims behind this entity's facts: an id or any of its names."))]


@router.get("", response_model=m.Page[m.Claim])
def list_claims(reader: ReaderDep, paging: PagingDep, doc: Doc = None, kind: Kind = None,
                modality: Modality = None, entity: About = None) -> m.Page[m.Claim]:
    """Claims of current documents in document order, with the facts they support."""
    e = find_by_name(reader, entity) if entity else None
    total, ids = reader.claims_page(paging.limit, paging.offset, doc=doc, kind=kind,
                                    modality=modality, entity_id=e.id if e else None)
    p = Presenter(reader, claim_ids=ids, grade=False)
    facts_of = reader.facts_of_claims(ids)
    return m.Page[m.Claim](items=[c for i in ids if (c := p.claim(i, facts_of.get(i, [])))],
                           total=total, limit=paging.limit, offset=paging.offset)


@router.get("/{claim_id}", response_model=m.Claim)
def get_claim(claim_id: str, reader: ReaderDep) -> m.Claim:
    """One claim with its sentence, speaker, modality and facts."""
    p = Presenter(reader, claim_ids=[claim_id], grade=False)
    c = p.claim(claim_id, reader.facts_of_claims([claim_id]).get(claim_id, []))
    if c is None:
        raise HTTPException(404, f"no claim with id {claim_id!r}")
    return c
