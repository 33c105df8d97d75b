"""Founding dates of organisations, on sentences written for these tests."""
from __future__ import annotations

from actorgraph.extract.rules_en.claims.dates import resolve_dates
from actorgraph.extract.rules_en.claims.foundings import find_foundings

from .helpers import key_of, parsed


def foundings(text: str):
    state = parsed(text)
    dates = resolve_dates(state.doc, state.sentences, "2024-05-01")
    return state, find_foundings(state.doc, state.sentences, state.mentions, dates)


def test_participle_on_the_name():
    state, found = foundings("Donors courted the Sabirin Brigade, founded in 1994 with the "
                             "help of foreign instructors.")
    assert [(f.subject, f.date.value, f.rule) for f in found] == [
        (key_of(state, "Sabirin Brigade"), "1994", "verb_found")]


def test_passive_and_the_group_anaphor():
    state, found = foundings("The Sabirin Brigade recruits in the north. The group was "
                             "established in March 2011 by exiles.")
    assert [(f.subject, f.date.value) for f in found] == [
        (key_of(state, "Sabirin Brigade"), "2011-03")]


def test_possessed_noun_with_the_date_on_its_verb():
    state, found = foundings("General Orlov oversaw the Sabirin Brigade's creation in 2009.")
    assert [(f.subject, f.date.value, f.rule) for f in found] == [
        (key_of(state, "Sabirin Brigade"), "2009", "noun_creation")]


def test_a_when_clause_hangs_on_the_year():
    state, found = foundings("It was not recognised until 2012, when General Orlov endorsed it "
                             "and approved the Sabirin Brigade's establishment.")
    assert [(f.subject, f.date.value) for f in found] == [
        (key_of(state, "Sabirin Brigade"), "2012")]


def test_dated_to_a_year_even_when_misparsed():
    state, found = foundings("The Sabirin Party remains the largest member. Some accounts "
                             "date the party to 1985, when it published its charter.")
    assert [(f.subject, f.date.value, f.rule) for f in found] == [
        (key_of(state, "Sabirin Party"), "1985", "dated_to")]


def test_no_founding_without_an_organisation_or_a_date():
    assert foundings("The Sabirin Brigade was founded by exiles.")[1] == []
    assert foundings("Officials founded a charity in 2003 to help widows.")[1] == []
    assert foundings("The Sabirin Brigade launched a channel in 2015.")[1] == []
    assert foundings("The Sabirin Brigade was not founded in 2001, its leaders insist.")[1] == []


def test_origins_and_roots():
    state, found = foundings("The Sabirin Brigade is an armed group. Some researchers place "
                             "its origins in late 2014.")
    assert [(f.date.value, f.rule) for f in found] == [("2014", "noun_origin")]
    state, found = foundings("The Sabirin Brigade is an armed group. Others trace its roots "
                             "to a study circle active in the city as early as 1995.")
    assert [f.date.value for f in found] == ["1995"]


def test_a_group_that_emerged_in_a_year():
    state, found = foundings("The Sabirin Brigade emerged in 2006 as the armed wing of the "
                             "Union of Courts.")
    assert [(f.subject, f.date.value, f.rule) for f in found] == [
        (key_of(state, "Sabirin Brigade"), "2006", "verb_emerge")]
