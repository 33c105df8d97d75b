"""Ingesting with worker processes: the same store and export as one process, byte for byte;
failures and unchanged files reported as they are without workers."""
from __future__ import annotations

import shutil

from click.testing import CliRunner

from actorgraph.cli.main import cli
from actorgraph.store.store import Store
from actorgraph.workflow import ingest

from .conftest import EXAMPLES
from .dbs import exported, new_db_url

REPORTS = ("01_husseiniyyun-origins", "02_ganja-shooting-five-years-on",
           "05_fatemiyoun-and-zainabiyoun", "07_baku-tehran-tensions-2023")


def _corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in REPORTS:
        for suffix in (".txt", ".meta.json"):
            if (EXAMPLES / f"{name}{suffix}").exists():
                shutil.copy(EXAMPLES / f"{name}{suffix}", folder)
    (folder / "00_empty.txt").write_bytes(b"")                    # fails, in its place
    shutil.copy(EXAMPLES / f"{REPORTS[0]}.txt", folder / "99_same.txt")   # a repeat
    return folder


def test_two_workers_give_the_same_export_as_one(tmp_path):
    corpus = _corpus(tmp_path)
    reports, exports = [], []
    for workers in (1, 2):
        url = new_db_url(tmp_path, f"w{workers}.db")
        reports.append(ingest([str(corpus)], Store(url), workers=workers))
        exports.append(exported(url))
    assert exports[0] == exports[1]
    one, two = reports
    assert (one.added, one.unchanged, one.failed) == (two.added, two.unchanged, two.failed)
    assert [s.rsplit("/", 1)[-1] for s in two.added] == [f"{n}.txt" for n in REPORTS]
    assert [s.rsplit("/", 1)[-1] for s in two.unchanged] == ["99_same.txt"]
    assert [s.rsplit("/", 1)[-1] for s, _ in two.failed] == ["00_empty.txt"]


def test_workers_skip_what_is_stored(tmp_path):
    corpus = _corpus(tmp_path)
    url = new_db_url(tmp_path, "again.db")
    before = exported(url) if ingest([str(corpus)], Store(url)) else ""
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--workers", "2", "--db", url])
    assert result.exit_code == 1 and "00_empty.txt" in result.output   # still reported
    assert f"0 added, 0 new versions, {len(REPORTS) + 1} unchanged" in result.output
    assert exported(url) == before
