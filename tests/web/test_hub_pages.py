"""A hub (an entity hundreds of facts and contradictions name) gets pages of bounded size:
its entity page, API record, profile and contradictions show a fixed number of items with
the right totals, and the rest is reached page by page."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from actorgraph.facts.contradictions import Contradiction
from actorgraph.store import schema as t
from actorgraph.store.facts import (
    FactRow,
    read_contradictions,
    read_facts,
    replace_contradictions,
    replace_facts,
)
from actorgraph.web.views import entity, entity_facts, profile
from tests.web.conftest import client_for

GROUPS = 240        # relations "group i is sponsored by the hub", "allied with", "based in"
CONTRADICTIONS = 130


@pytest.fixture()
def hub(writable_store):
    """The store with the most mentioned country made a hub: GROUPS more relations and
    CONTRADICTIONS more contradictions about it, each backed by stored claims."""
    store = writable_store
    with store.engine.connect() as conn:
        hub_id = conn.execute(select(t.entities.c.id).where(t.entities.c.type == "country")
                              .order_by(t.entities.c.id)).scalars().first()
        claims = list(conn.execute(select(t.claims.c.id).order_by(t.claims.c.id)).scalars())
    assert hub_id and len(claims) > 10
    rows = read_facts(store)
    for i in range(GROUPS):
        pred = ("sponsored_by", "allied_with", "based_in")[i % 3]
        rows.append(FactRow(f"fct-hub{i:04d}", "relation",
                            {"subject": f"ent-grp{i:04d}", "predicate": pred, "object": hub_id},
                            claims[i % 7:i % 7 + 1 + i % 5], "2024-01-03",
                            [(f"ent-grp{i:04d}", "subject"), (hub_id, "object")]))
    replace_facts(store, rows)
    found = [Contradiction(c["id"], c["kind"], c["summary"], c["claims"], c["facts"],
                           c["entity_id"], c["first_seen"]) for c in read_contradictions(store)]
    found += [Contradiction(f"con-hub{i:04d}", "date", f"two dates {i}", claims[i % 9:i % 9 + 2],
                            [f"fct-hub{i:04d}"], None, "2024-01-03")
              for i in range(CONTRADICTIONS)]
    replace_contradictions(store, found)
    return store, hub_id


def test_the_hub_page_shows_a_bounded_number_of_facts_with_the_right_counts(hub):
    store, hub_id = hub
    client = client_for(store)
    facts = read_facts(store, entity_id=hub_id)
    page = client.get(f"/api/entities/{hub_id}").json()
    by_group = {(g["predicate"], g["direction"]): g for g in page["relations"]}
    sponsored = by_group[("sponsored_by", "in")]
    assert sponsored["total"] == sum(f.kind == "relation" and f.data["predicate"] ==
                                     "sponsored_by" and f.data["object"] == hub_id
                                     for f in facts) >= GROUPS // 3
    assert len(sponsored["facts"]) == entity.TOP
    assert sponsored["more"] == (f"/entities/{hub_id}/facts?kind=relation"
                                 "&predicate=sponsored_by&direction=in")
    assert page["sections"]["relation"]["total"] == sum(f.kind == "relation" for f in facts)
    shown = [f for g in page["relations"] for f in g["facts"]]
    assert len(shown) <= entity.TOP * len(page["relations"])
    assert all(len(f["claims"]) <= entity.EVIDENCE for f in shown)
    # the best corroborated of a group are shown: none left out has more documents
    best = min(f["documents"] for f in sponsored["facts"])
    rest = client.get(f"{sponsored['more'].replace('/entities', '/api/entities')}"
                      "&limit=200").json()
    assert rest["total"] == sponsored["total"] == len(rest["items"])
    assert [f["documents"] for f in rest["items"]][:entity.TOP] == sorted(
        (f["documents"] for f in rest["items"]), reverse=True)[:entity.TOP]
    assert all(f["documents"] <= best for f in rest["items"][entity.TOP:])
    first = client.get(sponsored["more"].replace("/entities", "/api/entities")).json()
    assert len(first["items"]) == first["limit"] == entity_facts.PER_PAGE < first["total"]
    assert [f["id"] for f in first["items"]] == [f["id"] for f in rest["items"]][:20]
    html = client.get(sponsored["more"]).text
    assert len(re.findall(r'id="f-([^"]+)"', html)) == entity_facts.PER_PAGE
    con = page["sections"]["contradiction"]
    assert con["total"] >= CONTRADICTIONS and con["shown"] == len(page["contradictions"]) \
        == entity.TOP_OTHER
    assert con["more"] == f"/contradictions?about={hub_id}"
    html = client.get(f"/entities/{hub_id}").text
    listed = re.findall(r'id="f-([^"]+)"', html)
    assert len(listed) == sum(page["sections"][k]["shown"]
                              for k in ("relation", "event", "quantity", "founding"))
    assert len(listed) <= entity.TOP * len(page["relations"]) + 3 * entity.TOP_OTHER
    assert f"all {sponsored['total']}" in html


def test_the_hub_s_contradictions_come_a_page_at_a_time(hub):
    store, hub_id = hub
    client = client_for(store)
    first = client.get(f"/api/contradictions?about={hub_id}").json()
    assert first["total"] >= CONTRADICTIONS and len(first["items"]) == first["limit"] == 50
    seen = []
    for offset in range(0, first["total"], 50):
        page = client.get(f"/api/contradictions?about={hub_id}&offset={offset}").json()
        seen += [c["id"] for c in page["items"]]
    assert len(seen) == len(set(seen)) == first["total"]
    assert seen == sorted(seen)
    html = client.get(f"/contradictions?about={hub_id}&limit=20").text
    assert 0 < len(set(re.findall(r"two dates \d+", html))) <= 20


def test_the_hub_s_profile_shows_the_best_of_each_section(hub):
    store, hub_id = hub
    client = client_for(store)
    page = client.get(f"/api/entities/{hub_id}/profile").json()
    assert f"{len(read_facts(store, entity_id=hub_id))} facts" in page["summary"]
    summaries = {c["summary"] for c in read_contradictions(store)}
    for section in page["sections"]:
        lines = section["lines"]
        assert all(len(line["notes"]) <= profile.PER_LINE for line in lines)
        if section["title"] == "Contradictions and open questions":   # and hedged facts
            assert sum(x["text"] in summaries for x in lines) == profile.PER_SECTION
            assert len(lines) <= 2 * profile.PER_SECTION
        elif section["title"] != "Names and aliases":
            assert len(lines) <= profile.PER_SECTION, section["title"]
    assert client.get(f"/entities/{hub_id}/profile").status_code == 200
