"""Recognise: named-entity candidate spans, repaired and filtered.

Candidates come from spaCy's NER, from the lexicon (phrase matches of every
gazetteer name and alias, which catch names the small model misses) and from
proper-noun runs headed by an organisation word ("... Initiative").
Each span is then repaired — leading determiners, titles and sentence-initial
verbs ("Meet X") trimmed, possessives cut ("EMET's Legislative Fellow" ->
"EMET"), a name cut short at "of" completed — and dropped when it is not a
name of an actor or place (demonyms, ideologies, wars, job titles).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from actorgraph.extract.rules_en.nlp import Columns, columns
from actorgraph.extract.rules_en.ruledata import words
from actorgraph.knowledge.lexicon import Lexicon, normalize_form
from actorgraph.knowledge.names import fold
from actorgraph.knowledge.wordlists import WORDS

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
HEAD_WORDS = frozenset(h.lower() for h in WORDS["org_heads"])   # "Brigade", "brigade"
NAME_GLUE = words("names", "name_glue")   # lowercase words a name may hold ("Army of the Men of the Naqshbandi")


@dataclass
class Candidate:
    """A repaired span with the signals gathered while finding it."""

    start: int          # token index
    end: int            # token index (exclusive)
    label: str          # spaCy label, "LEX" for lexicon matches, "CUE" for cue-headed runs
    titles: list[str] = field(default_factory=list)
    _span: tuple[Doc, int, int, Span] | None = field(default=None, init=False, repr=False,
                                                     compare=False)

    def span(self, doc: Doc) -> Span:
        """`doc[start:end]`, made once: the typing rules read it a dozen times each."""
        made = self._span
        if made is None or made[0] is not doc or made[1:3] != (self.start, self.end):
            made = self._span = (doc, self.start, self.end, doc[self.start:self.end])
        return made[3]


def _phrase_matcher(nlp_vocab, lex: Lexicon) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp_vocab, attr="ORTH")
    forms = sorted({f for f in lex.surface_forms() if len(f) >= 2 and any(c.isupper() for c in f)})
    tokenizer_docs = [Doc(nlp_vocab, words=_split(f)) for f in forms]
    matcher.add("LEX", tokenizer_docs)
    return matcher


def _split(form: str) -> list[str]:
    """Approximate spaCy's tokenisation of a name for phrase patterns."""
    out: list[str] = []
    for part in form.replace("-", " - ").replace("\u2019s", " \u2019s").split():
        if part.endswith((",", ".")) and len(part) > 2 and part[-1] == ",":
            out.extend([part[:-1], part[-1]])
        else:
            out.append(part)
    return out


_MATCHERS: dict[int, PhraseMatcher] = {}


def lexicon_matches(doc: Doc, lex: Lexicon) -> list[Candidate]:
    key = id(doc.vocab)
    if key not in _MATCHERS:
        _MATCHERS[key] = _phrase_matcher(doc.vocab, lex)
    return [Candidate(s, e, "LEX") for _, s, e in _MATCHERS[key](doc)]


PLACE_TAIL_HEADS = words("names", "place_tail_heads")   # "... Mission in Somalia"


def _capitalised(tok) -> bool:
    return tok.is_title or tok.is_upper and len(tok) > 1


def _capitalised_at(cols: Columns, i: int) -> bool:
    """`_capitalised` of token `i`, from the document's columns."""
    return cols.title[i] or cols.upper[i] and len(cols.text[i]) > 1


def name_tail(doc: Doc, start: int, end: int, lex: Lexicon | None = None) -> int:
    """Where a name ending in an organisation head word really ends: "... Movement of
    Azerbaijan", "Endowment for Middle East Truth", "Strategic Framework for the Defence of
    the People of Azawad", "Group for the Support of Islam and Muslims", "African Union
    Transition Mission in Somalia". A tail that ends in a head word of its own is another
    organisation; a known name followed by its own country stays as it is ("the Quds
    Force of Iran")."""
    heads = WORDS["org_heads"]
    if end >= len(doc) or doc[end - 1].text not in heads:
        return end
    known = lex.lookup(doc[start:end].text) if lex is not None else None
    best, k, first = end, end, True
    while k < len(doc):
        word = doc[k].lower_
        if not (word in ("of", "for") or first and word == "in"
                and doc[end - 1].text in PLACE_TAIL_HEADS or not first and word == "and"):
            break
        m = k + 1
        if word != "and" and m < len(doc) and doc[m].lower_ == "the":
            m += 1
        n = m
        while n < len(doc) and _capitalised(doc[n]) and doc[n].text not in heads:
            n += 1
        if n == m or n < len(doc) and doc[n].text in heads:
            break
        place = lex.lookup(doc[m:n].text) if lex is not None else None
        if known is not None and place is not None and place.type == "country" \
                and place.country == known.country:
            break     # "the Quds Force of Iran": a known name and where it is from
        best, k, first = n, n, False
    return best


