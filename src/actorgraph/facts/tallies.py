"""Casualty tallies that disagree: two sources a sentence or two apart in one report, each
counting the dead or the wounded of one act, with exact figures that cannot both hold ("the
police count four dead and eleven injured" / "the army reported two soldiers killed and 11
people hurt").

A tally is a cardinal next to a word of the class of death or of injury ("N dead",
"N people were killed", "killing N", "N wounded"). Only exact figures count: a bound or an
estimate ("at least 9", "more than 300", "about 40") agrees with any higher or nearby
count; the two ends of a range ("between 12 and 15") are not a tally. Two sentences
tell one act when neither tells an act of its own the other does not (an attack event
carried by one sentence only is another act), and neither says its count is another one
("another", "also", "in all", ...)."""
from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Mapping
from typing import TypeVar

from actorgraph.store.facts import ClaimRow, FactRow

K = TypeVar("K")          # where a telling is (a document and sentence)

TALLY_WINDOW = 2          # sentences between two counts of one act
TALLY_TOLERANCE = 0.2     # counts within 20% of each other are one figure
NUMBER_WORDS = {"no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
MEASURES = {"dead": ("dead", "killed", "died"), "wounded": ("wounded", "injured", "hurt")}
VERBS = {"dead": ("killing", "killed"), "wounded": ("wounding", "wounded", "injuring", "injured")}
# words before a number that make it a bound, an estimate or one end of a range
HEDGES = ("at least", "more than", "over", "about", "around", "some", "nearly", "almost",
          "up to", "as many as", "roughly", "approximately", "between", "than", "of")
# words that make a count another act's or a sum of counts (a part, "two of them children",
# is a second count of one measure: a sentence with two is left out)
OTHER_ACT = ("another", "also", "in all", "total", "combined", "further", "separate",
             "elsewhere", "bringing")
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november"
          "|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
NUM = r"(?<![-\w])(\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")"
# after a verb of killing, "a" or "an" is one ("killed a contractor"), not "a dozen", "a few"
ONE = r"(?<![-\w])(an?)\s+(?!dozen|few|couple|number|total|handful|score|hundred|thousand)"
GAP = r"(?:\s+(?!and\b|or\b|to\b|of\b|from\b|than\b|\d)[a-z][a-z-]*){0,3}"


def _value(word: str) -> float:
    if word in ("a", "an"):
        return 1.0
    return float(NUMBER_WORDS[word] if word in NUMBER_WORDS else word.replace(",", ""))


def _hedged(text: str, at: int) -> bool:
    before = text[max(0, at - 30):at].rstrip()
    return any(re.search(rf"\b{h}$", before) for h in HEDGES) \
        or bool(re.search(rf"\b{NUM}\s+(?:and|to|or)$", before))   # "12 and 15"


def tallies(text: str) -> dict[str, set[float]]:
    """The exact counts of dead and of wounded a sentence gives."""
    text = text.lower()
    out: dict[str, set[float]] = {}
    for measure, words in MEASURES.items():
        after = rf"\b{NUM}{GAP}\s+(?:were\s+|was\s+)?(?:{'|'.join(words)})\b"
        before = rf"\b(?:{'|'.join(VERBS[measure])})\s+{NUM}\b"
        single = rf"\b(?:{'|'.join(VERBS[measure])})\s+{ONE}"
        for pattern in (after, before, single):
            for m in re.finditer(pattern, text):
                if m.group(1) == "no" and pattern == before or _hedged(text, m.start(1)) \
                        or re.match(rf"\s*(?:and|to|or|-)\s*{NUM}\b", text[m.end(1):]) \
                        or re.match(rf"\.?\s*(?:{MONTHS})\b", text[m.end(1):]) \
                        or re.search(rf"\b(?:{MONTHS})\.?\s*$", text[:m.start(1)]):
                    continue   # a bound, an estimate, one end of a range, or a date
                out.setdefault(measure, set()).add(_value(m.group(1)))
    return out


def _differ(a: set[float], b: set[float]) -> bool:
    if len(a) != 1 or len(b) != 1:
        return False       # a sentence with two counts of one measure tells two groups
    lo, hi = sorted((next(iter(a)), next(iter(b))))
    return hi > 0 and (hi - lo) / hi > TALLY_TOLERANCE


