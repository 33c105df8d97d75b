"""Ingest throughput against bare spaCy, in the same run.

    .venv/bin/python bench/ingest.py [FOLDER] [--copies N] [--workers 1,2]

Reads the .txt reports of FOLDER (default: examples/corpus), makes N distinct
copies of each (a numbered line is appended, so every copy is new content),
then times (1) bare `nlp.pipe` over the texts, in one process and with
`n_process=2`, and (2) a full `actorgraph` ingest (after a one-document warm-up, so
the figures are steady-state and the one-off start-ups are printed apart) of the
same files into a fresh SQLite database (load, clean, extract, store, resolve), once
for each number of worker processes in --workers. Prints documents, characters and
words (whitespace-separated) per second, and the ratio of each ingest's throughput to
bare spaCy's in one process and on two.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from actorgraph.extract.rules_en.nlp import load_nlp
from actorgraph.store.store import Store
from actorgraph.workflow import ingest


def _time_pipe(nlp, texts: list[str], n_process: int = 1) -> float:
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process):
        pass
    return time.perf_counter() - t0


def _line(label: str, seconds: float, n: int, chars: int, words: int) -> str:
    return (f"{label:<26}{seconds:7.2f} s  {n / seconds:7.1f} docs/s  "
            f"{chars / seconds:10,.0f} chars/s  {words / seconds:8,.0f} words/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="examples/corpus")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--workers", default="1,2", help="worker counts to time, comma-separated")
    args = ap.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        all_texts = []
        for c in range(args.copies):
            for i, text in enumerate(texts):
                body = f"{text}\n\nCopy {c}.\n"
                (corpus / f"{c:04d}_{i:03d}.txt").write_text(body, encoding="utf-8")
                all_texts.append(body)
        chars = sum(map(len, all_texts))
        t0 = time.perf_counter()
        nlp = load_nlp()
        nlp("warm up")
        spacy_start = time.perf_counter() - t0
        t0 = time.perf_counter()
        warm = Path(tmp) / "warm"
        warm.mkdir()
        (warm / "warm.txt").write_text(texts[0], encoding="utf-8")
        ingest([str(warm)], Store(f"sqlite:///{tmp}/warm.db"))
        own_start = time.perf_counter() - t0
        bare = _time_pipe(nlp, all_texts)
        bare2 = _time_pipe(nlp, all_texts, n_process=2)
        runs = {}
        for workers in counts:
            store = Store(f"sqlite:///{tmp}/bench{workers}.db")
            t0 = time.perf_counter()
            runs[workers] = (ingest([str(corpus)], store, workers=workers),
                             time.perf_counter() - t0)
        bare = min(bare, _time_pipe(nlp, all_texts))  # best of two, before and after
        bare2 = min(bare2, _time_pipe(nlp, all_texts, n_process=2))
    n, words = len(all_texts), sum(len(t.split()) for t in all_texts)
    print(f"start-up (one-off)    spaCy model {spacy_start:.2f} s; actorgraph lexicon, name data "
          f"and one document {own_start:.2f} s")
    print(f"documents             {n}  ({chars:,} characters, {words:,} words)")
    print(_line("bare nlp.pipe", bare, n, chars, words))
    print(_line("bare nlp.pipe n_process=2", bare2, n, chars, words))
    for workers, (report, full) in runs.items():
        print(_line(f"actorgraph --workers {workers}", full, n, chars, words)
              + f"   ratio {bare / full:4.2f} vs bare, {bare2 / full:4.2f} vs bare on 2"
              + f"   ({len(report.added)} added, {len(report.failed)} failed)")


if __name__ == "__main__":
    main()
