"""Benchmark of the campaign detectors on a generated export set.

Generates about N posts of synthetic Telegram Desktop exports (in a child process, so
the figures below are the analysis alone), reads them, runs every exact detector
(co-forward, co-link, identical text, same media), then near-duplicate text, then the
whole run with clusters, then the narratives of examples/campaign/narratives.yaml, and
prints wall and CPU seconds, pairs found and their precision
and recall against the generator's planted pairs, cluster F1, decoys in clusters, the
operator links (operates_channel) against the planted operators, and the peak memory
(max RSS) of this process.

    python bench/campaign.py [--posts 102500] [--seed 1] [--keep DIR]   # ~100k posts

Goals (issue 16): all exact detectors < 60 s and near-duplicates < 3 min on 2 cores,
peak memory < 2 GB, at 100k posts.
"""
from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

from actorgraph.campaign import coordination as co  # noqa: E402
from actorgraph.campaign import narratives as nv  # noqa: E402
from actorgraph.campaign.importers import read_exports  # noqa: E402

KIND = {"co-forward": "forward", "co-link": "link", "identical-text": "text",
        "same-media": "media", "near-duplicate-text": "neardup"}


def planted(truth: dict, kind: str, window: int) -> set[frozenset[str]]:
    by: dict[str, list[tuple[int, str]]] = {}
    for pid, rec in truth["posts"].items():
        obj = rec["objects"].get(kind)
        if obj:
            by.setdefault(obj, []).append((rec["t"], pid))
    out = set()
    for group in by.values():
        group.sort()
        for i, (t1, a) in enumerate(group):
            for t2, b in group[i + 1:]:
                if t2 - t1 > window:
                    break
                if a.split(":")[0] != b.split(":")[0]:
                    out.add(frozenset((a, b)))
    return out


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def narratives(corpus, truth: dict) -> None:
    defs = nv.load(SRC.parent / "examples" / "campaign" / "narratives.yaml")
    labels, wall, cpu = timed(lambda: nv.assign(corpus.posts, defs))
    gold = {(pid, r["narrative"]) for pid, r in truth["posts"].items() if r["narrative"]}
    got = {(pid, n) for pid, labs in labels.items() for n in labs}
    hit = len(gold & got)
    rows = {r["id"]: r for r in nv.series(corpus.posts, labels, defs)}
    spike = rows[truth["spike"]["narrative"]]
    print(f"narratives: {wall:.1f} s wall, {cpu:.1f} s cpu; P {hit / max(1, len(got)):.4f} "
          f"R {hit / max(1, len(gold)):.4f}; peak {spike['peak']} (planted "
          f"{truth['spike']['day']}), bursts {spike['bursts']}")


def operators(corpus, truth: dict) -> None:
    """Who runs which channel (operates_channel links of every rule) against the planted
    operators, and no decoy linked."""
    from actorgraph.campaign import operators as op
    from actorgraph.campaign.synthetic_operators import score

    links, wall, cpu = timed(lambda: op.link(corpus))
    s = score(links, truth)
    print(f"operator links: {wall:.1f} s wall, {cpu:.1f} s cpu; {s['found']} links for "
          f"{s['planted']} planted: P {s['precision']:.3f} R {s['recall']:.3f} (by rule P "
          f"{s['rule_precision']:.3f} R {s['rule_recall']:.3f}); decoys linked: "
          f"{len(s['decoys_linked'])}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=102_500,
                    help="target size (the generator lands within a few percent)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="generate into this folder and keep it")
    args = ap.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="campaign-bench-"))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                    "from actorgraph.campaign.synthetic_export import generate; "
                    "generate(sys.argv[2], seed=int(sys.argv[3]), posts=int(sys.argv[4]))",
                    str(SRC), str(folder), str(args.seed), str(args.posts)], check=True)
    print(f"generated in {time.perf_counter() - t0:.1f} s under {folder}")
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    window = truth["window"]
    corpus, wall, cpu = timed(lambda: read_exports([folder / "exports"]))
    print(f"read {corpus.messages} messages -> {len(corpus.posts)} posts "
          f"(truth {len(truth['posts'])}) in {wall:.1f} s wall, {cpu:.1f} s cpu")
    print(f"{'detector':22s} {'wall s':>7s} {'cpu s':>7s} {'pairs':>8s} {'P':>7s} {'R':>7s}")
    exact_wall = 0.0
    for rule in co.RULES:
        found, wall, cpu = timed(lambda r=rule: co.rule_pairs(corpus.posts, r, window))
        got = {frozenset((p.a, p.b)) for p in found}
        gold = planted(truth, KIND[rule], window)
        if rule == "near-duplicate-text":
            gold -= planted(truth, "text", window)
        else:
            exact_wall += wall
        hit = len(got & gold)
        print(f"{rule:22s} {wall:7.1f} {cpu:7.1f} {len(got):8d} "
              f"{hit / max(1, len(got)):7.4f} {hit / max(1, len(gold)):7.4f}")
    print(f"{'all exact detectors':22s} {exact_wall:7.1f}")
    result, wall, cpu = timed(lambda: co.run(corpus.posts))
    found = {frozenset(p) for c in result.clusters for p in itertools.combinations(c.members, 2)}
    gold = {frozenset(p) for c in truth["clusters"] for p in itertools.combinations(c, 2)}
    p = len(found & gold) / max(1, len(found))
    r = len(found & gold) / len(gold)
    decoys = {m for c in result.clusters for m in c.members} & set(truth["decoys"])
    print(f"whole run (5 rules, network, clusters): {wall:.1f} s wall, {cpu:.1f} s cpu; "
          f"{len(result.clusters)} clusters, pairwise F1 {2 * p * r / max(1e-9, p + r):.3f}, "
          f"decoys in clusters: {len(decoys)}")
    narratives(corpus, truth)
    operators(corpus, truth)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of the analysis process): {peak:.0f} MB")


if __name__ == "__main__":
    main()
