"""Import a STIX 2.1 bundle (ours, or another tool's such as OpenCTI's) into the store.

The bundle becomes one document, marked `imported`, whose text is a readable
rendering of its objects: one line per actor or place with every name, one
per relationship and event, each followed by its evidence sentences (our own
claim notes, verbatim), and one per report. Every name in that text is a
mention at its real offsets, typed with a gazetteer-strength vote so the
bundle's type is kept; every relationship, event and figure is a claim on its
line or evidence sentence, with the note's speaker and modality. The caller
then re-resolves the store (`workflow.import_stix`), so imported actors join
the ones already there.

The primary name is written twice and every other name once, so that the
resolver's choice of canonical name (`resolve.stage.canonical_name`: the
gazetteer's name, else the most frequent form, and for persons the longest)
gives back the bundle's name. Re-importing the same bundle changes nothing:
the document is stored once by the hash of its rendered text.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import stix2  # type: ignore[import-untyped]

from actorgraph import ontology
from actorgraph.export.stix import EXTENSION
from actorgraph.imports.stix_types import check_object
from actorgraph.knowledge.kinds import STRONG
from actorgraph.knowledge.lexicon import load_lexicon
from actorgraph.model import (
    ENTITY_TYPES,
    Attribution,
    CleanDocument,
    DateValue,
    DocumentMeta,
    EventFact,
    Extraction,
    LoadedDocument,
    Mention,
    QuantityFact,
    RelationFact,
    Sentence,
)
from actorgraph.store.store import Store

MEDIA_TYPE = "application/stix+json;version=2.1"
RULE = "stix-import"
MODALITIES = frozenset(ontology.modalities())
# STIX relationship type -> predicate: ours (the inverse of the export), then other tools'
PREDICATES = {p.stix: p.name for p in ontology.predicates()} | {
    t: p.name for p in ontology.predicates() for t in p.stix_read}
# STIX identity sector -> organisation kind
SECTOR_KINDS = {s: k.name for t in ontology.entity_types() for k in t.kinds
                for s in k.stix_sectors_read}


class BundleError(ValueError):
    """The file is not a STIX 2.1 bundle we can read."""


@dataclass
class Actor:
    sid: str
    type: str
    kind: str | None
    name: str
    aliases: list[str]

    @property
    def key(self) -> str:
        return f"{self.type}:{self.sid}"


@dataclass
class ImportReport:
    source: str
    doc_id: str
    status: str               # added, new version, unchanged
    actors: int = 0
    relations: int = 0
    events: int = 0
    claims: int = 0
    skipped: list[str] = field(default_factory=list)


def _props(o: dict[str, Any]) -> dict[str, Any]:
    """An object's properties with our property-extension's (on SCOs) folded in."""
    ext = (o.get("extensions") or {}).get(EXTENSION) or {}
    return {**o, **{k: v for k, v in ext.items() if k.startswith("x_actorgraph_")}}


def classify(o: dict[str, Any]) -> tuple[str, str | None] | None:
    """(entity type, organisation kind) of a STIX object, or None if it is no actor or place."""
    p = _props(o)
    t = o.get("type")
    if p.get("x_actorgraph_type") in ENTITY_TYPES:
        return p["x_actorgraph_type"], p.get("x_actorgraph_kind")
    opencti = str(o.get("x_opencti_type") or "").lower()
    if t in ("threat-actor", "intrusion-set"):
        if o.get("resource_level") == "individual" or "individual" in opencti:
            return "person", None
        return "organization", "armed_group" if t == "threat-actor" else None
    if t == "identity":
        cls = o.get("identity_class")
        if cls == "individual":
            return "person", None
        if cls in ("organization", "group"):
            kinds = [SECTOR_KINDS[s] for s in o.get("sectors") or [] if s in SECTOR_KINDS]
            return "organization", kinds[0] if kinds else None
        return None
    if t == "location":
        ltype = str(o.get("x_opencti_location_type") or "").lower()
        entry = load_lexicon().lookup(o.get("name") or "")
        if ltype == "country" or (not ltype and entry is not None and entry.type == "country"):
            return "country", None
        return "place", None
    if t == "user-account":
        return "channel", None
    return None


def _name(o: dict[str, Any]) -> str:
    for k in ("name", "display_name", "account_login", "user_id"):
        if isinstance(o.get(k), str) and o[k].strip():
            return " ".join(o[k].split())
    return ""


def actors(objects: list[dict[str, Any]]) -> dict[str, Actor]:
    """The bundle's actors and places by STIX id. An identity only named as the author
    of other objects (`created_by_ref`) is provenance, not an actor."""
    referenced = set()
    for o in objects:
        for k, v in o.items():
            if k == "created_by_ref":
                continue
            if k.endswith("_ref") and isinstance(v, str):
                referenced.add(v)
            elif k.endswith("_refs") and isinstance(v, list):
                referenced.update(x for x in v if isinstance(x, str))
    authors = {o.get("created_by_ref") for o in objects}
    out = {}
    for o in objects:
        typed = classify(o)
        name = _name(o)
        if typed is None or not name or (o["id"] in authors and o["id"] not in referenced):
            continue
        p = _props(o)
        names = [*(o.get("aliases") or []), *(p.get("x_actorgraph_aliases") or []),
                 *(o.get("x_opencti_aliases") or [])]
        aliases = sorted({" ".join(n.split()) for n in names if isinstance(n, str)
                          and n.strip()} - {name})
        out[o["id"]] = Actor(o["id"], typed[0], typed[1], name, aliases)
    return out


class Renderer:
    """Builds the document text line by line, with sentences and mentions at real offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list[Sentence] = []
        self.mentions: list[Mention] = []

    def _put(self, s: str) -> int:
        start = self.length
        self.parts.append(s)
        self.length += len(s)
        return start

    def line(self, *pieces: str | Actor | tuple[Actor, str], indent: str = "") -> int:
        """One sentence of text and names: an Actor is its primary name, (actor, alias)
        another of its names, each a mention. Returns the sentence's index."""
        self._put(indent)
        start, idx = self.length, len(self.sentences)
        for piece in pieces:
            if isinstance(piece, Actor):
                self.name(piece, piece.name, idx)
            elif isinstance(piece, tuple):
                self.name(piece[0], piece[1], idx)
            else:
                self._put(piece)
        self.sentences.append(Sentence(idx, start, self.length))
        self._put("\n")
        return idx

    def name(self, actor: Actor, text: str, sentence: int) -> None:
        start = self._put(text)
        self.mentions.append(Mention(
            start=start, end=start + len(text), text=text, type=actor.type, sentence=sentence,
            label="stix", kind=actor.kind, key=actor.key, name=actor.name, role="name",
            evidence=("stix:import",), votes={actor.type: STRONG}))

    def blank(self) -> None:
        self._put("\n")

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _describe(a: Actor, stix_type: str) -> list[str | Actor | tuple[Actor, str]]:
    """An actor's line: the primary name twice (so that it stays the canonical name),
    every other name once."""
    kind = f" ({a.kind.replace('_', ' ')})" if a.kind else ""
    out: list[str | Actor | tuple[Actor, str]] = [
        a, f": {a.type}{kind}, STIX {stix_type}. Preferred name: ", a, "."]
    if a.aliases:
        out.append(" Also known as: ")
        for i, alias in enumerate(a.aliases):
            out.extend([(a, alias), "; " if i + 1 < len(a.aliases) else "."])
    return out


