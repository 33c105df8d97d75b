"""What the TLP filter costs a team server: the same requests as bench/serve.py, made
by a user cleared for GREEN on a store with part of its documents marked AMBER, against
the same requests on the open loopback server (everything).

    .venv/bin/python bench/serve_tlp.py [--docs 10000] [--groups 250] [--requests 200]
                                        [--amber 0.5] [--db FILE]

Generates the store as bench/serve.py does (or measures --db, a store kept with
`bench/serve.py --keep`), marks every document whose id's last hex digit is below
--amber x 16 AMBER, adds a GREEN reader, and times --requests requests per kind for
both: entity pages, API calls (entity, neighbours, events, claims, documents,
contradictions) and search, the entities and documents drawn from what the GREEN
reader can see. Prints p50 / p95 / max per kind and user.
"""
from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import func, select, update

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from serve import _pct, generate, template_store  # noqa: E402 - after the path is set

from actorgraph.store import schema as t  # noqa: E402
from actorgraph.store.store import Store  # noqa: E402
from actorgraph.store.tlp import Scope  # noqa: E402
from actorgraph.store.users import add_user, new_token  # noqa: E402


def mark(store: Store, share: float) -> int:
    """Mark a share of the documents AMBER (by their id's last hex digit); how many."""
    digits = [f"{i:x}" for i in range(round(share * 16))]
    with store.engine.begin() as conn:
        conn.execute(update(t.documents).values(tlp="GREEN"))
        return conn.execute(update(t.documents).where(
            func.substr(t.documents.c.id, -1, 1).in_(digits)).values(tlp="AMBER")).rowcount


def plan(store: Store, n: int, seed: int = 7) -> dict[str, list[str]]:
    """The requests, on entities and documents a GREEN reader sees."""
    rng = random.Random(seed)
    visible = Scope(clearance="GREEN").doc_ids()
    with store.engine.connect() as conn:
        counts = dict(conn.execute(select(t.mentions.c.entity_id, func.count()).where(
            t.mentions.c.entity_id.is_not(None), t.mentions.c.doc_id.in_(visible))
            .group_by(t.mentions.c.entity_id)).all())
        docs = list(conn.execute(visible).scalars())
    hubs = sorted(counts, key=counts.get, reverse=True)[:20]
    ids = sorted(counts)
    ents = [rng.choice(hubs) if i % 4 == 0 else rng.choice(ids) for i in range(n)]
    api = [lambda e: f"/api/entities/{e}", lambda e: f"/api/entities/{e}/neighbours?depth=2",
           lambda e: "/api/entities?limit=50&offset=" + str(rng.randrange(0, 2000)),
           lambda e: f"/api/events?limit=50&actor={e}",
           lambda e: "/api/events?limit=50&offset=" + str(rng.randrange(0, 1000)),
           lambda e: "/api/claims?limit=50&offset=" + str(rng.randrange(0, 50000)),
           lambda e: f"/api/claims?doc={rng.choice(docs)}",
           lambda e: f"/api/documents/{rng.choice(docs)}",
           lambda e: "/api/documents?limit=50&offset=" + str(rng.randrange(0, 4000)),
           lambda e: "/api/contradictions?limit=50"]
    words = ["Ganja", "embassy Tehran", "Quds Force", "Hoseyniyun", "shooting mayor",
             "Kataib", "drone attack Jordan", "Soleimani", "Begli 17", "volunteers Syria"]
    return {"entity page (HTML)": [f"/entities/{e}" for e in ents],
            "API": [api[i % len(api)](ents[i]) for i in range(n)],
            "search": [f"/api/search?q={rng.choice(words)}" for _ in range(n)]}


def _serve(store: Store, auth: bool):
    import uvicorn

    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(WebSettings(port=port, auth=auth), store=store)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def measure(store: Store, requests: dict[str, list[str]], token: str | None
            ) -> dict[str, list[float]]:
    import httpx

    server, thread, base = _serve(store, auth=token is not None)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    out: dict[str, list[float]] = {}
    try:
        with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
            for kind, urls in requests.items():
                times = []
                for url in urls:
                    t0 = time.perf_counter()
                    r = client.get(url)
                    times.append((time.perf_counter() - t0) * 1000)
                    if r.status_code != 200:
                        raise SystemExit(f"{url}: {r.status_code} {r.text[:200]}")
                out[kind] = times
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--groups", type=int, default=250)
    ap.add_argument("--requests", type=int, default=200, help="per kind")
    ap.add_argument("--amber", type=float, default=0.5, help="share of documents AMBER")
    ap.add_argument("--db", metavar="FILE", help="a store kept with bench/serve.py --keep "
                    "(copied, not changed)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="actorgraph-bench-tlp-"))
    try:
        if args.db:
            shutil.copy(args.db, tmp / "bench.db")
            store = Store(f"sqlite:///{tmp / 'bench.db'}")
        else:
            template = template_store(tmp)
            store = Store(f"sqlite:///{tmp / 'bench.db'}")
            generate(template, store, args.docs, args.groups)
        amber = mark(store, args.amber)
        add_user(store.engine, "bench", "reader", "GREEN")
        token = new_token(store.engine, "bench")
        with store.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(t.documents)).scalar()
        print(f"store: {total:,} documents, {amber:,} of them AMBER")
        requests = plan(store, args.requests)
        rows = []
        for who, tok in (("everything (open loopback)", None), ("GREEN reader", token)):
            for kind, ms in measure(store, requests, tok).items():
                rows.append((who, kind, ms))
        print(f"\n{'user':28s} {'requests':20s} {'n':>5s} {'p50 ms':>8s} {'p95 ms':>8s} "
              f"{'max ms':>8s}")
        for who, kind, ms in rows:
            print(f"{who:28s} {kind:20s} {len(ms):5d} {statistics.median(ms):8.1f} "
                  f"{_pct(ms, 95):8.1f} {max(ms):8.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
