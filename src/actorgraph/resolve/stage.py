"""The resolve stage: from every document's mention groups to one entity per actor.

Reads the mentions of all current documents from the store, builds one
`NameGroup` per (document, actor), clusters them across documents with the
name-matching library (`resolve.cluster`), applies the analyst's judgements,
settles each entity's type by the votes of all its mentions, and writes the
entities back in one transaction. Deterministic: the same store gives the same
entities and ids.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from actorgraph.knowledge.lexicon import load_lexicon, normalize_form
from actorgraph.facts.build import build_facts
from actorgraph.extract.rules_en.names.typing import decide, org_kind
from actorgraph.store.ids import short_hash
from actorgraph.store.store import EntityRecord, Store, StoredMention
from actorgraph.store.judgements import judgements
from actorgraph.resolve.cluster import resolve
from actorgraph.resolve.judged import constraints
from actorgraph.knowledge.names import fold
from actorgraph.resolve.records import NameGroup


STRONG = 10.0   # a lexicon entry's vote: such a group keeps its own type


@dataclass
class ResolveSummary:
    groups: int
    entities: int
    review: int


def _group_mentions(store: Store) -> dict[str, list[StoredMention]]:
    groups: dict[str, list[StoredMention]] = defaultdict(list)
    for m in store.mentions():
        groups[f"{m.doc_id}|{m.key}"].append(m)
    return groups


def _votes(mentions: list[StoredMention]) -> dict[str, float]:
    """The type votes of a group's named mentions; a group only of capitals standing
    for their state is that state (a country)."""
    votes: dict[str, float] = defaultdict(float)
    named = [m for m in mentions if m.role == "name"]
    for m in named:
        for t, w in m.votes.items():
            votes[t] += w
    if not named:
        votes[mentions[0].type] += 1.0
    return votes


def _vote_keys(text: str) -> set[str]:
    """The keys under which a name's type votes are pooled across documents."""
    key = fold(text)
    out = {key}
    for particle in ("al ", "el ", "the "):
        if key.startswith(particle):
            out.add(key[len(particle):])
    return out


def _names(mentions: list[StoredMention]) -> Counter:
    names = Counter(m.text for m in mentions if m.role == "name")
    if not names:
        names[mentions[0].name] = 0
    return names


def _kind(mentions: list[StoredMention]) -> str | None:
    """The lexicon's or the name's kind, else the one the mentions' contexts gave."""
    kind = org_kind(mentions[0].name, load_lexicon())
    if kind:
        return kind
    kinds = Counter(m.kind for m in mentions if m.kind)
    return kinds.most_common(1)[0][0] if kinds else None


