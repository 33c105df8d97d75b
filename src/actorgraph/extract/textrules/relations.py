"""Relations told by titles: a person named with the office they hold in a body.

- "[body] [words of a title] [person]": "Partiyasının sədri X", "İran XİN-in sözçüsü X";
- "[title] [body] ([in body]) [person]": "الأمين العام لعصائب أهل الحق X";
- "[person], [title] [body]": "X، رئیس شورای اجرایی Y";
- "[title of a head of state] [person]" with no body: the state the language's press
  means by it (the grammar's `home_state`).
A title of the class `leader_titles` gives leader_of, of `member_titles` member_of.
"""
from __future__ import annotations

import bisect

from actorgraph.extract.textrules import words
from actorgraph.extract.textrules.grammar import Grammar
from actorgraph.extract.textrules.text import Token
from actorgraph.knowledge.lexicon import Lexicon, normalize_form
from actorgraph.model import Mention, RelationFact

BODIES = ("organization", "country", "place")
BACKERS = ("country", "organization")
WINDOW = 6


class Titles:
    def __init__(self, tokens: list[Token], grammar: Grammar) -> None:
        table = words.phrases(grammar, {"leader_of": grammar.words.get("leader_titles") or [],
                                        "member_of": grammar.words.get("member_titles") or []})
        self.hits = words.find(tokens, grammar, table, prefix=grammar.prefix)
        self.home = words.phrases(grammar, {"home": grammar.words.get("home_titles") or []})
        self.tokens, self.grammar = tokens, grammar

    def fold(self, k: int) -> str:
        return self.grammar.fold(self.tokens[k].text)

    def between(self, a: int, b: int):
        """The last title phrase wholly inside tokens [a, b)."""
        inside = [h for h in self.hits if a <= h.start and h.end <= b]
        return inside[-1] if inside else None


def _token_span(tokens: list[Token], starts: list[int], ends: list[int], m: Mention
                ) -> tuple[int, int]:
    """The tokens [first, last + 1) the mention covers (`starts`, `ends`: the tokens' offsets,
    in order), found by bisection: a scan per mention was quadratic in the document."""
    first = tokens[bisect.bisect_right(ends, m.start)].index
    last = tokens[bisect.bisect_left(starts, m.end) - 1].index
    return first, last + 1


def find_relations(tokens: list[Token], mentions: list[Mention], grammar: Grammar,
                   lex: Lexicon, text: str = "") -> tuple[list[RelationFact], list[Mention]]:
    """Relations from titles, and the mentions of home states they need (`text`: the
    document's, to see where a title in apposition is closed by a comma)."""
    titles = Titles(tokens, grammar)
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    spans = [(_token_span(tokens, starts, ends, m), m) for m in mentions]
    named = frozenset(k for (s, e), m in spans if m.type == "country" for k in range(s, e))
    out: list[RelationFact] = []
    added: list[Mention] = []
    for (ps, pe), p in spans:
        if p.type != "person":
            continue
        same = [(s, m) for s, m in spans if m.sentence == p.sentence and m.key != p.key]
        people = [s for s, m in same if m.type == "person"]
        before = [(s, m) for s, m in same if s[1] <= ps and m.type in BODIES
                  and not any(s[1] <= q[0] < ps for q in people)]
        after = [(s, m) for s, m in same if s[0] >= pe and m.type in BODIES
                 and not any(pe <= q[0] < s[0] for q in people)]
        found = _left(titles, before, ps, grammar.script == "arabic",
                      grammar.wordset("in_words")) \
            or _right(titles, after, pe, tokens, text)
        if found and not grammar.appositive(tokens[pe - 1].text, strict=False):
            found = None    # "... Prezidenti X-i qəbul edib": X is received, holds no title
        if found and found[1].type == "place" and found[0] != "leader_of":
            found = None    # a member of a place is no relation; its governor is
        if found:
            pred, body = found
            out.append(RelationFact(p.key, pred, body.key, p.sentence, f"title:{pred}"))
            continue
        home = None
        if grammar.home_state and ps and _home_title(titles, tokens, ps, grammar) \
                and grammar.appositive(tokens[pe - 1].text):     # not "... başçısı Rəisini"
            home = "leader_of"
        elif grammar.home_state:
            home = _home_after(titles, tokens, pe, grammar, text, named)  # "X، رئیس‌جمهور کشورمان"
        state = lex.country_by_code.get(grammar.home_state or "")
        if home and state:
            key = f"country:{normalize_form(state)}"
            out.append(RelationFact(p.key, home, key, p.sentence, "title:home_state"))
            added.append(Mention(start=p.start, end=p.start, text="", type="country",
                                 sentence=p.sentence, label="implied", key=key,
                                 name=state, role="implied", section=p.section))
    out += _backed(tokens, spans, grammar) + _part_of(tokens, spans, grammar) \
        + _own_country(spans)
    return _unique(out), added


