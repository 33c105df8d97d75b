"""The channels of a read, as a report: posts, time span, forwards, and the forwarded-from
names no channel in the exports answers to."""
from __future__ import annotations

from collections import Counter, defaultdict

from actorgraph.campaign.importers import Corpus
from actorgraph.campaign.records import utc_iso


def channels_report(corpus: Corpus) -> dict:
    posts: Counter[str] = Counter()
    forwards: Counter[str] = Counter()
    span: dict[str, list[int]] = defaultdict(list)
    sources: dict[str, Counter[str]] = defaultdict(Counter)
    for p in corpus.posts:
        posts[p.channel_id] += 1
        span[p.channel_id].append(p.time)
        if p.is_forward:
            forwards[p.channel_id] += 1
            sources[p.channel_id][p.forwarded_from_id or f"name:{p.forwarded_from}"] += 1
    rows = []
    for cid, chan in sorted(corpus.channels.items(), key=lambda kv: (-posts[kv[0]], kv[0])):
        times = span.get(cid) or []
        rows.append({"id": cid, "name": chan.name, "type": chan.type, "platform": chan.platform,
                     "posts": posts[cid], "forwards": forwards[cid],
                     "first_utc": utc_iso(min(times)) if times else None,
                     "last_utc": utc_iso(max(times)) if times else None,
                     "forwarded_from": dict(sources[cid].most_common(10)),
                     "sources": chan.sources})
    return {"input": {"files": corpus.files, "messages": corpus.messages,
                      "service_messages": corpus.service, "posts": len(corpus.posts),
                      "albums": corpus.albums},
            "channels": rows, "unresolved_forward_names": corpus.unresolved}
