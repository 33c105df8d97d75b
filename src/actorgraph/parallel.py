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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from actorgraph.campaign import documents as posts
from actorgraph.campaign.records import ExportError
from actorgraph.extract import registry
from actorgraph.extract.base import Extractor
from actorgraph.ingest import IngestError, clean, load_source, with_language
from actorgraph.model import CleanDocument, DocumentMeta, Extraction, LoadedDocument

BATCH = 16


@dataclass(frozen=True)
class Read:
    """What reading one source gave: its document, cleaned and extracted; or why not;
    or, with neither, that it is stored already (or repeats an earlier source)."""
    source: str
    document: tuple[LoadedDocument, CleanDocument, Extraction] | None = None
    failure: str | None = None
    sha256: str | None = None
    tlp: str | None = None      # a stored document's marking given again (it replaces the old)


def extracted(extractor: Extractor, batch: list[tuple[LoadedDocument, CleanDocument]]
              ) -> list[tuple[LoadedDocument, CleanDocument, Extraction]]:
    """The batch with its extractions. Where the extractor fails, the batch is read again
    one document at a time, so only the document it cannot read gets an empty extraction
    marked failed: a bug on one document never costs the rest of the batch."""
    try:
        extractions = list(extractor.extract([cleaned for _, cleaned in batch]))
    except Exception as err:  # noqa: BLE001 - any extractor bug is recorded per document
        if len(batch) == 1:
            failed = Extraction(extractor=extractor.name, extractor_version=extractor.version,
                                problems=[f"{type(err).__name__}: {err}"], failed=True)
            return [(batch[0][0], batch[0][1], failed)]
        return [done for item in batch for done in extracted(extractor, [item])]
    return [(loaded, cleaned, extraction)
            for (loaded, cleaned), extraction in zip(batch, extractions, strict=True)]


def read_batch(sources: list[str], overrides: DocumentMeta, extractor: str,
               is_stored: Callable[[str], bool]) -> list[Read]:
    """Read `sources` in order: load and clean each (a source whose content `is_stored`
    is skipped), then extract the loaded ones together."""
    reads: list[Read | None] = []          # None: loaded, its extraction still to come
    todo: list[tuple[LoadedDocument, CleanDocument]] = []
    for source in sources:
        try:   # a channel export is one document per post
            docs = (posts.post_documents(source, overrides) if posts.is_export_path(source)
                    else iter([load_source(source, overrides)]))
            for loaded in docs:
                if is_stored(loaded.sha256):
                    reads.append(Read(loaded.source, sha256=loaded.sha256,
                                      tlp=loaded.meta.tlp))
                    continue
                loaded = with_language(loaded)
                todo.append((loaded, clean(loaded)))
                reads.append(None)
        except IngestError as err:
            reads.append(Read(err.source, failure=err.reason))
        except ExportError as err:
            reads.append(Read(source, failure=str(err)))
        except (ValueError, UnicodeError, RecursionError) as err:
            reads.append(Read(source, failure=f"{type(err).__name__}: {err}"))
    if not todo:
        return [r for r in reads if r is not None]
    done = iter(extracted(registry.get(extractor), todo))
    out = []
    for read in reads:
        if read is None:
            document = next(done)
            read = Read(document[0].source, document=document)
        out.append(read)
    return out


def _batches(sources: Iterable[str]) -> Iterator[list[str]]:
    it = iter(sources)
    while batch := list(islice(it, BATCH)):
        yield batch


# -- worker processes --------------------------------------------------------------------
_worker: dict = {}


def _start_worker(url: str, overrides: DocumentMeta, extractor: str) -> None:
    _worker.update(url=url, overrides=overrides, extractor=extractor, store=None)


def _is_stored(sha256: str) -> bool:
    if _worker["store"] is None:
        from actorgraph.store.store import Store

        _worker["store"] = Store(_worker["url"], create=False)
    return _worker["store"].extraction_complete(sha256)


def _read_in_worker(sources: list[str]) -> list[Read]:
    return read_batch(sources, _worker["overrides"], _worker["extractor"], _is_stored)


def read_documents(sources: Iterable[str], overrides: DocumentMeta, extractor: str,
                   is_stored: Callable[[str], bool], workers: int = 1,
                   store_url: str | None = None) -> Iterator[Read]:
    """Every source read, in input order. With `workers` > 1, batches are read by that many
    worker processes (forked, so they see this process's extractor registry), each checking
    what is stored through its own connection to `store_url`."""
    if workers <= 1 or store_url is None:
        for batch in _batches(sources):
            yield from read_batch(batch, overrides, extractor, is_stored)
        return
    if extractor not in registry.names():   # fails here, not in every worker
        raise registry.UnknownExtractor(extractor)
    with mp.get_context("fork").Pool(workers, _start_worker,
                                     (store_url, overrides, extractor)) as pool:
        for reads in pool.imap(_read_in_worker, _batches(sources)):
            yield from reads
