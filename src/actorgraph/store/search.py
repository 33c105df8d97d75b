"""Full-text search over documents; every dialect difference of search lives here.

SQLite: revision ``0005_document_search`` (``store/migrations/versions/``) creates
``documents_fts`` (FTS5 over title and text, Unicode tokens, diacritics removed) and
triggers on ``documents``, so a document is indexed in the same transaction that stores
it: the ingest needs no extra call.
:func:`ensure_index` rebuilds the index from ``documents`` when the two disagree (a
database edited by hand, or restored without its index). Search only returns current
document versions.

PostgreSQL: the same ``documents_fts`` table holds each document's ``tsvector`` (title
weighted above text) under a GIN index, kept in step by a trigger on ``documents`` (and
``ON DELETE CASCADE``). The text search configuration ``actorgraph`` is ``simple`` (no
stemming: the corpus is in many languages, as with FTS5) with diacritics removed by the
``unaccent`` dictionary where the server has that extension (a trusted extension since
PostgreSQL 13, so the store's owner may create it). Queries go through ``to_tsquery``,
snippets through ``ts_headline``.

Any other database: :func:`search_documents` falls back to ``ILIKE`` on each word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, and_, func, select, text
from sqlalchemy.exc import DBAPIError

from actorgraph.store import revision
from actorgraph.store import schema as t

if TYPE_CHECKING:
    from actorgraph.store.tlp import Scope

FTS_TABLE = "documents_fts"
# snippet() wraps matches in these; the web layer splits on them and escapes the rest
MARK_START, MARK_END = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 12

_CREATE = [
    (f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
     "doc_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')"),
    f"""CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO {FTS_TABLE}(doc_id, title, text)
        VALUES (new.id, coalesce(new.title, ''), new.text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN
        DELETE FROM {FTS_TABLE} WHERE doc_id = old.id;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_fts_update AFTER UPDATE OF title, text
        ON documents BEGIN
        DELETE FROM {FTS_TABLE} WHERE doc_id = old.id;
        INSERT INTO {FTS_TABLE}(doc_id, title, text)
        VALUES (new.id, coalesce(new.title, ''), new.text);
    END""",
]


@dataclass(frozen=True)
class DocumentHit:
    doc_id: str
    snippet: str        # plain text; matches wrapped in MARK_START ... MARK_END


PG_CONFIG = "actorgraph"
_PG_CREATE = [
    f"""CREATE TABLE IF NOT EXISTS {FTS_TABLE} (
        doc_id VARCHAR(40) PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        search TSVECTOR NOT NULL)""",
    f"CREATE INDEX IF NOT EXISTS ix_{FTS_TABLE}_search ON {FTS_TABLE} USING GIN (search)",
    # a document's vector, its title weighted above its text; one too long for a tsvector
    # (1 MB) keeps its words without positions
    f"""CREATE OR REPLACE FUNCTION {FTS_TABLE}_vector(title TEXT, body TEXT)
    RETURNS tsvector LANGUAGE plpgsql AS $$
    BEGIN
        RETURN setweight(to_tsvector('{PG_CONFIG}', coalesce(title, '')), 'A')
            || setweight(to_tsvector('{PG_CONFIG}', body), 'B');
    EXCEPTION WHEN program_limit_exceeded THEN
        RETURN strip(to_tsvector('{PG_CONFIG}', coalesce(title, '') || ' ' || body));
    END $$""",
    f"""CREATE OR REPLACE FUNCTION {FTS_TABLE}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {FTS_TABLE}(doc_id, search)
        VALUES (NEW.id, {FTS_TABLE}_vector(NEW.title, NEW.text))
        ON CONFLICT (doc_id) DO UPDATE SET search = EXCLUDED.search;
        RETURN NULL;
    END $$""",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_sync ON documents",
    f"""CREATE TRIGGER {FTS_TABLE}_sync AFTER INSERT OR UPDATE OF title, text ON documents
        FOR EACH ROW EXECUTE FUNCTION {FTS_TABLE}_sync()""",
]


def has_fts(conn: Connection) -> bool:
    return conn.dialect.name in ("sqlite", "postgresql")


def _pg_config(conn: Connection) -> None:
    """The text search configuration: `simple`, with `unaccent` first where available."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM pg_ts_config WHERE cfgname = %(n)s "
        "AND cfgnamespace = current_schema()::regnamespace", {"n": PG_CONFIG}).first()
    if exists:
        return
    available = conn.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'").first() is not None
    if available:
        try:
            with conn.begin_nested():   # a user who may not create it searches with accents
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
        except DBAPIError:
            available = False
    conn.exec_driver_sql(f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = simple)")
    if available:
        conn.exec_driver_sql(
            f"ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG} ALTER MAPPING FOR "
            "asciiword, word, hword, hword_part, asciihword, hword_asciipart, numword, "
            "numhword WITH unaccent, simple")


