"""TLP markings and the one rule of who may see what.

A document carries a TLP marking (CLEAR, GREEN, AMBER, RED) of its own (`ingest --tlp`,
a sidecar's "tlp"), its publisher may carry one too (`actorgraph source tlp`); a
document is visible to a clearance that covers both (an unmarked document and an
unmarked publisher are CLEAR). Everything else follows from the visible documents:

- a claim is visible when its document is;
- a fact is visible when at least one of its claims is; it shows only those claims,
  and only what they say (`trim_fact`: an actor, target, place or date that only a
  hidden claim gives is left out);
- an entity is visible when a visible document names it; it is shown with the names
  visible documents write (`visible_names`);
- a contradiction is visible when all its claims are.

`Scope` is that rule for one clearance. The store's readers take a Scope
(`scoped.ScopedReader`, and the export reads of `store.facts`), so pages, API,
graph, timeline, search, counts and exports all apply it the same way.
"""
from __future__ import annotations

import getpass
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, insert, or_, select
from sqlalchemy.sql.elements import ColumnElement

from actorgraph.model import TLP_LEVELS, tlp_level
from actorgraph.store import revision
from actorgraph.store import schema as t

RANK = {level: i for i, level in enumerate(TLP_LEVELS)}
TOP = TLP_LEVELS[-1]


def set_source_tlp(engine: Engine, source: str, tlp: str, author: str | None = None) -> str:
    """Mark a publisher's documents (newest marking wins); returns the marking stored."""
    level = tlp_level(tlp)
    if author is None:
        try:
            author = getpass.getuser()
        except (KeyError, OSError):   # no user name in a container
            author = "analyst"
    with engine.begin() as conn:
        conn.execute(insert(t.source_tlp).values(  # (db.now; db's search imports this module)
            source=source, tlp=level, author=author,
            created_at=datetime.now(UTC).isoformat(timespec="seconds")))
        revision.bump(conn)
    return level


def source_markings(conn: Connection) -> dict[str, str]:
    """publisher -> its current TLP marking."""
    rows = conn.execute(select(t.source_tlp.c.source, t.source_tlp.c.tlp)
                        .order_by(t.source_tlp.c.id)).all()
    return {source: level for source, level in rows}


@dataclass(frozen=True)
class Scope:
    """What a user cleared for `clearance` may see (None: everything, as RED)."""

    clearance: str | None = None
    blocked: tuple[str, ...] = ()   # publishers marked above the clearance
    # the visible documents' ids, when read once (`with_documents`): single rows are then
    # checked against this set instead of the condition
    docs: frozenset[str] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, markings: dict[str, str], clearance: str | None) -> Scope:
        """The scope of `clearance` given the publishers' markings (`source_markings`)."""
        if clearance is None or tlp_level(clearance) == TOP:
            return cls(None)
        level = tlp_level(clearance)
        # a marking this version does not know (a hand-edited store) counts as the highest
        blocked = sorted(s for s, mark in markings.items()
                         if RANK.get(mark, RANK[TOP]) > RANK[level])
        return cls(level, tuple(blocked))

    @property
    def everything(self) -> bool:
        return self.clearance is None

    @property
    def key(self) -> str:
        """A prefix for cached values built under this scope."""
        return "" if self.everything else f"tlp:{self.clearance}:{'|'.join(self.blocked)}:"

    @property
    def levels(self) -> tuple[str, ...]:
        top = RANK[self.clearance] if self.clearance else RANK[TOP]
        return TLP_LEVELS[:top + 1]

    def documents(self, docs: Any = t.documents) -> ColumnElement[bool]:
        """The SQL condition on a documents table (or alias) for the visible rows."""
        cond: ColumnElement[bool] = func.coalesce(docs.c.tlp, TLP_LEVELS[0]).in_(self.levels)
        if self.blocked:
            cond = and_(cond, or_(docs.c.publisher.is_(None),
                                  docs.c.publisher.not_in(self.blocked)))
        return cond

    def with_documents(self, conn: Connection) -> Scope:
        """This scope holding the set of its visible documents' ids."""
        return self if self.everything else replace(self, docs=frozenset(
            conn.execute(self.doc_ids()).scalars()))

    def doc_ids(self) -> Any:
        """A subquery of the visible documents' ids."""
        return select(t.documents.c.id).where(self.documents())

    def sql(self, alias: str) -> tuple[str, dict[str, str]]:
        """The same condition as SQL text on `alias` of documents, with its parameters
        (for the full-text search, which is written in SQL)."""
        params = {f"tlp{i}": level for i, level in enumerate(self.levels)}
        text = (f"coalesce({alias}.tlp, 'CLEAR') IN ("
                + ", ".join(f":{k}" for k in params) + ")")
        if self.blocked:
            pubs = {f"pub{i}": p for i, p in enumerate(self.blocked)}
            text += (f" AND ({alias}.publisher IS NULL OR {alias}.publisher NOT IN ("
                     + ", ".join(f":{k}" for k in pubs) + "))")
            params.update(pubs)
        return text, params


