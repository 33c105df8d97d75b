"""The extraction pipeline of one document: an explicit, ordered list of stages.

load -> clean happen in `actorgraph.ingest`; this module runs the stages that
work on one cleaned document's text:

    parse -> split -> recognise -> type -> corefer -> relate -> events -> count
          -> date -> found -> attribute -> act -> dispute -> implied

Each stage declares what it reads and writes on the shared `State`, and
`check_order()` (run by the tests) verifies that every stage reads only what
an earlier stage wrote. `extract()` is a pure function of the document's text
and metadata, so a distributed engine can map it over documents. A stage that raises
on a document leaves what it writes as it was before it ran (empty for a stage that
makes its output, unamended for one that amends an earlier stage's); the later stages
go on, and the reason is kept in `Extraction.problems`.
Cross-document work (resolution) is a separate stage over the store.
"""
from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from actorgraph.extract.organs import name_state_organs
from actorgraph.extract.rules_en.claims import attribute as attribution
from actorgraph.extract.rules_en.claims import conditions, dates, disputes, foundings, quantities
from actorgraph.extract.rules_en.events import stage as events
from actorgraph.extract.rules_en.events import when
from actorgraph.extract.rules_en.names import metonymy
from actorgraph.extract.rules_en.names.recognise import Candidate, recognise
from actorgraph.extract.rules_en.names.typing import context_kind, mention_votes
from actorgraph.extract.rules_en.nlp import load_nlp
from actorgraph.extract.rules_en.reference import corefer
from actorgraph.extract.rules_en.reference.arguments import Context
from actorgraph.extract.rules_en.reference.refer import Referents
from actorgraph.extract.rules_en.relations import active
from actorgraph.extract.rules_en.relations import stage as relations
from actorgraph.knowledge.kinds import decide
from actorgraph.knowledge.lexicon import Lexicon, known_place, load_lexicon
from actorgraph.model import (
    CleanDocument,
    ConditionFact,
    DateValue,
    DisputeFact,
    EventFact,
    Extraction,
    FoundingFact,
    Mention,
    QuantityFact,
    RelationFact,
    Sentence,
)


@dataclass
class State:
    clean: CleanDocument
    nlp: Language
    lex: Lexicon
    doc: Doc | None = None
    sentences: list[Sentence] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)
    quantities: list[QuantityFact] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    foundings: list[FoundingFact] = field(default_factory=list)
    disputes: list[DisputeFact] = field(default_factory=list)
    conditions: list[ConditionFact] = field(default_factory=list)
    # the `Context` of doc, sentences and mentions (which no stage changes from `corefer`
    # to `implied`), built by the first stage that reads it; see `_reader`
    reader: Context | None = None

    @property
    def parsed(self) -> Doc:
        """The parse, for the stages after `parse`."""
        if self.doc is None:
            raise RuntimeError("the document is not parsed yet")
        return self.doc


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[State], None]
    reads: tuple[str, ...]
    writes: tuple[str, ...]


def parse(state: State) -> None:
    """Parse the document, unless a batch parse (`nlp.pipe`) already did."""
    if state.doc is None:
        state.doc = state.nlp(state.clean.masked_text())


def split(state: State) -> None:
    """Sentences from the parser, never crossing a line break, each marked body or bio."""
    text = state.clean.text
    out: list[Sentence] = []
    for sent in state.parsed.sents:
        start = sent.start_char
        for piece in text[sent.start_char:sent.end_char].split("\n"):
            s = start + len(piece) - len(piece.lstrip())
            e = start + len(piece.rstrip())
            if e > s and text[s:e].strip():
                kind = state.clean.kind_at(s)
                if kind != "furniture":
                    out.append(Sentence(len(out), s, e, kind))
            start += len(piece) + 1
    state.sentences = out


def find_names(state: State) -> None:
    verbs = _verb_forms(state.nlp)
    state.candidates = recognise(state.parsed, state.lex, verbs)


