"""Reading documents (load, clean, language, extract) in batches, in this process or in worker
processes; the results come back in input order, so the store, written by the caller alone,
sees the same sequence whatever the number of workers.

Extraction of one document is a pure function of its text and metadata
(`extract.base`), so a batch read by a worker gives what it gives here: the export is the
same byte for byte with 1 or N workers. Each worker loads its own models once (on its
first batch); it opens the store only to skip documents already stored and fully
extracted, and never writes to it.
"""
from __future__ import annotations

import multiprocessing as mp
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice

from actorgraph.campaign import documents as posts
from actorgraph.campaign.records import ExportError
from actorgraph.chunking import CHUNK, Chunked, ExtractionTimeout, PieceProgress
from actorgraph.extract import registry
from actorgraph.extract.base import Extractor
from actorgraph.ingest import IngestError, clean, load_source, with_language
from actorgraph.model import CleanDocument, DocumentMeta, Extraction, LoadedDocument, Segment

BATCH = 16
BUDGET = 120.0            # seconds of extraction per document, before its length counts
# One more second for every so many characters: a few times what English extraction
# needs (~20,000 characters a second of CPU), so a long report on a busy machine is read
# whole, and a stuck one still stops in a time linear in its length.
BUDGET_CHARS = 5_000


@dataclass(frozen=True)
class Read:
    """What reading one source gave: its document, cleaned and extracted; or why not;
    or, with neither, that it is stored already (or repeats an earlier source)."""
    source: str
    document: tuple[LoadedDocument, CleanDocument, Extraction] | None = None
    failure: str | None = None
    sha256: str | None = None
    tlp: str | None = None      # a stored document's marking given again (it replaces the old)
    warnings: tuple[str, ...] = ()                   # the loader's (an encoding guessed ...)
    problems: list[str] = field(default_factory=list)   # stages before extraction that failed


def reason(err: BaseException) -> str:
    """How a failure is reported: its kind and its message."""
    return f"{type(err).__name__}: {err}"


@contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raise `ExtractionTimeout` in the code run inside once it has used `seconds` of CPU
    time (so a loaded machine does not time out what an idle one reads; POSIX, main
    thread: elsewhere no limit). Native code such as the tokenizer is interrupted when it
    returns to Python, which `model.blank_long_runs` keeps short."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ExtractionTimeout(f"after {seconds:.3g} s of CPU time")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def budget_for(text: str, per_document: float = BUDGET) -> float:
    """The seconds one document may take: `per_document`, and one more for every
    `BUDGET_CHARS` characters (a 6 MB text gets twenty more minutes)."""
    return per_document + len(text) / BUDGET_CHARS if per_document > 0 else 0


def extracted(extractor: Extractor, batch: list[tuple[LoadedDocument, CleanDocument]],
              budget: float = BUDGET) -> list[tuple[LoadedDocument, CleanDocument, Extraction]]:
    """The batch with its extractions. Where the extractor fails or runs out of time, the
    batch is read again one document at a time, so only the document it cannot read gets
    an empty extraction marked failed (or timed out): one document never costs the rest."""
    seconds = sum(budget_for(loaded.text, budget) for loaded, _ in batch)
    try:
        with _time_budget(seconds):
            extractions = list(extractor.extract([cleaned for _, cleaned in batch]))
    except (Exception, ExtractionTimeout) as err:  # noqa: BLE001 - recorded per document
        if len(batch) == 1:
            failed = Extraction(extractor=extractor.name, extractor_version=extractor.version,
                                problems=[str(err) if isinstance(err, ExtractionTimeout)
                                          else reason(err)], failed=True,
                                timed_out=isinstance(err, ExtractionTimeout))
            return [(batch[0][0], batch[0][1], failed)]
        return [done for item in batch for done in extracted(extractor, [item], budget)]
    return [(loaded, cleaned, extraction)
            for (loaded, cleaned), extraction in zip(batch, extractions, strict=True)]


def _runs(batch: list[tuple[LoadedDocument, CleanDocument]]
          ) -> Iterator[list[tuple[LoadedDocument, CleanDocument]]]:
    """The batch in order, a document long enough to be read in pieces on its own: it has
    a budget of its own, and a timeout costs no other document a second reading."""
    run: list[tuple[LoadedDocument, CleanDocument]] = []
    for item in batch:
        if len(item[0].text) > CHUNK:
            if run:
                yield run
            run = []
            yield [item]
        else:
            run.append(item)
    if run:
        yield run


