"""Within one document: which mentions name the same actor.

- identical names (after folding) are one actor;
- a person's short form joins the one full name it is part of ("Begli",
  "Ibrahim Begli" -> "Tawhid Ibrahim Begli"; "Joseph" -> "Joseph Epstein"),
  never when two full names share it;
- an acronym joins its expansion ("Endowment for Middle East Truth (EMET)");
- the text's own alias phrases join two names ("X, better known as Y",
  "X, or Y in the Azerbaijani language", "X (كتائب حزب الله)").
Pronouns and "the group" are not names and are never turned into entities.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from actorgraph.extract.groups import Groups
from actorgraph.extract.rules_en.ruledata import words
from actorgraph.knowledge.kinds import decide
from actorgraph.knowledge.lexicon import load_lexicon, normalize_form
from actorgraph.model import Mention

ALIAS_BETWEEN = re.compile(
    r"^\s*[,(\u2014\u2013-]?\s*(?:(?:better|also|commonly|widely|locally|formerly|sometimes)\s+)?"
    r"(?:known|referred to|called|styled)(?:\s+in\s+[A-Z][\w-]+|\s+(?:to|among|by)\s+[^,.;()]{1,40}?)?"
    r"\s+as\s+(?:the\s+)?$"
    r"|^\s*(?:\([^()]{0,80}\))?\s*,\s*(?:a|an|the)\s[^,.;()]{0,60}?\s(?:known|called|nicknamed|"
    r"dubbed)(?:\s+(?:to|among|by)\s+[^,.;()]{1,40}?)?\s+as\s+(?:the\s+)?$"
    r"|^\s*,?\s*or\s+(?:the\s+)?$"
    r"|^\s*[\u2014\u2013]\s*(?:the\s+)?$"
    r"|^\s*\(\s*(?:the\s+)?$|^\s*,?\s*(?:aka|a\.k\.a\.)\s+$"
    r"|^\s*\(\s*(?:or|also|alternatively|sometimes|often|usually|commonly|variously|elsewhere)?"
    r"\s*(?:transliterated|written|spelled|spelt|rendered|"
    r"romani[sz]ed|transcribed)?\s*(?:as\s+)?(?:the\s+)?$"
    r"|^\s*,?\s*(?:and\s+)?by\s+the\s+(?:kunya|nom de guerre|alias|name|pseudonym|moniker|"
    r"nickname)\s+$"
    r"|^\s*,\s*(?:the\s+)?[^,.;()]{0,60}?\s(?:usually|commonly|often|widely|generally|simply|"
    r"also|popularly)\s+(?:called|dubbed|nicknamed|known\s+as|referred\s+to\s+as)\s+(?:the\s+)?$"
    r"|^\s*,?\s*(?:(?:a|an|the|one)\s[^,.;()]{0,60}?\s)?(?:which|that|who)\s+(?:also\s+)?"
    r"(?:calls|called|names|named|"
    r"styles|styled|describes|described)\s+(?:itself|themselves|himself)\s+(?:as\s+)?(?:the\s+)?$",
    re.IGNORECASE)
EXPLICIT = re.compile(r"known|called|calls|referred|aka|a\.k\.a|styled|named|transliterated|"
                      r"written|spelled|spelt|rendered|romani[sz]ed|transcribed|kunya|"
                      r"nom de guerre|alias|pseudonym|moniker|nickname|dubbed", re.IGNORECASE)
SPELLING = re.compile(r"transliterated|written|spelled|spelt|rendered|romani[sz]ed|transcribed",
                      re.IGNORECASE)
PREPOSITION_BEFORE = re.compile(r"\b(?:from|in|of|at|near|to|on)\s+(?:the\s+)?$", re.IGNORECASE)
QUALIFIER_AFTER = re.compile(r"^\s+(?:in|by)\s[^()]{1,40}\)")   # "(spelled Y in some reports)"
LANGUAGE_AFTER = re.compile(r"^\s*(?:in|,)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+language)?", re.UNICODE)
STOP = words("reference", "stop")
KUNYA = words("reference", "kunya")   # "Abu Taqwa" is the start of "Abu Taqwa al-Saidi"


def initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w']+", name) if w.lower() not in STOP).upper()


def _tokens(name: str) -> list[str]:
    return normalize_form(name).split()


def link_mentions(mentions: list[Mention], text: str) -> None:
    """Give every mention its document-level `key` and `name`, and settle its type by vote."""
    if not mentions:
        return
    groups = Groups(len(mentions))
    groups.join_equal([normalize_form(m.name or m.text)] for m in mentions)
    _alias_phrases(mentions, text, groups)
    _acronyms(mentions, text, groups)
    _short_forms(mentions, groups)
    _org_short_forms(mentions, groups)
    for members in groups.members():
        _settle([mentions[i] for i in members])


def _group_votes(members: list[Mention]) -> dict[str, float]:
    votes: dict[str, float] = defaultdict(float)
    for m in members:
        for t, w in m.votes.items():
            votes[t] += w
    return votes


def _alias_phrases(mentions: list[Mention], text: str, groups: Groups) -> None:
    """Join two names the text itself equates ("X, better known as Y", "X (Y)",
    "X, or Y in the Azerbaijani language", "X, a group that calls itself Y"). The
    earlier name may lie up to three names back, so that names inside the phrase
    ("X, an Iran-based group that calls itself Y") are stepped over."""
    for i in range(1, len(mentions)):
        b = mentions[i]
        for j in range(i - 1, max(-1, i - 4), -1):
            a = mentions[j]
            between = text[a.end:b.start].lstrip(")")
            if "\n" in between or a.sentence != b.sentence:
                break
            if not ALIAS_BETWEEN.match(between) or not _alias_context(between, text, b):
                continue
            if between[:1].isspace() and between.strip()[:1] not in ",(\u2014\u2013-" \
                    and PREPOSITION_BEFORE.search(text[max(0, a.start - 8):a.start]):
                continue   # "a preacher from Tal Afar known as Y": Y names the preacher
            # the text says outright that both are names of one actor: only a country
            # stays apart from what is not one
            if _compatible(a, b) or EXPLICIT.search(between) and (
                    decide(a.votes) == "country") == (decide(b.votes) == "country"):
                groups.union(j, i)
                if SPELLING.search(between):
                    b.votes = {}   # another spelling of a name: no evidence of its own
                break


def _alias_context(between: str, text: str, b: Mention) -> bool:
    """Loose forms ("X, or Y", "X (Y)") need a sign that Y is another name for X."""
    stripped = between.strip()
    if stripped.startswith("(") and ")" in stripped:    # "X (spelled Z), a man known as Y"
        stripped = stripped[stripped.index(")") + 1:].strip()
    explicit = EXPLICIT.search(between)
    if stripped.lower().startswith("or") or stripped.startswith(",") and not explicit:
        return bool(explicit or LANGUAGE_AFTER.match(text[b.end:b.end + 40]))
    if stripped.startswith("("):
        return text[b.end:b.end + 2].lstrip().startswith(")") or bool(
            SPELLING.search(between) and QUALIFIER_AFTER.match(text[b.end:b.end + 48]))
    if stripped[:1] in ("\u2014", "\u2013") and not explicit:
        # "X — the Y — said": a name set off by dashes right after a name
        return text[b.end:b.end + 3].lstrip().startswith(stripped[0])
    return True


def _compatible(a: Mention, b: Mention) -> bool:
    ta, tb = decide(a.votes), decide(b.votes)
    if "country" in (ta, tb) and ta != tb:
        return False
    strong = min(max(a.votes.values(), default=0), max(b.votes.values(), default=0))
    return not ("person" in (ta, tb) and ta != tb and strong > 2)   # a weak guess may yield


def _acronyms(mentions: list[Mention], text: str, groups: Groups) -> None:
    """An acronym joins the name it abbreviates: the one it follows in parentheses
    ("Middle East Institute (MEI)"), else the only name in the document it fits, by its
    initials or as the name's own first word ("BAC" for "BAC Consulting")."""
    defined: dict[str, int] = {}
    fits: dict[str, set[int]] = defaultdict(set)
    lex = load_lexicon()
    for i, m in enumerate(mentions):
        if len(m.text.split()) >= 2 and decide(m.votes) != "person":
            fits[initials(m.text)].add(i)
            first = m.text.split()[0]      # "BAC Consulting" is "BAC" for short
            if first.isupper() and first.isalpha() and 2 <= len(first) <= 8 \
                    and lex.lookup(first) is None:
                fits[first].add(i)
    for i, m in enumerate(mentions):
        word = m.text.strip()
        if not (word.isupper() and 2 <= len(word) <= 8 and word.isalpha()):
            continue
        if i > 0 and re.fullmatch(r"\s*\(\s*", text[mentions[i - 1].end:m.start]) \
                and initials(mentions[i - 1].text) == word:
            defined[word] = i - 1
            groups.union(i, i - 1)
    for i, m in enumerate(mentions):
        word = m.text.strip()
        if word in defined:
            groups.union(i, defined[word])
        elif len(fits.get(word, ())) == 1:
            groups.union(i, next(iter(fits[word])))


