"""Mark page furniture and author bios in a loaded text, without changing the text.

The text is read line by line (furniture: share buttons, cookie banners,
leaked CSS, photo credits ...) and paragraph by paragraph (bios: an "About
the Author" block; a closing "<Name> is a fellow at <Org>" note; an
institution's boilerplate self-description at the end). Everything else is
body. Patterns live in ``actorgraph/knowledge/data/furniture.yaml``. The rules are
conservative: a furniture pattern must match a whole short line, and a bio is
only recognised under a bio heading or in the run of paragraphs that closes
the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from actorgraph.knowledge.data import load_yaml
from actorgraph.model import CleanDocument, LoadedDocument, Segment, SegmentKind

_MARKUP = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+•]\s+)+")
_EMPHASIS = re.compile(r"^[*_]{1,3}(.*?)[*_]{1,3}$")
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_WORD = rf"[{_UPPER}][\w'’.-]*"
_PARTICLE = r"(?:al|el|bin|ibn|van|von|de|der|da|di|du|la|le)(?:-\w+)?"
_NOT_NAME = (r"(?!(?:The|This|That|These|Those|It|Its|His|Her|Their|Our|Such|Some|Many|Most"
             r"|One|In|On)\b)")
_TITLE = r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs|Amb|Ambassador|Col|Gen)\.?\s+)?"
NAME = rf"{_NOT_NAME}{_TITLE}{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE})){{1,4}}"
NAMES = rf"{NAME}(?:(?:,\s*|,?\s+and\s+|\s+&\s+){NAME})*"
_NAME_LINE = re.compile(rf"{_TITLE}{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE})){{0,4}}")
_BIO_START = re.compile(rf"{NAMES},?\s+(?:is|are|was|has|have|serves|served|holds)\b")
_INSTITUTION = (r"(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|for|on|and|the|in|&)){0,8}"
                r"(?:\s+\([A-Z][\w&.-]*\))?,?\s+(?:is|was founded as)\s+(?:an?|the)\b")


@dataclass(frozen=True)
class FurnitureRule:
    """One named whole-line furniture pattern from furniture.yaml."""

    name: str
    regex: re.Pattern[str]
    max_length: int


@dataclass(frozen=True)
class Rules:
    """All patterns clean() uses, compiled once."""

    furniture: tuple[FurnitureRule, ...]
    bio_heading: re.Pattern[str]
    person_bio: re.Pattern[str]
    continuation: re.Pattern[str]
    institution: re.Pattern[str]


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read and compile ``data/furniture.yaml`` (cached)."""
    data = load_yaml("furniture.yaml")
    default_max = int(data.get("max_line_length", 200))
    furniture = tuple(
        FurnitureRule(entry["name"], re.compile(entry["pattern"], re.IGNORECASE),
                      int(entry.get("max_length", default_max)))
        for entry in data["furniture"])
    headings = "|".join(data["bio_headings"])
    roles = "|".join(re.escape(role) for role in data["bio_roles"])
    cues = "|".join(data["institution_cues"])
    return Rules(
        furniture=furniture,
        bio_heading=re.compile(rf"(?:{headings})\s*:?", re.IGNORECASE),
        person_bio=re.compile(
            rf"{NAMES},?\s+(?:is|are)\s+(?:currently\s+|also\s+|now\s+)?(?:an?\s+|the\s+)?"
            rf"(?:[\w'’().,&-]+\s+){{0,8}}?(?i:{roles})s?\b"),
        continuation=re.compile("|".join(data["continuation_starts"])),
        institution=re.compile(rf"{_INSTITUTION}.{{0,300}}?\b(?i:{cues})", re.DOTALL),
    )


def _strip_markup(line: str) -> str:
    """A line without surrounding spaces, markdown heading/list/quote marks or emphasis."""
    line = _MARKUP.sub("", line.strip()).strip()
    match = _EMPHASIS.match(line)
    return match.group(1).strip() if match else line


def furniture_rule(line: str) -> str | None:
    """The name of the furniture rule a whole line matches, or None for a line of content."""
    text = _strip_markup(line)
    if not text:
        return None
    for rule in load_rules().furniture:
        if len(text) <= rule.max_length and rule.regex.fullmatch(text):
            return rule.name
    return None


