"""Entity-scoped, paginated reads over the store's tables, for the web and the CLI.

The Store's own readers load whole tables (fine for a CLI run, slow per web
request on a large case), so pages read only the rows they show here. Whole-store
aggregates (mention counts, the parsed event list, the contradicted facts) are
cached until the store changes (`cache.StoreCache`).
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select

from actorgraph.knowledge.names import fold
from actorgraph.store import schema as t
from actorgraph.store.evidence import EvidenceReader, chunks
from actorgraph.store.facts import FactRow
from actorgraph.store.grades import grades
from actorgraph.store.store import EntityRecord

Section = tuple[str, str, str]   # kind, predicate, direction ("" but for relations)
HUB_DOCUMENTS = 1000   # an entity named in more documents is read as a hub is


@dataclass(frozen=True)
class FactBrief:
    """A fact of an entity with its section on the entity's page and its corroboration,
    without its evidence: what a summary counts and ranks before the few facts it shows
    are loaded in full."""

    id: str
    kind: str
    predicate: str      # a relation's, else ""
    direction: str      # the entity's end of a relation: "out" (subject, or symmetric), "in"
    documents: int      # distinct documents whose claims support it
    claims: int

    @property
    def section(self) -> Section:
        return self.kind, self.predicate, self.direction

    def rank(self) -> tuple[int, int, str]:
        """Best corroborated first: most documents, then most claims, then id."""
        return -self.documents, -self.claims, self.id


def count_sections(briefs: Iterable[FactBrief]) -> dict[Section, int]:
    """`Reader.fact_counts` of these briefs."""
    out: dict[Section, int] = defaultdict(int)
    for b in briefs:
        out[b.section] += 1
    return dict(out)


def top_of_sections(briefs: Iterable[FactBrief], per_section: int) -> list[FactBrief]:
    """`Reader.top_facts` of these briefs."""
    by: dict[Section, list[FactBrief]] = defaultdict(list)
    for b in sorted(briefs, key=FactBrief.rank):
        if len(by[b.section]) < per_section:
            by[b.section].append(b)
    return sorted((b for bs in by.values() for b in bs), key=FactBrief.rank)


def page_of_section(briefs: Iterable[FactBrief], section: tuple[str, str | None, str | None],
                    limit: int, offset: int
                    ) -> list[FactBrief]:
    """`Reader.fact_page` of these briefs."""
    kind, predicate, way = section
    chosen = [b for b in briefs if b.kind == kind and predicate in (None, b.predicate)
              and way in (None, b.direction)]
    return sorted(chosen, key=FactBrief.rank)[offset:offset + limit]


@dataclass(frozen=True)
class EventRow:
    """An event fact, parsed once, for filtering the timeline in memory."""

    id: str
    type: str
    date: str | None
    entities: frozenset[str]


class Reader(EvidenceReader):
    """Read-only queries over one Store, each reading only the rows it returns: the
    evidence (documents, claims) and what was made of it (entities, facts,
    contradictions)."""

    # -- entities --------------------------------------------------------
    def mention_counts(self) -> dict[str, int]:
        return self.cached("mention_counts", self.store.mention_counts)

    def entity(self, eid: str) -> EntityRecord | None:
        return self.store.entity_by_id(eid)

    def entity_by_name(self, name: str) -> EntityRecord | None:
        """Store.entity's rule (an id; else a name equal after folding; else the most
        mentioned entity with a name containing it), read through the cached ranking.
        A name that folds to nothing (punctuation, symbols) names nothing."""
        found = self.entity(name)
        if found is not None:
            return found
        folded = fold(name)
        if not folded:
            return None
        with self.engine.connect() as conn:
            exact = sorted(conn.execute(select(t.entity_names.c.entity_id).where(
                t.entity_names.c.folded == folded)).scalars())
        ids = exact or self.find_entities(None, name)
        return self.entity(ids[0]) if ids else None

    def entity_rows(self, ids: Iterable[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(i for i in ids if i):
                for r in conn.execute(select(t.entities.c.id, t.entities.c.name,
                                             t.entities.c.type, t.entities.c.kind)
                                      .where(t.entities.c.id.in_(chunk))):
                    out[r.id] = r
        return out

    def names_of(self, ids: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        out: dict[str, list[tuple[str, int]]] = defaultdict(list)
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                for r in conn.execute(select(t.entity_names).where(
                        t.entity_names.c.entity_id.in_(chunk)).order_by(
                        t.entity_names.c.entity_id, t.entity_names.c.name)):
                    out[r.entity_id].append((r.name, r._mapping["count"]))
        return out

    def find_entities(self, etype: str | None, q: str | None) -> list[str]:
        """Ids of the entities of `etype` with a name containing `q` in any spelling or
        script (the same folding as Store.entities), exact names first, then by mentions."""
        if not q:
            return self.cached(f"entities:{etype}", lambda: self._ranked(etype))
        query = select(t.entities.c.id)
        if etype:
            query = query.where(t.entities.c.type == etype)
        exact: set[str] = set()
        if q:
            folded = fold(q)
            if not folded:
                return []
            like = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            sub = select(t.entity_names.c.entity_id).where(
                t.entity_names.c.folded.like(f"%{like}%", escape="\\"))
            query = query.where(t.entities.c.id.in_(sub))
            with self.engine.connect() as conn:
                exact = set(conn.execute(select(t.entity_names.c.entity_id).where(
                    t.entity_names.c.folded == folded)).scalars())
        with self.engine.connect() as conn:
            ids = list(conn.execute(query).scalars())
        counts = self.mention_counts()
        return sorted(ids, key=lambda i: (i not in exact, -counts.get(i, 0), i))

    def _ranked(self, etype: str | None) -> list[str]:
        query = select(t.entities.c.id)
        if etype:
            query = query.where(t.entities.c.type == etype)
        with self.engine.connect() as conn:
            ids = list(conn.execute(query).scalars())
        counts = self.mention_counts()
        return sorted(ids, key=lambda i: (-counts.get(i, 0), i))

    def documents_of_entity(self, eid: str, limit: int = 25) -> tuple[int, list[dict]]:
        """How many current documents name the entity, and the latest `limit` of them.

        A hub is named in most documents: its count is read from the (entity, document)
        index of the mentions alone when no document has an older version (no join), and
        its latest documents by walking the documents newest first and asking the index
        of each whether it names the entity, which stops after `limit` (the list of all
        its documents would be read first otherwise)."""
        m, d = t.mentions, t.documents
        ids = select(m.c.doc_id).where(m.c.entity_id == eid).distinct().scalar_subquery()
        cols = [c for c in d.c if c.name not in ("text", "original")]
        cond = and_(d.c.id.in_(ids), d.c.current.is_(True))
        with self.engine.connect() as conn:
            if self.has_old_versions():
                total = conn.execute(select(func.count()).select_from(d).where(cond)).scalar()
            else:
                total = conn.execute(select(func.count(func.distinct(m.c.doc_id))).where(
                    m.c.entity_id == eid)).scalar()
            if (total or 0) > HUB_DOCUMENTS:
                cond = and_(d.c.current.is_(True), select(m.c.id).where(
                    m.c.entity_id == eid, m.c.doc_id == d.c.id).exists())
            rows = conn.execute(select(*cols).where(cond).order_by(
                d.c.published.desc(), d.c.id).limit(limit)).all() if limit else []
        return total or 0, [dict(r._mapping) for r in rows]

    # -- facts, and the claims behind them ---------------------------------
    def fact_ids_of(self, eid: str, kind: str | None = None) -> list[str]:
        q = select(t.fact_entities.c.fact_id).where(t.fact_entities.c.entity_id == eid)
        if kind:
            q = q.join(t.facts, t.facts.c.id == t.fact_entities.c.fact_id).where(
                t.facts.c.kind == kind)
        with self.engine.connect() as conn:
            return sorted(set(conn.execute(q).scalars()))

    def fact_briefs(self, eid: str) -> list[FactBrief]:
        """Every fact naming the entity with its section and corroboration, best
        corroborated first, from the pages' index alone (no claim is read)."""
        return self._briefs(eid)

    def fact_counts(self, eid: str) -> dict[Section, int]:
        """How many facts name the entity, per section: (kind, predicate, direction); the
        predicate and direction are "" but for relations."""
        ef = t.entity_facts
        with self.engine.connect() as conn:
            return {(k, p, d): n for k, p, d, n in conn.execute(
                select(ef.c.kind, ef.c.predicate, ef.c.direction, func.count())
                .where(ef.c.entity_id == eid)
                .group_by(ef.c.kind, ef.c.predicate, ef.c.direction))}

    def top_facts(self, eid: str, per_section: int) -> list[FactBrief]:
        """The best corroborated `per_section` facts of each section of the entity (most
        documents, then most claims, then id): one LIMITed index range per section."""
        ef = t.entity_facts
        out: list[FactBrief] = []
        for kind, predicate, way in sorted(self.fact_counts(eid)):
            out += self._briefs(eid, select(ef).where(
                ef.c.entity_id == eid, ef.c.kind == kind, ef.c.predicate == predicate,
                ef.c.direction == way).order_by(ef.c.documents.desc(), ef.c.claims.desc(),
                                                ef.c.fact_id).limit(per_section))
        return sorted(out, key=FactBrief.rank)

    def fact_page(self, eid: str, section: tuple[str, str | None, str | None], limit: int,
                  offset: int) -> list[FactBrief]:
        """One page of the entity's facts of one section (kind; for a relation its
        predicate and direction, or all of them when those are None), best corroborated
        first."""
        ef = t.entity_facts
        kind, predicate, way = section
        q = select(ef).where(ef.c.entity_id == eid, ef.c.kind == kind, *(
            [ef.c.predicate == predicate] if predicate is not None else []), *(
            [ef.c.direction == way] if way is not None else []))
        return self._briefs(eid, q.order_by(ef.c.documents.desc(), ef.c.claims.desc(),
                                            ef.c.fact_id).limit(limit).offset(offset))

    def _briefs(self, eid: str, q: Any = None) -> list[FactBrief]:
        ef = t.entity_facts
        if q is None:
            q = select(ef).where(ef.c.entity_id == eid)
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return sorted((FactBrief(r.fact_id, r.kind, r.predicate, r.direction, r.documents,
                                 r.claims) for r in rows), key=FactBrief.rank)

    def support(self, fact_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        """fact id -> (distinct documents, claims) that support it, from the pages' index
        (no claim is read)."""
        ef = t.entity_facts
        out: dict[str, tuple[int, int]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(fact_ids):
                for fid, docs, claims in conn.execute(
                        select(ef.c.fact_id, func.max(ef.c.documents), func.max(ef.c.claims))
                        .where(ef.c.fact_id.in_(chunk)).group_by(ef.c.fact_id)):
                    out[fid] = (docs, claims)
        return out

    def mentions_of(self, eid: str) -> int:
        """How many mentions name the entity (by index: no whole-store count)."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.mentions).where(
                t.mentions.c.entity_id == eid)).scalar() or 0

    def facts(self, ids: Iterable[str], max_claims: int | None = None) -> list[FactRow]:
        """The facts with these ids, with their claim ids (the first `max_claims` of each
        by id, if given: a summary of a fact a thousand documents support) and entities."""
        rows: dict[str, Any] = {}
        claims: dict[str, list[str]] = defaultdict(list)
        parts: dict[str, list[tuple[str, str]]] = defaultdict(list)
        fc = t.fact_claims
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                for r in conn.execute(select(t.facts).where(t.facts.c.id.in_(chunk))):
                    rows[r.id] = r
                if max_claims is None:
                    for fid, cid in conn.execute(select(fc.c.fact_id, fc.c.claim_id).where(
                            fc.c.fact_id.in_(chunk))):
                        claims[fid].append(cid)
                for fid in chunk if max_claims else ():   # a hub's fact has thousands:
                    claims[fid] += conn.execute(          # its first few by the index
                        select(fc.c.claim_id).where(fc.c.fact_id == fid)
                        .order_by(fc.c.claim_id).limit(max_claims)).scalars()
                for fid, eid, role in conn.execute(select(t.fact_entities).where(
                        t.fact_entities.c.fact_id.in_(chunk))):
                    parts[fid].append((eid, role))
        return [FactRow(f.id, f.kind, json.loads(f.data), sorted(claims[f.id]), f.first_seen,
                        sorted(parts[f.id])) for f in sorted(rows.values(), key=lambda f: f.id)]

    def facts_of_claims(self, claim_ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        with self.engine.connect() as conn:
            for chunk in chunks(claim_ids):
                for fid, cid in conn.execute(select(t.fact_claims).where(
                        t.fact_claims.c.claim_id.in_(chunk))):
                    out[cid].append(fid)
        return out

    def relations_to(self, objects: Iterable[str], predicates: Collection[str],
                     subjects: Iterable[str] | None = None) -> list[FactRow]:
        """The relations with one of `predicates` whose object is one of `objects` (and
        whose subject is one of `subjects`, if given: grading asks only whether a claim's
        speaker is an insider of a fact's subject), without their claims: grading reads
        who relates to whom, and a hub is the object of many."""
        fe, ef = t.fact_entities, t.entity_facts
        ids: set[str] = set()
        with self.engine.connect() as conn:
            if subjects is not None:   # from the few speakers' side, not from a hub's
                theirs: set[str] = set()
                for chunk in chunks(subjects):
                    theirs |= set(conn.execute(select(fe.c.fact_id).where(
                        fe.c.entity_id.in_(chunk), fe.c.role == "subject")).scalars())
                for ends in chunks(objects):
                    for chunk in chunks(theirs):
                        ids |= set(conn.execute(select(fe.c.fact_id).where(
                            fe.c.fact_id.in_(chunk), fe.c.role == "object",
                            fe.c.entity_id.in_(ends))).scalars())
            else:
                for chunk in chunks(objects):
                    ids |= set(conn.execute(select(fe.c.fact_id).select_from(fe.join(ef, and_(
                        ef.c.fact_id == fe.c.fact_id, ef.c.entity_id == fe.c.entity_id))).where(
                        fe.c.entity_id.in_(chunk), fe.c.role == "object", ef.c.kind == "relation",
                        ef.c.predicate.in_(sorted(predicates)))).scalars())
        return [f for f in self.facts(ids, max_claims=0)
                if f.kind == "relation" and f.data["predicate"] in predicates]

    def events(self) -> list[EventRow]:
        """Every event fact, parsed (cached until the store changes)."""
        def build() -> list[EventRow]:
            with self.engine.connect() as conn:
                rows = conn.execute(select(t.facts.c.id, t.facts.c.data).where(
                    t.facts.c.kind == "event")).all()
            out = []
            for fid, data in rows:
                d = json.loads(data)
                ents = set(d.get("actors") or ()) | set(d.get("targets") or ())
                if d.get("location"):
                    ents.add(d["location"])
                out.append(EventRow(fid, d.get("type") or "?", d.get("date"),
                                    frozenset(ents)))
            return sorted(out, key=lambda e: (e.date or "9999", e.id))
        return self.cached("events", build)

    def edges_from(self, frontier: Iterable[str]) -> list[tuple[str, str, str]]:
        """(fact id, entity in frontier, other entity) for the relations and events that
        join an entity of the frontier to another."""
        a, b = t.fact_entities.alias("a"), t.fact_entities.alias("b")
        out = []
        with self.engine.connect() as conn:
            for chunk in chunks(frontier):
                q = (select(a.c.fact_id, a.c.entity_id, b.c.entity_id)
                     .select_from(a.join(b, and_(a.c.fact_id == b.c.fact_id,
                                                 a.c.entity_id != b.c.entity_id)))
                     .where(a.c.entity_id.in_(chunk)).distinct())
                out += [tuple(r) for r in conn.execute(q)]
        return out

    def reported_dates(self, fact_ids: Iterable[str]) -> dict[str, list[str]]:
        """fact id -> the publication dates of the documents that support it, from the
        pages' index (`fact_dates`: a hub's relations have thousands of claims)."""
        fd = t.fact_dates
        out: dict[str, list[str]] = defaultdict(list)
        with self.engine.connect() as conn:
            for chunk in chunks(fact_ids):
                for fid, published in conn.execute(select(fd.c.fact_id, fd.c.published).where(
                        fd.c.fact_id.in_(chunk)).order_by(fd.c.fact_id, fd.c.published)):
                    out[fid].append(published)
        return dict(out)

    def claims_page(self, limit: int, offset: int, doc: str | None = None,
                    kind: str | None = None, modality: str | None = None,
                    entity_id: str | None = None) -> tuple[int, list[str]]:
        """One page of claim ids of current documents in document order, of one document,
        kind or modality, or behind one entity's facts, if given: (total, ids). The total
        is cached per filter."""
        where = []
        if doc:
            where.append(t.claims.c.doc_id == doc)
        if kind:
            where.append(t.claims.c.kind == kind)
        if modality:
            where.append(t.claims.c.modality == modality)
        if entity_id:
            facts = self.fact_ids_of(entity_id)
            where.append(t.claims.c.id.in_(
                select(t.fact_claims.c.claim_id).where(t.fact_claims.c.fact_id.in_(facts))))
        q = select(t.claims.c.id).where(*where)
        if self.has_old_versions():   # else the join is needless, and slow on deep pages
            q = q.join(t.documents, t.documents.c.id == t.claims.c.doc_id).where(
                t.documents.c.current.is_(True))

        def total() -> int:
            with self.engine.connect() as conn:
                return conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0
        with self.engine.connect() as conn:
            ids = list(conn.execute(q.order_by(t.claims.c.doc_id, t.claims.c.start,
                                               t.claims.c.id).limit(limit).offset(offset))
                       .scalars())
        key = repr((doc, kind, modality, entity_id))
        return self.cached(f"claims_total:{key}", total), ids

    # -- contradictions ----------------------------------------------------
    def contradiction_rows(self) -> list[dict]:
        """Every contradiction, parsed (cached until the store changes)."""
        def build() -> list[dict]:
            with self.engine.connect() as conn:
                rows = [dict(r._mapping) for r in conn.execute(
                    select(t.contradictions).order_by(t.contradictions.c.id))]
            for r in rows:
                r["claims"] = json.loads(r["claims"])
                r["facts"] = json.loads(r["facts"])
            return rows
        return self.cached("contradictions", build)

    def contradictions_about(self, eid: str | None, limit: int | None = None,
                             offset: int = 0) -> tuple[int, list[dict]]:
        """How many contradictions concern the entity (it, or one of its facts; every
        contradiction when `eid` is None), and one page of them by id (all when `limit` is
        None), read by index."""
        ce, k = t.contradiction_entities, t.contradictions
        q, count = select(k), select(func.count()).select_from(k)
        if eid is not None:
            q = q.where(k.c.id.in_(select(ce.c.contradiction_id).where(ce.c.entity_id == eid)))
            count = select(func.count()).select_from(ce).where(ce.c.entity_id == eid)
        with self.engine.connect() as conn:
            total = conn.execute(count).scalar() or 0
            rows = [dict(r._mapping) for r in conn.execute(
                q.order_by(k.c.id).limit(limit).offset(offset))]
        for r in rows:
            r["claims"] = json.loads(r["claims"])
            r["facts"] = json.loads(r["facts"])
        return total, rows

    def contradicted_among(self, fact_ids: Iterable[str]) -> set[str]:
        """Those of the facts that a contradiction names."""
        cf = t.contradiction_facts
        out: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in chunks(fact_ids):
                out |= set(conn.execute(select(cf.c.fact_id).where(cf.c.fact_id.in_(chunk))
                                        .distinct()).scalars())
        return out

    def contradicted(self) -> set[str]:
        return self.cached("contradicted", lambda: {
            f for c in self.contradiction_rows() for f in c["facts"]})

    def contradictions_of(self, eid: str, fact_ids: Iterable[str]) -> list[dict]:
        mine = set(fact_ids)
        return [c for c in self.contradiction_rows()
                if c["entity_id"] == eid or mine & set(c["facts"])]

    def grades(self) -> dict[str, str]:
        return self.cached("grades", lambda: grades(self.store))

    def stats(self) -> dict[str, int]:
        return self.cached("stats", self.store.stats)
