"""Importers: every message of the generated exports is read, whatever shape its `text`
has; times are exact UTC under any TZ; Telethon dicts and plain tables fill the same
record; bad input is a clear error naming the file."""
from __future__ import annotations

import json
import time

import pytest

from actorgraph.campaign.importers import read_exports
from actorgraph.campaign.records import ExportError
from actorgraph.campaign.telegram_desktop import flatten


def test_every_generated_message_is_read(generated, corpus):
    truth = generated[1]
    assert corpus.messages == truth["messages"]
    assert {p.id for p in corpus.posts} == set(truth["posts"])
    assert len(corpus.posts) == len(truth["posts"])


def test_list_texts_are_flattened_with_hidden_links(generated, corpus):
    exports = generated[0] / "exports"
    chat = json.loads(next(exports.glob("channel_*/result.json")).read_text("utf-8"))
    posts = {p.id: p for p in corpus.posts}
    listed = 0
    for m in chat["messages"]:
        if m["type"] != "message" or not isinstance(m["text"], list):
            continue
        post = posts.get(f"{chat['id']}:{m['id']}")
        if post is None:
            continue
        listed += 1
        assert post.text == "".join(e["text"] for e in m["text_entities"])
        hrefs = [e["href"] for e in m["text"] if isinstance(e, dict) and "href" in e]
        assert set(hrefs) <= set(post.links)
    assert listed > 0


@pytest.fixture()
def foreign_tz(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_times_are_exact_under_a_foreign_tz(generated, foreign_tz):
    assert time.timezone != 0
    truth = generated[1]
    corpus = read_exports([generated[0] / "exports"])
    wrong = [p.id for p in corpus.posts if p.time != truth["posts"][p.id]["t"]]
    assert not wrong
    p = corpus.posts[0]
    assert p.utc.endswith("Z") and p.utc[:10] == time.strftime("%Y-%m-%d", time.gmtime(p.time))


def test_flatten_string_and_entity_list():
    assert flatten("plain https://a.example/x") == ("plain https://a.example/x",
                                                   ["https://a.example/x"])
    text, links = flatten(["See ", {"type": "text_link", "text": "this", "href": "https://h/1"},
                           {"type": "bold", "text": " now"}, " and ",
                           {"type": "link", "text": "https://v/2"}])
    assert text == "See this now and https://v/2"
    assert links == ["https://h/1", "https://v/2"]


def _desktop(tmp_path, messages, name="Chan", cid=42):
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": name, "type": "public_channel", "id": cid,
                                "messages": messages}), encoding="utf-8")
    return path


def _msg(mid, t, text="", **extra):
    return {"id": mid, "type": "message", "date": "2025-01-01T04:00:00",
            "date_unixtime": str(t), "from": "Chan", "from_id": "channel42", "text": text,
            **extra}


def test_album_collapses_to_one_post_with_all_ids(tmp_path):
    path = _desktop(tmp_path, [
        _msg(1, 100, "caption", photo="photos/a.jpg", photo_file_size=10),
        _msg(2, 100, "", photo="photos/b.jpg", photo_file_size=11),
        _msg(3, 100, "", photo="photos/c.jpg", photo_file_size=12),
        _msg(4, 100, "separate text"),
        {"id": 5, "type": "service", "date_unixtime": "101", "action": "pin_message"}])
    corpus = read_exports([path])
    assert corpus.messages == 5 and corpus.service == 1 and corpus.albums == 1
    assert [p.id for p in corpus.posts] == ["42:1", "42:4"]
    album = corpus.posts[0]
    assert album.text == "caption" and len(album.media) == 3
    assert album.source.message_ids == (1, 2, 3)
    assert album.source.path == str(path) and len(album.source.sha256) == 64


def test_a_forwarded_album_is_one_post_too(tmp_path):
    path = _desktop(tmp_path, [
        _msg(1, 100, "caption", photo="a.jpg", forwarded_from="Other"),
        _msg(2, 100, "", photo="b.jpg", forwarded_from="Other"),
        _msg(3, 100, "", photo="c.jpg")])
    posts = read_exports([path]).posts
    assert [p.source.message_ids for p in posts] == [(1, 2), (3,)]


def test_forwarded_from_is_resolved_through_the_registry(tmp_path):
    a = tmp_path / "a"
    b = tmp_path / "b"
    a.mkdir()
    b.mkdir()
    _desktop(a, [_msg(1, 10, "origin")], name="Source One", cid=7)
    _desktop(b, [_msg(1, 20, "origin", forwarded_from="Source One"),
                 _msg(2, 30, "x", forwarded_from="Nobody Known")], cid=8)
    corpus = read_exports([tmp_path])
    fwd = {p.id: p for p in corpus.posts}
    assert fwd["8:1"].forwarded_from_id == "7"
    assert fwd["8:2"].forwarded_from_id is None and corpus.unresolved == {"Nobody Known": 1}