def tally_conflicts(claims: list[ClaimRow], facts: list[FactRow], texts: dict[str, str],
                    acts: set[str]) -> list[tuple[ClaimRow, ClaimRow, str]]:
    """Pairs of claims (earlier, later, measure) whose tallies of one act disagree."""
    by_id = {c.id: c for c in claims}
    told: dict[tuple[str, int], set[str]] = {}
    for f in facts:
        if f.kind == "event" and f.data.get("type") in acts:
            for cid in f.claims:
                if cid in by_id:
                    told.setdefault((by_id[cid].doc_id, by_id[cid].sentence), set()).add(f.id)
    located: dict[tuple[str, int], tuple[ClaimRow, dict[str, set[float]]]] = {}
    for c in sorted(claims, key=lambda c: (c.doc_id, c.sentence, c.id)):
        if c.kind != "quantity" or (c.doc_id, c.sentence) in located:
            continue
        text = texts.get(c.doc_id, "")[c.start:c.end]
        counts = tallies(text)
        if counts and not any(re.search(rf"\b{w}\b", text.lower()) for w in OTHER_ACT):
            located[(c.doc_id, c.sentence)] = (c, counts)
    out = []
    keys = sorted(located)
    for i, ka in enumerate(keys):
        for kb in keys[i + 1:]:
            if kb[0] != ka[0] or kb[1] - ka[1] > TALLY_WINDOW:
                break
            (ca, ta), (cb, tb) = located[ka], located[kb]
            if ca.speaker_key == cb.speaker_key or told.get(ka, set()) != told.get(kb, set()):
                continue   # one voice going on, or another act
            differing = [m for m in sorted(set(ta) & set(tb)) if _differ(ta[m], tb[m])]
            if differing:
                out.append((ca, cb, differing[0]))
    return out


def act_tally_conflicts(claims: list[ClaimRow], facts: list[FactRow], texts: dict[str, str],
                        acts: set[str]) -> list[tuple[ClaimRow, ClaimRow, str, FactRow]]:
    """Pairs of claims of one act (one merged event: same type, sharing participants, dates
    that agree, not two places) in different reports or voices, whose sentences count its
    dead or wounded differently. A sentence that tells two acts is left out: its count may
    be the other's. A telling that counts the act as an earlier one did (the same measures
    and values) is compared only where the earlier could not be (`_firsts_apart`): the
    contradictions grow with the different counts, not with the square of the tellings."""
    by_id = {c.id: c for c in claims}
    events = [f for f in facts if f.kind == "event" and f.data.get("type") in acts]
    told: dict[tuple[str, int], set[str]] = {}
    for f in events:
        for cid in f.claims:
            if cid in by_id:
                told.setdefault((by_id[cid].doc_id, by_id[cid].sentence), set()).add(f.id)
    out = []
    for f in events:
        counted: dict[tuple[str, int], tuple[ClaimRow, dict[str, set[float]]]] = {}
        for c in sorted((by_id[x] for x in f.claims if x in by_id), key=lambda c: c.id):
            at = (c.doc_id, c.sentence)
            if at in counted or len(told.get(at, ())) > 1:
                continue
            text = texts.get(c.doc_id, "")[c.start:c.end]
            counts = tallies(text)
            if counts and not any(re.search(rf"\b{w}\b", text.lower()) for w in OTHER_ACT):
                counted[at] = (c, counts)
        voice = {k: (k[0], c.speaker_key) for k, (c, _) in counted.items()}
        alike = {k: _likeness(counts) for k, (_, counts) in counted.items()}
        for ka, kb in _firsts_apart(sorted(counted), voice, alike):
            (ca, ta), (cb, tb) = counted[ka], counted[kb]
            differing = [m for m in sorted(set(ta) & set(tb)) if _differ(ta[m], tb[m])]
            if differing:
                out.append((ca, cb, differing[0], f))
    return out


def _likeness(counts: dict[str, set[float]]) -> tuple:
    return tuple(sorted((m, tuple(sorted(v))) for m, v in counts.items()))


def _firsts_apart(keys: list[K], voice: Mapping[K, Hashable], likeness: Mapping[K, Hashable]
                  ) -> Iterator[tuple[K, K]]:
    """The pairs of `keys` (in order, earlier first) of two voices worth comparing: each
    key paired with another only when it is the first of its likeness in a voice other
    than the other's, and the other likewise. A later telling alike to an earlier one in
    a third voice states again what the earlier states; but one in the voice the earlier
    was excused with (one voice going on) still compares, through the first telling of its
    likeness in another voice. So each two likenesses give at most four pairs, and the
    work grows with the tellings, not their square (an act retold by thousands of
    reports). `facts/measured._firsts` does not fit: there the voice that excuses a pair
    (a language) is part of the likeness."""
    firsts: dict[Hashable, list[K]] = {}   # the first, and the first in another voice
    for k in keys:
        seen = firsts.setdefault(likeness[k], [])
        if not seen or len(seen) == 1 and voice[k] != voice[seen[0]]:
            seen.append(k)

    def first_apart(k: K, other: K) -> bool:
        return k == next((x for x in firsts[likeness[k]] if voice[x] != voice[other]), None)

    chosen = {k for seen in firsts.values() for k in seen}
    worth = [k for k in keys if k in chosen]
    for i, ka in enumerate(worth):
        for kb in worth[i + 1:]:
            if voice[ka] != voice[kb] and first_apart(ka, kb) and first_apart(kb, ka):
                yield ka, kb


