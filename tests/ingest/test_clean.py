"""clean() marks furniture and bios, never touches the text, and leaves reporting alone."""
from __future__ import annotations

import hashlib

import pytest

from actorgraph.ingest import clean
from actorgraph.ingest.clean import furniture_rule
from actorgraph.model import CleanDocument, DocumentMeta, LoadedDocument

ARTICLE = """Share this article
Print Friendly, PDF & Email
By Maria Lopez

In March, the Wagner Group moved two hundred fighters from Libya to northern Mali, \
according to local officials in Gao.

The deployment followed a meeting in Bamako between the junta and Russian officers. \
Residents said the fighters set up camp near the airport.

Photo by Michele Cattani via Getty Images, cropped.

Analysts expect the group to expand its mining concessions in the region.

Maria Lopez is a senior research fellow at the Sahel Studies Centre, where she \
works on armed groups in West Africa.

Share this

## About the Author

Maria Lopez
Maria Lopez is the Centre's Sahel analyst. She previously reported from Niamey for a news agency.

Support our work

Your donation helps us keep our analysis free for everyone.

We use cookies to improve your experience. See our cookie policy.

Accept all cookies

Related topics

.author-box, .share-row { display:none; }
"""

BODY_SENTENCES = (
    "In March, the Wagner Group moved two hundred fighters from Libya to northern Mali",
    "The deployment followed a meeting in Bamako between the junta and Russian officers.",
    "Analysts expect the group to expand its mining concessions in the region.",
)
FURNITURE_LINES = (
    "Share this article", "Print Friendly, PDF & Email", "By Maria Lopez",
    "Photo by Michele Cattani via Getty Images, cropped.", "Share this", "Support our work",
    "Your donation helps us keep our analysis free for everyone.",
    "We use cookies to improve your experience. See our cookie policy.",
    "Accept all cookies", "Related topics", ".author-box, .share-row { display:none; }",
)
BIO_LINES = (
    "Maria Lopez is a senior research fellow at the Sahel Studies Centre",
    "## About the Author", "Maria Lopez\nMaria Lopez is the Centre's Sahel analyst.",
    "She previously reported from Niamey for a news agency.",
)


def cleaned(text: str) -> CleanDocument:
    doc = LoadedDocument(source="mem.txt", media_type="text/plain", original=text.encode(),
                         text=text, meta=DocumentMeta(),
                         sha256=hashlib.sha256(text.encode()).hexdigest())
    return clean(doc)


def kinds_of(result: CleanDocument, snippet: str) -> set[str]:
    start = result.text.index(snippet)
    return {result.kind_at(i) for i in range(start, start + len(snippet))}


def assert_covers(result: CleanDocument) -> None:
    segments = result.segments
    assert segments[0].start == 0
    assert segments[-1].end == len(result.text)
    for before, after in zip(segments, segments[1:]):
        assert before.end == after.start
        assert before.kind != after.kind  # neighbours are merged
    assert all(seg.start < seg.end for seg in segments)


def test_article_furniture_bio_and_body() -> None:
    result = cleaned(ARTICLE)
    assert result.text == ARTICLE
    assert_covers(result)
    for sentence in BODY_SENTENCES:
        assert kinds_of(result, sentence) == {"body"}, sentence
    for line in FURNITURE_LINES:
        assert kinds_of(result, line) == {"furniture"}, line
    for line in BIO_LINES:
        assert kinds_of(result, line) == {"bio"}, line


def test_masked_text_blanks_only_furniture() -> None:
    result = cleaned(ARTICLE)
    masked = result.masked_text()
    assert len(masked) == len(ARTICLE)
    assert "Share this" not in masked and "display:none" not in masked
    assert "Support our work" not in masked
    for sentence in BODY_SENTENCES:
        assert sentence in masked
    assert masked.count("\n") == ARTICLE.count("\n")


def test_institution_boilerplate_and_closing_bio_at_the_end() -> None:
    text = (
        "The Husseiniyyun were founded in 2015 and are led by Tawhid Ibrahim Begli.\n\n"
        "Their leaders are based in Qom, and the group denies any role in the 2018 attack.\n\n"
        "\n"
        "Peyman Ahmadi and Sara Klein are non-resident scholars at the Caspian Institute. "
        "Their research covers security in the South Caucasus.\n\n"
        "Image credit: Wikimedia Commons\n\n"
        "The Caspian Policy Forum (CPF) is an independent, non-partisan, non-profit "
        "organization. It does not take institutional positions. For a list of our donors, "
        "please click here.\n"
    )
    result = cleaned(text)
    assert_covers(result)
    assert kinds_of(result, "Their leaders are based in Qom") == {"body"}
    assert kinds_of(result, "Peyman Ahmadi and Sara Klein are non-resident") == {"bio"}
    assert kinds_of(result, "Their research covers security") == {"bio"}
    assert kinds_of(result, "Image credit: Wikimedia Commons") == {"furniture"}
    assert kinds_of(result, "The Caspian Policy Forum (CPF) is an independent") == {"bio"}


