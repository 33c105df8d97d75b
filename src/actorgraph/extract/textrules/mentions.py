"""Candidates become mentions, and the mentions of one actor in a document get one key.

Within a document: mentions of one lexicon entry are one actor ("İran", "İranın"); so are
mentions with the same dictionary form; an acronym joins the one name whose initials it is
("DTX", "Dövlət Təhlükəsizliyi Xidməti"); a shorter person name joins the one full person
name whose words it ends or starts ("Rəisi", "Seyid İbrahim Rəisi"). The group's type is
decided by the votes of all its mentions.
"""
from __future__ import annotations

from collections import defaultdict

from actorgraph.extract.groups import Groups
from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.names import Candidate
from actorgraph.extract.textrules.text import Token
from actorgraph.knowledge.kinds import decide
from actorgraph.knowledge.lexicon import normalize_form
from actorgraph.model import CleanDocument, Mention


def build_mentions(clean: CleanDocument, tokens: list[Token], cands: list[Candidate],
                   grammar: Grammar) -> list[Mention]:
    """One Mention per candidate (in text order), keyed and typed by document group."""
    text = clean.text
    mentions = []
    for c in sorted(cands, key=lambda c: c.start):
        start, end = tokens[c.start].start + c.lead, tokens[c.end - 1].end - c.trim
        mentions.append(Mention(
            start=start, end=end, text=text[start:end], type=decide(c.votes) or "organization",
            sentence=tokens[c.start].sentence, label=c.label, kind=c.kind, name=c.name,
            evidence=tuple(c.evidence), votes=dict(c.votes), titles=c.titles,
            section=clean.kind_at(start)))
    _key(mentions, [c.entry.name if c.entry else None
                    for c in sorted(cands, key=lambda c: c.start)], grammar)
    return mentions


def _key(mentions: list[Mention], entries: list[str | None], grammar: Grammar) -> None:
    groups = Groups(len(mentions))
    groups.join_equal(filter(None, (f"entry:{entries[i]}" if entries[i] else None,
                                    f"name:{grammar.fold(m.name)}"))
                      for i, m in enumerate(mentions))
    _acronyms(mentions, groups.union)
    _short_forms(mentions, grammar, groups.union, groups.find)
    for members in groups.members():
        votes: dict[str, float] = defaultdict(float)
        for i in members:
            for t, w in mentions[i].votes.items():
                votes[t] += w
        etype = decide(votes) or mentions[members[0]].type
        named = [e for i in members if (e := entries[i])]
        longest = max((mentions[i].name for i in members), key=lambda n: (len(n.split()), len(n)))
        key = f"{etype}:{normalize_form(named[0] if named else longest)}"
        kind = next((mentions[i].kind for i in members if mentions[i].kind), None)
        for i in members:
            m = mentions[i]
            m.type, m.key = etype, key
            m.name = longest
            m.kind = kind if etype == "organization" else None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _acronyms(mentions: list[Mention], union) -> None:
    expansions: dict[str, set[int]] = defaultdict(set)
    for i, m in enumerate(mentions):
        if len(m.name.split()) > 1:
            expansions[_initials(m.name)].add(i)
    for i, m in enumerate(mentions):
        short = m.name.replace(".", "")
        if 2 <= len(short) <= 6 and short.isupper():
            found = {min(expansions[short])} if expansions.get(short) else set()
            for j in found:
                union(i, j)


def _short_forms(mentions: list[Mention], grammar: Grammar, union, find) -> None:
    """A person's shorter name joins the one longer person name that ends or starts with it."""
    full = [(i, [grammar.fold(w) for w in m.name.split()]) for i, m in enumerate(mentions)
            if m.type == "person" and len(m.name.split()) > 1]
    for i, m in enumerate(mentions):
        words = [grammar.fold(w) for w in m.name.split()]
        if m.type not in ("person", "organization", "place") or len(words) > 2:
            continue
        if m.type != "person" and (m.label == "gazetteer" or max(m.votes.values(), default=0) >= 2):
            continue
        fits = {find(j) for j, f in full if len(f) > len(words)
                and (f[-len(words):] == words or f[:len(words)] == words)}
        if len(fits) == 1:
            union(i, fits.pop())
