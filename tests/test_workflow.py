"""The workflow sequences the stages; one document the extractor fails on costs nothing else."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from actorgraph.extract import registry
from actorgraph.model import CleanDocument, Extraction, Mention, Sentence
from actorgraph.store.store import Store
from actorgraph.workflow import ingest

from .dbs import new_db_url


class Brittle:
    """Names the first capitalised word of each line; trips over any text saying BOOM."""

    name = "brittle"
    version = "1"
    trips_on: str | None = "BOOM"     # None once the bug is fixed

    def extract(self, docs: Iterable[CleanDocument]) -> Iterator[Extraction]:
        for doc in docs:
            if self.trips_on and self.trips_on in doc.text:
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
    assert len(stored) == 3 and {d["extractor"] for d in stored} == {"brittle"}
    assert sorted(e.name for e in store.entities()) == ["Alpha", "Charlie"]


def test_a_failing_document_is_stored_and_marked(tmp_path, db_url, brittle):
    from actorgraph.export.json_export import build
    for i, text in enumerate(["Alpha met the press.", "Bravo said BOOM <b>.", "Charlie left."]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    store = Store(db_url)
    ingest([str(tmp_path)], store, extractor=brittle)
    marks = {d["source"].rsplit("/", 1)[-1]: d["extraction_error"] for d in store.documents()}
    assert marks == {"0.txt": None, "2.txt": None, "1.txt": "extraction failed: AttributeError: "
                     "'NoneType' object has no attribute 'i'"}
    failed = next(d for d in store.documents() if d["extraction_error"])
    assert store.document_text(failed["id"]) == "Bravo said BOOM <b>."
    assert store.stats()["failed_extractions"] == 1
    records = {d["id"]: d for d in build(store)["documents"]}
    assert records[failed["id"]]["extraction_error"].startswith("extraction failed: ")
    assert sum("extraction_error" in d for d in records.values()) == 1


def test_ingesting_again_repairs_a_failed_extraction(tmp_path, db_url, brittle, monkeypatch):
    (tmp_path / "a.txt").write_text("Bravo said BOOM.", encoding="utf-8")
    store = Store(db_url)
    assert not ingest([str(tmp_path)], store, extractor=brittle).ok
    again = ingest([str(tmp_path)], store, extractor=brittle)     # still broken: still marked
    assert not again.ok and not again.unchanged
    assert store.stats()["failed_extractions"] == 1 and store.stats()["mentions"] == 0
    monkeypatch.setattr(Brittle, "trips_on", None)
    fixed = ingest([str(tmp_path)], store, extractor=brittle)
    assert fixed.ok and [s.rsplit("/", 1)[-1] for s in fixed.repaired] == ["a.txt"]
    [doc] = store.documents(current_only=False)
    assert doc["extraction_error"] is None and doc["version"] == 1
    assert store.stats()["failed_extractions"] == 0
    assert [e.name for e in store.entities()] == ["Bravo"]
    assert ingest([str(tmp_path)], store, extractor=brittle).unchanged


def test_an_unknown_extractor_is_named(db_url):
    with pytest.raises(registry.UnknownExtractor, match="nosuch.*rules-en"):
        ingest([], Store(db_url), extractor="nosuch")


def _export(store: Store) -> str:
    from actorgraph.export.json_export import dumps
    return dumps(store)


def test_a_run_killed_while_resolving_is_repaired_by_the_next(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The Northern Shield Brigade is led by Karim Haddadi. "
                                  "Haddadi founded the group in 2014.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Karim Haddadi, the leader of the Northern Shield Brigade, "
                                  "was arrested in Erbil in 2020.\n", encoding="utf-8")
    clean = Store(new_db_url(tmp_path, 'clean.db'))
    ingest([str(corpus)], clean)
    assert not clean.is_stale()

    def killed(*args):
        raise KeyboardInterrupt   # as a kill while writing the resolution would leave it

    broken = Store(new_db_url(tmp_path, 'broken.db'))
    with monkeypatch.context() as m:
        m.setattr("actorgraph.store.facts.write_facts", killed)
        with pytest.raises(KeyboardInterrupt):
            ingest([str(corpus)], broken)
    assert broken.is_stale() and _export(broken) != _export(clean)
    # entities, facts and contradictions are written in one transaction: none of it stayed
    assert broken.stats()["entities"] == 0
    again = ingest([str(corpus)], broken)
    assert len(again.unchanged) == 2 and not again.added
    assert not broken.is_stale() and _export(broken) == _export(clean)


def test_a_write_while_resolving_is_not_lost_under_the_resolution(db_url, monkeypatch):
    """Another process's judgement stored while a refresh computes makes that refresh
    start again on what is stored now; if writes keep coming, the store stays stale."""
    from actorgraph import workflow
    from actorgraph.store import judgements

    store = Store(db_url)
    real = workflow.plan_facts
    calls = []

    def judged_meanwhile(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            judgements.record(Store(db_url), "same", "Alpha", "Bravo")
        return real(*args, **kwargs)

    monkeypatch.setattr(workflow, "plan_facts", judged_meanwhile)
    workflow.refresh(store)
    assert len(calls) == 2 and not store.is_stale()

    def always_judged(*args, **kwargs):
        judgements.record(Store(db_url), "unsure", "Alpha", "Bravo")
        return real(*args, **kwargs)

    monkeypatch.setattr(workflow, "plan_facts", always_judged)
    workflow.refresh(store)
    assert store.is_stale()


def test_a_judgement_marks_the_store_stale_until_it_is_applied(db_url):
    from actorgraph.store import judgements
    from actorgraph.workflow import refresh

    store = Store(db_url)
    assert not store.is_stale()
    judgements.record(store, "same", "Alpha", "Bravo")
    assert store.is_stale()
    refresh(store)
    assert not store.is_stale()


def test_the_web_shows_a_failed_extraction_escaped(tmp_path, db_url, brittle, monkeypatch):
    from tests.web.conftest import client_for

    def hostile(self, docs):
        raise ValueError("<script>alert(1)</script>")

    (tmp_path / "a.txt").write_text("Bravo said nothing.", encoding="utf-8")
    monkeypatch.setattr(Brittle, "extract", hostile)
    store = Store(db_url)
    ingest([str(tmp_path)], store, extractor=brittle)
    [doc] = store.documents()
    client = client_for(store)
    mark = "extraction failed: ValueError: &lt;script&gt;alert(1)&lt;/script&gt;"
    for page in ("/documents", f"/documents/{doc['id']}"):
        html = client.get(page).text
        assert mark in html and "<script>alert" not in html
    api = client.get(f"/api/documents/{doc['id']}").json()
    assert api["document"]["extraction_error"].startswith("extraction failed: ValueError")
