"""Relations from the Russian parse.

- A title of office in apposition to a person's name, with the body or state it belongs
  to in the genitive ('посол Ирана X', 'глава МИД Израиля Y', 'министр иностранных дел
  Ирана Z', 'депутат Милли Меджлиса W'): leader_of for heads, member_of for the others,
  associate_of for aides of a person (the word classes of `words.yaml: titles`).
- The same with the name first and the title after it ('X, глава МИД Израиля').
- A verb of sponsoring ('финансировать', 'вооружать', 'вербовать') with a state or body
  as subject and a person or group as object: sponsored_by.
"""
from __future__ import annotations

from actorgraph.extract.rules_ru.nlp import Parsed, Tok
from actorgraph.extract.rules_ru.refer import Refs
from actorgraph.extract.rules_ru.ruledata import classes, load_data
from actorgraph.model import Mention, RelationFact, Sentence

TITLES = classes("titles")
_R = load_data("relations.yaml")
SPONSOR_VERBS: dict[str, str] = _R["sponsor_verbs"]
TITLE_BODIES: dict[str, list[str]] = _R["title_bodies"]
ALLIANCE_VERBS = set(_R["alliance_verbs"])
HEAD_TITLES: dict[str, list[str]] = _R["head_titles"]
ALLIANCE_NOUNS = set(_R["alliance_nouns"])
INSTRUMENTAL_TITLES = set(_R["instrumental_titles"])
PREDICATE = {"leader": "leader_of", "member": "member_of", "associate": "associate_of"}


def find_relations(parsed: Parsed, sentences: list[Sentence], mentions: list[Mention],
                   refs: Refs | None = None) -> list[RelationFact]:
    from actorgraph.extract.rules_ru.pipeline import sentence_of

    refs = refs or Refs(parsed, mentions)
    out: list[RelationFact] = []
    for m in mentions:
        if m.type != "person" or m.role != "name":
            continue
        first = _title_of(parsed, refs, m)
        if first is None:
            continue
        for title, body in ((t, b) for t in _conjoined(parsed, first, _head(parsed, refs, m))
                            for b in _bodies(parsed, refs, t) or _body_named(parsed, mentions, t)):
            if body.key == m.key:
                continue
            pred = PREDICATE[TITLES[title.lemma]]
            if any(parsed.toks[j].lemma in HEAD_TITLES.get(title.lemma, ())
                   for j in parsed.kids[title.i]):
                pred = "leader_of"          # "генеральный секретарь"
            if pred == "associate_of" and body.type != "person":
                pred = "member_of"
            if pred != "associate_of" and body.type == "person" \
                    or pred == "member_of" and body.type == "place":
                continue
            out.append(RelationFact(m.key, pred, body.key, sentence_of(sentences, m.start),
                                    rule=f"ru:title:{title.lemma}"))
    out += _state_bodies(parsed, refs, mentions, sentences)
    out += _sponsors(parsed, refs, sentences)
    out += _alliances(parsed, refs, sentences)
    return _unique(out)


def _conjoined(parsed: Parsed, title: Tok, name: Tok | None) -> list[Tok]:
    """The title and the titles joined to it ('главу банка и лидера движения'), which the
    parse attaches to the title or to the name it stands beside."""
    out = [title]
    for t in (title, name):
        if t is None:
            continue
        out += [k for j in parsed.kids[t.i] if (k := parsed.toks[j]).rel == "conj"
                and k.lemma in TITLES and k.i > title.i and k not in out]
    return out


def _head(parsed: Parsed, refs: Refs, m: Mention) -> Tok | None:
    toks = parsed.within(m.start, m.end)
    for t in toks:
        if t.head < 0 or not (m.start <= parsed.toks[t.head].start < m.end):
            return t
    return None


def _title_of(parsed: Parsed, refs: Refs, m: Mention) -> Tok | None:
    """The title the name stands in apposition to (written before or after it)."""
    head = _head(parsed, refs, m)
    if head is None:
        return None
    if head.head >= 0:
        gov = parsed.toks[head.head]
        if gov.lemma in TITLES and (head.rel in ("appos", "flat:name", "flat")
                                    or head.rel == "nmod" and head.case != "Gen"):
            return gov
    for j in parsed.kids[head.i]:
        kid = parsed.toks[j]
        if kid.lemma in TITLES and kid.rel == "appos":
            return kid
    prev = parsed.toks[head.i - 1] if head.i > 0 else None
    if prev is not None and prev.lemma in TITLES and prev.sent == head.sent \
            and refs.mention(prev) is None:
        return prev
    return None


