"""Folding names written in Arabic script."""
from actorgraph.knowledge.names import fold


def test_vowel_signs_are_not_part_of_an_arabic_script_name():
    assert fold("مُحَمَّد عَلِيّ") == fold("محمد علي")
    assert fold("مُحَمَّد") != fold("محمود")


def test_dotted_initials_are_one_word():
    assert fold("the U.N.-backed talks") == fold("the UN-backed talks")
    assert fold("U.S.-led coalition") == fold("US-led coalition")
    assert fold("St. Louis") == "st louis"


def test_a_written_long_i_must_be_a_vowel_in_the_latin_spelling():
    from actorgraph.knowledge.names import long_vowels_agree
    assert long_vowels_agree(fold("حسینی"), "hosseini")
    assert not long_vowels_agree(fold("حسینی"), "hassani")
    assert long_vowels_agree(fold("سلیمانی"), "soleimani")
    assert long_vowels_agree(fold("حسن"), "hassan")        # short vowels constrain nothing
