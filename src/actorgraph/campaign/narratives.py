"""Analyst-defined narratives: loaded from a data file (phrases and keywords per
language), assigned to posts by rule, spread to near-duplicates of labelled posts, then
counted per UTC day with burst days, the peak, and the channels that originate them.

Every label cites its post (id, UTC time) and the rule behind it: the phrase or the
keywords matched, or the labelled post it is a near-duplicate of.
"""
from __future__ import annotations

import statistics
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from scipy.stats import nbinom, poisson

from actorgraph.campaign import neardup
from actorgraph.campaign.records import ExportError, Post, utc_day, utc_iso
from actorgraph.campaign.textnorm import tokens


@dataclass(frozen=True)
class Narrative:
    id: str
    label: str
    phrases: tuple[tuple[str, ...], ...]
    keywords: tuple[str, ...]
    min_keywords: int = 2


@dataclass
class Label:
    post: str
    narrative: str
    rule: str                       # phrase | keywords | near-duplicate
    matched: list[str] = field(default_factory=list)


def _term(word: str, token: str) -> bool:
    return token.startswith(word[:-1]) if word.endswith("*") else token == word


def _words(term: str) -> tuple[str, ...]:
    star = term.strip().endswith("*")
    words = tokens(term)
    if star and words:
        words[-1] += "*"
    return tuple(words)


def load(path: str | Path) -> list[Narrative]:
    """The narratives of a data file; a malformed one is an error naming the file."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ExportError(f"{path}: not a readable narratives file: {err}") from None
    items = data.get("narratives") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise ExportError(f"{path}: no `narratives:` list")
    out = []
    for n, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("id"):
            raise ExportError(f"{path}: narrative {n + 1} has no `id`")
        phrases: list[tuple[str, ...]] = []
        keywords: list[str] = []
        for lang, terms in (item.get("terms") or {}).items():
            if not isinstance(terms, dict):
                raise ExportError(f"{path}: narrative {item['id']}: terms of {lang!r} are "
                                  "not a mapping of phrases and keywords")
            phrases.extend(w for p in terms.get("phrases") or [] if (w := _words(str(p))))
            for k in terms.get("keywords") or []:
                words = _words(str(k))
                (phrases.append(words) if len(words) > 1 else keywords.extend(words))
        out.append(Narrative(str(item["id"]), str(item.get("label") or item["id"]),
                             tuple(phrases), tuple(dict.fromkeys(keywords)),
                             int(item.get("min_keywords", 2))))
    return out


class Words:
    """A post's words, for membership and prefix look-ups (sorted, by bisection)."""

    def __init__(self, toks: list[str]) -> None:
        self.toks = toks
        self.set = set(toks)
        self.sorted = sorted(self.set)

    def has(self, word: str) -> bool:
        if not word.endswith("*"):
            return word in self.set
        stem = word[:-1]
        i = bisect_left(self.sorted, stem)
        return i < len(self.sorted) and self.sorted[i].startswith(stem)


def match(narrative: Narrative, toks: list[str] | Words) -> Label | None:
    """The rule by which a post's tokens carry `narrative`, if any (post id left blank)."""
    words = toks if isinstance(toks, Words) else Words(toks)
    seq = words.toks
    for phrase in narrative.phrases:
        if not all(words.has(w) for w in phrase):
            continue
        n = len(phrase)
        for i in range(len(seq) - n + 1):
            if all(_term(w, t) for w, t in zip(phrase, seq[i:i + n])):
                return Label("", narrative.id, "phrase", [" ".join(phrase)])
    hits = [k for k in narrative.keywords if words.has(k)]
    if len(hits) >= narrative.min_keywords:
        return Label("", narrative.id, "keywords", hits)
    return None


