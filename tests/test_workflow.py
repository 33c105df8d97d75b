"""The workflow sequences the stages; one document the extractor fails on costs nothing else."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from actorgraph.extract import registry
from actorgraph.model import CleanDocument, Extraction, Mention, Sentence
from actorgraph.store.store import Store
from actorgraph.workflow import ingest


class Brittle:
    """Names the first capitalised word of each line; trips over any text saying BOOM."""

    name = "brittle"
    version = "1"

    def extract(self, docs: Iterable[CleanDocument]) -> Iterator[Extraction]:
        for doc in docs:
            if "BOOM" in doc.text:
                raise AttributeError("'NoneType' object has no attribute 'i'")
            word = doc.text.split()[0]
            yield Extraction(
                sentences=[Sentence(0, 0, len(doc.text.rstrip()))],
                mentions=[Mention(start=0, end=len(word), text=word, type="organization",
                                  sentence=0, key=f"organization:{word}", name=word)],
                extractor=self.name, extractor_version=self.version)


@pytest.fixture()
def brittle():
    registry.register("brittle", Brittle)
    yield "brittle"
    registry.unregister("brittle")


def test_a_failing_document_costs_nothing_else(tmp_path, db_url, brittle):
    for i, text in enumerate(["Alpha met the press.", "Bravo said BOOM.", "Charlie left."]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    store = Store(db_url)
    report = ingest([str(tmp_path)], store, extractor=brittle)
    assert [s.rsplit("/", 1)[-1] for s, _ in report.failed] == ["1.txt"]
    assert "AttributeError" in report.failed[0][1] and not report.ok
    assert sorted(s.rsplit("/", 1)[-1] for s in report.added) == ["0.txt", "2.txt"]
    stored = store.documents()
    assert len(stored) == 2 and {d["extractor"] for d in stored} == {"brittle"}
    assert sorted(e.name for e in store.entities()) == ["Alpha", "Charlie"]


def test_an_unknown_extractor_is_named(db_url):
    with pytest.raises(registry.UnknownExtractor, match="nosuch.*rules-en"):
        ingest([], Store(db_url), extractor="nosuch")
