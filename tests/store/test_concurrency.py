"""Readers and writers of one SQLite store in different connections (as `serve` and an
ingest or a judgement in other processes): reads go on during a write transaction and see
the store as it was until the commit; a second writer waits for the first instead of
failing; a resolution computed before another write is not written over it."""
from __future__ import annotations

import threading

from sqlalchemy import insert

from actorgraph.model import Extraction
from actorgraph.store import judgements
from actorgraph.store import schema as t
from actorgraph.store.db import write_transaction
from actorgraph.store.reader import Reader
from actorgraph.store.store import Store

from .conftest import ENTITIES, HUS, META_A, TEXT_A, document


def test_reads_go_on_during_a_write_transaction(filled):
    other = Store(filled.url)            # a second engine: another process's connections
    reader = Reader(other)
    before = other.stats()
    names_before = [e.name for e in other.entities()]
    entered, release, done = threading.Event(), threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def writer() -> None:
        try:
            with write_transaction(filled.engine) as conn:
                conn.execute(insert(t.entities).values(
                    id="ent-new", type="person", kind=None, name="Written Meanwhile",
                    reasons="[]"))
                entered.set()
                assert release.wait(30)
        except BaseException as err:  # noqa: BLE001 - reported by the test
            failures.append(err)
        finally:
            entered.set()
            done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    assert entered.wait(30)
    try:
        # every kind of read, while the write lock is held and the row not committed
        assert other.stats() == before
        assert [e.name for e in other.entities()] == names_before
        assert other.entity(HUS) is not None
        assert reader.search_documents("Husseiniyyun", 10, 0)[0] >= 1
        assert list(other.mentions())
    finally:
        release.set()
        thread.join(30)
    assert not failures and done.is_set()
    assert other.entity_by_id("ent-new") is not None      # seen once committed


def test_a_second_writer_waits_for_the_first(filled):
    other = Store(filled.url)
    entered, release = threading.Event(), threading.Event()
    order: list[str] = []

    def first() -> None:
        with write_transaction(filled.engine) as conn:
            conn.execute(insert(t.entities).values(id="ent-first", type="person", kind=None,
                                                   name="First", reasons="[]"))
            entered.set()
            release.wait(30)
            order.append("first committed")

    thread = threading.Thread(target=first)
    thread.start()
    assert entered.wait(30)
    timer = threading.Timer(0.3, release.set)
    timer.start()
    jid = judgements.record(other, "same", "Alpha", "Bravo")     # blocks, then succeeds
    order.append("second committed")
    thread.join(30)
    timer.join()
    assert order == ["first committed", "second committed"]
    assert [j.id for j in judgements.judgements(filled)] == [jid]


def test_a_document_stored_meanwhile_keeps_the_store_stale(filled):
    from actorgraph.store.facts import replace_resolution

    token = filled.mark_stale()
    Store(filled.url).add_document(*document("c.txt", TEXT_A + " Again.", META_A,
                                             Extraction()))
    assert not replace_resolution(filled, token, ENTITIES, {}, [], [], [])
    assert filled.is_stale() and len(filled.entities()) == len(ENTITIES)   # untouched
    token = filled.mark_stale()
    assert replace_resolution(filled, token, ENTITIES[:1], {}, [], [], [])
    assert not filled.is_stale() and len(filled.entities()) == 1
