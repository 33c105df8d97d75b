"""Figures about actors: value, unit, qualifier, subject, attribution (sentences written here)."""
from __future__ import annotations

import pytest

from actorgraph.extract.rules_en.claims.quantities import find_quantities, parse_number

from .helpers import key_of, parsed


def quantities(text: str):
    state = parsed(text)
    return state, find_quantities(state.doc, state.sentences, state.mentions)


def only(text: str):
    state, found = quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return state, found[0]


@pytest.mark.parametrize("words, value", [
    ("1,500", 1500), ("15,000", 15000), ("2.5", 2.5), ("six", 6), ("twenty million", 2e7),
    ("eighty-eight million", 8.8e7), ("1.5 million", 1.5e6), ("a dozen", 12),
    ("two hundred and fifty", 250), ("half a million", 5e5), ("three thousand", 3000),
])
def test_parse_number(words, value):
    assert parse_number(words.split()) == value


def test_parse_number_rejects_words_that_are_not_numbers():
    assert parse_number(["hundreds"]) is None
    assert parse_number(["six", "fighters"]) is None


def test_a_claimed_figure_about_the_subject_of_have():
    state, q = only("Karim Haddadi claimed that the Sabirin Brigade had over 100 channels on "
                    "Telegram.")
    assert (q.value, q.unit, q.qualifier, q.text) == (100, "channels", "over", "over 100 channels")
    assert q.subject == key_of(state, "Sabirin Brigade")
    assert q.attribution.attributed_to == key_of(state, "Karim Haddadi")
    assert q.attribution.modality == "claimed"
    assert state.doc.text[q.start:q.end] == q.text


def test_population_figures_belong_to_the_possessor():
    text = ("Kurds make up an estimated nine million of Syria's population of over twenty-two "
            "million.")
    state, found = quantities(text)
    by_value = {q.value: q for q in found}
    part, whole = by_value[9e6], by_value[22e6]
    assert (part.unit, part.qualifier, part.subject) == ("people", "estimated", key_of(state, "Syria"))
    assert (whole.unit, whole.qualifier, whole.subject) == ("population", "over",
                                                            key_of(state, "Syria"))
    assert part.attribution.attributed_to is None and part.attribution.modality == "asserted"


def test_people_from_a_place():
    state, q = only("The minister said approximately 1,500 people from Tajikistan joined the "
                    "Islamic State.")
    assert (q.value, q.unit, q.qualifier) == (1500, "people", "approximately")
    assert q.subject == key_of(state, "Tajikistan")
    assert q.attribution.attributed_to == "anonymous"


def test_they_in_a_members_claim_is_the_group():
    text = ("Seeking to clarify the Sabirin Brigade's size, I approached Karim Haddadi. "
            "Haddadi confidently asserted that they have a dedicated base of 15,000 supporters "
            "in Iraq.")
    state, q = only(text)
    assert (q.value, q.unit, q.qualifier) == (15000, "supporters", None)
    assert q.subject == key_of(state, "Sabirin Brigade")
    assert q.attribution.attributed_to == key_of(state, "Karim Haddadi")
    assert q.attribution.modality == "claimed"


def test_demonyms_and_faiths_count_as_people_and_the_speakers_group_is_the_subject():
    text = ("According to the founder of the Sabirin Brigade, Karim Haddadi, six Iraqi Shias "
            "went to Syria in 2013.")
    state, q = only(text)
    assert (q.value, q.unit) == (6, "people")
    assert q.subject == key_of(state, "Sabirin Brigade")
    assert q.attribution.attributed_to == key_of(state, "Karim Haddadi")