def _short_forms(mentions: list[Mention], groups: Groups) -> None:
    full: dict[tuple[str, ...], int] = {}
    for i, m in enumerate(mentions):
        toks = tuple(_tokens(m.text))
        if len(toks) >= 2 and decide(m.votes) == "person":
            full.setdefault(toks, i)
    order = sorted(range(len(mentions)), key=lambda i: -len(_tokens(mentions[i].text)))
    for i in order:
        m = mentions[i]
        toks = tuple(_tokens(m.text))
        if not toks or decide(m.votes) in ("country",) or m.votes.get(
                "country", 0) > 5:
            continue
        kunya = len(toks) >= 2 and toks[0] in KUNYA
        owners = {j for ftoks, j in full.items()
                  if len(ftoks) > len(toks) and (ftoks[-len(toks):] == toks
                                                 or len(toks) == 1 and ftoks[0] == toks[0]
                                                 or kunya and ftoks[:len(toks)] == toks)}
        roots = {groups.find(j) for j in owners}
        if len(roots) > 1 and m.titles:
            # "President Aliyev" joins the full name that carries the same title
            titled = {j for j in owners if _titles(mentions, groups, j) & _fold_titles(m.titles)}
            owners, roots = titled, {groups.find(j) for j in titled}
        if len(roots) == 1:
            groups.union(i, next(iter(owners)))


