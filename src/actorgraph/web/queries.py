"""The web's read side: entity-scoped, paginated queries over the store's tables.

The Store's own readers load whole tables (fine for a CLI run, slow per web
request on a large case), so pages read only the rows they show here. Whole-store
aggregates (mention counts, the parsed event list, the contradicted facts) are
cached until the store changes (`cache.StoreCache`).
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select

from actorgraph.knowledge.names import fold
from actorgraph.store import schema as t
from actorgraph.store.facts import ClaimRow, FactRow
from actorgraph.store.store import EntityRecord, Store
from actorgraph.web.cache import StoreCache

CHUNK = 500   # ids per IN (...) clause


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    ids = sorted(set(ids))
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


@dataclass(frozen=True)
class EventRow:
    """An event fact, parsed once, for filtering the timeline in memory."""

    id: str
    type: str
    date: str | None
    entities: frozenset[str]


class Reader:
    """Read-only queries for the web, over one Store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        self.cache = StoreCache(store.engine)

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        return self.cache.get(key, build)

    def invalidate(self) -> None:
        self.cache.clear()

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
            for chunk in _chunks(i for i in ids if i):
                for r in conn.execute(select(t.entities.c.id, t.entities.c.name,
                                             t.entities.c.type, t.entities.c.kind)
                                      .where(t.entities.c.id.in_(chunk))):
                    out[r.id] = r
        return out

    def names_of(self, ids: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        out: dict[str, list[tuple[str, int]]] = defaultdict(list)
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
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
        """How many current documents name the entity, and the latest `limit` of them."""
        ids = (select(t.mentions.c.doc_id).where(t.mentions.c.entity_id == eid)
               .distinct().scalar_subquery())
        cols = [c for c in t.documents.c if c.name not in ("text", "original")]
        cond = and_(t.documents.c.id.in_(ids), t.documents.c.current.is_(True))
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(t.documents)
                                 .where(cond)).scalar() or 0
            rows = conn.execute(select(*cols).where(cond).order_by(
                t.documents.c.published.desc(), t.documents.c.id).limit(limit)).all()
        return total, [dict(r._mapping) for r in rows]

    # -- facts -----------------------------------------------------------
    def fact_ids_of(self, eid: str, kind: str | None = None) -> list[str]:
        q = select(t.fact_entities.c.fact_id).where(t.fact_entities.c.entity_id == eid)
        if kind:
            q = q.join(t.facts, t.facts.c.id == t.fact_entities.c.fact_id).where(
                t.facts.c.kind == kind)
        with self.engine.connect() as conn:
            return sorted(set(conn.execute(q).scalars()))

    def facts(self, ids: Iterable[str]) -> list[FactRow]:
        """The facts with these ids, with their claim ids and entities."""
        rows: dict[str, Any] = {}
        claims: dict[str, list[str]] = defaultdict(list)
        parts: dict[str, list[tuple[str, str]]] = defaultdict(list)
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                for r in conn.execute(select(t.facts).where(t.facts.c.id.in_(chunk))):
                    rows[r.id] = r
                for fid, cid in conn.execute(select(t.fact_claims).where(
                        t.fact_claims.c.fact_id.in_(chunk))):
                    claims[fid].append(cid)
                for fid, eid, role in conn.execute(select(t.fact_entities).where(
                        t.fact_entities.c.fact_id.in_(chunk))):
                    parts[fid].append((eid, role))
        return [FactRow(f.id, f.kind, json.loads(f.data), sorted(claims[f.id]), f.first_seen,
                        sorted(parts[f.id])) for f in sorted(rows.values(), key=lambda f: f.id)]

    def facts_of_claims(self, claim_ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        with self.engine.connect() as conn:
            for chunk in _chunks(claim_ids):
                for fid, cid in conn.execute(select(t.fact_claims).where(
                        t.fact_claims.c.claim_id.in_(chunk))):
                    out[cid].append(fid)
        return out

    def insider_relations(self, subjects: Iterable[str]) -> list[FactRow]:
        """Relations that make someone an insider of these subjects (for grading)."""
        with self.engine.connect() as conn:
            ids: set[str] = set()
            for chunk in _chunks(subjects):
                ids |= set(conn.execute(select(t.fact_entities.c.fact_id).where(and_(
                    t.fact_entities.c.entity_id.in_(chunk),
                    t.fact_entities.c.role == "object"))).scalars())
        from actorgraph.facts.grading import INSIDER

        return [f for f in self.facts(ids)
                if f.kind == "relation" and f.data["predicate"] in INSIDER]

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
            for chunk in _chunks(frontier):
                q = (select(a.c.fact_id, a.c.entity_id, b.c.entity_id)
                     .select_from(a.join(b, and_(a.c.fact_id == b.c.fact_id,
                                                 a.c.entity_id != b.c.entity_id)))
                     .where(a.c.entity_id.in_(chunk)).distinct())
                out += [tuple(r) for r in conn.execute(q)]
        return out

    def reported_dates(self, fact_ids: Iterable[str]) -> dict[str, list[str]]:
        """fact id -> the publication dates of the documents that support it."""
        fc, c, d = t.fact_claims, t.claims, t.documents
        out: dict[str, set[str]] = defaultdict(set)
        with self.engine.connect() as conn:
            for chunk in _chunks(fact_ids):
                q = (select(fc.c.fact_id, d.c.published)
                     .select_from(fc.join(c, c.c.id == fc.c.claim_id)
                                  .join(d, d.c.id == c.c.doc_id))
                     .where(fc.c.fact_id.in_(chunk), d.c.published.is_not(None)).distinct())
                for fid, published in conn.execute(q):
                    out[fid].add(published)
        return {k: sorted(v) for k, v in out.items()}

    # -- claims and documents ---------------------------------------------
    def claims(self, ids: Iterable[str]) -> dict[str, ClaimRow]:
        """Claims by id (without their payload), each with the mention key -> entity map of
        its speaker."""
        cols = [c for c in t.claims.c if c.name != "payload"]
        rows: list[Any] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                rows += conn.execute(select(*cols).where(t.claims.c.id.in_(chunk))).all()
        keys = self.key_maps({r.doc_id for r in rows},
                             {r.speaker_key for r in rows if r.speaker_key})
        # the payload (mention keys) is not read: facts already carry entity ids
        return {r.id: ClaimRow(r.id, r.doc_id, r.sentence, r.start, r.end, r.kind, {},
                               r.speaker_key, r.modality, r.cue, r.section, r.ingested_at,
                               keys.get(r.doc_id, {}))
                for r in rows}

    def claims_page(self, where: list, key: str, limit: int, offset: int
                    ) -> tuple[int, list[str]]:
        """One page of claim ids of current documents in document order; `key` names the
        filter, under which the total is cached."""
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
        return self.cached(f"claims_total:{key}", total), ids

    def sentences_of_claims(self, ids: Iterable[str]) -> dict[str, str]:
        """claim id -> its evidence sentence, cut out by the database (no whole texts)."""
        c, d = t.claims, t.documents
        out = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                q = (select(c.c.id, func.substr(d.c.text, c.c.start + 1, c.c.end - c.c.start))
                     .join(d, d.c.id == c.c.doc_id).where(c.c.id.in_(chunk)))
                out.update({cid: text or "" for cid, text in conn.execute(q)})
        return out

    def has_old_versions(self) -> bool:
        def build() -> bool:
            with self.engine.connect() as conn:
                return bool(conn.execute(select(func.count()).select_from(t.documents).where(
                    t.documents.c.current.is_(False))).scalar())
        return self.cached("old_versions", build)

    def key_maps(self, doc_ids: Iterable[str], keys: Iterable[str] | None = None
                 ) -> dict[str, dict[str, str]]:
        """doc id -> mention key -> entity id (only `keys`, when given)."""
        out: dict[str, dict[str, str]] = defaultdict(dict)
        wanted = set(keys) if keys is not None else None
        if wanted is not None and not wanted:
            return out
        with self.engine.connect() as conn:
            for chunk in _chunks(doc_ids):
                q = (select(t.mentions.c.doc_id, t.mentions.c.key, t.mentions.c.entity_id)
                     .where(t.mentions.c.doc_id.in_(chunk),
                            t.mentions.c.entity_id.is_not(None)))
                if wanted is not None:
                    q = q.where(t.mentions.c.key.in_(sorted(wanted)))
                for doc_id, key, eid in conn.execute(q.distinct()):
                    out[doc_id][key] = eid
        return out

    def documents(self, ids: Iterable[str]) -> dict[str, dict]:
        cols = [c for c in t.documents.c if c.name not in ("text", "original")]
        out = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                for r in conn.execute(select(*cols).where(t.documents.c.id.in_(chunk))):
                    out[r.id] = dict(r._mapping)
        return out

    def documents_page(self, limit: int, offset: int) -> tuple[int, list[dict]]:
        """Current documents, newest first. The page's ids come from an index alone: a
        document's row holds its whole text, which a deep offset should not wade through."""
        d = t.documents
        cur = d.c.current.is_(True)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(d).where(cur)).scalar()
            ids = list(conn.execute(select(d.c.id).where(cur).order_by(
                d.c.published.desc(), d.c.id.desc()).limit(limit).offset(offset)).scalars())
        rows = self.documents(ids)
        return total or 0, [rows[i] for i in ids if i in rows]

    def texts(self, ids: Iterable[str]) -> dict[str, str]:
        out = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                for r in conn.execute(select(t.documents.c.id, t.documents.c.text).where(
                        t.documents.c.id.in_(chunk))):
                    out[r.id] = r.text
        return out

    def sentences(self, doc_id: str) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(t.sentences).where(
                t.sentences.c.doc_id == doc_id).order_by(t.sentences.c.start)))

    def doc_mentions(self, doc_id: str) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(t.mentions.c.start, t.mentions.c.end,
                                            t.mentions.c.text, t.mentions.c.entity_id)
                                     .where(t.mentions.c.doc_id == doc_id)
                                     .order_by(t.mentions.c.start, t.mentions.c.end.desc())))

    def doc_claim_ids(self, doc_id: str) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(t.claims.c.id).where(t.claims.c.doc_id == doc_id)
                                     .order_by(t.claims.c.start, t.claims.c.id)).scalars())

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

    def contradicted(self) -> set[str]:
        return self.cached("contradicted", lambda: {
            f for c in self.contradiction_rows() for f in c["facts"]})

    def contradictions_of(self, eid: str, fact_ids: Iterable[str]) -> list[dict]:
        mine = set(fact_ids)
        return [c for c in self.contradiction_rows()
                if c["entity_id"] == eid or mine & set(c["facts"])]

    def grades(self) -> dict[str, str]:
        from actorgraph.store.grades import grades

        return self.cached("grades", lambda: grades(self.store))

    def stats(self) -> dict[str, int]:
        return self.cached("stats", self.store.stats)
