"""The web pages of bench/scale.py: p50 / p95 / largest response per kind of page on a
large store, served by uvicorn from this process on 127.0.0.1 and requested one at a
time on one keep-alive connection (wall ms, and the CPU ms of this process -- server and
client -- per request: what a page costs whatever else runs on a shared machine), each kind after every cache of the server was
cleared (its first request is in the p95: a page seen once after each change of the
store is what an analyst waits for).

The hub is the most mentioned entity; ordinary entities are drawn at random from those
that are not among the 20 most mentioned. Goals (issue 14): p95 < 300 ms for a hub's
summaries (entity page, profile, network view), < 100 ms for ordinary pages and paged
lists, every page < 1 MB; the search page < 200 ms.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve import _pct, _sample, _serve  # noqa: E402

Row = tuple[str, float, str]
GOALS = {   # kind -> p95 goal, ms
    "entity page, ordinary": 100, "entity page, hub": 300, "profile, hub": 300,
    "contradictions, hub (paged)": 100, "'all N' events, hub (paged)": 100,
    "search page": 200, "graph page + data, ordinary": 100,
    "network view, hub (graph page + data)": 300, "timeline, all (paged)": 100,
    "timeline of the hub (paged)": 100, "timeline of an ordinary entity": 100,
}
WORDS = ["Tehran", "drone attack", "Quds Force", "shooting mayor", "volunteers Syria",
         "Hoseyniyun", "embassy", "Kataib", "Zainabiyoun"]


def plan(sample: dict, n: int, rng: random.Random) -> dict[str, list[list[str]]]:
    """Per kind, n groups of URLs (a group, e.g. a page and the data it draws, counts as
    one request)."""
    hub = sample["hubs"][0]
    ordinary = [rng.choice(sample["ordinary"]) for _ in range(n)]
    names = sample["names"]

    def graph(e: str) -> list[str]:
        return [f"/entities/{e}/graph", f"/api/entities/{e}/neighbours"]
    return {
        "entity page, ordinary": [[f"/entities/{e}"] for e in ordinary],
        "entity page, hub": [[f"/entities/{hub}"]] * n,
        "profile, hub": [[f"/entities/{hub}/profile"]] * n,
        "contradictions, hub (paged)": [[f"/contradictions?about={hub}"]] * n,
        "'all N' events, hub (paged)": [[f"/entities/{hub}/facts?kind=event&offset="
                                         f"{50 * (i % 4)}"] for i in range(n)],
        "search page": [[f"/search?q={rng.choice(names) if i % 2 else rng.choice(WORDS)}"]
                        for i in range(n)],
        "graph page + data, ordinary": [graph(e) for e in ordinary],
        "network view, hub (graph page + data)": [graph(hub)] * n,
        "timeline, all (paged)": [[f"/timeline?offset={50 * (i % 4)}"] for i in range(n)],
        "timeline of the hub (paged)": [[f"/timeline?actor={hub}"]] * n,
        "timeline of an ordinary entity": [[f"/timeline?actor={e}"] for e in ordinary],
    }


def measure(url: str, n: int, seed: int = 7) -> list[Row]:
    import httpx

    from actorgraph.store.store import Store

    store = Store(url, create=False)
    t0 = time.perf_counter()
    sample = _sample(store)
    print(f"  (hub {sample['hubs'][0]}: {sample['counts'][sample['hubs'][0]]:,} mentions; "
          f"chosen in {time.perf_counter() - t0:.1f} s)", flush=True)
    app, server, thread, base = _serve(store)
    rows: list[Row] = []
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            for kind, groups in plan(sample, n, random.Random(seed)).items():
                app.state.reader.invalidate()
                ms, cpu, largest = [], [], 0
                for group in groups:
                    t0, c0 = time.perf_counter(), time.process_time()
                    for path in group:
                        r = client.get(path)
                        r.raise_for_status()
                        largest = max(largest, len(r.content))
                    ms.append((time.perf_counter() - t0) * 1000)
                    cpu.append((time.process_time() - c0) * 1000)
                p95 = _pct(ms, 95)
                ok = p95 < GOALS[kind] and largest < 2**20
                found = [(f"web {kind}: p50 ms", statistics.median(ms), "ms"),
                         (f"web {kind}: p95 ms (goal < {GOALS[kind]}, < 1 MB)"
                          + ("" if ok else "  MISSED"), p95, "ms"),
                         (f"web {kind}: CPU ms per request, p50 / p95", statistics.median(cpu),
                          "ms"), ("", _pct(cpu, 95), "ms"),
                         (f"web {kind}: first (cold) ms", ms[0], "ms"),
                         (f"web {kind}: largest response KB", largest / 1024, "KB")]
                found[3] = (f"  (p95 of that CPU ms; load {os.getloadavg()[0]:.1f})",
                            found[3][1], "ms")
                for label, value, _ in found:
                    print(f"  {label:72s} {value:12,.1f}", flush=True)
                rows += found
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.engine.dispose()
    return rows