def type_names(state: State) -> None:
    """One Mention per candidate, with its type votes; capitals acting as states linked."""
    doc, lex = state.parsed, state.lex
    starts = [s.start for s in state.sentences]
    mentions: list[Mention] = []
    for cand in state.candidates:
        span = cand.span(doc)
        votes, reasons = mention_votes(doc, cand, lex)
        if cand.label == "BRACKET":
            if not mentions or mentions[-1].end > span.start_char or \
                    state.clean.text[mentions[-1].end:span.start_char].strip() != "(":
                continue  # brackets that do not follow a name
            votes, reasons = dict(mentions[-1].votes), ["bracketed_alias"]
        if cand.label == "PROPN" and not votes:
            continue  # an untagged proper noun that no rule could type: not kept
        idx = _sentence_index(starts, span.start_char)
        if _heading(state, idx) and (max(votes.values(), default=0) <= 1.0
                                     or not _named_elsewhere(state, span.text, reasons)):
            continue  # "Arrival in Mali": a heading's capitals say nothing of a name
        m = Mention(start=span.start_char, end=span.end_char, text=span.text,
                    type=decide(votes) or "organization", sentence=idx,
                    label=cand.label, evidence=tuple(reasons), votes=votes,
                    titles=tuple(cand.titles), section=state.clean.kind_at(span.start_char),
                    kind=context_kind(doc, cand))
        entry = lex.lookup(span.text)
        if entry is None and any(r.startswith("lexicon_near") for r in reasons):
            entry = lex.lookup_near(span.text)      # "Ansarullah": "Ansarallah" respelled
        if entry is not None:
            m.name = entry.name  # lexicon forms of one entry group together
        country = metonymy.state_of(span, lex)
        if country:
            m.role, m.refers_to, m.type = "metonym", country, "country"
            m.name = country
            m.key = f"country:{corefer.normalize_form(country)}"
        mentions.append(m)
    _elliptic_states(mentions, lex)
    _town_spellings(mentions, lex)
    state.mentions = mentions


def _elliptic_states(mentions: list[Mention], lex) -> None:
    """"the Islamic Republic" in a text that names Iran (and no other Islamic Republic) is
    Iran: the head of a state's official name used alone."""
    states = {m.name or m.text for m in mentions if m.type == "country" and m.role == "name"}
    for m in mentions:
        if m.type == "country" or lex.lookup(m.text) is not None:
            continue
        country = lex.elliptic_state(m.text, states)
        if country is not None:
            m.type, m.name = "country", country
            m.votes = {"country": max(m.votes.values(), default=0) + 20.0}
            m.evidence = m.evidence + ("elliptic_state_name",)


def _town_spellings(mentions: list[Mention], lex: Lexicon) -> None:
    """A name only weakly guessed a person or group ("Police in Dahuk said") that GeoNames
    gives as a spelling of a town the same text names as a place ("Duhok") is that town."""
    towns: dict[int, str] = {}
    for m in mentions:
        if m.type == "place" and (town := known_place(m.name or m.text)) is not None:
            towns.setdefault(town.geonameid, m.name or m.text)
    for m in mentions:
        if m.type == "place" or m.role != "name" or max(m.votes.values(), default=0) > 2.0 \
                or lex.lookup(m.text) is not None or len(m.text.split()) > 1 \
                or any(r.endswith(":person") and not r.startswith("spacy_label")
                       for r in m.evidence):
            continue  # a known name, a longer name, or a person by more than the model's guess
        town = known_place(m.text)
        if town is not None and town.geonameid in towns:
            m.type, m.name = "place", towns[town.geonameid]
            m.votes = {**m.votes, "place": max(m.votes.values(), default=0) + 3.0}
            m.evidence = m.evidence + ("town_spelling",)


def link(state: State) -> None:
    corefer.link_mentions(state.mentions, state.clean.text)
    name_state_organs(state.mentions, state.clean.text, state.lex)


