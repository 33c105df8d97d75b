"""The indexes an entity's pages count and rank from, derived from the facts and the
contradictions and rebuilt with them, in the transaction that writes them:

- `entity_facts`: per entity and fact, the fact's section on the entity's page (its kind;
  for a relation its predicate and the entity's end of it) and its corroboration
  (distinct documents and claims), so a page of a hub named in thousands of documents
  counts its facts per section and reads the best corroborated few by index, without
  reading a claim;
- `fact_dates`: per fact, the publication dates of the documents of its claims, which
  date the edges of the network view;
- `contradiction_entities`, `contradiction_facts`: whom and which facts a contradiction
  concerns, so an entity's contradictions are counted and paged by index;
- `contradiction_claims`: the claims a contradiction rests on, so an incremental
  re-resolution finds those resting on the claims it changes by index.

`write_facts` and `write_contradictions` (store/facts.py) call the two refreshes for
everything; a partial rebuild (facts of some clusters) calls them with the ids it wrote
or deleted.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterator

from sqlalchemy import Connection, Table, delete, func, insert, select

from actorgraph import ontology
from actorgraph.store import schema as t

CHUNK = 500   # ids per IN (...) clause


def _chunks(ids: Collection[str] | None) -> Iterator[list[str] | None]:
    """The ids in lists for IN (...) clauses; None (everything) as itself."""
    if ids is None:
        yield None
        return
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), CHUNK):
        yield ordered[i:i + CHUNK]


def direction(data: dict, eid: str, symmetric: Collection[str]) -> str:
    """The entity's end of a relation as its page groups it: "out" as the subject (or
    either end of a symmetric predicate), else "in"."""
    return "out" if data.get("subject") == eid or data.get("predicate") in symmetric else "in"


def refresh_fact_index(conn: Connection, fact_ids: Collection[str] | None = None,
                       dates: bool = True) -> None:
    """Rebuild the `entity_facts` rows of these facts (of all facts when None) from the
    facts, their entities and their claims, and (with `dates`; a migration older than
    the table says False) their `fact_dates`, in the caller's transaction. A fact that
    no longer exists loses its rows."""
    ef, f, fe, fc, c = (t.entity_facts, t.facts, t.fact_entities, t.fact_claims, t.claims)
    symmetric = ontology.symmetric_predicates()
    for chunk in _chunks(fact_ids):
        def only(column, chunk=chunk):
            return [] if chunk is None else [column.in_(chunk)]
        conn.execute(delete(ef).where(*only(ef.c.fact_id)))
        support = {r.fact_id: (r.docs, r.claims) for r in conn.execute(
            select(fc.c.fact_id, func.count(func.distinct(c.c.doc_id)).label("docs"),
                   func.count().label("claims"))
            .select_from(fc.join(c, c.c.id == fc.c.claim_id))
            .where(*only(fc.c.fact_id)).group_by(fc.c.fact_id))}
        entities: dict[str, set[str]] = defaultdict(set)
        for fid, eid in conn.execute(select(fe.c.fact_id, fe.c.entity_id)
                                     .where(*only(fe.c.fact_id))):
            if eid:
                entities[fid].add(eid)
        rows = []
        for fid, kind, data in conn.execute(select(f.c.id, f.c.kind, f.c.data)
                                            .where(*only(f.c.id))):
            d = json.loads(data) if kind == "relation" else {}
            docs, claims = support.get(fid, (0, 0))
            rows += [{"entity_id": eid, "fact_id": fid, "kind": kind,
                      "predicate": d.get("predicate") or "",
                      "direction": direction(d, eid, symmetric) if kind == "relation" else "",
                      "documents": docs, "claims": claims}
                     for eid in sorted(entities.get(fid, ()))]
        for i in range(0, len(rows), 5000):
            conn.execute(insert(ef), rows[i:i + 5000])
        if dates:
            refresh_fact_dates(conn, chunk)


def refresh_fact_dates(conn: Connection, fact_ids: list[str] | None) -> None:
    """Rebuild the `fact_dates` rows of these facts (of all when None)."""
    fd, fc, c, d = t.fact_dates, t.fact_claims, t.claims, t.documents
    conn.execute(delete(fd).where(*([] if fact_ids is None else [fd.c.fact_id.in_(fact_ids)])))
    dated = (select(fc.c.fact_id, d.c.published)
             .select_from(fc.join(c, c.c.id == fc.c.claim_id).join(d, d.c.id == c.c.doc_id))
             .where(d.c.published.is_not(None),
                    *([] if fact_ids is None else [fc.c.fact_id.in_(fact_ids)]))
             .distinct())
    conn.execute(insert(fd).from_select(["fact_id", "published"], dated))


def refresh_contradiction_index(conn: Connection,
                                contradiction_ids: Collection[str] | None = None,
                                claims: bool = True, whom_only: bool = False) -> None:
    """Rebuild the links of these contradictions (of all when None) to the entities and
    facts they concern and (with `claims`; a migration older than the table says False)
    the claims they rest on, in the caller's transaction; run it after the facts they
    name are written (an entity of one of its facts is one it concerns). `whom_only`:
    only the entities (for contradictions kept as they were, some of whose facts were
    rewritten)."""
    ce, cf, cc, k = (t.contradiction_entities, t.contradiction_facts,
                     t.contradiction_claims, t.contradictions)
    tables = (ce,) if whom_only else (ce, cf, cc) if claims else (ce, cf)
    for chunk in _chunks(contradiction_ids):
        for table in tables:
            conn.execute(delete(table).where(
                *([] if chunk is None else [table.c.contradiction_id.in_(chunk)])))
        found = conn.execute(select(k.c.id, k.c.entity_id, k.c.facts, k.c.claims).where(
            *([] if chunk is None else [k.c.id.in_(chunk)]))).all()
        facts = {cid: set(json.loads(fs)) for cid, _, fs, _ in found}
        of_fact: dict[str, set[str]] = defaultdict(set)
        for part in _chunks(None if chunk is None else {x for fs in facts.values() for x in fs}):
            q = select(t.fact_entities.c.fact_id, t.fact_entities.c.entity_id)
            if part is not None:
                q = q.where(t.fact_entities.c.fact_id.in_(part))
            for fid, eid in conn.execute(q):
                of_fact[fid].add(eid)
        rows_of: dict[Table, list[dict]] = {table: [] for table in tables}
        for cid, eid, _, cs in found:
            whom = ({eid} if eid else set()) | {e for x in facts[cid] for e in of_fact[x] if e}
            rows_of[ce] += [{"entity_id": e, "contradiction_id": cid} for e in sorted(whom)]
            if cf in rows_of:
                rows_of[cf] += [{"fact_id": x, "contradiction_id": cid}
                                for x in sorted(facts[cid])]
            if cc in rows_of:
                rows_of[cc] += [{"claim_id": x, "contradiction_id": cid}
                                for x in sorted(set(json.loads(cs)))]
        for table, rows in rows_of.items():
            for i in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[i:i + 5000])


def refresh(conn: Connection, fact_ids: Collection[str] | None = None,
            contradiction_ids: Collection[str] | None = None, dates: bool = True,
            claims: bool = True) -> None:
    """Both refreshes: after a rebuild of these facts and contradictions (all when None)."""
    refresh_fact_index(conn, fact_ids, dates)
    refresh_contradiction_index(conn, contradiction_ids, claims)
