"""The pages' index (store/summaries.py) says what the facts and contradictions say: each
entity's facts per section with their corroboration, each contradiction's entities and
facts; a refresh of some facts gives what a whole refresh does; the Reader's counted and
LIMITed reads over it agree with the same reads done in Python over every fact."""
from __future__ import annotations

from collections import Counter

from sqlalchemy import delete, select, text

from actorgraph.store import schema as t
from actorgraph.store.db import write_transaction
from actorgraph.store.facts import FactRow, read_claims, read_facts, replace_facts
from actorgraph.store.partial import contradictions_resting_on
from actorgraph.store.reader import Reader, count_sections, page_of_section, top_of_sections
from actorgraph.store.scoped import ScopedReader
from actorgraph.store.store import Store
from actorgraph.store.summaries import refresh, refresh_fact_index
from actorgraph.store.tlp import Scope
from tests.store.conftest import BAKU, BEGLI, HUS, IRAN


def _index(store) -> set[tuple]:
    with store.engine.connect() as conn:
        return {tuple(r) for r in conn.execute(select(t.entity_facts))} | {
            ("c", *r) for r in conn.execute(select(t.contradiction_entities))} | {
            ("f", *r) for r in conn.execute(select(t.contradiction_facts))} | {
            ("k", *r) for r in conn.execute(select(t.contradiction_claims))}


def _many(store) -> list[FactRow]:
    """The hand-made facts and 30 more: relations of numbered groups to Iran (each backed
    by some of the stored claims, so they rank apart), every one written by replace_facts."""
    claims = sorted(c.id for c in read_claims(store))
    rows = read_facts(store)
    for i in range(30):
        pred = ("sponsored_by", "allied_with", "based_in")[i % 3]
        rows.append(FactRow(f"fct-g{i:02d}", "relation",
                            {"subject": f"ent-g{i:02d}", "predicate": pred, "object": IRAN},
                            claims[:1 + i % len(claims)], "2024-01-03",
                            [(f"ent-g{i:02d}", "subject"), (IRAN, "object")]))
    replace_facts(store, rows)
    return rows


def test_the_index_holds_each_entity_s_facts_with_their_section_and_support(filled):
    briefs = {b.id: b for b in Reader(filled).fact_briefs(HUS)}
    assert set(briefs) == {"fct-lead", "fct-member", "fct-arrest", "fct-found", "fct-qty"}
    assert briefs["fct-lead"].section == ("relation", "leader_of", "in")
    assert briefs["fct-found"].section == ("founding", "", "")
    assert Reader(filled).fact_briefs(BEGLI)[0].direction == "out"
    claims = {c.id: c.doc_id for c in read_claims(filled)}
    for f in read_facts(filled):
        for eid, _ in f.entities:
            b = next(b for b in Reader(filled).fact_briefs(eid) if b.id == f.id)
            assert (b.documents, b.claims) == (len({claims[c] for c in f.claims}), len(f.claims))


def test_a_partial_refresh_gives_what_a_whole_one_does(filled):
    rows = _many(filled)
    whole = _index(filled)
    assert len(whole) > 40
    changed = [r.id for r in rows[::4]] + ["fct-gone"]
    with write_transaction(filled.engine) as conn:   # the index of some facts lost...
        conn.execute(delete(t.entity_facts).where(t.entity_facts.c.fact_id.in_(changed[:3])))
        conn.execute(delete(t.contradiction_entities))
        conn.execute(delete(t.contradiction_facts))
        conn.execute(delete(t.contradiction_claims))
    assert _index(filled) != whole
    with write_transaction(filled.engine) as conn:   # ... and refreshed for those alone
        refresh(conn, changed, ["ctr-1"])
    assert _index(filled) == whole
    assert "fct-g05" in {b.id for b in Reader(filled).fact_briefs(IRAN)}
    with write_transaction(filled.engine) as conn:   # a fact deleted loses its rows
        for table in (t.fact_entities, t.fact_claims):
            conn.execute(delete(table).where(table.c.fact_id == "fct-g05"))
        conn.execute(delete(t.facts).where(t.facts.c.id == "fct-g05"))
        refresh_fact_index(conn, ["fct-g05"])
    assert "fct-g05" not in {b.id for b in Reader(filled).fact_briefs(IRAN)}
    assert len(_index(filled)) == len(whole) - 2


