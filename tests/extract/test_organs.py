"""A state organ named by its generic title gets its state's name in every extractor, so
that the same ministry meets itself across languages."""
from __future__ import annotations

import hashlib

from actorgraph.extract import registry
from actorgraph.extract.organs import dateline_state
from actorgraph.model import CleanDocument, DocumentMeta, LoadedDocument, Segment


def run(name: str, text: str, language: str):
    loaded = LoadedDocument("t.txt", "text/plain", text.encode(), text,
                            DocumentMeta(published="2021-05-04", language=language),
                            hashlib.sha256(text.encode()).hexdigest())
    clean = CleanDocument(loaded, (Segment(0, len(text), "body"),))
    return next(registry.get(name).extract([clean]))


def names(x, text):
    return {m.name for m in x.mentions if m.text == text}


def test_a_dateline_names_the_reports_state():
    assert dateline_state("Заголовок\n\nЕРЕВАН, 2 мая (Агентство) — Текст.") == "am"
    assert dateline_state("Title\n\nTBILISI (Agency) - Text follows.") == "ge"
    assert dateline_state("No dateline here, only text - and a dash.") is None


def test_russian_titles_with_their_state_and_without():
    x = run("rules-ru", "ТБИЛИСИ, 2 мая (Агентство) — Представитель турецкого МИД встретился "
                        "с министром. Позже МВД сообщило о задержании двух человек.", "ru")
    assert names(x, "турецкого МИД") == {"Ministry of Foreign Affairs of Turkey"}
    assert names(x, "МВД") == {"Ministry of Internal Affairs of Georgia"}


def test_without_a_dateline_a_russian_title_keeps_its_name():
    x = run("rules-ru", "Во вторник МВД сообщило о задержании двух человек.", "ru")
    assert names(x, "МВД") == {"МВД"}


def test_azerbaijani_titles_mean_azerbaijans_own_organs_unless_another_state_is_named():
    x = run("rules-az", "Dünən Türkiyə XİN-i bəyanat yayıb. Baş Prokurorluq isə cinayət işi "
                        "açıb.", "az")
    assert {m.name for m in x.mentions if m.text.startswith("Türkiyə XİN")} == \
        {"Ministry of Foreign Affairs of Turkey"}
    assert {m.name for m in x.mentions if m.text.startswith("Baş Prokurorluq")} == \
        {"Prosecutor General's Office of Azerbaijan"}


def test_an_english_title_takes_the_datelines_state():
    x = run("rules-en", "Headline\n\nTBILISI (Agency) - The Interior Ministry said on Monday "
                        "that two men had been detained.", "en")
    assert {m.name for m in x.mentions if "Interior Ministry" in m.text} == \
        {"Ministry of Internal Affairs of Georgia"}


def test_a_place_opening_the_sentence_names_the_organs_state_over_the_dateline():
    x = run("rules-en", "Headline\n\nTBILISI (Agency) - Talks resumed on Monday.\n\nIn Ankara, "
                        "Foreign Ministry spokesman Ali Veli said the talks were useful. "
                        "The Interior Ministry said two men had been detained.", "en")
    assert {m.name for m in x.mentions if "Foreign Ministry" in m.text} == \
        {"Ministry of Foreign Affairs of Turkey"}
    assert {m.name for m in x.mentions if "Interior Ministry" in m.text} == \
        {"Ministry of Internal Affairs of Georgia"}


def test_a_dateline_of_a_place_a_dash_and_the_agency_on_its_own_line():
    assert dateline_state("عنوان الخبر\n\nدمشق – وكالة الأنباء\n\nنص الخبر.") == "sy"


def test_a_state_written_right_before_the_title_is_its_state():
    x = run("rules-az", "Dünən İraq Xarici İşlər Nazirliyi bəyanat yayıb.", "az")
    assert {m.name for m in x.mentions if "Nazirliyi" in m.text} == \
        {"Ministry of Foreign Affairs of Iraq"}


def test_a_dateline_of_a_place_and_a_stop():
    assert dateline_state("Заголовок\n\nАнкара. Министерство сообщило в четверг ...") == "tr"
    assert dateline_state("Заголовок\n\nМинистерство. Сообщило в четверг ...") is None


def test_a_state_named_with_a_possessive_before_the_title_is_its_state():
    x = run("rules-en", "Later, Georgia's State Security Service (SSG) said it had opened a case.",
            "en")
    found = {m.name for m in x.mentions if m.text == "State Security Service"}
    assert found == {"State Security Service of Georgia"}
    assert all(m.kind == "government" for m in x.mentions if m.text == "State Security Service")
    assert not any(r.predicate == "based_in" for r in x.relations)
