"""Speed of `actorgraph serve` on a large store: entity pages, API calls and search.

    .venv/bin/python bench/serve.py [--docs 10000] [--groups 250] [--requests 300]

1. Ingests examples/corpus into a template store with the full pipeline.
2. Generates a store of --docs documents from it. Extracting 10,000 documents on two
   cores would take the better part of an hour, so the extracted rows are copied
   instead, with renamed entities: group g of the copies (g = 1..groups-1) calls every
   actor by a numbered variant ("Husseiniyyun 17", "Hoseyniyun 17", ...), its text
   rewritten to match and every offset shifted; group 0 keeps the original names. Each
   copy is distinct content (a numbered last line). Documents, segments, sentences,
   mentions and claims are copied per document; entities, their names, facts and
   contradictions per group, so a fact gathers the claims of all copies in its group
   (several documents and publishers each). The search index fills through its triggers
   as the documents are inserted. Hubs: the countries (Iran, Iraq, Azerbaijan, ...) keep
   their names and ids in every group, as real ones would, so each is named in a share of
   all documents and is a party to the facts of every group (a fact between hubs alone is
   one fact with the claims of all groups); --no-hubs renames them too.
3. Serves that store with uvicorn on 127.0.0.1 (a free port) and times a bounded number
   of requests (--requests per kind, sequential, one keep-alive connection) to it only.
4. Prints p50 / p95 / max per kind, the first request of each kind after every cache of
   the server was cleared (cold), the bench process's CPU per request (server and client:
   what a page costs whatever else runs on a shared machine) and the largest response.
   The targets: p95 < 100 ms for entity pages and API calls, < 200 ms for search; for the
   most mentioned entity (the hub: its entity page and API record, profile, contradictions
   and an "all N" page) p95 < 300 ms for its summaries (entity page, record, profile) and
   < 100 ms for its paged lists (contradictions, "all N"), each < 1 MB; for ordinary
   entities' pages, profiles and contradictions p95 < 100 ms.

    .venv/bin/python bench/serve.py --docs 2240 --into postgresql+psycopg://u@host/db
generates into PostgreSQL instead (an empty database).
"""
from __future__ import annotations

import argparse
import bisect
import json
import random
import re
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from actorgraph.knowledge.names import fold  # noqa: E402 - after the path is set
from actorgraph.store import schema as t  # noqa: E402
from actorgraph.store.ids import document_id, short_hash  # noqa: E402
from actorgraph.store.store import Store  # noqa: E402
from actorgraph.store.summaries import refresh  # noqa: E402

BATCH = 2000


def _rows(store: Store, table, order=None) -> list[dict]:
    q = select(table)
    if order is not None:
        q = q.order_by(*order)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def template_store(folder: Path) -> Store:
    from actorgraph.workflow import ingest

    store = Store(f"sqlite:///{folder / 'template.db'}")
    report = ingest([str(ROOT / "examples" / "corpus")], store)
    assert report.ok, report.failed
    return store


class Renamer:
    """The numbered variants of group g, and the text of a document rewritten to them."""

    def __init__(self, mentions: list[dict], hubs: frozenset[str] = frozenset()) -> None:
        self.hubs = hubs
        self.by_doc: dict[str, list[dict]] = defaultdict(list)
        for m in mentions:
            self.by_doc[m["doc_id"]].append(m)
        for ms in self.by_doc.values():
            ms.sort(key=lambda m: (m["start"], -m["end"]))

    def name(self, name: str, g: int, eid: str | None = None) -> str:
        return name if g == 0 or eid in self.hubs else f"{name} {g}"

    def entity(self, eid: str, g: int) -> str:
        return eid if g == 0 or eid in self.hubs else "ent-" + short_hash(eid, str(g))

    def rewrite(self, doc_id: str, text: str, g: int):
        """(new text, offset map, renamed mentions) for group g."""
        if g == 0:
            return text, (lambda i: i), list(self.by_doc[doc_id])
        pieces, shifts, out, pos, delta = [], [], [], 0, 0
        for m in self.by_doc[doc_id]:
            if m["start"] < pos or not m["entity_id"] or m["entity_id"] in self.hubs:
                if m["start"] >= pos:
                    out.append(dict(m, _shift=delta))
                continue
            suffix = f" {g}"
            pieces.append(text[pos:m["end"]])
            pieces.append(suffix)
            out.append(dict(m, text=m["text"] + suffix, name=self.name(m["name"], g),
                            _shift=delta, _grow=len(suffix)))
            delta += len(suffix)
            shifts.append((m["end"], delta))
            pos = m["end"]
        pieces.append(text[pos:])

        ends = [end for end, _ in shifts]

        def shift(i: int) -> int:
            j = bisect.bisect_right(ends, i)
            return i + (shifts[j - 1][1] if j else 0)
        return "".join(pieces), shift, out


