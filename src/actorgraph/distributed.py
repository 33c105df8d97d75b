"""Reading documents on a Ray cluster (`actorgraph ingest --engine ray`): loading, cleaning,
language and extraction run as Ray Data `map_batches` over the documents, on a local Ray
started here or on the cluster at `address`; the reads come back to this process in input
order, and the caller stores them there, as it does the reads of `parallel`.

Extraction of one document is a pure function of its text and metadata (`extract.base`),
and each batch is read by `parallel.read_batch`, the code the local path runs, so the store
and its export are the same byte for byte as with the local path, with any number of Ray
workers. A worker opens the store (by its URL) only to skip documents stored and fully
extracted already; it never writes to it. On several machines the store must be one they
all reach (PostgreSQL), every node needs actorgraph installed, and the sources must be
URLs or paths that every node sees at the same place (a relative path is read from the
directory the command was started in).

Ray is an optional extra (`pip install 'actorgraph[ray]'`); without it, `RayMissing`.
"""
from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterator
from typing import Any

from actorgraph.model import DocumentMeta
from actorgraph.parallel import BATCH, BUDGET, Read, read_batch

INSTALL = "pip install 'actorgraph[ray]'"


class RayEngineError(RuntimeError):
    """The Ray engine cannot read the documents; the message says why (nothing is stored
    of what it did not read)."""


class RayMissing(RayEngineError):
    """Ray (with Ray Data) is not installed here."""

    def __init__(self, why: str) -> None:
        super().__init__(f"the Ray engine needs Ray Data, which is not installed ({why}); "
                         f"install it with: {INSTALL}")


class RayLost(RayEngineError):
    """The cluster gave back fewer sources than it was given: the missing ones are not
    stored (the others are), so ingesting the same paths again reads only those."""


def _ray() -> Any:
    """The `ray` module with Ray Data loaded, or `RayMissing`."""
    try:
        import ray
        import ray.data  # noqa: F401 - the extra's own part (pyarrow, pandas)
    except ImportError as err:
        raise RayMissing(str(err)) from None
    return ray


# -- in a Ray worker ---------------------------------------------------------------------
_stores: dict[str, Any] = {}   # store URL -> Store, opened once per worker process


def _is_stored_in(url: str, sha256: str) -> bool:
    if url not in _stores:
        from actorgraph.store.store import Store

        _stores[url] = Store(url, create=False)
    return bool(_stores[url].extraction_complete(sha256))


def read_rows(batch: dict[str, Any], store_url: str, overrides: DocumentMeta, extractor: str,
              budget: float, cwd: str) -> dict[str, list]:
    """One Ray Data batch of sources (columns "index", "source") read by `read_batch`, as
    rows (columns "start", "count", "read": a pickled `Read`, or b"" for a batch that gave
    none), so the driver can tell that every batch came back."""
    if os.path.isdir(cwd) and os.getcwd() != cwd:
        os.chdir(cwd)              # relative paths and SQLite URLs as the driver sees them
    sources = [str(s) for s in batch["source"]]
    reads = read_batch(sources, overrides, extractor,
                       lambda sha256: _is_stored_in(store_url, sha256), budget)
    payloads = [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in reads] or [b""]
    start = int(batch["index"][0])
    return {"start": [start] * len(payloads), "count": [len(sources)] * len(payloads),
            "read": payloads}


# -- in the driver -----------------------------------------------------------------------
STARTS = 3   # tries at starting a local Ray: a loaded machine can miss its start-up timeouts


def start_local(num_cpus: int, **options: Any) -> None:
    """Start a local Ray of `num_cpus` CPUs in this process (no dashboard, its workers'
    output not relayed). Ray's agents must report their ports within a fixed 15 s, which a
    machine busy with other work can miss: a failed start is cleaned up and tried again, up
    to STARTS times."""
    ray = _ray()
    for attempt in range(1, STARTS + 1):
        try:
            ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING, **options)
            return
        except Exception as err:
            ray.shutdown()
            if attempt == STARTS:
                raise RayEngineError(f"could not start a local Ray in {STARTS} tries ({err}); "
                                     "on a busy machine, try again or start one with "
                                     "`ray start --head` and pass --address auto") from err


def _connect(ray: Any, address: str | None, workers: int) -> bool:
    """Join the cluster at `address`, or start a local Ray of `workers` CPUs, unless this
    process is connected already. True when this call started the connection."""
    if ray.is_initialized():
        return False
    if address is None:
        start_local(workers)
    else:
        try:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        except Exception as err:
            raise RayEngineError(f"could not join the Ray cluster at {address}: "
                                 f"{type(err).__name__}: {err}") from err
    return True


def _dataset(ray: Any, sources: list[str], overrides: DocumentMeta, extractor: str,
             store_url: str, workers: int, budget: float) -> Any:
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True     # reads in input order
    context.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    items = [{"index": i, "source": s} for i, s in enumerate(sources)]
    size = max(1, min(BATCH, -(-len(items) // workers)))   # a few documents: every worker
    blocks = -(-len(items) // size)                        # one block per batch
    return ray.data.from_items(items, override_num_blocks=blocks).map_batches(
        read_rows, batch_size=size, batch_format="numpy", num_cpus=1,
        compute=ray.data.TaskPoolStrategy(size=min(workers, blocks)),
        fn_kwargs={"store_url": store_url, "overrides": overrides, "extractor": extractor,
                   "budget": budget, "cwd": os.getcwd()})


def read_on_ray(sources: list[str], overrides: DocumentMeta, extractor: str, store_url: str,
                workers: int = 1, address: str | None = None,
                budget: float = BUDGET) -> Iterator[Read]:
    """Every source read on Ray by at most `workers` tasks at once, in input order (as
    `parallel.read_documents` gives them). Ray is imported and joined (or started: a local
    Ray of `workers` CPUs, shut down once all is read) before this returns, so a missing
    install or an unreachable cluster fails before any document is read."""
    ray = _ray()
    started = _connect(ray, address, workers) if sources else False
    return _reads(ray, started, sources, overrides, extractor, store_url, workers, budget)


def _reads(ray: Any, started: bool, sources: list[str], overrides: DocumentMeta,
           extractor: str, store_url: str, workers: int, budget: float) -> Iterator[Read]:
    if not sources:
        return
    covered: dict[int, int] = {}
    try:
        dataset = _dataset(ray, sources, overrides, extractor, store_url, workers, budget)
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            for start, count, payload in zip(batch["start"], batch["count"], batch["read"]):
                covered[int(start)] = int(count)
                if len(payload):
                    yield pickle.loads(payload)
    finally:
        if started:
            ray.shutdown()
    if sum(covered.values()) != len(sources):
        raise RayLost(f"Ray returned {sum(covered.values())} of {len(sources)} sources")
