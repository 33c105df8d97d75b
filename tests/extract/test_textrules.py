"""The rule extractors without a parser (rules-az, rules-fa, rules-ar), on sentences
written for these tests."""
from __future__ import annotations

import hashlib

import pytest

from actorgraph.extract import registry
from actorgraph.extract.rules_az import morph
from actorgraph.model import CleanDocument, DocumentMeta, LoadedDocument, Segment


def run(name: str, text: str, published: str = "2022-06-15"):
    loaded = LoadedDocument("t.txt", "text/plain", text.encode(), text,
                            DocumentMeta(published=published),
                            hashlib.sha256(text.encode()).hexdigest())
    clean = CleanDocument(loaded, (Segment(0, len(text), "body"),))
    return next(registry.get(name).extract([clean]))


def by_text(x, text):
    return next(m for m in x.mentions if m.text == text)


# -- Azerbaijani morphology ------------------------------------------------------------
@pytest.mark.parametrize("word,stem", [
    ("Gəncədən", "Gəncə"), ("Şəkiyə", "Şəki"), ("Lənkəran'da", "Lənkəran"),
    ("NATO-nun", "NATO"), ("Sumqayıtdakı", "Sumqayıt"), ("Respublikasında", "Respublikası")])
def test_az_endings(word, stem):
    assert morph.analyses(word)[0].stem == stem


def test_az_short_endings_are_unsure():
    # "Emin" is a name, not "Em" in the genitive
    assert all(not a.sure for a in morph.analyses("Emin"))


def test_az_names_case_and_titles():
    x = run("rules-az", "Müdafiə Nazirliyinin sözçüsü Rauf Qasımov dünən Gəncədən "
                        "Şəkiyə gedib. Qasımovun sözlərinə görə, səfər uğurlu olub.")
    person = by_text(x, "Rauf Qasımov")
    assert person.type == "person" and by_text(x, "Qasımovun").key == person.key
    assert by_text(x, "Qasımovun").name == "Rauf Qasımov"
    ministry = by_text(x, "Müdafiə Nazirliyinin")
    assert ministry.type == "organization"
    assert by_text(x, "Gəncədən").name == "Gəncə"
    assert any(r.subject == person.key and r.predicate == "member_of" and
               r.object == ministry.key for r in x.relations)


def test_az_case_marked_phrase_is_not_one_name():
    x = run("rules-az", "Nümayəndə heyəti Moskvadan Ankaraya uçub.")
    texts = {m.text for m in x.mentions}
    assert "Moskvadan Ankaraya" not in texts


def test_az_dates_and_quantities():
    x = run("rules-az", "Polis 12 fevral 2021-ci il tarixində üç nəfəri saxlanılıb.",
            published="2021-02-14")
    e = next(e for e in x.events if e.type == "COERCE")
    assert e.date is not None and e.date.value == "2021-02-12"
    assert any(q.value == 3 for q in x.quantities)


def test_az_relative_day():
    x = run("rules-az", "Dünən Vüqar Məmmədov saxlanılıb.", published="2020-10-05")
    assert next(e for e in x.events).date.value == "2020-10-04"


# -- Persian -----------------------------------------------------------------------------
def test_fa_solar_hijri_date():
    x = run("rules-fa", "در ۱۲ آذر ۱۴۰۱ حمله‌ای به بغداد انجام شد.", published="2022-12-05")
    e = next(e for e in x.events if e.type == "ASSAULT")
    assert e.date.value == "2022-12-03"


def test_fa_title_person_and_institution():
    x = run("rules-fa", "سردار رضا کاظمی، معاون شورای عالی امنیت ملی، گفت که ۲۵ نفر "
                        "بازداشت شدند.")
    person = by_text(x, "رضا کاظمی")
    assert person.type == "person"
    assert any(r.subject == person.key and r.predicate == "member_of" for r in x.relations)
    assert any(q.value == 25 for q in x.quantities)


def test_fa_number_words():
    x = run("rules-fa", "بیش از دو هزار و پانصد نفر زخمی شدند.")
    q = next(q for q in x.quantities)
    assert q.value == 2500 and q.qualifier == "more than"


# -- Arabic ------------------------------------------------------------------------------
def test_ar_clitics_and_lexicon():
    x = run("rules-ar", "وصل الوفد إلى بغداد ثم توجه لإيران.")
    iran = by_text(x, "إيران")          # the span leaves the proclitic لـ out
    assert iran.type == "country" and iran.name == "إيران"
    assert x.mentions[-1].start == x.mentions[-1].end - len("إيران")