def test_missing_unixtime_is_an_error_naming_the_file(tmp_path):
    msg = _msg(1, 0, "old")
    del msg["date_unixtime"]
    path = _desktop(tmp_path, [msg])
    with pytest.raises(ExportError, match=r"result\.json.*date_unixtime"):
        read_exports([path])


def test_not_an_export_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(ExportError, match="x.json"):
        read_exports([path])
    broken = tmp_path / "y.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ExportError, match="y.json"):
        read_exports([broken])


TELETHON = [
    {"_": "Message", "id": 10, "peer_id": {"_": "PeerChannel", "channel_id": 555},
     "date": "2025-03-02T10:00:00+00:00", "message": "Watch this report now",
     "entities": [{"_": "MessageEntityTextUrl", "offset": 0, "length": 5,
                   "url": "https://youtu.be/abcdefghijk"}],
     "fwd_from": {"_": "MessageFwdHeader", "from_id": {"_": "PeerChannel", "channel_id": 9},
                  "channel_post": 77, "date": "2025-03-02T09:00:00+00:00"},
     "media": {"_": "MessageMediaDocument", "document": {"id": 31, "size": 900,
               "mime_type": "video/mp4", "attributes": [{"_": "DocumentAttributeVideo",
                                                         "duration": 12}]}},
     "grouped_id": None, "post_author": "Admin"},
    {"_": "Message", "id": 11, "peer_id": {"_": "PeerChannel", "channel_id": 555},
     "date": "2025-03-02 10:05:00", "message": "Album 👉 https://ex.org/a",
     "media": {"_": "MessageMediaPhoto", "photo": {"id": 1}}, "grouped_id": 5},
    {"_": "Message", "id": 12, "peer_id": {"_": "PeerChannel", "channel_id": 555},
     "date": "2025-03-02 10:05:00", "message": "",
     "media": {"_": "MessageMediaPhoto", "photo": {"id": 2}}, "grouped_id": 5},
    {"_": "MessageService", "id": 13, "peer_id": {"_": "PeerChannel", "channel_id": 555},
     "date": "2025-03-02 10:06:00", "action": {"_": "MessageActionPinMessage"}},
]


@pytest.mark.parametrize("shape", ["json", "jsonl"])
def test_telethon_dicts(tmp_path, shape, foreign_tz):
    path = tmp_path / f"msgs.{shape}"
    if shape == "json":
        path.write_text(json.dumps(TELETHON), encoding="utf-8")
    else:
        path.write_text("\n".join(json.dumps(m) for m in TELETHON) + "\n", encoding="utf-8")
    corpus = read_exports([path])
    assert corpus.messages == 4 and corpus.service == 1
    first, album = corpus.posts
    assert first.time == 1740909600 and first.forwarded_post == "9:77"
    assert first.forwarded_from_id == "9" and first.author == "Admin"
    assert first.links == ("https://youtu.be/abcdefghijk",)
    assert first.media[0].key() == "doc:doc31" and first.media[0].duration == 12
    assert album.time == 1740909900 and album.source.message_ids == (11, 12)
    assert len(album.media) == 2 and album.links == ("https://ex.org/a",)


def test_posts_table_csv_and_jsonl(tmp_path):
    csv_path = tmp_path / "posts.csv"
    csv_path.write_text(
        "channel_id,post_id,timestamp,channel_name,text,links,forwarded_from_id,"
        "forwarded_post_id,media\n"
        "c1,1,2025-03-02T10:00:00Z,One,hello there,https://x.org/a?utm_source=t,,,h1\n"
        "c2,9,1740909601,Two,fwd,,c1,1,\n", encoding="utf-8")
    corpus = read_exports([csv_path])
    assert corpus.messages == 2 and corpus.files == [str(csv_path)]
    a, b = corpus.posts
    assert (a.id, a.time, a.links, a.media[0].key()) == ("c1:1", 1740909600,
                                                         ("https://x.org/a?utm_source=t",),
                                                         "doc:h1")
    assert b.forwarded_post == "c1:1" and b.source.message_ids == ("9",)
    jl = tmp_path / "posts.jsonl"
    jl.write_text(json.dumps({"channel_id": "c3", "post_id": 4, "timestamp":
                              "2025-03-02T14:00:00+04:00", "text": "t"}) + "\n", "utf-8")
    assert read_exports([jl]).posts[0].time == 1740909600


def test_posts_table_rejects_a_naive_timestamp(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("channel_id,post_id,timestamp\nc,1,2025-03-02 10:00:00\n", "utf-8")
    with pytest.raises(ExportError, match=r"p\.csv: row 1: .*no offset"):
        read_exports([path])