def _reader(state: State) -> Context:
    """A `Context` of the document for one stage: the index of its tokens, names and
    salience is built once and shared (four stages built it each), the references the
    stage resolves are its own (`Document.fresh`), as when each built its own."""
    if state.reader is None:
        state.reader = Context(state.parsed, state.sentences, state.mentions)
    return state.reader.fresh()


def relate(state: State) -> None:
    ctx = _reader(state) if state.sentences and state.mentions else None
    found = relations.find_relations(state.parsed, state.sentences, state.mentions, ctx)
    state.relations = [r for r in found if not r.rule.endswith(":hypothetical")]


def detect_events(state: State) -> None:
    ctx = _reader(state) if state.sentences else None
    found = events.find_events(state.parsed, state.sentences, state.mentions, ctx)
    state.events = [e for e in found if not e.rule.endswith(":hypothetical")]


def count(state: State) -> None:
    state.quantities = quantities.find_quantities(state.parsed, state.sentences, state.mentions)


def date(state: State) -> None:
    """Resolve every date expression, then give each event the date that governs it; an
    event its sentence leaves undated takes the date its paragraph opens with (a digest's
    entry), else the month of one told just before it; a
    relative date with no date near ("ten days after the attack") counts from the act; an
    act told twice the same day (a headline and its lead) is one event."""
    state.dates = dates.resolve_dates(state.parsed, state.sentences, state.clean.doc.meta.published)
    dated: dict[int, list[DateValue]] = {}
    for e in sorted(state.events, key=lambda e: (e.sentence, e.trigger_start)):
        trigger = state.parsed.char_span(e.trigger_start, e.trigger_end, alignment_mode="expand")
        e.date = dates.date_for(e.sentence, e.trigger_start, e.trigger_end, state.dates,
                                state.sentences, trigger=trigger.root if trigger else None) \
            or dates.entry_date(e.sentence, state.sentences, state.clean.text, state.dates) \
            or dates.carried(e.sentence, state.sentences, state.clean.text, state.dates, dated)
        if e.date is not None:
            dated.setdefault(e.sentence, []).append(e.date)
    when.date_from_events(state.parsed, state.events,
                          [(s.start, s.end) for s in state.sentences])
    state.events = when.merge_retold(state.events)


def found(state: State) -> None:
    """When each organisation was founded, where a sentence dates it."""
    ctx = _reader(state) if state.sentences else None
    state.foundings = foundings.find_foundings(state.parsed, state.sentences, state.mentions,
                                               state.dates, ctx)


def attribute(state: State) -> None:
    """Who says each fact, and how (asserted, reported, claimed, denied, hedged)."""
    ref = Referents(state.parsed, state.mentions)
    spans = {s.index: (s.start, s.end) for s in state.sentences}
    for e in state.events:
        trigger = state.parsed.char_span(e.trigger_start, e.trigger_end, alignment_mode="expand")
        e.attribution = attribution.attribute(state.parsed, trigger or spans[e.sentence],
                                              state.mentions, referents=ref)
    keyed = {m.key: m for m in state.mentions}
    for r in state.relations:
        ends = [keyed[k] for k in (r.subject, r.object) if k in keyed
                and keyed[k].sentence == r.sentence]
        span = (min(m.start for m in ends), max(m.end for m in ends)) if ends \
            else spans[r.sentence]
        r.attribution = attribution.attribute(state.parsed, span, state.mentions, referents=ref)
    for f in state.foundings:
        f.attribution = attribution.attribute(state.parsed, (f.trigger_start, f.trigger_end),
                                              state.mentions, referents=ref)


def act(state: State) -> None:
    """Where each group acts, from the attacks and deployments it carried out."""
    have = {(r.subject, r.predicate, r.object) for r in state.relations}
    state.relations += [r for r in active.active_in(state.events)
                        if (r.subject, r.predicate, r.object) not in have]


def dispute(state: State) -> None:
    """Accounts the document itself sets against each other, with who gives each."""
    ctx = _reader(state) if state.sentences else None
    state.disputes = disputes.find_disputes(state.parsed, state.sentences, state.mentions,
                                            ctx, told={e.sentence for e in state.events})


