"""Date expressions resolved against publication and context (sentences written for these tests)."""
from __future__ import annotations

import bisect

import pytest

from actorgraph.extract.rules_en.claims.dates import (
    date_for,
    find_expressions,
    parse_published,
    resolve_dates,
)

from .helpers import parsed, token_at


def values(text: str, published: str | None = "2022-06-20") -> dict[str, str | None]:
    return {d.text: d.value for d in resolve_dates(text, [], published)}


@pytest.mark.parametrize("text, expr, value", [
    ("The raid happened on March 3, 2019 at dawn.", "March 3, 2019", "2019-03-03"),
    ("It was founded on 5 June 2014 in Basra.", "5 June 2014", "2014-06-05"),
    ("The statement is dated 2020-02-29.", "2020-02-29", "2020-02-29"),
    ("In January 2016, the militia took the town.", "January 2016", "2016-01"),
    ("By August of 2018 it had split.", "August of 2018", "2018-08"),
    ("The brigade was formed in 2014.", "2014", "2014"),
    ("Its strength peaked in mid-2017.", "mid-2017", "2017"),
    ("They regrouped in the summer of 2012.", "the summer of 2012", "2012"),
    ("From 2009 to 2011, he lived in Najaf.", "From 2009 to 2011", "2009"),
    ("Between 2003 and 2005 the group was quiet.", "Between 2003 and 2005", "2003"),
    ("He was arrested in late Sept. 2015.", "late Sept. 2015", "2015-09"),
])
def test_absolute_dates_keep_the_precision_written(text, expr, value):
    assert values(text)[expr] == value


@pytest.mark.parametrize("text, expr, value", [
    ("On May 30, the council met.", "May 30", "2022-05-30"),          # before publication
    ("On November 30, the council met.", "November 30", "2021-11-30"),  # after it: a year back
    ("In October, a rally was held.", "October", "2021-10"),
    ("In June, a rally was held.", "June", "2022-06"),
    ("In late April, two leaders were detained.", "late April", "2022-04"),
    ("Since February 24, the militia has grown.", "February 24", "2022-02-24"),
    ("Last year the group split.", "Last year", "2021"),
    ("This year the group split.", "This year", "2022"),
    ("Two years ago the group split.", "Two years ago", "2020"),
    ("Last month the group split.", "Last month", "2022-05"),
    ("On Monday, police raided the office.", "On Monday", "2022-06-20"),
    ("On Friday, police raided the office.", "On Friday", "2022-06-17"),
])
def test_partial_and_deictic_dates_use_the_publication_date(text, expr, value):
    assert values(text)[expr] == value


def test_partial_dates_with_only_a_publication_year():
    assert values("In late April, two leaders were detained.", "2021")["late April"] == "2021-04"
    assert values("In October, a rally was held.", None)["October"] is None
    assert values("Last year the group split.", None)["Last year"] is None


@pytest.mark.parametrize("text, expr", [
    ("In recent years, the militia has grown.", "recent years"),
    ("It has emerged as a force over the last two decades.", "the last two decades"),
    ("In the past decade it recruited widely.", "the past decade"),
    ("Such groups flourished in the 1990s.", "the 1990s"),
    ("A few years later, it split.", "A few years later"),
])
def test_vague_periods_are_kept_unresolved(text, expr):
    found = values(text)
    assert expr in found and found[expr] is None


def test_anaphoric_dates_count_from_the_last_date_given():
    text = ("In January 2017, the commander called for an uprising. A year later, his men "
            "attacked the base.\n\nThe following month they withdrew. Two years earlier, "
            "in March 2015, they had been founded. A week later, nothing happened.")
    found = values(text)
    assert found["A year later"] == "2018"
    assert found["The following month"] is None        # anchor "2018" has no month
    assert found["Two years earlier"] == "2016"          # counted from 2018
    assert found["A week later"] is None                 # anchor has no day


def test_a_coarser_bound_is_no_anchor_for_a_finer_anaphor():
    text = ("Missiles hit the base on January 8. By February the count stood at 110.\n\n"
            "The same night, a plane was shot down. Ten days later, talks began.")
    found = values(text, "2021-01-04")
    assert found["The same night"] == "2020-01-08"
    assert found["Ten days later"] == "2020-01-18"


def test_anaphoric_dates_need_a_nearby_anchor():
    text = "In 2010 the movement began.\n\nMore.\n\nEven more.\n\nA year later it split."
    assert values(text)["A year later"] is None


def test_following_month_and_day_from_precise_anchors():
    text = "On 30 November 2019 the group met. The following day it announced a merger. " \
           "In March 2020 it split; the following month it reunited."
    found = values(text)
    assert found["The following day"] == "2019-12-01"
    assert found["the following month"] == "2020-04"


def test_a_bare_month_takes_the_year_of_the_sentence_before():
    text = "In 2015, the militia moved to Mosul. In March, its leader was arrested."
    assert values(text, "2022-06-20")["March"] == "2015-03"
    later = "In 2015, the militia moved to Mosul.\n\nIn March, its leader was arrested."
    assert values(later, "2022-06-20")["March"] == "2022-03"
    same = "In 2015, the militia moved to Mosul, and in March its leader was arrested."
    assert values(same, "2022-06-20")["March"] == "2015-03"
    aside = "The militia, founded in 2015, attacked a convoy in March."
    assert values(aside, "2022-06-20")["March"] == "2022-03"


