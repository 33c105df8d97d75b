"""Russian rules: relations from titles and verbs of backing, events by PLOVER class."""
from __future__ import annotations

from .ru_helpers import key, ru


def _rels(s):
    return {(r.subject, r.predicate, r.object) for r in s.relations}


def test_titles_in_apposition_with_the_body_or_state_in_the_genitive():
    s = ru("Министр иностранных дел Турции Мевлют Чавушоглу прибыл в Ереван. "
           "Глава МИД Армении Арарат Мирзоян встретил его. "
           "Член Народной партии Ахмед Ахмедов выступил.")
    rels = _rels(s)
    assert (key(s, "Мевлют Чавушоглу"), "member_of", key(s, "Турции")) in rels
    assert (key(s, "Арарат Мирзоян"), "leader_of", key(s, "МИД Армении")) in rels
    assert (key(s, "Ахмед Ахмедов"), "member_of", key(s, "Народной партии")) in rels


def test_verbs_of_backing_give_sponsored_by():
    s = ru("Иран вооружает движение Хезболла.")
    assert (key(s, "Хезболла"), "sponsored_by", key(s, "Иран")) in _rels(s)


def _events(s):
    return [(e.type, e.mode, e.actors, e.targets) for e in s.events]


def test_arrests_active_and_passive_and_negated():
    s = ru("МВД Грузии задержало Павла Громова. Павел Громов был арестован Службой "
           "государственной безопасности Грузии. Арарат Мирзоян не был задержан.")
    ev = _events(s)
    gromov = key(s, "Павел Громов")
    assert ("COERCE", "arrest", (key(s, "МВД Грузии"),), (gromov,)) in ev
    assert ("COERCE", "arrest",
            (key(s, "Службой государственной безопасности Грузии"),), (gromov,)) in ev
    assert len(ev) == 2


def test_expulsion_sentence_accusation_and_denial():
    s = ru("Двое дипломатов Франции объявлены персонами нон грата. Турция обвинила Грецию в "
           "провокации. Греция отрицает обвинения. Тимур Бекбулатов был приговорен к 10 годам "
           "заключения.")
    ev = _events(s)
    assert ("COERCE", "expel", (), (key(s, "Франции"),)) in ev
    assert ("ACCUSE", None, (key(s, "Турция"),), (key(s, "Грецию"),)) in ev
    assert ("REJECT", None, (key(s, "Греция"),), ()) in ev
    assert ("COERCE", "imprison", (), (key(s, "Тимур Бекбулатов"),)) in ev


def test_attacks_with_a_pronoun_a_noun_of_doing_and_a_location_dated_by_the_sentence():
    s = ru("Фарид Алиев вышел из дома в Гяндже. 2 мая неизвестный выстрелил в него. "
           "Группировка Джейш аль-Ислам совершила нападение на посольство Турции в Дамаске.",
           "2024-05-10")
    by_trigger = {e.trigger: e for e in s.events}
    shot = by_trigger["выстрелил"]
    assert shot.type == "ASSAULT" and shot.targets == (key(s, "Фарид Алиев"),)
    assert shot.date is not None and shot.date.value == "2024-05-02"
    raid = by_trigger["нападение"]
    assert raid.actors and raid.targets == (key(s, "посольство Турции в Дамаске"),)


def test_a_states_adjective_names_the_state_an_event_is_against():
    s = ru("Азербайджан решил выслать четырех сотрудников иранского посольства.")
    # (a mission named without the place it is in is no name: the state stands for it)
    expel = next(e for e in s.events if e.mode == "expel")
    assert expel.actors == (key(s, "Азербайджан"),)
    assert expel.targets == ("country:iran",)
    implied = [m for m in s.mentions if m.key == "country:iran"]
    assert implied and implied[0].role == "implied" and implied[0].name == "Иран"


def test_a_title_with_no_body_beside_it_belongs_to_the_one_body_of_its_kind():
    s = ru("Тбилисский городской суд вынес решение. Заседание вела судья Нино Гелашвили.")
    assert (key(s, "Нино Гелашвили"), "member_of", key(s, "Тбилисский городской суд")) \
        in _rels(s)


def test_two_states_agreeing_on_an_alliance_are_allied():
    s = ru("Турция и Грузия договорились о едином фронте против контрабанды.")
    assert (key(s, "Турция"), "allied_with", key(s, "Грузия")) in _rels(s)


def test_a_coercive_act_told_without_its_agent_by_an_authority_was_done_by_it():
    s = ru("Задержаны пятеро подозреваемых, сообщило МВД Грузии.")
    arrest = next(e for e in s.events if e.type == "COERCE")
    assert arrest.actors == (key(s, "МВД Грузии"),)