def test_ar_title_org_person():
    x = run("rules-ar", "قال الأمين العام لحركة النجباء أبو حسن المالكي إن الهجوم فشل.")
    person = next(m for m in x.mentions if m.type == "person")
    assert person.text.startswith("أبو")
    assert any(r.subject == person.key and r.predicate == "leader_of" for r in x.relations)


def test_ar_relative_weekday_and_month_series():
    x = run("rules-ar", "استهدف قصف مواقع في الموصل في 3 آذار/مارس الماضي.",
            published="2021-04-10")
    e = next(e for e in x.events if e.type == "ASSAULT")
    assert e.date.value == "2021-03-03"
    y = run("rules-ar", "أعلنت وزارة الدفاع أن غارة استهدفت حمص أمس.", published="2021-04-10")
    assert next(e for e in y.events if e.type == "ASSAULT").date.value == "2021-04-09"
    assert by_text(y, "وزارة الدفاع").type == "organization"


def test_ar_hijri_month():
    x = run("rules-ar", "وقع الهجوم في 10 محرم 1445.", published="2023-08-01")
    assert next(e for e in x.events).date.value == "2023-07-28"


# -- rules added with the figures ---------------------------------------------------------
def test_az_surname_that_is_also_a_title_word():
    x = run("rules-az", "Prezident Kamal Rəisi bəyanat verib. Rəisinin sözlərinə görə, hər şey "
                        "qaydasındadır.")
    kamal = by_text(x, "Kamal Rəisi")
    assert kamal.type == "person" and by_text(x, "Rəisinin").key == kamal.key
    assert any(r.subject == kamal.key and r.rule == "title:home_state" for r in x.relations)


def test_az_two_people_side_by_side_and_hyphen_endings():
    x = run("rules-az", "Nazir Vaqif Əhmədov Sənan Qurbanlıya məktub göndərib. NATO-nun "
                        "nümayəndəsi də orada idi.")
    assert by_text(x, "Vaqif Əhmədov").type == "person"
    assert "Vaqif Əhmədov Sənan" not in {m.text for m in x.mentions}
    assert by_text(x, "NATO").name == "NATO"         # the span stops before "-nun"


def test_az_object_holds_no_title():
    x = run("rules-az", "Azərbaycan Respublikasının Prezidenti Kəmaləddin Nəsirovu qəbul edib.")
    assert not any(r.rule.startswith("title") and "nəsirov" in r.subject for r in x.relations)


def test_az_place_by_its_endings_and_paragraph_date():
    x = run("rules-az", "14 mart, axşam.\nNümayəndələr Gədəbəyə çatıb. Gədəbəyin sakinləri "
                        "Vaqif Əhmədov ilə görüşüb.", published="2022-03-20")
    assert by_text(x, "Gədəbəyə").type == "place"
    e = next(e for e in x.events if e.type == "CONSULT")
    assert e.date.value == "2022-03-14"


def test_az_events_told_again_are_one():
    x = run("rules-az", "Rauf Qasımova hücum olub. Qasımova hücum zamanı iki nəfər yaralanıb.")
    assert sum(e.type == "ASSAULT" for e in x.events) == 1


def test_ar_particle_honorific_and_family_name():
    x = run("rules-ar", "أكد السيد حسن نصر الله أن الحرب لم تنته. وقال نصر الله إن المقاومة "
                        "مستمرة، وكتب أبو علي الحسيني على قناته.")
    persons = {m.text: m for m in x.mentions if m.type == "person"}
    assert "السيد حسن نصر الله" in persons and "أبو علي الحسيني" in persons
    assert not any(t.startswith("على") for t in persons)


def test_ar_definite_institution_airport_and_part_of():
    x = run("rules-ar", "التقى قائد لواء الحسين في الحشد الشعبي وفدا من الجيش الوطني الليبي "
                        "في مطار النجف الدولي.")
    assert by_text(x, "الجيش الوطني الليبي").type == "organization"
    assert by_text(x, "مطار النجف الدولي").type == "place"
    badr = by_text(x, "لواء الحسين")
    assert any(r.subject == badr.key and r.predicate == "member_of" for r in x.relations)


def test_ar_numbers_with_clitics_of_and_after_noun():
    x = run("rules-ar", "نفذ الهجوم بخمس طائرات، وأصيب أربعة من الجنود، وقتل مدني واحد على "
                        "الأقل.")
    values = {q.value: q for q in x.quantities}
    assert 5 in values and 4 in values and values[4].unit == "الجنود"
    assert values[1].qualifier == "at least"


def test_ar_backed_by():
    x = run("rules-ar", "اتهمت الحكومة كتائب سيد الشهداء المدعومة من إيران بالهجوم.")
    assert any(r.predicate == "sponsored_by" and r.object == "country:iran" for r in x.relations)


