"""Name normalisation for cross-document entity resolution.

Everything here is a pure function of a string. The tables (titles, particles,
suffix equivalences, transliteration alternations) live in
``actorgraph/knowledge/data/names.yaml``; this module only applies them.

Three levels of sameness are offered, from strict to loose:

* :func:`fold` — one spelling per written form, any script: NFKC, case-folded,
  transliterated to ASCII with ``anyascii``, without diacritics or punctuation;
  Azerbaijani/Turkish words respelled first. "Hüseynçilər" -> "huseynchilar",
  "Ильхам Алиев" -> "ilkham aliev", "قاسم سلیمانی" -> "qsm slymny".
* :func:`vowel_key` — a token with its consonants normalised (q/k/gh, kh/h,
  w/v, double letters...) and each run of vowels reduced to "a" or "o":
  Mohammad -> "mohamad", Mahmoud -> "mahmod" (different), Tawhid / Tohid ->
  "tohad" (same). Meaningful only for scripts that write vowels.
* :func:`phonetic_key` — the same without any vowel: a consonant skeleton that
  also matches abjad spellings that leave short vowels out (قاسم -> "qsm" ->
  "ksm" = Qassem). Loose: used for blocking and cross-script matching.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from actorgraph.knowledge.data import load_yaml

__all__ = [
    "fold", "strip_titles", "phonetic_key", "vowel_key", "name_keys", "tokens",
    "significant_tokens", "acronym", "looks_like_acronym", "is_abjad", "tables", "org_symbols",
    "is_designator", "is_qualifier", "surname_gender", "phonetic_variants", "vowel_variants", "designator_classes",
    "long_vowels_agree", "script_readings",
]

VOWELS = "aeiouy"
_APOSTROPHES = "'’‘ʼʻ`´ʹʽ′‛＇"
_POSSESSIVE = re.compile(r"(?<=\w)[" + re.escape(_APOSTROPHES) + r"]s(?=\s|$)")
_APOS = re.compile("[" + re.escape(_APOSTROPHES) + "]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ARABIC_AL = "ال"
# Arabic-script vowel signs, shadda, sukun, superscript alef and Quranic marks: written
# in some texts and not in others, they are not part of a name's spelling.
_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_DOUBLE = re.compile(r"(.)\1+")
_DOTTED = re.compile(r"(?<![a-z0-9])(?:[a-z]\.){2,}")   # "u.s.", "u.n.": one word


@dataclass(frozen=True)
class Tables:
    """The word lists of names.yaml, folded and ready for look-ups."""

    titles: tuple[tuple[str, ...], ...]      # token sequences, longest first
    person_stopwords: frozenset[str]
    org_stopwords: frozenset[str]
    country_generic: frozenset[str]
    org_designators: frozenset[str]
    org_qualifiers: frozenset[str]
    suffixes: tuple[tuple[str, str], ...]    # (folded suffix, class), longest first
    min_stem: int
    alternations: tuple[tuple[re.Pattern, str], ...]
    arabic_article_exceptions: frozenset[str]
    orthographies: tuple[tuple[frozenset[str], dict[int, str]], ...]  # (markers, table)
    feminine_endings: tuple[str, ...]
    masculine_endings: tuple[str, ...]
    variant_letters: tuple[tuple[str, str], ...] = ()
    designator_classes: dict[str, frozenset[str]] | None = None   # designator -> classes


def _invert(classes: dict) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for cls, ws in classes.items():
        for w in ws:
            out.setdefault(fold(str(w)), set()).add(str(cls))
    return {w: frozenset(c) for w, c in out.items()}


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Load and cache the tables of ``actorgraph/knowledge/data/names.yaml``."""
    raw = load_yaml("names.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(str(w)) for w in raw.get(key) or ())

    titles = {tuple(fold(str(t)).split()) for t in raw["titles"]}
    titles.discard(())
    suffixes: list[tuple[str, str]] = []
    for cls, forms in raw["suffix_equivalences"]["classes"].items():
        for form in forms:
            suffixes.append((fold(str(form)).replace(" ", ""), str(cls)))
    suffixes = sorted(set(suffixes), key=lambda s: (-len(s[0]), s[0]))
    alternations = tuple((re.compile(p), r) for p, r in raw["alternations"])
    return Tables(
        titles=tuple(sorted(titles, key=lambda t: (-len(t), t))),
        person_stopwords=words("person_stopwords"),
        org_stopwords=words("org_stopwords"),
        country_generic=words("country_generic"),
        org_designators=words("org_designators"),
        org_qualifiers=words("org_qualifiers"),
        suffixes=tuple(suffixes),
        min_stem=int(raw["suffix_equivalences"].get("min_stem", 3)),
        alternations=alternations,
        arabic_article_exceptions=frozenset(raw.get("arabic_article_exceptions") or ()),
        orthographies=tuple(
            (frozenset(str(o["markers"])), str.maketrans({str(k): str(v) for k, v in o["map"].items()}))
            for o in (raw.get("orthographies") or {}).values()),
        feminine_endings=tuple(str(e) for e in raw["surname_gender"]["feminine"]),
        masculine_endings=tuple(str(e) for e in raw["surname_gender"]["masculine"]),
        variant_letters=tuple((str(a), str(b)) for a, b in raw.get("variant_letters") or ()),
        designator_classes=_invert(raw.get("designator_classes") or {}),
    )


_ABJAD = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0700-\u074f\u0750-\u077f"
                    "\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@lru_cache(maxsize=1 << 20)
def is_abjad(text: str) -> bool:
    """True when most letters of ``text`` are in Arabic, Hebrew or Syriac script.

    These scripts usually leave short vowels out, so only the consonant
    skeleton (:func:`phonetic_key`) of their transliteration can be compared.
    """
    if text.isascii():
        return False
    abjad = len(_ABJAD.findall(text))
    letters = sum(1 for ch in text if ch.isalpha())
    return abjad * 2 > letters


def _apply_orthographies(text: str) -> str:
    """Spell words of a marked Latin orthography the English way (Azərbaycan ->
    azarbayjan): Azerbaijani and Turkish c is "j", ç "ch", ş "sh"."""
    if text.isascii():
        return text
    orthographies = tables().orthographies
    out = []
    for word in text.split(" "):
        if not word.isascii():
            for markers, table in orthographies:
                if not markers.isdisjoint(word):
                    word = word.translate(table)
                    break
        out.append(word)
    return " ".join(out)


def _split_arabic_article(text: str) -> str:
    """Write the Arabic article of "القدس" apart, as "al", before transliteration."""
    if _ARABIC_AL not in text:
        return text
    exceptions = tables().arabic_article_exceptions
    out = []
    for word in text.split():
        if word.startswith(_ARABIC_AL) and len(word) > 3 and word not in exceptions:
            out.append("al " + word[2:])
        else:
            out.append(word)
    return " ".join(out)


@lru_cache(maxsize=1 << 20)
def fold(name: str) -> str:
    """Fold a name to lower-case ASCII words, whatever its script.

    NFKC, case-folding, possessive "'s" dropped, words in Azerbaijani or
    Turkish spelling respelled (names.yaml `orthographies`), Arabic vowel signs dropped
    and its article split off,
    transliteration of any script with ``anyascii`` (which also strips
    diacritics: ə ı ş ç ğ ö ü), dotted initials written as one word ("U.S." -> "us"), apostrophes of all kinds deleted (Kata'ib ->
    kataib), other punctuation turned into spaces, a leading "the" dropped.

    >>> fold("The Kata’ib Hezbollah's")
    'kataib hezbollah'
    >>> fold("Tövhid İbrahim Bəyli")
    'tovhid ibrahim bayli'
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _POSSESSIVE.sub("", text)
    text = _apply_orthographies(text)
    text = _HARAKAT.sub("", text)
    text = _split_arabic_article(text)
    text = anyascii(text).lower()
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", "") + " ", text)
    text = _APOS.sub("", text)
    text = _NON_ALNUM.sub(" ", text)
    text = " ".join(text.split())     # only [a-z0-9 ] is left: ASCII spaces to squash
    if text.startswith("the ") and len(text) > 4:
        text = text[4:]
    return text


def tokens(name: str) -> list[str]:
    """The folded words of a name."""
    return fold(name).split()


@lru_cache(maxsize=1)
def _titles_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for title in tables().titles:          # longest first
        index.setdefault(title[0], []).append(title)
    return {k: tuple(v) for k, v in index.items()}


def _strip_title_tokens(toks: list[str]) -> list[str]:
    index = _titles_by_first()
    changed = True
    while changed and toks:
        changed = False
        for title in index.get(toks[0], ()):
            n = len(title)
            if len(toks) > n and tuple(toks[:n]) == title:
                toks = toks[n:]
                changed = True
                break
    return toks


def strip_titles(name: str) -> str:
    """Remove leading titles and honorifics ("Gen.", "Ayatollah", "Former Mayor").

    Works on the original string so its script and spelling are kept; a name
    that is nothing but a title is returned unchanged.

    >>> strip_titles("Former IRGC Commander Gen. Qassem Soleimani")
    'IRGC Commander Gen. Qassem Soleimani'
    >>> strip_titles("Gen. Qassem Soleimani")
    'Qassem Soleimani'
    """
    titles = set(tables().titles)
    words = name.split()
    while len(words) > 1:
        cut = 0
        for k in range(min(4, len(words) - 1), 0, -1):
            if tuple(fold(" ".join(words[:k])).split()) in titles:
                cut = k
                break
        if not cut:
            break
        words = words[cut:]
    return " ".join(words)


@lru_cache(maxsize=1 << 20)
def significant_tokens(name: str, type: str = "person") -> tuple[str, ...]:
    """Folded tokens without titles, particles and stop words (type dependent)."""
    t = tables()
    if type == "person":
        toks = _strip_title_tokens(tokens(name))
    elif type in ("organization", "channel"):
        # legal forms (LLC, Inc, GmbH...) say nothing about which organisation
        from rigour.names import remove_org_types  # here: commands that only read need no rigour
        toks = remove_org_types(fold(name)).split() or tokens(name)
    else:
        toks = tokens(name)
    stop = t.person_stopwords if type == "person" else t.org_stopwords
    kept = [w for w in toks if w not in stop]
    if type == "country":
        core = [w for w in kept if w not in t.country_generic]
        if core:
            kept = core
    return tuple(kept or toks)


@lru_cache(maxsize=1)
def _designator_skeletons() -> frozenset[str]:
    # short skeletons ("js", "sr", "rm") would catch ordinary names
    return frozenset(k for k in (phonetic_key(w) for w in tables().org_designators)
                     if len(k) >= 3)


def is_designator(token: str) -> bool:
    """A group designator ("liwa", "kata'ib", "brigade"), as listed in
    names.yaml (with its Cyrillic and Arabic-script transliterations) or with
    the skeleton of one of three letters or more ("Brigada", "Harakah")."""
    return token in tables().org_designators or phonetic_key(token) in _designator_skeletons()


def designator_classes(token: str) -> frozenset[str]:
    """The classes of a designator that has equivalents in other languages or numbers
    (kata'ib ~ katibat ~ brigades, liwa ~ brigade, jaysh ~ army), else none."""
    return (tables().designator_classes or {}).get(token, frozenset())


def is_qualifier(token: str) -> bool:
    """A demonym or similar qualifier of an organisation name ("lebanese")."""
    return token in tables().org_qualifiers


def _split_suffix(token: str) -> tuple[str, str]:
    """(stem, suffix class) for a token with a group-name suffix, else (token, "")."""
    t = tables()
    for suffix, cls in t.suffixes:
        if token.endswith(suffix) and len(token) - len(suffix) >= t.min_stem:
            return token[: -len(suffix)], cls
    return token, ""


@lru_cache(maxsize=1 << 20)
def _normalised(token: str) -> tuple[str, str, str]:
    """(stem, suffix class, stem after the transliteration alternations)."""
    folded = fold(token).replace(" ", "")
    stem, cls = _split_suffix(folded)
    out = stem
    for pattern, repl in tables().alternations:
        out = pattern.sub(repl, out)
    return stem, cls, out


@lru_cache(maxsize=1 << 20)
def phonetic_key(token: str) -> str:
    """The consonant skeleton of one token, for transliteration variants.

    The token is folded, a group-name suffix is replaced by its class
    (-iyyun = -ywn = -çilər), the ordered transliteration alternations of
    names.yaml are applied (q/gh -> k, kh -> h, w/v glides, double letters,
    soft g...), every vowel is dropped and doubled letters are written once
    (abjad spellings leave out the vowel between them: بغداد ~ Baghdad).
    Tawhid / Tohid / Tövhid -> "thd", Ibrahim / Ebrahim / ابراهیم -> "brhm",
    Valiyev / Veliyev -> "flf",
    Husseiniyyun / Hoseyniyun / Hüseynçilər -> "hsn~followers".
    """
    stem, cls, consonants = _normalised(token)
    skel = _DOUBLE.sub(r"\1", "".join(c for c in consonants if c not in VOWELS))
    if not skel:
        skel = stem[:1]
    return f"{skel}~{cls}" if cls else skel


_VOWEL_RUN = re.compile("[aeiouy]+")


def _gaps(consonants: str) -> tuple[str, ...]:
    """The vowel letters before, between and after the consonants of a normalised token
    (doubled consonants written once): "hoseini" -> ("", "o", "ei", "i")."""
    out, run = [], ""
    prev = ""
    for ch in consonants:
        if ch in VOWELS:
            run += ch
        elif ch != prev or run:
            out.append(run)
            run = ""
        prev = ch if ch not in VOWELS else ""
    out.append(run)
    return tuple(out)


_CYRILLIC_GE = str.maketrans({"г": "х", "Г": "Х"})
_AZERBAIJANI_G = str.maketrans({"g": "k", "G": "K"})


def script_readings(name: str) -> tuple[str, ...]:
    """The name, and how else its script may render the sound of another language's
    name: Russian writes the h of Turkic and Persian names as г (Гасан is Hasan,
    Гаджизаде is Hacızadə, Гейдар is Heydar), so a Cyrillic г is also read as х; the
    Azerbaijani g (a palatal k) is written к in Russian (Əsgərov is Аскеров), so in a
    name spelled with the Azerbaijani ə it is also read as k."""
    if "г" in name or "Г" in name:
        return (name, name.translate(_CYRILLIC_GE))
    if ("ə" in name or "Ə" in name) and ("g" in name or "G" in name):
        return (name, name.translate(_AZERBAIJANI_G))
    return (name,)


@lru_cache(maxsize=1 << 20)
def long_vowels_agree(abjad_token: str, latin_token: str) -> bool:
    """Whether a Latin spelling writes a vowel wherever an abjad spelling of the same
    skeleton writes its long i (ی / ي, folded "y"): حسینی ("hsyny") is Hosseini, not
    Hassani, though all three have the skeleton h-s-n. Short vowels, which abjads leave
    out, constrain nothing."""
    ga = _gaps(_normalised(abjad_token)[2])
    gb = _gaps(_normalised(latin_token)[2])
    if len(ga) != len(gb):
        return True          # not aligned consonant for consonant: no evidence either way
    return all("y" not in x or any(v in y for v in "iey") for x, y in zip(ga, gb))


def _vowel_class(m: re.Match) -> str:
    run = m.group(0)
    return "o" if ("o" in run or "u" in run) else "a"


@lru_cache(maxsize=1 << 20)
def vowel_key(token: str) -> str:
    """Like :func:`phonetic_key`, but each run of vowels is kept as one of two
    classes: "o" (a run with o or u) or "a" (a, e, i, y, and ə ~ a ~ e).

    This tells Mohammad ("mohamad") from Mahmoud ("mahmod") and Hassan
    ("hasan") from Hussein ("hosan") where the skeleton cannot, while
    Tawhid / Tohid ("tohad"), Valiyev / Veliyev, Soleimani / Sulaimani and
    Mammadov / Mamedov stay equal. Only meaningful when both spellings write
    their vowels (not for Arabic or Persian script).
    """
    _, cls, consonants = _normalised(token)
    key = _VOWEL_RUN.sub(_vowel_class, consonants)
    return f"{key}~{cls}" if cls else key


def _readings(token: str) -> tuple[str, ...]:
    """The folded token and its second readings by names.yaml `variant_letters`
    (Kadhimi -> kadhimi, kazimi)."""
    folded = fold(token).replace(" ", "")
    out = [folded]
    for src, dst in tables().variant_letters:
        if src in folded:
            out.append(folded.replace(src, dst))
    return tuple(out)


@lru_cache(maxsize=1 << 20)
def phonetic_variants(token: str) -> frozenset[str]:
    """:func:`phonetic_key` of every reading of the token: a letter that Latin
    transliterations write two ways (dh ~ z, th ~ s) gives two keys, so
    Kadhimi ("kdm", "kzm") meets Kazimi ("kzm") and كاظمي ("kdm")."""
    return frozenset(phonetic_key(r) for r in _readings(token))


@lru_cache(maxsize=1 << 20)
def vowel_variants(token: str) -> frozenset[str]:
    """:func:`vowel_key` of every reading of the token (see :func:`phonetic_variants`)."""
    return frozenset(vowel_key(r) for r in _readings(token))


def surname_gender(token: str) -> str:
    """"f" or "m" for a folded surname with a gendered ending (Aliyeva / Aliyev),
    else ""."""
    t = tables()
    if token.endswith(t.feminine_endings):
        return "f"
    if token.endswith(t.masculine_endings):
        return "m"
    return ""


def acronym(toks: Iterable[str]) -> str:
    """Initials of the given folded tokens ("endowment middle east truth" -> "emet")."""
    return "".join(t[0] for t in toks if t)


def looks_like_acronym(name: str) -> bool:
    """One word of 2-8 letters written in capitals ("EMET", "IRGC", "KH")."""
    word = name.strip().replace(".", "")
    return (" " not in word and 2 <= len(word) <= 8 and word.isalpha()
            and word.isupper())


def _org_acronym_tokens(name: str) -> list[str]:
    stop = tables().org_stopwords
    return [w for w in tokens(name) if w not in stop]


@lru_cache(maxsize=1 << 20)
def org_symbols(name: str) -> frozenset[str]:
    """rigour's organisation symbols (DOMAIN:...) that span the whole name.

    "IRGC", "Islamic Revolutionary Guard Corps" and "سپاه پاسداران انقلاب
    اسلامی" all carry DOMAIN:IRGC over all their words.
    """
    from rigour.names import NamePartTag, NameTypeTag, analyze_names

    found: frozenset[str] | None = None
    for analysed in analyze_names(NameTypeTag.ORG, [name], phonetics=False, numerics=False):
        content = {p.index for p in analysed.parts if p.tag != NamePartTag.STOP}
        covered: dict[str, set[int]] = {}
        for span in analysed.spans:
            sym = str(span.symbol)[1:-1]
            if sym.startswith("DOMAIN:"):
                covered.setdefault(sym, set()).update(p.index for p in span.parts)
        whole = frozenset(s for s, idx in covered.items() if content and content <= idx)
        found = whole if found is None else found & whole
    return found or frozenset()


def name_keys(name: str, type: str) -> set[str]:
    """Blocking keys of one name: names sharing a key are compared.

    * ``n:`` the folded significant tokens (exact spelling, any script),
    * ``p:`` the sorted phonetic skeletons of the tokens (order and
      transliteration free),
    * ``j:`` the skeleton of all tokens written together
      (Hezbollah ~ Hizb Allah ~ حزب الله),
    * ``t:`` the skeleton of a single significant token: the surname (last
      token) of a person, every distinctive token of other names,
    * ``f:`` first + last token skeletons of a person with a middle name,
    * ``a:`` an acronym ("EMET"), ``i:`` the initialism of a multi-word
      organisation name ("Endowment for Middle East Truth" -> "i:emet"); the
      resolver pairs ``a:`` with ``i:`` keys only,
    * ``y:`` a rigour organisation symbol covering the whole name (DOMAIN:IRGC).
    """
    toks = significant_tokens(name, type)
    if not toks:
        return set()
    skels = [phonetic_key(t) for t in toks]
    keys = {"n:" + " ".join(toks), "p:" + " ".join(sorted(skels))}
    joined = phonetic_key("".join(toks))
    if len(joined) >= 3:
        keys.add("j:" + joined)
    if type == "person":
        keys.update("t:" + k for k in phonetic_variants(toks[-1]))
        if len(toks) > 2:
            keys.add(f"f:{skels[0]} {skels[-1]}")
    else:
        for tok, skel in zip(toks, skels):
            if len(skel) >= 2 and not is_designator(tok) and not is_qualifier(tok):
                keys.update("t:" + k for k in phonetic_variants(tok))
        if type in ("organization", "channel"):
            for sym in org_symbols(name):
                keys.add("y:" + sym)
        if type in ("organization", "channel", "country"):
            if looks_like_acronym(name):
                keys.add("a:" + fold(name).replace(" ", ""))
            else:
                words = _org_acronym_tokens(name)
                if len(words) >= 2:
                    keys.add("i:" + acronym(words))
    return keys
