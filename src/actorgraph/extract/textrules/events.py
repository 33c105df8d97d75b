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
    seen: set[tuple[int, str]] = set()
    for hit in words.find(tokens, grammar, table, prefix=grammar.prefix):
        first, last = tokens[hit.start], tokens[hit.end - 1]
        key = (first.sentence, hit.label)
        if key in seen:
            continue
        seen.add(key)
        near = [m for m in mentions if m.sentence == first.sentence and m.role != "implied"]
        actors = tuple(dict.fromkeys(m.key for m in near if m.type in PARTIES
                                     and m.end <= first.start))
        targets = tuple(dict.fromkeys(m.key for m in near if m.type in PARTIES
                                      and m.start >= last.end and m.key not in actors))
        places = [m.key for m in near if m.type == "place"]
        out.append(EventFact(type=hit.label, sentence=first.sentence,
                             trigger=text[first.start:last.end],
                             trigger_start=first.start, trigger_end=last.end,
                             rule=f"trigger:{hit.phrase}", actors=actors, targets=targets,
                             location=places[-1] if places else None))
    return out
