"""Cross-document clustering of name groups: blocking, scoring, guarded union.

:func:`resolve` runs these steps, each deterministic (groups are sorted by id
first, pairs by score then ids):

1. analyst ``must_link`` pairs are united unconditionally;
2. groups of one type with the same folded fullest name, or the same
   transliteration class of every word, are united ("same-name"; a lone
   person word such as "Aliyev" is not);
3. the resulting *nodes* are blocked by :func:`names.name_keys` in an inverted
   index (key -> nodes); a key shared by more than ``max_block`` nodes only
   compares each node with its next few neighbours in phonetic order, and a
   key shared by more than 20 x ``max_block`` is skipped like a stop word, so
   the work stays close to linear in the number of groups;
4. only nodes sharing a key are compared (:func:`compare.compare_profiles`);
5. pairs at or above ``merge_at`` are united best first, unless the union
   would put two ``cannot_link`` groups, or two persons with conflicting full
   names, in one cluster;
6. a short form (a one-word person name, a partial person name, an acronym)
   joins a fuller name only when exactly one cluster fits it among its
   candidates (context overlap may pick one of several); otherwise the pairs
   go to review;
7. pairs between ``review_at`` and ``merge_at`` left in different clusters
   become review candidates.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

from actorgraph.knowledge.names import fold, name_keys, phonetic_key, script_readings, tokens
from actorgraph.resolve.compare import Profile, compare_profiles, conflict, organ_states, profile
from actorgraph.resolve.records import (
    Base,
    Candidate,
    CannotLink,
    Merge,
    NameGroup,
    Resolution,
    Score,
)

__all__ = ["resolve", "blocking_keys"]

_MAX_REPS = 6          # full person names kept per cluster for the conflict guard
_MAX_KEY_FORMS = 6     # names of a node used for blocking
_WINDOW = 8            # neighbours compared in a block larger than max_block
_WINDOWED_FACTOR = 20  # blocks larger than max_block * this are not used at all
_PARALLEL_MIN = 20_000  # fewer candidate pairs than this are scored in-process


def blocking_keys(group: NameGroup) -> set[str]:
    """All blocking keys of a group (its names' keys, prefixed by its type)."""
    keys: set[str] = set()
    names = sorted(group.names, key=lambda nc: (-len(nc[0].split()), -nc[1], nc[0]))
    for name, _ in names[:_MAX_KEY_FORMS]:
        for raw in script_readings(name):
            for k in name_keys(raw, group.type):
                keys.add(f"{group.type}|{k}")
    return keys


class _Guarded:
    """Union-find over group indices with cannot-link and name-conflict guards."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        # root -> (cannot-link, side): one side's clusters never join the other's
        self.cannot: dict[int, set[tuple[int, int]]] = {}
        self.reps: dict[int, list[int]] = {}     # root -> node indices (persons, states)
        self.profiles: list[Profile] = []

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def blocked(self, ra: int, rb: int) -> str | None:
        ca, cb = self.cannot.get(ra), self.cannot.get(rb)
        if ca and cb:
            small, big = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
            if any((link, 1 - side) in big for link, side in small):
                return "cannot-link"
        reps_a, reps_b = self.reps.get(ra), self.reps.get(rb)
        if reps_a and reps_b:
            for x in reps_a:
                for y in reps_b:
                    why = conflict(self.profiles[x], self.profiles[y])
                    if why:
                        return why
        return None

    def union(self, a: int, b: int, force: bool = False) -> tuple[bool, str | None]:
        """Unite the clusters of groups a and b: (united now, why not).

        Groups already together give (False, "already together")."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False, "already together"
        if not force:
            why = self.blocked(ra, rb)
            if why:
                return False, why
        root, child = (ra, rb) if ra < rb else (rb, ra)
        self.parent[child] = root
        cc = self.cannot.pop(child, None)
        if cc:
            self.cannot.setdefault(root, set()).update(cc)
        rc = self.reps.pop(child, None)
        if rc:
            mine = self.reps.setdefault(root, [])
            seen = {self.profiles[k].best.folded for k in mine}
            for k in rc:
                if len(mine) >= _MAX_REPS:
                    break
                if self.profiles[k].best.folded not in seen:
                    mine.append(k)
                    seen.add(self.profiles[k].best.folded)
        return True, None


def _ms(since: float) -> int:
    return int((time.perf_counter() - since) * 1000)


def _merged_group(members: list[NameGroup]) -> NameGroup:
    """One NameGroup standing for several groups with the same fullest name."""
    if len(members) == 1:
        return members[0]
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for g in members:
        for raw, c in g.names:
            counts[raw] += c
        if g.kind:
            kinds[g.kind] += 1
    kind = min(kinds, key=lambda k: (-kinds[k], k)) if kinds else None
    names = tuple(sorted(counts.items(), key=lambda rc: (-rc[1], rc[0])))
    first = members[0]
    owns = {g.own for g in members}
    if all(g.context is first.context for g in members):    # one document's: share its set
        return NameGroup(first.id, first.doc, first.type, kind, names, first.context,
                         owns.pop() if len(owns) == 1 else "")
    context: set[str] = set()
    for g in members:
        context |= g.others()
    return NameGroup(first.id, first.doc, first.type, kind, names, frozenset(context))


def _primary_key(g: NameGroup, prof: Profile) -> str | None:
    """Groups with the same key are one node without comparison: the same
    folded fullest name, or, for scripts that write vowels, the same
    transliteration class of every word (the vowel-class keys: Tawhid
    Ibrahim Begli = Tohid Ebrahim Begli), which compare() would merge anyway.
    A lone person word ("Aliyev") has no key: it may mean several people."""
    best = prof.best
    if not best.toks or (g.type == "person" and len(best.toks) < 2):
        return None
    if best.acro:
        return f"{g.type}|a|{best.folded}"
    if best.abjad or len(best.toks) < 2:
        # one word's spelling class is too loose to merge on without comparing
        return f"{g.type}|n|{best.folded}"
    return f"{g.type}|v|{' '.join(sorted(best.vkeys))}"


def resolve(groups: Sequence[NameGroup],
            must_link: Iterable[tuple[str, str]] = (),
            cannot_link: Iterable[CannotLink] = (),
            merge_at: float = 0.8, review_at: float = 0.5,
            max_block: int = 100, workers: int = 1,
            known_links: Iterable[tuple[str, str]] = (),
            division_links: Iterable[tuple[str, str]] = (),
            facility_links: Iterable[tuple[str, str]] = (),
            keep_base: bool = False) -> Resolution:
    """Cluster name groups from many documents into actors.

    `must_link` pairs of group ids are always merged (analyst judgements win), and so
    are `known_links` (names of one gazetteer entry or GeoNames town; rule "gazetteer")
    and `division_links` ("Helmand" and "Helmand province"; rule "division") and
    `facility_links` ("Mosul airport", "مطار الموصل الدولي"; rule "facility");
    `cannot_link` pairs never end up in one cluster. Pairs scoring at least
    `merge_at` are merged unless a guard refuses; pairs in
    [`review_at`, `merge_at`) are returned as review candidates. Keys shared
    by more than `max_block` nodes only compare near neighbours. With
    `workers` > 1 the pairs are scored in that many forked processes (POSIX
    only; large inputs). The result does not depend on the order of `groups`
    nor on `workers`. With `keep_base`, the result keeps what the steps after scoring
    start from (`Resolution.base`: the nodes, the scored pairs, each node's oversize keys),
    so that `resolve.component` can redo those steps on a part of the groups.
    """
    enabled = gc.isenabled()
    gc.disable()        # millions of small acyclic objects: spare the collector's walks
    try:
        links = [(p, "must-link", "analyst judgement") for p in must_link] + [
            (p, "gazetteer", "one gazetteer entry or GeoNames town") for p in known_links] + [
            (p, "division", "a place and its province or region") for p in division_links] + [
            (p, "facility", "one facility of one town") for p in facility_links]
        return _resolve(groups, links, cannot_link, merge_at, review_at, max_block, workers,
                        keep_base)
    finally:
        if enabled:
            gc.enable()


def _resolve(groups: Sequence[NameGroup], must_link: list[tuple[tuple[str, str], str, str]],
             cannot_link: Iterable[CannotLink], merge_at: float, review_at: float,
             max_block: int, workers: int, keep_base: bool = False) -> Resolution:
    """The steps of the module docstring, in order, with their counts and timings."""
    groups = sorted(groups, key=lambda g: g.id)
    index = {g.id: i for i, g in enumerate(groups)}
    if len(index) != len(groups):
        raise ValueError("NameGroup ids must be unique")
    clock = time.perf_counter()
    uf = _Guarded(len(groups))
    merges: list[Merge] = []
    stats: Counter[str] = Counter(groups=len(groups))
    _link(uf, index, must_link, cannot_link, merges, stats)
    nodes, node_profiles = _same_name_nodes(groups, uf, merges)
    stats["nodes"] = len(nodes)
    stats["ms_profiles"], clock = _ms(clock), time.perf_counter()
    node_keys, seen_pairs, oversize = _blocking(node_profiles, max_block, stats)
    stats["ms_blocking"], clock = _ms(clock), time.perf_counter()
    scored = _score_pairs(list(seen_pairs), len(nodes), node_profiles, review_at, workers)
    del seen_pairs
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    stats["ms_scoring"], clock = _ms(clock), time.perf_counter()
    base = _base(groups, nodes, scored, node_keys, oversize) if keep_base else None
    refused, short_pairs = _merge_best_first(scored, nodes, node_profiles, uf, merges,
                                             merge_at, review_at)
    for k in sorted(short_pairs):   # 6. one-word person names
        _attach_short_form(k, short_pairs[k], nodes, node_profiles, node_keys[k], oversize,
                           uf, merges, stats)
    review = _review(scored, nodes, node_profiles, uf, merge_at)
    clusters, reasons = _clusters(groups, index, uf, merges)
    stats["clusters"] = len(clusters)
    stats["merges"] = len(merges)
    stats["review"] = len(review)
    stats["refused"] = len(refused)
    refused.sort(key=lambda c: (-c.score, c.a, c.b))
    stats["ms_merging"] = _ms(clock)
    return Resolution(clusters, review, reasons, refused, dict(stats), base)


def _base(groups: list[NameGroup], nodes: list[list[int]],
          scored: list[tuple[float, int, int, Score]], node_keys: list[set[str]],
          oversize: set[str]) -> Base:
    """The nodes (by group ids), the scored pairs (by their nodes' first group ids) and
    the oversize keys of each node that a short form looks at."""
    heads = [groups[m[0]].id for m in nodes]
    return Base(
        nodes={heads[k]: [groups[i].id for i in m] for k, m in enumerate(nodes)},
        pairs=[(v, heads[a], heads[b], s.reasons) for v, a, b, s in scored],
        oversize={heads[k]: sorted(x for x in keys if x in oversize
                                   and ("|a:" in x or "|t:" in x))
                  for k, keys in enumerate(node_keys) if keys & oversize})


def _link(uf: _Guarded, index: dict[str, int],
          must_link: list[tuple[tuple[str, str], str, str]],
          cannot_link: Iterable[CannotLink], merges: list[Merge], stats: Counter) -> None:
    """Step 1: the analyst's must-links (and the gazetteer's links) united, each with its
    own reason, its cannot-links set on the roots."""
    for (a, b), rule, reason in sorted((tuple(sorted(p)), r, w) for p, r, w in must_link):
        if a not in index or b not in index:
            stats["unknown_link_ids"] += 1
            continue
        ok, _ = uf.union(index[a], index[b], force=True)
        if ok:
            merges.append(Merge(a, b, 1.0, rule, (reason,)))
    for cid, sides in enumerate(sorted(_sides(p) for p in cannot_link)):
        known = [[index[x] for x in side if x in index] for side in sides]
        stats["unknown_link_ids"] += sum(len(side) for side in sides) - sum(map(len, known))
        roots = [{uf.find(i) for i in side} for side in known]
        # a cluster on both sides already (a must-link said otherwise) keeps both labels:
        # it is still apart from every other cluster of either side
        stats["contradicting_links"] += len(roots[0] & roots[1])
        for side, found in enumerate(roots):
            for r in found:
                uf.cannot.setdefault(r, set()).add((cid, side))


def _sides(link: CannotLink) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A cannot-link as its two sides of group ids, each sorted, the sides in order."""
    a, b = (tuple(sorted((x,) if isinstance(x, str) else x)) for x in link)
    return (a, b) if a <= b else (b, a)


def _same_name_nodes(groups: list[NameGroup], uf: _Guarded, merges: list[Merge]
                     ) -> tuple[list[list[int]], list[Profile]]:
    """Step 2: groups with one primary key become one node (sorted by first group),
    each with its profile; the guard learns the nodes' full person names."""
    profiles = [profile(g) for g in groups]
    classes: dict[str, list[int]] = {}
    nodes: list[list[int]] = []
    for i, g in enumerate(groups):
        key = _primary_key(g, profiles[i])
        if key is None:
            nodes.append([i])
        else:
            classes.setdefault(key, []).append(i)
    for members in classes.values():
        head = members[0]
        node = [head]
        for i in members[1:]:
            ok, why = uf.union(head, i)
            if ok or why == "already together":
                node.append(i)
            if ok:
                x, y = profiles[head].best, profiles[i].best
                if x.folded == y.folded:
                    text = f"same_name: {x.raw!r} ~ {y.raw!r}"
                else:
                    text = f"same_spelling_class: {x.raw!r} ~ {y.raw!r} ({' '.join(x.vkeys)})"
                merges.append(Merge(groups[head].id, groups[i].id, 1.0, "same-name", (text,)))
            elif why != "already together":
                nodes.append([i])
        nodes.append(node)
    nodes.sort(key=lambda m: m[0])
    node_profiles = [profiles[members[0]] if len(members) == 1
                     else profile(_merged_group([groups[i] for i in members]))
                     for members in nodes]
    uf.profiles = node_profiles
    for k, members in enumerate(nodes):
        p = node_profiles[k]
        if (p.type == "person" and len(p.best.toks) >= 2) or p.type == "country" \
                or p.type == "organization" and organ_states(p):
            root = uf.find(members[0])
            reps = uf.reps.setdefault(root, [])
            if len(reps) < _MAX_REPS and all(
                    node_profiles[r].best.folded != p.best.folded for r in reps):
                reps.append(k)
    return nodes, node_profiles


def _blocking(node_profiles: list[Profile], max_block: int, stats: Counter
              ) -> tuple[list[set[str]], set[int], set[str]]:
    """Step 3: each node's blocking keys, the candidate pairs (encoded a * nn + b) of
    nodes sharing a key, and the keys too common to pair every member."""
    block: dict[str, list[int]] = defaultdict(list)
    node_keys: list[set[str]] = []
    for k, p in enumerate(node_profiles):
        keys = blocking_keys(p.group)
        node_keys.append(keys)
        for key in keys:
            block[key].append(k)
    stats["keys"] = len(block)
    oversize: set[str] = set()
    seen_pairs: set[int] = set()
    nn = len(node_profiles)
    order: dict[int, tuple[str, str]] = {}
    for key, members in block.items():
        if "|i:" in key:                # initialisms pair with acronyms only
            continue
        if "|a:" in key:
            expansions = block.get(key.replace("|a:", "|i:"), [])
            if len(expansions) > max_block:
                oversize.add(key)
                continue
            for a in members:
                for b in expansions:
                    if a != b:
                        seen_pairs.add(a * nn + b if a < b else b * nn + a)
            continue
        size = len(members)
        if size < 2:
            continue
        if size <= max_block:
            for a, b in combinations(members, 2):
                seen_pairs.add(a * nn + b)
            continue
        oversize.add(key)
        if size > max_block * _WINDOWED_FACTOR:
            stats["skipped_keys"] += 1          # as common as a stop word
            continue
        _window_pairs(members, node_profiles, order, seen_pairs)
    stats["oversize_keys"] = len(oversize)
    stats["pairs_compared"] = len(seen_pairs)
    return node_keys, seen_pairs, oversize


def _window_pairs(members: list[int], node_profiles: list[Profile],
                  order: dict[int, tuple[str, str]], seen_pairs: set[int]) -> None:
    """A large block: sorted neighbourhood, each node against the next few."""
    nn = len(node_profiles)
    for k in members:
        if k not in order:
            best = node_profiles[k].best
            order[k] = (" ".join(sorted(best.skels)), best.folded)
    ranked = sorted(members, key=lambda k: (order[k], k))
    for pos, a in enumerate(ranked):
        for b in ranked[pos + 1: pos + 1 + _WINDOW]:
            seen_pairs.add(a * nn + b if a < b else b * nn + a)


def _merge_best_first(scored: list[tuple[float, int, int, Score]], nodes: list[list[int]],
                      node_profiles: list[Profile], uf: _Guarded, merges: list[Merge],
                      merge_at: float, review_at: float
                      ) -> tuple[list[Candidate], dict[int, list[tuple[int, Score]]]]:
    """Step 5: guarded merging, best first; returns the merges refused by a guard and,
    per short-form node, its deferred partners (for step 6)."""
    refused: list[Candidate] = []
    short_pairs: dict[int, list[tuple[int, Score]]] = defaultdict(list)
    for value, a, b, s in scored:
        pa, pb = node_profiles[a], node_profiles[b]
        if _deferred(s):
            if value >= review_at:
                short = _short_side(pa, pb)
                if short is pa:
                    short_pairs[a].append((b, s))
                elif short is pb:
                    short_pairs[b].append((a, s))
            continue
        if value < merge_at:
            continue
        ok, why = uf.union(nodes[a][0], nodes[b][0])
        if ok:
            merges.append(Merge(pa.id, pb.id, value, "compare", s.reasons))
        elif why not in ("cannot-link", "already together"):
            refused.append(Candidate(pa.id, pb.id, value, (*s.reasons, f"refused: {why}")))
    return refused, short_pairs


def _review(scored: list[tuple[float, int, int, Score]], nodes: list[list[int]],
            node_profiles: list[Profile], uf: _Guarded, merge_at: float) -> list[Candidate]:
    """Step 7: review candidates: in the band, still apart, best per cluster pair."""
    best_review: dict[tuple[int, int], Candidate] = {}
    for value, a, b, s in scored:
        if value >= merge_at and not _deferred(s):
            continue
        ra, rb = uf.find(nodes[a][0]), uf.find(nodes[b][0])
        if ra == rb:
            continue
        pair = (min(ra, rb), max(ra, rb))
        if pair not in best_review:
            ida, idb = sorted((node_profiles[a].id, node_profiles[b].id))
            best_review[pair] = Candidate(ida, idb, value, s.reasons)
    return sorted(best_review.values(), key=lambda c: (-c.score, c.a, c.b))


def _clusters(groups: list[NameGroup], index: dict[str, int], uf: _Guarded,
              merges: list[Merge]) -> tuple[list[list[str]], dict[str, list[Merge]]]:
    """The clusters of group ids (ordered by first id) and the merges that built each,
    keyed by its first id."""
    by_root: dict[int, list[str]] = defaultdict(list)
    for i, g in enumerate(groups):
        by_root[uf.find(i)].append(g.id)
    clusters = sorted(by_root.values(), key=lambda c: c[0])
    first_of = {root: ids[0] for root, ids in by_root.items()}
    reasons: dict[str, list[Merge]] = defaultdict(list)
    for m in merges:
        reasons[first_of[uf.find(index[m.a])]].append(m)
    return clusters, dict(reasons)


_WORK: tuple[list[Profile], int, float] | None = None   # for forked scorers


def _score_chunk(codes: list[int]) -> list[tuple[float, int, int, Score]]:
    assert _WORK is not None
    profiles, nn, review_at = _WORK
    out = []
    for code in codes:
        a, b = divmod(code, nn)
        s = compare_profiles(profiles[a], profiles[b])
        if s.value >= review_at:
            out.append((s.value, a, b, s))
    return out


def _score_pairs(codes: list[int], nn: int, profiles: list[Profile], review_at: float,
                 workers: int) -> list[tuple[float, int, int, Score]]:
    """Score candidate pairs (encoded a * nn + b); keep those >= review_at."""
    global _WORK
    _WORK = (profiles, nn, review_at)
    try:
        if (workers <= 1 or len(codes) < _PARALLEL_MIN
                or "fork" not in mp.get_all_start_methods()):
            return _score_chunk(codes)
        size = -(-len(codes) // (workers * 8))
        chunks = [codes[i:i + size] for i in range(0, len(codes), size)]
        with mp.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_score_chunk, chunks, chunksize=1)
        return [item for part in parts for item in part]
    finally:
        _WORK = None


#: evidence that only holds when it is unambiguous: a surname alone, a partial
#: person name, an acronym. Such pairs are merged by _attach_short_form.
_DEFERRED = ("surname_only:", "person_subset:", "acronym:")


def _deferred(s: Score) -> bool:
    return bool(s.reasons) and s.reasons[0].startswith(_DEFERRED)


def _short_side(pa: Profile, pb: Profile) -> Profile | None:
    """The profile holding the short form (fewer words, or only an acronym)."""
    if pa.acronym_only != pb.acronym_only:
        return pa if pa.acronym_only else pb
    la, lb = len(pa.best.toks), len(pb.best.toks)
    if la == lb:
        return None
    return pa if la < lb else pb


def _attach_short_form(k: int, partners: list[tuple[int, Score]], nodes: list[list[int]],
                       profiles: list[Profile], keys: set[str], oversize: set[str],
                       uf: _Guarded, merges: list[Merge], stats: Counter) -> None:
    """Join the short-form node k (a surname, a partial name, an acronym) to
    the one cluster it can only mean; the context may pick one of several."""
    short = profiles[k]
    marker = "|a:" if short.acronym_only else "|t:"
    if any(key in oversize for key in keys if marker in key):
        stats["short_forms_ambiguous"] += 1     # too many candidates share the key
        return
    by_root: dict[int, list[tuple[int, Score]]] = defaultdict(list)
    for other, s in partners:
        by_root[uf.find(nodes[other][0])].append((other, s))
    # full names with this surname in the short form's own document that are
    # none of the candidates: another person it could mean
    skel = short.best.skels[-1]
    known = {f.folded for other, _ in partners for f in profiles[other].forms}
    unknown = set()
    mine = short.group.others()
    for c in (mine if short.type == "person" else ()):
        toks = tokens(c)
        if len(toks) >= 2 and phonetic_key(toks[-1]) == skel and " ".join(toks) not in known:
            unknown.add(fold(c))
    rule_reason = ""
    chosen = None
    if len(by_root) == 1 and not unknown:
        chosen = next(iter(by_root))
        rule_reason = "unambiguous: the only full name that fits"
    elif len(by_root) > 1 and not unknown:
        overlaps = []
        for root, items in by_root.items():
            ctx: set[str] = set()
            for other, _ in items:
                ctx |= profiles[other].group.others()
            overlaps.append((len(mine & ctx), root))
        overlaps.sort(key=lambda t: (-t[0], t[1]))
        if overlaps[0][0] > 0 and overlaps[0][0] > overlaps[1][0]:
            chosen = overlaps[0][1]
            rule_reason = (f"context picks one of {len(by_root)} full names "
                           f"({overlaps[0][0]} shared entities)")
    if chosen is None:
        stats["short_forms_ambiguous"] += 1
        return
    other, s = max(by_root[chosen], key=lambda t: (t[1].value, -t[0]))
    ok, _why = uf.union(nodes[k][0], nodes[other][0])
    if ok:
        merges.append(Merge(short.id, profiles[other].id, s.value, "short-form",
                            (*s.reasons, rule_reason)))
        stats["short_forms_joined"] += 1
