"""Contradictions: claims that cannot all hold.

Rules, each named, each saying in one line what differs:

- `date`: the same event (same type, actors and targets) told by two documents with
  dates that cannot both be right ("created in 2015" / "authorized in 2017");
- `value`: the same quantity (subject and unit) with values further apart
  than the tolerance;
- `denial`: an actor's denial next to an act attributed to that actor (the
  group denies involvement in an attack another claim attributes to it);
- `value` (revision): a figure given again within two sentences with another
  value, in words that revise or dispute it ("it later put the number at ...");
- `founding`: one organisation dated to different founding years ("founded in
  1982" / "some accounts date the party to 1985");
- `value` (tally): two sources a sentence or two apart counting the dead or wounded of one
  act with exact figures that disagree (`facts/tallies.py`);
- `dispute`: an account and the one a report itself sets against it ("gave a
  different account", "that account did not hold", "not on Jordanian soil"),
  found per document by `extract/disputes.py`;
- `condition`: one person's hurt told as light ("superficial wounds") in one claim and
  as grave ("lost an eye") in another;
- `value` (measured): one subject's count of one measure (the dead, the held, missiles ...)
  in reports of two languages, with values apart (`facts/measured.py`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from actorgraph import ontology
from actorgraph.facts.dates import dates_agree
from actorgraph.facts.measured import measured_conflicts
from actorgraph.facts.tallies import act_tally_conflicts, counted_conflicts, tally_conflicts
from actorgraph.store.facts import ClaimRow, FactRow
from actorgraph.store.ids import short_hash

VALUE_TOLERANCE = 0.2         # values within 20% of each other are one figure
DENIAL_WINDOW = 2             # sentences between a denial and the act it answers
RETRACTION_WINDOW = 3         # sentences between a denial and its concession
ACT_NOUNS = {e.name: e.act for e in ontology.event_types() if e.act}   # acts a denial answers
ACTS = set(ACT_NOUNS)
ATTACKS = {e.name for e in ontology.event_types() if e.attack}   # acts that kill and wound


@dataclass
class Contradiction:
    id: str
    kind: str
    summary: str
    claims: list[str]
    facts: list[str]
    entity_id: str | None
    first_seen: str = ""


def _make(kind: str, summary: str, claims, facts, entity) -> Contradiction:
    claims = sorted(set(claims))
    return Contradiction("con-" + short_hash(kind, *claims), kind, summary, claims,
                         sorted(set(facts)), entity)


def date_conflicts(events: list[FactRow], names, docs_of) -> list[Contradiction]:
    """Events alike in type and participants, told by different documents, whose
    dates cannot both hold."""
    out = []
    groups: dict[tuple, list[FactRow]] = defaultdict(list)
    for e in events:
        d = e.data
        # an event is only recognisable as "the same" by who did it to whom
        if d.get("date") and d["actors"] and d["targets"]:
            groups[(d["type"], tuple(d["actors"]), tuple(d["targets"]))].append(e)
    for (etype, actors, targets), evs in sorted(groups.items()):
        for i, a in enumerate(evs):
            for b in evs[i + 1:]:
                if dates_agree(a.data["date"], b.data["date"]) or \
                        docs_of(a) == docs_of(b) and len(docs_of(a)) == 1:
                    continue
                who = ", ".join(names(x) for x in actors) or "?"
                whom = ", ".join(names(x) for x in targets)
                summary = (f"{etype} by {who}" + (f" on {whom}" if whom else "")
                           + f": dated {a.data['date']} in one source, {b.data['date']} in another")
                out.append(_make("date", summary, a.claims + b.claims, [a.id, b.id],
                                 (targets or actors)[0]))
    return out


def value_conflicts(quantities: list[FactRow], names,
                    where=lambda f: set()) -> list[Contradiction]:
    """The same figure (subject and unit) given with values too far apart; not the two ends
    of one range ("between 5,000 and 7,000": both told in one sentence)."""
    out = []
    groups: dict[tuple, list[FactRow]] = defaultdict(list)
    for q in quantities:
        if q.data.get("subject"):
            groups[(q.data["subject"], q.data["unit"])].append(q)
    for (subject, unit), qs in sorted(groups.items()):
        qs = sorted(qs, key=lambda q: q.data["value"])
        for i, a in enumerate(qs):
            for b in qs[i + 1:]:
                lo, hi = a.data["value"], b.data["value"]
                if hi <= 0 or (hi - lo) / hi <= VALUE_TOLERANCE:
                    continue
                if where(a) | where(b) and len(where(a) | where(b)) == 1:
                    continue
                summary = f"{names(subject)}, {unit}: {lo:g} in one source, {hi:g} in another"
                out.append(_make("value", summary, a.claims + b.claims, [a.id, b.id], subject))
    return out


REVISION_WINDOW = 2          # sentences between a figure and its revision
REVISION_TOLERANCE = 0.1     # a revised count differs by more than this share
GENERIC_UNITS = {"people", "unspecified"}
REVISED_CUES = ("revised", "revise", "corrected", "recount", "lowered", "raised", "downward",
                "upward", "later", "higher", "lower", "rose", "fell", "passed", "climbed",
                "most often cited")
REVISION_CUES = ("figure", "number", "total", "revised", "inflated", "estimate", "count",
                 "as many as", "tally", "toll", "strength", "put it at", "put its")


def revision_conflicts(quantities: list[FactRow], claims: dict[str, ClaimRow],
                       texts: dict[str, str], names) -> list[Contradiction]:
    """A figure given again a sentence or two later with another value, in words that
    revise or dispute it ("34 injured" ... "it later put the number of wounded at more than
    40"; "100,000 fighters" ... "analysts put the real number at about 50,000")."""
    out = []
    located = []
    for q in quantities:
        for cid in q.claims:
            if cid in claims:
                located.append((claims[cid], q))
    located.sort(key=lambda cq: (cq[0].doc_id, cq[0].sentence, cq[0].id))
    at = [(c.doc_id, c.sentence) for c, _ in located]    # sorted: a window is one slice
    for cb, qb in located:
        later = texts.get(cb.doc_id, "")[cb.start:cb.end].lower()
        if not any(cue in later for cue in REVISION_CUES) or any(
                re.search(rf"\b{w}\b", later) for w in ("first", "initially", "originally",
                                                       "initial", "original")):
            continue   # "officials first put the toll at 103": the figure later revised
        # the figure it revises: a sentence or two before, of the same unit if one is
        # (a bare "the figure ... is 95" revises a bare "the toll at 103" before "132 children");
        # a count of people revises a count of people, not of tons or munitions
        ub = qb.data["unit"]
        measure = cb.payload.get("measure")
        window = located[bisect_left(at, (cb.doc_id, cb.sentence - REVISION_WINDOW)):
                         bisect_left(at, (cb.doc_id, cb.sentence))]
        earlier = [(ca, qa) for ca, qa in window
                   if (qa.data["unit"] == ub or ub == "unspecified"
                        or ub in GENERIC_UNITS and (qa.data["unit"] in GENERIC_UNITS or (
                            measure is not None and ca.payload.get("measure") == measure)))]
        if not earlier:
            continue
        ca, qa = max(earlier, key=lambda cq: (cq[1].data["unit"] == ub,
                                              cq[1].data["unit"] in GENERIC_UNITS,
                                              cq[0].sentence, cq[0].start))
        ua = qa.data["unit"]
        lo, hi = sorted((qa.data["value"], qb.data["value"]))
        # words that say the figure changed make any change count; others need a gap
        tolerance = 0 if any(cue in later for cue in REVISED_CUES) else REVISION_TOLERANCE
        if hi > 0 and (hi - lo) / hi > tolerance:
            subject = qa.data.get("subject") or qb.data.get("subject")
            unit = ua if ua not in GENERIC_UNITS else ub
            summary = (f"{names(subject) if subject else 'a figure'}, {unit}: "
                       f"{qa.data['value']:g}, then {qb.data['value']:g} in the same report")
            out.append(_make("value", summary, [ca.id, cb.id], [qa.id, qb.id], subject))
    return out


def denial_conflicts(events: list[FactRow], claims: dict[str, ClaimRow], names,
                     texts: dict[str, str], aliases: dict[str, set[str]]) -> list[Contradiction]:
    """A denial by X answering, within a few sentences, an act attributed to X: X is
    among the act's actors (or the accused), or the sentence that blames names X
    ("blamed Iran-backed groups" ... "Iran denied any involvement")."""
    out = []
    acts = [e for e in events if e.data["type"] in ACTS]

    def said_of(claim: ClaimRow, who: set[str]) -> set[str]:
        text = texts.get(claim.doc_id, "")[claim.start:claim.end].lower()
        return {x for x in who if any(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", text)
                                      for n in aliases.get(x, ()) if n)}

    # the acts told in each sentence, with their claims there: a denial looks only at the
    # acts told near it
    told_at: dict[tuple[str, int], dict[int, list[ClaimRow]]] = defaultdict(dict)
    for k, act in enumerate(acts):
        for c in act.claims:
            if c in claims:
                told_at[(claims[c].doc_id, claims[c].sentence)].setdefault(k, []).append(
                    claims[c])
    for rej in (e for e in events if e.data["type"] == "REJECT"):
        deniers = set(rej.data["actors"])
        for rc in (claims[c] for c in rej.claims if c in claims):
            window = [told_at.get((rc.doc_id, s), {}) for s in range(
                rc.sentence - DENIAL_WINDOW, rc.sentence + DENIAL_WINDOW + 1)]
            for k in sorted({k for acts_there in window for k in acts_there}):
                act = acts[k]
                near = [c for acts_there in window for c in acts_there.get(k, ())]
                involved = set(act.data["actors"]) if act.data["type"] != "ACCUSE" \
                    else set(act.data["targets"])
                if act.data["type"] == "ACCUSE":
                    involved |= {x for c in near for x in said_of(c, deniers)}
                if not deniers & involved:
                    continue
                who = names(sorted(deniers & involved)[0])
                what = ACT_NOUNS.get(act.data["type"], act.data["type"].lower())
                summary = (f"{who} denies involvement in {what} "
                           f"({act.data.get('date') or 'undated'}) that other claims attribute to it")
                out.append(_make("denial", summary, [rc.id] + [c.id for c in near], [rej.id, act.id],
                                 sorted(deniers & involved)[0]))
    return out


INVOLVEMENT = ("involved", "behind", "responsible")          # said of who did an act
DENIED_ROLE = ("involvement", "involved", "role", "responsibility", "responsible", "behind")


def attribution_denials(events: list[FactRow], claims: list[ClaimRow], names,
                        texts: dict[str, str], aliases: dict[str, set[str]]) -> list[Contradiction]:
    """A denial of involvement by X a sentence or two after a sentence that says X was
    involved, behind or responsible ("officials hinted that Ruritania was behind the
    blast" ... "Ruritania denied any role"); not one that says X was not."""
    out = []
    by_at: dict[tuple[str, int], ClaimRow] = {}
    for c in sorted(claims, key=lambda c: c.id):
        by_at.setdefault((c.doc_id, c.sentence), c)
    by_id = {c.id: c for c in claims}
    for rej in (e for e in events if e.data["type"] == "REJECT"):
        for rc in (by_id[c] for c in rej.claims if c in by_id):
            said = texts.get(rc.doc_id, "")[rc.start:rc.end].lower()
            if not any(re.search(rf"\b{w}\b", said) for w in DENIED_ROLE):
                continue
            for back in range(1, DENIAL_WINDOW + 1):
                earlier = by_at.get((rc.doc_id, rc.sentence - back))
                if earlier is None:
                    continue
                text = texts.get(earlier.doc_id, "")[earlier.start:earlier.end].lower()
                who = [x for x in rej.data["actors"] if any(re.search(
                    rf"\b{re.escape(n.lower())}\b(?:\s+[a-z]+){{0,2}}?\s+(?:had|has|have|was"
                    rf"|were|is|are)(?:\s+been)?\s+(?!not\b|never\b)(?:[a-z]+ly\s+)?"
                    rf"(?:{'|'.join(INVOLVEMENT)})\b", text) for n in aliases.get(x, ()) if n)]
                if who:
                    summary = f"{names(who[0])} denies the involvement another account gives it"
                    out.append(_make("denial", summary, [rc.id, earlier.id], [rej.id], who[0]))
                    break
    return out


def retraction_conflicts(events: list[FactRow], claims: dict[str, ClaimRow], names,
                         same_state) -> list[Contradiction]:
    """A denial later conceded by the same actor or an organ of the same state ("officials
    first denied ..." — "three days later, the IRGC acknowledged ...")."""
    out = []
    concessions = [e for e in events if e.data["type"] == "CONCEDE"]
    conceded: dict[str, dict[str, list[str]]] = {}    # concession -> document -> its claims
    for con in concessions:
        conceded[con.id] = defaultdict(list)
        for b in con.claims:
            if b in claims:
                conceded[con.id][claims[b].doc_id].append(b)
    for rej in (e for e in events if e.data["type"] == "REJECT"):
        for con in concessions:
            if not any(same_state(a, b) for a in rej.data["actors"] for b in con.data["actors"]):
                continue
            pairs = [(a, b) for a in rej.claims if a in claims
                     for b in conceded[con.id].get(claims[a].doc_id, ())
                     if 0 < claims[b].sentence - claims[a].sentence <= RETRACTION_WINDOW]
            for a, b in pairs:
                who = names(rej.data["actors"][0])
                out.append(_make("denial", f"{who} denied, then conceded", [a, b],
                                 [rej.id, con.id], rej.data["actors"][0]))
    return out


DEATH_WORDS = ("killed", "died", "death", "assassinated", "slain", "executed")


def death_conflicts(events: list[FactRow], claims: dict[str, ClaimRow], texts: dict[str, str],
                    persons: set[str], names) -> list[Contradiction]:
    """A person dies once: killings of the same person dated at month or day precision,
    to dates that cannot both hold ("killed ... in July 2016" / "in August 2016")."""
    deaths: dict[str, list[FactRow]] = defaultdict(list)
    for e in events:
        if e.data["type"] != "ASSAULT" or len(e.data.get("date") or "") < 7:
            continue
        killed = [t for t in e.data["targets"] if t in persons]
        if not killed:
            continue
        told = " ".join(texts.get(claims[c].doc_id, "")[claims[c].start:claims[c].end].lower()
                        for c in e.claims if c in claims)
        if not any(w in told for w in DEATH_WORDS):
            continue
        for t in killed:
            deaths[t].append(e)
    return _dated_apart(deaths, "date", "killed", names)


def founding_conflicts(foundings: list[FactRow], names) -> list[Contradiction]:
    """One organisation, founding dates that cannot both hold."""
    by_subject: dict[str, list[FactRow]] = defaultdict(list)
    for f in foundings:
        by_subject[f.data["subject"]].append(f)
    return _dated_apart(by_subject, "founding", "founded", names)


def _dated_apart(groups: dict[str, list[FactRow]], kind: str, what: str,
                 names) -> list[Contradiction]:
    """Within each group (one entity's killings, or foundings), every two facts whose dates
    cannot both hold: "<entity> <what>: 2015 in one account, 2017 in another"."""
    out = []
    for key, facts in sorted(groups.items()):
        facts = sorted(facts, key=lambda f: f.data["date"])
        for i, a in enumerate(facts):
            for b in facts[i + 1:]:
                if dates_agree(a.data["date"], b.data["date"]):
                    continue
                summary = (f"{names(key)} {what}: {a.data['date']} in one account, "
                           f"{b.data['date']} in another")
                out.append(_make(kind, summary, a.claims + b.claims, [a.id, b.id], key))
    return out


def dispute_conflicts(claims: list[ClaimRow], facts: list[FactRow],
                      names) -> list[Contradiction]:
    """Accounts a report sets against each other (claims of kind "account", paired)."""
    out = []
    pairs: dict[tuple[str, str], list[ClaimRow]] = defaultdict(list)
    for c in claims:
        if c.kind == "account":
            pairs[(c.doc_id, c.payload["pair"])].append(c)
    at: dict[tuple[str, int], list[FactRow]] = defaultdict(list)
    by_id = {c.id: c for c in claims}
    for f in facts:
        for cid in f.claims:
            if cid in by_id:
                at[(by_id[cid].doc_id, by_id[cid].sentence)].append(f)
    for (doc_id, _), cs in sorted(pairs.items()):
        disputed = [c for c in cs if c.payload["role"] == "disputed"]
        disputing = [c for c in cs if c.payload["role"] == "disputing"]
        if not disputed or not disputing:
            continue

        def who(group: list[ClaimRow]) -> str | None:
            return next((c.attributed_to for c in group
                         if c.attributed_to and c.attributed_to != "anonymous"), None)
        old, new = who(disputed), who(disputing)
        theirs = f"{names(old)}'s account" if old else "an earlier account"
        summary = (f"{names(new) if new else 'another account'} disputes {theirs}"
                   f" (\u201c{cs[0].payload['cue']}\u201d)")
        related = {f.id: f for c in cs for f in at[(doc_id, c.sentence)]}
        entity = old or new or next((e for f in related.values() for e, _ in f.entities), None)
        out.append(_make("dispute", summary, [c.id for c in cs], list(related), entity))
    return out


def condition_conflicts(claims: list[ClaimRow], names) -> list[Contradiction]:
    """One person said to be lightly hurt in one claim and gravely in another."""
    told: dict[str, dict[str, list[ClaimRow]]] = defaultdict(lambda: defaultdict(list))
    for c in sorted(claims, key=lambda c: c.id):
        person = c.entity(c.payload.get("subject")) if c.kind == "condition" else None
        if person:
            told[person][c.payload["condition"]].append(c)
    out = []
    for person, by in sorted(told.items()):
        for light in by.get("light", []):
            for grave in by.get("grave", []):
                summary = (f"{names(person)} hurt: lightly ({light.payload.get('cue')}) in one "
                           f"account, gravely ({grave.payload.get('cue')}) in another")
                out.append(_make("condition", summary, [light.id, grave.id], [], person))
    return out


def casualty_conflicts(facts: list[FactRow], claims: list[ClaimRow], texts: dict[str, str],
                       names, local: list[ClaimRow] | None = None) -> list[Contradiction]:
    """Two sources' counts of the dead or wounded of one act that cannot both hold; those
    a sentence or two apart in one report are looked for among `local` (default `claims`)."""
    out = []
    local = claims if local is None else local
    resting: dict[str, list[str]] = defaultdict(list)     # claim id -> its facts
    for f in facts:
        for cid in f.claims:
            resting[cid].append(f.id)
    for a, b, measure in tally_conflicts(local, facts, texts, ATTACKS) + counted_conflicts(
            local, facts):
        who = [names(c.attributed_to) if c.attributed_to and c.attributed_to != "anonymous"
               else "one source" for c in (a, b)]
        summary = f"{measure}: counted differently by {who[0]} and {who[1]}"
        related = resting.get(a.id, []) + resting.get(b.id, [])
        out.append(_make("value", summary, [a.id, b.id], related, None))
    for a, b, measure, act in act_tally_conflicts(claims, facts, texts, ATTACKS):
        # the act's noun brings its own article ("an attack")
        what = ACT_NOUNS.get(act.data["type"], f"the {act.data['type'].lower()}")
        summary = (f"{measure} in {what} of {act.data.get('date') or 'undated'}: "
                   f"counted differently in two accounts")
        entity = next(iter(act.data.get("targets") or act.data.get("actors") or []), None)
        out.append(_make("value", summary, [a.id, b.id], [act.id], entity))
    return out


def across_languages(quantities: list[FactRow], by_id: dict[str, ClaimRow], names,
                     languages: dict[str, str | None]) -> list[Contradiction]:
    """One subject's count of one measure told apart by reports in two languages."""
    out = []
    for a, b, measure, ca, cb in measured_conflicts(quantities, by_id, languages):
        subject = a.data["subject"]
        (lo, in_lo), (hi, in_hi) = sorted(((a.data["value"], languages[ca.doc_id]),
                                           (b.data["value"], languages[cb.doc_id])))
        summary = f"{names(subject)}, {measure}: {lo:g} in a report in {in_lo}, {hi:g} in {in_hi}"
        out.append(_make("value", summary, [ca.id, cb.id], [a.id, b.id], subject))
    return out


def _rule(c: Contradiction, by_id: dict[str, ClaimRow]) -> str | None:
    return next((by_id[x].payload.get("rule") for x in c.claims if x in by_id), None)


def find_contradictions(facts: list[FactRow], claims: list[ClaimRow], names,
                        texts: dict[str, str] | None = None,
                        aliases: dict[str, set[str]] | None = None,
                        same_state=lambda a, b: a == b,
                        persons: set[str] | None = None,
                        languages: dict[str, str | None] | None = None,
                        focus: set[str] | None = None) -> list[Contradiction]:
    """Every contradiction among the facts. Two that rest on the same sentences are one:
    the more specific rule's is kept (a founding date over the date of the support that
    created the group, a denial over a generic dispute).

    With `focus` (document ids), the rules that pair claims of one document (revisions,
    tallies and counts a sentence or two apart, attributions denied, denials conceded,
    disputed accounts)
    look only at the claims of those documents: an incremental update wants only the
    contradictions with a claim there, and reads the other documents' claims only for
    the facts that span documents."""
    events = [f for f in facts if f.kind == "event"]
    quantities = [f for f in facts if f.kind == "quantity"]
    foundings = [f for f in facts if f.kind == "founding"]
    by_id = {c.id: c for c in claims}
    local = claims if focus is None else [c for c in claims if c.doc_id in focus]
    local_by_id = by_id if focus is None else {c.id: c for c in local}

    def docs_of(f: FactRow) -> set[str]:
        return {by_id[c].doc_id for c in f.claims if c in by_id}

    def sentences_of(ids) -> set[tuple[str, int]]:
        return {(by_id[c].doc_id, by_id[c].sentence) for c in ids if c in by_id}

    found = (founding_conflicts(foundings, names)
             + denial_conflicts(events, by_id, names, texts or {}, aliases or {})
             + attribution_denials(events, local, names, texts or {}, aliases or {})
             + retraction_conflicts(events, local_by_id, names, same_state)
             + revision_conflicts(quantities, local_by_id, texts or {}, names)
             + value_conflicts(quantities, names, lambda f: sentences_of(f.claims))
             + date_conflicts(events, names, docs_of)
             + death_conflicts(events, by_id, texts or {}, persons or set(), names)
             + dispute_conflicts(local, facts, names)
             + condition_conflicts(claims, names)
             + casualty_conflicts(facts, claims, texts or {}, names, local)
             + across_languages(quantities, by_id, names, languages or {}))
    # a denial a report answers in its own words, already paired with the act it denies
    denials = {s for c in found if c.kind == "denial" for s in sentences_of(c.claims)}

    def answered(c: Contradiction) -> bool:
        disputing = [x for x in c.claims if x in by_id
                     and by_id[x].payload.get("role") == "disputing"]
        return c.kind == "dispute" and _rule(c, by_id) == "denied" \
            and bool(sentences_of(disputing) & denials)

    unique: dict[frozenset, Contradiction] = {}
    for c in (c for c in found if not answered(c)):
        c.first_seen = max(by_id[x].ingested_at for x in c.claims if x in by_id)
        where = frozenset(sentences_of(c.claims) | {x for x in c.claims if x not in by_id})
        unique.setdefault(where, c)
    return sorted(unique.values(), key=lambda c: c.id)
