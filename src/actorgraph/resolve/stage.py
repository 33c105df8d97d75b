"""The resolve stage: from every document's mention groups to one entity per actor.

Reads the mentions of all current documents from the store, builds one
`NameGroup` per (document, actor), clusters them across documents with the
name-matching library (`resolve.cluster`), applies the analyst's judgements,
settles each entity's type by the votes of all its mentions (`resolve.types`),
and writes the entities back in one transaction; the facts are rebuilt on them
by `workflow.refresh`. Deterministic: the same store gives the same
entities and ids.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from actorgraph.knowledge.lexicon import LexEntry, known_place, load_lexicon, normalize_form
from actorgraph.knowledge.names import fold
from actorgraph.knowledge.wordlists import WORDS
from actorgraph.resolve.cluster import resolve
from actorgraph.resolve.facilities import facility_keys, facility_links
from actorgraph.resolve.index import build_index
from actorgraph.resolve.judged import Constraints, constraints
from actorgraph.resolve.records import NameGroup, Resolution
from actorgraph.resolve.types import entity_kind, entity_type, group_kind, group_types
from actorgraph.store.ids import short_hash
from actorgraph.store.judgements import judgements
from actorgraph.store.resolution_index import ResolutionIndex
from actorgraph.store.store import EntityRecord, Store, StoredMention

MAX_CONTEXT = 2_000     # actors of one document beyond which they are no context


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


def _names(mentions: list[StoredMention]) -> Counter:
    """The group's names as written and, where no mention writes it, the dictionary form
    its extractor gave, counted as often as the group is named: "Fazil Mustafaya" and
    "Fazil Mustafanın" are "Fazil Mustafa", "Азербайджанской Республики" is
    "Азербайджанская Республика", and that form is the one compared across documents."""
    names = Counter(m.text for m in mentions if m.role == "name")
    if not names:
        names[mentions[0].name] = 0
    elif mentions[0].name and mentions[0].name not in names:
        names[mentions[0].name] = sum(names.values())
    return names


def name_groups(groups: dict[str, list[StoredMention]]) -> list[NameGroup]:
    """One NameGroup per document-level actor, with the actors of its document (one set
    per document, shared by its groups; none for a document naming more than
    `MAX_CONTEXT` actors, a bundle or a directory, where sharing them says nothing)."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for ms in groups.values():
        by_doc[ms[0].doc_id].add(normalize_form(ms[0].name))
    types = group_types(groups)
    contexts = {doc: frozenset(names) if len(names) <= MAX_CONTEXT else frozenset()
                for doc, names in by_doc.items()}   # one set each
    out = []
    for gid, ms in sorted(groups.items()):
        etype = types[gid]
        own = normalize_form(ms[0].name)
        names = _names(ms)
        out.append(NameGroup(
            id=gid, doc=ms[0].doc_id, type=etype,
            kind=group_kind(ms) if etype == "organization" else None,
            names=tuple(sorted(names.items())),
            context=contexts[ms[0].doc_id], own=own))
    return out


def lexicon_links(records: list[NameGroup],
                  keys: dict[str, list[tuple[str, str]]] | None = None
                  ) -> list[tuple[str, str]]:
    """Groups whose names are one gazetteer entry (and type) are one actor; groups typed
    place whose names are one town of GeoNames ("Hawler", "Irbil") are one place
    (`keys`: each group's `lexicon_keys`, when known)."""
    first: dict[tuple[str, str], str] = {}
    links = []
    for g in records:
        for key in (keys[g.id] if keys is not None else lexicon_keys(g)):
            if key in first:
                links.append((first[key], g.id))
            else:
                first[key] = g.id
    return links


def lexicon_keys(g: NameGroup) -> list[tuple[str, str]]:
    """The gazetteer entries (or GeoNames towns) of its type that a group's names are."""
    lex = load_lexicon()
    entries: set[tuple[str, str]]
    if g.type == "place":
        places = {k for n, _ in g.names if (k := _place_key(n, lex.lookup(n))) is not None}
        entries = places if len(places) == 1 else set()
    else:
        entries = {(e.name, e.type) for n, _ in g.names if (e := lex.lookup(n)) is not None}
    return [key for key in sorted(entries) if key[1] == g.type]


def division_keys(g: NameGroup) -> set[str]:
    """The place names a division link may join on: a place's names, and X of its names
    "X province" (more than `division_links` joins on: never fewer)."""
    if g.type != "place":
        return set()
    out = set()
    for n, _ in g.names:
        out.add(normalize_form(n))
        words = n.split()
        if len(words) >= 2 and words[-1].lower() in WORDS["division_nouns"]:
            out.add(normalize_form(" ".join(words[:-1])))
    return out


def division_links(records: list[NameGroup]) -> list[tuple[str, str]]:
    """A place named "X province" or "X Region" is the place X that another group names
    ("Helmand province", "Helmand"), unless X is a state ("Azerbaijan region" is Iran's)."""
    lex = load_lexicon()
    bare: dict[str, str] = {}
    for g in records:
        if g.type == "place":
            for n, _ in g.names:
                bare.setdefault(normalize_form(n), g.id)
    links = []
    for g in records:
        if g.type != "place":
            continue
        for n, _ in g.names:
            words = n.split()
            if len(words) < 2 or words[-1].lower() not in WORDS["division_nouns"]:
                continue
            head = " ".join(words[:-1])
            entry = lex.lookup(head)
            other = bare.get(normalize_form(head))
            if other is not None and other != g.id and (entry is None or entry.type == "place"):
                links.append((other, g.id))
    return sorted(set(links))


