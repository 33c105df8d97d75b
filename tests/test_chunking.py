"""Long documents are read in pieces with the whole text's offsets; runs that would make a
tokenizer quadratic are blanked before it, offsets unchanged."""
from __future__ import annotations

from actorgraph.chunking import Chunked, cuts, piece
from actorgraph.model import CleanDocument, DocumentMeta, LoadedDocument, Segment, blank_long_runs

PARA = ("The Coastal Front said on 3 May 2024 that it had left Kalvar. "
        "Officials in Dorin said the River Council had detained 12 people.\n\n")


def _clean(text: str) -> CleanDocument:
    doc = LoadedDocument(source="t.txt", media_type="text/plain", original=text.encode(),
                         text=text, meta=DocumentMeta(language="en"), sha256="x")
    return CleanDocument(doc, (Segment(0, len(text), "body"),))


def test_cuts_cover_the_text_in_order_at_paragraph_breaks():
    text = PARA * 40
    spans = cuts(text, 1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(e - s <= 1000 for s, e in spans)
    assert all(text[s:e].endswith("\n\n") for s, e in spans[:-1])


def test_a_text_without_spaces_is_cut_anyway():
    assert cuts("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_a_piece_keeps_its_segments():
    text = "a" * 10 + "b" * 10
    clean = CleanDocument(_clean(text).doc, (Segment(0, 5, "furniture"), Segment(5, 20, "body")))
    part = piece(clean, 3, 12)
    assert part.text == text[3:12]
    assert part.segments == (Segment(0, 2, "furniture"), Segment(2, 9, "body"))


def test_pieces_give_the_whole_texts_offsets(nlp):
    from actorgraph.extract.rules_en import RulesEnglish
    text = PARA * 30
    reader = RulesEnglish()
    whole = next(reader.extract([_clean(text)]))
    joined = next(Chunked(reader, size=1500).extract([_clean(text)]))
    assert [(s.start, s.end) for s in joined.sentences] == [(s.start, s.end)
                                                             for s in whole.sentences]
    assert [s.index for s in joined.sentences] == list(range(len(joined.sentences)))
    for m in joined.mentions:
        assert text[m.start:m.end] == m.text
        sent = joined.sentences[m.sentence]
        assert sent.start <= m.start < sent.end
    for q in joined.quantities:
        assert text[q.start:q.end] == q.text
    assert {(m.start, m.text) for m in joined.mentions} == {(m.start, m.text)
                                                            for m in whole.mentions}
    assert len(joined.events) == len(whole.events) > 0
    assert not joined.problems


def test_long_runs_are_blanked_and_offsets_kept():
    text = "Report. " + "=" * 5000 + "\nThe Front said " + "&amp;" * 300 + " it left."
    masked = blank_long_runs(text)
    assert len(masked) == len(text)
    assert "=" not in masked and "&amp;" not in masked
    assert masked.endswith("it left.") and masked.startswith("Report. ")
    assert blank_long_runs("see https://example.org/a/b") == "see https://example.org/a/b"


def test_prose_written_without_spaces_is_kept():
    prose = "中国外交部发言人表示，双方同意继续对话。" * 20
    assert blank_long_runs(prose) == prose
    assert blank_long_runs(prose * 30).strip() == ""     # but not without bound


class _Slow:
    """Names nothing; the third piece it reads runs out of time."""

    name, version = "slow", "1"

    def __init__(self) -> None:
        self.calls = 0

    def extract(self, docs):
        from actorgraph.chunking import ExtractionTimeout
        from actorgraph.model import Extraction, Sentence
        for _doc in docs:
            self.calls += 1
            if self.calls == 3:
                raise ExtractionTimeout("after 1 s of CPU time")
            yield Extraction(sentences=[Sentence(0, 0, 5)])


def test_out_of_time_after_some_pieces_keeps_them_marked_timed_out():
    text = PARA * 40
    out = next(Chunked(_Slow(), size=1000).extract([_clean(text)]))
    assert len(out.sentences) == 2 and out.sentences[1].start == cuts(text, 1000)[1][0]
    assert not out.failed and out.timed_out
    assert out.error == ("extraction timed out: after 1 s of CPU time at character "
                         f"{cuts(text, 1000)[2][0]:,} of {len(text):,}: what was read before "
                         "is kept, the rest is stored, not read")


def test_out_of_time_on_the_first_piece_is_a_timeout():
    import pytest

    from actorgraph.chunking import ExtractionTimeout
    slow = _Slow()
    slow.calls = 2
    with pytest.raises(ExtractionTimeout):
        next(Chunked(slow, size=1000).extract([_clean(PARA * 40)]))


class _Stage:
    """One mention per sentence; its 'relate' stage raises on any sentence it can read
    that says BOOM (and then loses every relation, as a real stage would)."""

    name, version = "stage", "1"

    def extract(self, docs):
        from actorgraph.model import Extraction, Mention, Sentence
        for doc in docs:
            masked, out, start = doc.masked_text(), Extraction(), 0
            for line in doc.text.split("\n"):
                end = start + len(line)
                if line.strip() and masked[start:end].strip():
                    i = len(out.sentences)
                    out.sentences.append(Sentence(i, start, end))
                    word = line.split()[0]
                    out.mentions.append(Mention(start=start, end=start + len(word), text=word,
                                                type="organization", sentence=i,
                                                key=f"organization:{word}", name=word))
                    if "BOOM" in line:
                        out.problems = ["stage relate: AttributeError: boom"]
                start = end + 1
            yield out


def test_a_stage_failing_on_one_sentence_costs_that_sentence_only():
    text = "\n".join(["Alpha met Bravo.", "Charlie left.", "Delta said BOOM.", "Echo came.",
                      "Foxtrot stayed."])
    out = next(Chunked(_Stage()).extract([_clean(text)]))
    assert [m.text for m in out.mentions] == ["Alpha", "Charlie", "Echo", "Foxtrot"]
    assert all(text[m.start:m.end] == m.text for m in out.mentions)
    assert out.problems == ["sentence 3 (characters 31-47) skipped: stage relate: "
                            "AttributeError: boom"]
    assert out.error.startswith("extraction partial: sentence 3")


def test_a_failure_no_one_sentence_explains_keeps_the_first_reading():
    text = "\n".join(["Alpha BOOM.", "Charlie left.", "Delta BOOM."])
    out = next(Chunked(_Stage()).extract([_clean(text)]))
    assert [m.text for m in out.mentions] == ["Alpha", "Charlie", "Delta"]
    assert out.problems == ["stage relate: AttributeError: boom"]


def test_a_long_document_tells_how_far_its_pieces_have_got():
    text = PARA * 40
    told: list[tuple[str, int, int]] = []
    slow = _Slow()
    slow.calls = -100                       # never out of time
    next(Chunked(slow, size=1000, on_piece=lambda *a: told.append(a)).extract([_clean(text)]))
    ends = [e for _, e in cuts(text, 1000)]
    assert told == [("t.txt", 0, len(text))] + [("t.txt", e, len(text)) for e in ends]
    told.clear()
    next(Chunked(slow, size=10_000, on_piece=lambda *a: told.append(a)).extract([_clean(text)]))
    assert told == []                       # a short one is one step of the files' bar


def test_the_piece_bar_draws_one_bar_per_long_document():
    import io

    from actorgraph.cli.progress import PieceBar
    out = io.StringIO()
    bar = PieceBar(file=out)
    for done in (0, 500, 1000):
        bar("reports/long.txt", done, 1000)
    bar("reports/other.txt", 0, 10)
    bar("reports/other.txt", 10, 10)
    assert bar._bar is None and out.getvalue().count("long.txt") >= 1 \
        and "other.txt" in out.getvalue()


class _Watched:
    """One sentence and one mention per piece; remembers (weakly) every extraction it gave
    and, at each call, how many of the earlier ones were still alive."""

    name, version = "watched", "1"

    def __init__(self) -> None:
        import weakref
        self.given: list[weakref.ref] = []
        self.alive_at_call: list[int] = []

    def extract(self, docs):
        import weakref

        from actorgraph.model import Extraction, Mention, Sentence
        for doc in docs:
            self.alive_at_call.append(sum(r() is not None for r in self.given))
            word = doc.text.split()[0]
            out = Extraction(sentences=[Sentence(0, 0, len(word))],
                             mentions=[Mention(start=0, end=len(word), text=word,
                                               type="organization", sentence=0,
                                               key=f"organization:{word}", name=word)])
            self.given.append(weakref.ref(out))
            yield out


def test_a_pieces_extraction_is_let_go_once_joined_in():
    """Only the joined records of a long document stay while its next piece is read, not
    every piece's own extraction beside them (twice the memory at the end)."""
    watched = _Watched()
    text = PARA * 40
    out = next(Chunked(watched, size=1000).extract([_clean(text)]))
    assert len(watched.given) == len(cuts(text, 1000)) > 3
    assert watched.alive_at_call == [0] * len(watched.given)
    assert [m.start for m in out.mentions] == [s for s, _ in cuts(text, 1000)]
    assert [s.index for s in out.sentences] == list(range(len(watched.given)))


def test_a_piece_the_timer_cuts_short_while_joining_is_taken_back(monkeypatch):
    """The timer may fire while a piece's records are being joined in: the document then
    keeps the pieces joined before, whole, and none of that piece's records."""
    from actorgraph import chunking
    from actorgraph.chunking import ExtractionTimeout
    real, shifted = chunking._shifted, []

    def tripping(record, chars, sentences):
        shifted.append(record)
        if len(shifted) == 6:          # the third piece's sentence is in, its mention not
            raise ExtractionTimeout("after 1 s of CPU time")
        return real(record, chars, sentences)
    monkeypatch.setattr(chunking, "_shifted", tripping)
    text = PARA * 40
    out = next(Chunked(_Watched(), size=1000).extract([_clean(text)]))
    starts = [s for s, _ in cuts(text, 1000)]
    assert len(out.sentences) == len(out.mentions) == 2
    assert [m.start for m in out.mentions] == starts[:2]
    assert out.timed_out and out.error.startswith(
        f"extraction timed out: after 1 s of CPU time at character {starts[2]:,} of ")


class _Counted(tuple):
    """Segments that count how often one of them is read."""

    reads = 0

    def __iter__(self):
        for seg in super().__iter__():
            _Counted.reads += 1
            yield seg

    def __getitem__(self, i):
        _Counted.reads += 1
        return super().__getitem__(i)


def test_the_kind_at_an_offset_is_looked_up_not_scanned():
    """A text with a line of furniture after every line of reporting: asking the kind at
    each sentence reads a few segments per question, not every segment before it."""
    segments, start = [], 0
    for _ in range(5000):
        segments += [Segment(start, start + 20, "body"), Segment(start + 20, start + 26,
                                                                  "furniture")]
        start += 26
    doc = _clean("x" * start)
    counted = CleanDocument(doc.doc, _Counted(segments))
    _Counted.reads = 0
    kinds = [counted.kind_at(o) for k in range(0, start, 26) for o in (k + 5, k + 22)]
    assert kinds == ["body", "furniture"] * 5000
    assert _Counted.reads <= 3 * len(segments) + 2 * len(kinds)   # two passes, then look-ups


def test_the_kind_at_an_offset_is_what_a_scan_finds():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    kinds = st.sampled_from(["body", "furniture", "bio"])
    spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20), kinds), max_size=12)

    @settings(max_examples=300, deadline=None)   # no deadline: the machine may be busy
    @given(spans, st.booleans())
    def check(raw, ordered):
        segments = [Segment(a, a + n, k) for a, n, k in raw]
        if ordered:                      # as cleaning makes them: in order, apart
            segments, start = [], 0
            for a, n, k in raw:
                segments.append(Segment(start + a % 5, start + a % 5 + n, k))
                start += a % 5 + n
        doc = CleanDocument(_clean("x" * 100).doc, tuple(segments))
        for offset in range(-1, 101):
            first = next((s.kind for s in segments if s.start <= offset < s.end), "body")
            assert doc.kind_at(offset) == first
    check()