def cue_runs(doc: Doc, lex: Lexicon | None = None) -> list[Candidate]:
    """Capitalised runs that end in an organisation head word ("Middle East Initiative").

    The run ends at its first head word, unless a tail of "of"/"for" and a name without
    a head word of its own follows (`name_tail`); titles ahead of it are not part of it.
    """
    out = []
    i = 0
    heads = WORDS["org_heads"]
    cols = columns(doc)
    while i < len(doc):
        if not _capitalised_at(cols, i) or cols.lower[i].rstrip(".") in WORDS["titles"]:
            i += 1
            continue
        j = i
        while j < len(doc) and _capitalised_at(cols, j) and cols.text[j] not in heads:
            j += 1
        j = _of_the_head(doc, i, j, heads)
        if j < len(doc) and doc[j].text in heads and (
                j > i or name_tail(doc, i, j + 1, lex) > j + 1):   # "Army of Justice"
            end = name_tail(doc, i, j + 1, lex)
            out.append(Candidate(i, end, "CUE"))
            i = end
        else:
            i = max(j, i + 1)
    return out


def _of_the_head(doc: Doc, i: int, j: int, heads) -> int:
    """Where a capitalised run [i, j) stopped at "of (the)" before a run that ends in
    a head word, that head word ("Guardians of the Blood Brigades"); else j. The run
    before "of" is a plural noun ("Guardians", "Men"), not a person's name, a title or
    a sentence's first word."""
    if not (i < j <= i + 3 and j < len(doc) and doc[j].lower_ == "of") or doc[i].is_sent_start \
            or doc[j - 1].tag_ not in ("NNS", "NNPS") \
            or any(doc[k].lower_.rstrip(".") in WORDS["titles"] or doc[k].ent_type_ == "PERSON"
                   for k in range(i, j)):
        return j     # "Qassem Soleimani of the Quds Force": a person and his group
    m = j + 1
    if m < len(doc) and doc[m].lower_ == "the":
        m += 1
    n = m
    while n < len(doc) and _capitalised(doc[n]) and doc[n].text not in heads:
        n += 1
    return n if n > m and n < len(doc) and doc[n].text in heads else j


def propn_runs(doc: Doc) -> list[Candidate]:
    """Proper-noun runs the model left untagged; kept by the typing stage only when
    some rule gives them a type (the pipeline drops candidates nobody voted for)."""
    out = []
    i = 0
    pos, text = columns(doc).pos, columns(doc).text
    while i < len(doc):
        if pos[i] == "PROPN" and text[i][:1].isupper() and doc[i].is_alpha \
                and doc[i].lower_ not in WORDS["calendar"]:
            j = i
            while j < len(doc) and pos[j] == "PROPN" and text[j][:1].isupper():
                j += 1
            out.append(Candidate(i, j, "PROPN"))
            i = j
        else:
            i += 1
    return out


def led_groups(doc: Doc) -> list[Candidate]:
    """'the US-led coalition', 'a Saudi-led alliance': a group named by whoever leads it
    (a capitalised name hyphenated to "led", then a head of `led_heads`)."""
    heads = words("names", "led_heads")
    out = []
    for i, low in enumerate(columns(doc).lower):
        if i == 0 or low not in heads or doc[i - 1].whitespace_ == "":
            continue
        prev = doc[i - 1]
        if prev.lower_.endswith("-led") and prev.text[:1].isupper():
            out.append(Candidate(i - 1, i + 1, "LED"))
        elif prev.lower_ == "led" and i >= 3 and doc[i - 2].text == "-" \
                and doc[i - 2].whitespace_ == doc[i - 3].whitespace_ == "" \
                and doc[i - 3].text[:1].isupper():
            out.append(Candidate(i - 3, i + 1, "LED"))
    return out


