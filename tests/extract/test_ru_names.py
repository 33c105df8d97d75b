"""Russian rules: names, their nominatives, types and which mentions name one actor."""
from __future__ import annotations

from .ru_helpers import key, mention, ru


def test_inflected_forms_of_a_state_are_one_entity_named_in_the_nominative():
    s = ru("Делегация прибыла из Турции. Переговоры в Турции прошли успешно. "
           "Турция заявила о поддержке.")
    turkey = [m for m in s.mentions if m.type == "country"]
    assert len(turkey) == 3 and len({m.key for m in turkey}) == 1
    assert {m.name for m in turkey} == {"Турция"}
    assert all(s.clean.text[m.start:m.end] == m.text for m in s.mentions)


def test_a_persons_name_in_an_oblique_case_gets_its_nominative():
    s = ru("Журналисты встретились с Тимуром Бекбулатовым. Суд оправдал Марину Ковалёву.")
    assert mention(s, "Тимуром Бекбулатовым").name == "Тимур Бекбулатов"
    assert mention(s, "Марину Ковалёву").name == "Марина Ковалёва"
    assert mention(s, "Тимуром Бекбулатовым").type == "person"


def test_a_surname_alone_in_any_case_joins_the_full_name():
    s = ru("Командир батальона Павел Громов прибыл в город. Позже Громову предъявили обвинение.")
    assert key(s, "Громову") == key(s, "Павел Громов")
    assert mention(s, "Громову").name == "Павел Громов"


def test_a_capital_acting_stands_for_its_state_and_a_capital_where_things_happen_is_a_place():
    s = ru("Ереван заявил, что не примет решение. Совещание прошло в Ереване. "
           "Армения ответила.")
    acting = mention(s, "Ереван")
    assert acting.role == "metonym" and acting.refers_to == "Armenia"
    assert acting.key == key(s, "Армения")
    assert mention(s, "Ереване").type == "place" and mention(s, "Ереване").role == "name"


def test_institutions_by_their_head_words_and_an_abbreviation_joins_its_expansion():
    s = ru("Министерство обороны Армении сообщило о потерях. Служба внешней разведки (СВР) "
           "опубликовала доклад. Позже СВР опровергла слухи.")
    ministry = mention(s, "Министерство обороны Армении")
    assert (ministry.type, ministry.kind) == ("organization", "government")
    assert mention(s, "Служба внешней разведки").key == key(s, "СВР")
    assert len({m.key for m in s.mentions if m.text == "СВР"}) == 1


def test_a_states_adjective_before_an_institution_names_it_like_the_genitive():
    s = ru("Официальный представитель турецкого МИД Омер Челик выступил с заявлением. "
           "МИД Турции ответил резко.")
    adj = mention(s, "турецкого МИД")
    assert adj.key == key(s, "МИД Турции")
    # both are named as the state's organ, the gazetteer's name for it
    assert adj.name == mention(s, "МИД Турции").name == "Ministry of Foreign Affairs of Turkey"
    assert mention(s, "Омер Челик").type == "person"


def test_an_institutions_remit_belongs_to_its_name():
    s = ru("Комитет по делам беженцев Грузии опубликовал отчет.")
    assert mention(s, "Комитет по делам беженцев Грузии").type == "organization"


def test_an_alias_phrase_with_a_quoted_name_joins_two_names():
    s = ru("Ислам Мамедов (известен также как «Шейх Ислам») скрылся.")
    assert key(s, "Шейх Ислам") == key(s, "Ислам Мамедов")


def test_the_publisher_in_a_dateline_is_a_media_organisation_and_a_state_phrase_a_state():
    s = ru("ТБИЛИСИ, 5 мая (Кавказ-Инфо) — Власти Киргизской Республики закрыли границу.",
           publisher="Кавказ-Инфо")
    pub = mention(s, "Кавказ-Инфо")
    assert (pub.type, pub.kind) == ("organization", "media")
    assert mention(s, "ТБИЛИСИ").type == "place" and mention(s, "ТБИЛИСИ").role == "name"
    assert mention(s, "Киргизской Республики").type == "country"
    assert mention(s, "Киргизской Республики").key == "country:kyrgyzstan"


