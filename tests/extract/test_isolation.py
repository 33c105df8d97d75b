"""A stage that raises on a document costs only its own output: the other stages go on,
the reason is kept, and the document is stored marked "extraction partial"."""
from __future__ import annotations

import dataclasses
import hashlib

import pytest

from actorgraph.extract.rules_en import pipeline
from actorgraph.model import CleanDocument, DocumentMeta, Extraction, LoadedDocument, Segment

TEXT = ("The Northern Shield Brigade was founded in 2014 by Karim Haddadi. On 3 March 2020 the "
        "Northern Shield Brigade attacked the town of Sinjar, killing 12 soldiers, the Iraqi "
        "Defence Ministry said. The brigade denied carrying out the attack, but witnesses said "
        "its fighters were seen in Sinjar. The group is allied with Kataib Hezbollah.\n")
OUTPUTS = ("sentences", "mentions", "relations", "events", "quantities", "foundings", "disputes")


def _clean() -> CleanDocument:
    loaded = LoadedDocument("t.txt", "text/plain", TEXT.encode(), TEXT,
                            DocumentMeta(published="2020-03-05"),
                            hashlib.sha256(TEXT.encode()).hexdigest())
    return CleanDocument(loaded, (Segment(0, len(TEXT), "body"),))


def _downstream(failed: pipeline.Stage) -> set[str]:
    """What the failed stage writes, and what any stage after it writes from that."""
    touched = set(failed.writes)
    names = [s.name for s in pipeline.STAGES]
    for stage in pipeline.STAGES[names.index(failed.name) + 1:]:
        if touched & set(stage.reads):
            touched |= set(stage.writes)
    return touched


def _breaking(monkeypatch, name: str) -> None:
    def boom(state: pipeline.State) -> None:
        raise AttributeError("'NoneType' object has no attribute 'i'")
    monkeypatch.setattr(pipeline, "STAGES", tuple(
        dataclasses.replace(s, func=boom) if s.name == name else s for s in pipeline.STAGES))


@pytest.fixture(scope="module")
def whole() -> Extraction:
    found = pipeline.extract(_clean())
    assert not found.problems and all(getattr(found, f) for f in OUTPUTS)
    return found


@pytest.mark.parametrize("stage", pipeline.STAGES, ids=[s.name for s in pipeline.STAGES])
def test_a_failing_stage_costs_only_its_own_output(stage, whole, monkeypatch):
    _breaking(monkeypatch, stage.name)
    clean = _clean()
    if stage.name == "parse":      # what a batch parse gives is not parsed again
        got = pipeline.extract(clean)
    else:
        got = pipeline.extract(clean, doc=pipeline.load_nlp()(clean.masked_text()))
    reason = f"stage {stage.name}: AttributeError: 'NoneType' object has no attribute 'i'"
    assert got.problems == [reason] and got.error == f"extraction partial: {reason}"
    touched = _downstream(stage)
    for name in OUTPUTS:
        if name not in touched:
            assert getattr(got, name) == getattr(whole, name), name
    for name in set(stage.writes) - set(stage.reads):
        if name in OUTPUTS:
            assert not getattr(got, name), name   # a stage that makes its output: none


def _with_attribute(monkeypatch, func) -> Extraction:
    with monkeypatch.context() as m:
        m.setattr(pipeline, "STAGES", tuple(
            dataclasses.replace(s, func=func) if s.name == "attribute" else s
            for s in pipeline.STAGES))
        return pipeline.extract(_clean())


def test_a_stage_that_amends_leaves_what_it_amends_as_it_was(monkeypatch):
    def half(state: pipeline.State) -> None:
        for e in state.events:
            e.actors = []
        state.relations.clear()
        raise ValueError("half-way")
    skipped = _with_attribute(monkeypatch, lambda state: None)
    got = _with_attribute(monkeypatch, half)
    assert got.problems == ["stage attribute: ValueError: half-way"]
    assert got.events and got.relations
    assert dataclasses.replace(got, problems=[]) == skipped


def test_a_partial_extraction_is_stored_and_marked(tmp_path, db_url, monkeypatch):
    from actorgraph.store.store import Store
    from actorgraph.workflow import ingest

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    _breaking(monkeypatch, "attribute")
    store = Store(db_url)
    report = ingest([str(tmp_path)], store)
    assert [r for _, r in report.failed] == [
        "extraction partial: stage attribute: AttributeError: 'NoneType' object has no "
        "attribute 'i'"]
    [doc] = store.documents()
    assert doc["extraction_error"].startswith("extraction partial: stage attribute")
    assert store.stats()["failed_extractions"] == 1
    assert {"Northern Shield Brigade", "Karim Haddadi"} <= {e.name for e in store.entities()}
    monkeypatch.undo()
    again = ingest([str(tmp_path)], store)
    assert again.ok and again.repaired and store.stats()["failed_extractions"] == 0
