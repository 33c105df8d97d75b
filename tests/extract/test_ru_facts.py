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
    assert raid.actors and raid.targets == (key(s, "Турции"),)
    assert raid.location == key(s, "Дамаске")


def test_a_states_adjective_names_the_state_an_event_is_against():
    s = ru("Азербайджан решил выслать четырех сотрудников иранского посольства.")
    expel = next(e for e in s.events if e.mode == "expel")
    assert expel.actors == (key(s, "Азербайджан"),)
    assert expel.targets == ("country:iran",)
    implied = [m for m in s.mentions if m.key == "country:iran"]
    assert implied and implied[0].role == "implied" and implied[0].name == "Иран"
