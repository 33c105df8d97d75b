"""Events by PLOVER class from Russian verbs, nouns and verb+object phrases
(`data/events.yaml`), with actors and targets from the parse and the date of their
sentence. An active verb's subject acts and its object undergoes; a passive one's subject
undergoes and its instrumental acts ("задержан полицией"); a target may be governed by
"на", "против", "по" ("напал на X"). A noun's target is its genitive or "на"-phrase; its
actor the subject of a verb of doing ("совершил нападение") or of the clause it is object
of. A negated trigger ("не задержан") tells no event."""
from __future__ import annotations

from actorgraph.extract.rules_ru.dates import date_for
from actorgraph.extract.rules_ru.nlp import Parsed, Tok
from actorgraph.extract.rules_ru.refer import Refs
from actorgraph.extract.rules_ru.ruledata import load_data
from actorgraph.model import DateValue, EventFact, Mention, Sentence

_E = load_data("events.yaml")
VERBS: dict[str, list] = _E["verbs"]
NOUNS: dict[str, list] = _E["nouns"]
PHRASES: dict[tuple[str, str], list] = {tuple(k.split()): v for k, v in _E["phrases"].items()}
DOING = set(_E["doing_verbs"])
TARGET_PREPS = set(_E["target_preps"])
BEFORE_PREPS = set(_E["before_preps"])
PARTNER_PREPS = set(_E["partner_preps"])
MUTUAL = set(_E["mutual_types"])
OCCURRING = set(_E["occurring_verbs"])
OBJECTS = {"obj", "iobj"}


def _negated(parsed: Parsed, t: Tok) -> bool:
    return any(parsed.toks[j].lemma == "не" for j in parsed.kids[t.i])


def _passive(t: Tok) -> bool:
    return t.feats.get("Voice") == "Pass"


def _phrase(parsed: Parsed, t: Tok) -> tuple[list, Tok] | None:
    """A verb and a noun that together name an event: the noun its object (or an object's
    word), or written right after it ('огласил приговор')."""
    for j in range(t.i + 1, min(t.i + 3, len(parsed.toks))):
        near = parsed.toks[j]
        if near.sent == t.sent and (t.lemma, near.lemma) in PHRASES:
            return PHRASES[(t.lemma, near.lemma)], near
    for j in parsed.kids[t.i]:
        kid = parsed.toks[j]
        hit = PHRASES.get((t.lemma, kid.lemma))
        if hit is None:
            for g in parsed.kids[j]:
                hit = hit or PHRASES.get((t.lemma, parsed.toks[g].lemma))
        if hit is not None:
            return hit, kid
    return None


def find_events(parsed: Parsed, sentences: list[Sentence], mentions: list[Mention],
                dates: list[DateValue], refs: Refs | None = None) -> list[EventFact]:
    from actorgraph.extract.rules_ru.pipeline import sentence_of

    refs = refs or Refs(parsed, mentions)
    out: list[EventFact] = []
    in_phrase: set[int] = set()
    for t in parsed.toks:
        phrase = _phrase(parsed, t) if t.pos in ("VERB", "AUX") else None
        if t.i in in_phrase:
            continue                    # "приговор" of "огласил приговор": told already
        if phrase is not None:
            (etype, mode), obj = phrase
            in_phrase.add(obj.i)
            actors, targets = _verb_args(parsed, refs, t, etype, mode)
            targets += [m.key for j in parsed.kids[obj.i] if parsed.toks[j].rel == "nmod"
                        and refs.case_of(parsed.toks[j]) in TARGET_PREPS
                        for m in refs.of(parsed.toks[j]) if m.key not in targets]
            rule = "phrase"
        elif t.pos == "VERB" and t.lemma in VERBS:
            etype, mode = VERBS[t.lemma]
            actors, targets = _verb_args(parsed, refs, t, etype, mode)
            rule = "verb"
        elif t.pos == "NOUN" and t.lemma in NOUNS:
            etype, mode = NOUNS[t.lemma]
            actors, targets = _noun_args(parsed, refs, t, etype)
            rule = "noun"
        else:
            continue
        if _negated(parsed, t):
            continue
        targets = [k for k in targets if k not in actors]
        location = _location(parsed, refs, t)
        if location is None and rule == "noun" and t.rel == "nsubj" and t.head >= 0 \
                and parsed.toks[t.head].lemma in OCCURRING:
            location = _location(parsed, refs, parsed.toks[t.head])   # "теракт произошёл в X"
        sent = sentence_of(sentences, t.start)
        earlier = rule == "noun" and refs.case_of(t) in BEFORE_PREPS
        out.append(EventFact(type=etype, sentence=sent, trigger=t.text, trigger_start=t.start,
                             trigger_end=t.end, rule=f"ru:{rule}:{t.lemma}", mode=mode,
                             actors=tuple(actors), targets=tuple(targets), location=location,
                             date=None if earlier else
                             date_for(sent, t.start, dates, sentences, parsed.text)))
    return out


