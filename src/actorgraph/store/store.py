"""The Store: the one way the rest of actorgraph reads and writes the database.

Writes are transactional: a document and everything extracted from it are
stored together or not at all, and a resolution replaces the entity tables in
one transaction, so a failure never loses what was already stored.
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import Engine, and_, delete, func, insert, select, update

from actorgraph.knowledge.names import fold, name_keys
from actorgraph.model import CleanDocument, Extraction, LoadedDocument
from actorgraph.store import revision
from actorgraph.store import schema as t
from actorgraph.store.claims import claim_rows
from actorgraph.store.db import now, resolve_url, retry_locked, write_transaction
from actorgraph.store.ids import document_id
from actorgraph.store.tlp import Scope, scoped_entities
from actorgraph.store.versions import open_engine, upgrade


@dataclass(frozen=True)
class StoredMention:
    id: str
    doc_id: str
    start: int
    end: int
    text: str
    sentence: int
    type: str
    key: str
    name: str
    role: str
    refers_to: str | None
    section: str
    votes: dict
    entity_id: str | None
    kind: str | None = None


@dataclass(frozen=True)
class EntityRecord:
    id: str
    type: str
    kind: str | None
    name: str
    names: tuple[tuple[str, int], ...]   # (surface form, count)
    reasons: tuple[str, ...] = ()


class Store:
    """A database of documents, mentions and entities."""

    def __init__(self, url: str | None = None, engine: Engine | None = None,
                 create: bool = True) -> None:
        """Open the store at `url` (see `db.resolve_url`); `create=False` refuses to make a
        new one where there is none (`db.StoreError`)."""
        self.url = resolve_url(url)
        if engine is None:
            self.engine = open_engine(self.url, create)
        else:
            self.engine = engine
            upgrade(self.engine)

    # -- documents -------------------------------------------------------
    def has_sha(self, sha256: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.id).where(
                t.documents.c.sha256 == sha256)).scalar()

    def extraction_complete(self, sha256: str) -> bool:
        """True when a document with this content is stored and its extraction did not fail
        (a stored document marked "extraction failed/partial" is to be read again)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents.c.extraction_error).where(
                t.documents.c.sha256 == sha256)).first()
        return row is not None and row.extraction_error is None

    def add_document(self, loaded: LoadedDocument, clean: CleanDocument,
                     extraction: Extraction, imported: bool = False) -> tuple[str, str]:
        """Store one document with its segments, sentences and mentions (`imported`:
        a rendering of another tool's data, e.g. a STIX bundle, not a report).

        A document already stored whose extraction had failed gets this extraction in
        place of its old one ("re-extracted").
        Returns (doc id, status): "added", "new version", "re-extracted" or "unchanged".
        """
        return retry_locked(lambda: self._add_document(loaded, clean, extraction, imported))

    def _add_document(self, loaded: LoadedDocument, clean: CleanDocument,
                      extraction: Extraction, imported: bool) -> tuple[str, str]:
        doc_id = document_id(loaded.sha256)
        with write_transaction(self.engine) as conn:
            stored = conn.execute(select(t.documents.c.id, t.documents.c.extraction_error).where(
                t.documents.c.sha256 == loaded.sha256)).first()
            if stored is not None:
                if loaded.meta.tlp:
                    _mark(conn, t.documents.c.id == stored.id, loaded.meta.tlp)
                if stored.extraction_error is None:
                    return doc_id, "unchanged"
                _replace_extraction(conn, doc_id, extraction)
                return doc_id, "re-extracted"
            prev = conn.execute(select(func.max(t.documents.c.version)).where(
                t.documents.c.source == loaded.source)).scalar()
            if prev:
                conn.execute(update(t.documents).where(t.documents.c.source == loaded.source)
                             .values(current=False))
            meta = loaded.meta
            conn.execute(insert(t.documents).values(
                id=doc_id, source=loaded.source, title=meta.title, publisher=meta.publisher,
                author=meta.author, published=meta.published, url=meta.url,
                language=meta.language, sha256=loaded.sha256, media_type=loaded.media_type,
                text=loaded.text, original=loaded.original, version=(prev or 0) + 1,
                current=True, ingested_at=now(), imported=imported,
                extractor=extraction.extractor, extractor_version=extraction.extractor_version,
                extraction_error=extraction.error, tlp=meta.tlp, encoding=loaded.encoding))
            mark_stale_in(conn)
            if clean.segments:
                conn.execute(insert(t.segments), [
                    {"doc_id": doc_id, "start": s.start, "end": s.end, "kind": s.kind}
                    for s in clean.segments])
            _insert_extraction(conn, doc_id, extraction)
        return doc_id, "new version" if prev else "added"

    def set_document_tlp(self, sha256: str, tlp: str) -> bool:
        """Mark the stored document with this content (ingested again with a marking);
        True if its marking changed."""
        with self.engine.begin() as conn:
            revision.bump(conn)
            return _mark(conn, t.documents.c.sha256 == sha256, tlp)

    def documents(self, current_only: bool = True, scope: Scope | None = None) -> list[dict]:
        """Documents without their texts (only those `scope` shows, when given)."""
        q = select(*[c for c in t.documents.c if c.name not in ("text", "original")])
        if current_only:
            q = q.where(t.documents.c.current.is_(True))
        if scope is not None and not scope.everything:
            q = q.where(scope.documents())
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q.order_by(t.documents.c.id))]

    def document_text(self, doc_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.text).where(
                t.documents.c.id == doc_id)).scalar()

    # -- mentions --------------------------------------------------------
    def mentions(self, entity_id: str | None = None,
                 scope: Scope | None = None) -> Iterator[StoredMention]:
        """Mentions of current documents (of one entity, if given; of the documents
        `scope` shows, if given), in document order. Values repeated across mentions (a
        document's id, a type, a name, the votes) are one object each: a resolution holds
        every mention at once. The votes are shared: read them, do not change them."""
        q = (select(t.mentions).join(t.documents, t.documents.c.id == t.mentions.c.doc_id)
             .where(t.documents.c.current.is_(True)))
        if scope is not None and not scope.everything:
            q = q.where(scope.documents())
        if entity_id:
            q = q.where(t.mentions.c.entity_id == entity_id)
        q = q.order_by(t.mentions.c.doc_id, t.mentions.c.start)
        once: dict = {}
        votes: dict[str, dict] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                if r.votes not in votes:
                    votes[r.votes] = json.loads(r.votes)
                yield StoredMention(
                    id=r.id, doc_id=once.setdefault(r.doc_id, r.doc_id), start=r.start,
                    end=r.end, text=once.setdefault(r.text, r.text), sentence=r.sentence,
                    type=once.setdefault(r.type, r.type), key=once.setdefault(r.key, r.key),
                    name=once.setdefault(r.name, r.name), role=once.setdefault(r.role, r.role),
                    refers_to=r.refers_to, section=once.setdefault(r.section, r.section),
                    votes=votes[r.votes], entity_id=once.setdefault(r.entity_id, r.entity_id),
                    kind=once.setdefault(r.kind, r.kind))

    # -- entities --------------------------------------------------------
    # -- whether entities and facts follow from the documents ------------------
    def is_stale(self) -> bool:
        """True when documents or judgements changed after the last complete resolution
        (for instance when a run was killed while resolving): entities and facts may not
        follow from what is stored until `workflow.refresh` runs again."""
        return self.stale_token() is not None

    def stale_token(self) -> str | None:
        """What the last change that made the store stale wrote (None when it is not):
        a resolution computed after reading it may clear the flag only if it is still
        the same, i.e. nothing was stored meanwhile (by this or another process)."""
        with self.engine.connect() as conn:
            return conn.execute(select(t.store_state.c.value).where(
                t.store_state.c.key == "stale")).scalar()

    def mark_stale(self) -> str:
        """Mark the store stale; returns the new token (see `stale_token`)."""
        with write_transaction(self.engine) as conn:
            return mark_stale_in(conn)

    def mark_fresh(self) -> None:
        """Entities and facts now follow from the stored documents and judgements."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.store_state).where(t.store_state.c.key == "stale"))
            revision.bump(conn)

    def replace_entities(self, entities: list[EntityRecord],
                         assignment: dict[str, str], review: Sequence[tuple] = ()) -> None:
        """Swap in a new resolution: entities, their names, and mention -> entity links."""
        with write_transaction(self.engine) as conn:
            write_entities(conn, entities, assignment, review)

    def entities(self, type: str | None = None, search: str | None = None,
                 scope: Scope | None = None) -> list[EntityRecord]:
        """Entities with their names; `search` matches any name, in any script or spelling.
        With a `scope`, only the entities it shows, with only their visible names."""
        records = self._entities(type, search)
        if scope is None or scope.everything:
            return records
        with self.engine.connect() as conn:
            return scoped_entities(conn, scope, records)

    def _entities(self, type: str | None, search: str | None) -> list[EntityRecord]:
        q = select(t.entities)
        if type:
            q = q.where(t.entities.c.type == type)
        if search:
            folded = fold(search)
            sub = select(t.entity_names.c.entity_id).where(
                t.entity_names.c.folded.like(f"%{folded}%"))
            q = q.where(t.entities.c.id.in_(sub))
        with self.engine.connect() as conn:
            rows = conn.execute(q.order_by(t.entities.c.id)).all()
            names: dict[str, list[tuple[str, int]]] = {}
            n = t.entity_names.c
            for eid, name, count in conn.execute(select(n.entity_id, n.name, n.count).order_by(
                    n.entity_id, n.name)):
                names.setdefault(eid, []).append((name, count))
        return [EntityRecord(r.id, r.type, r.kind, r.name, tuple(names.get(r.id, ())),
                             tuple(json.loads(r.reasons or "[]"))) for r in rows]

    def entity(self, ref: str) -> EntityRecord | None:
        """An entity by id, or by any of its names in any spelling or script (exact after
        folding first, then the most-mentioned entity whose name contains it)."""
        if not fold(ref):
            return None  # "...": no name at all
        with self.engine.connect() as conn:
            eid = conn.execute(select(t.entities.c.id).where(t.entities.c.id == ref)).scalar()
            if eid is None:
                rows = conn.execute(select(t.entity_names.c.entity_id).where(
                    t.entity_names.c.folded == fold(ref))).scalars().all()
                eid = min(rows) if rows else None
        if eid is None:
            found = self.entities(search=ref) or self._sounds_like(ref)
            if not found:
                return None
            counts = self.mention_counts()
            eid = max(found, key=lambda e: (counts.get(e.id, 0), e.id)).id
        return self.entity_by_id(eid)

    def _sounds_like(self, ref: str) -> list[EntityRecord]:
        """Entities with a name that shares a transliteration-free key with `ref`
        ("Ильхам Алиев" finds "Ilham Aliyev")."""
        found = []
        for e in self.entities():
            wanted = {k for k in name_keys(ref, e.type) if not k.startswith("t:")}
            if any(wanted & name_keys(n, e.type) for n, _ in e.names):
                found.append(e)
        return found

    def entity_by_id(self, eid: str) -> EntityRecord | None:
        with self.engine.connect() as conn:
            r = conn.execute(select(t.entities).where(t.entities.c.id == eid)).first()
            if r is None:
                return None
            names = conn.execute(select(t.entity_names.c.name, t.entity_names.c.count).where(
                t.entity_names.c.entity_id == eid).order_by(t.entity_names.c.name)).all()
        return EntityRecord(r.id, r.type, r.kind, r.name, tuple((n, c) for n, c in names),
                            tuple(json.loads(r.reasons or "[]")))

    def contexts(self, entity_id: str, limit: int = 2) -> list[tuple[str, str]]:
        """Up to `limit` (document source, sentence) pairs where the entity is named."""
        q = (select(t.documents.c.source, t.documents.c.text, t.sentences.c.start,
                    t.sentences.c.end).distinct()
             .select_from(t.mentions.join(t.documents, t.documents.c.id == t.mentions.c.doc_id)
                          .join(t.sentences, and_(t.sentences.c.doc_id == t.mentions.c.doc_id,
                                                  t.sentences.c.idx == t.mentions.c.sentence)))
             .where(t.mentions.c.entity_id == entity_id)
             .order_by(t.documents.c.source, t.sentences.c.start).limit(limit))
        with self.engine.connect() as conn:
            return [(r.source, r.text[r.start:r.end]) for r in conn.execute(q)]

    def review_pairs(self) -> list[tuple[str, str, float, tuple[str, ...]]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.review).order_by(t.review.c.score.desc(),
                                                          t.review.c.a, t.review.c.b)).all()
        return [(r.a, r.b, r.score, tuple(json.loads(r.reasons))) for r in rows]

    def mention_counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return dict(conn.execute(
                select(t.mentions.c.entity_id, func.count()).where(
                    t.mentions.c.entity_id.is_not(None)).group_by(t.mentions.c.entity_id)).all())

    def stats(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            def count(table, *where):
                q = select(func.count()).select_from(table)
                for w in where:
                    q = q.where(w)
                return conn.execute(q).scalar() or 0
            return {
                "documents": count(t.documents, t.documents.c.current.is_(True)),
                "document_versions": count(t.documents),
                "sentences": count(t.sentences),
                "mentions": count(t.mentions),
                "entities": count(t.entities),
                "review_pairs": count(t.review),
                "judgements": count(t.judgements, t.judgements.c.undone.is_(False)),
                "failed_extractions": count(t.documents, t.documents.c.current.is_(True),
                                            t.documents.c.extraction_error.is_not(None)),
            }

    def sentence_of(self, doc_id: str, idx: int) -> tuple[int, int] | None:
        with self.engine.connect() as conn:
            r = conn.execute(select(t.sentences.c.start, t.sentences.c.end).where(and_(
                t.sentences.c.doc_id == doc_id, t.sentences.c.idx == idx))).first()
        return (r.start, r.end) if r else None


BATCH_ROWS = 2000    # rows per executemany when storing a document's extraction


def _insert_extraction(conn, doc_id: str, extraction: Extraction) -> None:
    """A document's sentences, mentions and claims, in batches of BATCH_ROWS rows made as
    they are written (a long report has over a hundred thousand of each)."""
    _insert_batched(conn, t.sentences, (
        {"doc_id": doc_id, "idx": s.index, "start": s.start, "end": s.end,
         "kind": s.kind} for s in extraction.sentences))
    _insert_batched(conn, t.mentions, ({
        "id": f"{doc_id}:m{i}", "doc_id": doc_id, "start": m.start, "end": m.end,
        "text": m.text, "sentence": m.sentence, "type": m.type, "kind": m.kind,
        "key": m.key, "name": m.name, "role": m.role, "refers_to": m.refers_to,
        "label": m.label, "section": m.section,
        "votes": json.dumps(m.votes, sort_keys=True),
        "evidence": json.dumps(list(m.evidence)), "entity_id": None,
    } for i, m in enumerate(extraction.mentions)))
    _insert_batched(conn, t.claims, claim_rows(doc_id, extraction, now()))


def _insert_batched(conn, table, rows: Iterator[dict]) -> None:
    while batch := list(islice(rows, BATCH_ROWS)):
        conn.execute(insert(table), batch)


def _replace_extraction(conn, doc_id: str, extraction: Extraction) -> None:
    """Swap a stored document's extraction for a new one (in the caller's transaction)
    and mark it with the new one's error, None when clean."""
    for table in (t.claims, t.mentions, t.sentences):
        conn.execute(delete(table).where(table.c.doc_id == doc_id))
    conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(
        extractor=extraction.extractor, extractor_version=extraction.extractor_version,
        extraction_error=extraction.error))
    _insert_extraction(conn, doc_id, extraction)
    mark_stale_in(conn)


