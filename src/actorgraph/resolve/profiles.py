"""Name groups prepared for comparison: each name analysed once, fullest first.

A :class:`Profile` holds a group's names as :class:`NameForm` objects (tokens,
phonetic and transliteration keys, acronym and initials, rigour's symbols on
demand), and the few of them that :mod:`actorgraph.resolve.compare` compares.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rigour.names import NameTypeTag, analyze_names

from actorgraph.knowledge.names import (
    acronym,
    fold,
    is_abjad,
    looks_like_acronym,
    org_symbols,
    phonetic_key,
    script_readings,
    significant_tokens,
    strip_titles,
    tables,
    tokens,
    vowel_key,
)
from actorgraph.resolve.records import NameGroup

_TAGS = {"person": NameTypeTag.PER, "organization": NameTypeTag.ORG,
         "channel": NameTypeTag.ORG}
_SYMBOL_PREFIXES = {"person": ("NAME:",), "organization": ("DOMAIN:",),
                    "channel": ("DOMAIN:",)}
_MAX_FORMS = 3           # names of a group compared with the other's
_MAX_PROFILE_FORMS = 12  # names of a group analysed (fullest, most frequent first)


class NameForm:
    """One surface name of a group, analysed once: tokens, keys, symbols."""

    __slots__ = ("raw", "count", "type", "toks", "skels", "vkeys", "abjad", "folded",
                 "joined", "acro", "initials", "_syms", "_whole")

    def __init__(self, raw: str, count: int, type: str):
        self.raw = raw
        self.count = count
        self.type = type
        self.toks: tuple[str, ...] = significant_tokens(raw, type)
        self.skels = tuple(phonetic_key(t) for t in self.toks)
        self.abjad = is_abjad(raw)
        self.vkeys = tuple(vowel_key(t) for t in self.toks)
        self.folded = " ".join(self.toks)
        self.joined = phonetic_key("".join(self.toks)) if self.toks else ""
        self.acro = type != "person" and looks_like_acronym(raw)
        self.initials = ""
        if type != "person":
            words = [w for w in tokens(raw) if w not in tables().org_stopwords]
            if len(words) >= 2:
                self.initials = acronym(words)
        self._syms: tuple[frozenset[str], ...] | None = None
        self._whole: frozenset[str] | None = None

    def __repr__(self) -> str:
        return f"NameForm({self.raw!r})"

    def symbols(self) -> tuple[frozenset[str], ...]:
        """rigour's symbols (Wikidata given/family names, org domains) per token."""
        if self._syms is None:
            self._syms = _symbols(self.raw, self.type, self.toks)
        return self._syms

    def whole_symbols(self) -> frozenset[str]:
        """Organisation symbols that cover every word of the name (DOMAIN:IRGC)."""
        if self._whole is None:
            self._whole = (org_symbols(self.raw) if self.type in ("organization", "channel")
                           else frozenset())
        return self._whole


@lru_cache(maxsize=1 << 20)
def _symbols(raw: str, type: str, toks: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    tag = _TAGS.get(type)
    if tag is None or not toks:
        return tuple(frozenset() for _ in toks)
    prefixes = _SYMBOL_PREFIXES[type]
    index: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        index.setdefault(t, []).append(i)
    found: list[set[str]] = [set() for _ in toks]
    text = strip_titles(raw) if type == "person" else raw
    for name in analyze_names(tag, [text], phonetics=False, numerics=False):
        for span in name.spans:
            sym = str(span.symbol)[1:-1]
            if not sym.startswith(prefixes):
                continue
            for part in span.parts:
                for piece in fold(part.form).split():
                    for i in index.get(piece, ()):
                        found[i].add(sym)
    return tuple(frozenset(s) for s in found)


@dataclass(frozen=True)
class Profile:
    """A name group prepared for comparison: its names analysed, fullest first."""

    group: NameGroup
    forms: tuple[NameForm, ...]
    compared: tuple[NameForm, ...] = ()   # the names that are compared, see profile()
    acronym_only: bool = False
    id: str = ""
    type: str = ""

    @property
    def best(self) -> NameForm:
        return self.forms[0]


def profile(group: NameGroup) -> Profile:
    """Analyse a group's names once; the fullest, most frequent name comes first."""
    # rank the names first (cheap, cached), analyse only the leading ones
    ranked = []
    for name, count in group.names:
        for raw in script_readings(name) if name else ():
            toks = significant_tokens(raw, group.type) if raw.strip() else ()
            if toks:
                ranked.append((-len(toks), -count, raw))
    ranked.sort()
    forms = []
    seen = set()
    for _, negcount, raw in ranked:
        form = NameForm(raw, -negcount, group.type)
        if (form.folded, form.acro) in seen:
            continue
        seen.add((form.folded, form.acro))
        forms.append(form)
        if len(forms) == _MAX_PROFILE_FORMS:
            break
    if not forms:
        forms = [NameForm("", 0, group.type)]     # nameless: matches nothing
    acronym_only = all(f.acro for f in forms)
    if group.type == "person":
        candidates = [f for f in forms if len(f.toks) >= 2] or forms[:1]
    else:
        # an acronym beside a full name is that name's: it is not compared
        # (two groups sharing a secondary "KH" are not the same for that)
        candidates = [f for f in forms if not f.acro] or forms
    # one name per spelling class is enough: the others would score the same
    compared: list[NameForm] = []
    classes: set = set()
    for f in candidates:
        cls = f.folded if f.abjad else tuple(sorted(f.vkeys))
        if cls not in classes:
            classes.add(cls)
            compared.append(f)
            if len(compared) == _MAX_FORMS:
                break
    return Profile(group, tuple(forms), tuple(compared), acronym_only, group.id, group.type)