def group_word_runs(doc: Doc) -> list[Candidate]:
    """A capitalised Arabic, Persian or Urdu noun for an armed group (wordlists
    `group_words`) and the capitalised words, particles and hyphens after it:
    "Liwa Dhul Fiqar al-Thani", "Kata'ib Sayf al-Haqq", which the model splits
    or takes for a person."""
    out = []
    for i, text in enumerate(columns(doc).text):
        if not text[:1].isupper() or fold(text) not in WORDS["group_words"]:
            continue
        j = i + 1
        while j < len(doc):
            t = doc[j]
            if t.text[:1].isupper() and not t.is_punct and not t.is_sent_start:
                j += 1
            elif (t.lower_ in WORDS["name_particles"] or t.text in ("-", "'")) \
                    and j + 1 < len(doc) and (doc[j + 1].text[:1].isupper()
                                              or doc[j + 1].text in ("-", "'")):
                j += 1
            else:
                break
        while j > i + 1 and not doc[j - 1].text[:1].isupper():
            j -= 1
        if j > i + 1:
            out.append(Candidate(i, j, "CUE"))
    return out


def bracketed_names(doc: Doc) -> list[Candidate]:
    """A name in brackets after a name: another script or spelling of it,
    "Kata'ib Hezbollah (كتائب حزب الله)", "Ganja (Gəncə)". Typed like the name before it."""
    out = []
    for i, text in enumerate(columns(doc).text):
        if text != "(" or i == 0:
            continue
        j = i + 1
        while j < len(doc) and j - i <= 9 and doc[j].text != ")" and not doc[j].is_space:
            j += 1
        if j >= len(doc) or doc[j].text != ")" or j == i + 1:
            continue
        inner = doc[i + 1:j]
        text = inner.text
        foreign = any(ord(ch) > 0x24F for ch in text) or any(not ch.isascii() for ch in text)
        if foreign and j - i <= 6 and any(ch.isalpha() for ch in text) \
                and not any(ch.isdigit() for ch in text) or _translated_name(inner):
            out.append(Candidate(i + 1, j, "BRACKET"))
    return out


_GLUE = frozenset({"of", "the", "for", "and", "in"})


def _translated_name(inner: Span) -> bool:
    """An English rendering of the name before the bracket, in title case with its
    function words: "Saraya X (Guardians of the Y Brigades)". Two capitalised words at
    least, one of them an organisation head word; no title, no digit."""
    words = [t for t in inner if not t.is_punct]
    caps = [t for t in words if t.text[:1].isupper()]
    return (len(caps) >= 2 and len(words) >= 3 and words[-1].text[:1].isupper()
            and all(t.text[:1].isupper() or t.lower_ in _GLUE for t in words)
            and any(t.text in WORDS["org_heads"] for t in caps)
            and not any(t.lower_.rstrip(".") in WORDS["titles"] or t.like_num for t in words))


def _is_sentence_verb(tok, verbs) -> bool:
    return tok.is_sent_start and tok.lower_ in verbs


def repair(doc: Doc, cand: Candidate, verbs: set[str],
           lex: Lexicon | None = None) -> Candidate | None:
    """Trim and complete a candidate span; None when nothing name-like is left."""
    start, end = cand.start, cand.end
    titles: list[str] = []
    # a name cut short at "of"/"for": complete it with the following capitalised run
    if end < len(doc) and doc[end - 1].lower_ in ("of", "for") and doc[end].is_title:
        while end < len(doc) and doc[end].is_title:
            end += 1
    # "Islamic Resistance Movement" + "of Azerbaijan": an organisation named for a place
    elif cand.label != "LEX":
        end = name_tail(doc, start, end, lex)
    end = _hyphen_joined(doc, end)
    # cut at a possessive ("EMET's Legislative Fellow" -> "EMET") or a bracket
    cols = columns(doc)
    for i in range(start, end):
        if cols.tag[i] == "POS" or cols.lower[i] in ("'s", "\u2019s") or cols.text[i] in "([":
            end = i
            break
    while start < end:
        tok = doc[start]
        low = tok.lower_.rstrip(".")
        if low in WORDS["titles"]:
            titles.append(tok.text)
            start += 1
        elif (low in WORDS["determiners"] or tok.is_punct or tok.is_space
              or _dateline_date(doc, start, end)
              or _is_sentence_verb(tok, verbs) and end - start > 1
              or tok.text[:1].islower() and not _particle(doc, start, end)):
            start += 1
        else:
            break
    while end - start > 1 and doc[end - 1].lower_.rstrip(".") in WORDS["titles"] \
            and doc[end - 2].whitespace_:       # not a hyphenated word's part ("Port-au-Prince")
        end -= 1  # "Quds Force Commander [Qassem Soleimani]": the title belongs to the next name
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in ("of", "for", "and", "the")
                           or doc[end - 1].text[:1].islower() and not doc[end - 1].like_num
                           and cand.label != "LEX"   # "Houthi movement" is a lexicon name
                           and not _joined_syllable(doc, end - 1)):
        end -= 1
    if start >= end:
        return None
    # drop the title words ahead of the name that spaCy kept ("Gen. Qassem Soleimani")
    if start > 0 and doc[start - 1].lower_.rstrip(".") in WORDS["titles"]:
        titles.append(doc[start - 1].text)
    return Candidate(start, end, cand.label, titles + cand.titles)


