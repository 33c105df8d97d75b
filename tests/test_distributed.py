"""Ingesting on Ray (`--engine ray`): the same store and export as the local path, byte for
byte, with 1 and 2 Ray workers; what is stored is skipped; without Ray, a clear error.

Ray is the `[ray]` extra, which `make test` installs: a missing install fails this module
(it is imported below), it is not skipped. One local Ray of 2 CPUs serves the whole module,
so its start-up is paid once."""
from __future__ import annotations

import shutil
import sys

import pytest
import ray
from click.testing import CliRunner

from actorgraph.cli.main import cli
from actorgraph.distributed import start_local
from actorgraph.store.store import Store
from actorgraph.workflow import ingest

from .conftest import EXAMPLES
from .dbs import copy_db, exported, new_db_url


@pytest.fixture(scope="module")
def local_ray():
    start_local(2, object_store_memory=200 * 1024 * 1024)   # ray.init, retried if slow
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The example corpus, with a file that fails (in its place) and a repeat."""
    folder = tmp_path_factory.mktemp("ray") / "corpus"
    shutil.copytree(EXAMPLES, folder)
    (folder / "00_empty.txt").write_bytes(b"")
    shutil.copy(EXAMPLES / "01_husseiniyyun-origins.txt", folder / "99_same.txt")
    return folder


def _names(sources):
    return [s.rsplit("/", 1)[-1] for s in sources]


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory):
    """The local path's report, export and store (one process)."""
    url = new_db_url(tmp_path_factory.mktemp("local"), "local.db")
    store = Store(url)
    return ingest([str(corpus)], store), exported(url), store


@pytest.mark.parametrize("workers", [1, 2])
def test_ray_gives_the_export_of_the_local_path(local_ray, local, corpus, tmp_path, workers):
    url = new_db_url(tmp_path, f"ray{workers}.db")
    report = ingest([str(corpus)], Store(url), engine="ray", workers=workers)
    expected_report, expected_export, _ = local
    assert exported(url) == expected_export
    assert '"entities"' in expected_export and len(expected_export) > 10_000
    assert (report.added, report.unchanged, report.failed) == (
        expected_report.added, expected_report.unchanged, expected_report.failed)
    assert _names(report.added) == sorted(p.name for p in EXAMPLES.glob("*.txt"))
    assert _names(report.unchanged) == ["99_same.txt"]
    assert _names(s for s, _ in report.failed) == ["00_empty.txt"]


def test_ray_workers_skip_what_is_stored(local_ray, local, corpus, tmp_path):
    _, before, store = local
    url = copy_db(store, tmp_path)
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--engine", "ray",
                                      "--workers", "2", "--db", url])
    assert result.exit_code == 1 and "00_empty.txt" in result.output   # still reported
    count = len(list(EXAMPLES.glob("*.txt"))) + 1
    assert f"0 added, 0 new versions, {count} unchanged, 1 failed" in result.output
    assert exported(url) == before


def test_without_ray_the_error_says_what_to_install(monkeypatch, corpus, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)        # `import ray` fails as if absent
    monkeypatch.setitem(sys.modules, "ray.data", None)
    url = new_db_url(tmp_path, "noray.db")
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--engine", "ray", "--db", url])
    assert result.exit_code == 1
    assert "pip install 'actorgraph[ray]'" in result.output
    assert Store(url).stats()["documents"] == 0           # nothing read, nothing stored


def test_an_address_needs_the_ray_engine(corpus, tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--address", "auto",
                                      "--db", new_db_url(tmp_path, "x.db")])
    assert result.exit_code == 2 and "only with --engine ray" in result.output


def test_a_ray_that_cannot_start_is_a_clear_error(monkeypatch, corpus, tmp_path):
    def fails(**options):       # as Ray's own start fails on a machine too busy for it
        raise RuntimeError("The current node timed out during startup.")

    tries = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", fails)
    monkeypatch.setattr(ray, "shutdown", lambda: tries.append(1))
    url = new_db_url(tmp_path, "nostart.db")
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--engine", "ray", "--db", url])
    assert result.exit_code == 1 and len(tries) == 3
    assert "could not start a local Ray in 3 tries" in result.output
    assert "timed out during startup" in result.output
    assert Store(url).stats()["documents"] == 0
