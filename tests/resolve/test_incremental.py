"""An incremental re-resolution after a judgement equals a full one.

The example corpus is ingested once; then seeded random sequences of judgements (merge,
distinguish, split, unsure, rename, undo) are applied one by one with the incremental
path (`workflow.refresh_judged`, what the CLI and the web use), and after each a copy
of the store is re-resolved in full (`workflow.refresh`): the JSON exports must be equal
byte for byte, and so must the review pairs, the entities' merge reasons and the
stored facts and contradictions.
"""
from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from actorgraph.export import json_export
from actorgraph.store import judgements as log
from actorgraph.store import schema as t
from actorgraph.store.store import Store
from actorgraph.workflow import ingest, refresh, refresh_judged

from ..conftest import EXAMPLES
from ..dbs import copy_db, new_db_url


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("incremental")
    store = Store(new_db_url(folder, "corpus.db"))
    report = ingest([str(EXAMPLES)], store)
    assert report.ok, report.failed
    return store, folder


def _state(store: Store) -> tuple:
    """Everything a resolution writes, in a comparable form."""
    with store.engine.connect() as conn:
        tables = tuple(sorted(tuple(r) for r in conn.execute(select(table)))
                       for table in (t.entities, t.entity_names, t.review, t.facts,
                                     t.fact_claims, t.fact_entities, t.contradictions,
                                     t.entity_facts, t.fact_dates, t.contradiction_entities,
                                     t.contradiction_facts, t.contradiction_claims))
        links = sorted(tuple(r) for r in conn.execute(select(t.mentions.c.id,
                                                             t.mentions.c.entity_id)))
    return json_export.dumps(store), tables, links


def _judge(store: Store, rng: random.Random) -> log.Recorded | None:
    """One random judgement on the store's entities (or an undo of a live one)."""
    entities = sorted(store.entities(), key=lambda e: e.id)
    live = log.judgements(store)
    action = rng.choice(["same", "same", "different", "split", "unsure", "rename", "undo",
                         "review"])
    if action == "undo" and live:
        return log.undo_change(store, rng.choice(live).id)
    if action == "review" and store.review_pairs():
        a, b, _, _ = rng.choice(store.review_pairs())
        ea, eb = store.entity_by_id(a), store.entity_by_id(b)
        assert ea is not None and eb is not None
        return log.record_change(store, rng.choice(["same", "different", "unsure"]),
                                 ea.name, eb.name)
    kind = rng.choice(sorted({e.type for e in entities}))
    same_type = [e for e in entities if e.type == kind]
    a, b = rng.sample(same_type, 2) if len(same_type) > 1 else rng.sample(entities, 2)
    if action == "split":
        many = [e for e in entities if len(e.names) > 1]
        e = rng.choice(many)
        return log.record_change(store, "split", e.name, rng.choice(e.names)[0])
    if action == "rename":
        return log.record_change(store, "rename", a.name, None, f"{a.name} (renamed)")
    return log.record_change(store, "same" if action in ("same", "undo", "review") else action,
                             a.name, b.name)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_judgements_equal_a_full_resolution(corpus_store, tmp_path, seed):
    base, folder = corpus_store
    store = Store(copy_db(base, tmp_path, f"run{seed}.db"))
    rng = random.Random(seed)
    incremental = 0
    for step in range(6):
        recorded = _judge(store, rng)
        if recorded is None:
            continue
        done = refresh_judged(store, [recorded])
        assert done.incremental or "could not be bounded" in done.why, done.why
        incremental += done.incremental
        assert not store.is_stale()
        full = Store(copy_db(store, tmp_path, f"full{seed}_{step}.db"))
        refresh(full)
        mine, theirs = _state(store), _state(full)
        assert mine[0] == theirs[0], f"export differs after step {step}"
        assert mine[1] == theirs[1], f"stored tables differ after step {step}"
        assert mine[2] == theirs[2], f"mention links differ after step {step}"
        full.engine.dispose()
    assert incremental >= 4      # the sequences mostly take the incremental path


def test_a_stale_store_is_resolved_in_full(corpus_store, tmp_path):
    base, _ = corpus_store
    store = Store(copy_db(base, tmp_path, "stale.db"))
    store.mark_stale()                       # as a killed ingest leaves it
    e = sorted(store.entities(), key=lambda e: e.id)
    done = refresh_judged(store, [log.record_change(store, "unsure", e[0].name, e[1].name)])
    assert not done.incremental and "stale" in done.why
    assert not store.is_stale()


def test_the_cli_judges_incrementally(corpus_store, tmp_path):
    from click.testing import CliRunner

    from actorgraph.cli.main import cli

    base, _ = corpus_store
    store = Store(copy_db(base, tmp_path, "cli.db"))
    a, b = sorted((e for e in store.entities() if e.type == "person"), key=lambda e: e.id)[:2]
    before = _state(store)
    run = CliRunner()
    merged = run.invoke(cli, ["merge", a.name, b.name, "--db", store.url],
                        catch_exceptions=False)
    assert merged.exit_code == 0 and "whole store" not in merged.output
    assert store.entity(a.name).id == store.entity(b.name).id
    jid = log.judgements(store)[-1].id
    undone = run.invoke(cli, ["undo", str(jid), "--db", store.url], catch_exceptions=False)
    assert undone.exit_code == 0 and "whole store" not in undone.output
    assert _state(store) == before


