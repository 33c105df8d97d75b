"""The blocked merge of event tellings (`facts/event_blocks.py`) gives exactly the events
of comparing every telling with every event made before it."""
from __future__ import annotations

import copy
import random

from actorgraph.facts import build
from actorgraph.facts.build import _absorb, _Event, _merge_events, _same_event, _telling_order

DATES = [None, "2020", "2020-03", "2020-03-04", "2020-03-05", "2020-04", "2021", "2021-01-02"]


def _all_pairs(told: list[_Event]) -> list[_Event]:
    """The merge as it was before blocking: each telling against every event so far."""
    events: list[_Event] = []
    for ev in sorted(told, key=_telling_order):
        for other in events:
            if _same_event(other, ev):
                _absorb(other, ev)
                break
        else:
            events.append(ev)
    return events


def _telling(rng: random.Random, n: int) -> _Event:
    people = [f"ent-{c}" for c in "abcdefg"]
    countries = {"ent-x", "ent-y"}
    places = {"ent-p", "ent-q"}
    pool = people + sorted(countries) + sorted(places)
    actors = set(rng.sample(people + sorted(countries), rng.choice([0, 1, 1, 2])))
    targets = set(rng.sample(pool, rng.choice([0, 0, 1, 2])))
    location = rng.choice([None, None, "ent-p", "ent-q"])
    return _Event(rng.choice(["ASSAULT", "ASSAULT", "REJECT"]), rng.choice([None, "air"]),
                  rng.choice(DATES), None, actors, targets, targets - countries, location,
                  {x for x in {location, *targets} if x in places}, [f"clm-{n:04d}"],
                  f"2024-01-{rng.randint(1, 9):02d}", {f"doc-{rng.randint(1, 4)}"})


def _shape(events: list[_Event]) -> list[tuple]:
    return [(e.type, e.mode, e.date, sorted(e.actors), sorted(e.targets), e.location,
             sorted(e.sites), e.claims, e.first_seen, sorted(e.docs)) for e in events]


def test_blocked_merge_equals_the_all_pairs_merge_on_random_tellings():
    merged_somewhere = False
    for seed in range(300):
        rng = random.Random(seed)
        told = [_telling(rng, n) for n in range(rng.randint(1, 40))]
        expected = _all_pairs(copy.deepcopy(told))
        got = _merge_events(copy.deepcopy(told))
        assert _shape(got) == _shape(expected), seed
        merged_somewhere |= len(got) < len(told)
    assert merged_somewhere


def test_blocking_compares_a_telling_with_few_events(monkeypatch):
    """Tellings about unrelated actors are never compared: the number of comparisons
    stays near the number of tellings, not its square."""
    calls = 0
    real = build._same_event

    def counted(e, f):
        nonlocal calls
        calls += 1
        return real(e, f)
    monkeypatch.setattr(build, "_same_event", counted)
    told = [_Event("ASSAULT", None, "2020-01-01", None, {f"ent-{n}"}, {f"ent-t{n}"},
                   {f"ent-t{n}"}, None, set(), [f"clm-{n:05d}"], "2024", {f"doc-{n}"})
            for n in range(2000)]
    assert len(_merge_events(told)) == 2000
    assert calls == 0


def test_an_event_told_in_many_documents_is_filed_under_each_once(monkeypatch):
    """One act told by 2,000 reports: each telling files the event under its own
    document, not again under every document told before (the keys made grow with the
    tellings, not with their square)."""
    from actorgraph.facts import event_blocks
    made = 0
    real = event_blocks._filed

    def counted(*args):
        nonlocal made
        keys = real(*args)
        made += len(keys)
        return keys
    monkeypatch.setattr(event_blocks, "_filed", counted)
    told = [_Event("ASSAULT", None, "2020-01-01", None, {"ent-a"}, {"ent-b"}, {"ent-b"}, None,
                   set(), [f"clm-{n:05d}"], "2024", {f"doc-{n}"}) for n in range(2000)]
    events = _merge_events(told)
    assert len(events) == 1 and len(events[0].docs) == 2000
    assert made < 100 * 2000