def name_groups(groups: dict[str, list[StoredMention]]) -> list[NameGroup]:
    """One NameGroup per document-level actor, with the other actors of its document."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for gid, ms in groups.items():
        by_doc[ms[0].doc_id].add(normalize_form(ms[0].name))
    # votes across all mentions of a name, in every document: one clear context
    # elsewhere outweighs the small model's guess here
    by_name: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    own_votes = {gid: _votes(ms) for gid, ms in groups.items()}
    for gid, ms in groups.items():
        for n in {k for m in ms if m.role == "name" for k in _vote_keys(m.text)}:
            for t, w in own_votes[gid].items():
                by_name[n][t] += w
    out = []
    for gid, ms in sorted(groups.items()):
        votes = dict(own_votes[gid])
        if max(votes.values(), default=0) < STRONG:
            for n in {k for m in ms if m.role == "name" for k in _vote_keys(m.text)}:
                for t, w in by_name[n].items():
                    votes[t] = votes.get(t, 0) + w
        etype = decide(votes) or ms[0].type
        own = normalize_form(ms[0].name)
        names = _names(ms)
        out.append(NameGroup(
            id=gid, doc=ms[0].doc_id, type=etype,
            kind=_kind(ms) if etype == "organization" else None,
            names=tuple(sorted(names.items())),
            context=frozenset(by_doc[ms[0].doc_id] - {own})))
    return out


def lexicon_links(records: list[NameGroup]) -> list[tuple[str, str]]:
    """Groups whose names are one gazetteer entry (and type) are one actor."""
    lex = load_lexicon()
    first: dict[tuple[str, str], str] = {}
    links = []
    for g in records:
        entries = {(e.name, e.type) for n, _ in g.names if (e := lex.lookup(n)) is not None}
        for key in sorted(entries):
            if key[1] != g.type:
                continue
            if key in first:
                links.append((first[key], g.id))
            else:
                first[key] = g.id
    return links


def canonical_name(names: Counter, etype: str) -> str:
    """The fullest, most common form: a lexicon name wins, then the longest person
    name, or the most frequent organisation or place name that is not an acronym."""
    lex = load_lexicon()
    for n, _ in names.most_common():
        entry = lex.lookup(n)
        if entry is not None and entry.type == etype:
            return entry.name
    ranked = sorted(names)
    if etype == "person":
        return max(ranked, key=lambda n: (len(n.split()), names[n], len(n)))
    plain = [n for n in ranked if not n.isupper()] or ranked
    return max(plain, key=lambda n: (names[n], len(n.split()), len(n)))


def resolve_store(store: Store) -> ResolveSummary:
    """Re-resolve every entity in the store from its mentions."""
    groups = _group_mentions(store)
    records = name_groups(groups)
    rules = constraints(judgements(store), records)
    result = resolve(records, must_link=rules.must + lexicon_links(records),
                     cannot_link=rules.cannot)
    by_id = {r.id: r for r in records}
    entities: list[EntityRecord] = []
    assignment: dict[str, str] = {}
    group_entity: dict[str, str] = {}
    used: set[str] = set()
    for cluster in result.clusters:
        mentions = [m for gid in cluster for m in groups[gid]]
        weight: dict[str, float] = defaultdict(float)
        for gid in cluster:   # each group's type was settled by its own and the name's votes
            weight[by_id[gid].type] += len(groups[gid])
        etype = decide(weight) or by_id[cluster[0]].type
        names = Counter()
        for gid in cluster:
            names.update(dict(by_id[gid].names))
        name = canonical_name(names, etype)
        eid = "ent-" + short_hash(etype, normalize_form(name))
        shown = next((rules.renames[fold(n)] for n in sorted(names) if fold(n) in rules.renames),
                     None)
        if eid in used:   # two actors kept apart that share a name
            eid = "ent-" + short_hash(etype, normalize_form(name), min(cluster))
        used.add(eid)
        kind = None
        if etype == "organization":
            kind = org_kind(name, load_lexicon())
            kinds = Counter(by_id[g].kind for g in cluster if by_id[g].kind)
            kind = kind or (kinds.most_common(1)[0][0] if kinds else None)
        surface = Counter()
        for m in mentions:
            if m.role == "name":
                surface[m.text] += 1
        if shown:
            name = shown  # the analyst's name for it; the id stays that of the found name
        if name not in surface:
            surface[name] += 0
        flat = tuple(sorted({f"{mg.rule}: {'; '.join(mg.reasons)}"
                             for mg in result.reasons.get(cluster[0], [])}))
        entities.append(EntityRecord(eid, etype, kind, name, tuple(sorted(surface.items())),
                                     flat))
        for gid in cluster:
            group_entity[gid] = eid
        for m in mentions:
            assignment[m.id] = eid
    review = [(group_entity.get(c.a), group_entity.get(c.b), c.score, c.reasons)
              for c in result.review]
    names_of = {e.id: fold(e.name) for e in entities}
    review = sorted({(a, b, s, r) for a, b, s, r in review if a and b and a != b
                     and frozenset((names_of[a], names_of[b])) not in rules.settled})
    store.replace_entities(entities, assignment, review)
    build_facts(store)
    return ResolveSummary(len(records), len(entities), len(review))