def test_an_event_takes_a_day_told_earlier_before_a_year_in_a_name():
    s = ru("5 марта 2022 года МВД Армении сообщило новости. Посол был выслан за нарушение "
           "Венской конвенции 1961 года, сообщило МВД Армении.", "2022-03-06")
    expel = next(e for e in s.events if e.mode == "expel")
    assert expel.date is not None and expel.date.value == "2022-03-05"


def test_a_verb_and_its_noun_tell_one_event():
    s = ru("Тбилисский городской суд огласил приговор по делу Павла Громова.")
    assert [e.trigger for e in s.events] == ["огласил"]


def test_a_pronoun_after_a_title_is_the_person_holding_that_title():
    s = ru("Депутат Гия Мамаладзе выступил в парламенте. Позже журналист Леван Иоселиани "
           "видел у дома депутата незнакомца. Незнакомец выстрелил в него.")
    shot = next(e for e in s.events if e.trigger == "выстрелил")
    assert shot.targets == (key(s, "Гия Мамаладзе"),)


def test_an_event_named_as_the_background_of_a_dated_one_takes_no_date():
    s = ru("5 мая 2024 года отношения обострились после нападения на Фарида Алиева.",
           "2024-05-10")
    attack = next(e for e in s.events if e.type == "ASSAULT")
    assert attack.targets == (key(s, "Фарида Алиева"),) and attack.date is None


def test_a_headline_without_a_stop_is_read_apart_from_the_dateline_after_it():
    s = ru("Турция нанесла удары по базам в Ираке\n\nАНКАРА, 3 мая — Армия Турции в среду "
           "нанесла удары по позициям движения «Шамаль».", "2024-05-03")
    body = [e for e in s.events if e.date is not None]
    assert body and body[0].targets == (key(s, "Шамаль"),)
    assert body[0].actors == (key(s, "Армия Турции"),)


def test_the_other_side_of_a_meeting_is_its_target():
    s = ru("Премьер-министр Грузии Ираклий Кобахидзе встретился с Араратом Мирзояном. "
           "Кобахидзе провел переговоры с послом Франции Жаном Дюпоном.")
    met = next(e for e in s.events if e.trigger == "встретился")
    assert met.type == "CONSULT" and met.targets == (key(s, "Араратом Мирзояном"),)
    talks = next(e for e in s.events if e.trigger == "переговоры")
    assert talks.actors == (key(s, "Ираклий Кобахидзе"),)
    assert talks.targets == (key(s, "Жаном Дюпоном"),)


def test_a_head_modifier_makes_a_title_the_heads_and_a_state_in_the_genitive_no_holder():
    s = ru("Генеральный секретарь партии «Нур» Алихан Сейтов выступил. "
           "Посол Франции Жан Дюпон прибыл.")
    rels = _rels(s)
    assert any(r[0] == key(s, "Алихан Сейтов") and r[1] == "leader_of" for r in rels)
    assert mention_type(s, "Франции") == "country"


def mention_type(s, text):
    return next(m.type for m in s.mentions if m.text == text)


def test_a_government_body_named_with_its_state_belongs_to_it():
    s = ru("Официальный представитель турецкого МИД выступил. Министерство обороны Армении "
           "ответило.")
    rels = _rels(s)
    assert (key(s, "турецкого МИД"), "member_of", "country:turkey") in rels
    assert (key(s, "Министерство обороны Армении"), "member_of", "country:armenia") in rels
    assert {m.key for m in s.mentions} >= {"country:turkey", "country:armenia"}


def test_titles_joined_in_apposition_each_give_their_body():
    s = ru("Суд арестовал Ивана Петрова, главу Северного банка и лидера движения «Новый путь».")
    person = key(s, "Ивана Петрова")
    got = {(r.predicate, r.object) for r in s.relations if r.subject == person}
    assert got == {("leader_of", key(s, "Северного банка")), ("leader_of", key(s, "Новый путь"))}


def test_a_title_that_governs_the_instrumental_takes_its_body_in_that_case():
    s = ru("Парад принимал командующий Силами специальных операций Грузии Иван Петров.")
    person = key(s, "Иван Петров")
    assert any(r.subject == person and r.predicate == "leader_of" for r in s.relations)


def test_an_event_noun_that_occurred_somewhere_takes_the_place_of_its_verb():
    s = ru("Теракт произошёл 5 марта у рынка в Газиантепе.", published="2024-03-07")
    assault = next(e for e in s.events if e.type == "ASSAULT")
    assert assault.location == key(s, "Газиантепе")
    assert assault.date is not None and assault.date.value == "2024-03-05"