def test_six_of_them_counts_members_of_the_group_they_are():
    text = ("The Sabirin Brigade has called for regime change in Jordan. In recent years, "
            "Jordan has imprisoned six of them.")
    state, q = only(text)
    assert (q.value, q.unit, q.text) == (6, "members", "six of them")
    assert q.subject == key_of(state, "Sabirin Brigade")
    assert q.attribution.attributed_to is None


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("Trade with Turkey makes up more than 50% of Iraq's exports.", 50, "percent", "more than"),
    ("The militia fields some 2,500 fighters near Mosul.", 2500, "fighters", "about"),
    ("At least 40 soldiers were killed in the ambush.", 40, "soldiers", "at least"),
    ("Up to 300 militants crossed the border.", 300, "militants", "up to"),
    ("Nearly a dozen commanders defected.", 12, "commanders", "nearly"),
    ("The two main leaders of the brigade were detained.", 2, "leaders", None),
    ("He recruited 70 individuals in Basra.", 70, "people", None),
])
def test_units_and_qualifiers(text, value, unit, qualifier):
    _, q = only(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


def test_owner_of_the_counted_noun():
    state, found = quantities("Sabirin Brigade fighters number 4,000, and 300 members of the "
                              "Hadi Movement joined them.")
    members = next(q for q in found if q.unit == "members")
    assert members.subject == key_of(state, "Hadi Movement")


@pytest.mark.parametrize("text", [
    "In 2015, the group moved to Basra.",
    "The 2021 plot failed.",
    "He spent two years in prison and three months in hiding.",
    "The 25-year-old gunman was arrested.",
    "It was the third attack this year.",
    "One of the leaders fled.",
    "Hundreds of supporters and thousands of onlookers gathered.",
    "The October 7 attack changed everything.",
    "UN Security Council Resolution 2231 was cited.",
    "A gunman shot the mayor.",
])
def test_things_that_are_not_quantities(text):
    _, found = quantities(text)
    assert found == []


def test_bio_sentences_are_skipped():
    from actorgraph.model import Sentence
    state = parsed("The brigade has 900 fighters.")
    bio = [Sentence(s.index, s.start, s.end, "bio") for s in state.sentences]
    assert find_quantities(state.doc, bio, state.mentions) == []
    assert len(find_quantities(state.doc, state.sentences, state.mentions)) == 1


def test_a_bare_number_takes_the_figure_named_before_it():
    state = parsed("The agency first said 34 people were hurt. It later put the number of "
                   "injured at more than 40. Others have spoken of as many as sixty.")
    found = {(q.value, q.unit) for q in find_quantities(state.doc, state.sentences,
                                                        state.mentions)}
    assert (40.0, "people") in found and (60.0, "unspecified") in found


def test_a_number_of_dead_counts_people(nlp):
    from actorgraph.extract.rules_en.claims.quantities import find_quantities

    from .helpers import parsed
    state = parsed("The committee initially reported 133 dead.")
    found = find_quantities(state.doc, state.sentences, state.mentions)
    assert [(q.value, q.unit) for q in found] == [(133.0, "people")]


# -- counts of casualties, durations that measure something, elided units ----------------

def _values(text: str) -> list[tuple[float, str]]:
    _, found = quantities(text)
    return [(q.value, q.unit) for q in found]


def test_a_number_before_a_participle_of_injury_counts_people():
    found = _values("The police counted two dead and seven wounded after the blast in Mosul.")
    assert (2.0, "people") in found and (7.0, "people") in found


@pytest.mark.parametrize("text, unit", [
    ("The navy said a sailor was killed in the attack on the frigate.", "sailors"),
    ("One officer was wounded when the convoy was ambushed near Kirkuk.", "officers"),
    ("The blast near the market killed a police officer.", "officers"),
    ("A drone strike killed one of its commanders, the group said.", "commanders"),
    ("The bulletin listed one civilian contractor killed and three guards hurt.", "contractors"),
])
def test_a_single_casualty_is_a_count_of_one(text, unit):
    assert (1.0, unit) in _values(text)


@pytest.mark.parametrize("text", [
    "One analyst said the ceasefire would hold.",
    "A spokesman for the ministry denied the report.",
    "A gunman killed the mayor.",
])
def test_one_that_is_not_a_casualty_is_no_count(text):
    assert not [v for v, _ in _values(text) if v == 1]


def test_a_number_inside_a_date_entity_still_counts_what_follows():
    assert (2.0, "boats") in _values("On 3 March two explosive-laden boats struck the port of "
                                     "Aden.")


def test_a_number_with_more_counts_the_unit_named_before_it():
    found = _values("The army said five houses were destroyed and two more damaged.")
    assert (5.0, "houses") in found and (2.0, "houses") in found


@pytest.mark.parametrize("text, value, unit", [
    ("The court handed him a 12-year prison sentence for spying.", 12, "years"),
    ("The government declared three days of national mourning.", 3, "days"),
    ("Rescuers ended a nine-day search for the missing miners.", 9, "days"),
])
def test_a_duration_that_measures_a_thing_is_a_quantity(text, value, unit):
    assert (float(value), unit) in _values(text)


def test_a_count_of_the_dead_is_not_about_the_institution_that_gives_it():
    state, found = quantities("The Health Ministry of Ruritania said 20 people were killed in "
                              "the shelling.")
    assert [(q.value, q.subject) for q in found] == [(20.0, None)]


# -- what a casualty count measures: the dead or the wounded ---------------------------

@pytest.mark.parametrize("text, value, measure", [
    ("The police counted two dead and seven wounded after the blast in Mosul.", 2, "dead"),
    ("The police counted two dead and seven wounded after the blast in Mosul.", 7, "wounded"),
    ("A drone strike killed one of its commanders, the group said.", 1, "dead"),
    ("At least 12 people died in the fire.", 12, "dead"),
    ("Shelling killed 14 civilians in Idlib.", 14, "dead"),
    ("Nine guards were injured in the ambush.", 9, "wounded"),
    ("The ministry reported 30 deaths.", 30, "dead"),
    ("The brigade has 900 fighters.", 900, None),
])
def test_a_casualty_count_says_what_it_measures(text, value, measure):
    _, found = quantities(text)
    assert [q.measure for q in found if q.value == value] == [measure]


def test_the_ends_of_a_range_of_estimates_of_the_dead_are_counts_of_the_dead():
    state, found = quantities("Estimates of the dead ranged from the single guard Hamas "
                              "acknowledged to the 19 counted by the Palestinian Red Crescent.")
    assert sorted((q.value, q.measure) for q in found) == [(1.0, "dead"), (19.0, "dead")]


@pytest.mark.parametrize("text, value, unit", [
    ("The court sentenced Tural Aliyev to 14 years in prison.", 14, "years"),
    ("A judge jailed the smuggler for six years.", 6, "years"),
    ("Gunmen have attacked the checkpoint at least twice this month.", 2, "times"),
])
def test_a_prison_term_and_a_number_of_times(text, value, unit):
    assert (float(value), unit) in _values(text)


@pytest.mark.parametrize("text", [
    "The group has twice as many fighters as it had in 2019.",
    "He spent six years in prison before the revolution.",
])
def test_no_term_and_no_number_of_times(text):
    assert not [u for _, u in _values(text) if u in ("years", "times")]


@pytest.mark.parametrize("text", [
    "The commander accused the army of planning to kill around 300 villagers.",
    "The militia threatened that it would kill 40 hostages.",
])
def test_a_killing_intended_or_threatened_is_no_count_of_the_dead(text):
    _, found = quantities(text)
    assert [q.measure for q in found] == [None]