def _attribution(note: dict[str, Any], cast: dict[str, Actor]) -> Attribution:
    speaker = note.get("x_actorgraph_attributed_to")
    key = "anonymous" if speaker == "anonymous" else (
        cast[speaker].key if speaker in cast else None)
    modality = note.get("x_actorgraph_modality")
    return Attribution(key, modality if modality in MODALITIES else "asserted", "STIX note")


class _Bundle:
    """A parsed bundle's objects, indexed for rendering."""

    def __init__(self, objects: list[dict[str, Any]]) -> None:
        self.objects = sorted(objects, key=lambda o: o["id"])
        self.by_id = {o["id"]: o for o in self.objects}
        self.cast = actors(self.objects)
        self.notes: dict[str, list[dict[str, Any]]] = {}
        for o in self.objects:
            if o["type"] == "note" and o.get("x_actorgraph_claim_kind") in (
                    "relation", "event", "quantity"):
                for ref in o.get("object_refs", []):
                    self.notes.setdefault(ref, []).append(o)

    def of_type(self, *types: str) -> list[dict[str, Any]]:
        return [o for o in self.objects if o["type"] in types]


def _evidence(r: Renderer, notes: list[dict[str, Any]], cast: dict[str, Actor],
              by_id: dict[str, dict], origins: dict[int, str] | None = None
              ) -> list[tuple[int, Attribution]]:
    """The evidence lines of a fact: its notes' sentences, verbatim (and, in `origins`,
    the report each line was first told in)."""
    out = []
    for n in sorted(notes, key=lambda n: n["id"]):
        att = _attribution(n, cast)
        report = next((by_id[x] for x in n.get("object_refs", []) if x in by_id
                       and by_id[x]["type"] == "report"), None)
        src = f", in \u201c{report.get('name')}\u201d" if report else ""
        who = f", according to {cast[n['x_actorgraph_attributed_to']].name}" if att.attributed_to \
            not in (None, "anonymous") else (", anonymous source" if att.attributed_to else "")
        r.line(f"Evidence ({att.modality}{who}{src}):", indent="  ")
        out.append((r.line(n.get("content") or "", indent="  "), att))
        if origins is not None and report is not None:
            origins[out[-1][0]] = report["id"]
    return out


