"""Benchmark of the cross-document entity resolver on synthetic name groups.

Builds N synthetic NameGroups (persons, organisations, places) whose names
carry transliteration noise, titles, short forms and Cyrillic, Arabic-script
and Azerbaijani-Latin spellings, times ``resolve()`` on them and prints a
table with the pairs compared, the clusters found and the pairwise precision
and recall against the generator's truth, then the growth factor of the time
between the two largest sizes.

    python bench/resolve.py --sizes 10000,100000,1000000 [--workers 2]

CPU seconds are printed beside wall seconds because the machine may be shared
(with --workers 2, cpu s counts the parent process only). "alike" is the share
of entities whose canonical name is a transliteration variant of another
entity's: the generator's names get denser as n grows, which bounds precision.
"""
from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rigour.names import NameTypeTag, analyze_names  # noqa: E402

from actorgraph.resolve.cluster import resolve
from actorgraph.resolve.records import NameGroup

ONSETS = ["b", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "p", "q", "r", "s",
          "sh", "t", "v", "z", "gh", "ch", "y", "w"]
NUCLEI = ["a", "e", "i", "o", "u", "ou", "ei", "ai", "aa", "ee"]
CODAS = ["", "", "", "n", "m", "r", "l", "s", "d", "b", "h", "k"]
SURNAME_ENDS = ["ov", "ev", "iyev", "zadeh", "i", "ani", "li", "lu", "", ""]
ORG_CORE_ENDS = ["iyoun", "iyyun", "ullah", "iya", "", "un"]
DESIGNATORS = ["Liwa", "Kata'ib", "Saraya", "Harakat", "Jaish", "", "", ""]
TITLES = ["Gen.", "Sheikh", "Sayyed", "Mr", "Hajj", "Commander"]

LAT_TO_CYR = [("kh", "х"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("ya", "я"), ("yu", "ю"),
              ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
              ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"),
              ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"),
              ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("y", "й"), ("z", "з")]
LAT_TO_ARB = [("kh", "خ"), ("sh", "ش"), ("gh", "غ"), ("ch", "چ"), ("ou", "و"), ("ei", "ی"),
              ("ai", "ی"), ("aa", "ا"), ("ee", "ی"), ("b", "ب"), ("d", "د"), ("f", "ف"),
              ("g", "گ"), ("h", "ه"), ("j", "ج"), ("k", "ک"), ("l", "ل"), ("m", "م"),
              ("n", "ن"), ("p", "پ"), ("q", "ق"), ("r", "ر"), ("s", "س"), ("t", "ت"),
              ("v", "و"), ("w", "و"), ("y", "ی"), ("z", "ز"), ("o", "و"), ("u", "و"),
              ("i", "ی"), ("a", ""), ("e", "")]
LAT_TO_AZ = [("sh", "ş"), ("ch", "ç"), ("kh", "x"), ("gh", "ğ"), ("a", "ə"), ("i", "i")]
TRANSLIT = [("q", "k"), ("q", "gh"), ("kh", "h"), ("ou", "u"), ("ou", "o"), ("ei", "ey"),
            ("ei", "ai"), ("i", "e"), ("e", "i"), ("ss", "s"), ("s", "ss"), ("mm", "m"),
            ("aw", "o"), ("w", "v"), ("iyev", "iev"), ("iyoun", "iyun"), ("u", "o")]


def _syllable(rng: random.Random) -> str:
    return rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS)


def _word(rng: random.Random, syllables: int, end: str = "") -> str:
    return "".join(_syllable(rng) for _ in range(syllables)) + end


def _replace_table(word: str, table: list[tuple[str, str]]) -> str:
    out = []
    i = 0
    low = word.lower()
    while i < len(low):
        for src, dst in table:
            if low.startswith(src, i):
                out.append(dst)
                i += len(src)
                break
        else:
            out.append(low[i])
            i += 1
    return "".join(out)


