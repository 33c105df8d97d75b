"""Ingest throughput against bare spaCy, in the same run.

    .venv/bin/python bench/ingest.py [FOLDER] [--copies N]

Reads the .txt reports of FOLDER (default: examples/corpus), makes N distinct
copies of each (a numbered line is appended, so every copy is new content),
then times (1) bare `nlp.pipe` over the texts and (2) a full `actorgraph`
ingest (after a one-document warm-up, so both figures are steady-state and the
one-off start-ups are printed apart) of the same files into a fresh SQLite database (load, clean, extract,
store, resolve). Prints documents and characters per second for both, and the
ratio of actorgraph's throughput to bare spaCy's.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from actorgraph.extract.rules_en.nlp import load_nlp
from actorgraph.store.store import Store
from actorgraph.workflow import ingest


def _time_pipe(nlp, texts: list[str]) -> float:
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="examples/corpus")
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()
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
        store = Store(f"sqlite:///{tmp}/bench.db")
        t0 = time.perf_counter()
        report = ingest([str(corpus)], store)
        full = time.perf_counter() - t0
        bare = min(bare, _time_pipe(nlp, all_texts))  # best of two, before and after
    n = len(all_texts)
    print(f"start-up (one-off)    spaCy model {spacy_start:.2f} s; actorgraph lexicon, name data "
          f"and one document {own_start:.2f} s")
    print(f"documents             {n}  ({chars:,} characters)")
    print(f"bare nlp.pipe         {bare:7.2f} s  {n / bare:7.1f} docs/s  {chars / bare:10,.0f} chars/s")
    print(f"actorgraph ingest     {full:7.2f} s  {n / full:7.1f} docs/s  {chars / full:10,.0f} chars/s")
    print(f"ratio (ingest/bare)   {bare / full:7.2f}")
    print(f"stored                {len(report.added)} added, {len(report.failed)} failed")


if __name__ == "__main__":
    main()