def visible_names(conn: Connection, scope: Scope, ids: Iterable[str] | None
                  ) -> dict[str, Counter[str]]:
    """entity id -> the names visible documents write for it, with their counts (of the
    entities `ids`; None: of every entity, in one pass)."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    m = t.mentions
    base = (select(m.c.entity_id, m.c.text, func.count()).where(
        m.c.role == "name", m.c.entity_id.is_not(None), m.c.doc_id.in_(scope.doc_ids()))
        .group_by(m.c.entity_id, m.c.text))
    if ids is None:
        queries = [base]
    else:
        ids = sorted(set(ids))
        queries = [base.where(m.c.entity_id.in_(ids[i:i + 500]))
                   for i in range(0, len(ids), 500)]
    for q in queries:
        for eid, text, n in conn.execute(q):
            out[eid][text] += n
    return out


def visible_entities(conn: Connection, scope: Scope) -> set[str]:
    """The entities some visible document names."""
    return set(conn.execute(select(t.mentions.c.entity_id).where(
        t.mentions.c.entity_id.is_not(None), t.mentions.c.doc_id.in_(scope.doc_ids()))
        .distinct()).scalars())


def shown_name(name: str, all_names: dict[str, int], visible: Counter[str]) -> str:
    """The name to show for an entity: its own, unless only hidden documents write it
    (then the most written visible name). A name no document writes (the gazetteer's,
    the analyst's) is always shown."""
    if name in visible or not all_names.get(name):
        return name
    return max(sorted(visible), key=lambda n: (visible[n], len(n))) if visible else name


def shown_reasons(reasons: Iterable[str], hidden_names: Iterable[str]) -> list[str]:
    """The merge reasons that quote none of the names only hidden documents write."""
    hidden = [n for n in hidden_names if n]
    return [r for r in reasons if not any(n in r for n in hidden)]


def scoped_entity(e: Any, names: Counter[str]) -> Any:
    """An entity record (`store.EntityRecord`) with only its visible names: the name
    shown, the names listed, the merge reasons that quote no hidden name."""
    every = dict(e.names)
    shown = shown_name(e.name, every, names)
    listed = dict(names)
    listed.setdefault(shown, 0)
    hidden = [n for n, c in every.items() if c and n not in names]
    return replace(e, name=shown, names=tuple(sorted(listed.items())),
                   reasons=tuple(shown_reasons(e.reasons, hidden)))


def scoped_entities(conn: Connection, scope: Scope, records: list[Any],
                    visible: set[str] | None = None) -> list[Any]:
    """The visible ones among entity records, each with its visible names (`visible`: the
    visible entities' ids, when read already)."""
    if scope.everything:
        return records
    if visible is None:
        visible = visible_entities(conn, scope)
    records = [e for e in records if e.id in visible]
    names = visible_names(conn, scope, (e.id for e in records))
    return [scoped_entity(e, names.get(e.id, Counter())) for e in records]


def visible_doc_ids(conn: Connection, scope: Scope) -> set[str]:
    return set(conn.execute(scope.doc_ids()).scalars())


# -- facts ---------------------------------------------------------------------------
ENTITY_FIELDS = ("subject", "object", "location")
LIST_FIELDS = ("actors", "targets")


def claim_entities(payload: dict, keys: dict[str, str]) -> set[str]:
    """The entities one claim names (its payload's mention keys, resolved)."""
    found = {keys.get(payload.get(f) or "") for f in ENTITY_FIELDS}
    found |= {keys.get(k) for f in LIST_FIELDS for k in payload.get(f) or ()}
    found.discard(None)
    return {e for e in found if e}


def trim_fact(fact: Any, visible: dict[str, tuple[dict, dict[str, str]]],
              seen: set[str] | None = None) -> Any | None:
    """The fact as its visible claims alone tell it, or None if none is visible.

    `visible`: claim id -> (payload, the mention key -> entity map of its document), for
    the visible claims (`seen`: their ids, when `visible` holds only those of facts with
    some claim hidden). What only hidden claims give is left out: an event's actors,
    targets, place, manner and date (then the most precise date a visible claim gives), a
    relation's kinds of support, a figure's qualifier."""
    claims = [c for c in fact.claims if c in (visible if seen is None else seen)]
    if not claims:
        return None
    if len(claims) == len(fact.claims):
        return fact
    payloads = [visible[c][0] for c in claims]
    data = dict(fact.data)
    entities = fact.entities
    if fact.kind == "event":
        named: set[str] = set()
        for cid in claims:
            named |= claim_entities(*visible[cid])
        for f in LIST_FIELDS:
            data[f] = [e for e in data.get(f) or () if e in named]
        if data.get("location") not in named:
            data["location"] = None
        modes = [p["mode"] for p in payloads if p.get("mode")]
        if data.get("mode") not in modes:
            data["mode"] = modes[0] if modes else None
        dates = sorted({v for p in payloads if (v := (p.get("date") or {}).get("value"))})
        if data.get("date") not in dates:
            best = max(dates, key=len, default=None)
            data["date"] = best
            data["precision"] = next((p["date"].get("precision") for p in payloads
                                      if best and (p.get("date") or {}).get("value") == best),
                                     None)
        entities = [(e, role) for e, role in fact.entities if e in named]
    elif fact.kind == "relation" and data.get("support"):
        data["support"] = sorted({x for p in payloads for x in p.get("support") or ()})
        if not data["support"]:
            del data["support"]
    elif fact.kind == "quantity":
        data["qualifier"] = payloads[0].get("qualifier")
    return replace(fact, data=data, claims=claims, entities=entities)


def visible_claims(conn: Connection, scope: Scope, claim_ids: Iterable[str]
                   ) -> dict[str, tuple[dict, dict[str, str]]]:
    """claim id -> (payload, key -> entity map of its document, for the keys the payload
    names) for the visible ones."""
    rows: list[Any] = []
    ids = sorted(set(claim_ids))
    for i in range(0, len(ids), 500):
        q = select(t.claims.c.id, t.claims.c.doc_id, t.claims.c.payload).where(
            t.claims.c.id.in_(ids[i:i + 500]))
        if scope.docs is None:
            q = q.where(t.claims.c.doc_id.in_(scope.doc_ids()))
        rows += [r for r in conn.execute(q) if scope.docs is None or r.doc_id in scope.docs]
    payloads = {r.id: json.loads(r.payload) for r in rows}
    wanted: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        p = payloads[r.id]
        wanted[r.doc_id] |= {k for f in ENTITY_FIELDS if (k := p.get(f))}
        wanted[r.doc_id] |= {k for f in LIST_FIELDS for k in p.get(f) or ()}
    keys: dict[str, dict[str, str]] = defaultdict(dict)
    m = t.mentions
    every = sorted({k for names in wanted.values() for k in names})
    docs = sorted(d for d, names in wanted.items() if names)
    for i in range(0, len(docs), 200):
        for j in range(0, len(every), 300):
            for doc_id, key, eid in conn.execute(select(m.c.doc_id, m.c.key, m.c.entity_id)
                                                 .where(m.c.doc_id.in_(docs[i:i + 200]),
                                                        m.c.key.in_(every[j:j + 300]),
                                                        m.c.entity_id.is_not(None)).distinct()):
                if key in wanted[doc_id]:
                    keys[doc_id][key] = eid
    return {r.id: (payloads[r.id], keys[r.doc_id]) for r in rows}


def trim_facts(conn: Connection, scope: Scope, facts: list[Any]) -> list[Any]:
    """The visible facts among `facts`, each as its visible claims tell it (the claims'
    payloads are read only for the facts some of whose claims are hidden)."""
    if scope.everything:
        return facts
    seen = visible_claim_ids(conn, scope, (c for f in facts for c in f.claims))
    partial = [f for f in facts if 0 < sum(c in seen for c in f.claims) < len(f.claims)]
    visible = visible_claims(conn, scope, (c for f in partial for c in f.claims if c in seen))
    return [x for f in facts if (x := trim_fact(f, visible, seen)) is not None]


def visible_contradictions(rows: list[dict], visible_claim_ids: set[str],
                           entities: set[str]) -> list[dict]:
    """The contradictions whose claims are all visible, about a visible entity."""
    return [c for c in rows if set(c["claims"]) <= visible_claim_ids
            and (not c.get("entity_id") or c["entity_id"] in entities)]


MANY = 20_000   # ids past which one pass over the claims beats lists of them


def visible_claim_ids(conn: Connection, scope: Scope, claim_ids: Iterable[str]) -> set[str]:
    ids = sorted(set(claim_ids))
    out: set[str] = set()
    if len(ids) > MANY and scope.docs is not None:
        wanted = set(ids)
        return {cid for cid, doc in conn.execute(select(t.claims.c.id, t.claims.c.doc_id))
                if doc in scope.docs and cid in wanted}
    for i in range(0, len(ids), 500):
        if scope.docs is not None:
            out |= {cid for cid, doc in conn.execute(select(t.claims.c.id, t.claims.c.doc_id)
                                                     .where(t.claims.c.id.in_(ids[i:i + 500])))
                    if doc in scope.docs}
            continue
        out |= set(conn.execute(select(t.claims.c.id).where(
            t.claims.c.id.in_(ids[i:i + 500]), t.claims.c.doc_id.in_(scope.doc_ids())))
            .scalars())
    return out
