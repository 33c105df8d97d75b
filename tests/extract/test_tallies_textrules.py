"""A running count told over several sentences, in the languages read without a parser:
the actor a count is about when its sentence names none, counts added to an earlier one
("two more"), and "the number of X reached N" (sentences written for these tests)."""
from __future__ import annotations

from tests.extract.test_textrules import run


def _counts(x):
    names = {m.key: m.name for m in x.mentions}
    return [(q.value, q.unit, q.measure, q.qualifier, names.get(q.subject or ""))
            for q in x.quantities]


def test_az_the_number_of_the_held_reached_n_counts_the_held():
    x = run("rules-az", "Gecə polis Gəncədə beş nəfəri saxlayıb. Səhər saxlanılanların "
                        "sayı yeddiyə çatıb.")
    seven = next(q for q in x.quantities if q.value == 7)
    assert seven.unit == "saxlanılanların" and seven.measure == "arrested"


def test_ar_the_number_of_the_dead_rose_to_n_counts_the_dead():
    x = run("rules-ar", "ارتفع عدد القتلى إلى تسعة في المدينة.")
    nine = next(q for q in x.quantities if q.value == 9)
    assert nine.unit.startswith("القتل") and nine.measure == "dead"


def test_az_a_count_by_several_agents_is_about_the_first_of_them():
    x = run("rules-az", "Müdafiə Nazirliyi, DTX və Baş Prokurorluq tərəfindən üç nəfər "
                        "saxlanılıb.")
    three = next(q for q in x.quantities if q.value == 3)
    first = next(m for m in x.mentions if m.text == "Müdafiə Nazirliyi")
    assert three.subject == first.key


def test_az_a_later_count_of_the_same_measure_keeps_its_actor_and_an_added_one_is_marked():
    x = run("rules-az", "Daxili İşlər Nazirliyi bildirib ki, gecə üç nəfər saxlanılıb. "
                        "Gün ərzində daha iki nəfər tutulub. Beləliklə, saxlanılanların sayı "
                        "beşə çatıb.")
    counts = {q.value: q for q in x.quantities}
    ministry = counts[3].subject
    assert ministry is not None
    assert counts[2].qualifier == "more" and counts[2].subject == ministry
    assert counts[5].subject == ministry and counts[5].measure == "arrested"


def test_az_a_count_in_another_paragraph_keeps_no_actor():
    x = run("rules-az", "Daxili İşlər Nazirliyi bildirib ki, gecə üç nəfər saxlanılıb.\n\n"
                        "Ötən il isə Gəncədə səkkiz nəfər saxlanılmışdı.")
    eight = next(q for q in x.quantities if q.value == 8)
    assert eight.subject is None or \
        {m.name for m in x.mentions if m.key == eight.subject} == {"Gəncə"}


def test_az_a_name_before_the_counted_noun_qualifies_it():
    x = run("rules-az", "Ötən ay Bakı dörd Fransa diplomatını ölkədən çıxarıb.")
    four = next(q for q in x.quantities if q.value == 4)
    assert four.unit == "diplomatını"


def test_az_a_number_set_off_by_a_dash_counts_no_noun():
    x = run("rules-az", "Beş maşından biri – Gəncə polisinin maşını – yolda qalıb.")
    assert [q.value for q in x.quantities] == [5]


def test_az_a_phrase_of_an_event_class_with_its_noun_in_the_plural():
    x = run("rules-az", "Ordu dünən Gəncəyə raketlərlə zərbələr endirib.")
    assert [e.type for e in x.events] == ["ASSAULT"]


def test_az_the_short_instrumental_follows_a_consonant_only():
    from actorgraph.extract.rules_az import morph
    assert ("Ərbi", "ins") not in {(a.stem, a.case) for a in morph.analyses("Ərbilə")}
    assert ("Ərbil", "ins") in {(a.stem, a.case) for a in morph.analyses("Ərbillə")}


def test_ar_strikes_and_attacking_verbs_are_assaults():
    x = run("rules-ar", "هاجمت الميليشيا قاعدة عسكرية في البصرة يوم الأحد.")
    assert [e.type for e in x.events] == ["ASSAULT"]
    x = run("rules-ar", "نفذت القوات ضربات على مواقع في الموصل.")
    assert [e.type for e in x.events] == ["ASSAULT"]
