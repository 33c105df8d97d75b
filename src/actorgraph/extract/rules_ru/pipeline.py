"""The Russian extraction of one document: parse -> split -> names -> link -> dates ->
quantities -> relations -> events -> attribution. A stage that raises leaves its output
empty; the later stages go on and the reason is kept in `Extraction.problems`."""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from actorgraph.extract.organs import name_state_organs
from actorgraph.extract.rules_ru import attribution, dates, events, quantities, relations
from actorgraph.extract.rules_ru.keys import link
from actorgraph.extract.rules_ru.names import district_of_town, recognise, state_of_adjective
from actorgraph.extract.rules_ru.nlp import Models, Parsed, parse
from actorgraph.extract.rules_ru.refer import Refs
from actorgraph.extract.rules_ru.typing import kind_of, state_of, title_before, votes
from actorgraph.knowledge.kinds import decide
from actorgraph.knowledge.lexicon import Lexicon, normalize_form
from actorgraph.model import (
    CleanDocument,
    DateValue,
    EventFact,
    Extraction,
    Mention,
    QuantityFact,
    RelationFact,
    Sentence,
)


@dataclass
class State:
    clean: CleanDocument
    models: Models
    lex: Lexicon
    parsed: Parsed | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    quantities: list[QuantityFact] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)
    refs: Refs | None = None

    @property
    def doc(self) -> Parsed:
        if self.parsed is None:
            raise RuntimeError("the document is not parsed")
        return self.parsed


def _parse(s: State) -> None:
    s.parsed = parse(s.clean.masked_text(), s.models)


def _split(s: State) -> None:
    """natasha's sentences, never across a line break, each marked body or bio."""
    text = s.clean.text
    out: list[Sentence] = []
    for a, b in s.doc.sents:
        if a == b:
            continue
        start, end = s.doc.toks[a].start, s.doc.toks[b - 1].end
        for piece in text[start:end].split("\n"):
            lo = start + len(piece) - len(piece.lstrip())
            hi = start + len(piece.rstrip())
            if hi > lo and s.clean.kind_at(lo) != "furniture":
                out.append(Sentence(len(out), lo, hi, s.clean.kind_at(lo)))
            start += len(piece) + 1
    s.sentences = out


def sentence_of(sentences: list[Sentence], offset: int) -> int:
    starts = [x.start for x in sentences]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _names(s: State) -> None:
    text, publisher = s.clean.text, s.clean.doc.meta.publisher
    out: list[Mention] = []
    entries: dict[int, str] = {}
    for c in recognise(s.doc, s.lex, s.models.vocab):
        v, why, entry = votes(s.doc, c, s.lex, s.models.vocab, publisher)
        m = Mention(start=c.start, end=c.end, text=text[c.start:c.end], type=decide(v) or "place",
                    sentence=sentence_of(s.sentences, c.start), label=c.label, name=c.name,
                    evidence=tuple(why), votes=v, section=s.clean.kind_at(c.start),
                    kind=kind_of(s.doc, c, entry, "publisher" in why))
        title = title_before(s.doc, c)
        if title is not None and m.type == "person":
            m.titles = (title.lemma,)
        country = state_of(s.doc, c, s.lex)
        if country:
            m.role, m.refers_to, m.type, m.name = "metonym", country, "country", country
            m.key = f"country:{normalize_form(country)}"
        elif entry is not None and entry.type in ("country", "place") \
                and decide(v) == entry.type:
            entries[len(out)] = entry.name
            if s.lex.lookup(m.name) is None:   # 'Азербайджанская Республика': the state
                m.name = entry.name
        elif m.type == "place" and (town := district_of_town(s.doc, c)) is not None:
            m.name = town     # 'Салянского района': the district of Salyan
        out.append(m)
    link(out, text, entries)
    s.mentions = [m for m in out if m.key]
    name_state_organs(s.mentions, text, s.lex,
                      state_of=lambda word: state_of_adjective(word, s.lex))
    s.refs = Refs(s.doc, s.mentions, s.lex, s.sentences)


def _dates(s: State) -> None:
    s.dates = dates.find_dates(s.doc, s.sentences, s.clean.doc.meta.published)


def _quantities(s: State) -> None:
    s.quantities = quantities.find_quantities(s.doc, s.sentences, s.mentions, s.refs)


def _relations(s: State) -> None:
    s.relations = relations.find_relations(s.doc, s.sentences, s.mentions, s.refs)


def _events(s: State) -> None:
    s.events = events.find_events(s.doc, s.sentences, s.mentions, s.dates, s.refs)


def _attribute(s: State) -> None:
    attribution.attribute_all(s.doc, s.sentences, s.mentions, s.events, s.relations,
                              s.quantities, s.refs)
    s.events = events.settle(s.events, s.mentions)


def _implied(s: State) -> None:
    """States the facts name only by an adjective ('иранское посольство') get a mention of
    role "implied", so that they resolve to the country."""
    if s.refs is not None:
        s.mentions = s.mentions + list(s.refs.implied.values())


STAGES: tuple[tuple[str, Callable[[State], None]], ...] = (
    ("parse", _parse), ("split", _split), ("names", _names), ("dates", _dates),
    ("quantities", _quantities), ("relations", _relations), ("events", _events),
    ("attribute", _attribute), ("implied", _implied),
)


def run(clean: CleanDocument, models: Models, lex: Lexicon) -> tuple[State, list[str]]:
    """Every stage on one document: the final state and what went wrong."""
    state = State(clean=clean, models=models, lex=lex)
    problems: list[str] = []
    for name, func in STAGES:
        if state.parsed is None and name != "parse":
            break
        try:
            func(state)
        except Exception as err:  # noqa: BLE001 - a bug in one stage costs only its output
            problems.append(f"stage {name}: {type(err).__name__}: {err}")
    return state, problems


def extract(clean: CleanDocument, models: Models, lex: Lexicon) -> Extraction:
    state, problems = run(clean, models, lex)
    if not state.sentences and state.clean.text.strip():
        return Extraction(problems=problems or ["no sentences"], failed=True)
    return Extraction(sentences=state.sentences, mentions=state.mentions,
                      relations=state.relations, events=state.events,
                      quantities=state.quantities, problems=problems)
