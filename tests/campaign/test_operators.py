"""Who runs a channel, from the exports: self-declarations, first forwarders, shared
signatures and cross-links against the generator's planted operators and decoys; the
registry's name-only channels; links stored, judged and recomputed."""
from __future__ import annotations

import json

import pytest

from actorgraph.campaign import operators as op
from actorgraph.campaign.declarations import declarations
from actorgraph.campaign.importers import read_exports
from actorgraph.campaign.synthetic_operators import score

from ..dbs import new_db_url


@pytest.mark.parametrize("text, actor", [
    ("This is the official channel of the Zeravan Movement.", "Zeravan Movement"),
    ("Zeravan Movement — official channel", "Zeravan Movement"),
    ("📢 Official Telegram channel of the Zeravan Movement | site", "Zeravan Movement"),
    ("Zeravan Movement's official channel", "Zeravan Movement"),
    ("Welcome to the official account of Qaratel Council!", "Qaratel Council"),
    ("Bu, Qaratel Şurasının rəsmi kanalıdır.", "Qaratel Şurası"),
    ("Zeravan Hərəkatı rəsmi kanal", "Zeravan Hərəkatı"),
])
def test_a_channel_declaring_itself(text, actor):
    assert [d.actor for d in declarations(text)] == [actor]


@pytest.mark.parametrize("text", [
    "The official channel of the Zeravan Movement said on Monday that a road was closed.",
    "Qaratel Şurasının rəsmi kanalı bildirib ki, yol bağlanıb.",
    "Reports say the Zeravan Movement official channel posted a video.",
    "news about the zeravan official channel",
    "This is not the official channel of the Zeravan Movement.",
    "Zeravan Movement fans — unofficial channel",
    "Not affiliated with the official channel of the Zeravan Movement.",
    "Fan channel of the Zeravan Movement",
])
def test_reporting_another_channel_is_no_declaration(text):
    assert declarations(text) == []


@pytest.fixture(scope="module")
def links(corpus):
    return op.link(corpus)


def test_planted_operators_found_and_decoys_left_alone(links, generated):
    truth = generated[1]
    got = score(links, truth)
    assert got["planted"] == 7
    assert got["precision"] == 1.0 and got["recall"] == 1.0, got
    assert got["rule_precision"] == 1.0 and got["rule_recall"] == 1.0, got
    assert got["decoys_linked"] == []          # the aggregator forwards every official post
    aggregator = next(c["id"] for c in truth["channels"] if c["role"] == "aggregator")
    assert not any(x.channel.endswith(":" + aggregator) for x in links)


def test_every_link_cites_posts_utc_times_and_its_rule(links):
    assert links
    for x in links:
        assert x.rule in op.RULES and 0 < x.confidence <= 0.9 and x.detail
        posts = [e for e in x.evidence if e.post]
        if x.rule != "self-declaration" or "title" not in {e.where for e in x.evidence}:
            assert posts, x
        for e in posts:
            assert e.utc and e.utc.endswith("Z") and ":" in e.post


def test_without_the_seed_nothing_propagates(corpus):
    """The propagating rules need a linked channel: drop the declarations and the first
    forwarder, the signature and the cross-link go too (the rules can fail)."""
    ctx = op.context(corpus)
    assert op.first_forwarders(ctx, []) == []
    assert op.shared_signatures(ctx, []) == [] and op.cross_links(ctx, []) == []


def test_a_report_seeds_the_propagating_rules(corpus, generated):
    truth = generated[1]
    relay = next(c for c in truth["channels"] if c["role"] == "relay")
    official = next(x["channel"] for x in truth["operators"]["links"]
                    if x["rule"] == "self-declaration" and x["actor"] == "Zeravan Movement")
    report = op.Link(f"telegram:{official}", "Northern Bureau", "report", 0.7, "a report",
                     [op.Evidence("", None, "report", "claim c1")])
    found = op.link(corpus, [report])
    assert any(x.actor == "Northern Bureau" and x.rule == "first-forwarder"
               and x.channel == f"telegram:{relay['id']}" for x in found)


