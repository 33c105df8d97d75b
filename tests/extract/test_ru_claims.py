"""Russian rules: dates against the document's date, figures and who says what."""
from __future__ import annotations

from .ru_helpers import key, ru


def _dates(text: str, published: str) -> dict[str, str | None]:
    return {d.text: d.value for d in ru(text, published).dates}


def test_dates_written_out_and_relative_to_the_document():
    found = _dates("3 февраля 2023 года в Ереване прошла встреча. В феврале 2023 года "
                   "начались переговоры. В прошлый четверг Армения закрыла границу. "
                   "В пятницу стороны встретились. Днем ранее прошел митинг. "
                   "Вчера МИД Армении выступил с заявлением. 28 марта министр подал в "
                   "отставку. В 2021 году партия распалась. В тот же день Армения ответила.",
                   "2024-05-10")        # a Friday
    assert found["3 февраля 2023 года"] == "2023-02-03"
    assert found["феврале 2023 года"] == "2023-02"
    assert found["прошлый четверг"] == "2024-05-09"
    assert found["пятницу"] == "2024-05-10"
    assert found["Днем ранее"] == "2024-05-09"     # a day before the date told last
    assert found["Вчера"] == "2024-05-09"
    assert found["28 марта"] == "2024-03-28"
    assert found["2021 году"] == "2021"
    assert found["В тот же день"] == "2024-03-28"


def test_a_day_and_month_later_than_the_document_is_of_the_year_before():
    assert _dates("Совещание прошло 28 декабря.", "2024-01-15")["28 декабря"] == "2023-12-28"


def test_figures_with_qualifiers_units_and_number_words():
    s = ru("По данным МВД Грузии, задержаны более 60 боевиков. Полиция задержала шестерых. "
           "Его приговорили к 20 годам. В акции участвовали две тысячи человек и около "
           "2,5 тысячи студентов.")
    q = {x.text: x for x in s.quantities}
    assert (q["более 60 боевиков"].value, q["более 60 боевиков"].qualifier,
            q["более 60 боевиков"].unit) == (60, "over", "боевик")
    assert q["шестерых"].value == 6
    assert (q["20 годам"].value, q["20 годам"].unit) == (20, "год")
    assert q["две тысячи человек"].value == 2000
    assert q["около 2,5 тысячи студентов"].value == 2500
    assert q["более 60 боевиков"].attribution.attributed_to == key(s, "МВД Грузии")
    assert q["более 60 боевиков"].attribution.modality == "reported"


def test_who_says_it_by_a_verb_set_beside_the_clause_and_by_po_slovam():
    s = ru("Задержаны трое подозреваемых, сообщило Министерство обороны Армении. "
           "По словам Тимура Бекбулатова, погибли 12 человек.")
    q = {x.value: x for x in s.quantities}
    assert q[3].attribution.attributed_to == key(s, "Министерство обороны Армении")
    assert q[12].attribution.attributed_to == key(s, "Тимура Бекбулатова")


def test_a_denial_governing_the_claim_and_a_speaker_that_is_no_claim():
    s = ru("Павел Громов отрицает, что получил 5 миллионов рублей. "
           "Двое дипломатов Франции объявлены персонами нон грата.")
    q = {x.value: x for x in s.quantities}
    assert q[5000000].attribution.modality == "denied"
    assert q[5000000].attribution.attributed_to == key(s, "Павел Громов")
    assert q[2].attribution.attributed_to is None     # the figure is the subject, not a speaker


def test_not_less_than_is_at_least():
    s = ru("Погибли не менее 14 человек.")
    assert s.quantities[0].qualifier == "at least" and s.quantities[0].value == 14