def _place_key(name: str, entry: LexEntry | None) -> tuple[str, str] | None:
    """The one place a place's name is: its GeoNames town (through the gazetteer's
    name of it where the gazetteer knows it), else its gazetteer entry."""
    if entry is not None and entry.type != "place":
        return (entry.name, entry.type)
    town = known_place(entry.name if entry is not None else name)
    if town is not None:
        return (f"geonames:{town.geonameid}", "place")
    return (entry.name, entry.type) if entry is not None else None


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


def group_surfaces(groups: dict[str, list[StoredMention]]) -> dict[str, Counter]:
    """Each group's names as written (its mentions by name), counted."""
    return {gid: Counter(m.text for m in ms if m.role == "name") for gid, ms in groups.items()}


def found_name(cluster: list[str], by_id: dict[str, NameGroup], sizes: dict[str, int]
               ) -> tuple[str, str]:
    """A cluster's entity type and its found name: what its id is made from."""
    etype = entity_type(cluster, by_id, sizes)
    names: Counter = Counter()
    for gid in cluster:
        names.update(dict(by_id[gid].names))
    return etype, canonical_name(names, etype)


def plain_id(etype: str, name: str) -> str:
    """The id of an entity before it is made unique."""
    return "ent-" + short_hash(etype, normalize_form(name))


def _entity(cluster: list[str], sizes: dict[str, int], surfaces: dict[str, Counter],
            by_id: dict[str, NameGroup], result: Resolution, rules: Constraints,
            used: set[str]) -> EntityRecord:
    """The entity of one cluster: its type, canonical (or the analyst's) name, kind and
    surface names; its id from the found name, made unique among `used`."""
    etype = entity_type(cluster, by_id, sizes)
    names: Counter = Counter()
    for gid in cluster:
        names.update(dict(by_id[gid].names))
    name = canonical_name(names, etype)
    eid = plain_id(etype, name)
    shown = next((rules.renames[fold(n)] for n in sorted(names) if fold(n) in rules.renames),
                 None)
    if eid in used:   # two actors kept apart that share a name
        eid = unique_id(etype, name, cluster)
    used.add(eid)
    kind = entity_kind(name, cluster, by_id) if etype == "organization" else None
    surface: Counter = Counter()
    for gid in cluster:
        surface.update(surfaces[gid])
    if shown:
        name = shown  # the analyst's name for it; the id stays that of the found name
    if name not in surface:
        surface[name] += 0
    flat = tuple(sorted({f"{mg.rule}: {'; '.join(mg.reasons)}"
                         for mg in result.reasons.get(cluster[0], [])}))
    return EntityRecord(eid, etype, kind, name, tuple(sorted(surface.items())), flat)


def unique_id(etype: str, name: str, cluster: list[str]) -> str:
    """The id of an entity whose found name another entity found first already has."""
    return "ent-" + short_hash(etype, normalize_form(name), min(cluster))


def _review(result: Resolution, group_entity: dict[str, str], entities: list[EntityRecord],
            rules: Constraints) -> list[tuple[str, str, float, tuple[str, ...]]]:
    """The unsure pairs to offer the analyst, as entity pairs not already judged."""
    names_of = {e.id: fold(e.name) for e in entities}
    pairs = [(group_entity.get(c.a), group_entity.get(c.b), c.score, c.reasons)
             for c in result.review]
    return sorted({(a, b, s, r) for a, b, s, r in pairs if a and b and a != b
                   and frozenset((names_of[a], names_of[b])) not in rules.settled})


@dataclass
class Resolved:
    """A resolution computed but not yet written."""
    entities: list[EntityRecord]
    assignment: dict[str, str]                 # mention id -> entity id
    keys: dict[str, dict[str, str]]            # doc id -> mention key -> entity id
    review: list[tuple]
    summary: ResolveSummary
    index: ResolutionIndex | None = None       # what an incremental re-resolution needs


def plan_resolution(store: Store) -> Resolved:
    """Resolve every entity in the store from its mentions, without writing anything."""
    groups = _group_mentions(store)
    records = name_groups(groups)
    sizes = {gid: len(ms) for gid, ms in groups.items()}
    surfaces = group_surfaces(groups)
    members = {gid: [m.id for m in ms] for gid, ms in groups.items()}
    del groups   # the mentions, most of what is read, are needed no more: freed before
    #              the clustering (the peak), not held until the end
    rules = constraints(judgements(store), records)
    lexkeys = {g.id: lexicon_keys(g) for g in records}
    result = resolve(records, must_link=rules.must, known_links=lexicon_links(records, lexkeys),
                     division_links=division_links(records),
                     facility_links=facility_links(records),
                     cannot_link=rules.cannot, keep_base=True)
    by_id = {r.id: r for r in records}
    entities: list[EntityRecord] = []
    assignment: dict[str, str] = {}
    group_entity: dict[str, str] = {}
    keys: dict[str, dict[str, str]] = defaultdict(dict)
    used: set[str] = set()
    for cluster in result.clusters:
        entity = _entity(cluster, sizes, surfaces, by_id, result, rules, used)
        entities.append(entity)
        for gid in cluster:
            group_entity[gid] = entity.id
            doc, key = gid.split("|", 1)
            keys[doc][key] = entity.id
            for mid in members[gid]:
                assignment[mid] = entity.id
    review = _review(result, group_entity, entities, rules)
    assert result.base is not None
    index = build_index(records, sizes, surfaces, group_entity, result.base,
                        {g.id: [f"l|{n}|{t}" for n, t in lexkeys[g.id]]
                         + [f"d|{x}" for x in sorted(division_keys(g))]
                         + [f"f|{x}" for x in sorted(facility_keys(g))] for g in records},
                        {e.id: (found_name(c, by_id, sizes), c[0])
                         for e, c in zip(entities, result.clusters)})
    return Resolved(entities, assignment, dict(keys), review,
                    ResolveSummary(len(records), len(entities), len(review)), index)