def _hyphen_joined(doc: Doc, end: int) -> int:
    """The end of a name written as one hyphenated word through short lower-case links
    ("Port-au-Prince", "Saint-Louis-du-Nord"): across hyphens with no space around them,
    to a capitalised piece. Two names hyphenated without a link stay two ("the
    Israel-Hamas war"), and a lower-case word is joined only as a personal name's
    syllable (`_name_syllable`), never as a word of its own ("Iran-backed")."""
    i = end
    text = columns(doc).text
    while i + 1 < len(doc) and text[i] == "-" and doc[i - 1].whitespace_ == "" \
            and doc[i].whitespace_ == "":
        j = i + 1
        while (j + 2 < len(doc) and doc[j].is_lower and len(doc[j]) <= 3
               and doc[j].whitespace_ == "" and doc[j + 1].text == "-"
               and doc[j + 1].whitespace_ == ""):
            j += 2                                  # "-au-", "-du-", "-de-"
        if j == i + 1 and _name_syllable(doc, i - 1, j):
            i = end = j + 1                         # "Lin Wei-ming", "Kim Jong-un"
            continue
        if j == i + 1 or not (doc[j].is_title and doc[j].is_alpha):
            break
        i = end = j + 1
    return end


def _joined_syllable(doc: Doc, k: int) -> bool:
    """Token `k` is a personal name's syllable hyphenated to the word before it."""
    return (k >= 2 and doc[k - 1].text == "-" and doc[k - 1].whitespace_ == ""
            and doc[k - 2].whitespace_ == "" and _name_syllable(doc, k - 2, k))


def _name_syllable(doc: Doc, before: int, j: int) -> bool:
    """A lower-case piece after a hyphen that is part of a personal name ("Wei-ming"):
    the tagger calls it a proper noun and the model's entity runs through it, unlike
    a participle or adjective ("Iran-backed", "Hamas-allied")."""
    tok = doc[j]
    return (tok.is_lower and tok.is_alpha and tok.pos_ == "PROPN"
            and doc[before].ent_type_ == tok.ent_type_ == "PERSON"
            and tok.ent_iob_ == "I")


def _dateline_date(doc: Doc, i: int, end: int) -> bool:
    """A calendar word that a dash or colon parts from the name after it: the date
    of a dateline or a digest entry ("4 Oct - Lebanon", "Monday: Basra")."""
    return (columns(doc).lower[i].rstrip(".") in WORDS["calendar"] and i + 1 < end
            and doc[i + 1].is_punct and doc[i + 1].text not in ("(", "[", "'", "’"))


def _particle(doc: Doc, i: int, end: int) -> bool:
    """'al-' / 'bin' style particles that may start a name before a capitalised word."""
    return doc[i].lower_ in WORDS["name_particles"] and i + 1 < end


def is_name(span: Span, lex: Lexicon, label: str = "") -> bool:
    """False for spans that are not names of an actor or place."""
    text = span.text
    words = [t for t in span if not t.is_punct]
    if not words or len(text) < 2:
        return False
    if lex.lookup(text):
        return True
    if any(c.isdigit() for c in text) and not (
            label.split(":")[-1] in ("FAC", "ORG", "LOC") and any(t.is_alpha and t.is_title for t in words)):
        return False  # "Tower 22" and "K-1" are names; "2018" and "15,000" are not
    lowers = [t.lower_ for t in words]
    last = lowers[-1]
    if all(lex.is_demonym(t.text) or t.lower_.rstrip("s") in WORDS["groups_of_people"]
           or t.lower_ in WORDS["groups_of_people"] or t.lower_ in WORDS["modifiers"]
           for t in words):
        return False
    if last in WORDS["non_actor_heads"] or last.rstrip("s") in WORDS["non_actor_heads"]:
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in WORDS["non_actor_heads"] and after.pos_ == "NOUN":
        return False  # "the Neighbor First policy": a name of a policy, not of an actor
    if len(words) == 1 and (last in WORDS["concepts"] or last.endswith(("ism", "ist", "ists"))):
        return False
    folded = normalize_form(text)
    if folded in WORDS["furniture_names"] | WORDS["designations"] or \
            folded.rstrip("s") in WORDS["designations"]:
        return False
    if len(words) == 1 and last in HEAD_WORDS:
        return False  # "the 12th Brigade" cut to "Brigade": a head word alone names nothing
    if len(words) == 1 and last in WORDS["portfolios"]:
        return False  # "US Defense Secretary X", "Deputy Defence Minister Y"
    if len(words) > 1 and (last in WORDS["groups_of_people"] or lex.is_demonym(words[-1].text)) \
            and not any(t.lower_ in NAME_GLUE for t in words):
        return False  # "Zaydi Shia", "Twelver Shia": a faith, not an actor
    if any(t.text[:1].islower() and t.is_alpha and t.lower_ not in NAME_GLUE
           and t.lower_ not in WORDS["name_particles"] for t in words[1:-1]):
        return False  # "Wagner to Africa Corps": two names and a word between them
    if all(t.lower_ in WORDS["roles"] or t.lower_ in WORDS["titles"] for t in words):
        return False
    if any(t.lower_ in WORDS["disciplines"] for t in words) and not any(
            t.text in WORDS["org_heads"] for t in words):
        return False
    return True