def create_index(conn: Connection) -> None:
    """The migration: create the FTS table and its triggers, and index what is stored."""
    if not has_fts(conn):
        return
    if conn.dialect.name == "postgresql":
        _pg_config(conn)
    for stmt in (_PG_CREATE if conn.dialect.name == "postgresql" else _CREATE):
        conn.exec_driver_sql(stmt)
    rebuild_index(conn)


def rebuild_index(conn: Connection) -> None:
    """Re-index every stored document from ``documents``."""
    if not has_fts(conn):
        return
    conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(doc_id, search) "
                             f"SELECT id, {FTS_TABLE}_vector(title, text) FROM documents")
        return
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE}(doc_id, title, text) "
        "SELECT id, coalesce(title, ''), text FROM documents")


def ensure_index(engine: Engine) -> bool:
    """Rebuild the index if it does not hold exactly the stored documents; True if it did."""
    if engine.dialect.name not in ("sqlite", "postgresql"):
        return False
    # one statement, so both counts come from one snapshot even while another process
    # stores documents
    indexed = (f"SELECT count(*) FROM {FTS_TABLE}" if engine.dialect.name == "postgresql"
               # the shadow table FTS5 keeps one small row per indexed document in
               else f"SELECT count(*) FROM {FTS_TABLE}_docsize")
    count = f"SELECT (SELECT count(*) FROM documents), ({indexed})"
    with engine.connect() as conn:
        docs, found = conn.exec_driver_sql(count).one()
    if docs == found:
        return False
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        docs, found = conn.exec_driver_sql(count).one()
        if docs != found:
            rebuild_index(conn)
            revision.bump(conn)
    return docs != found


def words(query: str) -> list[str]:
    """The words of a user's query (punctuation and operators dropped)."""
    return _WORD.findall(query)[:MAX_WORDS]


def _fts_query(ws: list[str]) -> str:
    # each word quoted (no FTS syntax gets through); the last one may be a prefix
    quoted = ['"' + w.replace('"', "") + '"' for w in ws]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_documents(engine: Engine, query: str, limit: int = 20,
                     offset: int = 0, scope: Scope | None = None
                     ) -> tuple[int, list[DocumentHit]]:
    """Current documents matching every word of `query`, best first: (total, one page);
    only those `scope` lets its user see, when given."""
    ws = words(query)
    if not ws:
        return 0, []
    if engine.dialect.name == "sqlite":
        return _search_fts(engine, _fts_query(ws), limit, offset, scope)
    if engine.dialect.name == "postgresql":
        return _search_pg(engine, _ts_query(ws), limit, offset, scope)
    return _search_like(engine, ws, limit, offset, scope)


def _ts_query(ws: list[str]) -> str:
    # each word quoted as a tsquery literal (no operator gets through); the last a prefix
    quoted = ["'" + w.replace("'", "").replace("\\", "") + "'" for w in ws]
    quoted[-1] += ":*"
    return " & ".join(quoted)


