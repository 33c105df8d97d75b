"""Pages that a hub of a large store must keep small and quick: the timeline shows a few
claims of an event many documents report (with how many there are), and the network view
dates a hub's relations from the pages' index without reading their claims."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import event, select

from actorgraph.store import schema as t
from actorgraph.store.facts import read_facts, replace_facts
from actorgraph.store.reader import Reader
from actorgraph.web.views import entity, graph
from tests.web.conftest import client_for


def _claims_and_docs(store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        return [(r[0], r[1]) for r in conn.execute(
            select(t.claims.c.id, t.claims.c.doc_id).order_by(t.claims.c.id))]


def test_an_event_reported_by_many_claims_shows_a_few_of_them_with_the_right_counts(
        writable_store):
    store = writable_store
    claims = _claims_and_docs(store)
    assert len(claims) > entity.SAMPLE + 10   # more than a summary reads of one fact
    rows = read_facts(store)
    dated = next(f for f in rows if f.kind == "event" and f.data.get("date"))
    rows = [f if f.id != dated.id else type(f)(f.id, f.kind, f.data, [c for c, _ in claims],
                                                f.first_seen, f.entities) for f in rows]
    replace_facts(store, rows)
    client = client_for(store)
    page = client.get("/api/events?limit=200").json()
    assert page["total"] <= 200
    shown = next(f for f in page["items"] if f["id"] == dated.id)
    assert len(shown["claims"]) == entity.EVIDENCE
    assert shown["claims_total"] == len(claims)
    assert shown["documents"] == len({d for _, d in claims})
    html = client.get("/timeline?limit=200").text
    assert f"{entity.EVIDENCE} of {len(claims)} claims shown" in html


def test_the_network_view_dates_relations_without_reading_a_claim(writable_store):
    store = writable_store
    reader = Reader(store)
    with store.engine.connect() as conn:
        published = dict(conn.execute(select(t.documents.c.id, t.documents.c.published)).all())
    expected: dict[str, set[str]] = defaultdict(set)
    docs = dict(_claims_and_docs(store))
    relations = [f for f in read_facts(store) if f.kind == "relation"]
    for f in relations:
        for c in f.claims:
            if published.get(docs[c]):
                expected[f.id].add(published[docs[c]])
    assert expected
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:
        statements.append(statement)
    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        dates = reader.reported_dates(f.id for f in relations)
        center = max(expected, key=lambda fid: len(expected[fid]))
        subject = next(f.data["subject"] for f in relations if f.id == center)
        found = graph.build(reader, subject, 2, None, None, None, 250)
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert dates == {fid: sorted(v) for fid, v in expected.items()}
    assert found.edges and all(e.dates == dates.get(e.id.split(":")[0], [])
                               for e in found.edges if e.kind == "relation")
    read_claims = [s for s in statements if "claims" in s.replace("fact_claims", "")]
    assert read_claims == []