def condition(state: State) -> None:
    """How badly each person a sentence says was hurt was hurt, with who says so."""
    state.conditions = conditions.find_conditions(state.parsed, state.sentences, state.mentions)


def implied(state: State) -> None:
    """States that facts name only by a demonym ("an Iranian-backed proxy") get a
    mention of their own, so that they resolve to the country; not a name of it."""
    known = {m.key for m in state.mentions}
    sentences = {s.index: s for s in state.sentences}
    keys: dict[str, int] = {}
    for r in state.relations:
        keys.setdefault(r.subject, r.sentence)
        keys.setdefault(r.object, r.sentence)
    for e in state.events:
        for k in (*e.actors, *e.targets, e.location):
            if k:
                keys.setdefault(k, e.sentence)
    for q in state.quantities:
        if q.subject:
            keys.setdefault(q.subject, q.sentence)
    for key, idx in sorted(keys.items()):
        if key in known or not key.startswith(("country:", "channel:")):
            continue
        start = sentences[idx].start
        if key.startswith("channel:"):   # a channel named in quotes: its key carries its name
            state.mentions.append(Mention(start=start, end=start, text="", type="channel",
                                          sentence=idx, label="implied", key=key,
                                          name=key.split(":", 1)[1], role="implied",
                                          section=sentences[idx].kind))
            known.add(key)
            continue
        entry = state.lex.lookup(key.split(":", 1)[1])
        if entry is None or entry.type != "country":
            continue
        state.mentions.append(Mention(start=start, end=start, text="", type="country",
                                      sentence=idx, label="implied", key=key, name=entry.name,
                                      role="implied", section=sentences[idx].kind))
        known.add(key)


STAGES: tuple[Stage, ...] = (
    Stage("parse", parse, reads=("clean",), writes=("doc",)),
    Stage("split", split, reads=("doc", "clean"), writes=("sentences",)),
    Stage("recognise", find_names, reads=("doc",), writes=("candidates",)),
    Stage("type", type_names, reads=("doc", "candidates", "sentences"), writes=("mentions",)),
    Stage("corefer", link, reads=("mentions", "clean"), writes=("mentions",)),
    Stage("relate", relate, reads=("doc", "sentences", "mentions"), writes=("relations",)),
    Stage("events", detect_events, reads=("doc", "sentences", "mentions"), writes=("events",)),
    Stage("count", count, reads=("doc", "sentences", "mentions"), writes=("quantities",)),
    Stage("date", date, reads=("doc", "sentences", "events", "clean"),
          writes=("dates", "events")),
    Stage("found", found, reads=("doc", "sentences", "mentions", "dates"), writes=("foundings",)),
    Stage("attribute", attribute, reads=("doc", "sentences", "mentions", "events", "relations",
                                         "foundings"),
          writes=("events", "relations", "foundings")),
    Stage("act", act, reads=("events", "relations"), writes=("relations",)),
    Stage("dispute", dispute, reads=("doc", "sentences", "mentions", "events"),
          writes=("disputes",)),
    Stage("condition", condition, reads=("doc", "sentences", "mentions"),
          writes=("conditions",)),
    Stage("implied", implied, reads=("relations", "events", "quantities", "mentions"),
          writes=("mentions",)),
)


def check_order(stages: tuple[Stage, ...] = STAGES) -> None:
    """Raise if a stage reads something no earlier stage wrote."""
    available = {"clean", "nlp", "lex"}
    for stage in stages:
        missing = set(stage.reads) - available
        if missing:
            raise ValueError(f"stage {stage.name} reads {sorted(missing)} before it is written")
        available |= set(stage.writes)


