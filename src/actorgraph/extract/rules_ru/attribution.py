"""Who says each fact, and how: "по данным X", "по словам X", "по версии X" (reported, X);
a verb of speech whose clause holds the fact or that is set beside it ("..., сообщило
МВД", "X заявил, что ...", "сообщили в МИД") (reported, its subject or the body it is
said in); hedges ("предположительно", "как утверждается": hedged or alleged); a denial
("отрицает", "отверг") that governs the fact (denied)."""
from __future__ import annotations

from actorgraph.extract.rules_ru.nlp import Parsed, Tok
from actorgraph.extract.rules_ru.refer import Refs
from actorgraph.extract.rules_ru.ruledata import words
from actorgraph.model import (
    Attribution,
    EventFact,
    Mention,
    QuantityFact,
    RelationFact,
    Sentence,
)

SPEECH = words("speech_verbs")
CUES = words("reported_cues")
DENIALS = words("denials")


def attribute_all(parsed: Parsed, sentences: list[Sentence], mentions: list[Mention],
                  events: list[EventFact], relations: list[RelationFact],
                  quantities: list[QuantityFact], refs: Refs | None = None) -> None:
    refs = refs or Refs(parsed, mentions)
    keyed = {m.key: m for m in mentions}
    for e in events:
        e.attribution = attribute(parsed, refs, e.trigger_start, exclude=set(e.actors)
                                  if _is_speech(parsed, e.trigger_start) else set())
    for q in quantities:
        q.attribution = attribute(parsed, refs, q.start)
    for r in relations:
        m = keyed.get(r.subject)
        at = m.start if m is not None and m.sentence == r.sentence else sentences[r.sentence].start
        r.attribution = attribute(parsed, refs, at)


def _is_speech(parsed: Parsed, offset: int) -> bool:
    t = parsed.at(offset)
    return t is not None and t.lemma in SPEECH


def attribute(parsed: Parsed, refs: Refs, offset: int, exclude: set[str] | None = None
              ) -> Attribution:
    t = parsed.at(offset)
    if t is None:
        return Attribution()
    sent = parsed.sentence(t)
    cue = _cue_phrase(parsed, refs, sent)
    if cue is not None:
        return cue
    modality = "asserted"
    hedge = next((x for x in sent if x.lemma in words("hedges")), None)
    if hedge is not None:
        modality = "alleged" if hedge.lemma in words("alleged") else "hedged"
    speaker = _speaker(parsed, refs, t, exclude or set())
    if speaker is not None:
        who, verb = speaker
        if verb.lemma in DENIALS:
            return Attribution(who, "denied", verb.text)
        return Attribution(who, "reported" if modality == "asserted" else modality, verb.text)
    if hedge is not None:
        return Attribution(None, modality, hedge.text)
    return Attribution()


def _cue_phrase(parsed: Parsed, refs: Refs, sent: list[Tok]) -> Attribution | None:
    """'по данным X', 'по словам X', 'по версии следствия', 'согласно X'."""
    for x in sent:
        if x.lemma == "по" and x.head >= 0 and parsed.toks[x.head].lemma in CUES \
                or x.lemma == "согласно":
            noun = parsed.toks[x.head] if x.lemma == "по" else None
            if noun is None:
                noun = next((parsed.toks[j] for j in range(x.i + 1, min(x.i + 4, len(parsed.toks)))
                             if parsed.toks[j].pos in ("NOUN", "PROPN")), None)
            if noun is None:
                continue
            who = refs.mention(noun) or next(iter(refs.of(noun)), None)
            if who is None:
                return Attribution("anonymous" if noun.lemma not in ("слово",) else None,
                                   "reported", parsed.text[x.start:noun.end])
            return Attribution(who.key, "reported", parsed.text[x.start:noun.end])
    return None


def _speaker(parsed: Parsed, refs: Refs, t: Tok, exclude: set[str]
             ) -> tuple[str, Tok] | None:
    """The subject of a verb of speech that governs `t`, or is set beside its clause."""
    seen: set[int] = set()
    u: Tok | None = t
    prev: Tok | None = None
    while u is not None and u.i not in seen:
        seen.add(u.i)
        said = prev is None or not prev.rel.startswith("nsubj")   # the speaker is no claim
        if u.lemma in SPEECH and u.i != t.i and said:
            who = _said_by(parsed, refs, u, exclude)
            if who:
                return who, u
        for j in parsed.kids[u.i]:
            kid = parsed.toks[j]
            if kid.rel == "parataxis" and kid.lemma in SPEECH:
                who = _said_by(parsed, refs, kid, exclude)
                if who:
                    return who, kid
        prev, u = u, (parsed.toks[u.head] if u.head >= 0 else None)
    for other in parsed.sentence(t):     # "..., сообщило МВД" parsed as a second root
        if other.head < 0 and other.lemma in SPEECH \
                and other.i not in seen and parsed.toks[other.i - 1].text == ",":
            who = _said_by(parsed, refs, other, exclude)
            if who:
                return who, other
    return None


def _said_by(parsed: Parsed, refs: Refs, verb: Tok, exclude: set[str]) -> str | None:
    for m in refs.subject(verb):
        if m.key not in exclude:
            return m.key
    for j in parsed.kids[verb.i]:
        kid = parsed.toks[j]
        if kid.rel == "obl" and refs.case_of(kid) in ("в", "во"):
            for m in refs.of(kid, genitive=False):
                if m.type == "organization":
                    return m.key
    return None
