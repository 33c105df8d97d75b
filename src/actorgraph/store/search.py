"""Full-text search over documents; every dialect difference of search lives here.

SQLite: migration ``0004_document_search`` creates ``documents_fts`` (FTS5 over title and
text, Unicode tokens, diacritics removed) and triggers on ``documents``, so a document is
indexed in the same transaction that stores it: the ingest needs no extra call.
:func:`ensure_index` rebuilds the index from ``documents`` when the two disagree (a
database edited by hand, or restored without its index). Search only returns current
document versions.

PostgreSQL (and anything else): no index yet; :func:`search_documents` falls back to
``ILIKE`` on each word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, and_, func, select, text

from actorgraph.store import schema as t

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


def has_fts(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def create_index(conn: Connection) -> None:
    """The migration: create the FTS table and its triggers, and index what is stored."""
    if not has_fts(conn):
        return
    for stmt in _CREATE:
        conn.exec_driver_sql(stmt)
    rebuild_index(conn)


def rebuild_index(conn: Connection) -> None:
    """Re-index every stored document from ``documents``."""
    if not has_fts(conn):
        return
    conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE}(doc_id, title, text) "
        "SELECT id, coalesce(title, ''), text FROM documents")


def ensure_index(engine: Engine) -> bool:
    """Rebuild the index if it does not hold exactly the stored documents; True if it did."""
    if engine.dialect.name != "sqlite":
        return False
    # one statement, so both counts come from one snapshot even while another process
    # stores documents
    count = (f"SELECT (SELECT count(*) FROM documents), "
             # the shadow table FTS5 keeps one small row per indexed document in
             f"(SELECT count(*) FROM {FTS_TABLE}_docsize)")
    with engine.connect() as conn:
        docs, indexed = conn.exec_driver_sql(count).one()
    if docs == indexed:
        return False
    with engine.begin() as conn:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        docs, indexed = conn.exec_driver_sql(count).one()
        if docs != indexed:
            rebuild_index(conn)
    return docs != indexed


def words(query: str) -> list[str]:
    """The words of a user's query (punctuation and operators dropped)."""
    return _WORD.findall(query)[:MAX_WORDS]


def _fts_query(ws: list[str]) -> str:
    # each word quoted (no FTS syntax gets through); the last one may be a prefix
    quoted = ['"' + w.replace('"', "") + '"' for w in ws]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_documents(engine: Engine, query: str, limit: int = 20,
                     offset: int = 0) -> tuple[int, list[DocumentHit]]:
    """Current documents matching every word of `query`, best first: (total, one page)."""
    ws = words(query)
    if not ws:
        return 0, []
    if engine.dialect.name == "sqlite":
        return _search_fts(engine, _fts_query(ws), limit, offset)
    return _search_like(engine, ws, limit, offset)


def _search_fts(engine: Engine, q: str, limit: int, offset: int
                ) -> tuple[int, list[DocumentHit]]:
    ensure_index(engine)
    base = (f"FROM {FTS_TABLE} f JOIN documents d ON d.id = f.doc_id "
            f"WHERE {FTS_TABLE} MATCH :q AND d.current")
    with engine.connect() as conn:
        total = conn.execute(text(f"SELECT count(*) {base}"), {"q": q}).scalar() or 0
        rows = conn.execute(text(
            f"SELECT f.doc_id, snippet({FTS_TABLE}, 2, :a, :b, '…', 24) AS snip {base} "
            f"ORDER BY bm25({FTS_TABLE}, 0.0, 4.0, 1.0), f.doc_id LIMIT :limit OFFSET :offset"),
            {"q": q, "a": MARK_START, "b": MARK_END, "limit": limit, "offset": offset}).all()
    return total, [DocumentHit(r.doc_id, r.snip or "") for r in rows]


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _search_like(engine: Engine, ws: list[str], limit: int, offset: int
                 ) -> tuple[int, list[DocumentHit]]:
    cond = and_(t.documents.c.current.is_(True),
                *[t.documents.c.text.ilike(_like(w), escape="\\") for w in ws])
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