# qualifiers of a lower bound; "more": a count added to others ("two more"), which the
# whole count is at least
LOWER = ("at least", "over", "more than", "more")
UPPER = ("up to", "at most", "fewer than", "less than", "under")
APPROXIMATE = ("about", "approximately", "estimated", "nearly")


def _interval(claim: ClaimRow) -> tuple[float, float]:
    """The values a count allows, by its qualifier: "at least 17" all from 17 up."""
    return interval(float(claim.payload["value"]), claim.payload.get("qualifier"))


def interval(value: float, qualifier: str | None) -> tuple[float, float]:
    """The values `value` allows with `qualifier` ("at least", "about", ...)."""
    if qualifier in LOWER:
        return value, float("inf")
    if qualifier in UPPER:
        return 0.0, value
    if qualifier in APPROXIMATE:
        return value * (1 - TALLY_TOLERANCE), value * (1 + TALLY_TOLERANCE)
    return value, value


def _apart(a: ClaimRow, b: ClaimRow) -> bool:
    (lo_a, hi_a), (lo_b, hi_b) = _interval(a), _interval(b)
    lo, hi = max(lo_a, lo_b), min(hi_a, hi_b)
    return lo > hi and (lo - hi) / lo > TALLY_TOLERANCE


INSIDE = ("member_of", "leader_of", "founder_of")     # a voice that speaks for a body


def _one_voice(facts: list[FactRow]):
    """Whether two speakers are one voice: the same, or one belongs to or leads the other
    (a health minister and the ministry)."""
    linked = {frozenset((f.data["subject"], f.data["object"])) for f in facts
              if f.kind == "relation" and f.data.get("predicate") in INSIDE}

    def same(a: ClaimRow, b: ClaimRow) -> bool:
        x, y = a.attributed_to, b.attributed_to
        return a.speaker_key == b.speaker_key or (x is not None and x == y) \
            or frozenset((x, y)) in linked
    return same


def _acts_told(claims: list[ClaimRow], facts: list[FactRow]) -> dict[tuple[str, int], set[str]]:
    by_id = {c.id: c for c in claims}
    told: dict[tuple[str, int], set[str]] = {}
    for f in facts:
        if f.kind == "event":
            for cid in f.claims:
                if cid in by_id:
                    told.setdefault((by_id[cid].doc_id, by_id[cid].sentence), set()).add(f.id)
    return told


def counted_conflicts(claims: list[ClaimRow], facts: list[FactRow] | None = None
                      ) -> list[tuple[ClaimRow, ClaimRow, str]]:
    """Pairs of counts of the dead (or of the wounded), as the extractor measured them, by
    two voices a sentence or two apart in one report, that cannot both hold ("one of its
    members" / "at least 17 people died"). Counts in one sentence conflict only when two
    voices give them (the two ends of a range of estimates); a sentence with two counts of
    one measure by one voice tells two groups, and is left out; so are two sentences that
    each tell acts the other does not (two acts), and two voices of which one speaks for
    the other (`facts`: the relations and events). Other measures (the held, missiles) are
    left out: a report's later count of arrests is a running total, not another account."""
    facts = facts or []
    same_voice, told = _one_voice(facts), _acts_told(claims, facts)
    counts = sorted((c for c in claims if c.kind == "quantity"
                     and c.payload.get("measure") in MEASURES),
                    key=lambda c: (c.doc_id, c.sentence, c.id))
    per: dict[tuple[str, int, str], list[ClaimRow]] = {}
    for c in counts:
        per.setdefault((c.doc_id, c.sentence, c.payload["measure"]), []).append(c)
    out = []
    for i, a in enumerate(counts):
        for b in counts[i + 1:]:
            if b.doc_id != a.doc_id or b.sentence - a.sentence > TALLY_WINDOW:
                break
            measure = a.payload["measure"]
            if b.payload["measure"] != measure or same_voice(a, b):
                continue
            acts_a, acts_b = (told.get((c.doc_id, c.sentence), set()) for c in (a, b))
            if acts_a and acts_b and not acts_a & acts_b:
                continue   # each sentence tells its own act
            if a.sentence != b.sentence and any(len({x.speaker_key for x in per[(c.doc_id,
                    c.sentence, measure)]}) != len(per[(c.doc_id, c.sentence, measure)])
                    for c in (a, b)):
                continue   # two counts of one voice in a sentence: two groups
            if _apart(a, b):
                out.append((a, b, measure))
    return out