def render(objects: list[dict[str, Any]]) -> tuple[Renderer, Extraction, dict[str, int]]:
    """The document text and the extraction (sentences, mentions, claims) of a bundle."""
    b = _Bundle(objects)
    cast, r, ex = b.cast, Renderer(), Extraction()
    counts = {"actors": len(cast), "relations": 0, "events": 0}
    r.line(f"STIX 2.1 bundle: {len(cast)} actors and places, "
           f"{len(b.of_type('relationship'))} relationships, "
           f"{len(b.of_type('x-actorgraph-event'))} events, {len(b.of_type('report'))} reports.")
    r.blank()
    r.line("Actors and places")
    for sid, a in sorted(cast.items(), key=lambda kv: (kv[1].type, kv[1].name, kv[0])):
        r.line(*_describe(a, b.by_id[sid]["type"]))
    r.blank()
    r.line("Relationships")
    for o in b.of_type("relationship"):
        pred = PREDICATES.get(o.get("relationship_type", ""))
        s, t = cast.get(o.get("source_ref", "")), cast.get(o.get("target_ref", ""))
        if not pred or not s or not t:
            continue
        counts["relations"] += 1
        idx = r.line(s, f" {o['relationship_type']} ", t, f" ({ontology.label(pred)}).")
        support = tuple(o.get("x_actorgraph_support") or ())
        found = _evidence(r, b.notes.get(o["id"], []), cast, b.by_id)
        if not found and o.get("description"):   # another tool's: its description
            found = [(r.line(" ".join(o["description"].split()), indent="  "), Attribution())]
        for sentence, att in found or [(idx, Attribution())]:
            ex.relations.append(RelationFact(s.key, pred, t.key, sentence, RULE, support, att))
    r.blank()
    r.line("Events")
    for o in b.of_type("x-actorgraph-event"):
        who = [cast[x] for x in o.get("actor_refs", []) if x in cast]
        whom = [cast[x] for x in o.get("target_refs", []) if x in cast]
        where = cast.get(o.get("location_ref", ""))
        pieces: list[str | Actor] = [o.get("event_type", "EVENT"),
                                     f" ({o['mode']})" if o.get("mode") else "",
                                     f", {o['date']}" if o.get("date") else "", ":"]
        for label, group in (("actors", who), ("targets", whom), ("at", [where] if where else [])):
            if group:
                pieces.append(f" {label} ")
                for i, a in enumerate(group):
                    pieces.extend([a, ", " if i + 1 < len(group) else ";"])
        idx = r.line(*pieces)
        counts["events"] += 1
        date = DateValue(o["date"], o.get("date_precision"), o["date"]) if o.get("date") else None
        start = r.sentences[idx].start
        end = start + len(o.get("event_type", "EVENT"))
        origins: dict[int, str] = {}
        for sentence, att in _evidence(r, b.notes.get(o["id"], []), cast, b.by_id,
                                       origins) or [(idx, Attribution())]:
            ex.events.append(EventFact(
                o.get("event_type", "EVENT"), sentence, o.get("event_type", "EVENT"), start, end,
                RULE, o.get("mode"), tuple(a.key for a in who), tuple(a.key for a in whom),
                where.key if where else None, date, att, origins.get(sentence)))
    r.blank()
    r.line("Figures")
    for n in b.of_type("note"):
        if n.get("x_actorgraph_claim_kind") != "quantity" or n.get("x_actorgraph_value") is None:
            continue
        subject = next((cast[x] for x in n.get("object_refs", []) if x in cast), None)
        qual = f"{n['x_actorgraph_qualifier']} " if n.get("x_actorgraph_qualifier") else ""
        figure = f"{qual}{n['x_actorgraph_value']:g} {n.get('x_actorgraph_unit') or ''}".strip()
        lead: list[str | Actor] = [subject, ": "] if subject else []
        idx = r.line(*lead, figure, ".")
        start = r.sentences[idx].end - len(figure) - 1
        for sentence, att in _evidence(r, [n], cast, b.by_id):
            ex.quantities.append(QuantityFact(
                float(n["x_actorgraph_value"]), n.get("x_actorgraph_unit") or "", sentence,
                start, start + len(figure), figure, n.get("x_actorgraph_qualifier"),
                subject.key if subject else None, att))
    r.blank()
    r.line("Reports")
    for o in b.of_type("report"):
        r.line(f"Report \u201c{o.get('name', '')}\u201d, published {o.get('published', '?')}, "
               f"refers to {len(o.get('object_refs', []))} objects.")
        if o.get("description"):
            r.line(" ".join(o["description"].split()), indent="  ")
    ex.sentences, ex.mentions = r.sentences, r.mentions
    return r, ex, counts


