"""The StoreCache keeps whole-store values until the store changes, whoever changed it."""
from __future__ import annotations

import pytest
from sqlalchemy import event

from actorgraph.model import DocumentMeta, Extraction
from actorgraph.store import cache
from actorgraph.store import judgements as log
from actorgraph.store.cache import StoreCache
from actorgraph.store.facts import read_facts, replace_contradictions, replace_facts
from actorgraph.store.grades import set_grade
from actorgraph.store.reader import Reader
from actorgraph.store.store import Store
from actorgraph.store.tlp import set_source_tlp

from .conftest import ENTITIES, HUS, document


class Counter:
    """A value builder that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.calls


@pytest.fixture()
def always_fresh(monkeypatch):
    """Read the fingerprint on every get (no FRESH window)."""
    monkeypatch.setattr(cache, "FRESH", 0.0)


def add_document(store):
    store.add_document(*document("c.txt", "Another report.", DocumentMeta(), Extraction()))


def resolve_again(store):
    store.replace_entities(ENTITIES[:1], {m.id: HUS for m in store.mentions()})


def judge(store):
    log.record(store, "different", "Husseiniyyun", "Baku", author="tester")


def grade(store):
    set_grade(store, "Caspian Monitor", "B")


def drop_facts(store):
    replace_facts(store, read_facts(store)[:1])


def drop_contradictions(store):
    replace_contradictions(store, [])


def edit_a_fact(store):
    """A change that leaves every table with as many rows as before."""
    facts = read_facts(store)
    facts[0].data = {**facts[0].data, "edited": True}
    replace_facts(store, facts)


def mark_a_document(store):
    store.set_document_tlp(store.documents()[0]["sha256"], "AMBER")


def mark_a_source(store):
    set_source_tlp(store.engine, "Caspian Monitor", "AMBER", author="tester")


def test_a_value_is_built_once_while_the_store_stays_the_same(filled, always_fresh):
    values, build = StoreCache(filled.engine), Counter()
    assert [values.get("k", build) for _ in range(3)] == [1, 1, 1]
    assert build.calls == 1
    assert values.get("other", Counter()) == 1    # each key has its own value


@pytest.mark.parametrize("change", [add_document, resolve_again, judge, grade, drop_facts,
                                    drop_contradictions, edit_a_fact, mark_a_document,
                                    mark_a_source])
def test_any_change_to_the_store_builds_the_value_again(filled, always_fresh, change):
    values, build = StoreCache(filled.engine), Counter()
    assert values.get("k", build) == 1
    change(Store(filled.url))         # another Store on the same database: another process
    assert values.get("k", build) == 2
    assert values.get("k", build) == 2


def test_undoing_a_judgement_is_a_change(filled, always_fresh):
    jid = log.record(filled, "same", "a", "b", author="tester")
    values, build = StoreCache(filled.engine), Counter()
    values.get("k", build)
    log.undo(Store(filled.url), jid)
    assert values.get("k", build) == 2


def test_the_fingerprint_reads_one_row_and_counts_nothing(filled, always_fresh):
    values, seen = StoreCache(filled.engine), []

    def statement(conn, cursor, sql, *args):
        seen.append(sql)
    event.listen(filled.engine, "before_cursor_execute", statement)
    try:
        values.fingerprint()
    finally:
        event.remove(filled.engine, "before_cursor_execute", statement)
    assert len(seen) == 1 and "count(" not in seen[0].lower(), seen


def test_the_fingerprint_is_trusted_for_a_moment_unless_cleared(filled, monkeypatch):
    monkeypatch.setattr(cache, "FRESH", 3600.0)
    values, build = StoreCache(filled.engine), Counter()
    assert values.get("k", build) == 1
    judge(filled)
    assert values.get("k", build) == 1    # not read again yet
    values.clear()                        # this process wrote: forget at once
    assert values.get("k", build) == 2


def test_the_reader_sees_a_new_resolution(filled, monkeypatch):
    monkeypatch.setattr(cache, "FRESH", 3600.0)
    reader = Reader(filled)
    assert reader.mention_counts()[HUS] == 5
    assert reader.find_entities(None, None)[0] == HUS
    resolve_again(filled)
    assert reader.mention_counts()[HUS] == 5     # cached within FRESH
    reader.invalidate()
    assert reader.mention_counts() == {HUS: 10}
    assert reader.find_entities(None, None) == [HUS]
    assert reader.stats()["entities"] == 1
