"""A document's language: its metadata wins; otherwise the language of most of its text."""
from actorgraph.ingest.language import detect_language, paragraph_language, with_language
from actorgraph.model import DocumentMeta, LoadedDocument

ENGLISH = ("The provincial council met on Monday to discuss the flooding that closed the "
           "coastal road for three days, officials said.")
RUSSIAN = "Совет провинции в понедельник обсудил наводнение, из-за которого дорога была закрыта."
AZERBAIJANI = "Nazirlik bildirib ki, sahil yolu üç gün ərzində bağlı qalıb və təmir işləri davam edir."
PERSIAN = "وزارت کشور روز دوشنبه اعلام کرد که جاده ساحلی به مدت سه روز بسته خواهد ماند."
ARABIC = "أعلنت الوزارة يوم الاثنين أن الطريق الساحلي سيبقى مغلقا لمدة ثلاثة أيام بسبب الفيضانات."


def _doc(text, language=None):
    return LoadedDocument(source="x.txt", media_type="text/plain", original=text.encode(),
                          text=text, meta=DocumentMeta(language=language), sha256="0")


def test_each_language_of_the_extractors_is_told_apart():
    got = [paragraph_language(t) for t in (ENGLISH, RUSSIAN, AZERBAIJANI, PERSIAN, ARABIC)]
    assert got == ["en", "ru", "az", "fa", "ar"]


def test_a_quotation_in_another_language_does_not_decide():
    text = "\n\n".join([RUSSIAN, ENGLISH[:60], RUSSIAN.replace("понедельник", "среду")])
    assert detect_language(text) == "ru"


def test_too_little_text_says_nothing():
    assert detect_language("OK. 12 34") is None


def test_metadata_wins_over_detection():
    assert with_language(_doc(RUSSIAN, language="en")).meta.language == "en"
    assert with_language(_doc(RUSSIAN)).meta.language == "ru"
