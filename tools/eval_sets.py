"""Scores each annotated set of the repository, and each language of a set written in
several, against its gold: `make eval` runs it. One line of figures per set and language.

    .venv/bin/python tools/eval_sets.py examples/corpus:examples/gold.json ...

Each set (or language) is ingested into a fresh embedded store with the default
extractor, exported, and scored with `actorgraph.evaluation` (the reference scorer's
rules). A language's figures are those of its documents alone, against the part of the
gold they tell (`evaluation.subset`).
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from actorgraph.evaluation import evaluate
from actorgraph.evaluation.subset import cut, languages
from actorgraph.export.json_export import build
from actorgraph.store.store import Store
from actorgraph.workflow import ingest

FIGURES = [("entity_precision", "entP"), ("entity_recall", "entR"), ("alias_pair_recall", "alias"),
           ("false_merges", "fm"), ("split_entities", "split"), ("relation_f1", "relF1"),
           ("event_f1", "evF1"), ("event_date_exact", "date"), ("quantity_recall", "qR"),
           ("quantity_attribution_accuracy", "qAttr"), ("contradiction_recall", "conR"),
           ("contradiction_precision", "conP")]


def score(corpus: Path, gold: dict, work: Path) -> dict:
    store = Store(f"sqlite:///{work / 'eval.db'}")
    report = ingest([str(corpus)], store)
    if report.failed:
        print(f"  (failed: {report.failed})", file=sys.stderr)
    return evaluate(build(store), gold, corpus).figures


def line(name: str, figures: dict) -> str:
    return f"{name:32}" + " ".join(f"{figures.get(k, '-')!s:>6}" for k, _ in FIGURES)


def main(sets: list[str]) -> None:
    print(f"{'set':32}" + " ".join(f"{s:>6}" for _, s in FIGURES))
    for item in sets:
        corpus_dir, gold_path = item.split(":")
        corpus, gold = Path(corpus_dir), json.loads(Path(gold_path).read_text("utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            print(line(corpus_dir, score(corpus, gold, Path(tmp))), flush=True)
        by_lang = languages(gold, corpus)
        if len(by_lang) < 2:
            continue
        for lang, docs in sorted(by_lang.items()):
            with tempfile.TemporaryDirectory() as tmp:
                part = Path(tmp) / "corpus"
                part.mkdir()
                for doc in docs:
                    for f in (corpus / doc, corpus / (Path(doc).stem + ".meta.json")):
                        if f.exists():
                            shutil.copy(f, part / f.name)
                figures = score(part, cut(gold, corpus, docs), Path(tmp))
                print(line(f"  {lang} ({len(docs)} documents)", figures), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
