"""Channels of the exports into the store, with their `operates_channel` links: the
registry of channels seen (name-only channels for unresolved forwarded-from names), and
the links of every rule (`operators.py`), seeded also by what reports in the store say
(`operates_channel` facts whose channel entity's name folds to a channel read). Run by
`actorgraph ingest` on exports and by `actorgraph channels PATH --db URL`; the links
of the channels read are replaced, the judgements of them kept."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from actorgraph.campaign import operators
from actorgraph.campaign.importers import Corpus
from actorgraph.campaign.registry import Registry, build, entity_id
from actorgraph.facts.grading import Grader
from actorgraph.knowledge.names import fold
from actorgraph.store import channels as rows
from actorgraph.store.facts import read_facts
from actorgraph.store.store import Store

# a fact's credibility grade (Admiralty 1-6) as a confidence, as the STIX export reads it
CREDIBILITY = {1: 0.9, 2: 0.7, 3: 0.5, 4: 0.3, 5: 0.1}


@dataclass
class Recorded:
    channels: int
    name_only: int
    links: int


def report_links(store: Store, reg: Registry) -> list[operators.Link]:
    """What reports in the store say: an `operates_channel` fact whose channel entity
    carries the (folded) name of exactly one channel read, as a `report` link."""
    facts = [f for f in read_facts(store, kind="relation")
             if f.data.get("predicate") == "operates_channel"]
    if not facts:
        return []
    entities = {e.id: e for e in store.entities()}
    grade = Grader(store, None)
    out: list[operators.Link] = []
    for f in facts:
        chan, actor = entities.get(f.data["object"]), entities.get(f.data["subject"])
        if chan is None or actor is None:
            continue
        keys = {k for n, _ in chan.names for k in reg.by_name.get(fold(n), set())}
        if len(keys) != 1:
            continue
        conf = CREDIBILITY.get(grade(f).credibility, 0.5)
        out.append(operators.Link(
            next(iter(keys)), actor.name, "report", conf,
            f"a report says so (fact {f.id}, {len(f.claims)} claim"
            f"{'s' if len(f.claims) != 1 else ''}, grade {grade(f).grade})",
            [operators.Evidence("", None, "report", f"claim {c}") for c in f.claims[:12]],
            count=len(f.claims)))
    return out


def channel_rows(corpus: Corpus, reg: Registry) -> list[dict]:
    span: dict[str, list[int]] = defaultdict(list)
    for p in corpus.posts:
        span[reg.key_of(p.channel_id) or p.channel_id].append(p.time)
    out = []
    for key, e in sorted(reg.entries.items()):
        times = span.get(key, [])
        out.append({"id": entity_id(key), "key": key, "platform": e.platform,
                    "native_id": e.native_id, "name": e.name, "folded": fold(e.name),
                    "type": e.type, "handle": e.handle, "description": e.description,
                    "name_only": e.name_only, "posts": len(times),
                    "first_time": min(times) if times else None,
                    "last_time": max(times) if times else None, "sources": list(e.sources)})
    return out


def link_rows(links: list[operators.Link]) -> list[dict]:
    out = []
    for x in links:
        ident = "|".join([x.channel, x.actor_key, x.rule, x.via or ""])
        out.append({"id": "cl-" + hashlib.sha256(ident.encode()).hexdigest()[:20],
                    "channel_id": entity_id(x.channel), "actor": x.actor,
                    "actor_folded": x.actor_key, "rule": x.rule,
                    "confidence": round(x.confidence, 3), "detail": x.detail,
                    "via": entity_id(x.via) if x.via else None, "count": x.count,
                    "evidence": [e.as_dict() for e in x.evidence]})
    return out


def record(store: Store, corpus: Corpus) -> Recorded:
    """Write the channels of `corpus` and their links (replacing theirs) in one
    transaction."""
    reg = build(corpus.channels.values(), corpus.posts)
    links = operators.link(corpus, report_links(store, reg), reg)
    chans = channel_rows(corpus, reg)
    n, m = rows.write(store, chans, link_rows(links))
    return Recorded(n, sum(1 for c in chans if c["name_only"]), m)


def record_sources(store: Store, sources: list[str]) -> Recorded | None:
    """Record the channels of those `sources` that read as channel exports (all of them
    together, so forwards and signatures across files count); None when none does."""
    from actorgraph.campaign.documents import is_export_path
    from actorgraph.campaign.importers import read_exports
    from actorgraph.campaign.records import ExportError

    found = []
    for source in sources:
        if is_export_path(source):
            try:
                read_exports([source])
            except ExportError:
                continue
            found.append(source)
    return record(store, read_exports(found)) if found else None