def _rows(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_a_forwarded_declaration_is_the_sources_not_the_forwarders(tmp_path):
    declared = "This is the official channel of the Zeravan Movement."
    path = _rows(tmp_path / "posts.jsonl", [
        {"channel_id": "1", "post_id": "1", "timestamp": 1740000000, "channel_name": "Z",
         "text": declared},
        {"channel_id": "2", "post_id": "1", "timestamp": 1740000005, "channel_name": "Fan",
         "text": declared, "forwarded_from": "Z", "forwarded_from_id": "1"},
        {"channel_id": "3", "post_id": "1", "timestamp": 1740000009, "channel_name": "Echo",
         "text": "x", "forwarded_from": "Some Unknown Wire"}])
    corpus = read_exports([path])
    got = {(x.channel, x.rule) for x in op.link(corpus)}
    assert got == {("telegram:1", "self-declaration")}
    from actorgraph.campaign.registry import build

    reg = build(corpus.channels.values(), corpus.posts)
    only = [e for e in reg.entries.values() if e.name_only]
    assert [e.name for e in only] == ["Some Unknown Wire"] and only[0].native_id is None


def test_description_and_handle_cross_link(tmp_path):
    path = _rows(tmp_path / "posts.jsonl", [
        {"channel_id": "1", "post_id": "1", "timestamp": 1740000000, "channel_name": "Z",
         "channel_handle": "zeravan_official", "text": "a",
         "channel_description": "Official channel of the Zeravan Movement."},
        {"channel_id": "2", "post_id": "1", "timestamp": 1740000100, "channel_name": "Mirror",
         "channel_description": "Our main channel: https://t.me/s/Zeravan_Official",
         "text": "b"}])
    found = [x for x in op.link(read_exports([path])) if x.rule == "cross-link"]
    assert [(x.channel, x.actor, x.evidence[0].where) for x in found] == [
        ("telegram:2", "Zeravan Movement", "description")]


def test_stored_judged_and_recomputed(tmp_path, corpus):
    from actorgraph.campaign.channel_store import record
    from actorgraph.store import judgements as log
    from actorgraph.store.channels import find_channel, read_channels, read_links
    from actorgraph.store.store import Store

    store = Store(new_db_url(tmp_path, "channels.db"))
    done = record(store, corpus)
    assert done.channels == len(corpus.channels) + 1 and done.name_only == 1
    assert done.links == 7
    assert any(c["name_only"] and c["name"] == "Caspian Wire Service"
               for c in read_channels(store))
    relay = find_channel(store, "Valley Relay")
    assert relay is not None and relay["key"].startswith("telegram:")
    [link] = read_links(store, relay["id"])
    assert link["rule"] == "first-forwarder" and link["verdict"] is None
    jid = log.record(store, "reject", relay["id"], "Zeravan Movement",
                     value="operates_channel", reason="a fan channel", author="tester")
    assert not store.is_stale()                # a link's judgement does not re-resolve
    record(store, corpus)                      # recomputed: the judgement stays
    [link] = read_links(store, relay["id"])
    assert link["verdict"]["status"] == "rejected" and link["verdict"]["judgement"] == jid
    assert log.undo(store, jid)
    assert read_links(store, relay["id"])[0]["verdict"] is None


def test_the_aggregator_is_a_real_decoy(corpus, generated):
    """It is first to forward several official posts (so the count alone would link it);
    the share of items it forwards first and its focus on the official channel stop it."""
    truth = generated[1]
    aggregator = next(c["id"] for c in truth["channels"] if c["role"] == "aggregator")
    ctx = op.context(corpus)
    for seed in op.self_declared(ctx):
        firsts = sum(1 for copies in op._forwards_of(ctx, seed.channel).values()
                     if min(copies, key=lambda p: (p.time, p.id)).channel_id == aggregator)
        assert firsts >= op.MIN_FIRST


def test_ingest_records_channels_and_a_report_seeds_the_links(tmp_path):
    """`actorgraph ingest` of a report and exports together: the report's operates_channel
    fact links its actor to the channel, and the channel that forwards it first follows;
    both reach the STIX export from the actor's own entity."""
    from actorgraph.export import stix
    from actorgraph.export.snapshot import load
    from actorgraph.store.channels import find_channel, read_links
    from actorgraph.store.store import Store
    from actorgraph.workflow import ingest

    t0 = 1740900000
    texts = [f"The council in Ganja met on day {n} to discuss the water supply of the city."
             for n in range(5)]
    rows = [{"channel_id": "11", "post_id": str(n), "timestamp": t0 + n * 7200,
             "channel_name": "Hill Country Post", "text": text} for n, text in enumerate(texts)]
    rows += [{"channel_id": "22", "post_id": str(n), "timestamp": t0 + n * 7200 + 9,
              "channel_name": "Relay Two", "text": text, "forwarded_from": "Hill Country Post",
              "forwarded_from_id": "11", "forwarded_post_id": str(n)}
             for n, text in enumerate(texts)]
    exports = _rows(tmp_path / "posts.jsonl", rows)
    report = tmp_path / "report.txt"
    report.write_text('Hezbollah runs the Telegram channel "Hill Country Post", which posts '
                      "statements about the border area, analysts said.", encoding="utf-8")
    store = Store(new_db_url(tmp_path, "ingest.db"))
    assert ingest([str(report), str(exports)], store).ok
    hill, relay = find_channel(store, "Hill Country Post"), find_channel(store, "Relay Two")
    assert hill and relay
    [said] = read_links(store, hill["id"])
    assert said["rule"] == "report" and said["actor"] == "Hezbollah"
    [follows] = read_links(store, relay["id"])
    assert follows["rule"] == "first-forwarder" and follows["via"] == hill["id"]
    objects = {o["id"]: o for o in json.loads(stix.dumps(load(store)))["objects"]}
    rels = [o for o in objects.values() if o.get("relationship_type") == "operates-channel"
            and "x_actorgraph_rules" in o]
    assert len(rels) == 2
    assert {objects[r["source_ref"]]["name"] for r in rels} == {"Hezbollah"}
    assert {objects[r["source_ref"]]["type"] for r in rels} <= {"threat-actor", "identity"}


def test_the_commands_record_list_and_judge(tmp_path, generated):
    from click.testing import CliRunner

    from actorgraph.cli.main import cli

    db = new_db_url(tmp_path, "cli.db")
    run = CliRunner().invoke
    out = run(cli, ["channels", str(generated[0] / "exports"), "--record", "--db", db])
    assert out.exit_code == 0, out.output
    assert "run by Zeravan Movement? Valley Relay: first-forwarder" in out.output
    listed = run(cli, ["operators", "list", "Valley Relay", "--db", db])
    assert "first-forwarder" in listed.output and "[unjudged]" in listed.output
    assert run(cli, ["operators", "reject", "Valley Relay", "Nobody", "--db", db]).exit_code == 1
    judged = run(cli, ["operators", "reject", "Valley Relay", "Zeravan Movement",
                       "--reason", "a fan relay", "--db", db])
    assert judged.exit_code == 0, judged.output
    assert "[rejected]" in run(cli, ["operators", "list", "Valley Relay", "--db", db]).output
    data = json.loads(run(cli, ["operators", "list", "--json", "--db", db]).output)
    assert len(data) == 7 and all(x["evidence"] for x in data)