def test_a_relative_date_opening_a_sentence_sets_the_year_of_bare_dates():
    assert values("A year ago, on January 3, a drone killed him.", "2021-01-04")[
        "January 3"] == "2020-01-03"
    text = "On July 3, 2018, he was shot. A week later the city rioted. On July 10, two " \
           "officers died."
    assert values(text, "2023-07-06")["July 10"] == "2018-07-10"


def test_last_with_a_month_is_the_latest_before_the_publication_month():
    assert values("Attacks went on from last November.", "2024-11-05")["November"] == "2023-11"
    assert values("Attacks went on from last March.", "2024-11-05")["March"] == "2024-03"
    assert values("Attacks went on from November.", "2024-11-05")["November"] == "2024-11"


def test_words_that_only_look_like_dates():
    found = values("The group may march on the capital with 2000 fighters in May.")
    assert "may" not in found and "march" not in found
    assert "2000" not in found
    assert found["May"] == "2022-05"
    assert not find_expressions("He served 2,015 days.")


def test_invalid_days_are_not_dates():
    assert "February 30, 2020" not in values("On February 30, 2020 nothing happened.")


def test_parse_published():
    assert parse_published("2023-12-15") == (2023, 12, 15)
    assert parse_published("2023") == (2023, None, None)
    assert parse_published(None) == (None, None, None)


# -- on parsed documents --------------------------------------------------------

TEXT = ("In January 2019, the Sabirin Brigade leader called for attacks on the Iraqi army. "
        "A year later, a Sabirin gunman shot a general in Basra.\n\n"
        "Officials said the group, founded in 2014, attacked a convoy in July.")


def test_resolve_dates_on_a_parsed_document():
    state = parsed(TEXT, "2021-03-01")
    dates = resolve_dates(state.doc, state.sentences, "2021-03-01")
    assert [d.value for d in dates] == ["2019-01", "2020", "2014", "2020-07"]
    assert [d.precision for d in dates] == ["month", "year", "year", "month"]
    first = dates[0]
    assert TEXT[first.start:first.end] == first.text == "January 2019"


def _sentence(state, offset):
    return bisect.bisect_right([s.start for s in state.sentences], offset) - 1


def test_date_for_prefers_the_date_attached_to_the_trigger():
    state = parsed(TEXT, "2021-03-01")
    dates = resolve_dates(state.doc, state.sentences, "2021-03-01")
    attacked = token_at(state, "attacked")
    founded = token_at(state, "founded")
    i = _sentence(state, attacked.idx)
    got = date_for(i, attacked.idx, attacked.idx + 8, dates, state.sentences, trigger=attacked)
    assert got.value == "2020-07"
    got = date_for(i, founded.idx, founded.idx + 7, dates, state.sentences, trigger=founded)
    assert got.value == "2014"


def test_date_for_uses_context_resolution_and_same_sentence_only():
    state = parsed(TEXT + " The army did not respond.", "2021-03-01")
    dates = resolve_dates(state.doc, state.sentences, "2021-03-01")
    shot = token_at(state, "shot")
    assert date_for(_sentence(state, shot.idx), shot.idx, shot.idx + 4, dates,
                    state.sentences).value == "2020"
    respond = token_at(state, "respond")
    assert date_for(_sentence(state, respond.idx), respond.idx, respond.idx + 7, dates,
                    state.sentences) is None


def test_date_for_returns_an_unresolved_date_when_that_is_all_there_is():
    state = parsed("In recent years, Iraq has imprisoned six of its members.", "2021")
    dates = resolve_dates(state.doc, state.sentences, "2021")
    got = date_for(0, 0, 10, dates, state.sentences)
    assert got is not None and got.value is None and got.text == "recent years"


def _event_dates(text: str) -> list[tuple[str, str | None]]:
    import hashlib

    from actorgraph.extract.rules_en.pipeline import extract
    from actorgraph.model import CleanDocument, DocumentMeta, LoadedDocument, Segment
    loaded = LoadedDocument("t.txt", "text/plain", text.encode(), text,
                            DocumentMeta(published="2023-06-01"),
                            hashlib.sha256(text.encode()).hexdigest())
    found = extract(CleanDocument(loaded, (Segment(0, len(text), "body"),)))
    return [(e.type, e.date.value if e.date else None) for e in found.events]


def test_an_undated_reaction_takes_the_month_of_the_act_just_told():
    dated = _event_dates("On January 27, a gunman attacked the Armenian embassy in Minsk. "
                         "The Armenian government demanded that Belarus punish him.")
    assert dated == [("ASSAULT", "2023-01-27"), ("REQUEST", "2023-01")]


def test_no_carried_date_across_a_paragraph_or_with_time_words_of_its_own():
    assert _event_dates("On January 27, a gunman attacked the Armenian embassy in Minsk.\n\n"
                        "The Armenian government demanded that Belarus punish him.")[1] == (
        "REQUEST", None)
    assert _event_dates("On January 27, a gunman attacked the Armenian embassy in Minsk. "
                        "The Armenian government has since demanded that Belarus punish "
                        "him.")[1] == ("REQUEST", None)


def test_a_month_of_a_named_year_and_a_day_given_after_it():
    assert values("After the siege in August of last year, he spoke.", "2023-10-26") == {
        "August": "2022-08"}
    found = values("In March 2022 it began. A report, published in May of the following "
                   "year, said so.", "2024-09-10")
    assert found["May"] == "2023-05" and "the following year" not in found
    assert values("Last November, on the 19th, fighters landed.", "2024-03-20")[
        "November"] == "2023-11-19"


def test_a_present_perfect_takes_no_carried_date():
    dated = _event_dates("In 2015, the brigade was founded in Qom. Its fighters have deployed "
                         "to Syria.")
    assert ("MOBILIZE", None) in dated