def test_bio_continuation_in_its_own_paragraph() -> None:
    text = ("Hezbollah sent advisers to Yemen in 2015, officials said.\n\n"
            "More advisers followed in 2016.\n\n"
            "Ali Karimi is a journalist based in Beirut.\n\n"
            "His work focuses on Lebanese politics.\n")
    result = cleaned(text)
    assert kinds_of(result, "More advisers followed in 2016.") == {"body"}
    assert kinds_of(result, "Ali Karimi is a journalist") == {"bio"}
    assert kinds_of(result, "His work focuses on Lebanese politics.") == {"bio"}


@pytest.mark.parametrize("closing", [
    "Tawhid Ibrahim Begli is the founder and leader of the Husseiniyyun.",
    "Qassem Soleimani was the commander of the Quds Force until 2020.",
    "Share prices of Azerbaijani energy firms fell after the attack.",
    "The group urged followers to click here on its website to donate.",
    "Photographs of the leader were shared widely on Telegram.",
    "Hezbollah is an Iran-backed armed group and political party in Lebanon.",
    "By 2017 the group ran more than 100 channels on YouTube and Telegram.",
    "Related reporting by Reuters showed the group had expanded to Georgia.",
    "Follow-up raids in Ganja led to the arrest of twelve members.",
])
def test_reporting_is_never_furniture_or_bio(closing: str) -> None:
    text = f"The Husseiniyyun operate in Azerbaijan.\n\n{closing}\n\n{closing}\nShare this\n"
    result = cleaned(text)
    assert kinds_of(result, closing) == {"body"}
    assert kinds_of(result, "Share this") == {"furniture"}
    assert [s.kind for s in result.segments] == ["body", "furniture"]


def test_single_paragraph_is_never_all_bio() -> None:
    result = cleaned("Joseph Epstein is a legislative fellow at the Middle East Forum.")
    assert [s.kind for s in result.segments] == ["body"]


def test_about_heading_takes_name_and_bio_paragraphs() -> None:
    text = ("Fighters crossed into Syria in 2013.\n\nAbout the Authors\n\nAnna Berg\n\n"
            "Anna Berg is a reporter at the Daily Planet.\n\nJon Snow\n\n"
            "Jon Snow was a fellow at the Institute.\n\nMore from this author\n\n"
            "The Quds Force trained the first cohort.\n")
    result = cleaned(text)
    assert_covers(result)
    for part in ("About the Authors", "Anna Berg\n", "Anna Berg is a reporter", "Jon Snow\n",
                 "Jon Snow was a fellow"):
        assert kinds_of(result, part) == {"bio"}, part
    assert kinds_of(result, "More from this author") == {"furniture"}
    assert kinds_of(result, "The Quds Force trained the first cohort.") == {"body"}


def test_plain_text_without_furniture_is_one_body_segment() -> None:
    text = "\n\nLine one about Hamas.\nLine two about Gaza.\n\n\n"
    result = cleaned(text)
    assert [(s.start, s.end, s.kind) for s in result.segments] == [(0, len(text), "body")]


def test_empty_text_has_no_segments() -> None:
    assert cleaned("").segments == ()


def test_leading_furniture_takes_leading_blank_lines() -> None:
    text = "\nShare this\n\nBody text here.\n"
    result = cleaned(text)
    assert [(s.start, s.end, s.kind) for s in result.segments] == [
        (0, 13, "furniture"), (13, len(text), "body")]


@pytest.mark.parametrize("line, rule", [
    ("Share this", "share_buttons"),
    ("**Print Friendly, PDF & Email**", "print_friendly"),
    ("Take Action", "call_to_action"),
    ("Invest in the truth", "call_to_action"),
    ("For a listing of our donors, please click here.", "click_here"),
    ("Click here to download the report", "click_here"),
    ("For more information click here.", "click_here"),
    (".single-author,.author-section, .related-topics,.next-previous { display:none; }",
     "css_rules"),
    ("Photo from Hoseyniyun Twitter account, cropped.", "photo_credit_source"),
    ("Sign up for our weekly newsletter", "newsletter"),
    ("- Twitter | Facebook | Email", "social_button_row"),
    ("Tags: Iran, Azerbaijan, Hezbollah", "taxonomy"),
    ("5 min read", "reading_time"),
    ("© 2024 Example Institute. All rights reserved.", "copyright"),
    ("This website uses cookies to improve your experience.", "cookie_banner"),
])
def test_furniture_rules_by_name(line: str, rule: str) -> None:
    assert furniture_rule(line) == rule


@pytest.mark.parametrize("line", [
    "Share prices fell.", "He said: click here and you will see the videos.",
    "Take action against the militia, the minister urged parliament on Monday.",
    "Photo evidence showed the convoy near Aleppo.", "by the river the fighters waited",
    "Print media in Baku reported the arrests.", "",
    "To reach the camp, recruits were told to click here on a Telegram link.",
])
def test_furniture_rules_leave_reporting(line: str) -> None:
    assert furniture_rule(line) is None
