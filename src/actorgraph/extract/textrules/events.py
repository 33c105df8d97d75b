"""Events by verb class: a word of the grammar's `events` class (PLOVER type -> words)
is a trigger; the actors are the persons, organisations and states named before it in its
sentence, the targets those after it, the place the last place named in the sentence. One
event per type and sentence."""
from __future__ import annotations

from actorgraph.extract.textrules import words
from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.text import Token
from actorgraph.model import EventFact, Mention

PARTIES = ("person", "organization", "country")


def find_events(text: str, tokens: list[Token], mentions: list[Mention], grammar: Grammar
                ) -> list[EventFact]:
    table = words.phrases(grammar, grammar.words.get("events") or {})
    out: list[EventFact] = []
    for hit in words.find(tokens, grammar, table, prefix=grammar.prefix):
        first, last = tokens[hit.start], tokens[hit.end - 1]
        near = [m for m in mentions if m.sentence == first.sentence and m.role != "implied"]
        actors = tuple(dict.fromkeys(m.key for m in near if m.type in PARTIES
                                     and m.end <= first.start))
        targets = tuple(dict.fromkeys(m.key for m in near if m.type in PARTIES
                                      and m.start >= last.end and m.key not in actors))
        places = sorted((m for m in near if m.type == "place"),
                        key=lambda m: (m.start < first.start, abs(m.start - first.start)))
        out.append(EventFact(type=hit.label, sentence=first.sentence,
                             trigger=text[first.start:last.end],
                             trigger_start=first.start, trigger_end=last.end,
                             rule=f"trigger:{hit.phrase}", actors=actors, targets=targets,
                             location=places[0].key if places else None,
                             mode="again" if grammar.anaphoric(tokens, hit.start, hit.phrase) else None))
    return out


def merge_told_again(events: list[EventFact], headlines: frozenset[int] = frozenset()
                     ) -> list[EventFact]:
    """One event told again in the same document: a later event of the same type whose date
    does not differ and whose parties overlap (or that names none) joins the first one; an
    event of a headline is the first one of its type the body tells.
    Events that name no party and no date say nothing that can be kept."""
    body = sorted((e for e in events if e.sentence not in headlines),
                  key=lambda e: (e.sentence, e.trigger_start))
    heads = [e for e in events if e.sentence in headlines]
    for h in heads:
        told = next((e for e in body if e.type == h.type), None)
        if told is None:
            body.append(h)
            continue
        told.actors = tuple(dict.fromkeys(told.actors + h.actors))
        told.targets = tuple(dict.fromkeys(told.targets + tuple(k for k in h.targets
                                                                if k not in told.actors)))
    out: list[EventFact] = []
    for e in sorted(body, key=lambda e: (e.sentence, e.trigger_start)):
        if e.mode == "again":           # "the attack", "این حمله": one told before
            e.mode = None
            earlier = next((o for o in reversed(out) if o.type == e.type and _dates_agree(o, e)),
                           None)
            if earlier is not None:
                _join(earlier, e)
                continue
        parties = set(e.actors) | set(e.targets) | ({e.location} if e.location else set())
        if not parties and e.date is None:
            continue
        same = next((o for o in out if o.type == e.type and _dates_agree(o, e) and
                     (not parties or parties & (set(o.actors) | set(o.targets) |
                                                ({o.location} if o.location else set())))),
                    None)
        if same is None:
            out.append(e)
            continue
        _join(same, e)
    return out


def _join(same: EventFact, e: EventFact) -> None:
    same.actors = tuple(dict.fromkeys(same.actors + tuple(k for k in e.actors
                                                          if k not in same.targets)))
    same.targets = tuple(dict.fromkeys(same.targets + tuple(k for k in e.targets
                                                            if k not in same.actors)))
    same.location = same.location or e.location
    same.date = same.date or e.date


def _dates_agree(a: EventFact, b: EventFact) -> bool:
    if a.date is None or b.date is None or not a.date.value or not b.date.value:
        return True
    return a.date.value.startswith(b.date.value) or b.date.value.startswith(a.date.value)
