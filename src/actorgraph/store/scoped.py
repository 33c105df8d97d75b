"""The Reader as a user cleared for one TLP level sees the store: every read of
`reader.Reader` (and of its base, `evidence.EvidenceReader`) with the rule of
`tlp.Scope` applied, so no page, API route, graph, timeline, search or count can show
what the user is not cleared for.

`Reader.within(clearance)` gives one; a clearance of RED (or none) gives the Reader
itself. Every public read method is overridden here or listed in `NEUTRAL` (reads
that show nothing of the documents); `tests/store/test_scoped.py` checks it, so a read
added to the Reader without its scoped form fails the tests.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from typing import Any, NamedTuple

from sqlalchemy import and_, func, select
from sqlalchemy.sql.elements import ColumnElement

from actorgraph import ontology
from actorgraph.knowledge.names import fold
from actorgraph.store import schema as t
from actorgraph.store import tlp
from actorgraph.store.evidence import chunks
from actorgraph.store.facts import ClaimRow, FactRow
from actorgraph.store.reader import (
    EventRow,
    FactBrief,
    Reader,
    Section,
    count_sections,
    page_of_section,
    top_of_sections,
)
from actorgraph.store.search import DocumentHit, search_documents
from actorgraph.store.store import EntityRecord
from actorgraph.store.summaries import direction

# Reads that show nothing a TLP marking covers (or only through the scoped reads).
NEUTRAL = frozenset({"cached", "invalidate", "has_old_versions", "grades", "contradicted",
                     "contradictions_of"})


class EntityRow(NamedTuple):
    id: str
    name: str
    type: str
    kind: str | None


def within(reader: Reader, clearance: str | None) -> Reader:
    """The reader as a user cleared for `clearance` sees the store (None or RED: all)."""
    def markings() -> dict[str, str]:
        with reader.engine.connect() as conn:
            return tlp.source_markings(conn)
    scope = tlp.Scope.of(reader.cached("source_markings", markings), clearance)
    return reader if scope.everything else ScopedReader(reader, scope)


class ScopedReader(Reader):
    """A Reader limited to what `scope` lets a user see."""

    def __init__(self, base: Reader, scope: tlp.Scope) -> None:
        self.store, self.engine, self.cache = base.store, base.engine, base.cache

        def documents() -> tlp.Scope:
            with self.engine.connect() as conn:
                return scope.with_documents(conn)
        self.scope = scope   # (for the cache key) then the same scope with its documents
        self.scope = self.cached("scope", documents)

    def cached(self, key: str, build: Any) -> Any:
        return self.cache.get(self.scope.key + key, build)

    def _docs(self) -> frozenset[str]:
        assert self.scope.docs is not None
        return self.scope.docs

    def _visible_docs(self, ids: Iterable[str]) -> set[str]:
        return set(ids) & self._docs()

    def _visible_claims(self, ids: Iterable[str]) -> set[str]:
        with self.engine.connect() as conn:
            return tlp.visible_claim_ids(conn, self.scope, ids)

    # -- documents and claims ----------------------------------------------------------
    def claims(self, ids: Iterable[str]) -> dict[str, ClaimRow]:
        return super().claims(self._visible_claims(ids))

    def sentences_of_claims(self, ids: Iterable[str]) -> dict[str, str]:
        return super().sentences_of_claims(self._visible_claims(ids))

    def key_maps(self, doc_ids: Iterable[str], keys: Iterable[str] | None = None
                 ) -> dict[str, dict[str, str]]:
        return super().key_maps(self._visible_docs(doc_ids), keys)

    def documents(self, ids: Iterable[str]) -> dict[str, dict]:
        return super().documents(self._visible_docs(ids))

    def texts(self, ids: Iterable[str]) -> dict[str, str]:
        return super().texts(self._visible_docs(ids))

    def sentences(self, doc_id: str) -> list[Any]:
        return super().sentences(doc_id) if self._visible_docs([doc_id]) else []

    def doc_mentions(self, doc_id: str) -> list[Any]:
        return super().doc_mentions(doc_id) if self._visible_docs([doc_id]) else []

    def doc_claim_ids(self, doc_id: str) -> list[str]:
        return super().doc_claim_ids(doc_id) if self._visible_docs([doc_id]) else []

    def documents_page(self, limit: int, offset: int) -> tuple[int, list[dict]]:
        def build() -> list[str]:
            """The visible current documents' ids, newest first (from an index alone)."""
            d = t.documents
            with self.engine.connect() as conn:
                ids = conn.execute(select(d.c.id).where(d.c.current.is_(True)).order_by(
                    d.c.published.desc(), d.c.id.desc())).scalars()
                return [i for i in ids if i in self._docs()]
        order = self.cached("documents_order", build)
        page = order[offset:offset + limit]
        rows = super().documents(page)
        return len(order), [rows[i] for i in page if i in rows]

    def search_documents(self, query: str, limit: int, offset: int
                         ) -> tuple[int, list[DocumentHit]]:
        return search_documents(self.engine, query, limit, offset, scope=self.scope)

    def claims_page(self, limit: int, offset: int, doc: str | None = None,
                    kind: str | None = None, modality: str | None = None,
                    entity_id: str | None = None) -> tuple[int, list[str]]:
        c = t.claims
        where: list[ColumnElement[bool]] = [c.c.doc_id.in_(self.scope.doc_ids())]
        where += [col == v for col, v in ((c.c.doc_id, doc), (c.c.kind, kind),
                                          (c.c.modality, modality)) if v]
        if entity_id:
            where.append(c.c.id.in_(select(t.fact_claims.c.claim_id).where(
                t.fact_claims.c.fact_id.in_(self.fact_ids_of(entity_id)))))
        q = select(c.c.id).where(*where)
        if self.has_old_versions():
            q = q.join(t.documents, t.documents.c.id == c.c.doc_id).where(
                t.documents.c.current.is_(True))

        def total() -> int:
            with self.engine.connect() as conn:
                return conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0
        with self.engine.connect() as conn:
            ids = list(conn.execute(q.order_by(c.c.doc_id, c.c.start, c.c.id)
                                    .limit(limit).offset(offset)).scalars())
        return self.cached(f"claims_total:{(doc, kind, modality, entity_id)!r}", total), ids

    # -- entities ----------------------------------------------------------------------
    def _entities(self) -> set[str]:
        def build() -> set[str]:
            with self.engine.connect() as conn:
                return tlp.visible_entities(conn, self.scope)
        return self.cached("entities", build)

    def mention_counts(self) -> dict[str, int]:
        def build() -> dict[str, int]:
            m = t.mentions
            with self.engine.connect() as conn:
                return dict(conn.execute(select(m.c.entity_id, func.count()).where(
                    m.c.entity_id.is_not(None), m.c.doc_id.in_(self.scope.doc_ids()))
                    .group_by(m.c.entity_id)).all())
        return self.cached("mention_counts", build)

    def _visible_names(self, ids: Iterable[str]) -> dict[str, Counter[str]]:
        def build() -> dict[str, Counter[str]]:
            with self.engine.connect() as conn:
                return tlp.visible_names(conn, self.scope, None)
        every = self.cached("visible_names", build)
        return {i: every[i] for i in ids if i in every}

    def entity(self, eid: str) -> EntityRecord | None:
        if eid not in self._entities():
            return None
        e = super().entity(eid)
        return tlp.scoped_entity(e, self._visible_names([eid]).get(eid, Counter())) if e else None

    def entity_by_name(self, name: str) -> EntityRecord | None:
        found = self.entity(name)
        if found is not None:
            return found
        ids = self.find_entities(None, name)
        return self.entity(ids[0]) if ids else None

    def entity_rows(self, ids: Iterable[str]) -> dict[str, Any]:
        visible = set(ids) & self._entities()
        rows = super().entity_rows(visible)
        names = self._visible_names(visible)
        every = super().names_of(visible)
        return {i: EntityRow(r.id, tlp.shown_name(r.name, dict(every.get(i, [])),
                                                  names.get(i, Counter())), r.type, r.kind)
                for i, r in rows.items()}

    def names_of(self, ids: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        visible = set(ids) & self._entities()
        return {i: sorted(c.items()) for i, c in self._visible_names(visible).items()}

    def find_entities(self, etype: str | None, q: str | None) -> list[str]:
        visible = self._entities()
        counts = self.mention_counts()
        if not q:
            return [i for i in super().find_entities(etype, None) if i in visible]
        folded = fold(q)
        if not folded:
            return []
        candidates = [i for i in super().find_entities(etype, q) if i in visible]
        names = self._visible_names(candidates)
        found = {i: {fold(n) for n in names.get(i, ())} for i in candidates}
        ids = [i for i, fs in found.items() if any(folded in f for f in fs)]
        return sorted(ids, key=lambda i: (folded not in found[i], -counts.get(i, 0), i))

    def documents_of_entity(self, eid: str, limit: int = 25) -> tuple[int, list[dict]]:
        ids = (select(t.mentions.c.doc_id).where(t.mentions.c.entity_id == eid)
               .distinct().scalar_subquery())
        cols = [c for c in t.documents.c if c.name not in ("text", "original")]
        cond = and_(t.documents.c.id.in_(ids), t.documents.c.current.is_(True),
                    self.scope.documents())
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(t.documents)
                                 .where(cond)).scalar() or 0
            rows = conn.execute(select(*cols).where(cond).order_by(
                t.documents.c.published.desc(), t.documents.c.id).limit(limit)).all()
        return total, [dict(r._mapping) for r in rows]

    # -- facts -------------------------------------------------------------------------
    def facts(self, ids: Iterable[str], max_claims: int | None = None) -> list[FactRow]:
        """The visible facts among `ids`, as their visible claims tell them (kept, per
        fact, until the store changes: pages ask for the same facts again and again);
        the first `max_claims` visible claims of each, if given."""
        memo: dict[str, FactRow | None] = self.cached("trimmed_facts", dict)
        ids = set(ids)
        todo = ids - memo.keys()
        if todo:
            rows = super().facts(todo)
            with self.engine.connect() as conn:
                trimmed = {f.id: f for f in tlp.trim_facts(conn, self.scope, rows)}
            memo.update({f.id: trimmed.get(f.id) for f in rows})
        found = sorted((f for i in ids if (f := memo.get(i)) is not None), key=lambda f: f.id)
        if max_claims is None:
            return found
        return [FactRow(f.id, f.kind, f.data, f.claims[:max_claims], f.first_seen, f.entities)
                for f in found]

    def fact_briefs(self, eid: str) -> list[FactBrief]:
        """Every visible fact naming the entity, counted by its visible claims alone (no
        count says that a hidden document exists)."""
        facts = [f for f in self.facts(super().fact_ids_of(eid))
                 if eid in {e for e, _ in f.entities}]
        claims = sorted({c for f in facts for c in f.claims})
        doc_of: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(claims):
                doc_of.update(conn.execute(select(t.claims.c.id, t.claims.c.doc_id)
                                           .where(t.claims.c.id.in_(chunk))).all())
        symmetric = ontology.symmetric_predicates()

        def brief(f: FactRow) -> FactBrief:
            relation = f.kind == "relation"
            return FactBrief(f.id, f.kind, f.data.get("predicate") or "" if relation else "",
                             direction(f.data, eid, symmetric) if relation else "",
                             len({doc_of.get(c) for c in f.claims}), len(f.claims))
        return sorted(map(brief, facts), key=FactBrief.rank)

    def support(self, fact_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        """Counted from the visible claims alone (the index counts hidden ones too)."""
        facts = self.facts(fact_ids)
        doc_of: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in chunks({c for f in facts for c in f.claims}):
                doc_of.update(conn.execute(select(t.claims.c.id, t.claims.c.doc_id)
                                           .where(t.claims.c.id.in_(chunk))).all())
        return {f.id: (len({doc_of.get(c) for c in f.claims}), len(f.claims)) for f in facts}

    def fact_counts(self, eid: str) -> dict[Section, int]:
        return count_sections(self.fact_briefs(eid))

    def top_facts(self, eid: str, per_section: int) -> list[FactBrief]:
        return top_of_sections(self.fact_briefs(eid), per_section)

    def fact_page(self, eid: str, section: tuple[str, str | None, str | None], limit: int,
                  offset: int) -> list[FactBrief]:
        return page_of_section(self.fact_briefs(eid), section, limit, offset)

    def mentions_of(self, eid: str) -> int:
        return self.mention_counts().get(eid, 0)

    def contradictions_about(self, eid: str | None, limit: int | None = None,
                             offset: int = 0) -> tuple[int, list[dict]]:
        rows = (self.contradiction_rows() if eid is None
                else self.contradictions_of(eid, self.fact_ids_of(eid)))
        return len(rows), rows[offset:None if limit is None else offset + limit]

    def contradicted_among(self, fact_ids: Iterable[str]) -> set[str]:
        return set(fact_ids) & self.contradicted()

    def fact_ids_of(self, eid: str, kind: str | None = None) -> list[str]:
        return sorted(f.id for f in self.facts(super().fact_ids_of(eid, kind))
                      if eid in {e for e, _ in f.entities})

    def facts_of_claims(self, claim_ids: Iterable[str]) -> dict[str, list[str]]:
        return super().facts_of_claims(self._visible_claims(claim_ids))

    def events(self) -> list[EventRow]:
        def build() -> list[EventRow]:
            out = []
            for f in self.facts(e.id for e in super(ScopedReader, self).events()):
                d = f.data
                ents = set(d.get("actors") or ()) | set(d.get("targets") or ())
                if d.get("location"):
                    ents.add(d["location"])
                out.append(EventRow(f.id, d.get("type") or "?", d.get("date"),
                                    frozenset(ents)))
            return sorted(out, key=lambda e: (e.date or "9999", e.id))
        return self.cached("visible_events", build)

    def edges_from(self, frontier: Iterable[str]) -> list[tuple[str, str, str]]:
        found = super().edges_from(frontier)
        facts = {f.id: {e for e, _ in f.entities}
                 for f in self.facts({fid for fid, _, _ in found})}
        return [(fid, a, b) for fid, a, b in found if a in facts.get(fid, ())
                and b in facts[fid]]

    def reported_dates(self, fact_ids: Iterable[str]) -> dict[str, list[str]]:
        fc, c, d = t.fact_claims, t.claims, t.documents
        out: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(fact_ids):
                q = (select(fc.c.fact_id, d.c.published)
                     .select_from(fc.join(c, c.c.id == fc.c.claim_id)
                                  .join(d, d.c.id == c.c.doc_id))
                     .where(fc.c.fact_id.in_(chunk), d.c.published.is_not(None),
                            self.scope.documents()).distinct())
                for fid, published in conn.execute(q):
                    out.setdefault(fid, set()).add(published)
        return {k: sorted(v) for k, v in out.items()}

    # -- contradictions and counts -----------------------------------------------------
    def contradiction_rows(self) -> list[dict]:
        def build() -> list[dict]:
            rows = super(ScopedReader, self).contradiction_rows()
            claims = self._visible_claims(c for r in rows for c in r["claims"])
            return tlp.visible_contradictions(rows, claims, self._entities())
        return self.cached("visible_contradictions", build)

    def stats(self) -> dict[str, int]:
        def build() -> dict[str, int]:
            d, s = t.documents, self.scope.documents()
            visible_doc = self.scope.doc_ids()
            with self.engine.connect() as conn:
                def count(table, *where) -> int:
                    return conn.execute(select(func.count()).select_from(table)
                                        .where(*where)).scalar() or 0
                pairs = [(a, b) for a, b in conn.execute(select(t.review.c.a, t.review.c.b))]
                entities = self._entities()
                return {
                    "documents": count(d, d.c.current.is_(True), s),
                    "document_versions": count(d, s),
                    "sentences": count(t.sentences, t.sentences.c.doc_id.in_(visible_doc)),
                    "mentions": count(t.mentions, t.mentions.c.doc_id.in_(visible_doc)),
                    "entities": len(entities),
                    "review_pairs": sum(a in entities and b in entities for a, b in pairs),
                    "judgements": count(t.judgements, t.judgements.c.undone.is_(False)),
                    "failed_extractions": count(d, d.c.current.is_(True), s,
                                                d.c.extraction_error.is_not(None)),
                }
        return self.cached("stats", build)

    def relations_to(self, objects: Iterable[str], predicates: Collection[str],
                     subjects: Iterable[str] | None = None) -> list[FactRow]:
        return super().relations_to(set(objects) & self._entities(), predicates, subjects)
