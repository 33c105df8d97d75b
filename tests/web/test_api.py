"""The JSON API: every endpoint, stable ids, paging limits, bad ids and bad parameters
(always a 4xx with a message, never a 500)."""
from __future__ import annotations

import pytest


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/entities", "/api/entities/{entity_id}",
                 "/api/entities/by-name/{name}", "/api/entities/{entity_id}/neighbours",
                 "/api/events", "/api/claims", "/api/documents", "/api/documents/{doc_id}",
                 "/api/contradictions", "/api/search", "/api/judgements"):
        assert path in paths, path
    assert not any(p.startswith("/entities") for p in paths)   # pages are not API


def test_entities_are_paginated_most_mentioned_first(client):
    first = client.get("/api/entities", params={"limit": 3}).json()
    assert first["limit"] == 3 and first["offset"] == 0 and len(first["items"]) == 3
    assert first["total"] > 3
    counts = [e["mentions"] for e in first["items"]]
    assert counts == sorted(counts, reverse=True)
    second = client.get("/api/entities", params={"limit": 3, "offset": 3}).json()
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    people = client.get("/api/entities", params={"type": "person"}).json()["items"]
    assert people and all(e["type"] == "person" for e in people)


def test_entity_found_by_any_spelling_has_the_same_stable_id(client, husseiniyyun):
    eid = husseiniyyun["entity"]["id"]
    assert eid.startswith("ent-")
    for name in ("Husseiniyyun", "Hüseynçilər", "hoseyniyun", "حسینیون"):
        r = client.get(f"/api/entities/by-name/{name}")
        assert r.status_code == 200, name
        assert r.json()["entity"]["id"] == eid
    assert client.get(f"/api/entities/{eid}").json() == husseiniyyun
    listed = client.get("/api/entities", params={"q": "Hüseynçilər"}).json()["items"]
    assert listed[0]["id"] == eid and "Hoseyniyun" in listed[0]["aliases"]


def test_entity_page_facts_carry_corroboration_grade_and_evidence(client, husseiniyyun):
    page = husseiniyyun
    names = {n["name"] for n in page["names"]}
    assert {"Husseiniyyun", "Hoseyniyun"} <= names
    assert page["relations"], "relations grouped by predicate"
    facts = [f for g in page["relations"] for f in g["facts"]] + page["events"] \
        + page["quantities"]
    for f in facts:
        assert f["documents"] >= 1 and 1 <= f["publishers"] <= f["documents"]
        assert f["grade"]["grade"][0] in "ABCDEF" and f["grade"]["grade"][1] in "123456"
        for c in f["claims"]:
            assert c["sentence"] and c["link"] == (
                f"/documents/{c['doc']['id']}#s-{c['start']}-{c['end']}")
    dates = [e["date"] or "9999" for e in page["events"]]
    assert dates == sorted(dates)
    assert {c["kind"] for c in page["contradictions"]} >= {"founding", "dispute"}


