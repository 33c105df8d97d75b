"""Failure isolation: a failure injected into any stage of one document's way through
the workflow costs that document (or that stage) only; the rest of the batch is stored."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from actorgraph import parallel, workflow
from actorgraph.cli.main import cli
from actorgraph.store.store import Store

from .test_workflow import Brittle

TEXTS = {"a.txt": "Alpha met the press.", "b.txt": "Bravo said BOOM.", "c.txt": "Charlie left."}


@pytest.fixture()
def corpus(tmp_path):
    from actorgraph.extract import registry
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    registry.register("brittle", Brittle)
    yield folder
    registry.unregister("brittle")


def _on_b(real):
    """`real`, except that it raises for anything about b.txt (or Bravo's text)."""
    def wrapper(*args, **kwargs):
        if any("b.txt" in str(a) or "BOOM" in str(getattr(a, "text", "")) for a in args):
            raise RuntimeError("injected")
        return real(*args, **kwargs)
    return wrapper


def _names(paths) -> list[str]:
    return sorted(str(p).rsplit("/", 1)[-1] for p in paths)


@pytest.mark.parametrize("stage", ["load", "language", "clean"])
def test_a_failing_load_language_or_clean_costs_one_document(corpus, db_url, monkeypatch,
                                                            stage):
    real = {"load": parallel.load_source, "language": parallel.with_language,
            "clean": parallel.clean}[stage]
    monkeypatch.setattr(parallel, {"load": "load_source", "language": "with_language",
                                   "clean": "clean"}[stage], _on_b(real))
    monkeypatch.setattr(Brittle, "trips_on", None)
    store = Store(db_url)
    report = workflow.ingest([str(corpus)], store, extractor="brittle")
    docs = {d["source"].rsplit("/", 1)[-1]: d for d in store.documents()}
    assert _names(report.added) == ["a.txt", "c.txt"]
    assert sorted(e.name for e in store.entities()) == ["Alpha", "Bravo", "Charlie"][
        :: 2 if stage == "load" else 1]
    if stage == "load":     # nothing to store: reported by name
        assert sorted(docs) == ["a.txt", "c.txt"]
        assert report.failed == [(str(corpus / "b.txt"), "load failed: RuntimeError: injected")]
    else:                   # stored, its text whole, read, and marked partial
        assert docs["b.txt"]["extraction_error"] == (f"extraction partial: stage {stage}: "
                                                      "RuntimeError: injected")
        assert store.document_text(docs["b.txt"]["id"]) == TEXTS["b.txt"]
        assert _names(s for s, _ in report.failed) == ["b.txt"]


def test_a_failing_extraction_costs_one_document(corpus, db_url):
    store = Store(db_url)
    report = workflow.ingest([str(corpus)], store, extractor="brittle")
    assert _names(report.added) == ["a.txt", "c.txt"] and _names(s for s, _ in report.failed) \
        == ["b.txt"]
    assert len(store.documents()) == 3 and store.stats()["failed_extractions"] == 1


def test_a_failing_store_costs_one_document(corpus, db_url, monkeypatch):
    monkeypatch.setattr(Brittle, "trips_on", None)
    monkeypatch.setattr(Store, "add_document", _on_b(Store.add_document))
    store = Store(db_url)
    report = workflow.ingest([str(corpus)], store, extractor="brittle")
    assert _names(report.added) == ["a.txt", "c.txt"]
    assert report.failed == [(str(corpus / "b.txt"), "store failed: RuntimeError: injected")]
    assert _names(d["source"] for d in store.documents()) == ["a.txt", "c.txt"]
    assert sorted(e.name for e in store.entities()) == ["Alpha", "Charlie"]


@pytest.mark.parametrize("stage", ["plan_resolution", "plan_facts"])
def test_a_failing_resolution_or_facts_keeps_every_document(corpus, db_url, monkeypatch,
                                                           stage):
    monkeypatch.setattr(Brittle, "trips_on", None)

    def broken(store, *args):
        raise RuntimeError("injected")
    monkeypatch.setattr(workflow, stage, broken)
    store = Store(db_url)
    report = workflow.ingest([str(corpus)], store, extractor="brittle")
    assert _names(report.added) == ["a.txt", "b.txt", "c.txt"]
    [(source, reason)] = report.failed
    assert source == workflow.RESOLUTION and "RuntimeError: injected" in reason
    assert len(store.documents()) == 3 and store.is_stale()
    monkeypatch.undo()
    again = workflow.ingest([str(corpus)], store, extractor="brittle")   # repairs it
    assert again.ok and not store.is_stale() and len(store.entities()) == 3


def test_the_cli_exits_1_with_a_line_per_failed_file(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "clean", _on_b(parallel.clean))
    monkeypatch.setattr(workflow.registry, "get", lambda name: Brittle())
    monkeypatch.setattr(Brittle, "trips_on", None)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 1
    assert f"error: {corpus / 'b.txt'}: extraction partial: stage clean" in result.output
    assert "2 added, 0 new versions, 0 unchanged, 1 failed" in result.output


def _busy_on(word: str, monkeypatch) -> None:
    """The test extractor spends up to 5 s of CPU (what the budget counts) on a text with
    `word` before it reads it, and the budget does not grow with the text."""
    import time

    def slow(self, docs):
        for doc in docs:
            start = time.process_time()
            while word in doc.text and time.process_time() - start < 5:
                pass
        yield from original(self, docs)
    original = Brittle.extract
    monkeypatch.setattr(Brittle, "trips_on", None)
    monkeypatch.setattr(Brittle, "extract", slow)
    monkeypatch.setattr(parallel, "BUDGET_CHARS", 10**9)


def test_an_extraction_past_its_budget_is_marked_timed_out(corpus, db_url, monkeypatch):
    import time

    _busy_on("BOOM", monkeypatch)
    store = Store(db_url)
    clock = time.process_time()
    report = workflow.ingest([str(corpus)], store, extractor="brittle", budget=0.5)
    assert time.process_time() - clock < 4
    assert _names(report.added) == ["a.txt", "c.txt"]
    marks = {d["source"].rsplit("/", 1)[-1]: d["extraction_error"] for d in store.documents()}
    assert marks["b.txt"] == "extraction timed out: after 0.5 s of CPU time"
    assert marks["a.txt"] is None and marks["c.txt"] is None


def test_budget_grows_with_the_text():
    assert workflow.budget_for("x" * 6_000_000) == workflow.BUDGET + 1200
    assert workflow.budget_for("x", 0) == 0


def test_a_rule_stage_failing_on_one_sentence_skips_that_sentence_only(monkeypatch):
    import dataclasses

    from actorgraph.chunking import Chunked
    from actorgraph.extract.rules_en import RulesEnglish, pipeline

    from .extract.test_isolation import TEXT, _clean
    whole = next(Chunked(RulesEnglish()).extract([_clean()]))
    real = next(s for s in pipeline.STAGES if s.name == "relate").func

    def brittle(state: pipeline.State) -> None:
        if "witnesses" in state.clean.masked_text():
            raise AttributeError("'NoneType' object has no attribute 'i'")
        real(state)
    monkeypatch.setattr(pipeline, "STAGES", tuple(
        dataclasses.replace(s, func=brittle) if s.name == "relate" else s
        for s in pipeline.STAGES))
    got = next(Chunked(RulesEnglish()).extract([_clean()]))
    start = TEXT.index("The brigade denied")
    assert got.problems == [f"sentence 3 (characters {start}-{TEXT.index(' The group')}) "
                            "skipped: stage relate: AttributeError: 'NoneType' object has no "
                            "attribute 'i'"]
    assert got.relations and {(r.subject, r.predicate, r.object) for r in got.relations} == {
        (r.subject, r.predicate, r.object) for r in whole.relations}
    assert not any(start <= m.start < TEXT.index(" The group") for m in got.mentions)


def test_no_guard_of_the_extractor_swallows_its_timeout(corpus, db_url, monkeypatch):
    import time

    def guarded(self, docs):
        for doc in docs:
            try:                    # as a rule stage guards its own bugs
                start = time.process_time()
                while "BOOM" in doc.text and time.process_time() - start < 5:
                    pass
            except Exception:       # noqa: BLE001 - what the test is about
                pass
            yield from original(self, [doc])
    original = Brittle.extract
    monkeypatch.setattr(Brittle, "trips_on", None)
    monkeypatch.setattr(Brittle, "extract", guarded)
    monkeypatch.setattr(parallel, "BUDGET_CHARS", 10**9)
    store = Store(db_url)
    clock = time.process_time()
    workflow.ingest([str(corpus)], store, extractor="brittle", budget=0.5)
    assert time.process_time() - clock < 4
    marks = {d["source"].rsplit("/", 1)[-1]: d["extraction_error"] for d in store.documents()}
    assert marks["b.txt"] == "extraction timed out: after 0.5 s of CPU time"


def test_a_long_document_out_of_time_in_a_late_piece_keeps_what_it_read(corpus, db_url,
                                                                       monkeypatch):
    """A document read in pieces that runs past its budget in its fourth piece is stored
    marked timed out, with what its first three pieces named and where reading stopped;
    the documents around it are stored as if nothing happened."""
    import functools
    import time

    from actorgraph import chunking

    _busy_on("LATE", monkeypatch)
    monkeypatch.setattr(parallel, "CHUNK", 60)
    monkeypatch.setattr(parallel, "Chunked", functools.partial(chunking.Chunked, size=60))
    lines = [f"Unit{i} left the town of Kalvar on Monday.\n\n" for i in range(8)]
    lines[3] = "Delta arrived LATE in the town of Kalvar.\n\n"
    text = "".join(lines)
    (corpus / "b.txt").write_text(text, encoding="utf-8")
    store = Store(db_url)
    clock = time.process_time()
    report = workflow.ingest([str(corpus)], store, extractor="brittle", budget=0.5)
    assert time.process_time() - clock < 4
    assert _names(report.added) == ["a.txt", "c.txt"]
    assert [name for name, _ in report.failed] == [str(corpus / "b.txt")]
    marks = {d["source"].rsplit("/", 1)[-1]: d["extraction_error"] for d in store.documents()}
    stop = text.index("Delta")
    assert marks["b.txt"] == (f"extraction timed out: after 0.5 s of CPU time at character "
                              f"{stop:,} of {len(text):,}: what was read before is kept, the "
                              "rest is stored, not read")
    assert marks["a.txt"] is None and marks["c.txt"] is None
    named = sorted(m.text for m in store.mentions() if m.doc_id == _doc_id(store, "b.txt"))
    assert named == ["Unit0", "Unit1", "Unit2"]


def _doc_id(store: Store, name: str) -> str:
    return next(d["id"] for d in store.documents() if d["source"].endswith(name))


class _Searching:
    """One mention per line; a stage that raises on any line saying BOOM the parser can
    read (hidden lines are furniture). Reading a text that says SLOW with some of its
    lines hidden (the search for the line it raised on), or one that says STUCK, takes
    5 s of CPU time."""

    name, version = "searching", "1"

    def extract(self, docs):
        import time

        from actorgraph.model import Extraction, Mention, Sentence
        for doc in docs:
            masked = doc.masked_text()
            if "STUCK" in doc.text or ("SLOW" in doc.text and masked != doc.text):
                start = time.process_time()
                while time.process_time() - start < 5:
                    pass
            out, start = Extraction(extractor=self.name, extractor_version=self.version), 0
            for line in doc.text.split("\n"):
                end = start + len(line)
                if masked[start:end].strip():
                    word = line.split()[0]
                    out.sentences.append(Sentence(len(out.sentences), start, end))
                    out.mentions.append(Mention(start=start, end=start + len(word), text=word,
                                                type="organization",
                                                sentence=len(out.sentences) - 1,
                                                key=f"organization:{word}", name=word))
                    if "BOOM" in line:
                        out.problems = ["stage relate: AttributeError: boom"]
                start = end + 1
            yield out


def test_out_of_time_while_finding_the_sentence_a_stage_raised_on(tmp_path, db_url,
                                                                 monkeypatch):
    """The search for the sentence a stage raised on reads a document again and again.
    Out of time meanwhile, the document keeps its first reading, marked partial with why;
    and the budget of the documents after it is theirs again: one that is stuck is still
    stopped (timed out), not read on without a limit."""
    import time

    from actorgraph.extract import registry
    registry.register("searching", _Searching)
    monkeypatch.setattr(parallel, "BUDGET_CHARS", 10**9)
    texts = {"1-boom.txt": "Alpha left.\nBravo said BOOM.\nCharlie SLOW.\nDelta came.",
             "2-plain.txt": "Echo met the press.", "3-stuck.txt": "Foxtrot is STUCK."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = Store(db_url)
    clock = time.process_time()
    try:
        report = workflow.ingest([str(tmp_path / n) for n in texts], store,
                                 extractor="searching", budget=0.5)
    finally:
        registry.unregister("searching")
    assert time.process_time() - clock < 4.5
    marks = {d["source"].rsplit("/", 1)[-1]: d["extraction_error"] for d in store.documents()}
    assert marks == {
        "1-boom.txt": "extraction partial: stage relate: AttributeError: boom; the sentence "
                      "it raised on was not found in time (after 0.5 s of CPU time)",
        "2-plain.txt": None, "3-stuck.txt": "extraction timed out: after 0.5 s of CPU time"}
    assert _names(report.added) == ["2-plain.txt"]        # the others are stored, marked
    assert _names(name for name, _ in report.failed) == ["1-boom.txt", "3-stuck.txt"]
    boom = _doc_id(store, "1-boom.txt")
    assert sorted(m.text for m in store.mentions() if m.doc_id == boom) == [
        "Alpha", "Bravo", "Charlie", "Delta"]
