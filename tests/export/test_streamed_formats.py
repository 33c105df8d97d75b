"""The streamed exchange formats (CSV, FollowTheMoney, GraphML, GEXF, STIX), written a
batch of rows at a time (`export/batches.py` over `store/stream.py`), give the bytes the
whole-store build gives (`snapshot.load` and the format's builder): whole, at a
clearance, on an empty store, whatever the batch sizes, with channels read from exports."""
from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from actorgraph.export import batches, ftm, graph, graph_stream, snapshot, stix, stix_stream
from actorgraph.store import stream
from actorgraph.store.grades import set_grade
from actorgraph.store.store import Store
from actorgraph.store.tlp import Scope, set_source_tlp, source_markings

from ..dbs import copy_db
from .conftest import empty_store


@pytest.fixture(params=[500, 3])
def batch(request, monkeypatch):
    """The store's batch size, and one so small that every merge crosses batches."""
    monkeypatch.setattr(stream, "BATCH", request.param)
    monkeypatch.setattr(stream, "CHUNK", max(1, request.param // 2))
    monkeypatch.setattr(batches, "CLAIMS", request.param)
    monkeypatch.setattr(batches, "DOCUMENTS", max(1, request.param // 100))
    return request.param


@pytest.fixture(scope="module")
def graded_store(example_store, tmp_path_factory):
    """The example store with a source graded (reliability enters every grade) and a
    publisher marked AMBER (for the clearance)."""
    store = Store(copy_db(example_store, tmp_path_factory.mktemp("graded")))
    publishers = sorted({d["publisher"] for d in store.documents() if d["publisher"]})
    set_grade(store, publishers[-1], "B")
    set_source_tlp(store.engine, publishers[0], "AMBER")
    return store


def green(store: Store) -> Scope:
    with store.engine.connect() as conn:
        return Scope.of(source_markings(conn), "GREEN")


def csv_files(folder: Path) -> str:
    return "".join(f"== {name}\n" + (folder / name).read_text(encoding="utf-8")
                   for name in graph.CSV_HEADERS)


def csv_whole(store: Store, scope: Scope | None, folder: Path) -> str:
    graph.write_csv(snapshot.load(store, scope), folder / "whole")
    return csv_files(folder / "whole")


def csv_streamed(store: Store, scope: Scope | None, folder: Path) -> str:
    written = graph.stream_csv(store, folder / "streamed", scope)
    assert [p.name for p in written] == list(graph.CSV_HEADERS)
    return csv_files(folder / "streamed")


def text_of(write: Callable[..., None], store: Store, scope: Scope | None) -> str:
    out = io.StringIO()
    write(store, out, scope)
    return out.getvalue()


FORMATS: dict[str, tuple[Callable, Callable]] = {
    "csv": (csv_whole, csv_streamed),
    "ftm": (lambda store, scope, _: ftm.dumps(snapshot.load(store, scope)),
            lambda store, scope, _: text_of(ftm.write, store, scope)),
    "graphml": (lambda store, scope, _: graph.graphml(snapshot.load(store, scope)),
                lambda store, scope, _: text_of(graph_stream.write_graphml, store, scope)),
    "gexf": (lambda store, scope, _: graph.gexf(snapshot.load(store, scope)),
             lambda store, scope, _: text_of(graph_stream.write_gexf, store, scope)),
    "stix": (lambda store, scope, _: stix.dumps(snapshot.load(store, scope)),
             lambda store, scope, _: text_of(stix_stream.write, store, scope)),
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_streamed_export_is_the_whole_store_one(fmt, graded_store, tmp_path, batch):
    whole, streamed = FORMATS[fmt]
    made = streamed(graded_store, None, tmp_path)
    assert made == whole(graded_store, None, tmp_path)
    assert len(made) > 10_000


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_streamed_export_at_a_clearance_is_the_whole_store_one(fmt, graded_store,
                                                                   tmp_path, batch):
    whole, streamed = FORMATS[fmt]
    scope = green(graded_store)
    made = streamed(graded_store, scope, tmp_path)
    assert made == whole(graded_store, scope, tmp_path)
    assert made != streamed(graded_store, None, tmp_path / "all")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_streamed_export_of_channels_is_the_whole_store_one(fmt, channel_store,
                                                                tmp_path, batch):
    whole, streamed = FORMATS[fmt]
    assert streamed(channel_store, None, tmp_path) == whole(channel_store, None, tmp_path)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_empty_store_streams_as_it_builds(fmt, tmp_path):
    whole, streamed = FORMATS[fmt]
    store = empty_store(tmp_path)
    assert streamed(store, None, tmp_path) == whole(store, None, tmp_path)
