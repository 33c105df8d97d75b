"""The contract every registered extractor keeps, checked on the example corpus.

Whatever reads the text (rules for one language, a model, an LLM), resolution, facts,
store and web rely on the same things: one extraction per document in order, offsets
that point into the document's text, facts that refer to mention keys of the same
document and sentences that exist, and only the ontology's terms.
"""
from __future__ import annotations

import pytest

from actorgraph import ontology
from actorgraph.extract import registry
from actorgraph.extract.base import Extractor
from actorgraph.extract.router import ByLanguage, extractor_for
from actorgraph.ingest import clean, iter_sources, load_source
from actorgraph.model import DocumentMeta, Extraction

from ..conftest import EXAMPLES


@pytest.fixture(scope="module")
def documents():
    sources = [s for s in iter_sources([str(EXAMPLES)])]
    return [clean(load_source(s, DocumentMeta())) for s in sources]


@pytest.fixture(scope="module", params=registry.names())
def extracted(request, documents) -> tuple[Extractor, list[Extraction]]:
    extractor = registry.get(request.param)
    return extractor, list(extractor.extract(documents))


def test_every_extractor_is_one(extracted):
    extractor, _ = extracted
    assert isinstance(extractor, Extractor)
    assert extractor.name in registry.names() and extractor.version


def test_one_extraction_per_document_in_order(extracted, documents):
    extractor, out = extracted
    assert len(out) == len(documents)
    alone = list(extractor.extract([documents[1]]))
    assert len(alone) == 1 and alone[0].mentions == out[1].mentions   # batching changes nothing
    for doc, x in zip(documents, out):
        if isinstance(extractor, ByLanguage):       # names the extractor that really read it
            reader = registry.get(extractor_for(doc.doc.meta.language))
        else:
            reader = extractor
        assert (x.extractor, x.extractor_version) == (reader.name, reader.version)


def test_offsets_point_into_the_text(extracted, documents):
    _, out = extracted
    for cleaned, x in zip(documents, out):
        text = cleaned.text
        assert x.sentences and [s.index for s in x.sentences] == list(range(len(x.sentences)))
        for s in x.sentences:
            assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end].strip()
        for m in x.mentions:
            assert 0 <= m.start <= m.end <= len(text)
            assert 0 <= m.sentence < len(x.sentences)
            if m.role != "implied":
                assert text[m.start:m.end] == m.text, (cleaned.doc.source, m)
        for e in x.events:
            assert text[e.trigger_start:e.trigger_end] == e.trigger
        for q in x.quantities:
            assert text[q.start:q.end] == q.text


def test_facts_refer_to_this_documents_mentions_and_sentences(extracted):
    _, out = extracted
    for x in out:
        keys = {m.key for m in x.mentions}
        assert all(m.key for m in x.mentions)
        n = len(x.sentences)
        for r in x.relations:
            assert {r.subject, r.object} <= keys and 0 <= r.sentence < n
        for e in x.events:
            assert set(e.actors) | set(e.targets) <= keys and 0 <= e.sentence < n
            assert e.location is None or e.location in keys
        for q in x.quantities:
            assert (q.subject is None or q.subject in keys) and 0 <= q.sentence < n
        for f in x.foundings:
            assert f.subject in keys and 0 <= f.sentence < n
        for d in x.disputes:
            assert 0 <= d.sentence < n and 0 <= d.disputed < n


def test_only_the_ontologys_terms(extracted):
    _, out = extracted
    types = {t.name for t in ontology.entity_types()}
    modalities = set(ontology.modalities())
    for x in out:
        for m in x.mentions:
            assert m.type in types
            assert m.kind is None or ontology.kind(m.type, m.kind) is not None, m
        for r in x.relations:
            assert ontology.predicate(r.predicate) is not None, r.predicate
        assert {e.type for e in x.events} <= {t.name for t in ontology.event_types()}
        claims = [*x.relations, *x.events, *x.quantities, *x.foundings]
        assert {c.attribution.modality for c in claims} <= modalities
