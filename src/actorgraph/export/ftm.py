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
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from actorgraph import ontology
from actorgraph.export.channels import OWNER_MIN, evidence_lines, unknown_actors
from actorgraph.export.snapshot import Snapshot
from actorgraph.knowledge.lexicon import gazetteer_notes, load_lexicon

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
    ents = snap.entity_map()
    docs = snap.doc_map()
    claims = snap.claim_map()
    proxies = {e["id"]: _entity(e) for e in snap.entities}
    schemata = {k: p.schema.name for k, p in proxies.items()}
    for r in snap.relations:   # a based_in country or place is also the subject's address
        subj, obj = proxies[r["subject"]], ents[r["object"]]
        if r["predicate"] == "based_in" and schemata[r["subject"]] in LEGAL:
            code = _code(obj) if obj["type"] in ("country", "place") else None
            if code:
                subj.add("country", code)
            if obj["type"] == "place":
                subj.add("addressEntity", obj["id"])
        if r["predicate"] == "operates_channel" and schemata[r["object"]] == "UserAccount" \
                and schemata[r["subject"]] in LEGAL:
            proxies[r["object"]].add("owner", r["subject"])
    named_in: dict[str, set[str]] = {}
    for doc, ids in snap.named.items():
        for eid in ids:
            named_in.setdefault(eid, set()).add(doc)
    for eid, p in proxies.items():
        for doc in sorted(named_in.get(eid, ())):
            if doc in docs:
                p.add("proof", doc)
    yield from (_document(d) for d in snap.documents)
    yield from (proxies[e["id"]] for e in snap.entities)
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
    yield from _channels(snap, proxies)
    for d in snap.documents:
        for eid in sorted(snap.named.get(d["id"], ())):
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


def dumps(snap: Snapshot) -> str:
    """One entity per line, keys sorted: the same bytes for the same input."""
    return "".join(json.dumps(p.to_dict(), sort_keys=True, ensure_ascii=False) + "\n"
                   for p in entities(snap))

