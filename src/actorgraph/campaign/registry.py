"""The registry of channels seen in the exports: one entry per channel read, looked up
by its id, its handle (`t.me/NAME`) or its display name folded as actor names are
(`knowledge.names.fold`: case, script, diacritics, punctuation, a leading "the"). A
forwarded-from name that matches no channel, or more than one, stays a name-only
channel (`name_only`), so the graph keeps it without guessing which channel it is."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from actorgraph.campaign.records import Channel, Post
from actorgraph.knowledge.names import fold

NAME_ONLY = "name"          # the platform-free prefix of a name-only channel's key


@dataclass(frozen=True, slots=True)
class Entry:
    """A channel of the registry. `key` is the store's stable id of it:
    `PLATFORM:ID` for a channel read, `name:FOLDED` for a forwarded-from name only."""
    key: str
    platform: str
    native_id: str | None
    name: str
    type: str = "channel"
    handle: str | None = None
    description: str | None = None
    name_only: bool = False
    sources: tuple[str, ...] = ()


def channel_key(platform: str, native_id: str) -> str:
    return f"{platform}:{native_id}"


def name_key(name: str) -> str:
    folded = fold(name) or name.strip().lower()
    return f"{NAME_ONLY}:{folded}"


def entity_id(key: str) -> str:
    """A stable id for a channel in exports (the store's ids are short hashes)."""
    return "ch-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Registry:
    """Channels by key, with indexes by native id, handle and folded name."""
    entries: dict[str, Entry] = field(default_factory=dict)
    by_id: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_handle: dict[str, str] = field(default_factory=dict)

    def add(self, chan: Channel) -> Entry:
        key = channel_key(chan.platform, chan.id)
        entry = Entry(key=key, platform=chan.platform, native_id=chan.id, name=chan.name,
                      type=chan.type, handle=chan.handle, description=chan.description,
                      sources=tuple(chan.sources))
        self.entries[key] = entry
        self.by_id[chan.id] = key
        self.by_name[fold(chan.name)].add(key)
        if chan.handle:
            self.by_handle[chan.handle.lower().lstrip("@")] = key
        return entry

    def resolve(self, name: str) -> str | None:
        """The key of the one channel read under this display name, else None."""
        keys = self.by_name.get(fold(name), set())
        return next(iter(keys)) if len(keys) == 1 else None

    def name_only(self, name: str) -> Entry:
        """The name-only channel of a forwarded-from name no channel read carries."""
        key = name_key(name)
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = Entry(key=key, platform="", native_id=None, name=name,
                                              name_only=True)
        return entry

    def key_of(self, native_id: str) -> str | None:
        return self.by_id.get(native_id)


def build(channels: Iterable[Channel], posts: Iterable[Post] = ()) -> Registry:
    """The registry of the channels read, plus a name-only channel for every
    forwarded-from name that stays unresolved among `posts`."""
    reg = Registry()
    for chan in channels:
        reg.add(chan)
    for post in posts:
        if post.forwarded_from and not post.forwarded_from_id \
                and reg.resolve(post.forwarded_from) is None:
            reg.name_only(post.forwarded_from)
    return reg
