"""Azerbaijani names typed by their words and neighbours: a title before a person, an
institution head noun, a place noun after a place, a family-name ending, an acronym."""
from __future__ import annotations

from functools import lru_cache

from actorgraph.extract.rules_az import morph
from actorgraph.extract.rules_az.names import Finder, is_acronym, is_capital, org_kind
from actorgraph.extract.textrules.names import Candidate
from actorgraph.knowledge.lexicon import load_lexicon

QUOTES = "\"'\u201c\u201d\u00ab\u00bb\u2018\u2019 "


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First words of the lexicon's person names written in Latin letters."""
    out = set()
    for e in load_lexicon().entries:
        if e.type == "person":
            for n in (e.name, *e.aliases):
                if len(n.split()) > 1 and n[:1].isascii() or n[:1] in "ƏŞÇÖÜĞİ":
                    out.add(morph.lower(n.split()[0]))
    return frozenset(out)


def title_before(f: Finder, c: Candidate) -> str | None:
    """The title written just before a name ("naziri X", "Prezident X")."""
    i = c.start - 1
    if i < 0 or f.tokens[i].sentence != f.tokens[c.start].sentence:
        return None
    if f.text[f.tokens[i].end:f.tokens[c.start].start].strip(" \u200c"):
        return None
    return f.tokens[i].text if f.is_title(f.tokens[i].text) else None


def noun_after(f: Finder, c: Candidate) -> str | None:
    """The lower-case noun right after a name, past a closing quote."""
    i = c.end
    if i >= len(f.tokens) or f.tokens[i].sentence != f.tokens[c.start].sentence:
        return None
    if f.text[f.tokens[i - 1].end:f.tokens[i].start].strip(QUOTES):
        return None
    return None if is_capital(f.tokens[i]) else f.tokens[i].text


def type_candidate(f: Finder, c: Candidate) -> None:
    """Votes for a candidate's type from its own words and its neighbours."""
    g = f.g
    words = c.name.split()
    title = title_before(f, c)
    if title:
        c.vote("person", 3.0, f"title:{title}")
        c.titles = (title,)
    after = noun_after(f, c)
    if after and morph.heads(after) & g.wordset("place_heads"):
        c.vote("place", 3.5, f"place_noun:{after}")
    kind = org_kind(g, c.name)
    if kind and c.entry is None:
        c.vote("organization", 4.0, f"head:{words[-1]}")
        c.kind = kind
    if morph.heads(words[-1]) & g.wordset("country_heads") and c.entry is None:
        c.vote("country", 2.0, "state_title")
    if is_acronym(c.name):
        c.vote("organization", 2.0, "acronym")
    last = morph.lower(words[-1])
    if any(last.endswith(e) and len(last) > len(e) + 2 for e in g.wordset("surname_endings")):
        if not kind and not is_acronym(words[-1]):
            c.vote("person", 2.0, "surname_ending")
    if morph.lower(words[0]) in given_names() | g.wordset("name_honorifics") and len(words) > 1:
        c.vote("person", 1.5, "given_name")
    if len(words) > 1 and not c.votes and not morph.possessive_stems(words[-1]):
        c.vote("person", 1.0, "two_capitalised_words")
    written = f.tokens[c.end - 1].text
    case = next((a.case for a in morph.analyses(written) if a.sure), None)
    if len(words) == 1 and c.entry is None and case in ("loc", "abl") and written != c.name:
        c.vote("place", 2.5, f"case:{case}")     # persons are rarely "in" or "from"
    elif len(words) == 1 and not c.votes and written != c.name and \
            any(a.case == "dat" for a in morph.analyses(written)):
        c.vote("place", 1.0, "case:dat")         # "to X": a place more often than not
    if c.start and f.text[f.tokens[c.start - 1].end:f.tokens[c.start].start].strip() in \
            ("\u201c", "\u00ab", '"') and f.text[f.tokens[c.end - 1].end:][:1] in "\u201d\u00bb\"":
        c.vote("organization", 2.5, "quoted")    # a quoted name: a work, a brand, an operation