def extract(clean: CleanDocument, nlp: Language | None = None,
            lex: Lexicon | None = None, doc: Doc | None = None) -> Extraction:
    """Run every stage on one document and return what it found.

    `doc` may be given when the caller parsed many documents at once with
    `nlp.pipe(clean.masked_text() for ...)`; the result is the same.
    """
    nlp, lex = nlp or load_nlp(), lex or load_lexicon()
    failed: dict[str, str] = {}       # stage -> why it raised; such stages are skipped
    # The stages make many small short-lived objects, few of them cyclic; a full walk of
    # the process's objects (the model's, the lexicon's) that their count set off cost a
    # tenth of the stages' time. Collection resumes once the document is read.
    enabled = gc.isenabled()
    gc.disable()
    try:
        while True:
            state = State(clean=clean, nlp=nlp, lex=lex, doc=doc)
            failure = _run_stages(state, failed)
            if failure is None:
                break
            failed.update([failure])
    finally:
        if enabled:
            gc.enable()
    mentions = [m for m in state.mentions if m.key]
    return Extraction(sentences=state.sentences, mentions=mentions, relations=state.relations,
                      events=state.events, quantities=state.quantities,
                      foundings=state.foundings, disputes=state.disputes,
                      conditions=state.conditions,
                      problems=[f"stage {name}: {why}" for name, why in failed.items()])


def _run_stages(state: State, skip: dict[str, str]) -> tuple[str, str] | None:
    """Run the stages not in `skip`; the first that raises stops the run and is returned
    with its reason. The caller then runs them all again on a fresh state without it, so a
    bug in one stage costs only its own output, and the normal run copies nothing."""
    for stage in STAGES:
        if stage.name in skip:
            continue
        if state.doc is None and "doc" in stage.reads and stage.name != "parse":
            continue        # the parse failed (and is reported): nothing to read
        try:
            stage.func(state)
        except Exception as err:  # noqa: BLE001 - a bug in one stage costs only its output
            return stage.name, f"{type(err).__name__}: {err}"
    return None


def _heading(state: State, index: int) -> bool:
    """A heading or a title: a short line without closing punctuation, or a whole line
    in title case ("After the Ceasefire: Ankara and the Limits of a Truce")."""
    if not 0 <= index < len(state.sentences):
        return False
    sent = state.sentences[index]
    text = state.clean.text[sent.start:sent.end].strip()
    if len(text.split()) <= 8 and not text.endswith(_CLOSING):
        return True
    full = state.clean.text
    line = full[full.rfind("\n", 0, sent.start) + 1:_line_end(full, sent.end)].strip()
    return not line.endswith(_CLOSING[:3]) and _title_case(line)


def _named_elsewhere(state: State, name: str, reasons: list[str]) -> bool:
    """A name in a heading is one when the lexicon knows it or the text writes it again
    outside its heading's line; a headline's capitalised phrase is otherwise not."""
    if any(r.startswith("lexicon") for r in reasons):
        return True
    text = state.clean.text
    first = text.find(name)
    line_end = _line_end(text, first)
    return text.find(name, line_end) >= 0


_CLOSING = (".", "!", "?", ":", "\"", "\u201d", ")", ";")


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _title_case(line: str) -> bool:
    """Most of the line's longer words capitalised, as headline style writes them."""
    long_words = [w for w in line.split() if len(w.strip("\"'’“”:,()")) >= 4]
    capitalised = [w for w in long_words if w.lstrip("\"'“(")[:1].isupper()]
    return len(long_words) >= 4 and len(capitalised) >= 0.75 * len(long_words)


def _sentence_index(starts: list[int], offset: int) -> int:
    import bisect
    return max(0, bisect.bisect_right(starts, offset) - 1)


_VERBS: dict[int, set[str]] = {}


def _verb_forms(nlp: Language) -> set[str]:
    """Base forms of English verbs, from the lemmatizer's tables ("meet", "read", ...)."""
    key = id(nlp)
    if key not in _VERBS:
        verbs: set[str] = set()
        try:
            lemmatizer = nlp.get_pipe("lemmatizer")
            if isinstance(lemmatizer, Lemmatizer):
                table = lemmatizer.lookups.get_table("lemma_index")
                verbs = set(table.get("verb", []))
        except (KeyError, ValueError):
            pass
        _VERBS[key] = verbs
    return _VERBS[key]