def test_neighbours_by_depth_and_filters(client, husseiniyyun):
    eid = husseiniyyun["entity"]["id"]
    one = client.get(f"/api/entities/{eid}/neighbours").json()
    two = client.get(f"/api/entities/{eid}/neighbours", params={"depth": 2}).json()
    assert one["center"]["id"] == eid and one["nodes"][0]["id"] == eid
    assert len(one["nodes"]) > 1 and len(two["nodes"]) >= len(one["nodes"])
    ids = {n["id"] for n in one["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in one["edges"])
    only = client.get(f"/api/entities/{eid}/neighbours",
                      params={"predicate": ["leader_of", "founder_of"]}).json()
    assert only["edges"] and {e["label"] for e in only["edges"]} <= {"leader_of", "founder_of"}
    events = client.get(f"/api/entities/{eid}/neighbours",
                        params={"predicate": "event", "start": "2018", "end": "2018"}).json()
    assert events["edges"] and all(e["kind"] == "event" and e["dates"][0].startswith("2018")
                                   for e in events["edges"])


def test_events_in_date_order_with_filters(client, husseiniyyun):
    page = client.get("/api/events", params={"limit": 200}).json()
    dates = [e["date"] for e in page["items"]]
    assert dates and None not in dates and dates == sorted(dates)
    assaults = client.get("/api/events", params={"type": "ASSAULT", "actor": "Hoseyniyun",
                                                 "start": "2018-07", "end": "2018-07"}).json()
    assert {e["date"] for e in assaults["items"]} >= {"2018-07-03", "2018-07-10"}
    eid = husseiniyyun["entity"]["id"]
    for e in assaults["items"]:
        assert e["type"] == "ASSAULT"
        assert eid in {x["id"] for x in e["actors"] + e["targets"]} | {
            (e["location"] or {}).get("id")}


def test_claims_documents_and_contradictions(client, husseiniyyun):
    docs = client.get("/api/documents").json()
    assert docs["total"] == 5
    doc = client.get(f"/api/documents/{docs['items'][0]['id']}").json()
    assert doc["text"] and doc["sentences"] and doc["mentions"]
    for s in doc["sentences"]:
        assert s["anchor"] == f"s-{s['start']}-{s['end']}"
    claims = client.get("/api/claims", params={"doc": doc["document"]["id"]}).json()
    assert claims["total"] == len(doc["claims"])
    for c in claims["items"]:
        assert c["doc"]["id"] == doc["document"]["id"]
        assert client.get(f"/api/claims/{c['id']}").json() == c
    about = client.get("/api/claims", params={"entity": husseiniyyun["entity"]["id"],
                                              "limit": 200}).json()
    assert about["total"] and all(c["facts"] for c in about["items"])
    found = client.get("/api/contradictions").json()
    assert found["total"] >= 1
    c = found["items"][0]
    assert c["summary"] and len(c["claims"]) == 2 and c["about"]["name"] == "Husseiniyyun"
    assert client.get("/api/contradictions", params={"about": "Hüseynçilər"}).json()["total"]


def test_search_names_and_full_text(client, husseiniyyun):
    r = client.get("/api/search", params={"q": "Hoseyniyun"}).json()
    assert r["entities"]["items"][0]["id"] == husseiniyyun["entity"]["id"]
    hit = r["documents"]["items"][0]
    assert any(p["match"] and p["text"].lower() == "hoseyniyun" for p in hit["snippet"])
    text = client.get("/api/search", params={"q": "embassy Tehran"}).json()["documents"]
    assert text["total"] >= 1
    assert client.get("/api/search", params={"q": "qzxv nothing"}).json()["documents"][
        "total"] == 0


def test_profile_lines_rest_on_numbered_claims(client, husseiniyyun):
    eid = husseiniyyun["entity"]["id"]
    p = client.get(f"/api/entities/{eid}/profile").json()
    titles = [s["title"] for s in p["sections"]]
    assert "Names and aliases" in titles and "Leadership" in titles
    n = len(p["notes"])
    assert n and p["sources"]
    for s in p["sections"]:
        for line in s["lines"]:
            assert all(1 <= k <= n for k in line["notes"])
            if line["fact"]:
                assert line["notes"], line


@pytest.mark.parametrize("url", [
    "/api/entities/ent-doesnotexist", "/api/entities/ent-doesnotexist/neighbours",
    "/api/entities/ent-doesnotexist/profile", "/api/entities/by-name/Nobody%20At%20All",
    "/api/documents/doc-0000", "/api/claims/clm-nope", "/api/events?actor=Nobody%20At%20All",
    "/api/contradictions?about=Nobody%20At%20All", "/api/entities/%00",
    "/api/entities/by-name/...", "/api/entities/by-name/%FF", "/api/events?actor=%00",
])
def test_bad_ids_are_404(client, url):
    r = client.get(url)
    assert r.status_code == 404, r.text
    assert r.json()["detail"]


@pytest.mark.parametrize("url", [
    "/api/entities?limit=100000", "/api/entities?limit=201", "/api/entities?limit=0",
    "/api/entities?limit=-5", "/api/entities?limit=abc", "/api/entities?offset=-1",
    "/api/entities?offset=99999999999999999999999999", "/api/entities?type=spaceship",
    "/api/events?limit=1000000000", "/api/events?start=yesterday", "/api/events?end=2024-13-99x",
    "/api/events?type=%3Cscript%3E", "/api/claims?kind=opinion", "/api/claims?limit=500",
    "/api/documents?limit=1e9", "/api/contradictions?offset=x",
    "/api/entities/x/neighbours?depth=0", "/api/entities/x/neighbours?depth=4",
    "/api/entities/x/neighbours?depth=two", "/api/search", "/api/search?q=",
    "/api/search?q=" + "a" * 201, "/api/search?limit=100000&q=a",
    "/api/entities/x/neighbours?predicate=bogus", "/api/events?start=2024&end=2019",
    "/api/entities/x/neighbours?start=2020-05&end=2020-04",
])
def test_bad_parameters_are_422_with_a_message(client, url):
    r = client.get(url)
    assert r.status_code == 422, (url, r.status_code, r.text)
    body = r.json()
    assert body["message"] and body["detail"]


@pytest.mark.parametrize("q", ['"', "NEAR(a b)", "a OR", "*", "title:x", "(((", "\x00",
                               "' OR 1=1 --", "%", "_", "\\", "Hü*"])
def test_search_never_fails_on_odd_queries(client, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200, r.text
    page = client.get("/search", params={"q": q})
    assert page.status_code == 200


def test_max_page_size_is_served(client):
    r = client.get("/api/claims", params={"limit": 200})
    assert r.status_code == 200 and len(r.json()["items"]) <= 200


@pytest.mark.parametrize("url, status", [
    ("/timeline?start=2024&end=2019", 422), ("/entities?limit=100000", 422),
    ("/entities?type=spaceship", 422), ("/entities/ent-nope", 404), ("/documents/doc-nope", 404),
    ("/entities/ent-nope/graph", 404), ("/entities/ent-nope/profile", 404),
    ("/timeline?actor=Nobody%20At%20All", 404), ("/no/such/page", 404),
])
def test_pages_answer_bad_input_with_an_error_page(client, url, status):
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert "Back to the overview" in r.text
