"""The generator writes Telegram Desktop's real shapes, with the traps it promises, and the
same seed gives the same exports."""
from __future__ import annotations

import json
from datetime import UTC, datetime

from actorgraph.campaign.synthetic_export import generate


def _chats(out):
    singles = [json.loads(p.read_text(encoding="utf-8"))
               for p in sorted((out / "exports").glob("channel_*/result.json"))]
    account = json.loads((out / "exports" / "account" / "result.json").read_text("utf-8"))
    return singles, account


def test_both_export_shapes(generated):
    out, truth = generated
    singles, account = _chats(out)
    assert all(set(s) == {"name", "type", "id", "messages"} for s in singles)
    assert {"about", "personal_information", "chats", "left_chats"} <= set(account)
    assert account["chats"]["list"] and all("messages" in c for c in account["chats"]["list"])
    assert len(singles) + len(account["chats"]["list"]) == len(truth["channels"])


def test_format_traps_are_present(generated):
    singles, account = _chats(generated[0])
    msgs = [m for c in singles + account["chats"]["list"] for m in c["messages"]]
    lists = [m for m in msgs if isinstance(m.get("text"), list)]
    assert any(isinstance(e, dict) and e.get("type") == "text_link" and e.get("href")
               for m in lists for e in m["text"])
    assert any(m["type"] == "service" for m in msgs)
    assert any("edited_unixtime" in m for m in msgs)
    assert any(str(m.get("photo", "")).startswith("(File not included") for m in msgs)
    assert any(m.get("forwarded_from") for m in msgs)
    # `date` is local (UTC+4), not UTC: it differs from date_unixtime by four hours
    m = next(m for m in msgs if m["type"] == "message")
    local = datetime.fromisoformat(m["date"]).replace(tzinfo=UTC).timestamp()
    assert local - int(m["date_unixtime"]) == 4 * 3600
    # albums: consecutive photos with one date, one caption
    albums = [(a, b) for a, b in zip(msgs, msgs[1:]) if a.get("photo") and b.get("photo")
              and a["date_unixtime"] == b["date_unixtime"] and a["from_id"] == b["from_id"]]
    assert albums and not [b for _, b in albums if b["text"]]


def test_text_is_neutral_and_bilingual(generated):
    singles, _ = _chats(generated[0])
    texts = " ".join(str(m.get("text")) for c in singles for m in c["messages"])
    assert "şəhərində" in texts and "reported" in texts


def test_same_seed_same_exports(tmp_path):
    a = generate(tmp_path / "a", seed=3, posts=400)
    b = generate(tmp_path / "b", seed=3, posts=400)
    c = generate(tmp_path / "c", seed=4, posts=400)
    assert a == b and a != c
    first = sorted((tmp_path / "a" / "exports").rglob("result.json"))[0]
    twin = tmp_path / "b" / first.relative_to(tmp_path / "a")
    assert first.read_bytes() == twin.read_bytes()


def test_truth_records_clusters_decoys_and_spike(generated):
    truth = generated[1]
    roles = {c["id"]: c["role"] for c in truth["channels"]}
    assert len(truth["clusters"]) == 3
    assert all(roles[m] == "operator" for cl in truth["clusters"] for m in cl)
    assert "aggregator" in {roles[d] for d in truth["decoys"]}
    assert truth["spike"]["day"].startswith("2025-03")
