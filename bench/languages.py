"""Ingest speed per language, side by side in one run, as a ratio to English.

    .venv/bin/python bench/languages.py [--words N] [--langs en,ru,az,fa,ar]

Texts are the repository's own: English from examples/corpus and examples/blind4, and the
Russian, Azerbaijani, Persian and Arabic reports of examples/blind4 (the language is the one
their sidecar names). Each language's texts are copied (every copy differs by its trailing
line ends, so none is a duplicate) until it has about N words. For each language the script
times, after a warm-up that builds the extractor and reads one document:

- extraction: the language's extractor (the one `auto` routes it to) over the loaded and
  cleaned documents, best of two passes;
- ingest: `actorgraph ingest` of the copies into a fresh SQLite database (load, clean,
  detect language, extract, store, resolve, facts) with the default extractor "auto".

It prints words per second for both and each one's ratio to English's. Issue 13's goal:
every language at least 0.5 of English.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from actorgraph.extract import registry
from actorgraph.extract.router import extractor_for
from actorgraph.ingest import clean, load_source, with_language
from actorgraph.model import CleanDocument
from actorgraph.store.store import Store
from actorgraph.workflow import ingest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "examples" / "corpus", ROOT / "examples" / "blind4" / "corpus"]


def _language(path: Path) -> str:
    meta = path.with_suffix(".meta.json")
    if meta.exists():
        return json.loads(meta.read_text(encoding="utf-8")).get("language") or "en"
    return "en"


def texts_by_language() -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            out.setdefault(_language(path), []).append(path)
    return out


def _copies(paths: list[Path], words: int, folder: Path) -> tuple[list[Path], int]:
    """Copies of `paths` (text and sidecar) in `folder` until about `words` words."""
    folder.mkdir(parents=True)
    made: list[Path] = []
    total, c = 0, 0
    while total < words:
        for i, path in enumerate(paths):
            text = path.read_text(encoding="utf-8") + "\n" * (c + 1)
            copy = folder / f"{c:04d}_{i:03d}.txt"
            copy.write_text(text, encoding="utf-8")
            meta = path.with_suffix(".meta.json")
            if meta.exists():
                copy.with_suffix(".meta.json").write_text(meta.read_text(encoding="utf-8"),
                                                          encoding="utf-8")
            made.append(copy)
            total += len(text.split())
        c += 1
    return made, total


def _extraction(name: str, docs: list[CleanDocument]) -> float:
    reader = registry.get(name)
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        for _done in reader.extract(docs):
            pass
        best = min(best, time.perf_counter() - t0)
    return best


def _ingest(folder: Path, warm: Path, tmp: Path) -> float:
    ingest([str(warm)], Store(f"sqlite:///{tmp}/warm-{folder.name}.db"))
    store = Store(f"sqlite:///{tmp}/{folder.name}.db")
    t0 = time.perf_counter()
    report = ingest([str(folder)], store)
    took = time.perf_counter() - t0
    if report.failed or report.unchanged:
        raise SystemExit(f"{folder.name}: not all stored: {report.failed or report.unchanged}")
    return took


def measure(lang: str, paths: list[Path], words: int, tmp: Path) -> dict[str, float]:
    copies, total = _copies(paths, words, tmp / lang)
    name = extractor_for(lang)
    t0 = time.perf_counter()
    warm = tmp / f"warm-{lang}"
    warm.mkdir()
    (warm / "warm.txt").write_text(paths[0].read_text(encoding="utf-8") + "\n\n\n\n",
                                   encoding="utf-8")
    meta = paths[0].with_suffix(".meta.json")
    if meta.exists():
        (warm / "warm.meta.json").write_text(meta.read_text(encoding="utf-8"), encoding="utf-8")
    docs = [clean(with_language(load_source(str(p)))) for p in copies]
    list(registry.get(name).extract(docs[:1]))
    start = time.perf_counter() - t0
    extract_s = _extraction(name, docs)
    ingest_s = _ingest(tmp / lang, warm, tmp)
    return {"docs": len(copies), "words": total, "start": start,
            "extract": total / extract_s, "ingest": total / ingest_s}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=4000, help="words per language (about)")
    ap.add_argument("--langs", default="en,ru,az,fa,ar")
    args = ap.parse_args()
    found = texts_by_language()
    langs = [x for x in args.langs.split(",") if x in found]
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            rows[lang] = measure(lang, found[lang], args.words, Path(tmp))
    en = rows.get("en")
    print(f"{'lang':5} {'extractor':10} {'docs':>5} {'words':>6} {'start s':>8} "
          f"{'extract w/s':>12} {'ratio':>6} {'ingest w/s':>11} {'ratio':>6}")
    for lang, r in rows.items():
        ratio_x = f"{r['extract'] / en['extract']:.2f}" if en else "-"
        ratio_i = f"{r['ingest'] / en['ingest']:.2f}" if en else "-"
        print(f"{lang:5} {extractor_for(lang):10} {r['docs']:5.0f} {r['words']:6.0f} "
              f"{r['start']:8.2f} {r['extract']:12.0f} {ratio_x:>6} {r['ingest']:11.0f} "
              f"{ratio_i:>6}")


if __name__ == "__main__":
    main()
