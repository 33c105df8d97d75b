"""Property-based tests (hypothesis): no input makes a parser raise anything but the
project's own error (`IngestError`, `BundleError`, or the ValueError `iso_date` documents).

Text, HTML, PDF and sidecar readers, the STIX import, URLs and content types, search
queries, dates and quantities; each gets generated input near what it expects and far
from it.
"""
from __future__ import annotations

import io
import json
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actorgraph.ingest import IngestError
from actorgraph.ingest.fetch import charset_of, fetch_url, media_type
from actorgraph.ingest.html import decode_html, html_to_text
from actorgraph.ingest.meta import html_meta, iso_date, sidecar_meta
from actorgraph.ingest.pdf import pdf_to_text
from actorgraph.ingest.sources import is_url
from actorgraph.ingest.text import decode

FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
                    | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                    max_leaves=12)


# -- text ------------------------------------------------------------------------------

@FAST
@given(st.binary(max_size=3000) | st.text(max_size=1000).map(
    lambda t: t.encode("utf-8", "surrogatepass")))
def test_text_bytes_decode_or_are_refused_by_name(data):
    try:
        found = decode(data, "a.txt")
    except IngestError as err:
        assert err.source == "a.txt" and err.reason
    else:
        assert found.text.strip() and "\x00" not in found.text and "\r" not in found.text


@FAST
@given(st.text(max_size=400), st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1",
                                               "cp1252", "utf-8-sig"]))
def test_text_in_any_encoding_decodes_or_is_refused(text, codec):
    try:
        data = text.encode(codec)
    except UnicodeError:
        return
    try:
        decode(data, "a.txt")
    except IngestError:
        pass


# -- HTML ------------------------------------------------------------------------------

TAGS = st.sampled_from(["p", "div", "article", "table", "tr", "td", "ul", "li", "br", "h1",
                        "script", "style", "a", "b", "main", "nav", "!--", "![CDATA[",
                        "!DOCTYPE html", "?xml", "meta charset='x'", "html lang='en-GB'"])


@st.composite
def pages(draw):
    parts = draw(st.lists(st.one_of(
        TAGS.map(lambda t: f"<{t}>"), TAGS.map(lambda t: f"</{t}>"),
        st.text(max_size=80), st.sampled_from(["&amp;", "&#0;", "&#xFFFFFF;", "&lol;", "<",
                                               ">", "\x00", "The ministry said on Monday "
                                               "that the council had met in the capital."])),
        max_size=60))
    return "".join(parts)


@SLOW
@given(pages(), st.sampled_from([None, "utf-8", "latin-1", "x-nonsense", "utf-16"]))
def test_html_reads_or_is_refused_by_name(page, charset):
    try:
        html = decode_html(page.encode("utf-8", "surrogatepass"), "p.html", declared=charset)
        html_meta(html.text)
        text = html_to_text(html.text, "p.html")
    except IngestError as err:
        assert err.source == "p.html"
    else:
        assert text.strip()


# -- PDF -------------------------------------------------------------------------------

def _pdf() -> bytes:
    from pypdf import PdfWriter
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


PDF = _pdf()


@SLOW
@given(st.lists(st.tuples(st.integers(0, len(PDF) - 1), st.integers(0, 255)), max_size=20),
       st.integers(0, len(PDF)))
def test_damaged_pdfs_are_refused_by_name(flips, cut):
    data = bytearray(PDF[:max(cut, 8)])
    for at, value in flips:
        if at < len(data):
            data[at] = value
    try:
        pdf_to_text(bytes(data), "r.pdf")
    except IngestError as err:
        assert err.source == "r.pdf"


@FAST
@given(st.binary(max_size=500))
def test_any_bytes_as_pdf_are_refused_by_name(data):
    try:
        pdf_to_text(b"%PDF-1.4\n" + data, "r.pdf")
    except IngestError:
        pass


# -- sidecars --------------------------------------------------------------------------

@FAST
@given(JSON | st.dictionaries(st.sampled_from(["title", "publisher", "author", "published",
                                               "url", "language", "notes"]), JSON))
