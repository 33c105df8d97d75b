"""The campaign pages' data: the channel exports named by `serve --campaign`, read and
analysed once (coordination at the default settings, narratives when a file is given),
then shaped for the channel and cluster pages and their JSON."""
from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass

from actorgraph.campaign import coordination as co
from actorgraph.campaign import narratives as nv
from actorgraph.campaign.importers import Corpus, read_exports
from actorgraph.campaign.operators import Link
from actorgraph.campaign.records import Post, utc_day, utc_iso
from actorgraph.campaign.registry import Registry
from actorgraph.campaign.report import channels_report
from actorgraph.knowledge.names import fold
from actorgraph.store.reader import Reader
from actorgraph.web import channel_links

CHART_W, CHART_H = 720, 120


@dataclass
class Analysis:
    corpus: Corpus
    result: co.Result
    report: dict
    labels: dict[str, dict[str, nv.Label]]
    series: list[dict]
    registry: Registry
    links: list[Link]


class CampaignData:
    """Lazily computed analysis of the exports; one computation, shared by requests."""

    def __init__(self, paths: tuple[str, ...], narratives: str | None = None,
                 reader: Reader | None = None) -> None:
        self.paths = paths
        self.narratives = narratives
        self.reader = reader
        self._lock = threading.Lock()
        self._analysis: Analysis | None = None

    def get(self) -> Analysis:
        with self._lock:
            if self._analysis is None:
                corpus = read_exports(self.paths)
                result = co.run(corpus.posts)
                defs = nv.load(self.narratives) if self.narratives else []
                labels = nv.assign(corpus.posts, defs) if defs else {}
                reg, links = channel_links.compute(corpus, self.reader)
                self._analysis = Analysis(corpus, result, co.report(corpus, result), labels,
                                          nv.series(corpus.posts, labels, defs) if defs else [],
                                          reg, links)
            return self._analysis

    def overview(self) -> dict:
        a = self.get()
        rows = channels_report(a.corpus)
        cluster_of = {m: c.id for c in a.result.clusters for m in c.members}
        run_by = channel_links.summary(a.registry, a.links)
        for row in rows["channels"]:
            row["cluster"] = cluster_of.get(row["id"])
            row["run_by"] = run_by.get(a.registry.key_of(row["id"]) or row["id"], [])
        return {"channels": rows, "settings": a.report["settings"],
                "clusters": [_cluster_head(c) for c in a.report["clusters"]],
                "narratives": [{k: r[k] for k in ("id", "label", "posts", "peak", "bursts")}
                               for r in a.series]}

    def channel(self, cid: str, limit: int = 50) -> dict | None:
        a = self.get()
        chan = a.corpus.channels.get(cid)
        if chan is None:
            return None
        posts = [p for p in a.corpus.posts if p.channel_id == cid]
        cluster = next((c for c in a.report["clusters"]
                        if cid in {m["id"] for m in c["members"]}), None)
        edges = [e for e in a.report["network"] if cid in (e["a"], e["b"])]
        names = {k: c.name for k, c in a.corpus.channels.items()}
        nar = Counter(n for p in posts for n in a.labels.get(p.id, {}))
        return {"id": cid, "name": chan.name, "type": chan.type, "sources": chan.sources,
                "posts": len(posts), "first_utc": utc_iso(posts[0].time) if posts else None,
                "last_utc": utc_iso(posts[-1].time) if posts else None,
                "cluster": _cluster_head(cluster) if cluster else None,
                "partners": [{"id": e["b"] if e["a"] == cid else e["a"],
                              "name": names.get(e["b"] if e["a"] == cid else e["a"], ""),
                              "weight": e["weight"], "rules": e["rules"],
                              "pairs": len(e["pairs"])} for e in edges],
                "narratives": dict(nar.most_common()),
                "operators": operators(self.reader, chan.name) if self.reader else [],
                "links": channel_links.for_channel(a.registry.key_of(cid) or cid, a.registry,
                                                   a.links, self.reader),
                "chart": chart([p.time for p in posts]),
                "recent": [_post(p, a.labels) for p in posts[-limit:][::-1]]}

    def cluster(self, cluster_id: str, max_pairs: int = 40) -> dict | None:
        a = self.get()
        c = next((c for c in a.report["clusters"] if c["id"] == cluster_id), None)
        if c is None:
            return None
        names = {m["id"]: m["name"] for m in c["members"]}
        days = sorted(c["timeline"])
        times = [t for d in days for t in [_day_epoch(d)] * c["timeline"][d]]
        edges = [{**e, "a_name": names[e["a"]], "b_name": names[e["b"]],
                  "shown": e["pairs"][:max_pairs]} for e in c["edges"]]
        return {**c, "edges": edges, "chart": chart(times), "names": names}

    def graph(self, cluster_id: str) -> dict | None:
        """The cluster's network in the shape the graph view draws."""
        c = self.cluster(cluster_id)
        if c is None:
            return None
        center = c["first_movers"][0]
        nodes = [{"id": m["id"], "name": m["name"], "type": "channel", "kind": None,
                  "depth": 0 if m["id"] == center else 1} for m in c["members"]]
        edges = [{"id": f"{e['a']}-{e['b']}", "source": e["a"], "target": e["b"],
                  "label": f"{e['weight']} shared",
                  "kind": "relation",
                  "dates": sorted({p["a_utc"][:10] for p in e["pairs"]})[:1]
                  + sorted({p["b_utc"][:10] for p in e["pairs"]})[-1:]}
                 for e in c["edges"]]
        return {"center": {"id": center}, "nodes": nodes, "edges": edges, "truncated": False}


