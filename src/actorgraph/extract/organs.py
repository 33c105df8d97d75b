"""State organs named by their generic title get their state's name, in every language:
"МИД Ирана" and "İran XİN" are both "Ministry of Foreign Affairs of Iran", so that they meet
across documents as any two spellings of one name do.

The state is the one the mention names ("МИД Ирана", "азербайджанского МИД"), or one
another mention of the same actor in the document names; for a title without a state
("МВД", "DİN") it is the state of the report's dateline ("БАКУ, 7 апреля (...) —"), else
the one a report in its language means (the extractor's `home_state`); with none of these
the mention keeps its name. Run by
every extractor on its mentions, after they are grouped by actor.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from actorgraph.knowledge.lexicon import Lexicon, known_place
from actorgraph.knowledge.organs import OrganName, organ_name, read_organ
from actorgraph.model import Mention

# "БАКУ, 7 апреля (Агентство) —", "BAGHDAD (Reuters) -", "Tehran, 3 May -", "Тегеран. ...":
# a place at the start of a paragraph, then a date or an agency and a dash, or a stop
DATELINE = re.compile(r"^[ \t]*([^\W\d_][^\W\d_' .\-]{1,40}?)[ \t]*(?:(?:,[^\n]{0,60}?|"
                      r"[ \t]*\([^)\n]{1,40}\)[ \t]*)[ \t][—–-][ \t]|"
                      r"[ \t]+[—–-][ \t]+[^\n]{1,40}$|"
                      r"\.[ \t]+(?=[^\W\d_]))", re.MULTILINE)
# "In Tehran, the Foreign Ministry ...": a place opening the sentence, set off by a comma
FRAME_REACH = 12
PARAGRAPHS = 4
SPACES = re.compile(r"\s*")      # a dateline opens one of the first few paragraphs


def dateline_state(text: str) -> str | None:
    """The state (ISO alpha-2) of the place a dateline near the top of `text` names."""
    head = "\n".join(text.lstrip().split("\n")[:PARAGRAPHS * 2])
    for m in DATELINE.finditer(head):
        place = known_place(m.group(1).strip())
        if place is not None:
            return place.country
    return None


def _beside(m: Mention, states_at: dict[int, str], text: str) -> str | None:
    """The state a mention of a state written right before (or with a possessive) or after
    the organ's title names ("İraq Xarici İşlər Nazirliyi", "Iraq's Interior Ministry",
    "وزارت خارجه آمریکا"); `states_at`: the state of
    each such mention by its end and by its start offset."""
    before = m.start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    if text[max(0, before - 2):before] in ("'s", "\u2019s"):    # "Azerbaijan's State ..."
        before -= 2
    after = SPACES.match(text, m.end).end()    # type: ignore[union-attr]
    return states_at.get(-before) or states_at.get(after)


def _frames(mentions: list[Mention], text: str, lex: Lexicon
            ) -> dict[int, list[tuple[int, str | None]]]:
    """Per sentence, the places that open it set off by a comma ("In Tehran, ..."), in
    mention order: (start, the state it names), found once per document."""
    out: dict[int, list[tuple[int, str | None]]] = defaultdict(list)
    for p in mentions:
        if p.type not in ("place", "country") or text[p.end:p.end + 1] != ",":
            continue
        opening = text[max(0, p.start - FRAME_REACH):p.start]
        if p.start > FRAME_REACH and not any(c in opening for c in ".!?\n"):
            continue        # not at the opening of its sentence
        entry = lex.lookup(p.name or p.text)
        if entry is not None and entry.type == "country":
            state = entry.country
        elif entry is not None and entry.capital_of:
            state = entry.capital_of
        else:
            place = known_place(p.name or p.text)
            state = place.country if place is not None else None
        out[p.sentence].append((p.start, state))
    return out


def _frame_state(m: Mention, frames: dict[int, list[tuple[int, str | None]]]) -> str | None:
    """The state of a place that opens the mention's sentence, set off by a comma, before
    it ("In Tehran, Foreign Ministry spokesman ...")."""
    return next((state for start, state in frames.get(m.sentence, ()) if start < m.start),
                None)


def name_state_organs(mentions: list[Mention], text: str, lex: Lexicon,
                      home: str | None = None,
                      state_of: Callable[[str], str | None] | None = None) -> None:
    """Give the mentions of each state organ the name of that state's organ, in place.
    `home`: the state a report in its language means without naming one (the grammar's
    `home_state`), after the dateline's; `state_of`: the language's own reading of a word
    as a state (see `read_organ`)."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.type == "organization" and m.key:
            groups[m.key].append(m)
    found: list[str | None] = []       # the report's own state, looked up once
    frames: dict[int, list[tuple[int, str | None]]] | None = None
    states_at: dict[int, str] = {}      # -end and start of each mention of a state
    for c in mentions:
        if c.type == "country" and (e := lex.lookup(c.name or c.text)) is not None \
                and e.country:
            states_at[-c.end], states_at[c.start] = e.country, e.country
    readings: dict[str, OrganName | None] = {}   # each form read once per document

    def reading(form: str) -> OrganName | None:
        if form not in readings:
            readings[form] = read_organ(form, lex, state_of)
        return readings[form]

    for group in groups.values():
        read = [r for m in group for n in (m.text, m.name) if (r := reading(n)) is not None]
        kinds = {r.organ.kind for r in read}
        states = {r.country for r in read if r.country}
        if len(kinds) != 1 or len(states) > 1:
            continue
        for m in group:                 # a state's organ, whose ever it is
            m.kind = m.kind or "government"
        if not states:
            states = {s for m in group if (s := _beside(m, states_at, text))}
        if not states:
            if frames is None:
                frames = _frames(mentions, text, lex)
            states = {s for m in group if (s := _frame_state(m, frames))}
        if len(states) > 1:
            continue
        if not states:
            if not found:
                found.append(dateline_state(text) or home)
            if found[0] is None:
                continue
            states = {found[0]}
        name = organ_name(read[0].organ, states.pop(), lex)
        for m in group:
            m.name = name
