"""The entity page summarises: every section counted, the best corroborated facts shown,
the rest paged behind a link, each fact with its first evidence sentences; so a hub named
in thousands of documents gives a page of bounded size."""
from __future__ import annotations

from collections import Counter

import pytest

from actorgraph.store.reader import Reader
from actorgraph.web.views import entity


@pytest.fixture()
def small(monkeypatch):
    """Summaries of one fact per section and one evidence sentence per fact."""
    monkeypatch.setattr(entity, "TOP", 1)
    monkeypatch.setattr(entity, "TOP_OTHER", 1)
    monkeypatch.setattr(entity, "EVIDENCE", 1)


def _busiest(web_store) -> tuple[str, Counter]:
    """The entity with the most facts, and its facts counted by kind."""
    reader = Reader(web_store)
    counts = {}
    for e in web_store.entities():
        counts[e.id] = Counter(b.kind for b in reader.fact_briefs(e.id))
    eid = max(counts, key=lambda i: (sum(counts[i].values()), i))
    return eid, counts[eid]


def test_every_section_is_counted_and_only_the_best_shown(client, web_store, small):
    eid, by_kind = _busiest(web_store)
    assert by_kind["relation"] > 1 and by_kind["event"] > 1
    page = client.get(f"/api/entities/{eid}").json()
    sections = page["sections"]
    for kind in ("relation", "event", "quantity", "founding"):
        assert sections[kind]["total"] == by_kind[kind], kind
    assert sum(g["total"] for g in page["relations"]) == by_kind["relation"]
    assert all(len(g["facts"]) <= 1 for g in page["relations"])
    assert len(page["events"]) == 1 and sections["event"]["shown"] == 1
    assert sections["event"]["more"] == f"/entities/{eid}/facts?kind=event"
    for f in [f for g in page["relations"] for f in g["facts"]] + page["events"]:
        assert len(f["claims"]) <= 1 <= f["claims_total"]
        assert f["documents"] >= 1
    html = client.get(f"/entities/{eid}").text
    assert f'href="/entities/{eid}/facts?kind=event"' in html
    assert f"all {by_kind['event']} events" in html


def test_show_more_pages_through_all_of_them_best_corroborated_first(client, web_store, small):
    eid, by_kind = _busiest(web_store)
    page = client.get(f"/api/entities/{eid}").json()
    group = max(page["relations"], key=lambda g: g["total"])
    query = f"kind=relation&predicate={group['predicate']}&direction={group['direction']}"
    if group["total"] > 1:
        assert group["more"] == f"/entities/{eid}/facts?{query}"
    seen, docs = [], []
    for offset in range(group["total"] + 1):
        r = client.get(f"/api/entities/{eid}/facts?{query}&limit=1&offset={offset}").json()
        assert r["total"] == group["total"]
        seen += [f["id"] for f in r["items"]]
        docs += [f["documents"] for f in r["items"]]
    assert len(seen) == len(set(seen)) == group["total"]
    assert docs == sorted(docs, reverse=True)
    assert group["facts"][0]["id"] in seen
    events = client.get(f"/api/entities/{eid}/facts?kind=event&limit=200").json()
    assert events["total"] == by_kind["event"] == len(events["items"])
    html = client.get(f"/entities/{eid}/facts?{query}&limit=1")
    assert html.status_code == 200 and "the best corroborated first" in html.text


@pytest.mark.parametrize("query", ["kind=nothing", "kind=relation&predicate=<b>",
                                   "kind=relation&direction=sideways"])
def test_bad_facts_queries_are_422(client, web_store, query):
    eid, _ = _busiest(web_store)
    assert client.get(f"/api/entities/{eid}/facts?{query}").status_code == 422


def test_unknown_entity_facts_are_404(client):
    assert client.get("/api/entities/ent-nosuch/facts?kind=event").status_code == 404
    assert client.get("/entities/ent-nosuch/facts?kind=event").status_code == 404


def test_the_web_dossier_shows_the_best_of_each_section(client, web_store, monkeypatch):
    from actorgraph.profile import dossier
    from actorgraph.web.views import profile

    eid, _ = _busiest(web_store)
    e = web_store.entity_by_id(eid)
    full = dossier.build(Reader(web_store), e)
    monkeypatch.setattr(profile, "PER_SECTION", 1)
    monkeypatch.setattr(profile, "PER_LINE", 1)
    page = client.get(f"/api/entities/{eid}/profile").json()
    shown = {s["title"]: s["lines"] for s in page["sections"]}
    whole = {s.title: s.lines for s in full.sections}
    assert set(shown) == set(whole)
    assert any(len(lines) > 1 for title, lines in whole.items() if title != "Names and aliases")
    for title, lines in shown.items():
        if title != "Names and aliases":
            assert len(lines) == 1, title
            assert all(len(line["notes"]) <= 1 for line in lines)
    assert len(page["notes"]) < len(full.notes)
    assert "the best corroborated 1 of each kind here" in page["summary"]
    html = client.get(f"/entities/{eid}/profile")
    assert html.status_code == 200 and "the best corroborated 1" in html.text