def test_fa_state_form_and_group_with_its_country():
    x = run("rules-fa", "سفیر جمهوری اسلامی ایران با نمایندگان حزب‌الله لبنان دیدار کرد.")
    assert by_text(x, "جمهوری اسلامی ایران").key == "country:iran"
    # the span holds the form of state, the name is the state's, as other reports write it
    assert by_text(x, "جمهوری اسلامی ایران").name == "ایران"
    assert by_text(x, "حزب‌الله لبنان").type == "organization"


def test_weekday_needs_a_time_word_and_birth_years_date_nothing():
    x = run("rules-az", "Cümə namazından sonra 1979-cu il təvəllüdlü Kamil Rzayev saxlanılıb.",
            published="2022-06-15")
    e = next(e for e in x.events if e.type == "COERCE")
    assert e.date is None
    y = run("rules-az", "Ötən cümə Kamil Rzayev saxlanılıb.", published="2022-06-15")
    assert next(e for e in y.events).date.value == "2022-06-10"


def test_month_takes_the_year_written_before_it_and_that_day():
    x = run("rules-az", "2019-cu ilin mayında Kamil Rzayev saxlanılıb. Həmin gün Nurlan "
                        "Hüseynova hücum olub.", published="2022-06-15")
    assert next(e for e in x.events if e.type == "COERCE").date.value == "2019-05"
    y = run("rules-ar", "في 4 أيار/مايو اعتقل زيد الحسيني. وفي اليوم نفسه وقع هجوم في حمص.",
            published="2022-06-15")
    assert next(e for e in y.events if e.type == "COERCE").date.value == "2022-05-04"


def test_headline_event_is_the_body_event():
    x = run("rules-az", "Jurnalist saxlanılıb\n\nPolis dünən Kamil Rzayevi saxlanılıb.",
            published="2022-06-15")
    assert sum(e.type == "COERCE" for e in x.events) == 1


def test_ar_ordinal_day_and_definite_event_told_again():
    x = run("rules-ar", "قصفت طائرات مواقع قرب الموصل في الثالث والعشرين من آذار/مارس. "
                        "وأسفر القصف عن أضرار.", published="2021-05-01")
    assaults = [e for e in x.events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].date.value == "2021-03-23"


def test_ar_two_events_of_one_kind_in_one_sentence_keep_their_dates():
    x = run("rules-ar", "استقبل المحافظ الوفد في الموصل مساء الأحد والتقى الوزير اليوم.",
            published="2021-11-08")
    dates = sorted(e.date.value for e in x.events if e.type == "CONSULT")
    assert dates == ["2021-11-07", "2021-11-08"]


def test_fa_month_name_alone_is_no_date():
    x = run("rules-fa", "در حمله‌ای دیگر در تیر اندازی دو نفر کشته شدند.",
            published="2024-10-29")
    assert all(e.date is None for e in x.events)


def test_az_known_name_with_an_ending_alone():
    x = run("rules-az", "Səhər. Gürcüstanın nümayəndəsi gəlib.")
    assert by_text(x, "Gürcüstanın").type == "country"


def test_fa_our_country_is_the_home_state():
    x = run("rules-fa", "مهدی رضایی، وزیر کشورمان، با هیئت عراقی دیدار کرد.")
    person = by_text(x, "مهدی رضایی")
    assert any(r.subject == person.key and r.object == "country:iran" for r in x.relations)


def test_ar_place_named_inside_a_place_and_group_with_its_country():
    x = run("rules-ar", "هبطت الطائرة في مطار بغداد الدولي.")
    assert {"مطار بغداد الدولي", "بغداد"} <= {m.text for m in x.mentions}
    y = run("rules-fa", "نیروهای حزب‌الله لبنان آماده‌اند.")
    assert any(r.predicate == "based_in" and r.object == "country:lebanon" for r in y.relations)


def test_ar_group_whose_sites_were_hit_operates_there():
    x = run("rules-ar", "قصفت طائرات مواقع لعصائب أهل الحق قرب الموصل.", published="2021-05-01")
    assert any(r.predicate == "operates_in" and r.object == "place:mosul" for r in x.relations)


def test_ar_title_chain_stops_at_other_words():
    x = run("rules-ar", "رئيس مجلس النواب الذي التقى أمس زيد الحسيني.")
    assert not any(r.rule.startswith("title") for r in x.relations)


def test_undated_event_takes_the_last_day_named_before_it():
    x = run("rules-ar", "قصفت طائرات مواقع في حمص أمس.\n\nفي المقابل، نفى هادي العامري ذلك.",
            published="2021-05-10")
    assert next(e for e in x.events if e.type == "REJECT").date.value == "2021-05-09"


