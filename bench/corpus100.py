"""A corpus of N short distinct reports made from the example corpus, for the benches that
need many documents (bench/kill.py, bench/concurrency.py).

Document i is a window of three paragraphs of example report i % 7 (the window moves on
with each round of seven), its people renamed: every person the example corpus names is
given, in round r, a surname from a fixed list of invented ones (round 0 keeps the real
names), and every copy gets its own title, publisher and date in a sidecar. So the
documents differ in content (distinct sha256), people multiply across rounds while groups,
states and places stay, and resolution has real work to do.

    python bench/corpus100.py OUT_DIR [--docs 100]
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus"
# people named in the example corpus: surname as written -> rename in place each round
PEOPLE = ("Soleimani", "al-Muhandis", "al-Hamidawi", "Safarov", "Begli", "Calloway",
          "Nasrallah", "Aliyev", "Khamenei", "Qaani")
INVENTED = ("Darvanli", "Kestrani", "Morazadeh", "Tulvani", "Haskori", "Venmari",
            "Orzulov", "Pashtani", "Ilvardi", "Zorakhan", "Belkani", "Rustavi", "Quenari",
            "Sarvani")
PUBLISHERS = ("Tigris Policy Notes", "Caspian Desk", "Levant Monitor", "Gulf Wire Digest")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _renamed(text: str, rnd: int) -> str:
    if rnd == 0:
        return text
    for k, surname in enumerate(PEOPLE):
        other = INVENTED[(k + rnd) % len(INVENTED)]
        text = re.sub(rf"\b{re.escape(surname)}\b", other, text)
    return text


def make_corpus(out: Path, docs: int = 100) -> list[Path]:
    """Write `docs` reports (and their sidecars) into `out`; returns the text files."""
    out.mkdir(parents=True, exist_ok=True)
    reports = sorted(EXAMPLES.glob("*.txt"))
    written = []
    for i in range(docs):
        src = reports[i % len(reports)]
        rnd = i // len(reports)
        meta = json.loads(src.with_suffix(".meta.json").read_text(encoding="utf-8")) \
            if src.with_suffix(".meta.json").exists() else {}
        paras = _paragraphs(src.read_text(encoding="utf-8"))
        start = (rnd * 2) % max(1, len(paras) - 2)
        body = "\n\n".join(paras[start:start + 3])
        title = f"{meta.get('title') or src.stem} (dispatch {i + 1})"
        path = out / f"{i:03d}_{src.stem[3:]}.txt"
        path.write_text(_renamed(f"{title}\n\n{body}\n", rnd), encoding="utf-8")
        sidecar = {"title": _renamed(title, rnd), "publisher": PUBLISHERS[i % len(PUBLISHERS)],
                   "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "language": "en"}
        path.with_suffix(".meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=100)
    args = ap.parse_args()
    files = make_corpus(Path(args.out), args.docs)
    print(f"{len(files)} documents, {sum(p.stat().st_size for p in files)} bytes in {args.out}")


if __name__ == "__main__":
    main()