def _mark(conn, which, tlp: str) -> bool:
    """Give the document `which` selects this TLP marking; a change is noted in the store's
    state, so cached reads (`cache.StoreCache`) see it."""
    changed = conn.execute(update(t.documents).where(
        which, func.coalesce(t.documents.c.tlp, "") != tlp).values(tlp=tlp)).rowcount
    if changed:
        conn.execute(delete(t.store_state).where(t.store_state.c.key == "tlp_marked"))
        conn.execute(insert(t.store_state).values(key="tlp_marked", value=now() + " "
                                                  + uuid.uuid4().hex))
    return bool(changed)


def mark_stale_in(conn) -> str:
    """Mark the store stale in the caller's transaction with a token of its own."""
    token = uuid.uuid4().hex
    conn.execute(delete(t.store_state).where(t.store_state.c.key == "stale"))
    conn.execute(insert(t.store_state).values(key="stale", value=token))
    return token


def write_entities(conn, entities: list[EntityRecord], assignment: dict[str, str],
                   review: Sequence[tuple] = ()) -> None:
    """Replace entities, their names, the review pairs and mention -> entity links (in the
    caller's transaction). The resolution index no longer follows (a full refresh writes
    it again after this)."""
    conn.execute(delete(t.store_state).where(t.store_state.c.key == "resolution_index"))
    conn.execute(update(t.mentions).values(entity_id=None))
    conn.execute(delete(t.entity_names))
    conn.execute(delete(t.entities))
    conn.execute(delete(t.review))
    if entities:
        conn.execute(insert(t.entities), [
            {"id": e.id, "type": e.type, "kind": e.kind, "name": e.name,
             "reasons": json.dumps(list(e.reasons))} for e in entities])
        names = [{"entity_id": e.id, "name": n, "folded": fold(n), "count": c}
                 for e in entities for n, c in e.names]
        if names:
            conn.execute(insert(t.entity_names), names)
    by_entity: dict[str, list[str]] = {}
    for mid, eid in assignment.items():
        by_entity.setdefault(eid, []).append(mid)
    for eid, mids in by_entity.items():
        for i in range(0, len(mids), 500):
            conn.execute(update(t.mentions).where(t.mentions.c.id.in_(mids[i:i + 500]))
                         .values(entity_id=eid))
    if review:
        conn.execute(insert(t.review), [
            {"a": a, "b": b, "score": s, "reasons": json.dumps(list(r))}
            for a, b, s, r in review])
