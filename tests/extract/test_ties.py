"""Sponsorship, alliance and place said in passing (issue 12), on sentences written for
these tests: hyphenated modifiers, apposition, coordination with a shared participle,
demonyms on group nouns."""
from __future__ import annotations

from .test_relations import relations, triples


def test_capital_before_a_backing_participle_names_its_state(nlp):
    facts, k = relations("Asaib Ahl al-Haq, a Tehran-sponsored faction, denied the report.")
    assert (k["Asaib Ahl al-Haq"], "sponsored_by", "country:iran") in triples(facts)


def test_city_before_based_is_where_the_group_sits(nlp):
    facts, k = relations("Asaib Ahl al-Haq, a Basra-based faction, denied the report.")
    assert (k["Asaib Ahl al-Haq"], "based_in", k["Basra"]) in triples(facts)


def test_quantifier_after_a_list_shares_the_participle(nlp):
    facts, k = relations("Hezbollah, the Houthis and Kataib Hezbollah, all financed by Iran, "
                         "sent envoys to the meeting.")
    got = triples(facts)
    for name in ("Hezbollah", "Houthis", "Kataib Hezbollah"):
        assert (k[name], "sponsored_by", k["Iran"]) in got


def test_demonym_on_a_group_noun_in_apposition(nlp):
    facts, k = relations("Kataib Sayyid al-Shuhada, a Syrian armed faction, shelled the town.")
    assert (k["Kataib Sayyid al-Shuhada"], "based_in", "country:syria") in triples(facts)


def test_demonym_on_a_group_noun_before_the_name(nlp):
    facts, k = relations("The Lebanese movement Amal held a rally in Tyre.")
    assert (k["Amal"], "based_in", "country:lebanon") in triples(facts)


def test_demonym_of_the_sponsor_is_not_the_home(nlp):
    facts, k = relations("Asaib Ahl al-Haq, an Iranian-backed militia, denied the report.")
    got = triples(facts)
    assert (k["Asaib Ahl al-Haq"], "sponsored_by", "country:iran") in got
    assert not any(p == "based_in" for _, p, _ in got)


def test_operating_in_two_coordinated_places(nlp):
    facts, k = relations("Asaib Ahl al-Haq has fought in Yemen and in Lebanon.")
    got = triples(facts)
    assert (k["Asaib Ahl al-Haq"], "operates_in", k["Yemen"]) in got
    assert (k["Asaib Ahl al-Haq"], "operates_in", k["Lebanon"]) in got


def test_active_verb_coordinated_with_a_passive_shares_its_subject(nlp):
    facts, k = relations("Kataib Hezbollah is financed by Iran and operates in Yemen.")
    got = triples(facts)
    assert (k["Kataib Hezbollah"], "sponsored_by", k["Iran"]) in got
    assert (k["Kataib Hezbollah"], "operates_in", k["Yemen"]) in got


def test_hyphenated_sponsor_covers_the_coordinated_names(nlp):
    facts, k = relations("The Iran-funded Kataib Hezbollah and Asaib Ahl al-Haq denied it.")
    got = triples(facts)
    assert (k["Kataib Hezbollah"], "sponsored_by", k["Iran"]) in got
    assert (k["Asaib Ahl al-Haq"], "sponsored_by", k["Iran"]) in got


def test_a_demonym_group_noun_referring_back_places_nothing(nlp):
    facts, _ = relations("Kataib Hezbollah has trained with the Lebanese group in Syria.")
    assert not any(p == "based_in" for _, p, _ in triples(facts))


def test_two_demonyms_on_one_group_noun_place_nothing(nlp):
    facts, _ = relations("Syrian and Lebanese militias such as Amal and Kataib Hezbollah "
                         "sent fighters.")
    assert not any(p == "based_in" for _, p, _ in triples(facts))
