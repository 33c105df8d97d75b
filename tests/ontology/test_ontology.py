"""The vocabulary of ontology.yaml: complete, consistent with itself and with the code that
names its terms, and documented by docs/ontology.md."""
from __future__ import annotations

from pathlib import Path
from typing import get_args

from actorgraph import model, ontology

DOC = Path(__file__).resolve().parents[2] / "docs" / "ontology.md"


def test_the_documentation_page_is_generated_from_the_yaml():
    assert DOC.read_text(encoding="utf-8") == ontology.render_markdown(), (
        "docs/ontology.md differs from src/actorgraph/ontology.yaml; regenerate it with "
        "`PYTHONPATH=src python -m actorgraph.ontology > docs/ontology.md`")


def test_every_predicate_joins_known_types():
    types = {t.name for t in ontology.entity_types()}
    for p in ontology.predicates():
        assert p.subject and p.object, p.name
        assert set(p.subject) <= types and set(p.object) <= types, p.name
        if p.symmetric:
            assert set(p.subject) == set(p.object), p.name


def test_every_term_says_what_it_means():
    o = ontology.load()
    terms = [*o.entity_types, *(k for t in o.entity_types for k in t.kinds), *o.predicates,
             *o.event_types, *o.modalities, *o.claim_kinds, *o.contradiction_kinds]
    for term in terms:
        assert term.description.strip().endswith("."), term.name
        assert "\n" not in term.description, term.name


def test_the_plover_types():
    names = [e.name for e in ontology.event_types()]
    assert len(names) == len(set(names)) == 16
    assert all(n.isupper() for n in names)
    assert {"ASSAULT", "THREATEN", "COERCE", "AID", "SANCTION"} <= set(names)
    assert {e.name for e in ontology.event_types() if e.attack} == {"ASSAULT", "THREATEN"}
    assert ontology.is_cooperative("AID") and not ontology.is_cooperative("ASSAULT")
    assert not ontology.is_cooperative("NOT-A-TYPE")


def test_names_are_unique_and_mappings_are_one_to_one():
    preds = ontology.predicates()
    assert len({p.name for p in preds}) == len(preds)
    written = [p.stix for p in preds]
    read = [t for p in preds for t in p.stix_read]
    assert len(set(written + read)) == len(written) + len(read)   # read back unambiguously
    sectors = [s for t in ontology.entity_types() for k in t.kinds for s in k.stix_sectors_read]
    assert len(sectors) == len(set(sectors))
    for t in ontology.entity_types():
        for k in t.kinds:
            assert k.stix_sector is None or k.stix_sector in k.stix_sectors_read, k.name


def test_look_ups():
    assert ontology.predicate("leader_of").subject == ("person",)
    assert ontology.predicate("no_such") is None
    assert ontology.is_symmetric("allied_with") and not ontology.is_symmetric("opposes")
    assert ontology.symmetric_predicates() == {"allied_with", "associate_of"}
    assert ontology.label("sponsored_by") == "sponsored by"
    assert ontology.label("made_up") == "made up"
    assert ontology.kind("organization", "armed_group").label == "armed group"
    assert ontology.kind("person", "armed_group") is None
    assert ontology.kind_label("political_party") == "political party"
    assert ontology.entity_type("channel").ftm_schema == "UserAccount"


def test_the_models_literals_are_the_ontologys_terms():
    o = ontology.load()
    assert model.ENTITY_TYPES == tuple(t.name for t in o.entity_types)
    assert get_args(model.EntityType) == model.ENTITY_TYPES
    assert model.ORG_KINDS == tuple(k.name for k in ontology.entity_type("organization").kinds)
    assert get_args(model.Modality) == ontology.modalities()