def test_sidecars_read_or_are_refused_by_name(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("side")
    (folder / "a.meta.json").write_text(json.dumps(data), encoding="utf-8")
    try:
        meta = sidecar_meta(folder / "a.txt")
    except IngestError as err:
        assert err.source.endswith("a.meta.json")
    else:
        assert meta is not None
        if meta.published is not None:
            assert iso_date(meta.published) == meta.published


@FAST
@given(st.binary(max_size=200))
def test_sidecar_bytes_read_or_are_refused_by_name(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("side")
    (folder / "a.meta.json").write_bytes(data)
    try:
        sidecar_meta(folder / "a.txt")
    except IngestError:
        pass


# -- STIX import -----------------------------------------------------------------------

IDS = st.sampled_from(["threat-actor--11111111-1111-4111-8111-111111111111",
                       "identity--22222222-2222-4222-8222-222222222222",
                       "location--33333333-3333-4333-8333-333333333333"])
PROPS = st.sampled_from(["name", "aliases", "x_actorgraph_aliases", "x_opencti_aliases",
                         "x_actorgraph_value", "date", "actor_refs", "object_refs",
                         "source_ref", "target_ref", "x_actorgraph_claim_kind",
                         "x_actorgraph_qualifier", "x_actorgraph_attributed_to",
                         "identity_class", "x_actorgraph_type", "sectors", "extensions",
                         "relationship_type", "event_type", "description", "content"])


@st.composite
def bundles(draw):
    stamp = "2024-01-01T00:00:00.000Z"
    objects = []
    for i, kind in enumerate(draw(st.lists(st.sampled_from(
            ["threat-actor", "identity", "location", "relationship", "note",
             "x-actorgraph-event", "report"]), max_size=6))):
        o = {"type": kind, "spec_version": "2.1", "created": stamp, "modified": stamp,
             "id": f"{kind}--00000000-0000-4000-8000-{i:012d}", "name": f"Name {i}"}
        o.update(draw(st.dictionaries(PROPS, JSON | IDS | st.lists(IDS, max_size=2),
                                      max_size=4)))
        objects.append(o)
    return json.dumps({"type": "bundle", "id": "bundle--44444444-4444-4444-8444-444444444444",
                       "objects": objects}).encode()


@SLOW
@given(bundles() | st.binary(max_size=300) | JSON.map(lambda v: json.dumps(v).encode()))
def test_stix_bundles_import_or_are_refused_by_name(raw):
    from actorgraph.imports.stix import BundleError, read_bundle, render
    try:
        objects = read_bundle(raw)
    except BundleError:
        return
    render(objects)     # what passed the checks renders without error


# -- URLs and content types ------------------------------------------------------------

@FAST
@given(st.text(max_size=60), st.sampled_from(["http://", "https://", "ftp://", "", "HTTP://",
                                              "javascript:", "file:///"]))
def test_urls_are_fetched_or_refused_by_name(rest, scheme):
    import urllib.error
    url = scheme + rest
    assert is_url(url) == url.lower().startswith(("http://", "https://"))
    with mock.patch("urllib.request.urlopen",
                    side_effect=urllib.error.URLError("no network in tests")):
        try:
            fetch_url(url)
        except IngestError as err:
            assert err.source == url


@FAST
@given(st.text(max_size=80))
def test_content_types_parse(value):
    assert isinstance(media_type(value), str)
    assert charset_of(value) is None or isinstance(charset_of(value), str)


# -- search queries --------------------------------------------------------------------

@pytest.fixture(scope="module")
def searchable(tmp_path_factory):
    """A store with one document, its search index built."""
    from actorgraph.model import CleanDocument, DocumentMeta, Extraction, LoadedDocument
    from actorgraph.store.store import Store
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('search') / 's.db'}")
    text = "The council met in the capital on Monday; its spokesman said NEAR nothing."
    doc = LoadedDocument("a.txt", "text/plain", text.encode(), text, DocumentMeta(), "a" * 64)
    store.add_document(doc, CleanDocument(doc, ()), Extraction())
    return store


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60) | st.sampled_from(['"', "NEAR(", "*", "a OR", "-x", "^", "NOT",
                                               "col:word", '"unterminated', "(((", "AND AND",
                                               "council*", "council", "\x00"]))
def test_search_queries_never_raise(searchable, query):
    from actorgraph.store.search import search_documents
    total, hits = search_documents(searchable.engine, query)
    assert total >= len(hits) >= 0
    if query in ("council", "council*"):
        assert total == 1


# -- dates and quantities --------------------------------------------------------------

@FAST
@given(st.text(max_size=30) | st.from_regex(r"\d{1,5}(-\d{1,3}){0,3}", fullmatch=True))
def test_iso_dates_are_checked_with_a_clear_error(text):
    try:
        assert iso_date(text) == text.strip()
    except ValueError as err:
        assert "not an ISO date" in str(err)


@FAST
@given(st.text(max_size=200) | st.lists(st.sampled_from(
    ["on", "3", "May", "2024", "last", "week", "Monday", "31", "February", "the", "1990s",
     "ago", "years", "two", "-", "/", "since", "early", "mid-", "0", "99999"]), max_size=12)
    .map(" ".join), st.none() | st.text(max_size=12))
def test_date_expressions_never_raise(text, published):
    from actorgraph.extract.rules_en.claims.dates import find_expressions, parse_published
    from actorgraph.facts.dates import dates_agree
    find_expressions(text)
    parse_published(published)
    assert isinstance(dates_agree(published, text[:10] or None), bool)


@FAST
@given(st.lists(st.text(max_size=12) | st.sampled_from(
    ["one", "hundred", "thousand", "million", "and", "a", "half", "dozen", "1,000", "2.5",
     "1e308", "-", "twenty-one", "0", "billion", "billion", "scores"]), max_size=8))
def test_number_words_never_raise(words):
    from actorgraph.extract.rules_en.claims.numbers import parse_number
    value = parse_number(words)
    assert value is None or isinstance(value, (int, float))
