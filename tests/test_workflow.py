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


def _export(store: Store) -> str:
    from actorgraph.export.json_export import dumps
    return dumps(store)


def test_a_run_killed_while_resolving_is_repaired_by_the_next(tmp_path, monkeypatch):
    from actorgraph import workflow

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The Northern Shield Brigade is led by Karim Haddadi. "
                                  "Haddadi founded the group in 2014.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Karim Haddadi, the leader of the Northern Shield Brigade, "
                                  "was arrested in Erbil in 2020.\n", encoding="utf-8")
    clean = Store(f"sqlite:///{tmp_path / 'clean.db'}")
    ingest([str(corpus)], clean)
    assert not clean.is_stale()

    def killed(store):
        raise KeyboardInterrupt   # as a kill between resolution and facts would leave it

    broken = Store(f"sqlite:///{tmp_path / 'broken.db'}")
    with monkeypatch.context() as m:
        m.setattr(workflow, "build_facts", killed)
        with pytest.raises(KeyboardInterrupt):
            ingest([str(corpus)], broken)
    assert broken.is_stale() and _export(broken) != _export(clean)
    again = ingest([str(corpus)], broken)
    assert len(again.unchanged) == 2 and not again.added
    assert not broken.is_stale() and _export(broken) == _export(clean)


def test_a_judgement_marks_the_store_stale_until_it_is_applied(db_url):
    from actorgraph.store import judgements
    from actorgraph.workflow import refresh

    store = Store(db_url)
    assert not store.is_stale()
    judgements.record(store, "same", "Alpha", "Bravo")
    assert store.is_stale()
    refresh(store)
    assert not store.is_stale()