@dataclass
class _Line:
    start: int
    end: int  # includes the line's "\n"
    text: str
    para: int  # paragraph number; -1 for a blank line
    kind: SegmentKind = "body"


def _split(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset, para, in_para = 0, -1, False
    for raw in text.split("\n"):
        end = min(offset + len(raw) + 1, len(text))
        blank = not raw.strip()
        if not blank and not in_para:
            para += 1
        in_para = not blank
        lines.append(_Line(offset, end, raw, -1 if blank else para))
        offset = end
    return [line for line in lines if line.end > line.start]


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    paras: dict[int, list[_Line]] = {}
    for line in lines:
        if line.para >= 0:
            paras.setdefault(line.para, []).append(line)
    return [paras[k] for k in sorted(paras)]


def _joined(para: list[_Line], kind: SegmentKind = "body") -> str:
    return " ".join(_strip_markup(line.text) for line in para if line.kind == kind)


def _is_name_line(para: list[_Line]) -> bool:
    text = _strip_markup(para[0].text)
    return len(para) == 1 and len(text) <= 60 and bool(_NAME_LINE.fullmatch(text))


def _mark_about_blocks(paras: list[list[_Line]], rules: Rules) -> None:
    """An "About the Author" heading, the rest of its paragraph and the bio paragraphs after it."""
    for i, para in enumerate(paras):
        for j, line in enumerate(para):
            if line.kind == "body" and rules.bio_heading.fullmatch(_strip_markup(line.text)):
                for rest in para[j:]:
                    if rest.kind == "body":
                        rest.kind = "bio"
                _mark_after_heading(paras[i + 1:], rules, first=(j == len(para) - 1))
                break


def _mark_after_heading(following: list[list[_Line]], rules: Rules, first: bool) -> None:
    for para in following:
        if all(line.kind != "body" for line in para):
            return  # furniture (or another block) ends the bio
        text = _joined(para)
        if not (first or _is_name_line(para) or _BIO_START.match(text)
                or rules.continuation.match(text)):
            return
        for line in para:
            if line.kind == "body":
                line.kind = "bio"
        first = False


def _mark_closing_bios(paras: list[list[_Line]], rules: Rules) -> None:
    """Bio notes among the paragraphs that close the text (after the last reporting one)."""
    body_paras = [k for k, para in enumerate(paras) if any(ln.kind == "body" for ln in para)]
    if not body_paras:
        return
    first_body = body_paras[0]
    pending: list[list[_Line]] = []  # "His research ..." waiting for its "<Name> is ..."
    for k in reversed(body_paras):
        if k == first_body:
            return  # never turn the opening paragraph into a bio
        para = paras[k]
        text = _joined(para)
        if rules.person_bio.match(text) or rules.institution.match(text):
            for bio_para in [para, *pending]:
                for line in bio_para:
                    if line.kind == "body":
                        line.kind = "bio"
            pending = []
        elif rules.continuation.match(text) and len(pending) < 2:
            pending.append(para)
        else:
            return


def _segments(lines: list[_Line]) -> tuple[Segment, ...]:
    """Merge line kinds into ordered, gapless segments; blank lines join the line before."""
    kind: SegmentKind = next((line.kind for line in lines if line.para >= 0), "body")
    segments: list[Segment] = []
    for line in lines:
        if line.para >= 0:
            kind = line.kind
        if segments and segments[-1].kind == kind:
            segments[-1] = Segment(segments[-1].start, line.end, kind)
        else:
            segments.append(Segment(line.start, line.end, kind))
    return tuple(segments)


def clean(doc: LoadedDocument) -> CleanDocument:
    """Mark the furniture and bio spans of `doc`; its text is left exactly as it is.

    The segments cover the text from 0 to its end, in order and without gaps.
    Furniture lines are whole lines matching a pattern in furniture.yaml;
    bios are "About the Author" blocks and the author or institution notes
    that close the text. Everything else is "body".
    """
    rules = load_rules()
    lines = _split(doc.text)
    for line in lines:
        if line.para >= 0 and furniture_rule(line.text):
            line.kind = "furniture"
    paras = _paragraphs(lines)
    _mark_about_blocks(paras, rules)
    _mark_closing_bios(paras, rules)
    return CleanDocument(doc=doc, segments=_segments(lines))
