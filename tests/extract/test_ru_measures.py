"""What a Russian count measures, in the English reader's words (`QuantityFact.measure`), so
that a count of the dead, the held or the missiles meets the same count in English."""
from __future__ import annotations

from tests.extract.ru_helpers import ru


def _measures(text: str) -> dict[float, str | None]:
    return {q.value: q.measure for q in ru(text).quantities}


def test_verbs_of_dying_and_of_hurt_measure_their_subjects():
    got = _measures("При обрушении моста в Вологде погибли 8 человек, ещё 15 были ранены.")
    assert got == {8: "dead", 15: "wounded"}


def test_holding_measures_its_object_or_its_passive_subject_and_a_participle_its_noun():
    assert _measures("Пограничники задержали шестерых нарушителей.") == {6: "arrested"}
    assert _measures("Как сообщил суд, арестованы трое.") == {3: "arrested"}
    assert _measures("Среди 17 раненых есть дети.") == {17: "wounded"}


def test_a_negated_verb_measures_nothing():
    assert _measures("Охрана не задержала двоих посетителей.") == {2: None}


def test_weapons_by_the_noun_before_any_verb():
    got = _measures("Флот выпустил 30 ракет, а ПВО уничтожила 12 беспилотников.")
    assert got == {30: "missiles", 12: "drones"}


def test_fighters_and_members_by_the_noun_unless_a_verb_says_they_died():
    assert _measures("В бригаде служат около 900 боевиков.") == {900: "fighters"}
    assert _measures("В ходе операции ликвидированы 9 боевиков.") == {9: "dead"}
    assert _measures("Совет состоит из 11 членов.") == {11: "members"}


def test_other_counts_measure_nothing():
    assert _measures("Его приговорили к 12 годам заключения.") == {12: None}


def test_a_parse_whose_heads_form_a_cycle_is_read_to_the_end():
    # natasha links "раненых" and "есть" each as the other's head: walks see each word once
    assert _measures("Среди 17 раненых есть дети.") == {17: "wounded"}