def _backed(tokens: list[Token], spans, grammar: Grammar) -> list[RelationFact]:
    """"[groups] backed by [actor]": each group named before the cue is sponsored_by the
    actor named next to it (after it in Arabic and Persian, before it in Azerbaijani)."""
    table = words.phrases(grammar, {"backed": grammar.words.get("backed_by") or []})
    out = []
    for hit in words.find(tokens, grammar, table, prefix=grammar.prefix):
        sent = tokens[hit.start].sentence
        near = [(s, m) for s, m in spans if m.sentence == sent and m.role != "implied"]
        if grammar.script == "arabic":
            sponsor = [m for s, m in near if hit.end <= s[0] <= hit.end + 2
                       and m.type in ("country", "organization")]
            groups = [m for s, m in near if s[1] <= hit.start and hit.start - s[1] <= 8
                      and m.type == "organization"]
        else:
            sponsor = [m for s, m in near if s[1] == hit.start and m.type in BACKERS]
            groups = [m for s, m in near if s[0] >= hit.end and s[0] - hit.end <= 3
                      and m.type == "organization"][:1]
        for g in groups:
            if sponsor and g.key != sponsor[0].key:
                out.append(RelationFact(g.key, "sponsored_by", sponsor[0].key, sent,
                                        "backed_by"))
    return out


def _own_country(spans) -> list[RelationFact]:
    """A group named with its country inside its name ("حزب‌الله لبنان") is based there."""
    out = []
    for (s1, a) in spans:
        if a.type != "organization":
            continue
        for (s2, b) in spans:
            if b.type == "country" and s1[0] < s2[0] and s2[1] == s1[1]:
                out.append(RelationFact(a.key, "based_in", b.key, a.sentence, "own_country"))
    return out


def _part_of(tokens: list[Token], spans, grammar: Grammar) -> list[RelationFact]:
    """"[body] in [body]" with nothing else between: the first is part of the second."""
    ins = grammar.wordset("in_words")
    bodies = sorted(((s, m) for s, m in spans if m.type == "organization"), key=lambda x: x[0])
    out = []
    for (s1, a), (s2, b) in zip(bodies, bodies[1:]):
        if a.sentence == b.sentence and s2[0] - s1[1] == 1 and \
                grammar.fold(tokens[s1[1]].text) in ins and a.key != b.key:
            out.append(RelationFact(a.key, "member_of", b.key, a.sentence, "part_of"))
    return out


def _left(titles: Titles, before, ps: int, title_first: bool, links: frozenset[str] = frozenset()):
    if not before:
        return None
    (ms, me), m = max(before, key=lambda x: x[0][1])
    hit = titles.between(me, ps)
    if hit and ps - me <= WINDOW and not title_first:
        return hit.label, m
    if title_first:             # "[title] body (in body) person": nothing else between
        chain = sorted(before, key=lambda x: -x[0][1])
        end = ps
        for (s, e), body in chain:
            if any(titles.fold(k) not in links for k in range(e, end)):
                return None
            hit = titles.between(max(0, s - 3), s)
            if hit:
                return hit.label, body
            end = s
    return None


CLOSERS = (",", "\u060c", ";", "\u061b", ".", ":")    # what closes a title in apposition


def _closed(text: str, tokens: list[Token], a: int, b: int) -> bool:
    """Whether punctuation closing an apposition stands between tokens a and b (a < b)."""
    return bool(text) and any(c in text[tokens[a].end:tokens[b].start] for c in CLOSERS)


def _right(titles: Titles, after, pe: int, tokens: list[Token], text: str = ""):
    if not after:
        return None
    (ms, me), m = min(after, key=lambda x: x[0][0])
    hit = titles.between(pe, ms)
    if hit and _closed(text, tokens, hit.end - 1, ms):
        return None         # "X، رئیس‌جمهور، ... تبریز": the title ends at its comma
    if hit and ms - pe <= WINDOW and pe < len(tokens):
        gap = tokens[pe - 1].end, tokens[pe].start
        return (hit.label, m) if gap[1] > gap[0] else None
    return None


def _home_after(titles: Titles, tokens: list[Token], pe: int, grammar: Grammar,
                text: str = "", named: frozenset[int] = frozenset()) -> str | None:
    """"[person], [title] [our country]": the title of the home state's office; so is a
    title of the home state's head closed by a comma ("X، رئیس‌جمهور،") and a title of
    the republic not named ("X، رهبر جمهوری اسلامی،")."""
    hit = next((h for h in titles.hits if h.start in (pe, pe + 1)), None)
    if hit is None or hit.end >= len(tokens) or tokens[hit.end].sentence != tokens[pe].sentence:
        return None
    after = grammar.fold(tokens[hit.end].text)
    if after in grammar.wordset("home_words"):
        return hit.label
    if _closed(text, tokens, hit.end - 1, hit.end) and any(
            [grammar.fold(t.text) for t in tokens[hit.start:hit.end]] == w
            for w, _ in titles.home):
        return hit.label
    if after in grammar.wordset("country_heads"):
        k = hit.end
        while k + 1 < len(tokens) and not _closed(text, tokens, k, k + 1) \
                and tokens[k + 1].sentence == tokens[k].sentence and k - hit.end < 2:
            k += 1
        if k + 1 < len(tokens) and _closed(text, tokens, k, k + 1) \
                and not named & set(range(hit.end, k + 1)):
            return hit.label
    return None


def _home_title(titles: Titles, tokens: list[Token], ps: int, grammar: Grammar) -> bool:
    for words_, _ in titles.home:
        n = len(words_)
        if ps - n >= 0 and [grammar.fold(t.text) for t in tokens[ps - n:ps]] == words_ \
                and tokens[ps - n].sentence == tokens[ps].sentence:
            return True
    return False


def _unique(rels: list[RelationFact]) -> list[RelationFact]:
    seen, out = set(), []
    for r in rels:
        if (r.subject, r.predicate, r.object) not in seen and r.subject != r.object:
            seen.add((r.subject, r.predicate, r.object))
            out.append(r)
    return out
