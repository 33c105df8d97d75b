"""Blocking keys for merging the tellings of one event (`facts/build.py` `_merge_events`).

Two tellings can only be one event (`build._same_event`) when they are of one type, their
dates agree (one a prefix of the other, or one unknown) and they share an actor, a
specific target (not a country) or a place. So each event made so far is filed under
(type, role, entity, date key) for each of its actors, specific targets and places, and a
new telling is compared only with the events filed under its own entities and the date
keys that agree with its date, in the order the events were made: the first that matches
is the one the all-pairs comparison would have found, at a cost that grows with the size
of those buckets instead of the number of events. A telling with targets that shares an
actor with an event is the same only when the event has no targets or shares one, so it
looks up its actors paired with each of its targets and with none (a hub actor's events
against other targets are not compared); an event is filed under those pairs too, and
under (actor, none) while it has no targets.

Date keys: an event dated D is filed under ("=", D) and under ("^", p) for every proper
prefix p of D (the empty one included); a telling dated d looks up ("=", q) for every
prefix q of d (the empty one and d itself included) and ("^", d). Dates agree exactly
when one of those keys is shared.

A thin telling (neither targets nor a place) that is not dated to a day merges only with
an event told in one of its documents; it is compared with the events of its documents.
"""
from __future__ import annotations

import heapq
from bisect import insort
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Protocol


class Told(Protocol):
    type: str
    date: str | None
    actors: set[str]
    targets: set[str]
    specific: set[str]
    location: str | None
    sites: set[str]
    docs: set[str]


def _thin(ev: Told) -> bool:
    return not ev.targets and not ev.location


def _filed(ev: Told, docs: Iterable[str]) -> set[tuple]:
    """Every key an event is filed under, of its documents' keys those of `docs`."""
    date = ev.date or ""
    dates: list[tuple[str, str]] = [("=", date)] + [("^", date[:i]) for i in range(len(date))]
    roles: list[tuple[str, ...]] = [("actor", x) for x in ev.actors]
    roles += [("specific", x) for x in ev.specific] + [("site", x) for x in ev.sites]
    roles += [("actor+target", a, x) for a in ev.actors for x in ev.targets] + \
        ([("actor+none", a) for a in ev.actors] if not ev.targets else [])
    keys = {(ev.type, *role, *d) for role in roles for d in dates}
    keys |= {(ev.type, "doc", doc) for doc in docs}
    return keys


def _sought(ev: Told) -> list[tuple]:
    """The keys under which every event that could be the same as `ev` is filed."""
    date = ev.date or ""
    if _thin(ev) and len(date) != 10:
        return [(ev.type, "doc", doc) for doc in sorted(ev.docs)]
    dates = [("=", date[:i]) for i in range(len(date) + 1)] + [("^", date)]
    roles: list[tuple[str, ...]]
    if ev.targets:
        roles = [("actor+target", a, x) for a in sorted(ev.actors) for x in sorted(ev.targets)]
        roles += [("actor+none", a) for a in sorted(ev.actors)]
    else:
        roles = [("actor", a) for a in sorted(ev.actors)]
    roles += [("specific", x) for x in sorted(ev.specific)] + \
        [("site", x) for x in sorted(ev.sites)]
    return [(ev.type, *role, *d) for role in roles for d in dates]


class EventIndex:
    """The events made so far (numbered in the order they were made), filed by key."""

    def __init__(self) -> None:
        self._buckets: dict[tuple, list[int]] = defaultdict(list)
        self._keys: list[set[tuple]] = []

    def file(self, k: int, ev: Told, grown_by: Told | None = None) -> None:
        """File event `k` under every key it now has: a new one, or one grown by the
        telling `grown_by` (whose documents are then the only ones it may not be filed
        under yet: an event told in thousands of documents is not filed under each of
        them again at each telling)."""
        if k == len(self._keys):
            self._keys.append(set())
        known = self._keys[k]
        for key in _filed(ev, ev.docs if grown_by is None else grown_by.docs) - known:
            bucket = self._buckets[key]
            if bucket and bucket[-1] > k:
                insort(bucket, k)
            else:
                bucket.append(k)
            known.add(key)

    def candidates(self, ev: Told) -> Iterator[int]:
        """The events that could be the same as `ev`, each once, in the order made."""
        lists = [b for key in _sought(ev) if (b := self._buckets.get(key))]
        last = -1
        for k in heapq.merge(*lists):
            if k != last:
                yield k
                last = k
