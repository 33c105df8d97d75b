"""The graph as FollowTheMoney entities (JSON lines), made with `followthemoney.model`.

Persons are `Person`; organisations `Organization` (government bodies
`PublicBody`, companies `Company`); a country is the state acting, a
`PublicBody` with its ISO code as `country`; places are `Address`; channels
`UserAccount`. Relations become `Membership`, `Directorship`, `Associate` or
`UnknownLink`; events `Event`; documents `Article`, linked to each entity they
name by a `Documentation`. Provenance is the FtM way: every relation and event
has `proof` (the documents' entities), `sourceUrl` and `publisher`, and its
evidence sentences as `description`. See docs/formats.md for the full mapping.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from actorgraph import ontology
from actorgraph.export import batches
from actorgraph.export.channels import OWNER_MIN, evidence_lines, unknown_actors
from actorgraph.export.channels import load as load_channels
from actorgraph.export.json_export import entity_item
from actorgraph.export.snapshot import Snapshot, fact_item
from actorgraph.knowledge.lexicon import gazetteer_notes, load_lexicon
from actorgraph.store import stream
from actorgraph.store.store import Store
from actorgraph.store.tlp import Scope

DESIGNATED = re.compile(r"\bdesignated\b[^;]*\b(FTO|SDGT|terrorist)\b", re.I)
LEGAL = {"Person", "Organization", "PublicBody", "Company"}


@lru_cache(maxsize=1)
def _designated() -> frozenset[str]:
    """Folded names of armed groups whose gazetteer note records a terrorist designation."""
    return frozenset(name for name, note in gazetteer_notes("armed_group")
                     if DESIGNATED.search(note))


def schema_of(e: dict[str, Any]) -> str:
    """The FtM schema of an entity: its kind's, else its type's (ontology.yaml)."""
    kind = ontology.kind(e["type"], e.get("kind"))
    if kind is not None and kind.ftm_schema:
        return kind.ftm_schema
    etype = ontology.entity_type(e["type"])
    return etype.ftm_schema if etype else "Organization"


def _code(e: dict[str, Any]) -> str | None:
    lex = load_lexicon()
    for name in [e["name"], *e["aliases"]]:
        entry = lex.lookup(name)
        if entry is not None and entry.country and (
                e["type"] != "country" or entry.type == "country"):
            return entry.country.lower()
    return None


def topics(e: dict[str, Any]) -> list[str]:
    """FtM topics: terrorism only for a group the gazetteer records as designated."""
    if e["type"] == "country":
        return ["gov.national"]
    kind = e.get("kind") or ""
    if kind == "armed_group":
        entry = load_lexicon().lookup(e["name"])
        return ["crime.terror"] if entry is not None and entry.name in _designated() else []
    k = ontology.kind("organization", kind)
    return list(k.ftm_topics) if k else []


def _entity(e: dict[str, Any]) -> EntityProxy:
    p = model.make_entity(schema_of(e))
    p.id = e["id"]
    p.add("name", e["name"])
    if p.schema.name == "UserAccount":
        p.add("username", e["name"])
    if p.schema.name == "Address":
        p.add("full", e["name"])
    for alias in e["aliases"]:
        p.add("alias", alias)
    code = _code(e)
    if code and e["type"] in ("country", "place"):
        p.add("country", code)
    p.add("topics", topics(e))
    if e.get("kind") and "classification" in p.schema.properties:
        p.add("classification", ontology.kind_label(e["kind"]))
    return p


def _provenance(p: EntityProxy, claims: list[str], snap_claims: dict, docs: dict) -> None:
    """proof, sourceUrl, publisher and evidence sentences from a fact's claims."""
    for cid in claims:
        c = snap_claims.get(cid)
        if c is None:
            continue
        d = docs.get(c["doc"], {})
        p.add("proof", c["doc"])
        p.add("sourceUrl", d.get("url"), quiet=True)
        p.add("publisher", d.get("publisher"))
        p.add("description", " ".join(c["text"].split()))


def _link(schema: str, fid: str, a: str, b: str, role: str | None) -> EntityProxy:
    p = model.make_entity(schema)
    p.id = fid
    ends = {"Membership": ("member", "organization"), "Directorship": ("director", "organization"),
            "Associate": ("person", "associate"), "UnknownLink": ("subject", "object"),
            "Family": ("person", "relative")}[schema]
    p.add(ends[0], a)
    p.add(ends[1], b)
    if role:
        p.add("relationship" if schema in ("Associate", "Family") else "role", role)
    return p


def _relation(r: dict[str, Any], schemata: dict[str, str]) -> EntityProxy:
    """The closest FtM link for a relation; UnknownLink (with a role) otherwise."""
    s, o, pred = r["subject"], r["object"], r["predicate"]
    p = ontology.predicate(pred)
    link = p.ftm if p else None
    if link and schemata[s] in link.subject and schemata[o] in link.object:
        return _link(link.schema, r["id"], s, o, link.role)
    return _link("UnknownLink", r["id"], s, o, ontology.label(pred))