def assign(posts: list[Post], narratives: list[Narrative],
           similarity: float = neardup.THRESHOLD) -> dict[str, dict[str, Label]]:
    """Post id → narrative id → label: by rule, then spread to near-duplicates."""
    labels: dict[str, dict[str, Label]] = defaultdict(dict)
    for p in posts:
        words = Words(tokens(p.text))
        for nar in narratives:
            found = match(nar, words)
            if found:
                found.post = p.id
                labels[p.id][nar.id] = found
    group_of = neardup.spread_groups(posts, similarity)
    members: dict[str, list[str]] = defaultdict(list)
    for pid, group in group_of.items():
        members[group].append(pid)
    time_of = {p.id: p.time for p in posts}
    for ids in members.values():
        labelled = sorted((pid for pid in ids if labels.get(pid)),
                          key=lambda pid: (time_of[pid], pid))
        for source in labelled:
            for nid in list(labels[source]):
                for pid in ids:
                    if nid not in labels[pid]:
                        labels[pid][nid] = Label(pid, nid, "near-duplicate", [source])
    return dict(labels)


def series(posts: list[Post], labels: dict[str, dict[str, Label]],
           narratives: list[Narrative], alpha: float = 0.001) -> list[dict]:
    """Per narrative: daily counts over the corpus's days, burst days (`burst_limit`), the
    peak, first and last posts, and the channels whose posts came first in their
    near-duplicate groups."""
    if not posts:
        return []
    first, last = min(p.time for p in posts), max(p.time for p in posts)
    days = [utc_day(t) for t in range(first - first % 86400, last + 1, 86400)]
    by_id = {p.id: p for p in posts}
    out = []
    for nar in narratives:
        carried = sorted((by_id[pid] for pid, labs in labels.items() if nar.id in labs),
                         key=lambda p: (p.time, p.id))
        counts = Counter(utc_day(p.time) for p in carried)
        daily = {d: counts.get(d, 0) for d in days}
        limit = burst_limit(list(daily.values()), alpha)
        origins = Counter(by_id[lab.matched[0]].channel_id if lab.rule == "near-duplicate"
                          else lab.post for lab in (labels[p.id][nar.id] for p in carried)
                          if lab.rule == "near-duplicate")
        rule_counts = Counter(labels[p.id][nar.id].rule for p in carried)
        out.append({
            "id": nar.id, "label": nar.label, "posts": len(carried),
            "by_rule": dict(sorted(rule_counts.items())),
            "daily": daily,
            "peak": max(daily, key=lambda d: (daily[d], -days.index(d))) if carried else None,
            "bursts": [d for d in days if daily[d] > limit], "burst_limit": limit,
            "first": _cite(carried[0]) if carried else None,
            "last": _cite(carried[-1]) if carried else None,
            "channels": dict(Counter(p.channel_id for p in carried).most_common(10)),
            "originators": dict(origins.most_common(10)),
        })
    return out


def burst_limit(counts: list[int], alpha: float = 0.001) -> int:
    """The daily count above which a day is a burst: the (1 − alpha) quantile of a
    negative binomial with the days' robust mean and variance (median, and MAD scaled to
    a standard deviation), so that a burst day does not hide itself by raising them;
    Poisson when the days are not over-dispersed (copies and forwards make them so)."""
    mean = max(float(statistics.median(counts)), 0.5)
    mad = statistics.median(abs(c - mean) for c in counts)
    var = (1.4826 * mad) ** 2
    if var <= mean:
        return int(poisson.ppf(1 - alpha, mean))
    r = mean * mean / (var - mean)
    return int(nbinom.ppf(1 - alpha, r, r / (r + mean)))


def _cite(post: Post) -> dict:
    return {"post": post.id, "channel": post.channel_id, "utc": utc_iso(post.time)}


def evidence(labels: dict[str, dict[str, Label]], posts: list[Post]) -> list[dict]:
    """Every label with its post's UTC time and the rule behind it."""
    time_of = {p.id: p.time for p in posts}
    return [{"post": pid, "utc": utc_iso(time_of[pid]), "narrative": lab.narrative,
             "rule": lab.rule, "matched": lab.matched}
            for pid in sorted(labels, key=lambda x: (time_of[x], x))
            for lab in labels[pid].values()]
