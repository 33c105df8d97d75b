"""Encodings are detected and named; undecodable bytes never become evidence; NUL bytes,
symlink loops, unreadable files and hostile HTML give clear errors or clean handling."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from actorgraph.ingest import IngestError, iter_sources, load_source
from actorgraph.ingest.text import decode
from actorgraph.model import Extraction, QuantityFact, Sentence
from actorgraph.workflow import without_undecodable

RU = "Министерство обороны сообщило в понедельник о трёх погибших в Ереване."
EN = "The ministry said on Monday that three people were killed near the border."


def test_utf8_needs_no_warning():
    for data in (EN.encode(), b"\xef\xbb\xbf" + EN.encode()):
        found = decode(data, "a.txt")
        assert (found.text, found.encoding, found.warnings) == (EN, "utf-8", ())


@pytest.mark.parametrize("codec, name", [("utf-16", "utf-16"), ("utf-32", "utf-32")])
def test_a_byte_order_mark_names_the_encoding(codec, name):
    found = decode(EN.encode(codec), "a.txt")
    assert found.text == EN and found.encoding == name
    assert found.warnings == (f"decoded as {name.upper()} (byte order mark), not UTF-8",)


def test_cp1251_is_detected_and_named():
    found = decode(RU.encode("cp1251"), "a.txt")
    assert found.text == RU and found.encoding == "cp1251"
    assert found.warnings == ("decoded as cp1251 (detected), not UTF-8",)


def test_damaged_utf8_keeps_its_text_and_marks_the_bad_bytes():
    data = RU.encode()[:40] + b"\xff" + RU.encode()[40:]
    found = decode(data, "a.txt")
    assert found.encoding == "utf-8" and found.text.count("\ufffd") == 1
    assert found.text.replace("\ufffd", "") == RU
    assert "1 undecodable byte in UTF-8 text replaced by U+FFFD" in found.warnings[0]


def test_a_nul_byte_anywhere_is_refused():
    data = EN.encode() * 2000 + b"\x00" + EN.encode()
    with pytest.raises(IngestError, match=r"binary file, not text \(a NUL byte at offset 148000\)"):
        decode(data, "a.txt")


def test_sentences_with_undecodable_bytes_give_no_facts():
    text = "Three were killed. Four were \ufffd killed."
    ex = Extraction(sentences=[Sentence(0, 0, 18), Sentence(1, 19, len(text))],
                    quantities=[QuantityFact(3, "people", 0, 0, 5, "Three"),
                                QuantityFact(4, "people", 1, 19, 23, "Four")])
    assert [q.value for q in without_undecodable(ex, text).quantities] == [3]


def test_the_encoding_is_stored_and_exported(tmp_path, db_url):
    from actorgraph.export.json_export import build
    from actorgraph.store.store import Store
    from actorgraph.workflow import ingest
    (tmp_path / "ru.txt").write_bytes(RU.encode("cp1251"))
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    store = Store(db_url)
    report = ingest([str(tmp_path)], store)
    assert report.warnings == [(str(tmp_path / "ru.txt"),
                                "decoded as cp1251 (detected), not UTF-8")]
    encodings = {Path(d["source"]).name: d["encoding"] for d in store.documents()}
    assert encodings == {"ru.txt": "cp1251", "en.txt": "utf-8"}
    exported = {Path(d["source"]).name: d.get("encoding") for d in build(store)["documents"]}
    assert exported == {"ru.txt": "cp1251", "en.txt": None}


def test_a_page_declaring_its_charset_names_it(tmp_path):
    page = (f'<html><head><meta charset="windows-1251"></head><body><article><p>{RU}</p>'
            f"<p>{RU}</p></article></body></html>")
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("cp1251"))
    doc = load_source(str(path))
    assert RU in doc.text and doc.encoding == "cp1251"
    assert doc.warnings == ("decoded as cp1251 (declared by the page), not UTF-8",)


def test_a_symlink_loop_ends(tmp_path):
    (tmp_path / "a.txt").write_text(EN)
    os.symlink(tmp_path, tmp_path / "loop")
    assert list(iter_sources([str(tmp_path)])) == [str(tmp_path / "a.txt")]


def test_an_unreadable_file_is_named(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(EN)

    def refuse(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(IngestError, match="a.txt: cannot read file: Permission denied"):
        load_source(str(path))


@pytest.mark.parametrize("page", [
    "<html><body>" + "<div>" * 50_000 + "<p>" + EN + "</p>" + "</div>" * 50_000 + "</body></html>",
    '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
    '&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;'
    '&c;&c;&c;&c;&c;&c;">]><html><body><p>' + EN + " &d;&d;&d;&d;</p></body></html>",
    "<html><body><p>" + EN + "</p><p>" + "&amp;" * 200_000 + "</p></body></html>",
])
def test_hostile_html_is_read_or_refused_by_name(tmp_path, page):
    path = tmp_path / "hostile.html"
    path.write_text(page)
    try:
        doc = load_source(str(path))
    except IngestError as err:
        assert str(err).startswith(f"{path}: ")
    else:
        assert "aaaaaaaaaa" * 100 not in doc.text     # no entity was expanded