def test_a_judgement_that_changes_no_entity_reads_and_rewrites_no_fact(
        corpus_store, tmp_path, monkeypatch):
    """Keeping two distinct persons apart re-resolves their groups to the same entities:
    no claim is read (a hub's facts would be read whole) and no fact or contradiction is
    dropped or written again; the store still equals a full re-resolution."""
    from actorgraph.facts.incremental import plan_partial_facts
    from actorgraph.resolve.incremental import plan_partial
    from actorgraph.store import partial as p

    base, _ = corpus_store
    store = Store(copy_db(base, tmp_path, "nochange.db"))
    offered = {frozenset(pair[:2]) for pair in store.review_pairs()}
    persons = sorted((e for e in store.entities() if e.type == "person"), key=lambda e: e.id)
    a, b = next((x, y) for x in persons for y in persons
                if x.id < y.id and frozenset((x.id, y.id)) not in offered)
    recorded = log.record_change(store, "different", a.name, b.name)
    partial = plan_partial(store, log.judgements_by_id(store, [recorded.id]))
    assert partial is not None and partial.region
    claims_read: list[str] = []
    real = p.claims_where

    def counted(conn, column, values, keys):
        rows = real(conn, column, values, keys)
        claims_read.extend(c.id for c in rows)
        return rows
    monkeypatch.setattr(p, "claims_where", counted)
    built = plan_partial_facts(store, partial)
    assert built.gone == set() and built.rows == []
    assert built.cons_gone == set() and built.contradictions == []
    assert claims_read == []
    monkeypatch.undo()
    assert refresh_judged(store, [recorded]).incremental
    full = Store(copy_db(store, tmp_path, "nochange-full.db"))
    refresh(full)
    assert _state(store) == _state(full)


def test_a_renamed_entity_rewrites_its_facts_and_contradictions(corpus_store, tmp_path):
    """A rename keeps every group with its entity and the entity's id, but not its name:
    the contradictions that name it are written again (not taken for unchanged)."""
    base, _ = corpus_store
    store = Store(copy_db(base, tmp_path, "rename.db"))
    with store.engine.connect() as conn:
        named = sorted(conn.execute(select(t.contradictions.c.entity_id).where(
            t.contradictions.c.entity_id.is_not(None))).scalars())
    entity = store.entity_by_id(named[0])
    assert entity is not None
    recorded = log.record_change(store, "rename", entity.name, None, "Renamed Party")
    assert refresh_judged(store, [recorded]).incremental
    with store.engine.connect() as conn:
        summaries = conn.execute(select(t.contradictions.c.summary).where(
            t.contradictions.c.entity_id == entity.id)).scalars().all()
    assert any("Renamed Party" in s for s in summaries)
    full = Store(copy_db(store, tmp_path, "rename-full.db"))
    refresh(full)
    assert _state(store) == _state(full)