def _translit_noise(rng: random.Random, word: str) -> str:
    for src, dst in rng.sample(TRANSLIT, 3):
        if src in word and rng.random() < 0.7:
            word = word.replace(src, dst, 1)
    return word


def _variant(rng: random.Random, name: str) -> str:
    """One spelling of a canonical Latin name, as a report might write it."""
    r = rng.random()
    words = name.split()
    if r < 0.45:
        return name
    if r < 0.75:
        return " ".join(_translit_noise(rng, w.lower()).capitalize() for w in words)
    if r < 0.85:
        return " ".join(_replace_table(w, LAT_TO_CYR).capitalize() for w in words)
    if r < 0.93:
        return " ".join(_replace_table(w, LAT_TO_ARB) or w for w in words)
    az = " ".join(_replace_table(w, LAT_TO_AZ).capitalize() for w in words)
    return az


def make_groups(n: int, seed: int = 7) -> tuple[list[NameGroup], list[int]]:
    """n synthetic NameGroups and the true entity number of each."""
    rng = random.Random(seed)
    n_entities = max(10, n // 4)
    n_given = 400
    n_surnames = max(500, n_entities // 2)
    given = sorted({_word(rng, rng.choice((1, 2))).capitalize() for _ in range(n_given)})
    surnames = sorted({_word(rng, rng.choice((2, 2, 3)), rng.choice(SURNAME_ENDS)).capitalize()
                       for _ in range(n_surnames)})
    places = sorted({_word(rng, rng.choice((2, 3))).capitalize()
                     for _ in range(max(200, n_entities // 20))})
    entities: list[tuple[str, str, str | None]] = []
    seen = set()
    while len(entities) < n_entities:
        r = rng.random()
        if r < 0.6:
            name = f"{rng.choice(given)} {rng.choice(surnames)}"
            if rng.random() < 0.2:
                name = f"{rng.choice(given)} {name}"
            ent = ("person", name, None)
        elif r < 0.9:
            core = _word(rng, rng.choice((2, 3)), rng.choice(ORG_CORE_ENDS)).capitalize()
            name = " ".join(w for w in (rng.choice(DESIGNATORS), core) if w)
            ent = ("organization", name, rng.choice(("armed_group", "political_party", None)))
        else:
            ent = ("place", rng.choice(places), None)
        if ent[:2] not in seen:
            seen.add(ent[:2])
            entities.append(ent)
    groups: list[NameGroup] = []
    truth: list[int] = []
    # every entity is mentioned at least once, the rest Zipf-like
    weights = [1.0 / (1 + i) ** 0.6 for i in range(len(entities))]
    picks = list(range(len(entities)))
    picks += rng.choices(range(len(entities)), weights=weights, k=max(0, n - len(entities)))
    rng.shuffle(picks)
    for i, e in enumerate(picks[:n]):
        type_, name, kind = entities[e]
        full = _variant(rng, name)
        names = [(full, 1)]
        if type_ == "person":
            if rng.random() < 0.15:
                names = [(f"{rng.choice(TITLES)} {full}", 1)] + names
            if rng.random() < 0.3:
                names.append((full.split()[-1], rng.randint(1, 4)))
            if rng.random() < 0.08:            # the document only gives the surname
                names = [(full.split()[-1], 2)]
        elif type_ == "organization" and rng.random() < 0.1 and len(name.split()) > 1:
            names.append(("".join(w[0] for w in name.split()).upper(), 1))
        context = frozenset(entities[rng.randrange(len(entities))][1].lower()
                            for _ in range(2)) | {entities[e][1].split()[-1].lower()}
        groups.append(NameGroup(f"g{i:07d}", f"d{i // 20:06d}", type_, kind,
                                tuple(names), context))
        truth.append(e)
    make_groups.entities = entities         # for truth_collisions()
    return groups, truth


def truth_collisions(groups: list[NameGroup], truth: list[int]) -> float:
    """Share of mentioned entities whose canonical name has the same type and
    transliteration class (vowel-class keys) as another entity's: pairs that no
    name-based resolver can tell apart, an upper bound on the precision lost."""
    from actorgraph.knowledge.names import significant_tokens, vowel_key
    entities = make_groups.entities
    seen = sorted(set(truth))
    sig = Counter()
    sigs = {}
    for e in seen:
        type_, name, _ = entities[e]
        key = (type_, tuple(sorted(vowel_key(t) for t in significant_tokens(name, type_))))
        sigs[e] = key
        sig[key] += 1
    return sum(1 for e in seen if sig[sigs[e]] > 1) / max(1, len(seen))


def pairwise_quality(clusters: list[list[str]], groups: list[NameGroup],
                     truth: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall of the clusters against the truth."""
    entity_of = {g.id: t for g, t in zip(groups, truth)}
    tp = predicted = 0
    for cluster in clusters:
        predicted += len(cluster) * (len(cluster) - 1) // 2
        for c in Counter(entity_of[i] for i in cluster).values():
            tp += c * (c - 1) // 2
    actual = sum(c * (c - 1) // 2 for c in Counter(truth).values())
    return (tp / predicted if predicted else 1.0), (tp / actual if actual else 1.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-block", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1,
                        help="processes scoring the pairs (2 on a 2-core machine)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    # rigour loads its name tables on first use (a few seconds): not timed
    t0 = time.perf_counter()
    analyze_names(NameTypeTag.PER, ["warm up"])
    print(f"rigour warm-up: {time.perf_counter() - t0:.1f} s")
    rows = []
    stages: list[str] = []
    header = (f"{'n':>9} {'gen s':>7} {'resolve s':>10} {'cpu s':>8} {'pairs':>10} {'pairs/n':>8} "
              f"{'clusters':>9} {'review':>8} {'precision':>9} {'recall':>7} {'alike':>6}")
    print(header)
    print("-" * len(header))
    for n in sizes:
        t0 = time.perf_counter()
        groups, truth = make_groups(n, args.seed)
        gen = time.perf_counter() - t0
        gc.collect()
        gc.freeze()                 # the inputs are long-lived: keep them out of the GC's walk
        t0, c0 = time.perf_counter(), time.process_time()
        result = resolve(groups, max_block=args.max_block, workers=args.workers)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        gc.unfreeze()
        p, r = pairwise_quality(result.clusters, groups, truth)
        collide = truth_collisions(groups, truth)
        pairs = result.stats["pairs_compared"]
        rows.append((n, secs, cpu))
        print(f"{n:>9} {gen:>7.1f} {secs:>10.1f} {cpu:>8.1f} {pairs:>10} {pairs / n:>8.2f} "
              f"{len(result.clusters):>9} {len(result.review):>8} {p:>9.3f} {r:>7.3f} {collide:>6.3f}",
              flush=True)
        st = result.stats
        stages.append(f"{n:>9}: profiles {st['ms_profiles'] / 1000:.1f} s, blocking "
                      f"{st['ms_blocking'] / 1000:.1f} s, scoring {st['ms_scoring'] / 1000:.1f} s, "
                      f"merging {st['ms_merging'] / 1000:.1f} s; {st['nodes']} nodes, "
                      f"{st.get('oversize_keys', 0)} large keys windowed, "
                      f"{st.get('skipped_keys', 0)} skipped")
        del groups, truth, result
        gc.collect()
    print("\nstages (wall):")
    for line in stages:
        print(line)
    if len(rows) >= 2:
        (n1, t1, c1), (n2, t2, c2) = rows[-2], rows[-1]
        print(f"\ngrowth {n1} -> {n2}: x{n2 / n1:.0f} groups, "
              f"x{t2 / t1:.2f} wall time, x{c2 / c1:.2f} cpu time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
