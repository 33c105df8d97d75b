"""Reads of the evidence, a page at a time: documents, their sentences and mentions, and
the claims cut from them. The base of `reader.Reader`, which adds the entities and
facts; it holds the cache both share (`cache.StoreCache`).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import func, select

from actorgraph.store import schema as t
from actorgraph.store.cache import StoreCache
from actorgraph.store.facts import ClaimRow
from actorgraph.store.search import DocumentHit, search_documents
from actorgraph.store.store import Store

CHUNK = 500   # ids per IN (...) clause


def chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    """The distinct ids, sorted, in lists short enough for one IN (...) clause."""
    ids = sorted(set(ids))
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


class EvidenceReader:
    """Read-only queries over one Store's documents and claims, each reading only the rows
    it returns; whole-store values are cached until the store changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        self.cache = StoreCache(store.engine)

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        return self.cache.get(key, build)

    def invalidate(self) -> None:
        self.cache.clear()

    def claims(self, ids: Iterable[str]) -> dict[str, ClaimRow]:
        """Claims by id (without their payload), each with the mention key -> entity map of
        its speaker."""
        cols = [c for c in t.claims.c if c.name != "payload"]
        rows: list[Any] = []
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                rows += conn.execute(select(*cols).where(t.claims.c.id.in_(chunk))).all()
        keys = self.key_maps({r.doc_id for r in rows},
                             {r.speaker_key for r in rows if r.speaker_key})
        # the payload (mention keys) is not read: facts already carry entity ids
        return {r.id: ClaimRow(r.id, r.doc_id, r.sentence, r.start, r.end, r.kind, {},
                               r.speaker_key, r.modality, r.cue, r.section, r.ingested_at,
                               keys.get(r.doc_id, {}))
                for r in rows}

    def sentences_of_claims(self, ids: Iterable[str]) -> dict[str, str]:
        """claim id -> its evidence sentence, cut out by the database (no whole texts)."""
        c, d = t.claims, t.documents
        out = {}
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
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
            for chunk in chunks(doc_ids):
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
            for chunk in chunks(ids):
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

    def search_documents(self, query: str, limit: int, offset: int
                         ) -> tuple[int, list[DocumentHit]]:
        """Current documents matching every word of `query`, best first: (total, one page)."""
        return search_documents(self.engine, query, limit, offset)

    def texts(self, ids: Iterable[str]) -> dict[str, str]:
        out = {}
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
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
