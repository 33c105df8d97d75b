"""The document page: its text with every sentence anchored (`#s-START-END`, the link
each claim carries), mentions highlighted and linked to their entity pages.

The highlighted text is a list of plain-text pieces; the template escapes each one,
so nothing in a document can become markup.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.reader import Reader
from actorgraph.web import models as m
from actorgraph.web.params import ReaderDep
from actorgraph.web.present import Presenter, doc_ref
from actorgraph.web.render import render

router = APIRouter()


@dataclass
class Piece:
    text: str
    entity: m.EntityRef | None = None


@dataclass
class Block:
    """A sentence (anchored) or the text between two sentences."""

    pieces: list[Piece]
    sentence: m.Sentence | None = None
    kind: str = "gap"
    claims: list[str] = field(default_factory=list)


def build(reader: Reader, doc_id: str) -> m.DocumentPage:
    docs = reader.documents([doc_id])
    if doc_id not in docs:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    d = docs[doc_id]
    text = reader.texts([doc_id])[doc_id]
    claim_ids = reader.doc_claim_ids(doc_id)
    p = Presenter(reader, claim_ids=claim_ids, grade=False)
    facts = reader.facts_of_claims(claim_ids)
    claims = [c for cid in claim_ids if (c := p.claim(cid, facts.get(cid, [])))]
    per_span = Counter((c.start, c.end) for c in claims)
    rows = reader.doc_mentions(doc_id)
    names = reader.entity_rows({r.entity_id for r in rows if r.entity_id})
    mentions = []
    for r in rows:
        e = names.get(r.entity_id)
        mentions.append(m.Mention(start=r.start, end=r.end, text=r.text, entity=m.EntityRef(
            id=e.id, name=e.name, type=e.type, kind=e.kind) if e else None))
    return m.DocumentPage(
        document=doc_ref(d), language=d.get("language"), media_type=d["media_type"],
        encoding=d.get("encoding") if d.get("encoding") not in (None, "utf-8") else None,
        version=d["version"], current=bool(d["current"]), sha256=d["sha256"], text=text,
        sentences=[m.Sentence(idx=s.idx, start=s.start, end=s.end, kind=s.kind,
                              anchor=f"s-{s.start}-{s.end}",
                              claims=per_span.get((s.start, s.end), 0))
                   for s in reader.sentences(doc_id)],
        mentions=mentions, claims=claims)


def _pieces(text: str, start: int, end: int, mentions: list[m.Mention]) -> list[Piece]:
    out, pos = [], start
    for mn in mentions:
        if mn.start < pos or mn.end > end or mn.start >= mn.end:
            continue          # overlapping or outside this block
        if mn.start > pos:
            out.append(Piece(text[pos:mn.start]))
        out.append(Piece(text[mn.start:mn.end], mn.entity))
        pos = mn.end
    if pos < end:
        out.append(Piece(text[pos:end]))
    return out


def blocks(page: m.DocumentPage) -> list[Block]:
    """The text cut into sentences and the gaps between them, each cut into pieces."""
    text, out, pos = page.text, [], 0
    mentions = sorted(page.mentions, key=lambda x: (x.start, -x.end))
    for s in sorted(page.sentences, key=lambda s: s.start):
        a, b = max(s.start, pos), min(s.end, len(text))
        if a >= b:
            continue
        inside = [x for x in mentions if x.start >= pos and x.end <= b]
        if a > pos:
            out.append(Block(_pieces(text, pos, a, inside)))
        out.append(Block(_pieces(text, a, b, inside), s, s.kind))
        pos = b
    if pos < len(text):
        out.append(Block(_pieces(text, pos, len(text), mentions)))
    return out


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def document_page(request: Request, doc_id: str, reader: ReaderDep) -> HTMLResponse:
    page = build(reader, doc_id)
    named = Counter((x.entity.id, x.entity.name, x.entity.type) for x in page.mentions
                    if x.entity)
    return render(request, "document.html", page,
                  title=page.document.title or page.document.source, blocks=blocks(page),
                  named=[(k, n) for k, n in sorted(named.items(), key=lambda kv: (-kv[1],
                                                                                   kv[0][1]))])