def _meta(objects: list[dict[str, Any]], source: str) -> DocumentMeta:
    reports = [o for o in objects if o["type"] == "report"]
    by_id = {o["id"]: o for o in objects}
    title = f"STIX bundle {Path(source).name}"
    published = publisher = None
    if len(reports) == 1:
        rep = reports[0]
        title = rep.get("name") or title
        published = str(rep.get("published") or "")[:10] or None
        publisher = rep.get("x_actorgraph_publisher") or (
            by_id.get(rep.get("created_by_ref"), {}).get("name"))
    return DocumentMeta(title=title, publisher=publisher, published=published, language="en")


def read_bundle(raw: bytes) -> list[dict[str, Any]]:
    """The objects of a STIX 2.1 bundle, each checked by the `stix2` parser and the
    properties the import reads by `stix_types` (an error names the object)."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise BundleError(f"not JSON: {type(err).__name__}: {err}") from err
    if not isinstance(data, dict) or data.get("type") != "bundle":
        raise BundleError("not a STIX bundle (no top-level object of type 'bundle')")
    objects = data.get("objects") or []
    if not isinstance(objects, list):
        raise BundleError("not a STIX bundle ('objects' is not a list)")
    for i, o in enumerate(objects):
        if not isinstance(o, dict):
            raise BundleError(f"object number {i} is not a JSON object")
        if (problem := check_object(o, i)) is not None:
            raise BundleError(problem)
        try:
            stix2.parse(o, allow_custom=True, version="2.1")
        except Exception as err:   # the library raises many kinds of error
            raise BundleError(f"object {o['id']}: not valid STIX 2.1: {err}") from err
    return objects


def import_bundle(store: Store, path: str | Path, source: str | None = None) -> ImportReport:
    """Store the bundle at `path` as one document (entities and facts are not rebuilt:
    `workflow.import_stix` does both)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise BundleError(f"cannot read the file: {err.strerror or err}") from err
    objects = read_bundle(raw)
    try:
        renderer, extraction, counts = render(objects)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError) as err:
        raise BundleError(f"cannot read the bundle's objects: {type(err).__name__}: {err}"
                          ) from err
    text = renderer.text
    source = source or str(path)
    loaded = LoadedDocument(source=source, media_type=MEDIA_TYPE, original=raw, text=text,
                            meta=_meta(objects, source),
                            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    doc_id, status = store.add_document(loaded, CleanDocument(loaded, ()), extraction,
                                        imported=True)
    n_claims = len(extraction.relations) + len(extraction.events) + len(extraction.quantities)
    return ImportReport(source, doc_id, status, counts["actors"], counts["relations"],
                        counts["events"], n_claims)
