"""One small store for the export tests: three example reports, ingested once."""
from __future__ import annotations

import pytest

from ..conftest import EXAMPLES
from ..dbs import new_db_url

REPORTS = ("01_husseiniyyun-origins", "02_ganja-shooting-five-years-on",
           "07_baku-tehran-tensions-2023")


@pytest.fixture(scope="session")
def example_store(tmp_path_factory):
    """A store with three example reports (spaCy runs once for all export tests)."""
    from actorgraph.store.store import Store
    from actorgraph.workflow import ingest

    folder = tmp_path_factory.mktemp("export")
    store = Store(new_db_url(folder, 'examples.db'))
    report = ingest([str(EXAMPLES / f"{name}.txt") for name in REPORTS], store)
    assert report.ok and len(report.added) == len(REPORTS)
    return store


@pytest.fixture(scope="session")
def example_snapshot(example_store):
    from actorgraph.export.snapshot import load

    return load(example_store)


def empty_store(tmp_path, name="empty.db"):
    from actorgraph.store.store import Store

    return Store(new_db_url(tmp_path, name))


@pytest.fixture(scope="module")
def channel_store(tmp_path_factory):
    """A store of channels read from generated exports, two of their links judged: the one
    from "Valley Relay" to the movement rejected, "North Shore Bulletin"'s confirmed."""
    from actorgraph.campaign.channel_store import record
    from actorgraph.campaign.importers import read_exports
    from actorgraph.campaign.synthetic_export import generate
    from actorgraph.store import judgements as log
    from actorgraph.store.channels import find_channel
    from actorgraph.store.store import Store

    folder = tmp_path_factory.mktemp("channels")
    generate(folder / "gen", seed=3, posts=800)
    store = Store(new_db_url(folder, "channels.db"))
    record(store, read_exports([folder / "gen" / "exports"]))
    for name, action in (("Valley Relay", "reject"), ("North Shore Bulletin", "confirm")):
        log.record(store, action, find_channel(store, name)["id"], "Zeravan Movement",
                   value="operates_channel")
    return store