def _event(ev: dict[str, Any], schemata: dict[str, str], ents: dict) -> EntityProxy:
    p = model.make_entity("Event")
    p.id = ev["id"]
    who = ", ".join(ents[a]["name"] for a in ev["actors"]) or "unknown actor"
    whom = ", ".join(ents[t]["name"] for t in ev["targets"])
    mode = f"/{ev['mode']}" if ev.get("mode") else ""
    p.add("name", f"{ev['type']}{mode}: {who}" + (f" against {whom}" if whom else ""))
    p.add("summary", f"{ev['type']}{mode}")
    p.add("date", ev.get("date"))
    for a in ev["actors"]:
        if schemata[a] in LEGAL:
            p.add("organizer", a)
    for x in ev["actors"] + ev["targets"]:
        if schemata[x] in LEGAL:
            p.add("involved", x)
    loc = ev.get("location")
    if loc:
        p.add("location", ents[loc]["name"])
        if schemata[loc] == "Address":
            p.add("addressEntity", loc)
        code = _code(ents[loc])
        if code:
            p.add("country", code)
    return p


def _document(d: dict[str, Any]) -> EntityProxy:
    p = model.make_entity("Article")
    p.id = d["id"]
    p.add("fileName", d["source"].rsplit("/", 1)[-1])
    p.add("title", d.get("title"))
    p.add("name", d.get("title") or d["source"].rsplit("/", 1)[-1])
    p.add("author", d.get("author"))
    p.add("publisher", d.get("publisher"))
    p.add("publishedAt", d.get("published"))
    p.add("sourceUrl", d.get("url"), quiet=True)
    p.add("mimeType", d.get("media_type"))
    p.add("language", d.get("language"), quiet=True)
    return p


def entities(snap: Snapshot) -> Iterator[EntityProxy]:
    """Every FtM entity of a snapshot, in a stable order."""
    proxies = {e["id"]: _entity(e) for e in snap.entities}
    _addresses(proxies, snap.relations, snap.entity_map())
    named_in: dict[str, set[str]] = {}
    for doc, ids in snap.named.items():
        for eid in ids:
            named_in.setdefault(eid, set()).add(doc)
    docs = snap.doc_map()
    _proof(proxies, {eid: [d for d in sorted(found) if d in docs]
                     for eid, found in named_in.items()})
    yield from (_document(d) for d in snap.documents)
    yield from (proxies[e["id"]] for e in snap.entities)
    yield from _facts(snap, {k: p.schema.name for k, p in proxies.items()})
    yield from _channels(snap, proxies)
    yield from _documentation(snap.documents, snap.named, proxies)


def _addresses(proxies: dict[str, EntityProxy], relations: list[dict[str, Any]],
               ents: dict[str, dict[str, Any]]) -> None:
    """A based_in country or place is also the subject's address; a channel's operator
    its owner (of the `proxies`, from `relations` by id, whose ends are in `ents`)."""
    schemata = {k: schema_of(e) for k, e in ents.items()}
    for r in relations:
        if r["predicate"] == "based_in" and r["subject"] in proxies \
                and schemata[r["subject"]] in LEGAL:
            obj, subj = ents[r["object"]], proxies[r["subject"]]
            code = _code(obj) if obj["type"] in ("country", "place") else None
            if code:
                subj.add("country", code)
            if obj["type"] == "place":
                subj.add("addressEntity", obj["id"])
        if r["predicate"] == "operates_channel" and r["object"] in proxies \
                and schemata[r["object"]] == "UserAccount" and schemata[r["subject"]] in LEGAL:
            proxies[r["object"]].add("owner", r["subject"])


def _proof(proxies: dict[str, EntityProxy], naming: dict[str, list[str]]) -> None:
    """Each entity's proof: the documents naming it (`naming`, by id)."""
    for eid, p in proxies.items():
        for doc in naming.get(eid, ()):
            p.add("proof", doc)


def _facts(snap: Snapshot, schemata: dict[str, str]) -> Iterator[EntityProxy]:
    """The relations and events of a snapshot, with their provenance."""
    ents, docs, claims = snap.entity_map(), snap.doc_map(), snap.claim_map()
    for r in snap.relations:
        p = _relation(r, schemata)
        g = snap.grades.get(r["id"])
        p.add("summary", f"{ents[r['subject']]['name']} {ontology.label(r['predicate'])} "
                         f"{ents[r['object']]['name']}" + (f" (grade {g.grade})" if g else ""))
        _provenance(p, r["claims"], claims, docs)
        yield p
    for ev in snap.events:
        p = _event(ev, schemata, ents)
        _provenance(p, ev["claims"], claims, docs)
        yield p