def generate(template: Store, target: Store, n_docs: int, groups: int,
             hubs: bool = True) -> dict[str, int]:
    docs = _rows(template, t.documents, [t.documents.c.id])
    segments = _rows(template, t.segments)
    sentences = _rows(template, t.sentences)
    mentions = _rows(template, t.mentions)
    claims = _rows(template, t.claims)
    entities = {e["id"]: e for e in _rows(template, t.entities)}
    facts = _rows(template, t.facts)
    fact_claims = _rows(template, t.fact_claims)
    fact_entities = _rows(template, t.fact_entities)
    contradictions = _rows(template, t.contradictions)
    by_doc = defaultdict(lambda: defaultdict(list))
    for kind, rows in (("segments", segments), ("sentences", sentences), ("claims", claims)):
        for r in rows:
            by_doc[r["doc_id"]][kind].append(r)
    renamer = Renamer(mentions, frozenset(
        e["id"] for e in entities.values() if hubs and e["type"] == "country"))
    # copies: doc copy k uses template k % len(docs), in group (k // len(docs)) % groups
    claim_copies: dict[tuple[str, int], list[str]] = defaultdict(list)
    names: dict[tuple[str, str], int] = defaultdict(int)
    pending: dict[str, list[dict]] = defaultdict(list)

    def flush(force: bool = False) -> None:
        if not force and len(pending["mentions"]) < BATCH * 10:
            return
        with target.engine.begin() as conn:
            for table in (t.documents, t.segments, t.sentences, t.mentions, t.claims):
                if pending[table.name]:
                    conn.execute(insert(table), pending[table.name])
        pending.clear()

    for k in range(n_docs):
        d = docs[k % len(docs)]
        g = (k // len(docs)) % groups
        text, shift, ms = renamer.rewrite(d["id"], d["text"], g)
        text += f"\n\nCopy {k}.\n"
        sha = short_hash(text, n=64)
        new_id = document_id(sha)
        publisher = d["publisher"] if k % 3 else f"{d['publisher'] or 'Wire'} Digest"
        pending["documents"].append(dict(
            d, id=new_id, source=f"bench/{k:05d}_{Path(d['source']).name}", sha256=sha,
            title=f"{d['title'] or ''} ({g}.{k})", publisher=publisher, text=text,
            original=text.encode("utf-8"), version=1, current=True))
        for s in by_doc[d["id"]]["segments"]:
            pending["segments"].append(dict(s, doc_id=new_id, start=shift(s["start"]),
                                            end=shift(s["end"])))
        for s in by_doc[d["id"]]["sentences"]:
            pending["sentences"].append(dict(s, doc_id=new_id, start=shift(s["start"]),
                                             end=shift(s["end"])))
        for i, m in enumerate(ms):
            start = m["start"] + m.pop("_shift", 0)
            end = start + (m["end"] - m["start"]) + m.pop("_grow", 0)
            eid = renamer.entity(m["entity_id"], g) if m["entity_id"] else None
            pending["mentions"].append(dict(m, id=f"{new_id}:m{i}", doc_id=new_id,
                                            start=start, end=end, entity_id=eid))
            if eid and m["role"] == "name":
                names[(eid, m["text"])] += 1
        for c in by_doc[d["id"]]["claims"]:
            cid = "clm-" + short_hash(new_id, c["id"])
            pending["claims"].append(dict(c, id=cid, doc_id=new_id, start=shift(c["start"]),
                                          end=shift(c["end"])))
            claim_copies[(c["id"], g)].append(cid)
        flush()
    flush(force=True)

    used = {g for g in range(min(groups, -(-n_docs // len(docs))))}
    ent_rows, name_rows = [], []
    for g in sorted(used):
        for e in entities.values():
            if g and e["id"] in renamer.hubs:
                continue
            ent_rows.append(dict(e, id=renamer.entity(e["id"], g),
                                 name=renamer.name(e["name"], g, e["id"])))
    for (eid, name), count in names.items():
        name_rows.append({"entity_id": eid, "name": name, "folded": fold(name),
                          "count": count})
    known = {e["id"] for e in ent_rows}
    name_rows = [r for r in name_rows if r["entity_id"] in known]
    fc_of, fe_of = defaultdict(list), defaultdict(list)
    for r in fact_claims:
        fc_of[r["fact_id"]].append(r["claim_id"])
    for r in fact_entities:
        fe_of[r["fact_id"]].append(r)

    def remap(value, g):
        if isinstance(value, str) and value in entities:
            return renamer.entity(value, g)
        if isinstance(value, list):
            return [remap(v, g) for v in value]
        return value

    fact_rows, fc_rows, fe_rows, con_rows = [], [], [], []
    hub_only = {f["id"] for f in facts if fe_of[f["id"]]
                and all(r["entity_id"] in renamer.hubs for r in fe_of[f["id"]])}
    for g in sorted(used):
        new_fact = {f["id"]: f["id"] if g == 0 or f["id"] in hub_only
                    else f["id"][:4] + short_hash(f["id"], str(g)) for f in facts}
        for f in facts:
            data = {k: remap(v, g) for k, v in json.loads(f["data"]).items()}
            fid = new_fact[f["id"]]
            if f["id"] in hub_only:   # one fact, with the claims of every group
                fc_rows += [{"fact_id": fid, "claim_id": c}
                            for old in fc_of[f["id"]] for c in claim_copies.get((old, g), [])]
                if g:
                    continue
                fe_rows += fe_of[f["id"]]
                fact_rows.append(dict(f))
                continue
            fact_rows.append(dict(f, id=fid, data=json.dumps(data, sort_keys=True)))
            fc_rows += [{"fact_id": fid, "claim_id": c} for old in fc_of[f["id"]]
                        for c in claim_copies.get((old, g), [])]
            fe_rows += [dict(r, fact_id=fid, entity_id=remap(r["entity_id"], g))
                        for r in fe_of[f["id"]]]
        for c in contradictions:
            cl = [x for old in json.loads(c["claims"]) for x in claim_copies.get((old, g), [])]
            con_rows.append(dict(c, id=c["id"] if g == 0 else "con-" + short_hash(c["id"], str(g)),
                                 claims=json.dumps(sorted(cl)), entity_id=remap(c["entity_id"], g),
                                 facts=json.dumps([new_fact.get(x, x)
                                                   for x in json.loads(c["facts"])])))
    with target.engine.begin() as conn:
        for table, rows in ((t.entities, ent_rows), (t.entity_names, name_rows),
                            (t.facts, fact_rows), (t.fact_claims, fc_rows),
                            (t.fact_entities, fe_rows), (t.contradictions, con_rows)):
            for i in range(0, len(rows), BATCH):
                conn.execute(insert(table), rows[i:i + BATCH])
        refresh(conn)   # the pages' index, as a rebuild of the facts writes it
    if target.engine.dialect.name == "postgresql":   # the planner's statistics, which
        with target.engine.begin() as conn:          # autovacuum gathers a minute later
            conn.exec_driver_sql("ANALYZE")
    with target.engine.connect() as conn:
        return {table.name: conn.execute(select(func.count()).select_from(table)).scalar()
                for table in (t.documents, t.sentences, t.mentions, t.claims, t.entities,
                              t.entity_names, t.facts, t.contradictions)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(store: Store):
    import uvicorn

    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    port = _free_port()
    app = create_app(WebSettings(port=port), store=store)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return app, server, thread, f"http://127.0.0.1:{port}"


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


SIZES: dict[str, int] = {}   # kind -> the largest response, in bytes
CPU: dict[str, list[float]] = {}   # kind -> CPU ms of this process per request
COLD: dict[str, float] = {}  # kind -> ms of its first request, every cache of the server cleared
HUB_KINDS = ("hub entity page (HTML)", "hub entity (API)", "hub profile (HTML)",
             "hub profile (API)", "hub contradictions (HTML)", "hub contradictions (API)",
             "hub 'all N' page (HTML)")
ORDINARY_KINDS = ("ordinary entity page (HTML)", "ordinary profile (HTML)",
                  "ordinary contradictions (HTML)")


def _sample(store: Store) -> dict:
    """What the requests ask for: entities by mentions (the 20 most mentioned are the hubs),
    names, documents, and entities with contradictions."""
    with store.engine.connect() as conn:
        counts = dict(conn.execute(select(t.mentions.c.entity_id, func.count()).where(
            t.mentions.c.entity_id.is_not(None)).group_by(t.mentions.c.entity_id)).all())
        contradicted = sorted(set(conn.execute(select(
            t.contradiction_entities.c.entity_id)).scalars()))
        out = {"counts": counts, "contradicted": contradicted,
               "names": [r for r, in conn.execute(select(t.entity_names.c.name))],
               "doc_ids": [r for r, in conn.execute(select(t.documents.c.id))],
               "claimed_docs": [r for r, in conn.execute(select(t.claims.c.doc_id).distinct())]}
    out["hubs"] = sorted(counts, key=counts.get, reverse=True)[:20]
    out["ordinary"] = sorted(set(counts) - set(out["hubs"]))
    return out


def _plan(sample: dict, n: int, rng: random.Random) -> dict[str, list[str]]:
    hubs, ids = sample["hubs"], sorted(sample["counts"])
    entity_ids = [rng.choice(hubs) if i % 4 == 0 else rng.choice(ids) for i in range(n)]
    words = ["Ganja", "embassy Tehran", "Quds Force", "Hoseyniyun", "Hüseynçilər",
             "حسینیون", "shooting mayor", "Zainabiyoun", "Kataib", "drone attack Jordan",
             "Soleimani", "Begli 17", "supporters", "volunteers Syria"]
    names, doc_ids, claimed = sample["names"], sample["doc_ids"], sample["claimed_docs"]
    api = [lambda e: f"/api/entities/{e}", lambda e: f"/api/entities/{e}/neighbours?depth=2",
           lambda e: "/api/entities?limit=50&offset=" + str(rng.randrange(0, 5000)),
           lambda e: f"/api/events?limit=50&actor={e}",
           lambda e: "/api/events?limit=50&offset=" + str(rng.randrange(0, 2000)),
           lambda e: "/api/claims?limit=50&offset=" + str(rng.randrange(0, 100000)),
           lambda e: f"/api/claims?doc={rng.choice(claimed)}",
           lambda e: f"/api/documents/{rng.choice(doc_ids)}",
           lambda e: "/api/documents?limit=50&offset=" + str(rng.randrange(0, 9000)),
           lambda e: "/api/contradictions?limit=50",
           lambda e: f"/api/entities/by-name/{rng.choice(names)}"]
    hub, few = hubs[0], max(5, n // 6)   # the most mentioned entity
    ordinary = [rng.choice(sample["ordinary"]) for _ in range(few)]
    disputed = [e for e in sample["contradicted"] if e not in hubs] or ordinary
    return {
        "entity page (HTML)": [f"/entities/{e}" for e in entity_ids],
        "API": [api[i % len(api)](entity_ids[i]) for i in range(n)],
        "search": [(f"/api/search?q={rng.choice(words)}" if i % 2 else
                    f"/search?q={rng.choice(names)}") for i in range(n)],
        "hub entity page (HTML)": [f"/entities/{hub}"] * few,
        "hub entity (API)": [f"/api/entities/{hub}"] * few,
        "hub profile (HTML)": [f"/entities/{hub}/profile"] * few,
        "hub profile (API)": [f"/api/entities/{hub}/profile"] * few,
        "hub contradictions (HTML)": [f"/contradictions?about={hub}"] * few,
        "hub contradictions (API)": [f"/api/contradictions?about={hub}"] * few,
        "hub 'all N' page (HTML)": [f"/entities/{hub}/facts?kind=event&offset={50 * (i % 4)}"
                                    for i in range(few)],
        "ordinary entity page (HTML)": [f"/entities/{e}" for e in ordinary],
        "ordinary profile (HTML)": [f"/entities/{e}/profile" for e in ordinary],
        "ordinary contradictions (HTML)": [f"/contradictions?about={rng.choice(disputed)}"
                                           for _ in range(few)],
    }


def _run(client, app, kind: str, urls: list[str]) -> list[float]:
    """Times the requests of one kind (wall ms; CPU ms of this process, server and client,
    in CPU); the first after every cache of the server is cleared (in COLD too)."""
    times, cpu = [], []
    app.state.reader.invalidate()
    for url in urls:
        t0, c0 = time.perf_counter(), time.process_time()
        r = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        SIZES[kind] = max(SIZES.get(kind, 0), len(r.content))
        if r.status_code >= 500 or (r.status_code != 200 and "by-name" not in url):
            raise SystemExit(f"{url}: {r.status_code} {r.text[:200]}")
    COLD[kind], CPU[kind] = times[0], cpu
    return times


def measure(store: Store, n: int, seed: int = 7) -> dict[str, list[float]]:
    import httpx

    rng = random.Random(seed)
    sample = _sample(store)
    plan = _plan(sample, n, rng)
    hub = sample["hubs"][0]
    with store.engine.connect() as conn:
        hub_docs = conn.execute(select(func.count(func.distinct(t.mentions.c.doc_id))).where(
            t.mentions.c.entity_id == hub)).scalar()
        hub_name = conn.execute(select(t.entities.c.name).where(t.entities.c.id == hub)).scalar()
        hub_facts = conn.execute(select(func.count()).select_from(t.entity_facts).where(
            t.entity_facts.c.entity_id == hub)).scalar()
    print(f"hub:      {hub_name} ({hub}): {sample['counts'][hub]:,} mentions in {hub_docs:,} "
          f"documents, {hub_facts:,} facts")
    app, server, thread, base = _serve(store)
    out: dict[str, list[float]] = {}
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            t0 = time.perf_counter()
            client.get(f"/entities/{hub}").raise_for_status()
            out["first request (cold caches)"] = [(time.perf_counter() - t0) * 1000]
            for kind, urls in plan.items():
                out[kind] = _run(client, app, kind, urls)
                if kind == "API":
                    by_path = defaultdict(list)
                    for url, ms in zip(urls, out[kind]):
                        path = re.sub(r"/(ent|doc)-[0-9a-f]+", "/{id}", url.split("?")[0])
                        by_path[re.sub(r"/by-name/.*", "/by-name/{name}", path)].append(ms)
                    for path, ms in sorted(by_path.items()):
                        out[f"  {path}"] = ms
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return out


def report(results: dict[str, list[float]]) -> None:
    print(f"\n{'requests to 127.0.0.1':34s} {'n':>5s} {'p50 ms':>8s} {'p95 ms':>8s} "
          f"{'max ms':>8s} {'cold ms':>8s} {'cpu p50':>8s} {'cpu p95':>8s} {'largest':>9s}")
    for kind, ms in results.items():
        size = f"{SIZES[kind] / 1024:7.0f} KB" if kind in SIZES else ""
        cold = f"{COLD[kind]:8.1f}" if kind in COLD else ""
        cpu = (f"{statistics.median(CPU[kind]):8.1f} {_pct(CPU[kind], 95):8.1f}"
               if kind in CPU else " " * 17)
        print(f"{kind:34s} {len(ms):5d} {statistics.median(ms):8.1f} {_pct(ms, 95):8.1f} "
              f"{max(ms):8.1f} {cold:>8s} {cpu} {size:>9s}")
    print("\n(cold: the first request of its kind after every cache of the server was "
          "cleared; cpu: CPU ms of the\n bench process, server and client, per request: "
          "what the page costs whatever else runs on the machine)\n")
    goals = [("entity page (HTML)", 100, None), ("API", 100, None), ("search", 200, None)]
    goals += [(k, 100 if "contradictions" in k or "all N" in k else 300, 2 ** 20)
              for k in HUB_KINDS]
    goals += [(k, 100, 2 ** 20) for k in ORDINARY_KINDS]
    for kind, limit, size in goals:
        p95 = _pct(results[kind], 95)
        fits = p95 < limit and (size is None or SIZES[kind] < size)
        print(f"{kind:32s} p95 {p95:7.1f} ms (< {limit}), cold {COLD[kind]:7.1f} ms, "
              f"{SIZES[kind] / 1024:5.0f} KB{' (< 1 MB)' if size else ''}  "
              f"{'ok' if fits else 'SLOW'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--groups", type=int, default=250)
    ap.add_argument("--requests", type=int, default=300, help="per kind")
    ap.add_argument("--no-hubs", action="store_true",
                    help="rename the countries per group too (no entity is a hub)")
    ap.add_argument("--keep", metavar="FILE", help="keep the generated database in FILE")
    ap.add_argument("--db", metavar="FILE|URL", help="measure this database (one kept with "
                    "--keep earlier, or a URL) instead of generating one")
    ap.add_argument("--into", metavar="URL", help="generate into this empty database (e.g. "
                    "postgresql+psycopg://...) instead of a temporary SQLite file")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="actorgraph-bench-"))
    try:
        if args.db:   # migrated if need be
            store = Store(args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}")
        else:
            t0 = time.perf_counter()
            template = template_store(tmp)
            t1 = time.perf_counter()
            store = Store(args.into or f"sqlite:///{tmp / 'bench.db'}")
            sizes = generate(template, store, args.docs, args.groups, hubs=not args.no_hubs)
            t2 = time.perf_counter()
            size = ("" if args.into else
                    f" ({(tmp / 'bench.db').stat().st_size / 2**20:.0f} MiB)")
            print(f"template: examples/corpus ingested in {t1 - t0:.1f} s; generated store "
                  f"in {t2 - t1:.1f} s{size} on {store.engine.dialect.name}")
            print("store:    " + ", ".join(f"{v:,} {k}" for k, v in sizes.items()))
            if args.keep and not args.into:
                store.engine.dispose()
                shutil.copy(tmp / "bench.db", args.keep)
        report(measure(store, args.requests))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