# Words a short form of an organisation's or a place's name may leave out: "Wagner" for
# "Wagner Group", "Shabaab" for "al-Shabaab", "Defence Ministry" for "Russian Defence
# Ministry", "Zobe" for "Zobe junction".
DROPPABLE = words("reference", "droppable")


def _without(long: tuple[str, ...], short: tuple[str, ...], droppable) -> bool:
    """Whether `short` is `long` with only droppable words left out, in order."""
    i = 0
    for word in long:
        if i < len(short) and word == short[i]:
            i += 1
        elif not droppable(word):
            return False
    return i == len(short)


def _org_short_forms(mentions: list[Mention], groups: Groups) -> None:
    """An organisation or place named by a shorter form of one longer name of the document
    joins it, when what is left out is generic ("Group", "al-") or a demonym."""
    lex = load_lexicon()

    def droppable(word: str) -> bool:
        return word in DROPPABLE or lex.is_demonym(word)

    kinds = ("organization", "place")
    # each name's words and kind, once (per pair, they made long documents quadratic)
    names = {j: (tuple(_tokens(o.text)), decide(o.votes)) for j, o in enumerate(mentions)
             if o.role == "name"}
    # the names by each of their words: a longer name that leaves out only droppable words
    # holds the short form's first word (a scan of every name per name was quadratic)
    having: dict[str, list[int]] = {}
    for j, (forms, _) in names.items():
        for word in dict.fromkeys(forms):
            having.setdefault(word, []).append(j)
    for i in range(len(mentions)):
        if i not in names:
            continue
        short, kind = names[i]
        if not short or kind not in kinds:
            continue
        owners = {groups.find(j) for j in having.get(short[0], ())
                  if j != i and names[j][1] == kind and len(names[j][0]) > len(short)
                  and _without(names[j][0], short, droppable)}
        if len(owners) == 1:
            groups.union(i, next(iter(owners)))


def _fold_titles(titles) -> set[str]:
    return {t.lower().rstrip(".") for t in titles}


def _titles(mentions: list[Mention], groups: Groups, j: int) -> set[str]:
    root = groups.find(j)
    return {t for i, m in enumerate(mentions) if groups.find(i) == root
            for t in _fold_titles(m.titles)}


def _settle(members: list[Mention]) -> None:
    """One type, one key and one display name for all mentions of one actor."""
    votes = _group_votes([m for m in members if m.role == "name"]) or _group_votes(members)
    etype = decide(votes) or "organization"
    names = Counter(m.text for m in members if m.role == "name")
    if not names:
        names = Counter(m.name or m.text for m in members)
    if etype == "person":
        name = max(sorted(names), key=lambda n: (len(n.split()), names[n]))
    else:
        plain = [n for n in names if not n.isupper()] or list(names)
        name = max(sorted(plain), key=lambda n: (names[n], len(n)))
    kinds = Counter(m.kind for m in members if m.kind)
    kind = kinds.most_common(1)[0][0] if kinds and etype == "organization" else None
    for m in members:
        if m.role == "metonym":
            continue
        m.kind = kind
        m.type = etype
        m.name = name
        m.key = f"{etype}:{normalize_form(name)}"
