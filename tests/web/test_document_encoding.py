"""The document page names the encoding a document was decoded from when it was not
UTF-8 (stored since migration 0012), and its language."""
from __future__ import annotations

import re
from pathlib import Path

from ..dbs import new_db_url
from .conftest import client_for

RU = "Министерство обороны сообщило в понедельник о трёх погибших в Ереване."
EN = "The ministry said on Monday that three people were killed near the border."


def _about(html: str) -> dict[str, str]:
    """The page's "About this document" list: term -> description, tags stripped."""
    pairs = re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", html, re.S)
    return {k: re.sub(r"<[^>]+>", "", v).strip() for k, v in pairs}


def test_the_document_page_shows_a_legacy_encoding_and_the_language(tmp_path):
    from actorgraph.store.store import Store
    from actorgraph.workflow import ingest

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ru.txt").write_bytes(RU.encode("cp1251"))
    (tmp_path / "in" / "en.txt").write_text(EN, encoding="utf-8")
    store = Store(new_db_url(tmp_path))
    ingest([str(tmp_path / "in")], store)
    ids = {Path(d["source"]).name: d["id"] for d in store.documents()}
    client = client_for(store)

    ru = client.get(f"/documents/{ids['ru.txt']}")
    assert ru.status_code == 200
    about = _about(ru.text)
    assert about["Encoding"] == "decoded from cp1251, not UTF-8"
    assert about["Language"] == "ru"
    assert RU.split()[0] in ru.text          # the text itself, decoded right

    en = client.get(f"/documents/{ids['en.txt']}")
    about = _about(en.text)
    assert "Encoding" not in about and about["Language"] == "en"

    api = client.get(f"/api/documents/{ids['ru.txt']}")
    assert api.status_code == 200 and api.json()["encoding"] == "cp1251"
    assert client.get(f"/api/documents/{ids['en.txt']}").json()["encoding"] is None
