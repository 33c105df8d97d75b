from __future__ import annotations

from actorgraph.campaign.textnorm import text_key, tokens


def test_azerbaijani_i_forms_fold_together():
    assert tokens("İSTİQAMƏT istiqamət ıstıqamət ISTIQAMƏT") == ["istiqamət"] * 4


def test_mentions_urls_emoji_and_punctuation_do_not_change_the_key():
    a = "📢 Bakı şəhərində yeni körpü açılıb! https://t.me/x/1 @editor"
    b = "BAKI şəhərində   yeni körpü açılıb."
    assert text_key(a) == text_key(b)
    assert text_key(a) != text_key("Bakı şəhərində yeni körpü bağlanıb")


def test_hashtags_count_as_words():
    assert tokens("Bakı #Bakı") == ["baki", "baki"]
    assert text_key("🔥 !!") is None
