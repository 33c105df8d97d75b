"""/api/documents: stored documents, and one with its text, sentences, mentions, claims."""
from __future__ import annotations

from fastapi import APIRouter

from actorgraph.web import models as m
from actorgraph.web.params import PagingDep, ReaderDep
from actorgraph.web.views import document, documents

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=m.Page[m.DocumentRef])
def list_documents(reader: ReaderDep, paging: PagingDep) -> m.Page[m.DocumentRef]:
    """Current documents, newest first."""
    return documents.build(reader, paging.limit, paging.offset)


@router.get("/{doc_id}", response_model=m.DocumentPage)
def get_document(doc_id: str, reader: ReaderDep) -> m.DocumentPage:
    """One document: text, sentences (with their anchors), mentions and claims."""
    return document.build(reader, doc_id)
