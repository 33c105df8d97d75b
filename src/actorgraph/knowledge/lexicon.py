"""The domain gazetteer and the world's countries, as one name lexicon.

Entries come from `data/gazetteer.jsonl` (armed groups, state organs,
coalitions, media, known figures, places; written by the project from public
facts, one source note per entry) and from rigour's territory list (every
country by its short and full name). Demonyms ("Iranian") map to their country.

Apart from it, `known_place` looks a name up among the towns and cities of the
regions the reports are about (GeoNames, `data/places.jsonl`), in Latin, Cyrillic and
Arabic script. Those names are many and some are also words or personal names, so they
never find or type a name in text: they only say which place a name already typed a
place is ("Hawler", "Irbil" and "Эрбиль" are Erbil).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rigour.territories import get_territories

from actorgraph.knowledge.data import load_jsonl, load_yaml

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'"})
# Arabic-script letters that Arabic and Persian spell differently, folded to one form:
# Persian yeh and alef maksura to yeh, keheh to kaf, teh marbuta and heh forms to heh,
# tatweel dropped, Persian and Arabic-Indic digits to ASCII (alef forms and harakat go
# with the combining marks below).
_ARABIC = str.maketrans({"\u06cc": "\u064a", "\u0649": "\u064a", "\u06a9": "\u0643",
                         "\u0629": "\u0647", "\u06c0": "\u0647", "\u06d5": "\u0647",
                         "\u0671": "\u0627", "\u0640": None,
                         **{chr(0x06f0 + i): str(i) for i in range(10)},
                         **{chr(0x0660 + i): str(i) for i in range(10)}})


@lru_cache(maxsize=65536)
def normalize_form(text: str) -> str:
    """Fold a surface form for lexicon look-up: case, diacritics, apostrophes, 'the', possessive;
    Arabic-script spelling variants (ي/ی, ك/ک, alef forms, ة/ه, tatweel, harakat, ZWNJ).
    Kept per process: every extractor looks up the same words again and again."""
    s = unicodedata.normalize("NFKD", text.translate(_APOS)).translate(_ARABIC)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"'s$", "", s.strip())
    s = re.sub(r"(?<![\w])(?:[^\W\d_]\.){2,}", lambda m: m.group(0).replace(".", "") + " ", s)
    s = re.sub(r"[^\w\s'-]", " ", s)
    s = re.sub(r"[-\s]+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


@dataclass(frozen=True)
class LexEntry:
    """One known actor or place with its type."""

    name: str
    type: str
    kind: str | None = None
    country: str | None = None      # ISO alpha-2
    capital_of: str | None = None   # ISO alpha-2 of the state a capital can stand for
    aliases: tuple[str, ...] = ()
    source: str = "gazetteer"
    note: str | None = None


NEAR_MIN_LENGTH = 8     # names shorter than this are never matched loosely
NEAR_SCORE = 90         # rapidfuzz ratio: one letter changed in a ten-letter name


@dataclass
class Lexicon:
    entries: list[LexEntry] = field(default_factory=list)
    by_form: dict[str, LexEntry] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)   # folded demonym -> country name
    country_by_code: dict[str, str] = field(default_factory=dict)
    # "islamic republic" -> {"Iran", "Pakistan"}: the head of a state's official name
    # ("the Islamic Republic of Iran") that a text may use alone for it
    elliptic: dict[str, set[str]] = field(default_factory=dict)
    _near: list[str] | None = field(default=None, repr=False)
    _near_found: dict[str, LexEntry | None] = field(default_factory=dict, repr=False)

    def add(self, entry: LexEntry, forms: list[str]) -> None:
        self.entries.append(entry)
        for form in forms:
            key = normalize_form(form)
            if key and key not in self.by_form:
                self.by_form[key] = entry

    def lookup(self, text: str) -> LexEntry | None:
        return self.by_form.get(normalize_form(text))

    def lookup_near(self, text: str) -> LexEntry | None:
        """A known name spelled one letter apart ("Ansarullah" for "Ansarallah"): long
        names only, same first letters, one entry only."""
        key = normalize_form(text)
        if len(key) < NEAR_MIN_LENGTH:
            return None
        if key in self._near_found:       # typing and naming a mention both ask
            return self._near_found[key]
        if self._near is None:
            self._near = sorted(k for k in self.by_form if len(k) >= NEAR_MIN_LENGTH)
        from rapidfuzz import fuzz, process
        found = process.extract(key, self._near, scorer=fuzz.ratio, score_cutoff=NEAR_SCORE,
                                limit=3)
        entries = {id(self.by_form[k]): self.by_form[k] for k, _, _ in found
                   if k[:2] == key[:2] and k.split()[-1][:1] == key.split()[-1][:1]}
        entry = next(iter(entries.values())) if len(entries) == 1 else None
        self._near_found[key] = entry
        return entry

    def surface_forms(self) -> list[str]:
        """Every name and alias, for phrase matching in text."""
        out = []
        for e in self.entries:
            out.append(e.name)
            out.extend(e.aliases)
        return out

    def elliptic_state(self, text: str, states: set[str]) -> str | None:
        """The state among `states` (named in the same text) that `text` names by the head
        of its official name alone ("the Islamic Republic" beside Iran), if exactly one."""
        fits = self.elliptic.get(normalize_form(text), set()) & states
        return next(iter(fits)) if len(fits) == 1 else None

    def is_demonym(self, text: str) -> bool:
        key = normalize_form(text)
        return key in self.demonyms or key.rstrip("s") in self.demonyms


def gazetteer_notes(kind: str) -> list[tuple[str, str]]:
    """(name, note) of each gazetteer entry of `kind` ("armed_group", ...), in file order;
    the note is "" where the entry has none."""
    return [(row["name"], row.get("note", "")) for row in load_jsonl("gazetteer.jsonl")
            if row.get("kind") == kind]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Build the lexicon once: gazetteer entries first (they win), then rigour's countries."""
    lex = Lexicon()
    for row in load_jsonl("gazetteer.jsonl"):
        entry = LexEntry(
            name=row["name"], type=row["type"], kind=row.get("kind"),
            country=row.get("country"), capital_of=row.get("capital_of"),
            aliases=tuple(row.get("aliases", [])), note=row.get("note"),
        )
        lex.add(entry, [entry.name, *entry.aliases])
        if entry.type == "country" and entry.country:
            lex.country_by_code.setdefault(entry.country, entry.name)
        for dem in row.get("demonyms", []):
            lex.demonyms[normalize_form(dem)] = entry.name
    for terr in get_territories():
        if not (terr.is_country or terr.is_historical):
            continue
        code = terr.code
        name = lex.country_by_code.get(code, terr.name)
        lex.country_by_code.setdefault(code, name)
        entry = lex.lookup(name) or LexEntry(name=name, type="country", country=code,
                                             source="rigour")
        forms = [terr.name] + ([terr.full_name] if terr.full_name else [])
        lex.add(entry, forms)
        head = (terr.full_name or "").split(" of ")[0]
        if terr.is_country and " of " in (terr.full_name or "") and len(head.split()) >= 2 \
                and "(" not in head:
            lex.elliptic.setdefault(normalize_form(head), set()).add(entry.name)
    _add_capitals_and_demonyms(lex)
    _add_other_languages(lex)
    return lex


