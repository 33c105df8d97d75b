"""Extraction of one long report against bare spaCy on the same text, by length.

    .venv/bin/python bench/long_document.py [--sizes 100,200,1000,5000]

For each size (KB of text), a report is made by joining the English reports of
examples/corpus end to end as often as needed (each copy a new stretch of the same
long text) and cut at a paragraph break; a fresh process then times (1) bare spaCy
(`nlp.pipe` over the pieces ingest reads the text in, `chunking.cuts`: one piece up to
100,000 characters; the pipeline the English extractor parses with) and (2) the English
extractor as ingest runs it (`chunking.Chunked`: the same parse and every rule, piece by
piece), and prints words per second of CPU time for both (wall time beside: others may
share the cores), their ratio, and the process's peak memory (RSS) up to the end of the
extraction (bare spaCy runs after it). Before either is timed, the pieces are parsed once
untimed: the first long parse of a process maps the memory it needs (measured: an eighth
of its CPU time, as page faults in system time), which would otherwise be charged to
whichever of the two ran first. A cost linear in length keeps the ratio and words/s flat
as the size grows.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _text(kb: int) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "corpus")
                                                          .glob("*.txt"))]
    text, i = "", 0
    while len(text.encode()) < kb * 1024:
        text += parts[i % len(parts)].strip() + "\n\n"
        i += 1
    cut = text.encode()[:kb * 1024].decode(errors="ignore")
    return cut[:cut.rfind("\n\n")] + "\n"


def one(kb: int) -> None:
    from actorgraph.chunking import Chunked, cuts
    from actorgraph.extract import registry
    from actorgraph.extract.rules_en.nlp import load_nlp
    from actorgraph.model import CleanDocument, DocumentMeta, LoadedDocument, Segment

    text = _text(kb)
    words = len(text.split())
    nlp = load_nlp()
    extractor = Chunked(registry.get("rules-en"))
    warm = _text(2)
    list(extractor.extract([_clean(warm, LoadedDocument, CleanDocument, DocumentMeta,
                                   Segment)]))
    doc = _clean(text, LoadedDocument, CleanDocument, DocumentMeta, Segment)
    pieces = [text[s:e] for s, e in cuts(text)]
    for _ in nlp.pipe(pieces, batch_size=1):    # untimed: the memory a piece's parse needs
        pass                                    # is taken once, before either is timed
    cpu, t0 = time.process_time(), time.perf_counter()
    [extraction] = list(extractor.extract([doc]))
    full, full_wall = time.process_time() - cpu, time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # the extractor's
    cpu, t0 = time.process_time(), time.perf_counter()
    for _ in nlp.pipe(pieces, batch_size=1):     # one piece at a time, as the extractor
        pass
    bare, bare_wall = time.process_time() - cpu, time.perf_counter() - t0
    print(f"{kb:6d} KB {words:9,d} words  bare spaCy {bare:7.1f} s CPU {words / bare:6,.0f} w/s"
          f"  extract {full:7.1f} s CPU {words / full:6,.0f} w/s  ratio {bare / full:4.2f}"
          f"  (wall {bare_wall:.0f} s, {full_wall:.0f} s)  peak {peak:6,.0f} MB"
          f"  ({len(extraction.mentions):,} mentions{'; ' if extraction.problems else ''}"
          f"{'; '.join(extraction.problems)[:80]})  load {_load()}", flush=True)


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _clean(text, LoadedDocument, CleanDocument, DocumentMeta, Segment):
    import hashlib

    loaded = LoadedDocument("long.txt", "text/plain", text.encode(), text,
                            DocumentMeta(language="en"), hashlib.sha256(text.encode()).hexdigest())
    return CleanDocument(loaded, (Segment(0, len(text), "body"),))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,200,1000", help="KB of text, comma-separated")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.one)
        return
    for kb in (int(s) for s in args.sizes.split(",")):
        subprocess.run([sys.executable, __file__, "--one", str(kb)], check=True)


if __name__ == "__main__":
    main()