def _scoped(base: str, params: dict[str, object], scope: Scope | None
            ) -> tuple[str, dict[str, object]]:
    """A query's FROM ... WHERE part (documents as "d") limited to what `scope` shows."""
    if scope is None or scope.everything:
        return base, params
    cond, more = scope.sql("d")
    return f"{base} AND {cond}", {**params, **more}


def _search_pg(engine: Engine, q: str, limit: int, offset: int, scope: Scope | None = None
               ) -> tuple[int, list[DocumentHit]]:
    ensure_index(engine)
    base = (f"FROM {FTS_TABLE} f JOIN documents d ON d.id = f.doc_id, "
            f"to_tsquery('{PG_CONFIG}', :q) AS query WHERE f.search @@ query AND d.current")
    base, params = _scoped(base, {"q": q}, scope)
    options = (f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
               'ShortWord=1, MaxFragments=1, FragmentDelimiter=" … "')
    with engine.connect() as conn:
        total = conn.execute(text(f"SELECT count(*) {base}"), params).scalar() or 0
        rows = conn.execute(text(
            f"SELECT page.doc_id, ts_headline('{PG_CONFIG}', d.text, "
            f"to_tsquery('{PG_CONFIG}', :q), :options) AS snip FROM ("
            f"SELECT f.doc_id, ts_rank(f.search, query) AS rank {base} "
            "ORDER BY rank DESC, f.doc_id LIMIT :limit OFFSET :offset) AS page "
            "JOIN documents d ON d.id = page.doc_id ORDER BY page.rank DESC, page.doc_id"),
            {**params, "options": options, "limit": limit, "offset": offset}).all()
    return total, [DocumentHit(r.doc_id, r.snip or "") for r in rows]


def _search_fts(engine: Engine, q: str, limit: int, offset: int, scope: Scope | None = None
                ) -> tuple[int, list[DocumentHit]]:
    ensure_index(engine)
    base = (f"FROM {FTS_TABLE} f JOIN documents d ON d.id = f.doc_id "
            f"WHERE {FTS_TABLE} MATCH :q AND d.current")
    base, params = _scoped(base, {"q": q}, scope)
    with engine.connect() as conn:
        total = conn.execute(text(f"SELECT count(*) {base}"), params).scalar() or 0
        rows = conn.execute(text(
            f"SELECT f.doc_id, snippet({FTS_TABLE}, 2, :a, :b, '…', 24) AS snip {base} "
            f"ORDER BY bm25({FTS_TABLE}, 0.0, 4.0, 1.0), f.doc_id LIMIT :limit OFFSET :offset"),
            {**params, "a": MARK_START, "b": MARK_END, "limit": limit,
             "offset": offset}).all()
    return total, [DocumentHit(r.doc_id, r.snip or "") for r in rows]


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _search_like(engine: Engine, ws: list[str], limit: int, offset: int,
                 scope: Scope | None = None) -> tuple[int, list[DocumentHit]]:
    cond = and_(t.documents.c.current.is_(True),
                *[t.documents.c.text.ilike(_like(w), escape="\\") for w in ws])
    if scope is not None and not scope.everything:
        cond = and_(cond, scope.documents())
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.documents).where(cond)).scalar()
        rows = conn.execute(select(t.documents.c.id, t.documents.c.text).where(cond)
                            .order_by(t.documents.c.id).limit(limit).offset(offset)).all()
    return total or 0, [DocumentHit(r.id, snippet(r.text, ws)) for r in rows]


def snippet(body: str, ws: list[str], width: int = 160) -> str:
    """A window of `body` around the first word of `ws` found, the words marked."""
    low = body.lower()
    at = min((i for w in ws if (i := low.find(w.lower())) >= 0), default=0)
    start = max(0, at - width // 3)
    piece = body[start:start + width]
    pattern = "|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True))
    piece = re.sub(pattern, lambda m: MARK_START + m.group(0) + MARK_END, piece,
                   flags=re.IGNORECASE)
    return ("…" if start else "") + piece + ("…" if start + width < len(body) else "")
