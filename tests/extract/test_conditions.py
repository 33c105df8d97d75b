"""How badly a person was hurt, as a sentence says it (sentences written for these tests)."""
from __future__ import annotations

import pytest

from actorgraph.extract.rules_en.claims.conditions import find_conditions

from .helpers import key_of, parsed


def conditions(text: str):
    state = parsed(text)
    return state, [(c.subject, c.condition) for c in
                   find_conditions(state.doc, state.sentences, state.mentions)]


@pytest.mark.parametrize("text, condition", [
    ("Farid Nazari suffered superficial wounds in the blast.", "light"),
    ("Farid Nazari was lightly wounded when the device went off.", "light"),
    ("The agency said the wounds of Farid Nazari were minor.", "light"),
    ("Farid Nazari was seriously injured in the explosion.", "grave"),
    ("Farid Nazari lost an eye in the explosion.", "grave"),
    ("Farid Nazari sustained life-threatening injuries.", "grave"),
    ("Farid Nazari was in critical condition after the attack.", "grave"),
])
def test_how_badly_a_named_person_was_hurt(text, condition):
    state, found = conditions(text)
    assert found == [(key_of(state, "Farid Nazari"), condition)]


def test_a_pronoun_takes_the_person_named_before():
    state, found = conditions("Farid Nazari, the envoy, was among the wounded. A newspaper "
                              "reported that he had lost an eye.")
    assert found == [(key_of(state, "Farid Nazari"), "grave")]


@pytest.mark.parametrize("text", [
    "Farid Nazari was not seriously hurt.",
    "The blast caused serious damage to the embassy of Farid Nazari.",
    "Farid Nazari said many civilians were seriously wounded.",
])
def test_no_condition_of_the_person(text):
    _, found = conditions(text)
    assert [c for _, c in found if c == "grave"] == []


@pytest.mark.parametrize("text, condition", [
    ("Farid Nazari was taken to hospital. The agency described his injury as superficial.",
     "light"),
    ("Farid Nazari was taken to hospital. His wounds were described as critical.", "grave"),
])
def test_a_wound_described_as_light_or_grave(text, condition):
    state, found = conditions(text)
    assert found == [(key_of(state, "Farid Nazari"), condition)]


def test_he_is_not_a_plural_role_named_before():
    state, found = conditions("Kemal Aydin, the health minister, gave no figures. Farid "
                              "Nazari, the envoy, was among the wounded; a newspaper, citing two "
                              "members of the Guards, reported that he had lost an eye.")
    assert found == [(key_of(state, "Farid Nazari"), "grave")]


def test_a_role_named_after_its_place_by_apposition():
    state, found = conditions("Kemal Aydin, the health minister, gave no figures. Its "
                              "ambassador in Vienna, Farid Nazari, was among the wounded; a "
                              "newspaper, citing two members of the Guards, reported that he "
                              "had lost an eye.")
    assert found == [(key_of(state, "Farid Nazari"), "grave")]