def test_counts_and_ranks_by_index_equal_the_same_in_python(filled):
    _many(filled)
    reader = Reader(filled)
    for eid in (HUS, BEGLI, BAKU, IRAN):
        every = reader.fact_briefs(eid)
        assert reader.fact_counts(eid) == count_sections(every)
        for n in (1, 2, 5):
            assert reader.top_facts(eid, n) == top_of_sections(every, n)
        for section in [*count_sections(every), ("relation", None, None), ("event", None, None)]:
            for limit, offset in ((1, 0), (3, 1), (50, 0)):
                assert reader.fact_page(eid, section, limit, offset) == page_of_section(
                    every, section, limit, offset), (eid, section)
    counts = reader.fact_counts(IRAN)
    assert counts[("relation", "allied_with", "out")] == 10     # symmetric: either end is "out"
    assert counts[("relation", "sponsored_by", "in")] == 10
    best = reader.top_facts(IRAN, 2)
    assert Counter(b.section for b in best) == {s: 2 for s in counts}
    assert all(a.rank() <= b.rank() for a, b in zip(best, best[1:]))


def test_contradictions_by_index_equal_those_read_from_every_row(filled):
    reader = Reader(filled)
    for eid in (HUS, BEGLI, BAKU, IRAN):
        every = reader.contradictions_of(eid, reader.fact_ids_of(eid))
        assert reader.contradictions_about(eid) == (len(every), every)
        assert reader.contradictions_about(eid, 1, 1) == (len(every), every[1:2])
    assert reader.contradictions_about(None) == (1, reader.contradiction_rows())
    assert reader.contradicted_among(["fct-lead", "fct-qty"]) == {"fct-lead"}
    assert reader.mentions_of(HUS) == 5 and reader.mentions_of("ent-nosuch") == 0


def test_a_scoped_reader_of_everything_reads_the_same(filled):
    """The scoped reads (counted from the visible claims, in Python) agree with the index
    when nothing is hidden."""
    _many(filled)
    reader = Reader(filled)
    scoped = ScopedReader(reader, Scope.of({}, "CLEAR"))
    for eid in (HUS, BEGLI, IRAN):
        assert scoped.fact_counts(eid) == reader.fact_counts(eid)
        assert scoped.top_facts(eid, 2) == reader.top_facts(eid, 2)
        assert scoped.contradictions_about(eid) == reader.contradictions_about(eid)
        assert scoped.mentions_of(eid) == reader.mentions_of(eid)


def test_insider_relations_of_some_speakers_only(filled):
    reader = Reader(filled)
    both = ["fct-lead", "fct-member"]
    insider = {"member_of", "leader_of"}
    assert [f.id for f in reader.relations_to([HUS], insider)] == both
    assert [f.id for f in reader.relations_to([HUS], insider, [BEGLI, BAKU])] == both
    assert reader.relations_to([HUS], insider, [HUS, IRAN]) == []
    assert reader.relations_to([HUS], insider, []) == []
    assert [f.id for f in reader.relations_to([HUS], {"leader_of"}, [BEGLI])] == ["fct-lead"]


def _claims_index(store) -> set[tuple[str, str]]:
    with store.engine.connect() as conn:
        return {tuple(r) for r in conn.execute(select(t.contradiction_claims.c.claim_id,
                                                      t.contradiction_claims.c.contradiction_id))}


def test_the_index_holds_the_claims_each_contradiction_rests_on(filled):
    rows = Reader(filled).contradiction_rows()
    held = {(x, c["id"]) for c in rows for x in c["claims"]}
    assert held and _claims_index(filled) == held
    with filled.engine.connect() as conn:
        for claim, cid in held:
            assert contradictions_resting_on(conn, {claim}, set()) == {cid}
        assert contradictions_resting_on(conn, {"clm-nosuch"}, set()) == set()


def test_a_contradiction_deleted_loses_its_claims_rows(filled):
    held = _claims_index(filled)
    gone = sorted({cid for _, cid in held})[0]
    with write_transaction(filled.engine) as conn:
        conn.execute(delete(t.contradictions).where(t.contradictions.c.id == gone))
        refresh(conn, [], [gone])
    assert _claims_index(filled) == {(x, cid) for x, cid in held if cid != gone}


def test_an_older_store_upgraded_gets_its_contradictions_claims_indexed(filled):
    held = _claims_index(filled)
    assert held
    with write_transaction(filled.engine) as conn:    # the store as revision 0016 left it
        conn.execute(text("DROP TABLE contradiction_claims"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0016_fact_dates'"))
    filled.engine.dispose()
    upgraded = Store(filled.url)                      # a command that writes upgrades it
    assert _claims_index(upgraded) == held
    upgraded.engine.dispose()