def recognise(doc: Doc, lex: Lexicon, verbs: set[str]) -> list[Candidate]:
    """All name spans of a parsed document, non-overlapping, in text order."""
    raw: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ in LABELS:
            raw.append(Candidate(ent.start, ent.end, ent.label_))
    lex_hits = lexicon_matches(doc, lex)
    raw.extend(lex_hits)
    raw.extend(cue_runs(doc, lex))
    raw.extend(propn_runs(doc))
    raw.extend(group_word_runs(doc))
    raw.extend(led_groups(doc))
    raw.extend(bracketed_names(doc))
    fixed = []
    for cand in raw:
        rep = cand if cand.label == "LED" else repair(doc, cand, verbs, lex)
        if rep is None:
            continue
        span = rep.span(doc)
        if rep.label == "NORP" and not lex.lookup(span.text):
            continue
        if rep.label == "LED" or is_name(span, lex, rep.label):
            fixed.append(rep)
    # prefer lexicon matches, then longer spans, then spaCy's
    fixed.sort(key=lambda c: (c.label == "PROPN", -(c.end - c.start), c.label != "LEX", c.start))
    taken: list[Candidate] = []
    used: set[int] = set()
    spacy_labels = {(e.start, e.end): e.label_ for e in doc.ents}
    ents = list(spacy_labels.items())
    ends = [e for (_, e), _ in ents]
    for cand in fixed:
        toks = set(range(cand.start, cand.end))
        if toks & used:
            continue
        if cand.label in ("LEX", "CUE"):
            # keep spaCy's view of the same tokens as a typing signal
            lab = _spacy_label(cand, ents, ends)
            if lab is not None:
                cand.label = cand.label + ":" + lab
        taken.append(cand)
        used |= toks
    taken.sort(key=lambda c: c.start)
    return _join_split_people(doc, taken)


def _spacy_label(cand: Candidate, ents: list[tuple[tuple[int, int], str]],
                 ends: list[int]) -> str | None:
    """The label of the first of spaCy's entities (`ents`, in order, their `ends`) that holds
    the candidate or that it holds. spaCy's entities do not overlap, so only those from the
    first that ends after the candidate's start can (a scan of all of them per candidate
    was quadratic); an empty candidate is looked for everywhere."""
    lo = bisect.bisect_right(ends, cand.start) if cand.end > cand.start else 0
    for (s, e), lab in ents[lo:]:
        if s <= cand.start and cand.end <= e or cand.start <= s and e <= cand.end:
            return lab
        if s >= cand.end > cand.start:
            return None
    return None


def _join_split_people(doc: Doc, taken: list[Candidate]) -> list[Candidate]:
    """"Mushtaq" + "Jawad Kazim al-Jawari": a capitalised word the model cut off the
    person name right after it is that name's first word."""
    out: list[Candidate] = []
    for cand in taken:
        prev = out[-1] if out else None
        if prev is not None and prev.end == cand.start and cand.label.endswith("PERSON") \
                and prev.end - prev.start == 1 and "LEX" not in prev.label \
                and "LEX" not in cand.label and doc[prev.start].is_title \
                and not prev.titles and doc[prev.start].pos_ == "PROPN":
            out[-1] = Candidate(prev.start, cand.end, cand.label, cand.titles)
            continue
        out.append(cand)
    return out

