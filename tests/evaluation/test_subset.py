"""Cutting a gold annotation to the documents of one language."""
import json

from actorgraph.evaluation.subset import cut, languages


def _corpus(tmp_path):
    texts = {"a.txt": ("The Sabirin movement attacked a depot near Basra.", "en"),
             "b.txt": ("Группировка Сабирин атаковала склад.", "ru")}
    for name, (text, lang) in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        (tmp_path / name.replace(".txt", ".meta.json")).write_text(json.dumps({"language": lang}))
    return tmp_path


GOLD = {
    "documents": ["a.txt", "b.txt"],
    "entities": [
        {"key": "sabirin", "type": "organization", "names": ["Sabirin", "Сабирин"]},
        {"key": "basra", "type": "place", "names": ["Basra"]},
        {"key": "iraq", "type": "country", "names": ["Iraq"]},
    ],
    "relations": [{"s": "sabirin", "p": "operates_in", "o": "iraq", "docs": ["a.txt"]}],
    "events": [{"type": "ASSAULT", "actors": ["sabirin"], "targets": [], "location": "basra",
                "docs": ["a.txt", "b.txt"]}],
    "quantities": [],
    "contradictions": [{"about": "x", "texts": [["a"], ["b"]], "docs": ["a.txt", "b.txt"]}],
}


def test_documents_by_language(tmp_path):
    assert languages(GOLD, _corpus(tmp_path)) == {"en": ["a.txt"], "ru": ["b.txt"]}


def test_the_russian_part_keeps_only_what_its_text_tells(tmp_path):
    part = cut(GOLD, _corpus(tmp_path), ["b.txt"])
    assert part["documents"] == ["b.txt"]
    names = {e["key"]: e["names"] for e in part["entities"] if not e.get("optional")}
    assert names == {"sabirin": ["Сабирин"]}
    assert part["relations"] == []
    assert [e["docs"] for e in part["events"]] == [["b.txt"]]
    # the event's place is not written in the Russian text: optional, not required
    assert {e["key"] for e in part["entities"] if e.get("optional")} == {"basra"}
    assert part["contradictions"] == []          # it needs both documents
