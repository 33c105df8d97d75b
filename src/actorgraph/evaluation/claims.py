"""Scoring what rests on claims: quantities, contradictions, and verbatim evidence."""
from __future__ import annotations

from pathlib import Path

from actorgraph.evaluation.entities import EntityLinks
from actorgraph.evaluation.names import alternatives
from actorgraph.evaluation.report import Section, precision_recall_f1, share

# Exported values within this share of the gold value count as the same figure.
VALUE_TOLERANCE = 0.01


def attribution_ok(q: dict, claim: dict, links: EntityLinks) -> bool:
    """Does the claim credit whom the gold quantity credits?

    "anonymous" must be exported as "anonymous"; no one (the author's own
    voice) as null or ""; an entity as an id linked to one of the gold keys.
    """
    want, got = q.get("attributed_to"), claim.get("attributed_to")
    if want == "anonymous":
        return got == "anonymous"
    return (want is None and got in (None, "")) or bool(want and links.keys(got)
                                                        & alternatives(want))


def score_quantities(gold: dict, export: dict, links: EntityLinks,
                     doc_source: dict[str, str]) -> Section:
    """Quantity recall, and among those found the share with the right attribution.

    Each gold quantity takes one untaken numeric claim from one of its
    documents with a value within 1%: preferably one whose subject is the
    gold's, then one rightly attributed; ties to the earliest claim.
    """
    claims = [c for c in export.get("claims", []) if isinstance(c.get("value"), (int, float))]
    golds = gold.get("quantities", [])
    taken: set[int] = set()
    found = attributed = 0
    missed = []
    for q in golds:
        best, best_rank = None, (False, False)
        for j, c in enumerate(claims):
            if j in taken or abs(c["value"] - q["value"]) > VALUE_TOLERANCE * q["value"]:
                continue
            if doc_source.get(c.get("doc")) not in q["docs"]:
                continue
            rank = (bool(links.keys(c.get("subject")) & alternatives(q["subject"])),
                    attribution_ok(q, c, links))
            if best is None or rank > best_rank:
                best, best_rank = j, rank
        if best is None:
            missed.append(f'{q["value"]} {q["unit"]} ({q["subject"]})')
            continue
        taken.add(best)
        found += 1
        attributed += best_rank[1]
    return Section(
        figures={"quantity_recall": share(found, len(golds)),
                 "quantity_attribution_accuracy": share(attributed, found)},
        misses={"missed_quantities": missed})


def mentions(text: str, pattern: str) -> bool:
    """Does the text contain, ignoring case, one of the pattern's "|"-separated strings?"""
    lowered = text.lower()
    return any(p.lower() in lowered for p in pattern.split("|"))


def _sides_apart(texts: list[str], first: str, second: str) -> bool:
    """Does one text carry the first side and another text the second?"""
    return any(a != b and mentions(texts[a], first) and mentions(texts[b], second)
               for a in range(len(texts)) for b in range(len(texts)))


def score_contradictions(gold: dict, export: dict) -> Section:
    """Contradiction recall and precision.

    An exported contradiction finds the first gold contradiction whose two
    sides its claims' texts carry apart; one that finds none is a false
    positive. Finding a gold contradiction again costs nothing.
    """
    claims = {c["id"]: c for c in export.get("claims", [])}
    golds = gold.get("contradictions", [])
    found: set[int] = set()
    fp = 0
    for con in export.get("contradictions", []):
        texts = [claims[c].get("text") or "" for c in con.get("claims", []) if c in claims]
        hit = next((i for i, g in enumerate(golds)
                    if _sides_apart(texts, g["texts"][0][0], g["texts"][1][0])), None)
        if hit is None:
            fp += 1
        else:
            found.add(hit)
    p, r, _ = precision_recall_f1(len(found), fp, len(found), len(golds))
    return Section(
        figures={"contradiction_recall": r, "contradiction_precision": p},
        misses={"missed_contradictions": [g["about"] for i, g in enumerate(golds)
                                          if i not in found]})


def _squeeze(text: str) -> str:
    """Runs of white space as one space, none at the ends."""
    return " ".join(text.split())


def score_evidence(export: dict, corpus: Path, doc_source: dict[str, str]) -> Section:
    """The share of claims whose text appears, modulo white space, in its document's file.

    Documents are found in the corpus folder by their source's base name;
    claims of documents not found there are not checked.
    """
    texts = {}
    for doc_id, name in doc_source.items():
        path = corpus / name
        if name and path.is_file():
            texts[doc_id] = _squeeze(path.read_text(encoding="utf-8", errors="replace"))
    checked = verbatim = 0
    bad = []
    for c in export.get("claims", []):
        if c.get("doc") not in texts:
            continue
        checked += 1
        text = _squeeze(c.get("text") or "")
        if text and text in texts[c["doc"]]:
            verbatim += 1
        else:
            bad.append(c.get("id"))
    return Section(figures={"evidence_verbatim": share(verbatim, checked),
                            "claims_checked": checked},
                   misses={"evidence_not_verbatim": bad})