def operators(reader: Reader, name: str) -> list[dict]:
    """Who runs the channel, by the store: the `operates_channel` facts of the store's
    channel entity of exactly this name (after folding), each with its claims (a report
    says so); the entity page shows their sentences."""
    out = []
    for cid in reader.find_entities("channel", name):
        record = reader.entity(cid)
        if record is None or fold(name) not in {fold(n) for n, _ in record.names}:
            continue
        found = reader.relations_to([record.id], {"operates_channel"})  # without claims
        for fact in reader.facts([f.id for f in found]):
            for eid, role in fact.entities:
                if role == "subject":
                    who = reader.entity(eid)
                    out.append({"id": eid, "name": who.name if who else eid, "fact": fact.id,
                                "claims": len(fact.claims), "evidence": "a report says so",
                                "channel_entity": record.id})
    return out


def _cluster_head(c: dict) -> dict:
    return {"id": c["id"], "members": len(c["members"]), "posts": c["posts"],
            "names": [m["name"] for m in c["members"]]}


def _day_epoch(day: str) -> int:
    from datetime import UTC, datetime

    return int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp())


def _post(p: Post, labels: dict) -> dict:
    return {"id": p.id, "utc": utc_iso(p.time), "text": p.text, "links": list(p.links),
            "forwarded_from": p.forwarded_from, "media": len(p.media),
            "narratives": sorted(labels.get(p.id, {}))}


def chart(times: list[int]) -> dict:
    """Posts per UTC day as SVG bars (coordinates computed here, drawn by the template)."""
    if not times:
        return {"bars": [], "width": CHART_W, "height": CHART_H, "max": 0}
    counts: dict[str, int] = defaultdict(int)
    for t in times:
        counts[utc_day(t)] += 1
    first, last = min(times) // 86400, max(times) // 86400
    days = [utc_day(d * 86400) for d in range(first, last + 1)]
    top = max(counts.values())
    step = CHART_W / len(days)
    heights = [round((CHART_H - 14) * counts.get(d, 0) / top, 1) for d in days]
    bars = [{"day": d, "n": counts.get(d, 0), "x": round(i * step, 1),
             "w": max(round(step - 1, 1), 1), "h": h, "y": round(CHART_H - 14 - h, 1)}
            for i, (d, h) in enumerate(zip(days, heights))]
    return {"bars": bars, "width": CHART_W, "height": CHART_H, "max": top,
            "first": days[0], "last": days[-1]}
