"""The stages of one document, in order:

    split -> words -> names -> mentions -> dates -> relations -> events -> quantities
          -> attribution

Each stage is a pure function of the text, its metadata and what earlier stages found; a
stage that raises costs only its own output (and later stages that need it), and the
reason is kept in `Extraction.problems`.
"""
from __future__ import annotations

from actorgraph.extract.organs import name_state_organs
from actorgraph.extract.textrules import dates as dating
from actorgraph.extract.textrules.attribution import Attributor
from actorgraph.extract.textrules.events import find_events, merge_told_again
from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.mentions import build_mentions
from actorgraph.extract.textrules.numbers import find_quantities
from actorgraph.extract.textrules.relations import find_relations
from actorgraph.extract.textrules.text import split_sentences, tokenize
from actorgraph.knowledge.lexicon import Lexicon
from actorgraph.model import CleanDocument, DateValue, Extraction, RelationFact


def extract_one(clean: CleanDocument, grammar: Grammar, lex: Lexicon) -> Extraction:
    """Everything the rules find in one document."""
    out = Extraction()
    text = clean.text
    try:
        out.sentences = split_sentences(clean)
        tokens = tokenize(clean.masked_text(), out.sentences)
    except Exception as err:  # noqa: BLE001 - the document is reported, the batch goes on
        out.failed = True
        out.problems.append(f"stage split: {type(err).__name__}: {err}")
        return out
    try:
        cands = grammar.find_names(text, tokens, lex)
        out.mentions = build_mentions(clean, tokens, cands, grammar)
        name_state_organs(out.mentions, text, lex, home=grammar.home_state)
    except Exception as err:  # noqa: BLE001 - a bug in one stage costs only its output
        out.problems.append(f"stage names: {type(err).__name__}: {err}")
    found: list[DateValue] = []
    stages = [
        ("dates", lambda: found.extend(dating.find_dates(text, tokens, grammar,
                                                          clean.doc.meta.published))),
        ("relations", lambda: _relations(out, text, tokens, grammar, lex)),
        ("events", lambda: out.events.extend(find_events(text, tokens, out.mentions,
                                                         grammar))),
        ("quantities", lambda: out.quantities.extend(find_quantities(
            text, tokens, out.sentences, out.mentions, found, grammar))),
        ("attribution", lambda: _attribute(out, text, tokens, grammar, found)),
    ]
    for name, run in stages:
        try:
            run()
        except Exception as err:  # noqa: BLE001 - a bug in one stage costs only its output
            out.problems.append(f"stage {name}: {type(err).__name__}: {err}")
    return out


def _relations(out: Extraction, text: str, tokens, grammar: Grammar, lex: Lexicon) -> None:
    relations, added = find_relations(tokens, out.mentions, grammar, lex, text)
    out.relations.extend(relations)
    known = {m.key for m in out.mentions}
    for m in added:
        if m.key not in known:
            out.mentions.append(m)
            known.add(m.key)


def _attribute(out: Extraction, text: str, tokens, grammar: Grammar,
               found: list[DateValue]) -> None:
    """Dates and speakers of events, quantities and relations."""
    who = Attributor(tokens, out.mentions, grammar)
    spans = {s.index: (s.start, s.end) for s in out.sentences}
    for e in out.events:
        e.date = dating.date_for(e.trigger_start, e.trigger_end, spans[e.sentence], found,
                                 grammar.date_after) \
            or dating.carried(text, spans[e.sentence][0], found)
    _active_in(out, grammar)
    out.events = merge_told_again(out.events, _headlines(out, text))
    for e in out.events:                # still undated: the last day the text named before
        e.date = e.date or dating.carried(text, e.trigger_start, found, paragraph=False)
    for e in out.events:
        e.attribution = who.of(e.sentence, e.trigger_start, exclude=e.actors + e.targets)
        speaker = e.attribution.attributed_to
        if speaker in e.actors and len(e.actors) > 1:   # who says it, not who did it
            e.actors = tuple(k for k in e.actors if k != speaker)
    for q in out.quantities:
        q.attribution = who.of(q.sentence, q.start, exclude=(q.subject,) if q.subject else ())
    for r in out.relations:
        r.attribution = who.of(r.sentence, spans[r.sentence][0], exclude=(r.subject, r.object))


def _headlines(out: Extraction, text: str) -> frozenset[int]:
    """Sentences that are a title: a line of its own without closing punctuation."""
    found = set()
    for s in out.sentences:
        line = text[s.start:s.end].strip()
        alone = (s.start == 0 or text[s.start - 1] == "\n") and \
            (s.end == len(text) or text[s.end:s.end + 1] == "\n")
        if alone and not line.endswith((".", "!", "?", "\u061f", ":", "\u06d4")):
            found.add(s.index)
    return frozenset(found)


def _active_in(out: Extraction, grammar: Grammar) -> None:
    """An armed group whose sites an attack hit operates where the attack happened: the
    group named after the attack word, the place on the side the language writes where."""
    kinds = {m.key: m for m in out.mentions}
    have = {(r.subject, r.predicate, r.object) for r in out.relations}
    for e in out.events:
        place = kinds.get(e.location or "")
        if e.type != "ASSAULT" or place is None or place.type != "place" \
                or not any(m.key == place.key and m.sentence == e.sentence and
                           (m.start >= e.trigger_end) == grammar.date_after
                           for m in out.mentions):
            continue
        for k in e.targets if e.location else ():
            m = kinds.get(k)
            if m is None or m.kind != "armed_group" or (k, "operates_in", place.key) in have:
                continue
            have.add((k, "operates_in", place.key))
            out.relations.append(RelationFact(k, "operates_in", place.key, e.sentence,
                                              "event:place"))