def _add_capitals_and_demonyms(lex: Lexicon) -> None:
    """`data/countries.yaml`: each state's capital (a place that can stand for it) and
    demonyms, where the gazetteer does not already give them."""
    rows = load_yaml("countries.yaml") or {}
    for code, (capital, *demonyms) in sorted((str(k), v) for k, v in rows.items()):
        country = lex.country_by_code.get(code)
        if country is None:
            continue
        if capital != "-" and lex.lookup(capital) is None:
            lex.add(LexEntry(name=capital, type="place", country=code, capital_of=code,
                             source="countries"), [capital])
        for dem in demonyms:
            lex.demonyms.setdefault(normalize_form(dem), country)


def _add_other_languages(lex: Lexicon) -> None:
    """`data/country_names.yaml` (CLDR): each state's name in other languages as a form of
    its entry, and its capital's ('@Тегеран') as a form of the capital's place entry;
    `data/country_short_names.yaml` (CLDR's short and variant names: 'США', 'ABŞ') too."""
    short = load_yaml("country_short_names.yaml") or {}
    rows = {code: {lang: [*names, *short.get(code, {}).get(lang, [])]
                   for lang, names in by_lang.items()}
            for code, by_lang in (load_yaml("country_names.yaml") or {}).items()}
    capitals = {e.capital_of: e for e in lex.entries if e.capital_of}
    for code, by_lang in sorted((str(k), v) for k, v in rows.items()):
        country = lex.country_by_code.get(code)
        entry = lex.lookup(country) if country else None
        if entry is None:
            continue
        for names in by_lang.values():
            for name in names:
                if not name.startswith("@"):
                    lex.add(entry, [name])
                    continue
                capital = capitals.get(code)
                if capital is not None:
                    lex.add(capital, [name[1:]])


@dataclass(frozen=True)
class Place:
    """A town or city of GeoNames, by its main name."""

    name: str
    country: str            # ISO alpha-2
    geonameid: int


@lru_cache(maxsize=1)
def _places() -> dict[str, Place]:
    """Folded form -> place, for forms that name one place only (a main name wins over
    another place's alternate name)."""
    main: dict[str, Place] = {}
    other: dict[str, set[Place]] = {}
    for row in load_jsonl("places.jsonl"):
        place = Place(row["name"], row["country"], int(row["geonameid"]))
        main.setdefault(normalize_form(place.name), place)
        for form in row.get("names", ()):
            other.setdefault(normalize_form(form), set()).add(place)
    out = {k: next(iter(v)) for k, v in other.items() if len(v) == 1}
    out.update(main)
    return out


def known_place(name: str) -> Place | None:
    """The town or city `name` names, if it names exactly one in `data/places.jsonl`."""
    return _places().get(normalize_form(name))
