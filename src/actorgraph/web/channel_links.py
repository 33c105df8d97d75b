"""A channel page's actor links: every rule's `operates_channel` link to the channel
(campaign/operators.py over the served exports, seeded by what reports in the store
say), grouped per actor with the combined confidence, the analyst's live verdict from
the store's judgements log, the store's entity of that actor (by folded name), and each
rule's evidence: posts with their ids and UTC times."""
from __future__ import annotations

from collections import defaultdict

from actorgraph.campaign import operators as op
from actorgraph.campaign.channel_store import report_links
from actorgraph.campaign.importers import Corpus
from actorgraph.campaign.registry import Registry, build, entity_id
from actorgraph.knowledge.names import fold
from actorgraph.store.channels import link_verdicts
from actorgraph.store.reader import Reader


def compute(corpus: Corpus, reader: Reader | None) -> tuple[Registry, list[op.Link]]:
    """The links of the exports, once (the analysis is cached by the caller)."""
    reg = build(corpus.channels.values(), corpus.posts)
    reports = report_links(reader.store, reg) if reader is not None else []
    return reg, op.link(corpus, reports, reg)


def for_channel(key: str, reg: Registry, links: list[op.Link], reader: Reader | None
                ) -> list[dict]:
    """The channel's links, per actor, strongest first."""
    mine = [x for x in links if x.channel == key]
    verdicts = link_verdicts(reader.store) if reader is not None else {}
    combined = op.combined(mine)
    grouped: dict[str, list[op.Link]] = defaultdict(list)
    for x in mine:
        grouped[x.actor_key].append(x)
    out = []
    for folded, rows in grouped.items():
        verdict = verdicts.get((entity_id(key), folded))
        out.append({
            "actor": rows[0].actor, "actor_entity": _entity(reader, rows[0].actor),
            "confidence": combined[(key, folded)], "channel_ref": entity_id(key),
            "verdict": verdict.__dict__ if verdict else None,
            "rules": [{**x.as_dict(), "via_name": reg.entries[x.via].name
                       if x.via in reg.entries else None,
                       "via_id": reg.entries[x.via].native_id if x.via in reg.entries
                       else None} for x in rows]})
    return sorted(out, key=lambda a: (-a["confidence"], a["actor"]))


def summary(reg: Registry, links: list[op.Link]) -> dict[str, list[dict]]:
    """Per channel key, its actors with the combined confidence and the rules (the
    overview's "run by" column; judgements are shown on the channel's page)."""
    rules: dict[tuple[str, str], set[str]] = defaultdict(set)
    names: dict[tuple[str, str], str] = {}
    for x in links:
        rules[(x.channel, x.actor_key)].add(x.rule)
        names.setdefault((x.channel, x.actor_key), x.actor)
    out: dict[str, list[dict]] = defaultdict(list)
    for (chan, folded), conf in sorted(op.combined(links).items(), key=lambda kv: -kv[1]):
        out[chan].append({"actor": names[(chan, folded)], "confidence": conf,
                          "rules": sorted(rules[(chan, folded)])})
    return dict(out)


def _entity(reader: Reader | None, name: str) -> str | None:
    """The id of the store's actor entity carrying this name (folded), if one does."""
    if reader is None:
        return None
    for kind in ("organization", "person", "country"):
        for eid in reader.find_entities(kind, name):
            record = reader.entity(eid)
            if record is not None and fold(name) in {fold(n) for n, _ in record.names}:
                return record.id
    return None