def _prepared(loaded: LoadedDocument) -> tuple[LoadedDocument, CleanDocument, list[str]]:
    """A loaded document with its language and cleaned, and what failed on the way: one
    whose language detection or cleaning fails is kept (no language, no furniture marked)
    with the reason, so its text is still stored."""
    problems: list[str] = []
    try:
        loaded = with_language(loaded)
    except Exception as err:  # noqa: BLE001 - detection is a convenience
        problems.append(f"stage language: {reason(err)}")
    try:
        cleaned = clean(loaded)
    except Exception as err:  # noqa: BLE001 - uncleaned text is still text
        problems.append(f"stage clean: {reason(err)}")
        cleaned = CleanDocument(loaded, (Segment(0, len(loaded.text), "body"),))
    return loaded, cleaned, problems


def _loaded(source: str, overrides: DocumentMeta) -> Iterator[LoadedDocument]:
    """The documents of one source: a file or page, or each post of a channel export."""
    if posts.is_export_path(source):
        yield from posts.post_documents(source, overrides)
    else:
        yield load_source(source, overrides)


def read_batch(sources: list[str], overrides: DocumentMeta, extractor: str,
               is_stored: Callable[[str], bool], budget: float = BUDGET,
               on_piece: PieceProgress | None = None) -> list[Read]:
    """Read `sources` in order: load and clean each (a source whose content `is_stored`
    is skipped), then extract the loaded ones together. A source that cannot be loaded
    is a failure of its own; the others go on. `on_piece`: see `chunking.Chunked`."""
    reads: list[Read | None] = []          # None: loaded, its extraction still to come
    todo: list[tuple[LoadedDocument, CleanDocument]] = []
    noted: dict[int, tuple[tuple[str, ...], list[str]]] = {}
    for source in sources:
        try:
            for loaded in _loaded(source, overrides):
                if is_stored(loaded.sha256):
                    reads.append(Read(loaded.source, sha256=loaded.sha256,
                                      tlp=loaded.meta.tlp))
                    continue
                loaded, cleaned, problems = _prepared(loaded)
                noted[id(cleaned)] = (tuple(loaded.warnings), problems)
                todo.append((loaded, cleaned))
                reads.append(None)
        except IngestError as err:
            reads.append(Read(err.source, failure=err.reason))
        except ExportError as err:
            reads.append(Read(source, failure=str(err)))
        except Exception as err:  # noqa: BLE001 - a loader bug costs only this source
            reads.append(Read(source, failure=f"load failed: {reason(err)}"))
    if not todo:
        return [r for r in reads if r is not None]
    reader = Chunked(registry.get(extractor), on_piece=on_piece)
    done = iter([item for run in _runs(todo) for item in extracted(reader, run, budget)])
    out = []
    for read in reads:
        if read is None:
            document = next(done)
            warnings, problems = noted.get(id(document[1]), ((), []))
            read = Read(document[0].source, document=document, warnings=warnings,
                        problems=problems)
        out.append(read)
    return out


def _batches(sources: Iterable[str]) -> Iterator[list[str]]:
    it = iter(sources)
    while batch := list(islice(it, BATCH)):
        yield batch


# -- worker processes --------------------------------------------------------------------
_worker: dict = {}


def _start_worker(url: str, overrides: DocumentMeta, extractor: str, budget: float,
                  on_piece: PieceProgress | None = None) -> None:
    _worker.update(url=url, overrides=overrides, extractor=extractor, budget=budget,
                   on_piece=on_piece, store=None)


def _is_stored(sha256: str) -> bool:
    if _worker["store"] is None:
        from actorgraph.store.store import Store

        _worker["store"] = Store(_worker["url"], create=False)
    return _worker["store"].extraction_complete(sha256)


def _read_in_worker(sources: list[str]) -> list[Read]:
    return read_batch(sources, _worker["overrides"], _worker["extractor"], _is_stored,
                      _worker["budget"], _worker["on_piece"])


def read_documents(sources: Iterable[str], overrides: DocumentMeta, extractor: str,
                   is_stored: Callable[[str], bool], workers: int = 1,
                   store_url: str | None = None, budget: float = BUDGET,
                   on_piece: PieceProgress | None = None) -> Iterator[Read]:
    """Every source read, in input order. With `workers` > 1, batches are read by that many
    worker processes (forked, so they see this process's extractor registry, and call
    `on_piece` there), each checking what is stored through its own connection to
    `store_url`."""
    if workers <= 1 or store_url is None:
        for batch in _batches(sources):
            yield from read_batch(batch, overrides, extractor, is_stored, budget, on_piece)
        return
    if extractor not in registry.names():   # fails here, not in every worker
        raise registry.UnknownExtractor(extractor)
    with mp.get_context("fork").Pool(workers, _start_worker,
                                     (store_url, overrides, extractor, budget,
                                      on_piece)) as pool:
        for reads in pool.imap(_read_in_worker, _batches(sources)):
            yield from reads