def _bodies(parsed: Parsed, refs: Refs, title: Tok, depth: int = 0) -> list[Mention]:
    """The body or state a title belongs to: its genitive (through an unnamed genitive,
    'министр иностранных дел Ирана') or a name it is followed by in the genitive."""
    out: list[Mention] = []
    cases = ("Gen", "Ins") if depth == 0 and title.lemma in INSTRUMENTAL_TITLES else ("Gen",)
    for j in parsed.kids[title.i]:
        kid = parsed.toks[j]
        if kid.rel != "nmod" or kid.case not in cases or refs.case_of(kid):
            continue
        m = refs.mention(kid) or next(iter(refs.of(kid, conj=False, genitive=False)), None)
        if m is not None and m.type in ("organization", "country", "place"):
            out.append(m)           # "партии «Нур»": the body named in apposition
        elif m is None and depth < 2:
            out += _bodies(parsed, refs, kid, depth + 1)
    return out


def _state_bodies(parsed: Parsed, refs: Refs, mentions: list[Mention],
                  sentences: list[Sentence]) -> list[RelationFact]:
    """'МИД Ирана', 'азербайджанский МИД', 'Министерство обороны Армении': a government body
    named with its state belongs to that state (member_of)."""
    from actorgraph.extract.rules_ru.names import country_of_adjective
    from actorgraph.extract.rules_ru.pipeline import sentence_of

    out = []
    for m in mentions:
        if m.type != "organization" or m.kind != "government" or m.role != "name":
            continue
        for t in parsed.within(m.start, m.end):
            name = t.lemma if t.pos == "PROPN" and t.case == "Gen" else \
                country_of_adjective(t.lemma, refs.lex) if t.pos == "ADJ" and refs.lex else None
            state = refs.state(name[:1].upper() + name[1:], m.start) if name else None
            if state is not None and state.type == "country":
                out.append(RelationFact(m.key, "member_of", state.key,
                                        sentence_of(sentences, m.start), rule="ru:state_body"))
                break
    return out


def _body_named(parsed: Parsed, mentions: list[Mention], title: Tok) -> list[Mention]:
    """'судья X' with no body named beside the title: the one body of the document whose
    head word is the title's institution ('Бакинский суд ...' for a judge)."""
    heads = set(TITLE_BODIES.get(title.lemma, ()))
    if not heads:
        return []
    found: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "organization" and m.role == "name" and any(
                t.lemma in heads for t in parsed.within(m.start, m.end)):
            found.setdefault(m.key, m)
    return list(found.values()) if len(found) == 1 else []


def _alliances(parsed: Parsed, refs: Refs, sentences: list[Sentence]) -> list[RelationFact]:
    """'X и Y договорились о едином фронте', 'X и Y заключили союз': two states or groups,
    subjects of one verb of agreement about an alliance, are allied."""
    from actorgraph.extract.rules_ru.pipeline import sentence_of

    out = []
    for t in parsed.toks:
        if t.lemma not in ALLIANCE_VERBS:
            continue
        about = [parsed.toks[j] for j in parsed.kids[t.i] if parsed.toks[j].rel in ("obl", "obj")]
        if not any(a.lemma in ALLIANCE_NOUNS for a in about):
            continue
        sides = [m for m in refs.subject(t) if m.type in ("country", "organization")]
        for a, b in zip(sides, sides[1:]):
            out.append(RelationFact(a.key, "allied_with", b.key, sentence_of(sentences, t.start),
                                    rule=f"ru:alliance:{t.lemma}"))
    return out


def _sponsors(parsed: Parsed, refs: Refs, sentences: list[Sentence]) -> list[RelationFact]:
    from actorgraph.extract.rules_ru.pipeline import sentence_of

    out = []
    for t in parsed.toks:
        if t.pos != "VERB" or t.lemma not in SPONSOR_VERBS:
            continue
        backers = [m for m in refs.subject(t) if m.type in ("country", "organization")]
        backed = [m for j in parsed.kids[t.i] if parsed.toks[j].rel == "obj"
                  for m in refs.of(parsed.toks[j]) if m.type in ("organization", "person")]
        for a in backed:
            for b in backers:
                if a.key != b.key:
                    out.append(RelationFact(a.key, "sponsored_by", b.key,
                                            sentence_of(sentences, t.start),
                                            rule=f"ru:sponsor:{t.lemma}",
                                            support=(SPONSOR_VERBS[t.lemma],)))
    return out


def _unique(found: list[RelationFact]) -> list[RelationFact]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in found:
        k = (r.subject, r.predicate, r.object)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out
