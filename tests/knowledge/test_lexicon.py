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



def test_the_short_names_of_states_in_other_languages_are_theirs():
    from actorgraph.knowledge.lexicon import load_lexicon
    lex = load_lexicon()
    assert lex.lookup("США").name == lex.lookup("ABŞ").name == lex.lookup("United States").name
    assert lex.lookup("Британия").name == lex.lookup("United Kingdom").name


def test_groups_and_bodies_are_known_by_their_names_in_the_languages_read():
    from actorgraph.knowledge.lexicon import load_lexicon
    lex = load_lexicon()
    for names in (("КСИР", "İslam İnqilabı Keşikçiləri Korpusu", "IRGC"),
                  ("Совет Безопасности ООН", "BMT Təhlükəsizlik Şurası", "UNSC"),
                  ("ИГ-Хорасан", "İŞİD-Xorasan", "ISKP")):
        assert len({lex.lookup(n).name for n in names}) == 1, names
