"""Full-text search (store/search.py): kept in step with the documents by triggers,
rebuilt when stale, current versions only, and safe on any query."""
from __future__ import annotations

from sqlalchemy import update

from actorgraph.store import schema as t
from actorgraph.store.search import (
    MARK_END,
    MARK_START,
    _search_like,
    ensure_index,
    search_documents,
    snippet,
    words,
)


def test_every_stored_document_is_indexed_at_ingest(web_store):
    assert ensure_index(web_store.engine) is False       # the triggers kept it in step
    total, hits = search_documents(web_store.engine, "Ganja")
    assert total >= 2 and all(MARK_START in h.snippet for h in hits)
    total, _ = search_documents(web_store.engine, "Hüseynçilər")
    assert total == 1
    assert search_documents(web_store.engine, "huseyncil")[0] == 1   # diacritics, prefix


def test_index_follows_updates_and_rebuilds_when_stale(writable_store):
    engine = writable_store.engine
    doc = writable_store.documents()[0]["id"]
    with engine.begin() as conn:
        conn.execute(update(t.documents).where(t.documents.c.id == doc).values(
            title="Zyxwvut quarterly"))
    assert [h.doc_id for h in search_documents(engine, "zyxwvut")[1]] == [doc]
    with engine.begin() as conn:
        conn.execute(update(t.documents).where(t.documents.c.id == doc).values(current=False))
    assert search_documents(engine, "zyxwvut")[0] == 0        # old versions are not found
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM documents_fts")
    assert search_documents(engine, "Ganja")[0] >= 1          # rebuilt on the way
    assert ensure_index(engine) is False


def test_queries_are_words_only():
    assert words('"Husseiniyyun" NEAR(a b) OR *x*') == ["Husseiniyyun", "NEAR", "a", "b",
                                                        "OR", "x"]
    assert words("حسینیون و باکو") == ["حسینیون", "و", "باکو"]
    assert words("-- ' ;") == []


def test_fallback_search_without_fts(web_store):
    total, hits = _search_like(web_store.engine, ["embassy", "Tehran"], 10, 0)
    assert total >= 1
    assert hits and all(MARK_START in h.snippet and MARK_END in h.snippet for h in hits)
    assert _search_like(web_store.engine, ["100%_sure"], 10, 0)[0] == 0


def test_snippet_marks_words_without_nesting():
    s = snippet("Iran and Iranian officials met in Tehran.", ["iran", "iranian"])
    assert s.count(MARK_START) == 2 and MARK_START + MARK_START not in s