def test_relative_years_dawn_of_a_weekday_and_attribution():
    x = run("rules-az", "Ötən il Kamil Rzayev saxlanılıb, Daxili İşlər Nazirliyi bildirib.",
            published="2022-06-15")
    e = next(e for e in x.events if e.type == "COERCE")
    assert e.date.value == "2021"
    assert e.attribution.modality == "reported" and e.attribution.cue == "bildirib"
    y = run("rules-ar", "قال هادي العامري إن قصفا استهدف الموصل فجر الأحد.",
            published="2021-11-10")
    a = next(e for e in y.events if e.type == "ASSAULT")
    assert a.date.value == "2021-11-07"
    assert a.attribution.attributed_to == "person:hadi al amiri"


def test_az_portfolio_title_and_lone_ministry_word():
    x = run("rules-az", "Səhiyyə Naziri Teymur Musayev danışıb. Nazirliyin açıqlamasına görə, "
                        "hər şey qaydasındadır.")
    assert by_text(x, "Teymur Musayev").type == "person"
    assert not {"Səhiyyə", "Nazirliyin"} & {m.text for m in x.mentions}


def test_fa_weekday_that_is_also_a_city():
    x = run("rules-fa", "روز دوشنبه هیئتی به تهران رفت.")
    assert "دوشنبه" not in {m.text for m in x.mentions}


def test_ar_title_with_its_country_adjective_and_group_noun():
    x = run("rules-ar", "التقى السفير التركي علي رضا غوناي بقادة من حركة حماس.")
    assert by_text(x, "علي رضا").type == "person" or any(
        m.text.startswith("علي رضا") for m in x.mentions if m.type == "person")
    hamas = by_text(x, "حركة حماس")
    assert hamas.key == "organization:hamas"
    y = run("rules-fa", "اعضای شورای مرکزی حماس دیدار کردند.")
    assert all(m.key != "organization:hamas" or m.text == "حماس" for m in y.mentions)


def test_az_title_after_a_body_in_the_genitive():
    x = run("rules-az", "Mərasimdə Dövlət Şurasının Sədri Rauf Qasımov iştirak edib.")
    person = by_text(x, "Rauf Qasımov")
    assert any(r.subject == person.key and r.predicate == "leader_of" for r in x.relations)


def test_fa_three_word_name_closed_by_a_comma_and_minister_of_a_country():
    x = run("rules-fa", "علی رضا کاظمی، عضو شورای شهر، با وزیر خارجه قطر دیدار کرد.")
    assert by_text(x, "علی رضا کاظمی").type == "person"
    assert not any(m.type == "person" and "خارجه" in m.text for m in x.mentions)


def test_ar_a_known_name_after_a_proclitic_is_spanned_without_it():
    x = run("rules-ar", "وقالت مصادر إن لعصائب أهل الحق مقاتلين في المدينة، وإن بالحشد الشعبي "
                        "ألوية أخرى.")
    texts = {m.text for m in x.mentions}
    assert {"عصائب أهل الحق", "الحشد الشعبي"} <= texts
    assert not {"لعصائب أهل الحق", "بالحشد الشعبي"} & texts


def test_fa_an_honorific_before_a_known_name_is_in_its_span_not_its_name():
    x = run("rules-fa", "در این نشست سید هاشم صفی‌الدین سخنرانی کرد.")
    m = next(m for m in x.mentions if m.type == "person")
    assert m.text == "سید هاشم صفی\u200cالدین" and not m.name.startswith("سید")


def _relations_of(x):
    keys = {m.key: m.name for m in x.mentions}
    return {(keys.get(r.subject), r.predicate, keys.get(r.object)) for r in x.relations}


def test_fa_a_title_closed_by_a_comma_holds_no_body_after_the_comma():
    x = run("rules-fa", "محمد رضایی، رئیس‌جمهور، روز شنبه به تبریز رفت.")
    got = _relations_of(x)
    assert ("محمد رضایی", "leader_of", "تبریز") not in got
    assert ("محمد رضایی", "leader_of", "Iran") in got or \
        ("محمد رضایی", "leader_of", "ایران") in got


def test_fa_the_head_of_the_republic_without_its_name_is_the_home_states():
    x = run("rules-fa", "علی احمدی، رهبر جمهوری اسلامی، در این باره سخنرانی کرد.")
    assert {(s, p) for s, p, o in _relations_of(x) if o in ("Iran", "ایران")} == \
        {("علی احمدی", "leader_of")}


def test_az_a_name_word_after_the_arabic_article_continues_the_name():
    x = run("rules-az", "Komissiyaya milli təhlükəsizlik müşaviri Qasim əl-Əraci başçılıq edir.")
    assert "Qasim əl-Əraci" in {m.text for m in x.mentions}
