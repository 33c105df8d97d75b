"""What a count measures in Azerbaijani, Persian and Arabic, in the English reader's words
(`QuantityFact.measure`: extract/textrules/measures.py), on sentences written for the test."""
from __future__ import annotations

from tests.extract.test_textrules import run


def _measures(name: str, text: str) -> dict[float, str | None]:
    return {q.value: q.measure for q in run(name, text).quantities}


# -- Azerbaijani: the verb or participle follows the count ----------------------------------
def test_az_dead_wounded_and_held():
    got = _measures("rules-az", "Partlayış nəticəsində beş nəfər həlak olub, 12 nəfər "
                                "yaralanıb.")
    assert got == {5: "dead", 12: "wounded"}
    assert _measures("rules-az", "Gömrükdə yeddi nəfər saxlanılıb.") == {7: "arrested"}


def test_az_weapons_and_members_by_the_noun_and_times_take_none():
    assert _measures("rules-az", "Ordu 40 raket və 15 dron vurub.") == {40: "missiles",
                                                                       15: "drones"}
    assert _measures("rules-az", "Şuranın 9 üzvü toplaşıb.") == {9: "members"}
    assert _measures("rules-az", "O, 3 dəfə həbs olunub.") == {3: None}


# -- Persian ------------------------------------------------------------------------------
def test_fa_dead_wounded_and_held():
    got = _measures("rules-fa", "در این انفجار ۸ نفر کشته و ۲۰ نفر زخمی شدند.")
    assert got == {8: "dead", 20: "wounded"}
    assert _measures("rules-fa", "پلیس ۶ نفر را بازداشت کرد.") == {6: "arrested"}
    assert _measures("rules-fa", "مهاجمان ۵ نگهبان را به شهادت رساندند.") == {5: "dead"}


def test_fa_weapons_by_the_noun():
    assert _measures("rules-fa", "ارتش ۳۰ موشک و ۱۲ پهپاد شلیک کرد.") == {30: "missiles",
                                                                          12: "drones"}


# -- Arabic: the verb or noun of the act leads ---------------------------------------------
def test_ar_dead_wounded_and_held():
    assert _measures("rules-ar", "قتل سبعة مدنيين في القصف.") == {7: "dead"}
    assert _measures("rules-ar", "أسفر الانفجار عن إصابة تسعة من العمال.") == {9: "wounded"}
    assert _measures("rules-ar", "أعلنت الشرطة اعتقال خمسة أشخاص.") == {5: "arrested"}


def test_ar_drones_in_two_words_and_fighters():
    assert _measures("rules-ar", "أطلقت الجماعة ثلاث طائرات مسيرة.") == {3: "drones"}
    assert _measures("rules-ar", "تضم الكتيبة نحو 400 مقاتل.") == {400: "fighters"}
