"""Fixtures for the web tests: one store made by ingesting a few example reports and a
hostile one (shared, read-only), a fresh copy for tests that write, and test clients."""
from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest

from ..conftest import EXAMPLES
from ..dbs import copy_db, new_db_url

with warnings.catch_warnings():
    # starlette now prefers the httpx2 package for its test client; httpx still works
    warnings.simplefilter("ignore", UserWarning)
    from fastapi.testclient import TestClient

REPORTS = ("01_husseiniyyun-origins", "02_ganja-shooting-five-years-on",
           "07_baku-tehran-tensions-2023")
HOSTILE_TEXT = """Husseiniyyun and the hostile page test

The Husseiniyyun <script>window.__pwned=1</script> are said to meet in Baku.
<img src="x" onerror="window.__pwned=2"> Analysts in Ganja disagree.
"><svg onload="window.__pwned=3"> Azerbaijan arrested two members in 2023.
"""
HOSTILE_META = {"title": "Hostile <script>window.__pwned=4</script> report",
                "publisher": "<img src=x onerror=\"window.__pwned=5\">Evil Press",
                "published": "2024-03-01"}

# A short report in Arabic (written for this test): laid out right to left.
ARABIC_TEXT = """أعلنت وزارة الداخلية في بغداد اعتقال ثلاثة أشخاص يوم الأحد.

وقال متحدث باسم الوزارة إن التحقيق ما زال مستمرا.
"""
ARABIC_META = {"title": "اعتقال ثلاثة أشخاص في بغداد", "publisher": "Test Desk",
               "published": "2020-01-15", "language": "ar"}


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for name in REPORTS:
        for suffix in (".txt", ".meta.json"):
            src = EXAMPLES / f"{name}{suffix}"
            if src.exists():
                shutil.copy(src, folder / src.name)
    (folder / "99_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "99_hostile.meta.json").write_text(json.dumps(HOSTILE_META), encoding="utf-8")
    (folder / "98_arabic.txt").write_text(ARABIC_TEXT, encoding="utf-8")
    (folder / "98_arabic.meta.json").write_text(json.dumps(ARABIC_META, ensure_ascii=False),
                                                encoding="utf-8")
    return folder


def add_events(store) -> None:
    """Event claims the tests can rely on whatever the event extractor finds today: an
    attack dated differently by two sources (a contradiction) and an arrest."""
    from sqlalchemy import insert, select

    from actorgraph.facts.build import build_facts
    from actorgraph.store import schema as t
    from actorgraph.store.db import now

    def sentence_of(source_part: str, key: str):
        with store.engine.connect() as conn:
            return conn.execute(
                select(t.mentions.c.doc_id, t.sentences.c.idx, t.sentences.c.start,
                       t.sentences.c.end)
                .join(t.documents, t.documents.c.id == t.mentions.c.doc_id)
                .join(t.sentences, (t.sentences.c.doc_id == t.mentions.c.doc_id)
                      & (t.sentences.c.idx == t.mentions.c.sentence))
                .where(t.documents.c.source.contains(source_part), t.mentions.c.key == key)
                .order_by(t.mentions.c.start)).first()

    def claim(n: int, source_part: str, key: str, payload: dict) -> dict:
        s = sentence_of(source_part, key)
        assert s is not None, (source_part, key)
        base = {"mode": None, "trigger": "x", "trigger_start": s.start,
                "trigger_end": s.start + 1, "targets": [], "location": None, "rule": "test"}
        return {"id": f"clm-test{n:012d}", "doc_id": s.doc_id, "sentence": s.idx,
                "start": s.start, "end": s.end, "kind": "event",
                "payload": json.dumps({**base, **payload}, sort_keys=True),
                "speaker_key": None, "modality": "asserted", "cue": None, "section": "body",
                "ingested_at": now()}

    attack = {"type": "ASSAULT", "mode": "firearms", "actors": ["organization:husseiniyyun"],
              "location": "place:ganja"}
    rows = [
        claim(1, "01_husseiniyyun", "organization:husseiniyyun",
              {**attack, "date": {"value": "2018-07-03", "precision": "day", "text": "x"}}),
        claim(2, "07_baku", "organization:husseiniyyun",
              {**attack, "date": {"value": "2018-07-10", "precision": "day", "text": "x"}}),
        claim(3, "07_baku", "country:azerbaijan",
              {"type": "COERCE", "mode": "arrest", "actors": ["country:azerbaijan"],
               "targets": ["organization:husseiniyyun"],
               "date": {"value": "2023-05", "precision": "month", "text": "x"}}),
    ]
    with store.engine.begin() as conn:
        conn.execute(insert(t.claims), rows)
    build_facts(store)


def make_store(folder: Path):
    from actorgraph.store.store import Store
    from actorgraph.workflow import ingest

    store = Store(new_db_url(folder, 'web.db'))
    report = ingest([str(_corpus(folder / "corpus"))], store)
    assert report.ok, report.failed
    add_events(store)
    return store


@pytest.fixture(scope="session")
def web_store(tmp_path_factory):
    """The shared store; tests must not write to it."""
    return make_store(tmp_path_factory.mktemp("web"))


@pytest.fixture()
def writable_store(web_store, tmp_path):
    """A private copy of the shared store, for tests that write."""
    from actorgraph.store.store import Store

    return Store(copy_db(web_store, tmp_path))


def client_for(store, **settings) -> TestClient:
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    app = create_app(WebSettings(extra_hosts=("testserver",), **settings), store=store)
    return TestClient(app)


@pytest.fixture(scope="session")
def client(web_store) -> TestClient:
    return client_for(web_store)


@pytest.fixture(scope="session")
def husseiniyyun(client) -> dict:
    r = client.get("/api/entities/by-name/Hoseyniyun")
    assert r.status_code == 200, r.text
    return r.json()
