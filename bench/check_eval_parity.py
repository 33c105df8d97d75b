"""Check that `actorgraph eval` gives the reference scorer's figures on the same inputs.

    .venv/bin/python bench/check_eval_parity.py --gold GOLD [--corpus DIR] EXPORT ...
    .venv/bin/python bench/check_eval_parity.py --gold GOLD [--corpus DIR] --random 200

Runs the reference scorer (default: ../shared/eval/score.py beside this
repository; --scorer) and `actorgraph eval` as two processes on the same files,
each with --json, and checks that they print the same table, give the same
figures and list the same misses. The reference keeps only the first 200 wrong
relations and unmatched events and the first 50 non-verbatim claims, while
`actorgraph eval` lists them all, so those lists are cut the same way before
they are compared.

--random N also builds N exports at random from the gold (and the corpus's
sentences): names with titles, diacritics, "the" and possessives, false merges
and splits, relations reversed and repeated, events with dates of every
precision and types accepted or not, quantities near and far, attributions,
contradictions, and odd values (null, "", lists). Prints the figures side by
side for each export; exits 1 when anything differs.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "eval" / "score.py"
CUT = {"wrong_relations": 200, "unmatched_system_events": 200, "evidence_not_verbatim": 50}
OURS = "from actorgraph.cli.main import cli; cli(prog_name='actorgraph')"


def run(command: list[str]) -> str:
    """Run a command, returning its standard output; stop on failure."""
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr}")
    return done.stdout


def compare(export: str, gold: str, corpus: str | None, scorer: str, quiet: bool) -> list[str]:
    """Score one export both ways; the differences found (none when at parity)."""
    extra = ["--corpus", corpus] if corpus else []
    with tempfile.TemporaryDirectory() as tmp:
        ref_json, our_json = Path(tmp, "reference.json"), Path(tmp, "ours.json")
        ref_table = run([sys.executable, scorer, export, gold, *extra, "--json", str(ref_json)])
        our_table = run([sys.executable, "-c", OURS, "eval", export, gold, *extra,
                         "--json", str(our_json)])
        ref = json.loads(ref_json.read_text(encoding="utf-8"))
        ours = json.loads(our_json.read_text(encoding="utf-8"))
    ref_figures = {k: v for k, v in ref.items() if not k.startswith("_")}
    ref_misses = {k[1:]: v for k, v in ref.items() if k.startswith("_")}
    our_misses = {k: v[:CUT[k]] if k in CUT else v for k, v in ours["misses"].items()}
    problems = [] if our_table == ref_table else ["the printed tables differ"]
    if not quiet:
        print(f"{export}\n{'':32s} {'score.py':>9} {'ours':>9}")
    for key in [*ref_figures, *(k for k in ours["figures"] if k not in ref_figures)]:
        theirs, mine = ref_figures.get(key), ours["figures"].get(key)
        same = theirs == mine and type(theirs) is type(mine)
        if not quiet:
            print(f"{key:32s} {theirs!s:>9} {mine!s:>9}{'' if same else '   <-- differs'}")
        if not same:
            problems.append(f"figure {key}: reference {theirs!r}, ours {mine!r}")
    problems += [f"misses {k} differ" for k in sorted(set(ref_misses) | set(our_misses))
                 if ref_misses.get(k) != our_misses.get(k)]
    return problems


# --- random exports ---------------------------------------------------------------------

TITLES = ["Gen. ", "President ", "the ", "The ", "Ayatollah ", "Maj. Gen. ", "Mr ", ""]
ACCENTS = {"a": "á", "e": "é", "i": "ï", "o": "ö", "u": "ü", "c": "ç", "s": "ş"}
PREDICATES = ["leader_of", "founder_of", "member_of", "sponsored_by", "allied_with", "opposes",
              "based_in", "operates_in", "associate_of"]
EVENT_TYPES = ["ASSAULT", "THREATEN", "COERCE", "SUPPORT", "ACCUSE", "REJECT", "PROTEST"]


def _variant(rng: random.Random, name: str) -> str:
    """A spelling of a name the folding should (mostly) undo."""
    roll = rng.random()
    if roll < 0.25:
        name = rng.choice(TITLES) + name
    elif roll < 0.4:
        name = "".join(ACCENTS.get(c, c) if rng.random() < 0.3 else c for c in name)
    elif roll < 0.5:
        name = name.upper() + rng.choice(["'s", "\u2019s", ".", ""])
    elif roll < 0.55:
        name = name + " " + rng.choice(["Jr", "x", "Brigade"])
    return name


def _date(rng: random.Random, gold_date: object) -> object:
    base = str(gold_date) if gold_date else rng.choice(["2018", "2023-10", "2024-01-28"])
    return rng.choice([base, base[:4], base[:7], base + "-15", "1999", None, ""])


def random_export(rng: random.Random, gold: dict, sentences: list[str]) -> dict:
    """One export built from the gold's facts with noise of every kind the scorer meets."""
    docs = [{"id": f"doc-{i}", "source": f"some/where/{name}"}
            for i, name in enumerate(gold.get("documents", []) + ["missing.txt"])]
    gents = gold["entities"]
    entities, ids_of = [], {}
    for n, g in enumerate(gents):
        for copy in range(rng.choice([0, 1, 1, 1, 2])):
            names = [_variant(rng, rng.choice(g["names"] + g.get("accept", [])))
                     for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.05:
                names.append(rng.choice(rng.choice(gents)["names"]))    # a false merge
            eid = f"ent-{n}-{copy}"
            entities.append({"id": eid, "type": rng.choice([g["type"]] * 3 + ["place", "channel"]),
                             "name": names[0], "aliases": names[1:]})
            ids_of.setdefault(g["key"], []).append(eid)
    for n in range(rng.randint(0, 5)):
        entities.append({"id": f"ent-x{n}", "type": rng.choice(["person", "channel"]),
                         "name": rng.choice(["Nobody", "", "Mr", "@chan"]), "aliases": []})
    rng.shuffle(entities)
    all_ids = [e["id"] for e in entities] or ["ent-none"]

    def ids(slot: str | None) -> list[str]:
        keys = sorted(set(slot.split("|"))) if slot else []
        pool = [i for k in keys for i in ids_of.get(k, [])]
        return rng.sample(pool, min(len(pool), rng.randint(1, 2))) if pool else []

    def one(slot: str | None) -> str | None:
        got = ids(slot)
        return got[0] if got and rng.random() < 0.9 else rng.choice(all_ids + [None])

    relations = []
    for r in gold.get("relations", []):
        for _ in range(rng.choice([0, 1, 1, 2])):
            s, o = one(r["s"]), one(r["o"])
            if rng.random() < 0.3:
                s, o = o, s
            p = rng.choice(r["p"].split("|")) if rng.random() < 0.9 else rng.choice(PREDICATES)
            relations.append({"id": f"rel-{len(relations)}", "subject": s, "predicate": p,
                              "object": o, "claims": []})
    relations += [{"id": f"rel-x{n}", "subject": rng.choice(all_ids), "object": rng.choice(all_ids),
                   "predicate": rng.choice(PREDICATES), "claims": []} for n in range(5)]
    rng.shuffle(relations)
    events = []
    for g in gold.get("events", []):
        for _ in range(rng.choice([0, 1, 1, 2])):
            types = [g["type"], *g.get("accept_types", [])]
            slots = g["actors"] + g["targets"]
            events.append({
                "id": f"evt-{len(events)}",
                "type": rng.choice(types) if rng.random() < 0.85 else rng.choice(EVENT_TYPES),
                "date": _date(rng, g.get("date")),
                "actors": ids(rng.choice(slots)) if slots else [],
                "targets": [i for s in rng.sample(slots, min(2, len(slots))) for i in ids(s)],
                "location": one(g.get("location")) if rng.random() < 0.5 else None,
                "claims": []})
    rng.shuffle(events)
    sources = {d["id"]: d["source"].rsplit("/", 1)[-1] for d in docs}
    claims = []
    for q in gold.get("quantities", []):
        for _ in range(rng.choice([0, 1, 1, 2])):
            value = q["value"] * rng.choice([1, 1, 1.005, 1.02, 0.5]) if rng.random() < 0.9 \
                else rng.choice([True, "100", None])
            docs_ok = [d for d, s in sources.items() if s in q["docs"]]
            attributed = rng.choice([one(q.get("attributed_to")), "anonymous", None, ""])
            claims.append({"id": f"clm-{len(claims)}",
                           "doc": rng.choice(docs_ok or ["doc-0"]) if rng.random() < 0.9
                           else rng.choice(list(sources)),
                           "subject": one(q["subject"]), "attributed_to": attributed,
                           "value": int(value) if isinstance(value, float) and value.is_integer()
                           else value, "unit": q["unit"],
                           "text": rng.choice(sentences) if sentences else ""})
    for n in range(rng.randint(5, 30)):
        text = rng.choice(sentences) if sentences else "nothing"
        roll = rng.random()
        if roll < 0.2:
            text = re.sub(r" ", "  \n", text)
        elif roll < 0.3:
            text = text + " (added)"
        elif roll < 0.35:
            text = rng.choice(["", None])
        claims.append({"id": f"clm-t{n}", "doc": rng.choice(list(sources)), "text": text,
                       "attributed_to": None})
    rng.shuffle(claims)
    contradictions = []
    for n, g in enumerate(gold.get("contradictions", [])):
        sides = [rng.choice(side[0].split("|")) for side in g["texts"]]
        for _ in range(rng.choice([0, 1, 2])):
            ids_ = []
            for side in rng.sample(sides, rng.randint(1, 2)):
                ids_.append(f"clm-c{n}-{len(claims)}")
                claims.append({"id": ids_[-1], "doc": "doc-0", "text": f"It was {side} then."})
            if rng.random() < 0.2:
                ids_.append("clm-unknown")
            contradictions.append({"id": f"con-{len(contradictions)}", "claims": ids_})
    texted = [c["id"] for c in claims if isinstance(c.get("text", ""), str)]  # the reference
    contradictions.append({"id": "con-x",  # fails on a contradiction's claim with a null text
                           "claims": rng.sample(texted, min(2, len(texted)))})
    return {"format": "actorgraph/1", "documents": docs, "entities": entities,
            "relations": relations, "events": events, "claims": claims,
            "contradictions": contradictions}


def corpus_sentences(corpus: str | None) -> list[str]:
    """The corpus's sentences (roughly), as claim texts that are or are not verbatim."""
    if not corpus:
        return []
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(Path(corpus).glob("*.txt")))
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s][:2000]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("exports", nargs="*", metavar="EXPORT")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--corpus")
    ap.add_argument("--scorer", default=str(REFERENCE))
    ap.add_argument("--random", type=int, default=0, metavar="N")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    failed = 0
    for export in a.exports:
        problems = compare(export, a.gold, a.corpus, a.scorer, quiet=False)
        print("NOT the same:\n  " + "\n  ".join(problems) if problems else "same\n")
        failed += bool(problems)
    if a.random:
        differ = 0
        rng = random.Random(a.seed)
        gold = json.loads(Path(a.gold).read_text(encoding="utf-8"))
        sentences = corpus_sentences(a.corpus)
        with tempfile.TemporaryDirectory() as tmp:
            for n in range(a.random):
                path = Path(tmp, f"random-{n}.json")
                path.write_text(json.dumps(random_export(rng, gold, sentences)), encoding="utf-8")
                problems = compare(str(path), a.gold, a.corpus, a.scorer, quiet=True)
                if problems:
                    kept = Path(tempfile.gettempdir(), f"eval-parity-random-{a.seed}-{n}.json")
                    kept.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
                    print(f"random export {n} (kept as {kept}):\n  " + "\n  ".join(problems))
                    differ += 1
        print(f"{a.random} random exports: {a.random - differ} same, {differ} differ")
        failed += differ
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