def _documentation(documents: list[dict[str, Any]], named: dict[str, set[str]],
                   proxies: dict[str, EntityProxy]) -> Iterator[EntityProxy]:
    """A `Documentation` per document and entity of `proxies` it names."""
    for d in documents:
        for eid in sorted(named.get(d["id"], ())):
            if eid in proxies:
                p = model.make_entity("Documentation")
                p.make_id(d["id"], eid)
                p.add("document", d["id"])
                p.add("entity", eid)
                p.add("role", "named in the document")
                yield p


def _channels(snap: Snapshot, proxies: dict[str, EntityProxy]) -> Iterator[EntityProxy]:
    """Channels read from exports (`UserAccount`), actors no entity stands for
    (`LegalEntity`) and one `UnknownLink` per (actor, channel) with its evidence; the
    account's `owner` when the link is confirmed or at confidence OWNER_MIN or more."""
    accounts = {}
    for c in snap.channels:
        p = model.make_entity("UserAccount")
        p.id = c["id"]
        p.add("name", c["name"])
        p.add("username", c["handle"] or c["name"])
        p.add("service", c["platform"] or None)
        p.add("description", c["description"])
        accounts[c["id"]] = p
    for aid, name in sorted(unknown_actors(snap.channel_links).items()):
        p = model.make_entity("LegalEntity")
        p.id = aid
        p.add("name", name)
        p.add("notes", "named as a channel's operator in channel exports")
        yield p
    for x in snap.channel_links:
        if x["known_actor"] and x["actor"] not in proxies:
            continue                  # an entity outside this snapshot (a neighbourhood)
        legal = x["actor"] not in proxies or proxies[x["actor"]].schema.name in LEGAL
        if legal and (x["status"] == "confirmed" or x["confidence"] >= OWNER_MIN):
            accounts[x["channel"]].add("owner", x["actor"])
        link = _link("UnknownLink", x["id"], x["actor"], x["channel"], "operates channel")
        link.add("status", x["status"])
        link.add("summary", f"{x['actor_name']} operates channel "
                            f"{accounts[x['channel']].first('name')} (confidence "
                            f"{x['confidence']:.2f}; rules: "
                            f"{', '.join(r['rule'] for r in x['rules'])})")
        for line in evidence_lines(x):
            link.add("description", line)
        yield link
    yield from accounts.values()


def _line(p: EntityProxy) -> str:
    return json.dumps(p.to_dict(), sort_keys=True, ensure_ascii=False) + "\n"


def dumps(snap: Snapshot) -> str:
    """One entity per line, keys sorted: the same bytes for the same input."""
    return "".join(_line(p) for p in entities(snap))


def write(store: Store, out: TextIO, scope: Scope | None = None) -> None:
    """`dumps` of the whole store (what `scope` shows), written a batch at a time: its
    memory does not grow with the store."""
    with stream.reading(store, scope) as read:
        for d in read.documents():
            out.write(_line(_document(d)))
        for chunk in stream.chunks(read.entities()):
            for p in _entity_batch(read, [entity_item(e) for e in chunk]):
                out.write(_line(p))
        for kind in ("relation", "event"):
            for b in batches.facts(read, kind, evidence=True):
                for p in _facts(b, {e["id"]: schema_of(e) for e in b.entities}):
                    out.write(_line(p))
        snap = batches.empty()
        snap.channels, snap.channel_links = load_channels(
            store, (entity_item(e) for e in read.entities()))
        known = read.entities_of(x["actor"] for x in snap.channel_links if x["known_actor"])
        for p in _channels(snap, {k: _entity(entity_item(e)) for k, e in known.items()}):
            out.write(_line(p))
        for docs in stream.chunks(read.named_by_document(), batches.DOCUMENTS):
            named = dict(docs)
            shown = read.entities_of({e for ids in named.values() for e in ids})
            for p in _documentation([{"id": d} for d in named], named,
                                    {k: _entity(entity_item(e)) for k, e in shown.items()}):
                out.write(_line(p))


def _entity_batch(read: stream.Reading, items: list[dict[str, Any]]) -> list[EntityProxy]:
    """The proxies of a batch of entities, with their addresses, owners and proofs."""
    proxies = {e["id"]: _entity(e) for e in items}
    relations = sorted(read.relations_of(proxies, "subject", {"based_in"})
                       + read.relations_of(proxies, "object", {"operates_channel"}),
                       key=lambda r: r.id)
    rels = [fact_item(r) for r in relations]
    ends = {x for r in rels for x in (r["subject"], r["object"])} - set(proxies)
    ents = {e["id"]: e for e in items}
    ents.update({k: entity_item(e) for k, e in read.entities_of(ends).items()})
    _addresses(proxies, rels, ents)
    _proof(proxies, read.documents_naming(proxies))
    return [proxies[e["id"]] for e in items]

