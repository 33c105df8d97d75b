"""Types across documents: each actor's type settled by the votes of all its mentions.

Each document typed its own mentions; here a group's votes are pooled with
those of the same name in every other document, so one clear context elsewhere
("the group X", "Gen. X") outweighs the small model's guess here, unless the
group already has a lexicon-strength vote of its own. An entity (a cluster of
groups) then takes the type of most of its mentions, and an organisation its
kind from the lexicon or its name, else from its mentions' contexts.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from actorgraph.knowledge.kinds import STRONG, Votes, decide, org_kind
from actorgraph.knowledge.lexicon import load_lexicon
from actorgraph.knowledge.names import fold
from actorgraph.resolve.records import NameGroup
from actorgraph.store.store import StoredMention


def _votes(mentions: list[StoredMention]) -> Votes:
    """The type votes of a group's named mentions; a group only of capitals standing
    for their state is that state (a country)."""
    votes: Votes = defaultdict(float)
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


def _name_keys(mentions: list[StoredMention]) -> set[str]:
    return {k for m in mentions if m.role == "name" for k in _vote_keys(m.text)}


def group_types(groups: dict[str, list[StoredMention]]) -> dict[str, str]:
    """The type of each document-level group, by its own votes and, unless they are
    strong, those of its names across all documents."""
    by_name: dict[str, Votes] = defaultdict(lambda: defaultdict(float))
    own_votes = {gid: _votes(ms) for gid, ms in groups.items()}
    for gid, ms in groups.items():
        for n in _name_keys(ms):
            for t, w in own_votes[gid].items():
                by_name[n][t] += w
    out = {}
    for gid, ms in sorted(groups.items()):
        votes = dict(own_votes[gid])
        if max(votes.values(), default=0) < STRONG:
            for n in _name_keys(ms):
                for t, w in by_name[n].items():
                    votes[t] = votes.get(t, 0) + w
        out[gid] = decide(votes) or ms[0].type
    return out


def _most_common(kinds: Iterable[str | None]) -> str | None:
    counts = Counter(k for k in kinds if k)
    return counts.most_common(1)[0][0] if counts else None


def group_kind(mentions: list[StoredMention]) -> str | None:
    """The lexicon's or the name's kind, else the one the mentions' contexts gave."""
    return org_kind(mentions[0].name, load_lexicon()) or _most_common(m.kind for m in mentions)


def entity_type(cluster: list[str], by_id: dict[str, NameGroup],
                sizes: dict[str, int]) -> str:
    """The type of most of a cluster's mentions (each group's type already settled by
    its own and its name's votes; `sizes`: each group's number of mentions)."""
    weight: Votes = defaultdict(float)
    for gid in cluster:
        weight[by_id[gid].type] += sizes[gid]
    return decide(weight) or by_id[cluster[0]].type


def entity_kind(name: str, cluster: list[str], by_id: dict[str, NameGroup]) -> str | None:
    """An organisation's kind: the lexicon's or its name's, else its groups' most common."""
    return org_kind(name, load_lexicon()) or _most_common(by_id[g].kind for g in cluster)