def _replaced(record, chars: int, sentences: int):
    """What `chunking._shifted` made before it copied by a plan per class: a
    `dataclasses.replace` of every record, nested records shifted the same way."""
    from dataclasses import fields, is_dataclass, replace
    changes = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name in ("start", "end", "trigger_start", "trigger_end") \
                and isinstance(value, int) and value >= 0:
            changes[f.name] = value + chars
        elif f.name in ("sentence", "disputed", "index") and isinstance(value, int):
            changes[f.name] = value + sentences
        elif f.name == "also" and isinstance(value, tuple):
            changes[f.name] = tuple(v + sentences for v in value)
        elif is_dataclass(value) and not isinstance(value, type):
            changes[f.name] = _replaced(value, chars, sentences)
    return replace(record, **changes)


def test_a_shifted_record_is_the_copy_replace_makes(nlp):
    """Every record of an extraction, shifted, equals and pickles as its `replace`-made
    copy (fields, nested dates and attributions, field order), shares no nested record
    with the piece's, and leaves the piece's record unchanged."""
    import pickle

    from actorgraph.chunking import _LISTS, _shifted
    from actorgraph.extract import registry
    text = ("On 3 May 2019, Korvan Front fighters attacked a checkpoint in Dahuk, killing "
            "four soldiers, police said. The Korvan Front denied it two days later.\n\n"
            "The group was founded in 2011 by Aram Zev, a former officer, who said he was "
            "lightly wounded.\n")
    [part] = registry.get("rules-en").extract([_clean(text)])
    records = [r for name in _LISTS for r in getattr(part, name)]
    assert {type(r).__name__ for r in records} >= {"Sentence", "Mention", "EventFact"}
    for r in records:
        before = pickle.dumps(r)
        got, want = _shifted(r, 1000, 7), _replaced(r, 1000, 7)
        assert got == want and pickle.dumps(got) == pickle.dumps(want)
        assert pickle.dumps(r) == before
        for f in vars(got):
            if hasattr(getattr(got, f), "__dataclass_fields__"):
                assert getattr(got, f) is not getattr(r, f)
