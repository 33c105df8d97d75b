"""Loading files of every supported format, their metadata, and the ways they fail."""
from __future__ import annotations

import hashlib
import io
import json
import random
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from actorgraph.ingest import IngestError, iter_sources, load_source
from actorgraph.ingest.meta import html_meta, sidecar_meta
from actorgraph.ingest.pdf import pdf_to_text
from actorgraph.ingest.text import decode_text
from actorgraph.model import DocumentMeta

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Proxy networks in the Caucasus | Example Institute</title>
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Example Institute">
<meta property="article:published_time" content="2023-12-15T10:00:00Z">
<link rel="canonical" href="https://example.org/proxy-networks">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/research">Research</a></li>
<li><a href="/donate">Donate</a></li></ul></nav></header>
<div class="share-buttons"><a href="/s">Share this</a> <a href="/t">Tweet</a></div>
<article>
<h1>Proxy networks in the Caucasus</h1>
<p>The Islamic Resistance Movement of Azerbaijan was founded in 2015 by Tawhid Ibrahim Begli,
a cleric based in Qom, according to statements published by the group.</p>
<p>Quds Force commander Qassem Soleimani oversaw the group's creation, and the movement has
since recruited fighters among Azerbaijani students in Iran.</p>
<p>The group runs more than a hundred channels on Telegram, YouTube and TikTok, which spread
its ideology to Azerbaijani speakers on both sides of the border.</p>
</article>
<footer><p>Copyright 2023 Example Institute. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[str | None]) -> bytes:
    """A minimal valid PDF; each page shows its lines in Helvetica, None draws a line only."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [{}] /Count {} >>".format(
            " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))), len(pages)),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, text in enumerate(pages):
        if text is None:
            stream = "72 720 m 300 720 l S"
        else:
            shown = " ".join(f"({_pdf_string(line)}) Tj T*" for line in text.split("\n"))
            stream = f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{off:010d} 00000 n \n" for off in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return out


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


def reason(excinfo: pytest.ExceptionInfo[IngestError]) -> str:
    return excinfo.value.reason


# --- plain text and markdown -------------------------------------------------------------

def test_txt_is_kept_verbatim_except_line_ends(tmp_path: Path) -> None:
    raw = "Begli’s group — the Husseiniyyun —\r\nclaimed 100 channels.\r\n\r\nSecond  para.\rEnd"
    source = write(tmp_path, "a.txt", raw)
    doc = load_source(source)
    expected = "Begli’s group — the Husseiniyyun —\nclaimed 100 channels.\n\nSecond  para.\nEnd"
    assert doc.text == expected
    assert doc.media_type == "text/plain"
    assert doc.original == raw.encode("utf-8")
    assert doc.source == source
    assert doc.sha256 == hashlib.sha256(expected.encode("utf-8")).hexdigest()


def test_hostile_markup_in_txt_stays_text(tmp_path: Path) -> None:
    raw = "Before <script>alert('x')</script> after &amp; <b>bold</b>\n"
    assert load_source(write(tmp_path, "h.txt", raw)).text == raw


def test_markdown_is_kept_as_is(tmp_path: Path) -> None:
    raw = "# Title\n\nThe **Husseiniyyun** operate [channels](https://t.me/x).\n\n- one\n- two\n"
    doc = load_source(write(tmp_path, "notes.markdown", raw))
    assert doc.text == raw
    assert doc.media_type == "text/markdown"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    doc = load_source(write(tmp_path, "bom.txt", b"\xef\xbb\xbfHello Baku\n"))
    assert doc.text == "Hello Baku\n"


def test_latin1_text_decodes(tmp_path: Path) -> None:
    text = ("Le président français a condamné l'attaque à Genève. "
            "Die Gruppe hat Büros in München und Zürich geöffnet, sagte der Sprecher.\n") * 3
    doc = load_source(write(tmp_path, "latin.txt", text.encode("latin-1")))
    assert doc.text == text


def test_cp1251_text_decodes(tmp_path: Path) -> None:
    text = ("Группировка Хусейниюн была основана в 2015 году в Куме. "
            "По данным источников, её руководители находятся в Иране и ведут "
            "пропаганду в социальных сетях против властей Азербайджана.\n") * 3
    doc = load_source(write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert doc.text == text


def test_utf16_with_bom_decodes(tmp_path: Path) -> None:
    text = "Hezbollah in Lebanon\n"
    doc = load_source(write(tmp_path, "u16.txt", text.encode("utf-16")))
    assert doc.text == text


# --- HTML ----------------------------------------------------------------------------------

def test_html_main_text_without_navigation_or_share(tmp_path: Path) -> None:
    doc = load_source(write(tmp_path, "page.html", ARTICLE_HTML))
    assert doc.media_type == "text/html"
    assert doc.original == ARTICLE_HTML.encode("utf-8")
    assert "founded in 2015 by Tawhid Ibrahim Begli" in doc.text
    assert "recruited fighters among Azerbaijani students" in doc.text
    for clutter in ("Share this", "Tweet", "Research", "Donate", "All rights reserved",
                    "Privacy policy"):
        assert clutter not in doc.text
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Proxy networks in the Caucasus"
    assert len(paragraphs) == 4
    assert doc.meta == DocumentMeta(
        title="Proxy networks in the Caucasus", publisher="Example Institute",
        author="Jane Roe", published="2023-12-15",
        url="https://example.org/proxy-networks", language="en")


def test_html_meta_does_not_guess_dates_from_text() -> None:
    html = ("<html><body><article><p>The group was founded in 2015 in Qom.</p></article>"
            "<footer>Copyright 2024 Sahel Monitor</footer></body></html>")
    assert html_meta(html).published is None
    assert html_meta("") == DocumentMeta()


@pytest.mark.parametrize("html", [
    "<html><body><nav><a href='/'>Home</a></nav><<<>>>",
    "<html><head><title>x</title></head><body><div><p></div><script>var a = 1;</script>",
    "   \n",
])
def test_broken_html_is_reported(tmp_path: Path, html: str) -> None:
    source = write(tmp_path, "broken.htm", html)
    with pytest.raises(IngestError) as excinfo:
        load_source(source)
    assert excinfo.value.source == source
    assert reason(excinfo).startswith(("no main text found in HTML", "empty file"))


def test_html_in_legacy_encoding_uses_meta_charset(tmp_path: Path) -> None:
    html = ARTICLE_HTML.replace('charset="utf-8"', 'charset="windows-1251"').replace(
        "Tawhid Ibrahim Begli", "Тавхид Ибрагим Бегли")
    doc = load_source(write(tmp_path, "ru.html", html.encode("cp1251")))
    assert "founded in 2015 by Тавхид Ибрагим Бегли" in doc.text


# --- PDF -----------------------------------------------------------------------------------

def test_pdf_text_layer_pages_joined_by_blank_line(tmp_path: Path) -> None:
    data = make_pdf(["Hezbollah fighters (2013) in Syria.\nSecond line.", None,
                     "Page three names the Husseiniyyun."])
    doc = load_source(write(tmp_path, "report.pdf", data))
    assert doc.media_type == "application/pdf"
    assert doc.original == data
    pages = doc.text.split("\n\n")
    assert len(pages) == 2
    assert "Hezbollah fighters (2013) in Syria." in pages[0]
    assert "Second line." in pages[0]
    assert "Husseiniyyun" in pages[1]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as excinfo:
        load_source(write(tmp_path, "scan.pdf", make_pdf([None, None])))
    assert reason(excinfo) == "PDF has no text layer (scanned?)"


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\ngarbage",
    make_pdf(["Some text"])[:60],
    b"%PDF-1.7\n" + random.Random(1).randbytes(2000),
])
def test_broken_pdf(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(IngestError) as excinfo:
        load_source(write(tmp_path, "broken.pdf", data))
    assert reason(excinfo).startswith(("broken PDF: ", "PDF has no text layer"))


@pytest.mark.parametrize("user_password, expected", [
    ("secret", None), ("", "Hezbollah text here."),
])
def test_encrypted_pdf(user_password: str, expected: str | None) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Hezbollah text here."]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    if expected is None:
        with pytest.raises(IngestError, match=r"encrypted PDF \(password required\)"):
            pdf_to_text(buffer.getvalue(), "locked.pdf")
    else:
        assert pdf_to_text(buffer.getvalue(), "open.pdf") == expected


def test_not_a_pdf(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as excinfo:
        pdf_to_text(b"just text pretending", "x.pdf")
    assert reason(excinfo).startswith("broken PDF: not a PDF")


# --- metadata ------------------------------------------------------------------------------

def test_sidecar_beats_html_meta_beats_overrides(tmp_path: Path) -> None:
    source = write(tmp_path, "page.html", ARTICLE_HTML)
    write(tmp_path, "page.meta.json", json.dumps({
        "title": "Sidecar title", "publisher": None, "author": "", "published": 2023,
        "note": "extra keys are ignored"}))
    overrides = DocumentMeta(title="Flag title", author="Flag Author", publisher="Flag Pub",
                             language="fr", url="https://flag.example")
    meta = load_source(source, overrides=overrides).meta
    assert meta.title == "Sidecar title"
    assert meta.published == "2023"
    assert meta.author == "Jane Roe"              # sidecar empty -> HTML
    assert meta.publisher == "Example Institute"  # sidecar null -> HTML
    assert meta.language == "en"                  # HTML beats the flag
    assert meta.url == "https://example.org/proxy-networks"


def test_overrides_fill_what_txt_and_sidecar_lack(tmp_path: Path) -> None:
    source = write(tmp_path, "sub/doc.txt", "Some text.\n")
    write(tmp_path, "sub/doc.meta.json", '{"publisher": "Middle East Institute", "language": "en"}')
    meta = load_source(source, overrides=DocumentMeta(publisher="Flag", author="A. Writer")).meta
    assert meta == DocumentMeta(publisher="Middle East Institute", author="A. Writer",
                                language="en")


def test_no_sidecar_gives_none(tmp_path: Path) -> None:
    assert sidecar_meta(write(tmp_path, "x.txt", "x")) is None


@pytest.mark.parametrize("content, problem", [
    ('{"title": "unterminated', "malformed JSON"),
    ('["a", "list"]', "JSON object"),
    ('{"title": ["not", "a", "string"]}', "'title' must be a string"),
])
def test_bad_sidecar_names_the_sidecar(tmp_path: Path, content: str, problem: str) -> None:
    source = write(tmp_path, "doc.txt", "Some text.\n")
    sidecar = write(tmp_path, "doc.meta.json", content)
    with pytest.raises(IngestError) as excinfo:
        load_source(source)
    assert excinfo.value.source == sidecar
    assert problem in reason(excinfo)
    assert str(excinfo.value).startswith(sidecar + ": ")


# --- refusals ------------------------------------------------------------------------------

def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as excinfo:
        load_source(write(tmp_path, "empty.txt", b""))
    assert reason(excinfo) == "empty file"


def test_binary_file(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(IngestError) as excinfo:
        load_source(write(tmp_path, "image.txt", data))
    assert reason(excinfo) == "binary file, not text"


def test_random_bytes_rejected(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(IngestError) as excinfo:
        load_source(write(tmp_path, "noise.md", data))
    assert reason(excinfo) in ("binary file, not text",
                               "undecodable text (no character encoding fits)")


def test_control_characters_without_nul_are_binary() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 20 + b"some text" * 10
    with pytest.raises(IngestError, match="binary file, not text"):
        decode_text(data, "x.txt")


def test_too_large_file(tmp_path: Path) -> None:
    source = write(tmp_path, "big.txt", "word " * 5000)
    with pytest.raises(IngestError) as excinfo:
        load_source(source, max_bytes=10_000)
    assert reason(excinfo) == "file too large (25 KB > 10 KB cap)"


def test_decode_text_cap_in_megabytes() -> None:
    with pytest.raises(IngestError, match=r"file too large \(2\.5 MB > 2 MB cap\)"):
        decode_text(b"a" * 2_500_000, "x.txt", max_bytes=2_000_000)


def test_missing_file_and_unsupported_type(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        load_source(str(tmp_path / "nope.txt"))
    with pytest.raises(IngestError, match=r"unsupported file type '\.docx'"):
        load_source(write(tmp_path, "report.docx", b"PK\x03\x04"))


def test_error_str_is_source_and_reason() -> None:
    error = IngestError("a/b.txt", "empty file")
    assert str(error) == "a/b.txt: empty file"
    assert (error.source, error.reason) == ("a/b.txt", "empty file")


# --- iter_sources --------------------------------------------------------------------------

def test_iter_sources_expands_folders_deterministically(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "a.meta.json", ".hidden.txt", "notes.docx", "z/c.HTML",
                 "z/d.pdf", ".git/e.txt", "y/f.htm", "y/g.markdown"):
        write(tmp_path, name, "x")
    root = str(tmp_path)
    found = list(iter_sources([root]))
    assert found == [str(tmp_path / n) for n in
                     ("a.md", "b.txt", "y/f.htm", "y/g.markdown", "z/c.HTML", "z/d.pdf")]
    missing = str(tmp_path / "missing.txt")
    explicit = [str(tmp_path / "notes.docx"), "https://example.org/a", missing,
                str(tmp_path / "a.meta.json"), str(tmp_path / "b.txt")]
    assert list(iter_sources(explicit + [root])) == [
        str(tmp_path / "notes.docx"), "https://example.org/a", missing,
        str(tmp_path / "b.txt"), str(tmp_path / "a.md"), str(tmp_path / "y/f.htm"),
        str(tmp_path / "y/g.markdown"), str(tmp_path / "z/c.HTML"), str(tmp_path / "z/d.pdf")]


@pytest.mark.parametrize("published", ["next Tuesday", "2024-13-45", "2023-02-30", "24-01-01", ""])
def test_a_sidecar_date_that_is_no_date_names_the_sidecar(tmp_path: Path, published: str) -> None:
    source = write(tmp_path, "doc.txt", "Some text.\n")
    sidecar = write(tmp_path, "doc.meta.json", json.dumps({"published": published or " x "}))
    with pytest.raises(IngestError) as excinfo:
        load_source(source)
    assert excinfo.value.source == sidecar
    assert "'published' is not an ISO date" in reason(excinfo)


@pytest.mark.parametrize("published", ["2023", "2023-12", "2024-02-29", 2021])
def test_iso_dates_and_their_prefixes_are_dates(tmp_path: Path, published) -> None:
    source = write(tmp_path, "doc.txt", "Some text.\n")
    write(tmp_path, "doc.meta.json", json.dumps({"published": published}))
    assert load_source(source).meta.published == str(published)