def test_a_group_named_after_its_kind_word_in_apposition():
    s = ru("Иран вооружает движение Хезболла.")
    assert mention(s, "Хезболла").type == "organization"


def test_a_states_mission_with_the_place_it_is_in_is_a_place():
    s = ru("Протестующие собрались у турецкого посольства в Ереване. "
           "Посольство Армении в Тбилиси закрыто.")
    m = mention(s, "турецкого посольства в Ереване")
    assert m.type == "place" and m.name == "турецкое посольство в Ереване"
    assert mention(s, "Посольство Армении в Тбилиси").type == "place"


def test_one_word_names_differing_only_in_their_case_ending_are_one():
    s = ru("Боевики «Шамаля» отступили. Движение «Шамаль» заявило о потерях.")
    assert key(s, "Шамаля") == key(s, "Шамаль")
    assert mention(s, "Шамаля").name == "Шамаль"


def test_brackets_and_quotes_at_a_names_edge_are_not_part_of_it():
    s = ru("АНКАРА, 3 мая (Восток-Медиа) — Турция закрыла границу.", publisher="Восток-Медиа")
    assert mention(s, "Восток-Медиа").name == "Восток-Медиа"


def test_initials_keep_their_written_form_and_an_accused_capital_is_its_state():
    s = ru("В.В. Путин обвинил Лондон в поддержке террористов. Совещание прошло в Лондоне.")
    assert mention(s, "В.В. Путин").name == "В.В. Путин"
    london = mention(s, "Лондон")
    assert london.role == "metonym" and london.refers_to == "United Kingdom"
    assert mention(s, "Лондоне").role == "name"


def test_a_multiword_name_in_an_oblique_case_is_named_by_its_head_in_the_nominative():
    """'заседание Жогорку Кенеша' names 'Жогорку Кенеш': natasha leaves foreign
    words as written: the head noun of the name is put in the nominative, its genitive
    complement ('… Киргизии') left as it is."""
    s = ru("Заседание Жогорку Кенеша прошло во вторник. Депутаты Жогорку Кенеша Киргизии "
           "проголосовали против.")
    names = {m.text: m.name for m in s.mentions}
    assert names["Жогорку Кенеша"] == "Жогорку Кенеш"
    assert names["Жогорку Кенеша Киргизии"] == "Жогорку Кенеш Киргизии"


def test_a_state_called_by_its_official_name_is_named_as_the_state():
    """'Киргизская Республика' is Kyrgyzstan: the mention's name is the lexicon's, so the
    resolver meets it with 'Киргизия' and 'Kyrgyzstan'."""
    from actorgraph.knowledge.lexicon import load_lexicon

    s = ru("Посол Киргизской Республики вручил ноту в понедельник.")
    m = mention(s, "Киргизской Республики")
    assert m.type == "country"
    assert load_lexicon().lookup(m.name) == load_lexicon().lookup("Kyrgyzstan")


def test_a_district_named_by_its_towns_adjective_is_that_town():
    """'Салянского района' is the district of Salyan (Сальяны): a relational adjective
    of a known town with a word for a district names the town's place."""
    s = ru("Взрыв произошел в одном из сел Тверского района. Жители Салянского района "
           "сообщили о задержаниях.")
    m = mention(s, "Салянского района")
    assert m.type == "place" and m.name == "Salyan"


def test_an_abbreviation_joins_a_name_with_its_state_after_it():
    s = ru("Дело ведёт Служба государственной безопасности Грузии. На следующий день СГБ "
           "сообщила о новых обвинениях.")
    assert key(s, "СГБ") == key(s, "Служба государственной безопасности Грузии")
