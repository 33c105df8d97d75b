"""Which mentions of one document name the same actor, and the `key` and `name` they share.

- the same nominative (folded) is one actor; forms of one lexicon entry are one (so
  "Ирана", "Иран" and a capital standing for it meet);
- a person named by one word (a surname in any case, "Сариджанову") joins the one full
  name of the document it ends or starts;
- an abbreviation joins the one name of the document whose initials it is
  ("СГБ" - "Служба государственной безопасности");
- a bare institution word ("МИД") joins the one longer name of the document it opens;
- the text's own alias phrases join two names ("X (известен также как «Y»)", "X, он же Y").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from actorgraph.extract.groups import Groups
from actorgraph.extract.rules_ru.names import folded
from actorgraph.extract.rules_ru.ruledata import words
from actorgraph.knowledge.kinds import decide
from actorgraph.knowledge.lexicon import normalize_form
from actorgraph.model import Mention

ALIAS_BETWEEN = re.compile(
    r"^\s*[,(]?\s*(?:(?:также|ещё|еще|более)\s+)?(?:извест\w*|именуем\w*|называем\w*)"
    r"\s+(?:также\s+|ещё\s+|еще\s+)?(?:как|под\s+именем|под\s+прозвищем)\s*[«\"„]?\s*$"
    r"|^\s*,\s*(?:он|она|они)\s+же\s*[«\"„]?\s*$"
    r"|^\s*[,(]?\s*(?:по\s+прозвищу|по\s+кличке|псевдоним)\s*[«\"„]?\s*$",
    re.IGNORECASE)
STOP = {"и", "по", "в", "на", "о", "об", "для", "с", "при", "за"}


def initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"\w+", name) if w.lower() not in STOP).upper()


def link(mentions: list[Mention], text: str, entries: dict[int, str]) -> None:
    """Give every mention its `key`, `name` and `type` (settled over its group).
    `entries` maps a mention's index to the name of its lexicon entry, if any."""
    if not mentions:
        return
    groups = Groups(len(mentions))
    groups.join_equal([f"lex:{entries[i]}" if i in entries else folded(m.name or m.text)]
                      for i, m in enumerate(mentions))
    _inflected(mentions, groups, entries)
    _aliases(mentions, text, groups)
    _short_persons(mentions, groups)
    _abbreviations(mentions, groups)
    _bare_heads(mentions, groups)
    for members in groups.members():
        _settle([mentions[i] for i in members],
                next((entries[i] for i in members if i in entries), None))


ENDINGS = sorted(words("case_endings"), key=len, reverse=True)


def stem(word: str) -> str:
    """A word without its case ending ('хезболлы' -> 'хезболл'), at least three letters."""
    for e in ENDINGS:
        if word.endswith(e) and len(word) - len(e) >= 3:
            return word[:-len(e)]
    return word


def _inflected(mentions: list[Mention], groups: Groups, entries: dict[int, str]) -> None:
    """One-word names of organisations and places that differ only in their case ending
    ('«Хезболлы»', '«Хезболла»') are one name, where the tagger could not say its nominative."""
    seen: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        w = _words(m)
        kind = decide(m.votes)
        if len(w) != 1 or i in entries or kind not in ("organization", "place") \
                or m.role != "name" or m.text.isupper():
            continue
        k = (kind, stem(w[0]))
        if k in seen:
            groups.union(seen[k], i)
        else:
            seen[k] = i


def _aliases(mentions: list[Mention], text: str, groups: Groups) -> None:
    for i in range(1, len(mentions)):
        a, b = mentions[i - 1], mentions[i]
        between = text[a.end:b.start]
        if a.sentence != b.sentence:
            continue
        if ALIAS_BETWEEN.match(between) or between.strip() == "(" \
                and text[b.end:b.end + 1] == ")" and b.text.isupper():
            groups.union(i - 1, i)      # "X (известен как «Y»)", "Служба ... (СВР)"


def _words(m: Mention) -> tuple[str, ...]:
    return tuple(folded(m.name or m.text).split())


def _short_persons(mentions: list[Mention], groups: Groups) -> None:
    full = [i for i, m in enumerate(mentions)
            if decide(m.votes) == "person" and len(_words(m)) >= 2]
    for i, m in enumerate(mentions):
        w = _words(m)
        if len(w) != 1 or decide(m.votes) not in ("person", None) and max(
                m.votes.values(), default=0) > 5:
            continue
        owners = {groups.find(j) for j in full if _words(mentions[j])[-1] == w[0]} or \
            {groups.find(j) for j in full if _words(mentions[j])[0] == w[0]}
        if len(owners) == 1:
            groups.union(i, next(iter(owners)))


def _abbreviations(mentions: list[Mention], groups: Groups) -> None:
    fits: dict[str, set[int]] = defaultdict(set)
    for i, m in enumerate(mentions):
        if len(_words(m)) >= 2 and decide(m.votes) == "organization":
            fits[initials(m.name)].add(groups.find(i))
            words = re.findall(r"\w+", m.text)
            if len(words) >= 3 and words[-1][:1].isupper():   # "... безопасности Грузии": СГБ
                fits[initials(" ".join(words[:-1]))].add(groups.find(i))
    for i, m in enumerate(mentions):
        word = m.text.strip()
        if word.isupper() and 2 <= len(word) <= 6 and len(fits.get(word, ())) == 1:
            groups.union(i, next(iter(fits[word])))


def _bare_heads(mentions: list[Mention], groups: Groups) -> None:
    for i, m in enumerate(mentions):
        w = _words(m)
        if len(w) != 1 or decide(m.votes) != "organization":
            continue
        owners = {groups.find(j) for j, o in enumerate(mentions)
                  if decide(o.votes) == "organization" and len(_words(o)) > 1
                  and _words(o)[0] == w[0]}
        if len(owners) == 1:
            groups.union(i, next(iter(owners)))


def _settle(members: list[Mention], entry: str | None) -> None:
    votes: dict[str, float] = defaultdict(float)
    for m in members:
        if m.role == "name":
            for t, w in m.votes.items():
                votes[t] += w
    etype = decide(votes) or decide(members[0].votes) or "organization"
    names = Counter(m.name or m.text for m in members if m.role == "name"
                    and "nominative" in m.evidence) or \
        Counter(m.name or m.text for m in members if m.role == "name")
    if not names:
        names = Counter(m.name or m.text for m in members)
    if etype == "person":
        name = max(sorted(names), key=lambda n: (len(n.split()), names[n]))
    else:
        plain = [n for n in names if not n.isupper()] or list(names)
        name = max(sorted(plain), key=lambda n: (len(n.split()), names[n], len(n)))
    kinds = Counter(m.kind for m in members if m.kind)
    kind = kinds.most_common(1)[0][0] if kinds and etype == "organization" else None
    key = f"{etype}:{normalize_form(entry or name)}"
    for m in members:
        if m.role == "metonym":
            continue
        m.type, m.kind, m.name, m.key = etype, kind, name, key
