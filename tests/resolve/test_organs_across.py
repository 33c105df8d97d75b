"""The same generic title of a state organ in two reports about two states is two organs;
the same organ named in two languages is one."""
from __future__ import annotations

import json

from actorgraph.store.store import Store
from actorgraph.workflow import ingest


def _write(folder, name, text, language):
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.meta.json").write_text(json.dumps(
        {"title": name, "published": "2024-02-01", "language": language}), encoding="utf-8")


def test_one_title_of_two_states_organs_is_two_entities_and_one_organ_in_two_languages_one(
        tmp_path, db_url):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "a", "Dünən Gürcüstan Xarici İşlər Nazirliyi bəyanat yayıb.", "az")
    _write(corpus, "b", "Bu gün Türkiyə Xarici İşlər Nazirliyi etiraz notası verib.", "az")
    _write(corpus, "c", "Вчера МИД Турции выступил с заявлением.", "ru")
    store = Store(db_url)
    ingest([str(corpus)], store)
    by_name = {e.name: e for e in store.entities()}
    assert "Ministry of Foreign Affairs of Turkey" in by_name
    turkey = by_name["Ministry of Foreign Affairs of Turkey"]
    georgia = next(e for e in by_name.values() if "Georgia" in e.name and "Foreign" in e.name)
    assert turkey.id != georgia.id
    assert store.entity("МИД Турции").id == turkey.id         # found by its Russian name