def settle(events: list[EventFact], mentions: list[Mention]) -> list[EventFact]:
    """After attribution: a coercive act told without its agent by an authority ('задержаны
    четверо, сообщило МВД') was done by that authority; an event with no participant at all
    is not kept."""
    kinds = {m.key: (m.type, m.kind) for m in mentions}
    out = []
    for e in events:
        speaker = e.attribution.attributed_to
        if not e.actors and e.type in ("COERCE", "SANCTION") and speaker \
                and kinds.get(speaker) == ("organization", "government"):
            e.actors = (speaker,)
            e.targets = tuple(k for k in e.targets if k != speaker)
        if e.actors or e.targets or e.location:
            out.append(e)
    return _unique(out)


def _keys(ms: list[Mention]) -> list[str]:
    return list(dict.fromkeys(m.key for m in ms))


def _verb_args(parsed: Parsed, refs: Refs, t: Tok, etype: str, mode: str | None
               ) -> tuple[list[str], list[str]]:
    actors: list[Mention] = []
    targets: list[Mention] = []
    passive = _passive(t)
    for j in parsed.kids[t.i]:
        kid = parsed.toks[j]
        prep = refs.case_of(kid)
        if kid.rel == "nsubj":
            actors += refs.of(kid)
        elif kid.rel == "nsubj:pass":
            targets += refs.of(kid)
        elif kid.rel in OBJECTS and not passive:
            targets += refs.of(kid)
        elif kid.rel == "obl:agent" or kid.rel == "obl" and passive and not prep \
                and kid.case == "Ins":
            actors += refs.of(kid)
        elif kid.rel == "obl" and (prep in TARGET_PREPS or prep in PARTNER_PREPS
                                   and kid.case == "Ins" and etype in MUTUAL):
            targets += refs.of(kid)         # "встретился с X"
        elif kid.rel == "obl" and prep in ("в", "во") and etype == "ASSAULT":
            targets += [m for m in refs.of(kid) if m.type == "person"]   # "выстрелил в него"
        elif kid.rel == "obl" and prep in ("в", "во") and mode == "summon":
            actors += [m for m in refs.of(kid, genitive=False) if m.type == "organization"]
    head = parsed.toks[t.head] if t.head >= 0 else None
    if head is not None and t.rel == "acl" and t.feats.get("VerbForm") == "Part":
        (targets if passive else actors).extend(refs.of(head))   # "задержанные граждане"
    elif head is not None and not actors and t.rel in ("acl", "xcomp", "nmod") \
            and head.pos == "NOUN":      # "решение X выслать ..."
        actors += [m for j in parsed.kids[head.i] if parsed.toks[j].rel == "nmod"
                   and parsed.toks[j].case == "Gen" for m in refs.of(parsed.toks[j])]
    if head is not None and not actors and t.rel in ("xcomp", "conj"):
        actors = refs.subject(head)     # "решил выслать", "осудил и потребовал"
    if head is not None and not actors and t.rel == "acl:relcl":
        actors = [m for m in refs.of(head, conj=False) if m.type in ("organization", "country")]
    if etype in ("ACCUSE", "PROTEST", "REJECT") and not targets:
        for j in parsed.kids[t.i]:
            if parsed.toks[j].rel in OBJECTS:
                targets += refs.of(parsed.toks[j])
    return _keys(actors), _keys(targets)


def _noun_args(parsed: Parsed, refs: Refs, t: Tok, etype: str) -> tuple[list[str], list[str]]:
    actors: list[Mention] = []
    targets: list[Mention] = []
    for j in parsed.kids[t.i]:
        kid = parsed.toks[j]
        prep = refs.case_of(kid)
        if kid.rel != "nmod":
            continue
        if prep in TARGET_PREPS or prep in PARTNER_PREPS and kid.case == "Ins" \
                and etype in MUTUAL:
            targets += refs.of(kid)         # "переговоры с послом X"
        elif prep == "со" or prep == "с" and kid.case == "Gen":
            actors += refs.of(kid)          # "со стороны X"
        elif not prep and kid.case == "Gen":
            targets += refs.of(kid)
    if t.head >= 0 and t.rel in ("obj", "nsubj:pass") and parsed.toks[t.head].lemma in DOING:
        actors += refs.subject(parsed.toks[t.head])
    return _keys(actors), _keys(targets)


def _location(parsed: Parsed, refs: Refs, t: Tok) -> str | None:
    """A place or state governed by 'в' in the trigger's phrases ('у дома в Баку')."""
    near = [parsed.toks[j] for j in parsed.kids[t.i] if parsed.toks[j].rel in ("obl", "nmod")]
    near += [parsed.toks[g] for k in near for g in parsed.kids[k.i]]
    for kid in near:
        if kid.rel in ("obl", "nmod") and refs.case_of(kid) in ("в", "во"):
            for m in refs.of(kid, conj=False, genitive=False):
                if m.type in ("place",) or m.type == "country" and m.role == "name":
                    return m.key
    return None


def _unique(events: list[EventFact]) -> list[EventFact]:
    """One event per type and participants in a document (a headline and its story tell
    it twice), the dated telling kept; told on two dates, it is two events."""
    out: list[EventFact] = []
    index: dict[tuple, list[int]] = {}
    for e in events:
        key = (e.type, e.actors, e.targets)
        same = index.setdefault(key, [])
        dates = {d.value if (d := out[i].date) else None for i in same}
        value = e.date.value if e.date else None
        if not same or value is not None and value not in dates and None not in dates:
            same.append(len(out))
            out.append(e)
        elif value is not None and None in dates:
            out[next(i for i in same if out[i].date is None)] = e
    return out
