"""The entity page: names, relations by predicate, events in date order, figures and
contradictions, each fact with its corroboration and its evidence sentences; summarised
(counts first, the best corroborated facts of each kind, the rest on `entity_facts`'
paged lists), so its size does not grow with the number of documents naming it."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from actorgraph.store.facts import FactRow
from actorgraph.store.reader import FactBrief, Reader, Section
from actorgraph.store.store import EntityRecord
from actorgraph.web import models as m
from actorgraph.web.params import ReaderDep
from actorgraph.web.present import PREDICATES, Presenter, doc_ref, predicate_label
from actorgraph.web.render import render

router = APIRouter()
ORDER = list(PREDICATES)
TOP = 5           # relations shown per predicate on the entity page
TOP_OTHER = 10    # events, figures, foundings, contradictions shown there
EVIDENCE = 3      # evidence sentences shown per fact on a summary
SAMPLE = 50       # claims of one fact read to grade and word it on a summary


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


def _more(eid: str, kind: str, predicate: str | None = None, direction: str | None = None
          ) -> str:
    query = f"kind={kind}" + (f"&predicate={predicate}&direction={direction}"
                              if predicate else "")
    return f"/entities/{eid}/facts?{query}"


def present(reader: Reader, facts: list[FactRow], documents: dict[str, int],
            claim_ids: Iterable[str] = (), entity_ids: Iterable[str] = (),
            claims_total: dict[str, int] | None = None
            ) -> tuple[Presenter, dict[str, m.Fact]]:
    """The facts as the web shows them, each with its first EVIDENCE claims: a fact a
    thousand documents support is graded and counted on a sample of SAMPLE of its claims
    (its document count comes from them all, through `fact_briefs`; its count of claims
    from `claims_total` when given, for facts read with fewer claims than they have)."""
    sampled = [replace(f, claims=f.claims[:SAMPLE]) for f in facts]
    p = Presenter(reader, sampled, claim_ids=claim_ids, entity_ids=entity_ids)
    views = {}
    for f, s in zip(facts, sampled):
        view = p.fact(s, EVIDENCE)
        views[f.id] = view.model_copy(update={
            "claims_total": max(len(f.claims), (claims_total or {}).get(f.id, 0)),
            "documents": max(view.documents, documents.get(f.id, 0))})
    return p, views


def _group_order(section: Section) -> tuple[int, str, str]:
    _, pred, way = section
    return (ORDER.index(pred) if pred in ORDER else len(ORDER), pred, way)


def build(reader: Reader, e: EntityRecord) -> m.EntityPage:
    """What the store says about one entity, summarised: every section counted, and the
    best corroborated facts of each shown (TOP per relation predicate, more of the other
    kinds), the rest a link away, so a hub named in thousands of documents is as quick
    and as small as any entity: the counts and the ranking come from the pages' index
    (`Reader.fact_counts`, `Reader.top_facts`), and only the facts shown are read."""
    counts = reader.fact_counts(e.id)
    best = reader.top_facts(e.id, max(TOP, TOP_OTHER))
    shown: dict[Section, list[FactBrief]] = defaultdict(list)
    for b in best:   # best corroborated first
        if len(shown[b.section]) < (TOP if b.kind == "relation" else TOP_OTHER):
            shown[b.section].append(b)
    n_found, chosen = reader.contradictions_about(e.id, TOP_OTHER)
    facts = reader.facts((b.id for bs in shown.values() for b in bs), max_claims=SAMPLE)
    p, views = present(reader, facts, {b.id: b.documents for bs in shown.values() for b in bs},
                       claim_ids={c for x in chosen for c in x["claims"]},
                       entity_ids={x["entity_id"] for x in chosen if x["entity_id"]})
    by_grade = lambda v: (v.grade.grade, -v.documents, v.text)  # noqa: E731
    relations = []
    for group in sorted((s for s in counts if s[0] == "relation"), key=_group_order):
        _, pred, way = group
        d: Literal["out", "in"] = "in" if way == "in" else "out"
        relations.append(m.RelationGroup(
            predicate=pred, direction=d, label=predicate_label(pred, d), total=counts[group],
            facts=sorted((views[b.id] for b in shown[group] if b.id in views), key=by_grade),
            more=_more(e.id, "relation", pred, d) if counts[group] > TOP else None))

    def section(kind: str) -> list[m.Fact]:
        return [views[b.id] for b in shown.get((kind, "", ""), []) if b.id in views]
    sections = {kind: m.Section(total=counts.get((kind, "", ""), 0),
                                shown=len(shown.get((kind, "", ""), [])),
                                more=_more(e.id, kind)
                                if counts.get((kind, "", ""), 0) > TOP_OTHER else None)
                for kind in ("event", "quantity", "founding")}
    sections["relation"] = m.Section(total=sum(g.total for g in relations),
                                     shown=sum(len(g.facts) for g in relations))
    sections["contradiction"] = m.Section(
        total=n_found, shown=len(chosen),
        more=f"/contradictions?about={e.id}" if n_found > len(chosen) else None)
    total, docs = reader.documents_of_entity(e.id)
    return m.EntityPage(
        entity=ref(e),
        names=[m.NameCount(name=n, count=c) for n, c in sorted(e.names,
                                                               key=lambda x: (-x[1], x[0]))],
        mentions=reader.mentions_of(e.id), documents=total,
        reasons=list(e.reasons), relations=relations,
        events=sorted(section("event"), key=lambda x: (x.date or "9999", x.id)),
        quantities=sorted(section("quantity"), key=lambda x: (x.unit or "", x.value or 0)),
        foundings=sorted(section("founding"), key=lambda x: (x.date or "", x.id)),
        contradictions=[p.contradiction(c) for c in chosen],
        sources=[doc_ref(d) for d in docs], sections=sections)


@router.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
def entity_page(request: Request, entity_id: str, reader: ReaderDep) -> HTMLResponse:
    page = build(reader, find(reader, entity_id))
    return render(request, "entity.html", page, title=page.entity.name)
