"""State organs by their generic titles, in the languages the extractors read."""
from __future__ import annotations

import pytest

from actorgraph.knowledge.lexicon import load_lexicon
from actorgraph.knowledge.organs import organ_name, read_organ


@pytest.mark.parametrize("name,kind,state", [
    ("МИД Турции", "foreign_ministry", "tr"),
    ("Türkiyə XİN", "foreign_ministry", "tr"),
    ("Turkey's Foreign Ministry", "foreign_ministry", "tr"),
    ("Ministry of Foreign Affairs of Turkey", "foreign_ministry", "tr"),
    ("وزارة الخارجية التركية", "foreign_ministry", "tr"),
    ("Министерства обороны Грузии", "defence_ministry", "ge"),
    ("Gürcüstan Müdafiə Nazirliyinin", "defence_ministry", "ge"),
    ("МВД Республики Армения", "interior_ministry", "am"),
    ("Генпрокуратуры", "prosecutor_general", None),
    ("DİN", "interior_ministry", None),
    ("Daxili İşlər Nazirliyindən", "interior_ministry", None),
])
def test_a_title_with_at_most_its_state_is_that_states_organ(name, kind, state):
    found = read_organ(name, load_lexicon())
    assert found is not None and (found.organ.kind, found.country) == (kind, state)


@pytest.mark.parametrize("name", [
    "пресс-служба МИД",                           # a part of the ministry
    "Главное следственное управление СГБ",         # a directorate of the service
    "МИД Турции и Грузии",                         # two states
    "Din",                                         # an abbreviation only in capitals
    "Mid-Atlantic Council",
    "Ministry of Culture",                         # a title the table does not hold
])
def test_other_names_are_not_read_as_an_organ(name):
    assert read_organ(name, load_lexicon()) is None


def test_the_gazetteer_names_a_states_organ_where_it_knows_it():
    lex = load_lexicon()
    organ = read_organ("МИД Турции", lex).organ
    entry = next(e for e in lex.entries if e.type == "organization" and e.country == "tr"
                 and "Foreign" in e.name)
    assert organ_name(organ, "tr", lex) == entry.name


def test_an_organ_the_gazetteer_lacks_is_named_by_its_english_title_and_state():
    lex = load_lexicon()
    organ = read_organ("Минздрав Грузии", lex).organ
    assert organ_name(organ, "ge", lex) == "Ministry of Health of Georgia"


def test_no_gazetteer_name_is_a_bare_title_any_state_could_hold():
    # "Xarici İşlər Nazirliyi" is every state's foreign ministry in Azerbaijani: the state a
    # report means comes from the report (extract/organs.py), never from the gazetteer
    lex = load_lexicon()
    bare = [(e.name, n) for e in lex.entries if e.type == "organization"
            for n in (e.name, *e.aliases)
            if (r := read_organ(n, lex)) is not None and r.country is None]
    assert bare == []
