"""The "auto" extractor sends each document to the extractor of its language."""
from dataclasses import dataclass

import pytest

from actorgraph.extract import registry
from actorgraph.extract.router import FALLBACK, ByLanguage, extractor_for
from actorgraph.model import CleanDocument, DocumentMeta, Extraction, LoadedDocument, Segment


@dataclass
class Tagger:
    """Reads nothing; says which extractor it is and how many documents it was given."""

    name: str
    version: str = "1"

    def __post_init__(self):
        self.batches: list[int] = []

    def extract(self, docs):
        docs = list(docs)
        self.batches.append(len(docs))
        for _ in docs:
            yield Extraction(extractor=self.name, extractor_version=self.version)


def _clean(text, language):
    doc = LoadedDocument(source=text, media_type="text/plain", original=text.encode(), text=text,
                         meta=DocumentMeta(language=language), sha256=text)
    return CleanDocument(doc=doc, segments=(Segment(0, len(text), "body"),))


@pytest.fixture
def two_languages(monkeypatch):
    tag_xx, tag_yy = Tagger("test-xx"), Tagger("test-yy")
    registry.register("test-xx", lambda: tag_xx)
    registry.register("test-yy", lambda: tag_yy)
    monkeypatch.setitem(registry.LANGUAGES, "xx", "test-xx")
    monkeypatch.setitem(registry.LANGUAGES, "yy", "test-yy")
    yield tag_xx, tag_yy
    registry.unregister("test-xx")
    registry.unregister("test-yy")


def test_documents_keep_their_order_and_each_is_read_by_its_language(two_languages):
    tag_xx, tag_yy = two_languages
    docs = [_clean("a", "xx"), _clean("b", "yy"), _clean("c", "xx"), _clean("d", "yy")]
    got = [e.extractor for e in ByLanguage().extract(docs)]
    assert got == ["test-xx", "test-yy", "test-xx", "test-yy"]
    assert tag_xx.batches == [2] and tag_yy.batches == [2]      # one batch per extractor


def test_a_language_without_its_own_extractor_falls_back(two_languages):
    assert extractor_for("zz") == FALLBACK
    assert extractor_for(None) == FALLBACK
    assert extractor_for("XX") == "test-xx"


def test_auto_is_the_default_and_every_mapped_extractor_exists():
    assert registry.DEFAULT == "auto"
    assert set(registry.LANGUAGES.values()) <= set(registry.names())
