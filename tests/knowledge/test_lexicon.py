"""The name lexicon knows states and capitals in the languages the extractors read."""
import pytest

from actorgraph.knowledge.lexicon import load_lexicon


@pytest.mark.parametrize("form, name", [
    ("Турция", "Turkey"), ("Türkiyə", "Turkey"), ("ترکیه", "Turkey"), ("تركيا", "Turkey"),
    ("Сирия", "Syria"), ("Suriya", "Syria"), ("سوریه", "Syria"), ("سوريا", "Syria"),
])
def test_state_names_in_other_languages(form, name):
    entry = load_lexicon().lookup(form)
    assert entry is not None and entry.type == "country" and entry.name == name


@pytest.mark.parametrize("form, code", [("Дамаск", "sy"), ("دمشق", "sy"), ("Багдад", "iq")])
def test_capitals_in_other_languages_are_places_of_their_state(form, code):
    entry = load_lexicon().lookup(form)
    assert entry is not None and entry.type == "place" and entry.capital_of == code


def test_a_capital_never_becomes_a_country():
    assert load_lexicon().lookup("Москва").type == "place"

