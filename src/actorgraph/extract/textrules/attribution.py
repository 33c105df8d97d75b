"""Who says a fact: the reporting phrases of the sentence (grammar class `attribution`:
modality -> phrases; "anonymous" for unnamed sources and impersonal reporting) and the
person or organisation nearest to the phrase."""
from __future__ import annotations

import bisect

from actorgraph.extract.textrules import words
from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.text import Token
from actorgraph.model import Attribution, Mention

SPEAKERS = ("person", "organization", "country")


class Attributor:
    def __init__(self, tokens: list[Token], mentions: list[Mention], grammar: Grammar) -> None:
        table = words.phrases(grammar, grammar.words.get("attribution") or {})
        self.hits = words.find(tokens, grammar, table, prefix=grammar.prefix)
        self.tokens, self.mentions = tokens, mentions
        self.starts = [t.start for t in tokens]

    def _close(self, a: int, b: int) -> bool:
        """At most two words and no punctuation between offsets a and b."""
        lo = bisect.bisect_left(self.starts, a)
        between = [t for t in self.tokens[lo:lo + 4] if t.end <= b]
        return a <= b and len(between) <= 2 and b - a - sum(t.end - t.start for t in between) \
            <= len(between) + 1

    def of(self, sentence: int, at: int, exclude: tuple[str, ...] = ()) -> Attribution:
        hits = [h for h in self.hits if self.tokens[h.start].sentence == sentence]
        if not hits:
            return Attribution()
        hit = min(hits, key=lambda h: abs(self.tokens[h.start].start - at))
        cue_at = self.tokens[hit.start].start
        cue = " ".join(t.text for t in self.tokens[hit.start:hit.end])
        if hit.label == "anonymous":
            return Attribution("anonymous", "reported", cue)
        cue_end = self.tokens[hit.end - 1].end
        beside = [m for m in self.mentions if m.sentence == sentence and m.type in SPEAKERS
                  and m.role != "implied"
                  and (self._close(cue_end, m.start) or self._close(m.end, cue_at))]
        near = beside or [m for m in self.mentions if m.sentence == sentence
                          and m.type in SPEAKERS and m.key not in exclude]
        if not near:
            return Attribution(None, hit.label, cue)
        speaker = min(near, key=lambda m: (m.type != "person", abs(m.start - cue_at)))
        return Attribution(speaker.key, hit.label, cue)
