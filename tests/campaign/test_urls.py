from __future__ import annotations

import pytest

from actorgraph.campaign.urls import canonical_url


@pytest.mark.parametrize(("a", "b"), [
    ("https://youtu.be/abcDEF12345?si=xyz", "https://www.youtube.com/watch?v=abcDEF12345"),
    ("https://youtube.com/shorts/abcDEF12345", "https://m.youtube.com/watch?v=abcDEF12345&feature=share"),
    ("https://t.me/s/SomeChan/123", "https://t.me/somechan/123"),
    ("https://telegram.me/somechan/123", "t.me/somechan/123"),
    ("https://news.example.org/a/b?utm_source=tg&utm_medium=social", "http://www.news.example.org/a/b/"),
    ("https://news.example.org/a?fbclid=IwAR1&id=3", "https://news.example.org/a?id=3"),
    ("https://x.org/p?b=2&a=1", "https://x.org/p?a=1&b=2"),
])
def test_forms_of_one_target_fold(a, b):
    assert canonical_url(a) == canonical_url(b)


@pytest.mark.parametrize(("a", "b"), [
    ("https://youtu.be/abcDEF12345", "https://youtu.be/abcDEF12346"),
    ("https://news.example.org/a?id=3", "https://news.example.org/a?id=4"),
    ("https://t.me/chan/1", "https://t.me/chan/2"),
])
def test_different_targets_stay_apart(a, b):
    assert canonical_url(a) != canonical_url(b)