def test_contradictions_sought_in_some_documents_are_those_with_a_claim_there(corpus_store):
    """`find_contradictions(..., focus=docs)` (the incremental path's) gives exactly the
    contradictions of the whole store that rest on a claim of those documents."""
    from actorgraph.facts.build import _same_state, plan_facts
    from actorgraph.facts.contradictions import find_contradictions
    from actorgraph.store.facts import read_claims

    store, _ = corpus_store
    claims, entities, rows = read_claims(store), store.entities(), plan_facts(store).rows
    names = {e.id: e.name for e in entities}
    docs = store.documents()
    by_id = {c.id: c for c in claims}

    def found(focus=None):
        return find_contradictions(
            rows, claims, lambda eid: names.get(eid, "?"),
            {d["id"]: store.document_text(d["id"]) or "" for d in docs},
            {e.id: {n for n, _ in e.names} | {e.name} for e in entities},
            _same_state(entities), {e.id for e in entities if e.type == "person"},
            {d["id"]: d.get("language") for d in docs}, focus=focus)

    def resting_on(cons, focus):
        return [c for c in cons if any(by_id[x].doc_id in focus for x in c.claims
                                       if x in by_id)]
    everything = found()
    assert everything
    rng = random.Random(5)
    ids = sorted(d["id"] for d in docs)
    for focus in [{d} for d in ids] + [set(rng.sample(ids, len(ids) // 2)) for _ in range(3)]:
        assert resting_on(found(focus), focus) == resting_on(everything, focus), focus



def test_a_voice_named_only_by_a_claim_is_named_when_its_contradiction_is_redone(
        corpus_store, tmp_path):
    """A contradiction's summary may name an entity that is none of its facts' (the voice
    of a disputing account, of a count). A judgement on the contradiction's entity makes
    the incremental path find it again; the voice must still be named there: the entities
    of the claims of the documents it looks at are read, not only those of the facts."""
    import json

    base, _ = corpus_store
    store = Store(copy_db(base, tmp_path, "voice.db"))
    with store.engine.connect() as conn:
        of_fact: dict[str, set[str]] = {}
        for fid, eid in conn.execute(select(t.fact_entities.c.fact_id,
                                            t.fact_entities.c.entity_id)):
            of_fact.setdefault(fid, set()).add(eid)
        cons = conn.execute(select(t.contradictions)).all()
    entities = sorted(store.entities(), key=lambda e: e.id)
    voiced = [c for c in cons if c.entity_id and any(
        e.name in c.summary and e.id != c.entity_id
        and not any(e.id in of_fact.get(f, ()) for f in json.loads(c.facts)) for e in entities)]
    assert voiced
    about = store.entity_by_id(voiced[0].entity_id)
    assert about is not None
    other = next(e for e in entities if e.type == about.type and e.id != about.id)
    recorded = log.record_change(store, "same", about.name, other.name)
    assert refresh_judged(store, [recorded]).incremental
    full = Store(copy_db(store, tmp_path, "voice-full.db"))
    refresh(full)
    assert _state(store) == _state(full)


MERGED_ACCOUNTS = {
    "first.txt": "Valley Watch, 3 March 2021.\n\nThe Kestrel Brigade was founded in 2011 by "
                 "Omar Haddad, according to a report by the monitoring group.\nThe Kestrel "
                 "Brigade killed 12 people in an attack on the town of Lorin on 4 January "
                 "2020.\n",
    "second.txt": "Harbour Post, 9 May 2022.\n\nThe Kestrel Battalion was founded in 2014 by "
                  "Omar Haddad, the ministry said.\nThe Kestrel Battalion killed 30 people in "
                  "an attack on the town of Lorin on 4 January 2020.\n",
}


def test_a_merge_that_brings_accounts_together_adds_their_contradictions_and_undo_drops_them(
        tmp_path):
    """Two groups told apart, each with its own founding year and count of the dead of one
    attack: merging them makes the accounts conflict, and undoing the merge takes the
    conflicts back -- the contradictions, and the index of the claims they rest on, as a
    full re-resolution writes them."""
    for name, text in MERGED_ACCOUNTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = Store(new_db_url(tmp_path, "accounts.db"))
    assert ingest([str(tmp_path / n) for n in MERGED_ACCOUNTS], store).ok

    def contradictions() -> tuple[int, int]:
        with store.engine.connect() as conn:
            return (len(conn.execute(select(t.contradictions)).all()),
                    len(conn.execute(select(t.contradiction_claims)).all()))

    def equals_full(step: str) -> None:
        full = Store(copy_db(store, tmp_path, f"full-{step}.db"))
        refresh(full)
        assert _state(store) == _state(full), step
        full.engine.dispose()

    assert contradictions() == (0, 0)
    merged = log.record_change(store, "same", "Kestrel Brigade", "Kestrel Battalion")
    assert refresh_judged(store, [merged]).incremental
    found, resting = contradictions()
    assert found >= 2 and resting >= 2 * found       # founding years, counts of the dead
    equals_full("merged")
    undone = log.undo_change(store, merged.id)
    assert refresh_judged(store, [undone]).incremental
    assert contradictions() == (0, 0)
    equals_full("undone")


RETOLD_ACCOUNTS = {
    **MERGED_ACCOUNTS,
    "third.txt": "Lorin Courier, 2 April 2021.\n\nResidents remember the day. The Kestrel "
                 "Brigade killed 12 people in an attack on the town of Lorin on 4 January "
                 "2020.\n",
    "fourth.txt": "Coastal Review, 1 June 2022.\n\nA year of fighting. The Kestrel Battalion "
                  "killed 30 people in an attack on the town of Lorin on 4 January 2020.\n",
}


def test_a_merge_that_brings_retold_counts_together_adds_one_contradiction_per_disagreement(
        tmp_path):
    """Two groups told apart, each attack's count of the dead retold by a second report:
    merging the groups makes the two counts conflict once (the retellings state nothing
    the first tellings do not), as a full re-resolution finds; undoing takes it back."""
    for name, text in RETOLD_ACCOUNTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = Store(new_db_url(tmp_path, "retold.db"))
    assert ingest([str(tmp_path / n) for n in RETOLD_ACCOUNTS], store).ok

    def counted_differently() -> list[str]:
        with store.engine.connect() as conn:
            return [r.summary for r in conn.execute(select(t.contradictions))
                    if "counted differently" in r.summary]

    def equals_full(step: str) -> None:
        full = Store(copy_db(store, tmp_path, f"full-{step}.db"))
        refresh(full)
        assert _state(store) == _state(full), step
        full.engine.dispose()

    assert counted_differently() == []
    merged = log.record_change(store, "same", "Kestrel Brigade", "Kestrel Battalion")
    assert refresh_judged(store, [merged]).incremental
    assert counted_differently() == [
        "dead in an attack of 2020-01-04: counted differently in two accounts"]
    equals_full("merged")
    undone = log.undo_change(store, merged.id)
    assert refresh_judged(store, [undone]).incremental
    assert counted_differently() == []
    equals_full("undone")
